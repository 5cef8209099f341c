"""The tracking ledger tab on the demo data: filters, Chinese search, colours, the detail,
a return visit, the Excel export, the weekly ledger preview and the metrics page."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from reqdesk.models import Requirement
from reqdesk.models.enums import Stage
from reqdesk.services.context import Context
from reqdesk.services.ledger_list import LedgerFilter, count_ledger, ledger_rows
from reqdesk.services.listing import Window
from reqdesk.services.metrics import metrics_by, period_metrics
from reqdesk.services.sla import BUSINESS_TZ
from reqdesk.ui.ledger.columns import DUE_SOON_BACKGROUND, OVERDUE_BACKGROUND
from reqdesk.ui.ledger.dialogs import ReturnVisitDialog
from reqdesk.ui.ledger.tab import LedgerTab
from reqdesk.ui.pdf_preview import PdfPreviewDialog
from tests.helpers import signed_in

AT = datetime(2026, 11, 20, 16, 0, tzinfo=BUSINESS_TZ)
STAGE, TITLE, DEPARTMENT, ALERT = 8, 3, 6, 15


def ledger(qtbot: QtBot, demo_ctx: Context, user: str = "zhuguan") -> LedgerTab:
    ctx = replace(signed_in(demo_ctx, user), clock=lambda: AT)
    tab = LedgerTab(ctx)
    qtbot.addWidget(tab)
    tab.resize(1500, 800)
    tab.show()
    qtbot.waitUntil(lambda: tab.panel.model.rowCount() > 0)
    return tab


def column(tab: LedgerTab, index: int, limit: int = 400) -> list[str]:
    model = tab.panel.model
    return [model.data(model.index(r, index)) for r in range(min(model.rowCount(), limit))]


def test_filters_narrow_the_ledger(qtbot: QtBot, demo_ctx: Context) -> None:
    tab = ledger(qtbot, demo_ctx)
    bar, model = tab.filters, tab.panel.model
    assert model.rowCount() == 600
    bar.stage.setCurrentIndex(bar.stage.findData(Stage.IN_PROGRESS))
    assert 0 < model.rowCount() < 600
    assert set(column(tab, STAGE)) == {"处理中"}
    bar.clear()
    bar.department.setCurrentIndex(1)
    department_id = bar.department.currentData()
    expected = count_ledger(tab.ctx, LedgerFilter(department_id=department_id))
    assert model.rowCount() == expected > 0
    assert set(column(tab, DEPARTMENT)) == {bar.department.currentText()}
    bar.clear()
    assert model.rowCount() == 600
    assert tab.panel.count_label.text() == "共 600 条需求"


def test_overdue_rows_are_red_and_marked(qtbot: QtBot, demo_ctx: Context) -> None:
    tab = ledger(qtbot, demo_ctx)
    model = tab.panel.model
    tab.filters.overdue.setChecked(True)
    overdue = count_ledger(tab.ctx, LedgerFilter(overdue_only=True))
    assert model.rowCount() == overdue > 0
    for row in range(model.rowCount()):
        assert "超期" in model.data(model.index(row, ALERT))
        brush = model.data(model.index(row, 0), Qt.ItemDataRole.BackgroundRole)
        assert brush.color() == OVERDUE_BACKGROUND
    tab.filters.clear()
    late = {r.id for r in ledger_rows(tab.ctx, LedgerFilter(), Window(limit=200)) if r.overdue}
    for row in range(200):  # the same rows in the unfiltered list, and only those
        brush = model.data(model.index(row, 0), Qt.ItemDataRole.BackgroundRole)
        assert (brush is not None and brush.color() == OVERDUE_BACKGROUND) == (
            model.id_at(row) in late
        )


def test_due_soon_rows_are_amber(qtbot: QtBot, demo_ctx: Context) -> None:
    tab = ledger(qtbot, demo_ctx)
    model = tab.panel.model
    tab.filters.due_soon.setChecked(True)
    assert model.rowCount() == count_ledger(tab.ctx, LedgerFilter(due_soon=True))
    for row in range(model.rowCount()):
        brush = model.data(model.index(row, 0), Qt.ItemDataRole.BackgroundRole)
        assert brush.color() == DUE_SOON_BACKGROUND
        assert model.data(model.index(row, ALERT)) == "24小时内到期"


def test_search_finds_chinese_in_titles_long_and_short(qtbot: QtBot, demo_ctx: Context) -> None:
    tab = ledger(qtbot, demo_ctx)
    model = tab.panel.model
    title = model.data(model.index(7, TITLE))
    for needle in (title[1:5], title[2:4], title[3]):  # FTS, then LIKE for 2 and 1 characters
        assert tab.panel.search is not None
        with qtbot.waitSignal(tab.panel.loaded):
            tab.panel.search.setText(needle)
        expected = count_ledger(tab.ctx, LedgerFilter(text=needle))
        assert model.rowCount() == expected
        found = {r.id for r in ledger_rows(tab.ctx, LedgerFilter(text=needle), Window(limit=1000))}
        with demo_ctx.db.read_sessions() as session:
            texts = dict(
                session.execute(
                    select(Requirement.id, Requirement.title + "|" + Requirement.description)
                ).all()
            )
        assert found == {i for i, text in texts.items() if needle.lower() in text.lower()}
        assert title in column(tab, TITLE)


def test_selecting_a_row_shows_its_detail(qtbot: QtBot, demo_ctx: Context) -> None:
    tab = ledger(qtbot, demo_ctx)
    model = tab.panel.model
    tab.panel.table.selectRow(4)
    number = model.data(model.index(4, 0))
    qtbot.waitUntil(lambda: tab.detail.detail is not None)
    assert tab.detail.detail.number == number
    assert number in tab.detail.header.text()
    assert tab.detail.timeline.topLevelItemCount() >= 1


def test_a_return_visit_closes_a_requirement_awaiting_one(
    qtbot: QtBot, demo_ctx: Context, on_dialog
) -> None:  # type: ignore[no-untyped-def]
    tab = ledger(qtbot, demo_ctx, "kefu")
    model = tab.panel.model
    tab.filters.awaiting_visit.setChecked(True)
    waiting = model.rowCount()
    assert waiting == count_ledger(tab.ctx, LedgerFilter(stage=Stage.RESOLVED)) > 0
    assert set(column(tab, STAGE)) == {"已完成"}
    number = model.data(model.index(0, 0))
    tab.panel.table.selectRow(0)
    assert tab.detail.buttons["visit"].isEnabled()

    def rate(dialog: ReturnVisitDialog) -> None:
        dialog.choose(5)
        dialog.comments.setPlainText("回访：客户满意")
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    on_dialog(ReturnVisitDialog, rate)
    tab.detail.buttons["visit"].click()
    assert model.rowCount() == waiting - 1
    assert number not in column(tab, 0, 1000)
    closed = ledger_rows(tab.ctx, LedgerFilter(text=number), Window())
    assert [(r.stage, r.satisfaction) for r in closed] == [(Stage.CLOSED, 5)]


def test_excel_export_of_the_filtered_rows(qtbot: QtBot, demo_ctx: Context, tmp_path: Path) -> None:
    tab = ledger(qtbot, demo_ctx)
    tab.filters.stage.setCurrentIndex(tab.filters.stage.findData(Stage.RESPONDED))
    shown = tab.panel.model.rowCount()
    target = tmp_path / "台账"
    tab.outputs.export_excel(target)
    qtbot.waitUntil(lambda: tab.outputs.last_export is not None, timeout=20000)
    path, count = tab.outputs.last_export  # type: ignore[misc]
    assert path == tmp_path / "台账.xlsx" and count == shown
    sheet = openpyxl.load_workbook(path, read_only=True).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    numbers = {row[0] for row in rows[1:] if row[0]}
    assert numbers == set(column(tab, 0, 1000))
    assert "导出" in tab.outputs.status_text


def test_weekly_ledger_opens_in_the_preview(qtbot: QtBot, demo_ctx: Context) -> None:
    tab = ledger(qtbot, demo_ctx)
    tab.outputs.print_weekly(2026, 47)
    qtbot.waitUntil(lambda: tab.outputs.preview is not None, timeout=30000)
    preview = tab.outputs.preview
    assert isinstance(preview, PdfPreviewDialog)
    assert preview.path.name == "weekly-ledger-2026-W47.pdf"
    assert preview.page_count >= 1 and preview.message.text() == ""
    assert "2026年第47周" in preview.windowTitle()
    preview.close()


def test_metrics_page_shows_the_services_figures(qtbot: QtBot, demo_ctx: Context) -> None:
    tab = ledger(qtbot, demo_ctx)
    tab.pages.setCurrentWidget(tab.metrics)
    panel = tab.metrics
    qtbot.waitUntil(lambda: panel.figures["open"].text() != "—")
    first, last = panel.dates()
    expected = period_metrics(tab.ctx, first, last)
    assert panel.figures["open"].text() == str(expected.open_count)
    assert panel.figures["overdue"].text() == str(expected.overdue_count)
    assert f"({expected.resolved}/{expected.registered})" in panel.figures["completion"].text()
    panel.dimension.setCurrentIndex(panel.dimension.findData("urgency"))
    groups = metrics_by(tab.ctx, first, last, "urgency")
    assert panel.table.rowCount() == len(groups)
    assert [panel.table.item(r, 0).text() for r in range(len(groups))] == [g for g, _ in groups]
    assert len(panel.bar_view.chart().series()) == 1
    assert len(panel.trend_view.chart().series()) == 2


def test_the_ledger_model_passes_qt_checks(qtbot: QtBot, demo_ctx: Context, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    tab = ledger(qtbot, demo_ctx)
    tab.filters.urgency.setCurrentIndex(1)
    qtmodeltester.check(tab.panel.model, force_py=True)


def test_extreme_dates_and_the_overdue_shortcut(qtbot: QtBot, demo_ctx: Context) -> None:
    """The date fields' ends never break the list; "show overdue" is one reload, search
    text cleared; F5 moves the period on and recomputes the metrics."""
    from datetime import date

    from reqdesk.ui.ledger.filter_bar import Period

    tab = ledger(qtbot, demo_ctx)
    bar, model = tab.filters, tab.panel.model
    assert count_ledger(tab.ctx, LedgerFilter(received_from=date.min, received_to=date.max)) == 600
    bar.period.setCurrentIndex(bar.period.findData(Period.DATES))
    bar.last.setDate(bar.last.maximumDate())
    bar.first.setDate(bar.first.minimumDate())
    assert model.rowCount() == 600
    assert tab.panel.search is not None
    tab.panel.search.setText("报告")
    tab.panel._apply_search()
    reloads: list[int] = []
    tab.panel.loaded.connect(reloads.append)
    tab.show_overdue()
    assert reloads == [count_ledger(tab.ctx, LedgerFilter(overdue_only=True))]
    assert tab.panel.search.text() == "" and bar.overdue.isChecked()
    tab.pages.setCurrentWidget(tab.metrics)
    qtbot.waitUntil(lambda: tab.metrics.figures["open"].text() != "—")
    tab.metrics.figures["open"].setText("—")
    tab.reload()
    assert tab.metrics.figures["open"].text() != "—"
