"""A requirement's life after dispatch (seed 001 五, seed 002 §5.2): the allowed moves
between stages, who may make them, processing plans, responses and return visits.

Every move is an event (who, when, from, to, note); the ledger is built from them.
Dispatch, the review and merging have their own services; this module refuses to make
those moves by hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from reqdesk.models import ProcessingPlan, Requirement, RequirementResponse, ReturnVisit, Review
from reqdesk.models.enums import ContactChannel, EventKind, Stage
from reqdesk.services.audit import Action
from reqdesk.services.context import Actor, Context, UnitOfWork
from reqdesk.services.customers.forms import Problems
from reqdesk.services.errors import Conflict, PermissionDenied, ValidationError
from reqdesk.services.permissions import Permission, can, require
from reqdesk.services.requirements.forms import text_field
from reqdesk.services.requirements.registration import event, load_requirement, stage_text
from reqdesk.services.reviews.opening import OPEN_REVIEW_STATES
from reqdesk.services.sla import BUSINESS_TZ
from reqdesk.textmarks import QT_TRANSLATE_NOOP

S = Stage
# The moves made by hand, from → to. Dispatch (registered → dispatched), the review
# (→ in review, and its conclusion), merging and the return visit (resolved → closed)
# happen through their own actions.
MOVES: dict[Stage, frozenset[Stage]] = {
    S.REGISTERED: frozenset({S.REJECTED, S.CANCELLED}),
    S.DISPATCHED: frozenset({S.IN_PROGRESS, S.RESPONDED, S.REJECTED, S.CANCELLED}),
    S.IN_REVIEW: frozenset({S.IN_PROGRESS, S.CANCELLED}),
    S.IN_PROGRESS: frozenset({S.RESPONDED, S.RESOLVED, S.CANCELLED}),
    S.RESPONDED: frozenset({S.IN_PROGRESS, S.RESOLVED, S.CANCELLED}),
    S.RESOLVED: frozenset({S.IN_PROGRESS}),  # reopened; closed only by a return visit
    S.CLOSED: frozenset(),
    S.REJECTED: frozenset(),
    S.MERGED: frozenset(),
    S.CANCELLED: frozenset(),
}
# Moves that end or undo work say why.
NEEDS_NOTE = frozenset({(s, S.REJECTED) for s in S} | {(s, S.CANCELLED) for s in S})
NEEDS_NOTE |= {(S.RESOLVED, S.IN_PROGRESS), (S.RESPONDED, S.IN_PROGRESS)}
# Sent to a department and not yet resolved: plans and responses are recorded here.
WORKING = frozenset({S.DISPATCHED, S.IN_REVIEW, S.IN_PROGRESS, S.RESPONDED})
ENDED = frozenset({S.CLOSED, S.REJECTED, S.MERGED, S.CANCELLED})
# The service desk's own decisions: not the handling department's.
DESK_ONLY = frozenset({S.REJECTED, S.CANCELLED})


def may_move(actor: Actor | None, requirement: Requirement, to: Stage) -> bool:
    """The service desk and supervisors move any requirement; a department moves the
    ones sent to it (start, respond, resolve), never rejects or cancels them."""
    if can(actor, Permission.DISPATCH):
        return True
    return (
        actor is not None
        and can(actor, Permission.CHANGE_STAGE)
        and to not in DESK_ONLY
        and requirement.department_id is not None
        and requirement.department_id == actor.department_id
    )


def _open_review(session: Session, requirement: Requirement) -> str | None:
    """The number of a review of the requirement still being signed, negotiated or
    arbitrated (its conclusion, not a hand, moves the requirement on)."""
    return session.scalar(
        select(Review.number).where(
            Review.requirement_id == requirement.id, Review.state.in_(OPEN_REVIEW_STATES)
        )
    )


def allowed_moves(ctx: Context, requirement_id: int) -> list[Stage]:
    """The stages the signed-in user may move this requirement to now (the menu)."""
    with ctx.reading() as session:
        requirement = load_requirement(session, requirement_id)
        waiting = requirement.stage == S.IN_REVIEW and _open_review(session, requirement)
        return [
            to
            for to in Stage
            if to in MOVES[requirement.stage]
            and may_move(ctx.actor, requirement, to)
            and not (waiting and to == S.IN_PROGRESS)
        ]


def _move(uow: UnitOfWork, requirement: Requirement, to: Stage, note: str) -> None:
    previous = requirement.stage
    requirement.stage = to
    requirement.updated_at = uow.now
    if to in (S.RESPONDED, S.RESOLVED) and requirement.first_response_at is None:
        requirement.first_response_at = uow.now  # the customer has had an answer
    if to == S.RESOLVED:
        requirement.resolved_at = uow.now
    if to in ENDED:
        requirement.closed_at = uow.now  # when it left the ledger
    if previous == S.RESOLVED and to == S.IN_PROGRESS:
        requirement.resolved_at = None  # reopened: resolved again later
    event(uow, requirement, EventKind.STAGE_CHANGED, from_stage=previous, to_stage=to, note=note)
    uow.audit(
        Action.STAGE,
        requirement,
        {"number": requirement.number, "stage": [previous.value, to.value], "note": note},
    )


def _check_move(
    ctx: Context, session: Session, requirement: Requirement, to: Stage, note: str
) -> None:
    if to not in MOVES[requirement.stage]:
        raise Conflict(
            QT_TRANSLATE_NOOP(
                "Errors", "Requirement {number} cannot go from {stage} to {target} here."
            ),
            number=requirement.number,
            stage=stage_text(requirement.stage),
            target=stage_text(to),
        )
    review = _open_review(session, requirement) if requirement.stage == S.IN_REVIEW else None
    if review is not None and to == S.IN_PROGRESS:
        raise Conflict(
            QT_TRANSLATE_NOOP(
                "Errors",
                "Requirement {number} waits for review {review}: its conclusion moves it on.",
            ),
            number=requirement.number,
            review=review,
        )
    if not may_move(ctx.actor, requirement, to):
        raise PermissionDenied(
            QT_TRANSLATE_NOOP(
                "Errors",
                "Only the service desk, or the department handling requirement {number}, "
                "moves it to {target}.",
            ),
            number=requirement.number,
            target=stage_text(to),
        )
    if (requirement.stage, to) in NEEDS_NOTE and not note:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Say why in the note."), field="note")


def change_stage(ctx: Context, requirement_id: int, to: Stage, note: str = "") -> None:
    """Move a requirement to another stage, with a note; an event and an audit entry."""
    require(ctx.actor, Permission.VIEW_LEDGER)
    p = Problems()
    note = text_field(p, "note", note, 500, multiline=True)
    p.raise_if_any()
    with ctx.unit_of_work() as uow:
        requirement = load_requirement(uow.session, requirement_id)
        _check_move(ctx, uow.session, requirement, Stage(to), note)
        _move(uow, requirement, Stage(to), note)
        uow.commit()


@dataclass(frozen=True)
class PlanInput:
    method: str
    schedule: str
    commitment: str


def record_plan(ctx: Context, requirement_id: int, form: PlanInput) -> int:
    """处理计划 (方式、时间安排、承诺): due within two working days of dispatch for long
    items; recording it starts the work when it had not started."""
    require(ctx.actor, Permission.VIEW_LEDGER)
    p = Problems()
    method = text_field(p, "method", form.method, 1000, multiline=True)
    schedule = text_field(p, "schedule", form.schedule, 1000, multiline=True)
    commitment = text_field(p, "commitment", form.commitment, 1000, multiline=True)
    for field, value in (("method", method), ("schedule", schedule)):
        if not value and not any(e.field == field for e in p.items):
            p.add(field, QT_TRANSLATE_NOOP("Errors", "This part of the plan is required."))
    p.raise_if_any()
    with ctx.unit_of_work() as uow:
        requirement = load_requirement(uow.session, requirement_id)
        if requirement.stage not in WORKING:
            raise Conflict(
                QT_TRANSLATE_NOOP(
                    "Errors", "Requirement {number} is {stage}: a plan is no longer needed."
                ),
                number=requirement.number,
                stage=stage_text(requirement.stage),
            )
        if not may_move(ctx.actor, requirement, S.IN_PROGRESS):
            raise PermissionDenied(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "The department handling requirement {number}, or the service desk, "
                    "records its plan.",
                ),
                number=requirement.number,
            )
        actor = ctx.actor
        assert actor is not None
        plan = uow.add(
            ProcessingPlan(
                requirement_id=requirement.id,
                method=method,
                schedule=schedule,
                commitment=commitment,
                recorded_by_id=actor.user_id,
                recorded_at=uow.now,
            )
        )
        event(uow, requirement, EventKind.PLAN_RECORDED, note=schedule[:200])
        if requirement.stage == S.DISPATCHED:
            _move(uow, requirement, S.IN_PROGRESS, "")
        uow.audit(Action.CREATE, plan, {"number": requirement.number, "schedule": schedule})
        uow.commit()
        return plan.id


@dataclass(frozen=True)
class ResponseInput:
    responded_at: datetime
    channel: ContactChannel
    content: str


def _when(p: Problems, field: str, value: datetime, not_before: datetime, now: datetime) -> None:
    if value.tzinfo is None or not not_before <= value <= now:
        p.add(
            field,
            QT_TRANSLATE_NOOP("Errors", "The time lies between the requirement's receipt and now."),
        )


def log_response(ctx: Context, requirement_id: int, form: ResponseInput) -> int:
    """An answer given to the customer; the first one is the first response (及时率)."""
    require(ctx.actor, Permission.CHANGE_STAGE)
    p = Problems()
    content = text_field(p, "content", form.content, 2000, multiline=True)
    if not content and not p.items:
        p.add("content", QT_TRANSLATE_NOOP("Errors", "Say what the customer was told."))
    p.raise_if_any()
    with ctx.unit_of_work() as uow:
        requirement = load_requirement(uow.session, requirement_id)
        _when(p, "responded_at", form.responded_at, requirement.received_at, uow.now)
        p.raise_if_any()
        if requirement.stage not in WORKING:
            raise Conflict(
                QT_TRANSLATE_NOOP(
                    "Errors", "Requirement {number} is {stage}: no response is logged now."
                ),
                number=requirement.number,
                stage=stage_text(requirement.stage),
            )
        # a response may move the requirement to "responded": the same people as by hand
        if not may_move(ctx.actor, requirement, S.RESPONDED):
            raise PermissionDenied(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "The department handling requirement {number}, or the service desk, "
                    "logs its responses.",
                ),
                number=requirement.number,
            )
        actor = ctx.actor
        assert actor is not None
        response = uow.add(
            RequirementResponse(
                requirement_id=requirement.id,
                responded_at=form.responded_at,
                responded_by_id=actor.user_id,
                channel=ContactChannel(form.channel),
                content=content,
            )
        )
        if (
            requirement.first_response_at is None
            or form.responded_at < requirement.first_response_at
        ):
            requirement.first_response_at = form.responded_at
        event(uow, requirement, EventKind.RESPONSE_LOGGED, note=content[:200])
        if requirement.stage in (S.DISPATCHED, S.IN_PROGRESS):
            _move(uow, requirement, S.RESPONDED, "")
        uow.audit(Action.CREATE, response, {"number": requirement.number})
        uow.commit()
        return response.id


@dataclass(frozen=True)
class VisitInput:
    visit_date: date
    channel: ContactChannel
    satisfaction: int
    comments: str = ""


def record_return_visit(ctx: Context, requirement_id: int, form: VisitInput) -> None:
    """回访: the customer rates the result 1–5; the requirement is closed."""
    actor = require(ctx.actor, Permission.RECORD_RETURN_VISIT)
    p = Problems()
    comments = text_field(p, "comments", form.comments, 2000, multiline=True)
    if not isinstance(form.satisfaction, int) or not 1 <= form.satisfaction <= 5:
        p.add("satisfaction", QT_TRANSLATE_NOOP("Errors", "Rate satisfaction from 1 to 5."))
    p.raise_if_any()
    with ctx.unit_of_work() as uow:
        requirement = load_requirement(uow.session, requirement_id)
        if requirement.stage != S.RESOLVED:
            raise Conflict(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "Requirement {number} is {stage}: a return visit follows its resolution.",
                ),
                number=requirement.number,
                stage=stage_text(requirement.stage),
            )
        today = uow.now.astimezone(BUSINESS_TZ).date()
        resolved = (requirement.resolved_at or requirement.received_at).astimezone(BUSINESS_TZ)
        if not resolved.date() <= form.visit_date <= today:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "Errors", "The visit took place between the resolution and today."
                ),
                field="visit_date",
            )
        visit = uow.add(
            ReturnVisit(
                requirement_id=requirement.id,
                visit_date=form.visit_date,
                visited_by_id=actor.user_id,
                channel=ContactChannel(form.channel),
                satisfaction=form.satisfaction,
                comments=comments,
            )
        )
        requirement.satisfaction = form.satisfaction
        event(
            uow, requirement, EventKind.RETURN_VISIT, note=f"{form.satisfaction}/5 {comments}"[:200]
        )
        _move(uow, requirement, S.CLOSED, "")
        uow.audit(
            Action.CREATE,
            visit,
            {
                "number": requirement.number,
                "visit_date": form.visit_date,
                "satisfaction": form.satisfaction,
                "comments": comments,
            },
        )
        uow.commit()
