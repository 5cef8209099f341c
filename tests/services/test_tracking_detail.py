"""The tracking ledger's detail: time nodes, timeline, reviews, plans, responses, visit,
and which actions the signed-in user may take."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from reqdesk.models.enums import (
    ContactChannel,
    ContractType,
    EventKind,
    ReviewRouting,
    ReviewState,
    Stage,
)
from reqdesk.services.context import Context
from reqdesk.services.errors import Conflict, NotFound, PermissionDenied, ReqdeskError
from reqdesk.services.requirements import workflow
from reqdesk.services.requirements.registration import dispatch_requirement, register_requirement
from reqdesk.services.requirements.tracking import TrackingDetail, tracking_detail
from reqdesk.services.requirements.workflow import PlanInput, ResponseInput, VisitInput
from reqdesk.services.reviews.outcome import Outcome
from tests.services.registration_inputs import NOW, form
from tests.services.review_inputs import department_id, open_for, person, sign

HOUR = timedelta(hours=1)


def dispatched(demo_ctx: Context, **overrides: object) -> int:
    """A new requirement sent to the technical department's 周伟."""
    desk = person(demo_ctx, "kefu")
    requirement_id = register_requirement(desk, form(**overrides)).id
    jishu = person(demo_ctx, "jishu").actor
    assert jishu is not None
    dispatch_requirement(desk, requirement_id, department_id(desk, "TECH"), jishu.user_id, "请跟进")
    return requirement_id


def worked_through(demo_ctx: Context) -> int:
    """Dispatched, planned, answered, resolved and visited, an hour or a day apart."""
    requirement_id = dispatched(demo_ctx)
    tech = person(demo_ctx, "jishu", NOW + HOUR)
    workflow.record_plan(
        tech, requirement_id, PlanInput("现场检测", "11月20日前完成", "三天内答复")
    )
    answered_at = NOW + 2 * HOUR
    workflow.log_response(
        person(demo_ctx, "jishu", NOW + 3 * HOUR),
        requirement_id,
        ResponseInput(answered_at, ContactChannel.CALL, "已电话告知检测安排"),
    )
    workflow.change_stage(
        person(demo_ctx, "jishu", NOW + 24 * HOUR), requirement_id, Stage.RESOLVED, "已处理完毕"
    )
    workflow.record_return_visit(
        person(demo_ctx, "kefu", NOW + 48 * HOUR),
        requirement_id,
        VisitInput(date(2026, 11, 21), ContactChannel.CALL, 4, "客户满意"),
    )
    return requirement_id


def test_a_requirement_worked_through_shows_every_step(demo_ctx: Context) -> None:
    """Plan, response, resolution and visit appear with names, and the timeline in order."""
    requirement_id = worked_through(demo_ctx)
    detail = tracking_detail(person(demo_ctx, "zhuguan", NOW + 72 * HOUR), requirement_id)

    assert detail.stage == Stage.CLOSED and detail.title == "要求提供精密轴承材质证明"
    assert detail.department == "技术部" and detail.assignee == "周伟"
    assert detail.first_response.done == NOW + 2 * HOUR
    assert detail.plan.done == NOW + HOUR and detail.plan.due is not None
    assert detail.resolution.done == NOW + 24 * HOUR
    assert not (detail.first_response.late or detail.plan.late or detail.resolution.late)
    assert [(p.method, p.recorded_by) for p in detail.plans] == [("现场检测", "周伟")]
    assert [(r.content, r.channel, r.responded_by) for r in detail.responses] == [
        ("已电话告知检测安排", ContactChannel.CALL, "周伟")
    ]
    assert detail.visit is not None
    assert (detail.visit.satisfaction, detail.visit.visited_by) == (4, "李静")
    assert detail.visit.visit_date == date(2026, 11, 21)

    kinds = [(e.kind, e.to_stage) for e in detail.events]
    assert kinds == [
        (EventKind.REGISTERED, Stage.REGISTERED),
        (EventKind.STAGE_CHANGED, Stage.DISPATCHED),
        (EventKind.PLAN_RECORDED, None),
        (EventKind.STAGE_CHANGED, Stage.IN_PROGRESS),
        (EventKind.RESPONSE_LOGGED, None),
        (EventKind.STAGE_CHANGED, Stage.RESPONDED),
        (EventKind.STAGE_CHANGED, Stage.RESOLVED),
        (EventKind.RETURN_VISIT, None),
        (EventKind.STAGE_CHANGED, Stage.CLOSED),
    ]
    assert [e.at for e in detail.events] == sorted(e.at for e in detail.events)
    assert detail.events[-3].actor == "周伟" and detail.events[-3].note == "已处理完毕"
    assert detail.moves == [] and not (detail.can_plan or detail.can_respond or detail.can_visit)


def test_a_missed_response_is_late_and_one_due_tomorrow_is_due_soon(demo_ctx: Context) -> None:
    """The nodes' late and due-soon flags follow the clock, as the ledger's do."""
    requirement_id = dispatched(demo_ctx)
    fresh = tracking_detail(person(demo_ctx, "zhuguan"), requirement_id)
    due = fresh.first_response.due
    assert due is not None and fresh.first_response.done is None
    assert not fresh.first_response.late

    soon = tracking_detail(person(demo_ctx, "zhuguan", due - HOUR), requirement_id)
    assert soon.first_response.due_soon and not soon.first_response.late

    late = tracking_detail(person(demo_ctx, "zhuguan", due + HOUR), requirement_id)
    assert late.first_response.late and not late.first_response.due_soon and late.overdue


def test_a_reviewed_requirement_shows_its_review_state(demo_ctx: Context) -> None:
    """A countersigned review: who has signed so far, then the conclusion and answer due."""
    review_id, requirement_id = open_for(
        demo_ctx, ReviewRouting.COUNTERSIGN, countersign=("TECH", "QA")
    )
    sign(demo_ctx, review_id, "TECH")
    detail = tracking_detail(person(demo_ctx, "kefu", NOW + 2 * HOUR), requirement_id)
    assert len(detail.reviews) == 1
    review = detail.reviews[0]
    assert review.id == review_id and review.state == ReviewState.SIGNING
    assert review.contract_type in tuple(ContractType)
    assert review.expected >= 2 and review.signed == 1 and review.outcome == Outcome.WAITING
    assert review.answer_due is None and not review.answer_late
    assert any(e.to_stage == Stage.IN_REVIEW for e in detail.events)
    assert detail.can_respond and detail.can_plan
    assert detail.moves == workflow.allowed_moves(person(demo_ctx, "kefu"), requirement_id)


ACTIONS = {
    "plan": lambda ctx, rid: workflow.record_plan(ctx, rid, PlanInput("方式", "安排", "")),
    "respond": lambda ctx, rid: workflow.log_response(
        ctx, rid, ResponseInput(ctx.clock(), ContactChannel.CALL, "已答复")
    ),
    "visit": lambda ctx, rid: workflow.record_return_visit(
        ctx, rid, VisitInput(date(2026, 11, 19), ContactChannel.CALL, 5)
    ),
}


def flags(detail: TrackingDetail) -> dict[str, bool]:
    return {"plan": detail.can_plan, "respond": detail.can_respond, "visit": detail.can_visit}


@pytest.mark.parametrize("action", sorted(ACTIONS))
@pytest.mark.parametrize("username", ["kefu", "zhuguan", "jishu", "caigou", "zongjingli"])
@pytest.mark.parametrize("stage", [Stage.REGISTERED, Stage.DISPATCHED, Stage.RESOLVED])
def test_the_flags_say_exactly_what_the_services_accept(
    demo_ctx: Context, username: str, stage: Stage, action: str
) -> None:
    """can_plan/can_respond/can_visit are true when, and only when, the service accepts."""
    if stage == Stage.REGISTERED:
        requirement_id = register_requirement(person(demo_ctx, "kefu"), form()).id
    else:
        requirement_id = dispatched(demo_ctx)
        if stage == Stage.RESOLVED:
            workflow.change_stage(person(demo_ctx, "kefu"), requirement_id, Stage.IN_PROGRESS)
            workflow.change_stage(person(demo_ctx, "kefu"), requirement_id, Stage.RESOLVED)
    user = person(demo_ctx, username)
    detail = tracking_detail(user, requirement_id)
    assert detail.moves == workflow.allowed_moves(user, requirement_id)
    try:
        ACTIONS[action](user, requirement_id)
        accepted = True
    except (Conflict, PermissionDenied):
        accepted = False
    assert flags(detail)[action] == accepted


def test_a_department_sees_its_own_moves_only(demo_ctx: Context) -> None:
    """The handling department may start and resolve, never cancel; the desk may cancel."""
    requirement_id = dispatched(demo_ctx)
    tech = tracking_detail(person(demo_ctx, "jishu"), requirement_id)
    desk = tracking_detail(person(demo_ctx, "kefu"), requirement_id)
    other = tracking_detail(person(demo_ctx, "caigou"), requirement_id)
    assert Stage.IN_PROGRESS in tech.moves and Stage.CANCELLED not in tech.moves
    assert Stage.CANCELLED in desk.moves and Stage.REJECTED in desk.moves
    assert other.moves == [] and not other.can_plan and not other.can_respond
    assert tech.can_plan and not tech.can_visit


def test_an_unknown_requirement_and_a_stranger_are_refused(demo_ctx: Context) -> None:
    """No such requirement: NotFound; nobody signed in: PermissionDenied."""
    with pytest.raises(NotFound):
        tracking_detail(person(demo_ctx, "kefu"), 999_999)
    with pytest.raises(ReqdeskError):
        tracking_detail(demo_ctx, dispatched(demo_ctx))
