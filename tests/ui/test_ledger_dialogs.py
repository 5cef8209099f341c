"""The ledger's action dialogs: stage change, plan, response, return visit."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from reqdesk.models.enums import ContactChannel, Stage
from reqdesk.services.context import Context
from reqdesk.services.requirements import workflow
from reqdesk.services.requirements.tracking import tracking_detail
from reqdesk.ui.ledger.dialogs import PlanDialog, ResponseDialog, ReturnVisitDialog, StageDialog
from reqdesk.ui.registration.form import select_data
from tests.services.registration_inputs import NOW
from tests.services.review_inputs import person
from tests.services.test_tracking_detail import dispatched

HOUR = timedelta(hours=1)


def ok(dialog: QDialog) -> None:
    box = dialog.findChild(QDialogButtonBox)
    box.button(QDialogButtonBox.StandardButton.Ok).click()


def accepted(dialog: QDialog) -> bool:
    return dialog.result() == QDialog.DialogCode.Accepted


def resolved(demo_ctx: Context) -> int:
    requirement_id = dispatched(demo_ctx)
    desk = person(demo_ctx, "kefu")
    workflow.change_stage(desk, requirement_id, Stage.IN_PROGRESS)
    workflow.change_stage(desk, requirement_id, Stage.RESOLVED)
    return requirement_id


def test_the_stage_dialog_moves_the_requirement(qtbot: QtBot, demo_ctx: Context) -> None:
    """Choosing "in progress" with a note changes the stage and records the note."""
    requirement_id = dispatched(demo_ctx)
    desk = person(demo_ctx, "kefu", NOW + HOUR)
    moves = workflow.allowed_moves(desk, requirement_id)
    dialog = StageDialog(desk, requirement_id, moves)
    qtbot.addWidget(dialog)
    assert dialog.subject.text().endswith("要求提供精密轴承材质证明")
    select_data(dialog.target, Stage.IN_PROGRESS)
    dialog.note.setPlainText("技术部已着手处理")
    ok(dialog)
    assert accepted(dialog)
    detail = tracking_detail(desk, requirement_id)
    assert detail.stage == Stage.IN_PROGRESS
    assert detail.events[-1].note == "技术部已着手处理"


def test_a_cancel_without_a_reason_is_refused_and_the_input_kept(
    qtbot: QtBot, demo_ctx: Context
) -> None:
    """Cancelling needs a note: the message shows under it; nothing changes; then it works."""
    requirement_id = dispatched(demo_ctx)
    desk = person(demo_ctx, "kefu", NOW + HOUR)
    dialog = StageDialog(desk, requirement_id, workflow.allowed_moves(desk, requirement_id))
    qtbot.addWidget(dialog)
    optional_hint = dialog.note_hint.text()
    select_data(dialog.target, Stage.CANCELLED)
    assert dialog.needs_note() and dialog.note_hint.text() != optional_hint
    ok(dialog)
    assert not accepted(dialog)
    assert dialog.errors.message("note") == "请在备注中说明原因。"
    assert dialog.target.currentData() == Stage.CANCELLED
    assert tracking_detail(desk, requirement_id).stage == Stage.DISPATCHED
    dialog.note.setPlainText("客户撤回需求")
    ok(dialog)
    assert accepted(dialog)
    assert tracking_detail(desk, requirement_id).stage == Stage.CANCELLED


def test_a_move_made_meanwhile_is_shown_as_a_conflict(qtbot: QtBot, demo_ctx: Context) -> None:
    """Someone else cancelled it first: the dialog says so and stays open with the note."""
    requirement_id = dispatched(demo_ctx)
    tech = person(demo_ctx, "jishu", NOW + HOUR)
    dialog = StageDialog(tech, requirement_id, workflow.allowed_moves(tech, requirement_id))
    qtbot.addWidget(dialog)
    select_data(dialog.target, Stage.IN_PROGRESS)
    dialog.note.setPlainText("开始处理")
    workflow.change_stage(person(demo_ctx, "kefu"), requirement_id, Stage.CANCELLED, "客户撤回")
    ok(dialog)
    assert not accepted(dialog)
    assert "已取消" in dialog.message.text() and dialog.note.toPlainText() == "开始处理"


def test_enter_in_the_stage_box_saves(qtbot: QtBot, demo_ctx: Context) -> None:
    """Enter is OK."""
    requirement_id = dispatched(demo_ctx)
    desk = person(demo_ctx, "kefu", NOW + HOUR)
    dialog = StageDialog(desk, requirement_id, workflow.allowed_moves(desk, requirement_id))
    qtbot.addWidget(dialog)
    dialog.show()
    select_data(dialog.target, Stage.IN_PROGRESS)
    dialog.target.setFocus()
    qtbot.keyClick(dialog.target, Qt.Key.Key_Return)
    assert accepted(dialog)
    assert tracking_detail(desk, requirement_id).stage == Stage.IN_PROGRESS


def test_the_plan_dialog_records_the_plan(qtbot: QtBot, demo_ctx: Context) -> None:
    """Method, schedule and commitment are saved; the work starts; Ctrl+Enter is OK."""
    requirement_id = dispatched(demo_ctx)
    tech = person(demo_ctx, "jishu", NOW + HOUR)
    dialog = PlanDialog(tech, requirement_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    dialog.method.setPlainText("复检原材料\n联系第三方检测")
    dialog.schedule.setPlainText("11月23日前完成")
    dialog.commitment.setPlainText("11月27日前答复客户")
    dialog.commitment.setFocus()
    qtbot.keyClick(dialog.commitment, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert accepted(dialog)
    detail = tracking_detail(tech, requirement_id)
    assert [(p.method, p.schedule, p.commitment) for p in detail.plans] == [
        ("复检原材料\n联系第三方检测", "11月23日前完成", "11月27日前答复客户")
    ]
    assert detail.stage == Stage.IN_PROGRESS and detail.plan.done == NOW + HOUR


def test_an_empty_plan_is_refused_field_by_field(qtbot: QtBot, demo_ctx: Context) -> None:
    """Method and schedule are required: each says so under itself; nothing is saved."""
    requirement_id = dispatched(demo_ctx)
    tech = person(demo_ctx, "jishu", NOW + HOUR)
    dialog = PlanDialog(tech, requirement_id)
    qtbot.addWidget(dialog)
    dialog.commitment.setPlainText("尽快")
    ok(dialog)
    assert not accepted(dialog)
    assert dialog.errors.message("method") == dialog.errors.message("schedule") != ""
    assert dialog.commitment.toPlainText() == "尽快"
    assert tracking_detail(tech, requirement_id).plans == ()


def test_another_department_is_told_it_may_not_plan(qtbot: QtBot, demo_ctx: Context) -> None:
    """A refusal without a field (permission) shows above the buttons."""
    requirement_id = dispatched(demo_ctx)
    purchasing = person(demo_ctx, "caigou", NOW + HOUR)
    dialog = PlanDialog(purchasing, requirement_id)
    qtbot.addWidget(dialog)
    dialog.method.setPlainText("方式")
    dialog.schedule.setPlainText("安排")
    ok(dialog)
    assert not accepted(dialog) and "处理计划" in dialog.message.text()
    assert dialog.method.toPlainText() == "方式"


def test_the_response_dialog_logs_the_first_response(qtbot: QtBot, demo_ctx: Context) -> None:
    """The time defaults to now; channel and content are saved; the stage becomes responded."""
    requirement_id = dispatched(demo_ctx)
    tech = person(demo_ctx, "jishu", NOW + 2 * HOUR)
    dialog = ResponseDialog(tech, requirement_id)
    qtbot.addWidget(dialog)
    assert dialog.responded_at.text() == "2026-11-19 12:00"
    select_data(dialog.channel, ContactChannel.EMAIL)
    dialog.content.setPlainText("已邮件告知处理进度")
    ok(dialog)
    assert accepted(dialog)
    detail = tracking_detail(tech, requirement_id)
    assert [(r.channel, r.content) for r in detail.responses] == [
        (ContactChannel.EMAIL, "已邮件告知处理进度")
    ]
    assert detail.first_response.done == NOW + 2 * HOUR and detail.stage == Stage.RESPONDED


def test_a_response_without_content_is_refused(qtbot: QtBot, demo_ctx: Context) -> None:
    """What the customer was told is required."""
    requirement_id = dispatched(demo_ctx)
    tech = person(demo_ctx, "jishu", NOW + HOUR)
    dialog = ResponseDialog(tech, requirement_id)
    qtbot.addWidget(dialog)
    ok(dialog)
    assert not accepted(dialog) and dialog.errors.message("content")
    assert tracking_detail(tech, requirement_id).responses == ()


def test_the_return_visit_needs_a_rating_then_closes(qtbot: QtBot, demo_ctx: Context) -> None:
    """No rating: refused under the scale; with 4 and comments the requirement is closed."""
    requirement_id = resolved(demo_ctx)
    desk = person(demo_ctx, "kefu", NOW + 24 * HOUR)
    dialog = ReturnVisitDialog(desk, requirement_id)
    qtbot.addWidget(dialog)
    assert dialog.visited_by.text() == "李静"
    assert dialog.visit_date.date() == QDate(2026, 11, 20)
    dialog.comments.setPlainText("客户对处理结果满意")
    ok(dialog)
    assert not accepted(dialog)
    assert dialog.errors.message("satisfaction") == "满意度请评 1 至 5 分。"
    assert dialog.comments.toPlainText() == "客户对处理结果满意"
    dialog.choose(4)
    ok(dialog)
    assert accepted(dialog)
    detail = tracking_detail(desk, requirement_id)
    assert detail.stage == Stage.CLOSED and detail.visit is not None
    assert (detail.visit.satisfaction, detail.visit.comments) == (4, "客户对处理结果满意")
    assert detail.visit.visit_date == date(2026, 11, 20) and detail.visit.visited_by == "李静"


def test_escape_cancels_without_saving(qtbot: QtBot, demo_ctx: Context) -> None:
    """Esc closes the dialog; the requirement is unchanged."""
    requirement_id = resolved(demo_ctx)
    desk = person(demo_ctx, "kefu", NOW + HOUR)
    dialog = ReturnVisitDialog(desk, requirement_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.choose(5)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected and not dialog.isVisible()
    detail = tracking_detail(desk, requirement_id)
    assert detail.stage == Stage.RESOLVED and detail.visit is None
