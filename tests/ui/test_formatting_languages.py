"""The ledger panels and the holiday calendar show dates, weekdays and figures in the
language of the program."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from PySide6.QtWidgets import QDateEdit
from pytestqt.qtbot import QtBot

from reqdesk import i18n
from reqdesk.models.enums import DayKind
from reqdesk.services.context import Context
from reqdesk.services.requirements.tracking import tracking_detail
from reqdesk.ui.calendar_dialog import CalendarDialog
from reqdesk.ui.ledger.detail_pane import LedgerDetailPane
from reqdesk.ui.ledger.metrics_panel import MetricsPanel
from tests.services.registration_inputs import NOW
from tests.services.review_inputs import person
from tests.services.test_tracking_detail import worked_through


@pytest.fixture
def english() -> Iterator[None]:
    """English for one test, Simplified Chinese again afterwards."""
    i18n.install("en")
    yield
    i18n.install("zh_CN")


def calendar_day_text(qtbot: QtBot, ctx: Context) -> tuple[str, date]:
    dialog = CalendarDialog(person(ctx, "admin"))
    qtbot.addWidget(dialog)
    dialog.add_day(date(2026, 10, 1), DayKind.HOLIDAY, "National Day")
    editor = dialog.table.cellWidget(dialog.table.rowCount() - 1, 0)
    assert isinstance(editor, QDateEdit)
    assert dialog.table.columnWidth(0) >= editor.sizeHint().width()  # the weekday is not cut
    return editor.text(), dialog.days()[-1].day


def test_calendar_days_show_their_weekday_in_chinese(qtbot: QtBot, demo_ctx: Context) -> None:
    """A holiday reads 2026-10-01 星期四 and is still saved as that day."""
    assert calendar_day_text(qtbot, demo_ctx) == ("2026-10-01 星期四", date(2026, 10, 1))


def test_calendar_days_show_their_weekday_in_english(
    qtbot: QtBot, demo_ctx: Context, english: None
) -> None:
    """In English the same day reads Thu 1 Oct 2026."""
    assert calendar_day_text(qtbot, demo_ctx) == ("Thu 1 Oct 2026", date(2026, 10, 1))


def test_metrics_panel_in_english(qtbot: QtBot, demo_ctx: Context, english: None) -> None:
    """The period reads 1 Nov 2026 – 30 Nov 2026; rates carry a percent sign."""
    panel = MetricsPanel(person(demo_ctx, "zhuguan"))
    qtbot.addWidget(panel)
    panel.refresh()
    assert panel.range_text.text() == "1 Nov 2026 – 30 Nov 2026"
    assert panel.figures["completion"].text().split()[0].endswith("%")


def test_metrics_panel_in_chinese(qtbot: QtBot, demo_ctx: Context) -> None:
    """The period reads 2026-11-01 – 2026-11-30."""
    panel = MetricsPanel(person(demo_ctx, "zhuguan"))
    qtbot.addWidget(panel)
    panel.refresh()
    assert panel.range_text.text() == "2026-11-01 – 2026-11-30"


def test_detail_pane_in_english(qtbot: QtBot, demo_ctx: Context, english: None) -> None:
    """Times in the English form, the contact in plain brackets, no full-width gaps."""
    requirement_id = worked_through(demo_ctx)
    ctx = person(demo_ctx, "zhuguan", NOW + timedelta(hours=72))
    pane = LedgerDetailPane(ctx)
    qtbot.addWidget(pane)
    pane.show_requirement(requirement_id)
    d = tracking_detail(ctx, requirement_id)
    assert f"{d.customer} ({d.contact_name}  {d.contact_phone})" in pane.header.text()
    assert "\u3000" not in pane.header.text()
    _due, done, _state = pane.node_labels["first_response"]
    assert done.text() == "19 Nov 2026 12:00"
    first_event = pane.timeline.topLevelItem(0)
    assert first_event is not None and first_event.text(0).endswith("Nov 2026 10:00")


@pytest.mark.parametrize(("language", "shown"), [("zh_CN", "2026-11-20"), ("en", "20 Nov 2026")])
def test_date_fields_follow_the_language(
    qtbot: QtBot, demo_ctx: Context, language: str, shown: str
) -> None:
    """The ledger's date fields and the registration form's received time."""
    from PySide6.QtCore import QDate, QDateTime, QTime

    from reqdesk.ui.ledger.filter_bar import LedgerFilterBar
    from reqdesk.ui.registration.form import RegistrationForm

    i18n.install(language)
    try:
        ctx = person(demo_ctx, "zhuguan")
        bar = LedgerFilterBar(ctx)
        qtbot.addWidget(bar)
        bar.last.setDate(QDate(2026, 11, 20))
        assert bar.last.text() == shown
        form = RegistrationForm(person(demo_ctx, "kefu"))
        qtbot.addWidget(form)
        form.received_at.setDateTime(QDateTime(QDate(2026, 11, 20), QTime(9, 5)))
        assert form.received_at.text().startswith(f"{shown} ")  # then the time of day
    finally:
        i18n.install("zh_CN")
