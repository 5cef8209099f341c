"""Opening a contract review for a requirement: type, routing, participants, round 1."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from reqdesk.models import Requirement, Review, ReviewParticipant, ReviewRound
from reqdesk.models.enums import (
    OPEN_STAGES,
    ContractType,
    EventKind,
    ReviewRouting,
    ReviewState,
    Stage,
)
from reqdesk.services import sla
from reqdesk.services.audit import Action
from reqdesk.services.calendar import work_calendar
from reqdesk.services.context import Context, UnitOfWork
from reqdesk.services.errors import Conflict, PermissionDenied, ValidationError
from reqdesk.services.numbering import REVIEW, next_number
from reqdesk.services.requirements.registration import event, load_requirement, policy
from reqdesk.services.reviews.common import may_organise
from reqdesk.services.reviews.items import ITEM_FIELDS, ReviewItems, clean_items, items_to_json
from reqdesk.services.reviews.rules import Proposal, propose_type, read_rules, route
from reqdesk.textmarks import QT_TRANSLATE_NOOP

OPEN_REVIEW_STATES = (ReviewState.SIGNING, ReviewState.NEGOTIATING, ReviewState.ARBITRATION)


@dataclass(frozen=True)
class OpenReviewInput:
    requirement_id: int
    items: ReviewItems
    contract_type: ContractType | None = None  # None: as the rules propose
    type_reason: str = ""  # required when the type differs from the proposal
    routing: ReviewRouting = ReviewRouting.PLANNER
    countersigners: tuple[int, ...] = field(default=())
    with_finance: bool = False


@dataclass(frozen=True)
class OpenedReview:
    id: int
    number: str


def proposal_for(ctx: Context, requirement_id: int, items: ReviewItems) -> Proposal:
    """What the rules propose for these items (the dialog shows it as the user types)."""
    with ctx.reading() as session:
        requirement = load_requirement(session, requirement_id)
        today = ctx.clock().astimezone(sla.BUSINESS_TZ).date()
        return propose_type(items, read_rules(session), opened=today, channel=requirement.channel)


def _check_requirement(session: Session, requirement: Requirement, contract_no: str) -> None:
    if requirement.stage not in OPEN_STAGES:
        raise Conflict(
            QT_TRANSLATE_NOOP(
                "Errors", "Requirement {number} is closed; a review needs an open requirement."
            ),
            number=requirement.number,
        )
    other = session.scalar(
        select(Review.number).where(
            Review.requirement_id == requirement.id,
            Review.contract_no == contract_no,
            Review.state.in_(OPEN_REVIEW_STATES),
        )
    )
    if other is not None:
        raise Conflict(
            QT_TRANSLATE_NOOP(
                "Errors",
                "Review {review} of this requirement and contract is still open; continue "
                "that one.",
            ),
            review=other,
        )


def sign_due(uow: UnitOfWork) -> datetime:
    """When the departments' sign-offs are due: working days from now (settings)."""
    session = uow.session
    days = read_rules(session).sign_working_days
    return work_calendar(session).add_working_days(uow.now, days, policy(session).workday_end)


def add_review(
    uow: UnitOfWork,
    requirement: Requirement,
    items: ReviewItems,
    contract_type: ContractType,
    proposal: Proposal,
    type_reason: str,
    routing: ReviewRouting,
    department_ids: list[int],
    supersedes_id: int | None = None,
) -> Review:
    """Write a review with its participants and round 1 (also used by void-and-re-sign)."""
    session = uow.session
    actor = uow.ctx.actor
    assert actor is not None
    year = uow.now.astimezone(sla.BUSINESS_TZ).year
    due = sign_due(uow)
    review = uow.add(
        Review(
            number=next_number(session, uow.ctx.site_code, REVIEW, year),
            requirement_id=requirement.id,
            contract_type=contract_type,
            proposed_type=proposal.contract_type,
            type_reason=type_reason,
            routing=routing,
            state=ReviewState.SIGNING,
            round=1,
            opened_by_id=actor.user_id,
            opened_at=uow.now,
            supersedes_id=supersedes_id,
            **{name: getattr(items, name) for name in ITEM_FIELDS},
        )
    )
    for department_id in department_ids:
        review.participants.append(
            uow.add(ReviewParticipant(department_id=department_id, required=True, due_at=due))
        )
    session.flush()
    uow.add(
        ReviewRound(
            review_id=review.id,
            round=1,
            items=items_to_json(items),
            started_at=uow.now,
            started_by_id=actor.user_id,
        )
    )
    if requirement.stage in (Stage.REGISTERED, Stage.DISPATCHED):
        previous = requirement.stage
        requirement.stage = Stage.IN_REVIEW
        requirement.updated_at = uow.now
        event(
            uow,
            requirement,
            EventKind.STAGE_CHANGED,
            from_stage=previous,
            to_stage=Stage.IN_REVIEW,
            note=review.number,
        )
    return review


def open_review(ctx: Context, form: OpenReviewInput) -> OpenedReview:
    """Open a review (评审): the rules propose the type; a different type needs a reason."""
    with ctx.unit_of_work() as uow:
        session = uow.session
        if not may_organise(session, ctx.actor):
            raise PermissionDenied(
                QT_TRANSLATE_NOOP(
                    "Errors", "Reviews are opened by the service desk or the Sales department."
                )
            )
        requirement = load_requirement(session, form.requirement_id)
        today = uow.now.astimezone(sla.BUSINESS_TZ).date()
        items = clean_items(form.items, today=today)
        _check_requirement(session, requirement, items.contract_no)
        proposal = propose_type(
            items, read_rules(session), opened=today, channel=requirement.channel
        )
        contract_type = form.contract_type or proposal.contract_type
        reason = " ".join(form.type_reason.split())
        if contract_type != proposal.contract_type and not reason:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "Errors", "Say why the contract type differs from the rules' proposal."
                ),
                field="type_reason",
            )
        routing = ReviewRouting.MEETING if contract_type == ContractType.SPECIAL else form.routing
        departments = route(session, contract_type, routing, form.countersigners, form.with_finance)
        review = add_review(
            uow,
            requirement,
            items,
            contract_type,
            proposal,
            reason[:500],
            routing,
            [d.id for d in departments],
        )
        uow.audit(
            Action.CREATE,
            review,
            {
                "number": review.number,
                "requirement": requirement.number,
                "contract_type": contract_type.value,
                "proposed_type": proposal.contract_type.value,
                "routing": routing.value,
                "departments": [d.name for d in departments],
            },
        )
        uow.commit()
        return OpenedReview(review.id, review.number)


def becomes_special(uow: UnitOfWork, review: Review, items: ReviewItems) -> bool:
    """Whether changed items make a regular or temporary contract special by the rules."""
    if review.contract_type == ContractType.SPECIAL:
        return False
    requirement = uow.session.get(Requirement, review.requirement_id)
    assert requirement is not None
    today = uow.now.astimezone(sla.BUSINESS_TZ).date()
    proposal = propose_type(
        items, read_rules(uow.session), opened=today, channel=requirement.channel
    )
    return proposal.contract_type == ContractType.SPECIAL


def reroute_as_special(uow: UnitOfWork, review: Review) -> list[str]:
    """Make the review a special contract's meeting review (Finance stays if it signed
    before); returns the departments now routed."""
    session = uow.session
    departments = {p.department_id for p in review.participants}
    finance = route(session, ContractType.SPECIAL, ReviewRouting.MEETING, with_finance=True)[-1]
    meeting = route(
        session,
        ContractType.SPECIAL,
        ReviewRouting.MEETING,
        with_finance=finance.id in departments,
    )
    review.contract_type = ContractType.SPECIAL
    review.proposed_type = ContractType.SPECIAL
    review.routing = ReviewRouting.MEETING
    wanted = {d.id for d in meeting}
    for participant in list(review.participants):
        if participant.department_id not in wanted:
            review.participants.remove(participant)
    for department in meeting:
        if department.id not in departments:
            review.participants.append(uow.add(ReviewParticipant(department_id=department.id)))
    return [d.name for d in meeting]
