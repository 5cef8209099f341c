"""The stage state machine: every move allowed or refused, who makes it, plans, responses,
return visits, reopening and the plan's due time."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from reqdesk.models import (
    Department,
    ProcessingPlan,
    RequirementResponse,
    ReturnVisit,
    Review,
    ReviewParticipant,
)
from reqdesk.models.enums import ContactChannel, EventKind, ReviewState, Stage, Urgency
from reqdesk.services.calendar import work_calendar
from reqdesk.services.customers.forms import FormInvalid
from reqdesk.services.errors import Conflict, PermissionDenied, ValidationError
from reqdesk.services.requirements.registration import (
    PLAN_WORKING_DAYS,
    merge_requirements,
    policy,
)
from reqdesk.services.requirements.workflow import (
    ENDED,
    MOVES,
    NEEDS_NOTE,
    PlanInput,
    ResponseInput,
    VisitInput,
    allowed_moves,
    change_stage,
    log_response,
    record_plan,
    record_return_visit,
)
from reqdesk.services.reviews.conclusion import conclude
from reqdesk.services.reviews.opening import OpenReviewInput, open_review
from reqdesk.services.sla import BUSINESS_TZ
from tests.services.registration_inputs import NOW
from tests.services.review_inputs import items, sign
from tests.services.workflow_inputs import Company, empty_template, opened_company

S = Stage
PLAN = PlanInput("更换轴承并复测", "11月25日前完成", "保证一次修复")
REASON = "客户撤回需求"


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return empty_template(tmp_path_factory)


@pytest.fixture
def company(template: Path, tmp_path: Path) -> Iterator[Company]:
    with opened_company(template, tmp_path) as opened:
        yield opened


def reach(company: Company, stage: Stage) -> int:
    """A new requirement brought to ``stage`` by the service desk, an hour per step."""
    desk = company.as_("kefu")
    requirement_id = company.register()
    company.clock.advance(hours=1)
    if stage in (S.REJECTED, S.CANCELLED):
        change_stage(desk, requirement_id, stage, REASON)
    elif stage == S.MERGED:
        target = company.register()
        merge_requirements(desk, requirement_id, target)
    elif stage != S.REGISTERED:
        company.dispatch(requirement_id, "SALES", "xiaoshou")
        company.clock.advance(hours=1)
        if stage == S.IN_REVIEW:
            open_review(desk, OpenReviewInput(requirement_id, items()))
        elif stage in (S.IN_PROGRESS, S.RESPONDED):
            change_stage(desk, requirement_id, stage)
        elif stage in (S.RESOLVED, S.CLOSED):
            change_stage(desk, requirement_id, S.IN_PROGRESS)
            change_stage(desk, requirement_id, S.RESOLVED)
            if stage == S.CLOSED:
                today = company.clock().astimezone(BUSINESS_TZ).date()
                record_return_visit(desk, requirement_id, VisitInput(today, ContactChannel.CALL, 5))
    company.clock.advance(hours=1)
    assert company.stage(requirement_id) == stage
    return requirement_id


def review_of(company: Company, requirement_id: int) -> int:
    with company.base.reading() as session:
        review_id = session.scalar(select(Review.id).where(Review.requirement_id == requirement_id))
    assert review_id is not None
    return review_id


def routed_departments(company: Company, review_id: int) -> list[str]:
    with company.base.reading() as session:
        return list(
            session.scalars(
                select(Department.code)
                .join(ReviewParticipant, ReviewParticipant.department_id == Department.id)
                .where(ReviewParticipant.review_id == review_id)
            )
        )


def end_review_elsewhere(company: Company, requirement_id: int) -> None:
    """A review that ended without moving its requirement on (voided at another site,
    say): only then may the desk move the requirement on by hand."""
    with company.db.engine.begin() as conn:
        conn.execute(
            update(Review)
            .where(Review.requirement_id == requirement_id)
            .values(state=ReviewState.VOID)
        )


def snapshot(company: Company, requirement_id: int) -> tuple[object, ...]:
    """What a refused action must leave as it was."""
    r = company.requirement(requirement_id)
    with company.base.reading() as session:
        rows = tuple(
            session.scalar(select(func.count(model.id)).where(model.requirement_id == r.id))
            for model in (ProcessingPlan, RequirementResponse, ReturnVisit)
        )
    state = (r.stage, r.first_response_at, r.resolved_at, r.closed_at, r.satisfaction, r.plan_due)
    return (*state, rows, len(company.events(requirement_id)), company.audit_count())


def note_for(source: Stage, target: Stage) -> str:
    return REASON if (source, target) in NEEDS_NOTE else ""


@pytest.mark.parametrize("source", list(Stage))
def test_every_allowed_move_succeeds_and_is_recorded(company: Company, source: Stage) -> None:
    """A supervisor makes each move of MOVES: stage, event, audit entry and time nodes."""
    for target in sorted(MOVES[source]):
        requirement_id = reach(company, source)
        if source == S.IN_REVIEW and target == S.IN_PROGRESS:
            end_review_elsewhere(company, requirement_id)
        note = note_for(source, target)
        assert target in allowed_moves(company.as_("zhuguan"), requirement_id)
        change_stage(company.as_("zhuguan"), requirement_id, target, note)
        r = company.requirement(requirement_id)
        assert r.stage == target
        last = company.events(requirement_id)[-1]
        assert (last.kind, last.from_stage, last.to_stage) == (
            EventKind.STAGE_CHANGED,
            source,
            target,
        )
        assert (last.note, last.actor_id, last.at) == (
            note,
            company.user("zhuguan"),
            company.clock(),
        )
        entry = company.last_audit()
        assert (entry.action, entry.entity_type, entry.entity_id) == ("stage", "requirement", r.id)
        details = json.loads(entry.details)
        assert entry.username == "zhuguan" and details["stage"] == [source, target]
        assert details["note"] == note
        assert (r.closed_at == company.clock()) == (target in ENDED)
        if target in (S.RESPONDED, S.RESOLVED):
            assert r.first_response_at is not None
        assert (r.resolved_at is not None) == (target == S.RESOLVED)


@pytest.mark.parametrize("source", list(Stage))
def test_every_move_outside_moves_is_refused(company: Company, source: Stage) -> None:
    """A move not in MOVES is a Conflict, even for a supervisor with a note, and changes
    nothing."""
    requirement_id = reach(company, source)
    before = snapshot(company, requirement_id)
    refused = [target for target in Stage if target not in MOVES[source]]
    assert source in refused  # staying put is no move
    for target in refused:
        with pytest.raises(Conflict, match="cannot go from"):
            change_stage(company.as_("zhuguan"), requirement_id, target, REASON)
        assert snapshot(company, requirement_id) == before


def test_moves_that_end_or_undo_work_need_a_note(company: Company) -> None:
    """Reject, cancel, reopen and back-to-work are refused without a note (blank too)."""
    cases = [pair for pair in NEEDS_NOTE if pair[1] in MOVES[pair[0]]]
    assert {(S.RESOLVED, S.IN_PROGRESS), (S.RESPONDED, S.IN_PROGRESS)} <= set(cases)
    for source, target in cases:
        requirement_id = reach(company, source)
        before = snapshot(company, requirement_id)
        for note in ("", "   \n "):
            with pytest.raises(ValidationError) as refused:
                change_stage(company.as_("kefu"), requirement_id, target, note)
            assert refused.value.field == "note"
            assert snapshot(company, requirement_id) == before


@pytest.mark.parametrize("username", ["kefu", "zhuguan"])
def test_desk_and_supervisor_see_every_move(company: Company, username: str) -> None:
    """The service desk and a supervisor may make every move, on any department's item."""
    requirement_id = reach(company, S.DISPATCHED)
    assert allowed_moves(company.as_(username), requirement_id) == [
        s for s in Stage if s in MOVES[S.DISPATCHED]
    ]


def test_the_handling_department_starts_responds_and_resolves(company: Company) -> None:
    """Sales moves Sales' requirement on, but never rejects or cancels it."""
    requirement_id = reach(company, S.DISPATCHED)
    sales = company.as_("xiaoshou")
    assert allowed_moves(sales, requirement_id) == [S.IN_PROGRESS, S.RESPONDED]
    for target in (S.REJECTED, S.CANCELLED):
        before = snapshot(company, requirement_id)
        with pytest.raises(PermissionDenied, match="Only the service desk"):
            change_stage(sales, requirement_id, target, REASON)
        assert snapshot(company, requirement_id) == before
    change_stage(sales, requirement_id, S.IN_PROGRESS)
    change_stage(sales, requirement_id, S.RESOLVED)
    assert company.stage(requirement_id) == S.RESOLVED
    assert allowed_moves(sales, requirement_id) == [S.IN_PROGRESS]


@pytest.mark.parametrize("username", ["jishu", "zongjingli", "admin"])
def test_others_may_not_move_a_department_s_requirement(company: Company, username: str) -> None:
    """Another department's reviewer, the GM and the administrator are refused; nothing
    changes."""
    requirement_id = reach(company, S.DISPATCHED)
    ctx = company.as_(username)
    assert allowed_moves(ctx, requirement_id) == []
    before = snapshot(company, requirement_id)
    for target in sorted(MOVES[S.DISPATCHED]):
        with pytest.raises(PermissionDenied):
            change_stage(ctx, requirement_id, target, REASON)
    with pytest.raises(PermissionDenied):
        record_plan(ctx, requirement_id, PLAN)
    response = ResponseInput(company.clock(), ContactChannel.CALL, "已电话答复")
    with pytest.raises(PermissionDenied):
        log_response(ctx, requirement_id, response)
    assert snapshot(company, requirement_id) == before


def test_a_department_may_not_move_what_is_not_sent_to_it(company: Company) -> None:
    """A registered, undispatched requirement belongs to no department yet."""
    requirement_id = reach(company, S.REGISTERED)
    assert allowed_moves(company.as_("xiaoshou"), requirement_id) == []


def test_review_in_progress_is_not_skipped_by_hand(company: Company) -> None:
    """While its review is being signed, no one moves a requirement on by hand; the
    conclusion does."""
    requirement_id = reach(company, S.IN_REVIEW)
    assert allowed_moves(company.as_("kefu"), requirement_id) == [S.CANCELLED]
    before = snapshot(company, requirement_id)
    for username in ("kefu", "xiaoshou"):
        with pytest.raises(Conflict, match="waits for review"):
            change_stage(company.as_(username), requirement_id, S.IN_PROGRESS)
    assert snapshot(company, requirement_id) == before
    review_id = review_of(company, requirement_id)
    moment = company.clock.advance(hours=1)
    for code in routed_departments(company, review_id):
        sign(company.base, review_id, code, moment=moment)
    conclude(company.as_("xiaoshou"), review_id, "可以承接")
    assert company.stage(requirement_id) == S.IN_PROGRESS


def test_cancelling_during_a_review_stays_possible(company: Company) -> None:
    """The desk may still cancel a requirement under review, with a reason."""
    requirement_id = reach(company, S.IN_REVIEW)
    change_stage(company.as_("kefu"), requirement_id, S.CANCELLED, REASON)
    assert company.stage(requirement_id) == S.CANCELLED


# --- processing plans -----------------------------------------------------------------


def test_a_plan_starts_the_work(company: Company) -> None:
    """Recording the plan of a dispatched requirement moves it to "in progress"."""
    requirement_id = reach(company, S.DISPATCHED)
    plan_id = record_plan(company.as_("xiaoshou"), requirement_id, PLAN)
    assert company.stage(requirement_id) == S.IN_PROGRESS
    kinds = [(e.kind, e.from_stage, e.to_stage) for e in company.events(requirement_id)[-2:]]
    assert kinds == [
        (EventKind.PLAN_RECORDED, None, None),
        (EventKind.STAGE_CHANGED, S.DISPATCHED, S.IN_PROGRESS),
    ]
    entry = company.last_audit()
    assert (entry.action, entry.entity_type, entry.entity_id) == (
        "create",
        "processing_plan",
        plan_id,
    )
    with company.base.reading() as session:
        plan = session.get(ProcessingPlan, plan_id)
        assert plan is not None
        assert (plan.method, plan.schedule, plan.commitment) == (
            PLAN.method,
            PLAN.schedule,
            PLAN.commitment,
        )
        assert plan.recorded_at == company.clock()


@pytest.mark.parametrize("source", [S.IN_REVIEW, S.IN_PROGRESS, S.RESPONDED])
def test_a_plan_later_on_leaves_the_stage(company: Company, source: Stage) -> None:
    """A plan recorded under review, at work or after a response does not move the stage."""
    requirement_id = reach(company, source)
    record_plan(company.as_("kefu"), requirement_id, PLAN)
    assert company.stage(requirement_id) == source


def test_a_plan_needs_method_and_schedule(company: Company) -> None:
    """Method and schedule are required, the commitment is not."""
    requirement_id = reach(company, S.DISPATCHED)
    before = snapshot(company, requirement_id)
    with pytest.raises(FormInvalid) as refused:
        record_plan(company.as_("kefu"), requirement_id, PlanInput(" ", "", "承诺"))
    assert {p.field for p in refused.value.problems} == {"method", "schedule"}
    assert snapshot(company, requirement_id) == before
    record_plan(company.as_("kefu"), requirement_id, PlanInput("上门维修", "本周内", ""))


@pytest.mark.parametrize("source", [S.REGISTERED, S.RESOLVED, *sorted(ENDED)])
def test_no_plan_before_dispatch_or_once_done(company: Company, source: Stage) -> None:
    """Undispatched, resolved and closed requirements take no plan."""
    requirement_id = reach(company, source)
    before = snapshot(company, requirement_id)
    with pytest.raises(Conflict, match="plan is no longer needed"):
        record_plan(company.as_("kefu"), requirement_id, PLAN)
    assert snapshot(company, requirement_id) == before


# --- responses --------------------------------------------------------------------------


def respond(company: Company, requirement_id: int, at: datetime, who: str = "kefu") -> int:
    return log_response(
        company.as_(who), requirement_id, ResponseInput(at, ContactChannel.CALL, "已电话答复")
    )


def test_the_earliest_response_is_the_first_response(company: Company) -> None:
    """A logged response moves to "responded"; first_response_at is the earliest given."""
    requirement_id = reach(company, S.DISPATCHED)
    received = company.requirement(requirement_id).received_at
    company.clock.advance(hours=5)
    respond(company, requirement_id, received + timedelta(hours=3), who="xiaoshou")
    r = company.requirement(requirement_id)
    assert r.stage == S.RESPONDED and r.first_response_at == received + timedelta(hours=3)
    last = company.events(requirement_id)[-1]
    assert (last.from_stage, last.to_stage) == (S.DISPATCHED, S.RESPONDED)
    respond(company, requirement_id, received + timedelta(hours=4))
    assert company.requirement(requirement_id).first_response_at == received + timedelta(hours=3)
    respond(company, requirement_id, received + timedelta(hours=1))
    assert company.requirement(requirement_id).first_response_at == received + timedelta(hours=1)
    assert company.stage(requirement_id) == S.RESPONDED


def test_a_response_earlier_than_the_stage_change_wins(company: Company) -> None:
    """Moved to "responded" by hand now, a response logged for an hour ago is the first."""
    requirement_id = reach(company, S.DISPATCHED)
    change_stage(company.as_("kefu"), requirement_id, S.RESPONDED)
    assert company.requirement(requirement_id).first_response_at == company.clock()
    respond(company, requirement_id, company.clock() - timedelta(minutes=30))
    assert company.requirement(requirement_id).first_response_at == company.clock() - timedelta(
        minutes=30
    )


def test_a_response_under_review_keeps_the_review_stage(company: Company) -> None:
    """A requirement under review stays there; its first response is still recorded."""
    requirement_id = reach(company, S.IN_REVIEW)
    respond(company, requirement_id, company.clock())
    r = company.requirement(requirement_id)
    assert r.stage == S.IN_REVIEW and r.first_response_at == company.clock()


def test_a_response_lies_between_receipt_and_now(company: Company) -> None:
    """Before receipt, in the future or without a time zone: refused, nothing changed."""
    requirement_id = reach(company, S.DISPATCHED)
    received = company.requirement(requirement_id).received_at
    before = snapshot(company, requirement_id)
    naive = company.clock().replace(tzinfo=None)
    for when in (received - timedelta(minutes=1), company.clock() + timedelta(minutes=1), naive):
        with pytest.raises(FormInvalid) as refused:
            respond(company, requirement_id, when)
        assert [p.field for p in refused.value.problems] == ["responded_at"]
    with pytest.raises(FormInvalid):
        log_response(
            company.as_("kefu"), requirement_id, ResponseInput(received, ContactChannel.CALL, " ")
        )
    assert snapshot(company, requirement_id) == before
    respond(company, requirement_id, received)  # both ends included
    respond(company, requirement_id, company.clock())


@pytest.mark.parametrize("source", [S.REGISTERED, S.RESOLVED, *sorted(ENDED)])
def test_no_response_logged_before_dispatch_or_once_done(company: Company, source: Stage) -> None:
    """Responses belong to requirements being handled."""
    requirement_id = reach(company, source)
    before = snapshot(company, requirement_id)
    with pytest.raises(Conflict, match="no response is logged"):
        respond(company, requirement_id, company.clock())
    assert snapshot(company, requirement_id) == before


# --- return visits, reopening ------------------------------------------------------------


def visit(company: Company, requirement_id: int, day: date, satisfaction: int = 4) -> None:
    record_return_visit(
        company.as_("kefu"),
        requirement_id,
        VisitInput(day, ContactChannel.CALL, satisfaction, "客户满意"),
    )


def test_a_return_visit_closes_the_requirement(company: Company) -> None:
    """回访: stage closed, satisfaction and closing time set, visit, events and audit."""
    requirement_id = reach(company, S.RESOLVED)
    company.clock.advance(days=2)
    today = company.clock().astimezone(BUSINESS_TZ).date()
    audits = company.audit_count()
    visit(company, requirement_id, today, 5)
    r = company.requirement(requirement_id)
    assert (r.stage, r.satisfaction, r.closed_at) == (S.CLOSED, 5, company.clock())
    kinds = [(e.kind, e.from_stage, e.to_stage) for e in company.events(requirement_id)[-2:]]
    assert kinds == [
        (EventKind.RETURN_VISIT, None, None),
        (EventKind.STAGE_CHANGED, S.RESOLVED, S.CLOSED),
    ]
    assert company.audit_count() == audits + 2  # the stage change and the visit itself
    entry = company.last_audit()
    assert (entry.action, entry.entity_type) == ("create", "return_visit")
    assert json.loads(entry.details)["satisfaction"] == 5


@pytest.mark.parametrize(
    "source", [S.DISPATCHED, S.IN_REVIEW, S.IN_PROGRESS, S.RESPONDED, *sorted(ENDED)]
)
def test_a_return_visit_only_follows_resolution(company: Company, source: Stage) -> None:
    """Anything but "resolved" refuses a return visit."""
    requirement_id = reach(company, source)
    before = snapshot(company, requirement_id)
    with pytest.raises(Conflict, match="follows its resolution"):
        visit(company, requirement_id, company.clock().astimezone(BUSINESS_TZ).date())
    assert snapshot(company, requirement_id) == before


def test_satisfaction_is_rated_one_to_five(company: Company) -> None:
    """0 and 6 are refused; 1 and 5 close."""
    first, second = reach(company, S.RESOLVED), reach(company, S.RESOLVED)
    today = company.clock().astimezone(BUSINESS_TZ).date()
    before = snapshot(company, first)
    for wrong in (0, 6, -1):
        with pytest.raises(FormInvalid) as refused:
            visit(company, first, today, wrong)
        assert [p.field for p in refused.value.problems] == ["satisfaction"]
    assert snapshot(company, first) == before
    visit(company, first, today, 1)
    visit(company, second, today, 5)
    assert [company.requirement(i).satisfaction for i in (first, second)] == [1, 5]


def test_the_visit_date_lies_between_resolution_and_today(company: Company) -> None:
    """The resolution day and today are accepted; the day before and tomorrow are not."""
    early, late = reach(company, S.RESOLVED), reach(company, S.RESOLVED)
    resolved_day = company.requirement(early).resolved_at.astimezone(BUSINESS_TZ).date()  # type: ignore[union-attr]
    company.clock.advance(days=3)
    today = company.clock().astimezone(BUSINESS_TZ).date()
    before = snapshot(company, early)
    for wrong in (resolved_day - timedelta(days=1), today + timedelta(days=1)):
        with pytest.raises(ValidationError) as refused:
            visit(company, early, wrong)
        assert refused.value.field == "visit_date"
    assert snapshot(company, early) == before
    visit(company, early, resolved_day)
    visit(company, late, today)


def test_reviewers_do_not_record_return_visits(company: Company) -> None:
    """Return visits are the service desk's."""
    requirement_id = reach(company, S.RESOLVED)
    before = snapshot(company, requirement_id)
    with pytest.raises(PermissionDenied):
        record_return_visit(
            company.as_("xiaoshou"),
            requirement_id,
            VisitInput(company.clock().astimezone(BUSINESS_TZ).date(), ContactChannel.CALL, 5),
        )
    assert snapshot(company, requirement_id) == before


def test_reopening_clears_the_resolution(company: Company) -> None:
    """Resolved → in progress (with a reason) clears resolved_at; resolving again sets it."""
    requirement_id = reach(company, S.RESOLVED)
    first_response = company.requirement(requirement_id).first_response_at
    change_stage(company.as_("xiaoshou"), requirement_id, S.IN_PROGRESS, "客户反馈问题复现")
    r = company.requirement(requirement_id)
    assert (r.stage, r.resolved_at, r.closed_at) == (S.IN_PROGRESS, None, None)
    assert r.first_response_at == first_response
    later = company.clock.advance(days=1)
    change_stage(company.as_("xiaoshou"), requirement_id, S.RESOLVED)
    assert company.requirement(requirement_id).resolved_at == later


# --- the plan's due time ----------------------------------------------------------------


def working_days_after(company: Company, moment: datetime) -> datetime:
    with company.base.reading() as session:
        return work_calendar(session).add_working_days(
            moment, PLAN_WORKING_DAYS, policy(session).workday_end
        )


def test_dispatch_sets_the_plan_due_two_working_days_later(company: Company) -> None:
    """A general item has no plan due until dispatch; then two working days (Thu → Mon)."""
    requirement_id = company.register(urgency=Urgency.GENERAL)
    assert company.requirement(requirement_id).plan_due is None
    company.dispatch(requirement_id)
    due = company.requirement(requirement_id).plan_due
    assert due == working_days_after(company, NOW)
    assert due == datetime(2026, 11, 23, 17, 30, tzinfo=BUSINESS_TZ)  # Monday, end of day


def test_dispatching_again_keeps_the_plan_due(company: Company) -> None:
    """Reassigning a dispatched requirement does not push the plan's due time back."""
    requirement_id = company.register()
    company.dispatch(requirement_id)
    due = company.requirement(requirement_id).plan_due
    company.clock.advance(days=1)
    company.dispatch(requirement_id, "TECH", "jishu")
    assert company.requirement(requirement_id).plan_due == due


def test_an_earlier_registration_due_time_stands(company: Company) -> None:
    """An important item's plan due at registration is kept when dispatch comes later."""
    requirement_id = company.register(urgency=Urgency.IMPORTANT)
    registered_due = company.requirement(requirement_id).plan_due
    assert registered_due == working_days_after(company, NOW)
    company.clock.advance(days=1)  # Friday
    company.dispatch(requirement_id)
    assert company.requirement(requirement_id).plan_due == registered_due
    assert working_days_after(company, company.clock()) > registered_due


def test_merged_and_dispatch_paths_record_their_own_moves(company: Company) -> None:
    """Dispatch and merge are events with from/to like any move (the ledger replays them)."""
    source, target = company.register(), company.register()
    company.dispatch(target)
    merge_requirements(company.as_("kefu"), source, target)
    moves = [(e.from_stage, e.to_stage) for e in company.events(source) if e.to_stage]
    assert moves == [(None, S.REGISTERED), (S.REGISTERED, S.MERGED)]
    moves = [(e.from_stage, e.to_stage) for e in company.events(target) if e.to_stage]
    assert moves == [(None, S.REGISTERED), (S.REGISTERED, S.DISPATCHED)]
