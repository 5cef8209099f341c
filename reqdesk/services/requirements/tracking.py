"""One requirement as the tracking ledger's detail pane shows it: time nodes, the events
as a timeline, its reviews, plans, responses, return visit, and what the signed-in user
may do next (the pane's buttons)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from reqdesk.models import (
    ProcessingPlan,
    RequirementEvent,
    RequirementResponse,
    ReturnVisit,
    Review,
)
from reqdesk.models.enums import (
    ContactChannel,
    ContractType,
    ReviewRouting,
    ReviewState,
    SignOffKind,
    Stage,
    Urgency,
)
from reqdesk.services.context import Context
from reqdesk.services.ledger_list import DUE_SOON, LedgerFilter, LedgerRow, ledger_query, to_row
from reqdesk.services.listing import Window
from reqdesk.services.permissions import Permission, can, require
from reqdesk.services.requirements.registration import load_requirement
from reqdesk.services.requirements.views import EventView, user_name
from reqdesk.services.requirements.workflow import WORKING, allowed_moves, may_move
from reqdesk.services.reviews.common import current_sign_offs
from reqdesk.services.reviews.outcome import Outcome
from reqdesk.services.reviews.signing import round_outcome

# The stages in which record_plan and log_response accept input (dispatched, not ended).


@dataclass(frozen=True)
class TimeNode:
    """A due time and when the step was done; ``late`` and ``due_soon`` as the ledger
    counts them (a step already done or no longer owed is neither)."""

    due: datetime | None
    done: datetime | None
    late: bool = False
    due_soon: bool = False


@dataclass(frozen=True)
class ReviewSummary:
    id: int
    number: str
    contract_type: ContractType
    routing: ReviewRouting
    state: ReviewState
    round: int
    signed: int  # sign-offs in force in the current round (departments, and the GM)
    expected: int
    outcome: Outcome  # where the current round stands (while it is being signed)
    concluded_at: datetime | None
    conclusion_note: str
    answer_due: datetime | None
    answered_at: datetime | None
    answer_late: bool


@dataclass(frozen=True)
class PlanView:
    recorded_at: datetime
    recorded_by: str
    method: str
    schedule: str
    commitment: str


@dataclass(frozen=True)
class ResponseView:
    responded_at: datetime
    responded_by: str
    channel: ContactChannel
    content: str


@dataclass(frozen=True)
class VisitView:
    visit_date: date
    visited_by: str
    channel: ContactChannel
    satisfaction: int
    comments: str


@dataclass(frozen=True)
class TrackingDetail:
    id: int
    number: str
    title: str
    customer: str
    contact_name: str
    contact_phone: str
    stage: Stage
    urgency: Urgency
    department: str
    assignee: str
    received_at: datetime
    closed_at: datetime | None
    first_response: TimeNode
    plan: TimeNode
    resolution: TimeNode
    events: tuple[EventView, ...]  # oldest first
    reviews: tuple[ReviewSummary, ...]
    plans: tuple[PlanView, ...]
    responses: tuple[ResponseView, ...]
    visit: VisitView | None
    moves: list[Stage]  # the stages the signed-in user may move it to now
    can_plan: bool
    can_respond: bool
    can_visit: bool

    @property
    def overdue(self) -> bool:
        return any(n.late for n in (self.first_response, self.plan, self.resolution)) or any(
            r.answer_late for r in self.reviews
        )


def tracking_detail(ctx: Context, requirement_id: int) -> TrackingDetail:
    """Everything the detail pane shows about one requirement, read at once."""
    actor = require(ctx.actor, Permission.VIEW_LEDGER)
    moves = allowed_moves(ctx, requirement_id)
    now = ctx.clock()
    with ctx.reading() as session:
        requirement = load_requirement(session, requirement_id)
        row = _ledger_row(ctx, session, requirement_id, now)
        soon = _ledger_row(ctx, session, requirement_id, now + DUE_SOON)
        plans = _plans(session, requirement_id)
        stage = requirement.stage
        return TrackingDetail(
            id=requirement.id,
            number=requirement.number,
            title=requirement.title,
            customer=row.customer,
            contact_name=requirement.contact_name,
            contact_phone=requirement.contact_phone,
            stage=stage,
            urgency=requirement.urgency,
            department=row.department,
            assignee=row.assignee,
            received_at=requirement.received_at,
            closed_at=requirement.closed_at,
            first_response=_node(
                row.first_response_due,
                row.first_response_at,
                row.response_late,
                soon.response_late,
            ),
            plan=_node(
                row.plan_due,
                plans[0].recorded_at if plans else None,
                row.plan_late,
                soon.plan_late,
            ),
            resolution=_node(
                row.resolution_due, row.resolved_at, row.resolution_late, soon.resolution_late
            ),
            events=_events(session, requirement_id),
            reviews=_reviews(session, requirement_id, now),
            plans=plans,
            responses=_responses(session, requirement_id),
            visit=_visit(session, requirement_id),
            moves=moves,
            # the same conditions record_plan, log_response and record_return_visit check
            can_plan=stage in WORKING and may_move(actor, requirement, Stage.IN_PROGRESS),
            can_respond=stage in WORKING
            and can(actor, Permission.CHANGE_STAGE)
            and may_move(actor, requirement, Stage.RESPONDED),
            can_visit=stage == Stage.RESOLVED and can(actor, Permission.RECORD_RETURN_VISIT),
        )


def _ledger_row(ctx: Context, session: Session, requirement_id: int, now: datetime) -> LedgerRow:
    """The requirement's ledger row as of ``now``: the table's overdue flags, exactly."""
    query = ledger_query(
        LedgerFilter(requirement_id=requirement_id), Window(limit=1), now, ctx.db.is_sqlite
    )
    return to_row(session.execute(query).one())


def _node(due: datetime | None, done: datetime | None, late: bool, late_soon: bool) -> TimeNode:
    return TimeNode(due, done, late, late_soon and not late)


def _events(session: Session, requirement_id: int) -> tuple[EventView, ...]:
    events = session.scalars(
        select(RequirementEvent)
        .where(RequirementEvent.requirement_id == requirement_id)
        .order_by(RequirementEvent.at, RequirementEvent.id)
    )
    return tuple(
        EventView(e.at, e.kind, e.from_stage, e.to_stage, user_name(session, e.actor_id), e.note)
        for e in events
    )


def _plans(session: Session, requirement_id: int) -> tuple[PlanView, ...]:
    plans = session.scalars(
        select(ProcessingPlan)
        .where(ProcessingPlan.requirement_id == requirement_id)
        .order_by(ProcessingPlan.recorded_at, ProcessingPlan.id)
    )
    return tuple(
        PlanView(
            p.recorded_at, user_name(session, p.recorded_by_id), p.method, p.schedule, p.commitment
        )
        for p in plans
    )


def _responses(session: Session, requirement_id: int) -> tuple[ResponseView, ...]:
    responses = session.scalars(
        select(RequirementResponse)
        .where(RequirementResponse.requirement_id == requirement_id)
        .order_by(RequirementResponse.responded_at, RequirementResponse.id)
    )
    return tuple(
        ResponseView(r.responded_at, user_name(session, r.responded_by_id), r.channel, r.content)
        for r in responses
    )


def _visit(session: Session, requirement_id: int) -> VisitView | None:
    visit = session.scalar(select(ReturnVisit).where(ReturnVisit.requirement_id == requirement_id))
    if visit is None:
        return None
    return VisitView(
        visit.visit_date,
        user_name(session, visit.visited_by_id),
        visit.channel,
        visit.satisfaction,
        visit.comments,
    )


def _reviews(session: Session, requirement_id: int, now: datetime) -> tuple[ReviewSummary, ...]:
    reviews = session.scalars(
        select(Review)
        .where(Review.requirement_id == requirement_id)
        .options(selectinload(Review.participants), selectinload(Review.sign_offs))
        .order_by(Review.opened_at, Review.id)
    )
    return tuple(_review_summary(r, now) for r in reviews)


def _review_summary(review: Review, now: datetime) -> ReviewSummary:
    signed_departments = {
        s.department_id for s in current_sign_offs(review, SignOffKind.DEPARTMENT)
    }
    required = [p.department_id for p in review.participants if p.required]
    signed = sum(1 for d in required if d in signed_departments)
    expected = len(required)
    if review.routing == ReviewRouting.MEETING:  # the general manager signs too
        expected += 1
        signed += bool(current_sign_offs(review, SignOffKind.GENERAL_MANAGER))
    owed = review.state in (ReviewState.ACCEPTED, ReviewState.REJECTED)
    due = review.customer_answer_due
    return ReviewSummary(
        id=review.id,
        number=review.number,
        contract_type=review.contract_type,
        routing=review.routing,
        state=review.state,
        round=review.round,
        signed=signed,
        expected=expected,
        outcome=round_outcome(review),
        concluded_at=review.concluded_at,
        conclusion_note=review.conclusion_note,
        answer_due=due,
        answered_at=review.customer_answered_at,
        answer_late=owed and review.customer_answered_at is None and due is not None and now > due,
    )
