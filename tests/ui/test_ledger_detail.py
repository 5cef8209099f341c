"""The ledger's detail pane: what it shows, which actions it offers, and what they do."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtWidgets import QBoxLayout
from pytestqt.qtbot import QtBot

from reqdesk.models.enums import Stage
from reqdesk.services.context import Context
from reqdesk.services.requirements import workflow
from reqdesk.services.requirements.tracking import tracking_detail
from reqdesk.ui.ledger.detail_pane import LATE, LedgerDetailPane
from reqdesk.ui.ledger.dialogs import PlanDialog, ReturnVisitDialog, StageDialog
from reqdesk.ui.registration.form import select_data
from tests.services.registration_inputs import NOW
from tests.services.review_inputs import person
from tests.services.test_tracking_detail import dispatched, worked_through
from tests.ui.test_ledger_dialogs import ok, resolved

HOUR = timedelta(hours=1)


def make_pane(qtbot: QtBot, ctx: Context) -> LedgerDetailPane:
    pane = LedgerDetailPane(ctx)
    qtbot.addWidget(pane)
    pane.resize(460, 760)
    return pane


def enabled(pane: LedgerDetailPane) -> dict[str, bool]:
    return {name: button.isEnabled() for name, button in pane.buttons.items()}


def test_nothing_selected_shows_the_empty_state(qtbot: QtBot, demo_ctx: Context) -> None:
    """None: a hint instead of details, and no action can be taken."""
    pane = make_pane(qtbot, person(demo_ctx, "kefu"))
    pane.show_requirement(None)
    assert pane.stack.currentIndex() == 0 and pane.empty.text()
    assert not any(enabled(pane).values()) and pane.detail is None


def test_an_unknown_requirement_says_so(qtbot: QtBot, demo_ctx: Context) -> None:
    """A requirement that is gone: the service's message in place of the details."""
    pane = make_pane(qtbot, person(demo_ctx, "kefu"))
    pane.show_requirement(999_999)
    assert pane.stack.currentIndex() == 0 and pane.empty.text() == "该需求不存在。"


def test_the_pane_shows_the_timeline_and_records(qtbot: QtBot, demo_ctx: Context) -> None:
    """Every event is a row, oldest first, in Chinese; plan, response and visit appear."""
    requirement_id = worked_through(demo_ctx)
    pane = make_pane(qtbot, person(demo_ctx, "zhuguan", NOW + 72 * HOUR))
    pane.show_requirement(requirement_id)
    assert pane.stack.currentIndex() == 1
    assert "要求提供精密轴承材质证明" in pane.header.text()
    rows = [
        [pane.timeline.topLevelItem(i).text(c) for c in range(4)]
        for i in range(pane.timeline.topLevelItemCount())
    ]
    assert len(rows) == 9
    assert rows[0][1] == "登记" and rows[0][2] == "李静"
    assert rows[1][1] == "已登记 → 已分派"
    assert rows[6] == ["2026-11-20 10:00", "已答复 → 已完成", "周伟", "已处理完毕"]
    assert rows[-1][1] == "已完成 → 已回访"
    assert "现场检测" in pane.plans.toPlainText()
    assert "已电话告知检测安排" in pane.responses.toPlainText()
    assert "客户满意" in pane.visit.toPlainText() and "李静" in pane.visit.toPlainText()
    due, done, _state = pane.node_labels["first_response"]
    assert done.text() == "2026-11-19 12:00" and due.text()


def test_a_late_node_is_red(qtbot: QtBot, demo_ctx: Context) -> None:
    """A first response past its due time is shown in red, with the word for it."""
    requirement_id = dispatched(demo_ctx)
    due = tracking_detail(person(demo_ctx, "kefu"), requirement_id).first_response.due
    assert due is not None
    pane = make_pane(qtbot, person(demo_ctx, "zhuguan", due + HOUR))
    pane.show_requirement(requirement_id)
    due_label, _done, state = pane.node_labels["first_response"]
    assert LATE in due_label.styleSheet() and LATE in state.styleSheet() and state.text()
    resolution_due = pane.node_labels["resolution"][0]
    assert LATE not in resolution_due.styleSheet()


CASES: list[tuple[str, str, dict[str, bool]]] = [
    ("dispatched", "jishu", {"stage": True, "plan": True, "respond": True, "visit": False}),
    ("dispatched", "kefu", {"stage": True, "plan": True, "respond": True, "visit": False}),
    ("dispatched", "caigou", {"stage": False, "plan": False, "respond": False, "visit": False}),
    ("dispatched", "zongjingli", {"stage": False, "plan": False, "respond": False, "visit": False}),
    ("resolved", "kefu", {"stage": True, "plan": False, "respond": False, "visit": True}),
    ("resolved", "jishu", {"stage": True, "plan": False, "respond": False, "visit": False}),
    ("closed", "zhuguan", {"stage": False, "plan": False, "respond": False, "visit": False}),
]
SETUPS: dict[str, Callable[[Context], int]] = {
    "dispatched": dispatched,
    "resolved": resolved,
    "closed": worked_through,
}


@pytest.mark.parametrize(("stage", "username", "expected"), CASES)
def test_the_buttons_follow_role_and_stage(
    qtbot: QtBot, demo_ctx: Context, stage: str, username: str, expected: dict[str, bool]
) -> None:
    """Only the actions the user may take on a requirement in this stage are enabled."""
    requirement_id = SETUPS[stage](demo_ctx)
    pane = make_pane(qtbot, person(demo_ctx, username, NOW + 72 * HOUR))
    pane.show_requirement(requirement_id)
    assert enabled(pane) == expected


def test_a_saved_action_refreshes_and_says_changed(
    qtbot: QtBot, demo_ctx: Context, on_dialog: Any
) -> None:
    """Return visit… → the dialog saves, the pane shows the closed requirement, changed fires."""
    requirement_id = resolved(demo_ctx)
    pane = make_pane(qtbot, person(demo_ctx, "kefu", NOW + HOUR))
    pane.show_requirement(requirement_id)

    def visit(dialog: ReturnVisitDialog) -> None:
        dialog.choose(5)
        ok(dialog)

    on_dialog(ReturnVisitDialog, visit)
    with qtbot.waitSignal(pane.changed, timeout=5000) as signal:
        pane.buttons["visit"].click()
    assert signal.args == [requirement_id]
    assert pane.detail is not None and pane.detail.stage == Stage.CLOSED
    assert not any(enabled(pane).values())
    assert "5" in pane.visit.toPlainText()


def test_the_plan_button_records_a_plan_and_starts_the_work(
    qtbot: QtBot, demo_ctx: Context, on_dialog: Any
) -> None:
    """Record plan… → the plan is in the pane's plans, the stage is "in progress"."""
    requirement_id = dispatched(demo_ctx)
    pane = make_pane(qtbot, person(demo_ctx, "jishu", NOW + HOUR))
    pane.show_requirement(requirement_id)

    def plan(dialog: PlanDialog) -> None:
        dialog.method.setPlainText("派工程师到现场")
        dialog.schedule.setPlainText("本周内")
        ok(dialog)

    on_dialog(PlanDialog, plan)
    with qtbot.waitSignal(pane.changed, timeout=5000):
        pane.buttons["plan"].click()
    assert pane.detail is not None and pane.detail.stage == Stage.IN_PROGRESS
    assert "派工程师到现场" in pane.plans.toPlainText()
    assert pane.timeline.topLevelItemCount() == len(pane.detail.events) == 4


def test_a_cancelled_dialog_changes_nothing(
    qtbot: QtBot, demo_ctx: Context, on_dialog: Any
) -> None:
    """Change stage… then Cancel: no signal, the stage stays."""
    requirement_id = dispatched(demo_ctx)
    pane = make_pane(qtbot, person(demo_ctx, "kefu", NOW + HOUR))
    pane.show_requirement(requirement_id)

    def cancel(dialog: StageDialog) -> None:
        select_data(dialog.target, Stage.IN_PROGRESS)
        dialog.reject()

    on_dialog(StageDialog, cancel)
    with qtbot.assertNotEmitted(pane.changed):
        pane.buttons["stage"].click()
    assert workflow.allowed_moves(pane.ctx, requirement_id)
    assert tracking_detail(pane.ctx, requirement_id).stage == Stage.DISPATCHED


def test_a_wide_low_pane_puts_the_records_beside_the_summary(
    qtbot: QtBot, demo_ctx: Context
) -> None:
    """Below the table (wide and low) the parts sit side by side; at the right, stacked."""
    pane = make_pane(qtbot, person(demo_ctx, "kefu"))
    pane.show_requirement(dispatched(demo_ctx))
    pane.show()
    pane.resize(1200, 360)
    qtbot.waitUntil(
        lambda: pane.body_layout.direction() == QBoxLayout.Direction.LeftToRight, timeout=2000
    )
    pane.resize(460, 760)
    qtbot.waitUntil(
        lambda: pane.body_layout.direction() == QBoxLayout.Direction.TopToBottom, timeout=2000
    )
