"""One review as the tab and the printed record (合同评审表) show it, with what the
signed-in user may do next."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from reqdesk.models import Customer, Department, Requirement, Review, SignOff
from reqdesk.models.enums import (
    AmendmentKind,
    ContractType,
    Decision,
    ReviewAspect,
    ReviewRouting,
    ReviewState,
    SignOffKind,
)
from reqdesk.services.context import Context
from reqdesk.services.permissions import Permission, can, require
from reqdesk.services.requirements.views import department_name, user_name
from reqdesk.services.reviews.common import current_sign_offs, effective, is_sales, load_review
from reqdesk.services.reviews.items import ReviewItems, items_from_json, items_of
from reqdesk.services.reviews.outcome import Outcome
from reqdesk.services.reviews.signing import round_outcome


@dataclass(frozen=True)
class SignOffView:
    id: int
    round: int
    kind: SignOffKind
    department_id: int | None
    department: str
    signer: str
    decision: Decision
    comment: str
    conditions: str
    meaning: str
    signed_at: datetime
    supersedes_id: int | None
    supersede_reason: str
    superseded: bool


@dataclass(frozen=True)
class ParticipantView:
    department_id: int
    department: str
    aspect: ReviewAspect | None
    due_at: datetime | None
    sign_off: SignOffView | None  # in force in the current round


@dataclass(frozen=True)
class NegotiationView:
    round: int
    at: datetime
    by: str
    contact: str
    summary: str
    outcome: str


@dataclass(frozen=True)
class RoundView:
    round: int
    items: ReviewItems
    started_at: datetime
    started_by: str
    reason: str
    sign_offs: tuple[SignOffView, ...]
    negotiations: tuple[NegotiationView, ...]


@dataclass(frozen=True)
class AmendmentView:
    kind: AmendmentKind
    description: str
    at: datetime
    by: str
    customer_signatory: str
    changes: dict[str, list[str]]
    notified: str
    new_review: str


@dataclass(frozen=True)
class Allowed:
    """What the signed-in user may do on this review now (the tab's buttons)."""

    sign: bool = False
    correct: int | None = None  # the sign-off they may correct
    gm_sign: bool = False
    conclude: bool = False
    negotiate: bool = False
    revise: bool = False
    hand_over: bool = False
    arbitrate: bool = False
    answer: bool = False
    amend: bool = False


@dataclass(frozen=True)
class ReviewView:
    id: int
    number: str
    requirement_id: int
    requirement_number: str
    requirement_title: str
    customer: str
    contract_type: ContractType
    proposed_type: ContractType
    type_reason: str
    routing: ReviewRouting
    state: ReviewState
    round: int
    items: ReviewItems
    opened_by: str
    opened_at: datetime
    participants: tuple[ParticipantView, ...]
    gm_sign_off: SignOffView | None
    arbitration: SignOffView | None
    outcome: Outcome
    rounds: tuple[RoundView, ...]
    concluded_at: datetime | None
    concluded_by: str
    conclusion_note: str
    handover_note: str
    answer_due: datetime | None
    answered_at: datetime | None
    answered_by: str
    answer_note: str
    amendments: tuple[AmendmentView, ...]
    supersedes: str
    superseded_by: str
    allowed: Allowed

    @property
    def gm_required(self) -> bool:
        return self.routing == ReviewRouting.MEETING

    def answer_overdue(self, now: datetime) -> bool:
        return self.answered_at is None and self.answer_due is not None and now > self.answer_due


def _sign_off_view(session: Session, s: SignOff, superseded: set[int]) -> SignOffView:
    return SignOffView(
        id=s.id,
        round=s.round,
        kind=s.kind,
        department_id=s.department_id,
        department=department_name(session, s.department_id),
        signer=user_name(session, s.signer_id),
        decision=s.decision,
        comment=s.comment,
        conditions=s.conditions,
        meaning=s.meaning,
        signed_at=s.signed_at,
        supersedes_id=s.supersedes_id,
        supersede_reason=s.supersede_reason,
        superseded=s.id in superseded,
    )


def _allowed(session: Session, ctx: Context, review: Review, outcome: Outcome) -> Allowed:
    actor = ctx.actor
    state = review.state
    sales = is_sales(session, actor)
    current = effective(review.sign_offs)
    signed = {
        s.department_id: s
        for s in current
        if s.round == review.round and s.kind == SignOffKind.DEPARTMENT
    }
    department = actor.department_id if actor else None
    routed = any(p.department_id == department for p in review.participants)
    correctable = signed.get(department) if department is not None else None
    gm_signed = current_sign_offs(review, SignOffKind.GENERAL_MANAGER)
    is_gm = can(actor, Permission.ARBITRATE)
    all_signed = all(p.department_id in signed for p in review.participants if p.required)
    open_states = (ReviewState.SIGNING, ReviewState.NEGOTIATING)
    negotiated = any(n.round == review.round for n in review.negotiations)
    return Allowed(
        sign=can(actor, Permission.SIGN_OFF)
        and state == ReviewState.SIGNING
        and routed
        and department not in signed,
        correct=correctable.id
        if correctable is not None and can(actor, Permission.SIGN_OFF) and state in open_states
        else (gm_signed[-1].id if gm_signed and is_gm and state in open_states else None),
        gm_sign=is_gm
        and review.routing == ReviewRouting.MEETING
        and state in open_states
        and all_signed
        and not gm_signed,
        conclude=sales and state == ReviewState.SIGNING and outcome == Outcome.READY,
        negotiate=sales and state in open_states,
        revise=sales and state == ReviewState.NEGOTIATING and negotiated,
        hand_over=sales and state == ReviewState.NEGOTIATING and negotiated,
        arbitrate=is_gm and state == ReviewState.ARBITRATION,
        answer=sales
        and state in (ReviewState.ACCEPTED, ReviewState.REJECTED)
        and review.customer_answered_at is None,
        amend=sales and state == ReviewState.ACCEPTED,
    )


def view_review(session: Session, ctx: Context, review: Review) -> ReviewView:
    requirement = session.get(Requirement, review.requirement_id)
    assert requirement is not None
    customer = session.get(Customer, requirement.customer_id) if requirement.customer_id else None
    superseded = {s.supersedes_id for s in review.sign_offs if s.supersedes_id is not None}
    views = [_sign_off_view(session, s, superseded) for s in review.sign_offs]
    in_force = {
        v.department_id: v
        for v in views
        if v.round == review.round and v.kind == SignOffKind.DEPARTMENT and not v.superseded
    }

    def last(kind: SignOffKind, *, any_round: bool = False) -> SignOffView | None:
        found = [
            v
            for v in views
            if v.kind == kind and not v.superseded and (any_round or v.round == review.round)
        ]
        return found[-1] if found else None

    outcome = round_outcome(review)
    rounds = tuple(
        RoundView(
            round=r.round,
            items=items_from_json(r.items),
            started_at=r.started_at,
            started_by=user_name(session, r.started_by_id),
            reason=r.reason,
            sign_offs=tuple(v for v in views if v.round == r.round),
            negotiations=tuple(
                NegotiationView(
                    n.round, n.at, user_name(session, n.by_id), n.contact, n.summary, n.outcome
                )
                for n in review.negotiations
                if n.round == r.round
            ),
        )
        for r in review.rounds
    )
    successor = next((a.new_review_id for a in review.amendments if a.new_review_id), None)
    return ReviewView(
        id=review.id,
        number=review.number,
        requirement_id=requirement.id,
        requirement_number=requirement.number,
        requirement_title=requirement.title,
        customer=customer.name if customer else requirement.walk_in_name,
        contract_type=review.contract_type,
        proposed_type=review.proposed_type,
        type_reason=review.type_reason,
        routing=review.routing,
        state=review.state,
        round=review.round,
        items=items_of(review),
        opened_by=user_name(session, review.opened_by_id),
        opened_at=review.opened_at,
        participants=tuple(
            ParticipantView(
                p.department_id,
                department_name(session, p.department_id),
                _aspect(session, p.department_id),
                p.due_at,
                in_force.get(p.department_id),
            )
            for p in review.participants
        ),
        gm_sign_off=last(SignOffKind.GENERAL_MANAGER),
        arbitration=last(SignOffKind.ARBITRATION, any_round=True),
        outcome=outcome,
        rounds=rounds,
        concluded_at=review.concluded_at,
        concluded_by=user_name(session, review.concluded_by_id),
        conclusion_note=review.conclusion_note,
        handover_note=review.handover_note,
        answer_due=review.customer_answer_due,
        answered_at=review.customer_answered_at,
        answered_by=user_name(session, review.customer_answered_by_id),
        answer_note=review.customer_answer_note,
        amendments=tuple(
            AmendmentView(
                a.kind,
                a.description,
                a.at,
                user_name(session, a.by_id),
                a.customer_signatory,
                json.loads(a.changes or "{}"),
                a.notified_departments,
                _number(session, a.new_review_id),
            )
            for a in review.amendments
        ),
        supersedes=_number(session, review.supersedes_id),
        superseded_by=_number(session, successor),
        allowed=_allowed(session, ctx, review, outcome),
    )


def _aspect(session: Session, department_id: int) -> ReviewAspect | None:
    department = session.get(Department, department_id)
    return department.review_aspect if department else None


def _number(session: Session, review_id: int | None) -> str:
    review = session.get(Review, review_id) if review_id is not None else None
    return review.number if review else ""


def get_review(ctx: Context, review_id: int) -> ReviewView:
    require(ctx.actor, Permission.VIEW_LEDGER)
    with ctx.reading() as session:
        return view_review(session, ctx, load_review(session, review_id))
