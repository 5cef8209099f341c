"""The registration tab driven through its widgets: register, merge, dispatch, calendar."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from pathlib import Path

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from reqdesk.models.enums import DayKind, Feasibility, Stage, Urgency
from reqdesk.services.calendar import calendar_years
from reqdesk.services.context import Context
from reqdesk.services.requirements.views import get_requirement
from reqdesk.ui.calendar_dialog import CalendarDialog
from reqdesk.ui.pdf_preview import PdfPreviewDialog
from reqdesk.ui.registration.dialogs import AssessmentDialog, DispatchDialog, DuplicateDialog
from reqdesk.ui.registration.form import BEIJING
from reqdesk.ui.registration.tab import RegistrationTab
from tests.helpers import signed_in


def make_tab(qtbot, ctx: Context) -> RegistrationTab:  # type: ignore[no-untyped-def]
    tab = RegistrationTab(ctx)
    qtbot.addWidget(tab)
    with qtbot.waitExposed(tab):
        tab.show()
    return tab


def fill(tab: RegistrationTab, customer: str, title: str, description: str = "") -> None:
    tab.new_registration()
    form = tab.form
    form.customer.setText(customer)
    assert form.customer.choose_first_match()
    form.title.setText(title)
    form.description.setPlainText(description)
    form.urgency.setCurrentIndex(form.urgency.findData(Urgency.IMPORTANT))


def test_register_through_the_form(qtbot, demo_ctx: Context) -> None:  # type: ignore[no-untyped-def]
    """Type-ahead picks the customer and fills the contact; Save assigns the next number."""
    tab = make_tab(qtbot, signed_in(demo_ctx, "kefu"))
    before = tab.panel.model.rowCount()
    fill(tab, "HQ-C-00005", "客户要求提供产品合格证明原件", "客户来电，要求随货附原件。")
    assert tab.form.contact_name.currentText() and tab.form.contact_phone.text()
    assert "首次响应" in tab.form.due.text() and "暂定" not in tab.form.due.text()
    assert tab.save(), tab.message.text()
    match = re.search(r"HQ-RQ-\d{4}-\d{5}", tab.message.text())
    assert match is not None
    assert tab.panel.model.rowCount() == before + 1
    assert tab.form.number.text() == match.group(0) and tab.form.stage.text() == "已登记"


def test_bad_input_keeps_the_form(qtbot, demo_ctx: Context) -> None:  # type: ignore[no-untyped-def]
    """A wrong phone and a missing customer are explained; the typed title stays."""
    tab = make_tab(qtbot, signed_in(demo_ctx, "kefu"))
    tab.new_registration()
    tab.form.title.setText("没有选客户")
    tab.form.contact_phone.setText("12")
    assert not tab.save()
    assert tab.form.errors.message("customer") == "请从客户档案中选择顾客，或填写散客名称。"
    assert "不是电话号码" in tab.form.errors.message("contact_phone")
    assert tab.form.title.text() == "没有选客户" and tab.form.view is None


def test_similar_requirement_can_be_merged(qtbot, demo_ctx: Context, on_dialog) -> None:  # type: ignore[no-untyped-def]
    """A second, similar registration offers the first; merging links it there."""
    tab = make_tab(qtbot, signed_in(demo_ctx, "kefu"))
    fill(tab, "HQ-C-00006", "要求提供精密轴承的材质证明")
    assert tab.save()
    first = tab.form.view.id  # type: ignore[union-attr]
    fill(tab, "HQ-C-00006", "精密轴承材质证明需要加盖公章", "客户补充要求。")
    chosen: list[int] = []

    def merge(dialog: DuplicateDialog) -> None:
        chosen.append(dialog.selected_id())
        dialog.done(DuplicateDialog.MERGE)

    on_dialog(DuplicateDialog, merge)
    assert tab.save()
    assert chosen == [first]
    merged = tab.form.view
    assert merged is not None and merged.stage == Stage.MERGED
    assert "加盖公章" in get_requirement(tab.ctx, first).description


def test_dispatch_prints_the_liaison_form_and_fixes_the_fields(  # type: ignore[no-untyped-def]
    qtbot, demo_ctx: Context, on_dialog
) -> None:
    """Dispatching records the stage, opens the liaison form preview, and locks the form."""
    tab = make_tab(qtbot, signed_in(demo_ctx, "kefu"))
    fill(tab, "HQ-C-00007", "请技术部评估铜接头新规格")
    assert tab.save()

    def send(dialog: DispatchDialog) -> None:
        dialog.department.setCurrentIndex(dialog.department.findText("技术部"))
        dialog.note.setText("请两日内答复")
        dialog._ok()

    on_dialog(DispatchDialog, send)
    tab.dispatch()
    view = tab.form.view
    assert view is not None and view.stage == Stage.DISPATCHED and view.department == "技术部"
    assert not tab.form.customer.isEnabled() and tab.form.title.isReadOnly()
    qtbot.waitUntil(
        lambda: isinstance(getattr(tab, "preview", None), PdfPreviewDialog), timeout=15000
    )
    assert tab.preview.windowTitle() == "内部联络单"


def tab_through(qtbot, start: QWidget, count: int) -> list[QWidget]:  # type: ignore[no-untyped-def]
    """Press Tab ``count`` times from ``start``; the widgets that took the focus."""
    start.window().activateWindow()
    start.setFocus()
    qtbot.waitUntil(start.hasFocus)
    visited = []
    for _ in range(count):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
    return visited


def test_tab_order_follows_the_paper_form(qtbot, demo_ctx: Context) -> None:  # type: ignore[no-untyped-def]
    """Customer → walk-in → contact → phone → received → channel; a walk-in adds its name."""
    tab = make_tab(qtbot, signed_in(demo_ctx, "kefu"))
    form = tab.form
    tail = [form.contact_name, form.contact_phone, form.received_at, form.channel]

    def same(visited: list[QWidget], expected: list[QWidget]) -> bool:
        return all(v is e or e.isAncestorOf(v) for v, e in zip(visited, expected, strict=True))

    expected = [form.walk_in, *tail]
    assert same(tab_through(qtbot, form.customer, len(expected)), expected)
    form.walk_in.setChecked(True)
    expected = [form.walk_in_name, *tail]
    assert same(tab_through(qtbot, form.walk_in, len(expected)), expected)


def test_december_warns_about_next_years_schedule(qtbot, demo_ctx: Context) -> None:  # type: ignore[no-untyped-def]
    """In December without next year's schedule, a banner says so."""
    ctx = signed_in(demo_ctx, "kefu")
    december = ctx.__class__(
        db=ctx.db,
        site_code=ctx.site_code,
        actor=ctx.actor,
        clock=lambda: datetime(2026, 12, 2, 2, tzinfo=UTC),
    )
    tab = make_tab(qtbot, december)
    assert tab.warning.isVisible() and "2027" in tab.warning.text()


def test_calendar_dialog_enters_next_year(  # type: ignore[no-untyped-def]
    qtbot, demo_ctx: Context, tmp_path: Path, message_boxes, monkeypatch
) -> None:
    """The administrator adds 2027's days and saves; a file import loads 2028."""
    admin = signed_in(demo_ctx, "admin")
    dialog = CalendarDialog(admin)
    qtbot.addWidget(dialog)
    dialog.year.addItem("2027", 2027)
    dialog.year.setCurrentIndex(dialog.year.findData(2027))
    dialog.add_day(date(2027, 1, 1), DayKind.HOLIDAY, "元旦")
    assert dialog.save()
    assert 2027 in {row.year for row in calendar_years(admin)}
    assert ("information", "2027 已保存（版本 1）。") in message_boxes
    file = tmp_path / "2028.csv"
    file.write_text("2028-01-01,休,元旦\n", encoding="utf-8")
    assert dialog.import_path(file) == {2028: 1}
    assert dialog.current_year() == 2028 and dialog.table.rowCount() == 1
    assert any("2028" in text and "2028.csv" in text for _, text in message_boxes)


def test_calendar_dialog_keeps_unsaved_days(  # type: ignore[no-untyped-def]
    qtbot, demo_ctx: Context, monkeypatch
) -> None:
    """Closing or switching year with unsaved days asks first; Cancel keeps them."""
    dialog = CalendarDialog(signed_in(demo_ctx, "admin"))
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    year = dialog.current_year()
    assert not dialog.has_changes()
    dialog.add_day(date(year, 12, 24), DayKind.HOLIDAY, "公司年会")
    assert dialog.has_changes()
    asked: list[str] = []

    def cancel(_parent, _title, text, *args, **kwargs):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", staticmethod(cancel))
    dialog.reject()
    assert dialog.isVisible() and asked and str(year) in asked[0]
    other = next(i for i in range(dialog.year.count()) if dialog.year.itemData(i) != year)
    dialog.year.setCurrentIndex(other)
    assert dialog.current_year() == year and dialog.has_changes()
    assert [r.name for r in dialog.days()].count("公司年会") == 1


def test_assessment_through_the_dialog(qtbot, demo_ctx: Context, on_dialog) -> None:  # type: ignore[no-untyped-def]
    """需求评估 after registration: feasibility and value are stored and shown again."""
    tab = make_tab(qtbot, signed_in(demo_ctx, "kefu"))
    fill(tab, "HQ-C-00009", "评估定制包装方案")
    assert tab.save()

    def assess(dialog: AssessmentDialog) -> None:
        dialog.technical.setCurrentIndex(dialog.technical.findText("可行"))
        dialog.economic.setCurrentIndex(dialog.economic.findText("有条件可行"))
        dialog.value.setValue(4)
        dialog.note.setPlainText("需采购部报价")
        dialog._ok()

    on_dialog(AssessmentDialog, assess)
    tab.assess()
    assessment = get_requirement(tab.ctx, tab.form.view.id).assessment  # type: ignore[union-attr]
    assert assessment is not None
    assert (assessment.technical, assessment.economic, assessment.timing) == (
        Feasibility.FEASIBLE,
        Feasibility.CONDITIONAL,
        None,
    )
    assert assessment.value_score == 4 and assessment.note == "需采购部报价"

    def reopen(dialog: AssessmentDialog) -> None:
        reopened.append((dialog.technical.currentText(), dialog.value.value()))
        dialog.reject()

    reopened: list[tuple[str, int]] = []
    on_dialog(AssessmentDialog, reopen)
    tab.assess()
    assert reopened == [("可行", 4)]


def test_form_says_when_a_due_date_is_provisional(qtbot, demo_ctx: Context) -> None:  # type: ignore[no-untyped-def]
    """Received in a year with no holiday schedule: the due line says provisional."""
    tab = make_tab(qtbot, signed_in(demo_ctx, "kefu"))
    fill(tab, "HQ-C-00005", "明年的需求")
    assert "暂定" not in tab.form.due.text()
    tab.form.received_at.setDateTime(QDateTime(QDate(2031, 3, 3), QTime(10, 0), BEIJING))
    tab.form.update_due()
    assert "暂定" in tab.form.due.text() and "节假日日历" in tab.form.due.text()


def test_calendar_dialog_restores_the_official_schedule(  # type: ignore[no-untyped-def]
    qtbot, demo_ctx: Context, monkeypatch
) -> None:
    """After a wrong edit of 2026, "Restore official schedule" puts the shipped days back."""
    admin = signed_in(demo_ctx, "admin")
    dialog = CalendarDialog(admin)
    qtbot.addWidget(dialog)
    dialog.year.setCurrentIndex(dialog.year.findData(2026))
    official = dialog.table.rowCount()
    assert official > 30 and dialog.restore_button.isEnabled()
    dialog.table.selectRow(0)
    dialog.remove_selected()
    assert dialog.save()
    assert dialog.table.rowCount() == official - 1
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)
    )
    assert dialog.restore_official()
    assert dialog.table.rowCount() == official and "官方" in dialog.status.text()
    dialog.year.addItem("2031", 2031)
    dialog.year.setCurrentIndex(dialog.year.findData(2031))
    assert not dialog.restore_button.isEnabled()
