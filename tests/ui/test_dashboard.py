"""The dashboard strip on the demo data: its counters, the views they open (the real
ledger and review tabs show as many rows as the counter says), refreshing after a change
and on the timer."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from reqdesk.i18n import translate
from reqdesk.models.enums import ReviewRouting
from reqdesk.services.context import Context
from reqdesk.services.dashboard import LEDGER_PRESETS, Counter, dashboard_counts
from reqdesk.services.requirements.registration import register_requirement
from reqdesk.services.reviews.opening import OpenReviewInput, open_review
from reqdesk.services.sla import BUSINESS_TZ
from reqdesk.ui.dashboard import (
    ALERT_STYLES,
    QUIET_STYLE,
    REFRESH_INTERVAL_MS,
    DashboardStrip,
)
from reqdesk.ui.ledger.dialogs import ReturnVisitDialog
from reqdesk.ui.ledger.tab import LedgerTab
from reqdesk.ui.reviews.tab import ReviewsTab
from tests.helpers import signed_in
from tests.services.registration_inputs import form
from tests.services.review_inputs import department_id, items

AT = datetime(2026, 11, 20, 16, 0, tzinfo=BUSINESS_TZ)
LABELS = {
    Counter.OVERDUE: "Overdue {count}",
    Counter.DUE_TODAY: "Due today {count}",
    Counter.MY_SIGN_OFFS: "Awaiting my sign-off {count}",
    Counter.RETURN_VISITS: "Awaiting return visit {count}",
}


def label(counter: Counter, count: int) -> str:
    """The counter's text in the language installed (Chinese in the tests: "逾期 12")."""
    return translate("DashboardStrip", LABELS[counter]).format(count=count)


def user(demo_ctx: Context, username: str) -> Context:
    return replace(signed_in(demo_ctx, username), clock=lambda: AT)


def strip_for(qtbot: QtBot, ctx: Context) -> DashboardStrip:
    """A strip shown, its first counts read (they are read once back in the event loop)."""
    strip = DashboardStrip(ctx)
    qtbot.addWidget(strip)
    assert strip.counts is None
    with qtbot.waitSignal(strip.refreshed):
        strip.show()
    return strip


def ledger_for(qtbot: QtBot, ctx: Context) -> LedgerTab:
    tab = LedgerTab(ctx)
    qtbot.addWidget(tab)
    tab.resize(1500, 800)
    tab.show()
    qtbot.waitUntil(lambda: tab.panel.model.rowCount() > 0)
    return tab


@pytest.mark.parametrize("username", ["zhuguan", "xiaoshou", "kefu"])
def test_the_counters_show_the_counts(qtbot: QtBot, demo_ctx: Context, username: str) -> None:
    """Text "逾期 63", a tooltip and an accessible name each; red, amber or quiet."""
    ctx = user(demo_ctx, username)
    strip = strip_for(qtbot, ctx)
    counts = dashboard_counts(ctx)
    assert strip.counts == counts
    assert counts.overdue > 0 and counts.due_today > 0
    for counter, button in strip.buttons.items():
        count = counts.of(counter)
        assert button.text() == label(counter, count)
        assert str(count) in button.accessibleName() and button.accessibleName() != button.text()
        assert button.toolTip() and button.accessibleDescription() == button.toolTip()
        assert (ALERT_STYLES[counter] if count else QUIET_STYLE) in button.styleSheet()
    assert "#b00020" in strip.buttons[Counter.OVERDUE].styleSheet()
    assert "#b00020" not in strip.buttons[Counter.DUE_TODAY].styleSheet()


@pytest.mark.parametrize("counter", list(LEDGER_PRESETS))
def test_a_click_opens_the_ledger_with_as_many_rows(
    qtbot: QtBot, demo_ctx: Context, counter: Counter
) -> None:
    """Overdue, due today, return visits: the ledger's filter is the preset, the others and
    the search cleared, and its row count is the counter's."""
    ctx = user(demo_ctx, "zhuguan")
    strip, tab = strip_for(qtbot, ctx), ledger_for(qtbot, ctx)
    bar = tab.filters
    bar.department.setCurrentIndex(1)
    bar.due_soon.setChecked(True)
    assert tab.panel.search is not None
    tab.panel.search.setText("报告")
    tab.panel._apply_search()
    tab.pages.setCurrentWidget(tab.metrics)
    strip.chosen.connect(tab.show_preset)
    with qtbot.waitSignal(strip.refreshed):
        strip.buttons[counter].click()
    assert tab.source.filter == LEDGER_PRESETS[counter]
    assert tab.panel.model.rowCount() == strip.counts.of(counter) > 0  # type: ignore[union-attr]
    assert tab.panel.search.text() == "" and bar.department.currentIndex() == 0
    assert tab.pages.currentIndex() == 0
    ticked = {box for box in bar.flags() if box.isChecked()}
    assert (
        ticked
        == {
            Counter.OVERDUE: {bar.overdue},
            Counter.DUE_TODAY: {bar.due_today},
            Counter.RETURN_VISITS: {bar.awaiting_visit},
        }[counter]
    )


def test_due_today_in_the_filter_bar(qtbot: QtBot, demo_ctx: Context) -> None:
    """The "due today" box filters the ledger like the counter, and clearing drops it."""
    ctx = user(demo_ctx, "zhuguan")
    tab = ledger_for(qtbot, ctx)
    everything = tab.panel.model.rowCount()
    tab.filters.due_today.setChecked(True)
    assert tab.panel.model.rowCount() == dashboard_counts(ctx).due_today
    tab.filters.clear()
    assert not tab.filters.due_today.isChecked()
    assert tab.panel.model.rowCount() == everything


def countersigned_review(demo_ctx: Context) -> None:
    """A new requirement under review, countersigned by Technical: Sales and Technical
    each have one more sign-off waiting."""
    desk = user(demo_ctx, "kefu")
    requirement_id = register_requirement(desk, form()).id
    tech = department_id(desk, "TECH")
    review = OpenReviewInput(
        requirement_id, items(), routing=ReviewRouting.COUNTERSIGN, countersigners=(tech,)
    )
    open_review(desk, review)


@pytest.mark.parametrize("username", ["xiaoshou", "jishu", "zongjingli", "kefu"])
def test_my_sign_offs_opens_my_task_list(qtbot: QtBot, demo_ctx: Context, username: str) -> None:
    """Awaiting my sign-off: the review tab's own list, as long as the counter says."""
    countersigned_review(demo_ctx)
    ctx = user(demo_ctx, username)
    strip = strip_for(qtbot, ctx)
    reviews = ReviewsTab(ctx)
    qtbot.addWidget(reviews)
    reviews.all_button.click()
    assert reviews.pages.currentIndex() == 1

    def show(counter: Counter) -> None:
        assert counter == Counter.MY_SIGN_OFFS
        reviews.show_my_tasks()

    strip.chosen.connect(show)
    strip.buttons[Counter.MY_SIGN_OFFS].click()
    assert reviews.pages.currentIndex() == 0 and reviews.mine_button.isChecked()
    assert strip.counts is not None
    assert reviews.tasks.rowCount() == strip.counts.my_sign_offs
    if username in ("xiaoshou", "jishu"):
        assert strip.counts.my_sign_offs > 1
    if username == "kefu":
        assert strip.counts.my_sign_offs == 0


def test_a_return_visit_in_the_ledger_refreshes_the_strip(
    qtbot: QtBot, demo_ctx: Context, on_dialog
) -> None:  # type: ignore[no-untyped-def]
    """The ledger reports the change; the strip, connected as in the main window, counts
    one return visit less and says so."""
    ctx = user(demo_ctx, "kefu")
    strip, tab = strip_for(qtbot, ctx), ledger_for(qtbot, ctx)
    tab.requirement_changed.connect(strip.refresh)
    before = strip.counts
    assert before is not None
    tab.show_preset(Counter.RETURN_VISITS)
    tab.panel.table.selectRow(0)

    def rate(dialog: ReturnVisitDialog) -> None:
        dialog.choose(4)
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    on_dialog(ReturnVisitDialog, rate)
    with qtbot.waitSignal(strip.refreshed) as refreshed:
        tab.detail.buttons["visit"].click()
    assert refreshed.args == [replace(before, return_visits=before.return_visits - 1)]
    button = strip.buttons[Counter.RETURN_VISITS]
    assert button.text() == label(Counter.RETURN_VISITS, before.return_visits - 1)
    assert tab.panel.model.rowCount() == before.return_visits - 1


def test_refreshes_come_together_wait_for_dialogs_and_repeat(
    qtbot: QtBot, demo_ctx: Context
) -> None:
    """Several change signals in a row cost one read; none while a modal dialog is open;
    the timer reads again every two minutes."""
    strip = strip_for(qtbot, user(demo_ctx, "zhuguan"))
    reads: list[object] = []
    strip.refreshed.connect(reads.append)
    with qtbot.waitSignal(strip.refreshed):
        for _ in range(3):
            strip.refresh()
    qtbot.wait(50)
    assert len(reads) == 1
    dialog = QDialog()
    qtbot.addWidget(dialog)
    dialog.setModal(True)
    dialog.show()
    strip.refresh_now()
    qtbot.wait(50)
    assert len(reads) == 1
    with qtbot.waitSignal(strip.refreshed, timeout=5000):
        dialog.close()
    assert len(reads) == 2
    assert strip._every.isActive() and strip._every.interval() == REFRESH_INTERVAL_MS
    with qtbot.waitSignal(strip.refreshed):
        strip._every.timeout.emit()


def test_signed_out_shows_no_strip(qtbot: QtBot, demo_ctx: Context) -> None:
    """Without a user (or the right to see the ledger) there is nothing to count."""
    window = QWidget()
    qtbot.addWidget(window)
    strip = DashboardStrip(demo_ctx, window)
    window.show()
    qtbot.wait(20)
    assert not strip.isVisible() and strip.counts is None and not strip._every.isActive()


def test_the_main_window_shows_the_strip_and_opens_each_view(
    qtbot: QtBot, demo_ctx: Context
) -> None:
    """In the real window: each counter switches to its tab with as many rows as it says."""
    from reqdesk.ui.main_window import MainWindow

    countersigned_review(demo_ctx)
    window = MainWindow(user(demo_ctx, "xiaoshou"), "公司")
    qtbot.addWidget(window)
    strip = window.dashboard
    with qtbot.waitSignal(strip.refreshed):
        window.show()
    counts = strip.counts
    assert counts is not None and counts.my_sign_offs > 0
    assert strip.geometry().bottom() < window.tabs.geometry().top()  # above the tabs
    for counter in (Counter.OVERDUE, Counter.DUE_TODAY, Counter.RETURN_VISITS):
        window.tabs.setCurrentWidget(window.customers_tab)
        strip.buttons[counter].click()
        assert window.tabs.currentWidget() is window.ledger_tab
        qtbot.waitUntil(lambda c=counter: window.ledger_tab.source.filter == LEDGER_PRESETS[c])
        assert window.ledger_tab.source.count() == counts.of(counter)
    strip.buttons[Counter.MY_SIGN_OFFS].click()
    assert window.tabs.currentWidget() is window.reviews_tab
    assert window.reviews_tab.tasks.rowCount() == counts.my_sign_offs


def test_a_database_that_went_away_keeps_the_last_counts(
    qtbot: QtBot, demo_ctx: Context, tmp_path: Path
) -> None:
    """The server restarts or the share drops: the timer's refresh logs, shows no error."""
    from reqdesk.db import open_database

    copy = tmp_path / "gone.db"
    copy.write_bytes(demo_ctx.db.sqlite_path.read_bytes())  # type: ignore[union-attr]
    db = open_database(copy)
    ctx = user(replace(demo_ctx, db=db), "zhuguan")
    strip = strip_for(qtbot, ctx)
    before = strip.counts
    db.engine.dispose()
    copy.write_bytes(b"this is no longer a database" * 200)
    strip.refresh_now()  # raises if the error escapes
    assert strip.counts == before
    db.dispose()
