"""Concluding a review: Sales accepts, negotiates, revises the items or hands it to the
general manager, who arbitrates; then the customer is answered within 48 hours."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select

from reqdesk.models import Requirement, Review, ReviewNegotiation, ReviewRound
from reqdesk.models.enums import (
    Decision,
    EventKind,
    ReviewRouting,
    ReviewState,
    SignOffKind,
    Stage,
    label_source,
)
from reqdesk.services.audit import Action
from reqdesk.services.context import Context, UnitOfWork
from reqdesk.services.customers.forms import Problems
from reqdesk.services.errors import Conflict, ValidationError
from reqdesk.services.permissions import Permission, require
from reqdesk.services.requirements.forms import text_field
from reqdesk.services.requirements.registration import event
from reqdesk.services.reviews.common import (
    current_sign_offs,
    load_review,
    require_sales,
    require_state,
)
from reqdesk.services.reviews.items import ITEM_FIELDS, ReviewItems, clean_items, items_to_json
from reqdesk.services.reviews.opening import becomes_special, reroute_as_special, sign_due
from reqdesk.services.reviews.outcome import Outcome
from reqdesk.services.reviews.rules import read_rules
from reqdesk.services.reviews.signing import (
    SignInput,
    Translate,
    add_sign_off,
    confirm_password,
    round_outcome,
)
from reqdesk.services.sla import BUSINESS_TZ
from reqdesk.textmarks import QT_TRANSLATE_NOOP

OPEN_STATES = (ReviewState.SIGNING, ReviewState.NEGOTIATING, ReviewState.ARBITRATION)


@dataclass(frozen=True)
class NegotiationInput:
    at: datetime
    contact: str
    summary: str
    outcome: str = ""


def _required_text(p: Problems, field: str, value: str, limit: int, message: str) -> str:
    text = text_field(p, field, value, limit, multiline=True)
    if not text and not any(e.field == field for e in p.items):
        p.add(field, message)
    return text


def _finish(uow: UnitOfWork, review: Review, state: ReviewState, note: str) -> None:
    """Record the conclusion; the 48-hour clock to answer the customer starts now."""
    actor = uow.ctx.actor
    assert actor is not None
    review.state = state
    review.concluded_at = uow.now
    review.concluded_by_id = actor.user_id
    review.conclusion_note = note
    review.customer_answer_due = uow.now + timedelta(hours=read_rules(uow.session).answer_hours)
    review.updated_at = uow.now
    requirement = uow.session.get(Requirement, review.requirement_id)
    if requirement is None or requirement.stage != Stage.IN_REVIEW:
        return
    still_open = uow.session.scalar(
        select(Review.id).where(
            Review.requirement_id == requirement.id,
            Review.id != review.id,
            Review.state.in_(OPEN_STATES),
        )
    )
    if still_open is not None:
        return
    target = Stage.IN_PROGRESS if state == ReviewState.ACCEPTED else Stage.REJECTED
    requirement.stage = target
    requirement.updated_at = uow.now
    if target == Stage.REJECTED:
        requirement.closed_at = uow.now  # it left the ledger
    event(
        uow,
        requirement,
        EventKind.STAGE_CHANGED,
        from_stage=Stage.IN_REVIEW,
        to_stage=target,
        note=review.number,
    )


def conclude(ctx: Context, review_id: int, note: str = "") -> None:
    """Sales concludes "accept" once every sign-off can meet (conditions included)."""
    p = Problems()
    note = text_field(p, "note", note, 2000, multiline=True)
    p.raise_if_any()
    with ctx.unit_of_work() as uow:
        require_sales(uow.session, ctx.actor)
        review = load_review(uow.session, review_id, lock=True)
        require_state(review, ReviewState.SIGNING)
        if round_outcome(review) != Outcome.READY:
            raise Conflict(
                QT_TRANSLATE_NOOP(
                    "Errors", "Review {number} can be concluded once everyone has signed."
                ),
                number=review.number,
            )
        conditions = [
            s.conditions
            for s in current_sign_offs(review, SignOffKind.DEPARTMENT)
            + current_sign_offs(review, SignOffKind.GENERAL_MANAGER)
            if s.conditions
        ]
        text = "\n".join(filter(None, [note, *conditions]))
        _finish(uow, review, ReviewState.ACCEPTED, text)
        uow.audit(Action.STAGE, review, {"number": review.number, "state": "accepted"})
        uow.commit()


def record_negotiation(ctx: Context, review_id: int, form: NegotiationInput) -> int:
    """Sales records a talk with the customer: when, with whom, what came of it."""
    p = Problems()
    contact = text_field(p, "contact", form.contact, 100)
    summary = _required_text(
        p,
        "summary",
        form.summary,
        2000,
        QT_TRANSLATE_NOOP("Errors", "Say what was discussed with the customer."),
    )
    result = text_field(p, "outcome", form.outcome, 2000, multiline=True)
    if form.at.tzinfo is None:
        p.add("at", QT_TRANSLATE_NOOP("Errors", "Enter the date and time of the negotiation."))
    p.raise_if_any()
    with ctx.unit_of_work() as uow:
        require_sales(uow.session, ctx.actor)
        review = load_review(uow.session, review_id, lock=True)
        require_state(review, ReviewState.SIGNING, ReviewState.NEGOTIATING)
        if form.at > uow.now or form.at < review.opened_at - timedelta(days=1):
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "Errors", "The negotiation took place between the review's opening and now."
                ),
                field="at",
            )
        actor = ctx.actor
        assert actor is not None
        negotiation = uow.add(
            ReviewNegotiation(
                review_id=review.id,
                round=review.round,
                at=form.at,
                by_id=actor.user_id,
                contact=contact,
                summary=summary,
                outcome=result,
            )
        )
        review.negotiations.append(negotiation)
        review.updated_at = uow.now
        uow.audit(
            Action.CREATE,
            negotiation,
            {"review": review.number, "contact": contact, "outcome": result},
        )
        uow.commit()
        return negotiation.id


def _negotiated(review: Review) -> None:
    if not any(n.round == review.round for n in review.negotiations):
        raise Conflict(
            QT_TRANSLATE_NOOP(
                "Errors",
                "Record the negotiation with the customer first (date, contact, outcome).",
            )
        )


def revise_items(ctx: Context, review_id: int, items: ReviewItems, reason: str) -> int:
    """Revised terms start a new round: every department signs again; old rounds stay."""
    p = Problems()
    why = _required_text(
        p, "reason", reason, 500, QT_TRANSLATE_NOOP("Errors", "Say what was revised and why.")
    )
    p.raise_if_any()
    with ctx.unit_of_work() as uow:
        actor = require_sales(uow.session, ctx.actor)
        review = load_review(uow.session, review_id, lock=True)
        require_state(review, ReviewState.NEGOTIATING)
        _negotiated(review)
        clean = clean_items(items, today=uow.now.astimezone(BUSINESS_TZ).date())
        changes: dict[str, object] = {
            name: [str(getattr(review, name)), str(getattr(clean, name))]
            for name in ITEM_FIELDS
            if getattr(review, name) != getattr(clean, name)
        }
        if becomes_special(uow, review, clean):  # a new product now, say: a meeting review
            changes["routing"] = [review.routing.value, ReviewRouting.MEETING.value]
            changes["departments"] = reroute_as_special(uow, review)
        for name in ITEM_FIELDS:
            setattr(review, name, getattr(clean, name))
        review.round += 1
        review.state = ReviewState.SIGNING
        review.updated_at = uow.now
        uow.add(
            ReviewRound(
                review_id=review.id,
                round=review.round,
                items=items_to_json(clean),
                started_at=uow.now,
                started_by_id=actor.user_id,
                reason=why,
            )
        )
        due = sign_due(uow)
        for participant in review.participants:
            participant.due_at = due
        uow.audit(
            Action.UPDATE,
            review,
            {"number": review.number, "round": review.round, "reason": why, **changes},
        )
        uow.commit()
        return review.round


def hand_to_general_manager(ctx: Context, review_id: int, note: str) -> None:
    """Sales cannot settle it with the customer: the general manager arbitrates (总经理裁定)."""
    p = Problems()
    why = _required_text(
        p,
        "note",
        note,
        2000,
        QT_TRANSLATE_NOOP("Errors", "Say what the general manager has to decide."),
    )
    p.raise_if_any()
    with ctx.unit_of_work() as uow:
        require_sales(uow.session, ctx.actor)
        review = load_review(uow.session, review_id, lock=True)
        require_state(review, ReviewState.NEGOTIATING)
        _negotiated(review)
        review.state = ReviewState.ARBITRATION
        review.handover_note = why
        review.updated_at = uow.now
        uow.audit(Action.STAGE, review, {"number": review.number, "state": "arbitration"})
        uow.commit()


def arbitrate(
    ctx: Context,
    review_id: int,
    decision: Decision,
    reason: str,
    password: str,
    translate: Translate,
) -> int:
    """The general manager accepts or rejects, with a reason, as a sealed signature."""
    actor = require(ctx.actor, Permission.ARBITRATE)
    p = Problems()
    if decision not in (Decision.ACCEPT, Decision.REJECT):
        p.add("decision", QT_TRANSLATE_NOOP("Errors", "Choose accept or reject."))
    why = _required_text(
        p, "reason", reason, 2000, QT_TRANSLATE_NOOP("Errors", "Give the reason for the ruling.")
    )
    p.raise_if_any()
    confirm_password(ctx, password, f"arbitrate review #{review_id}")
    with ctx.unit_of_work() as uow:
        review = load_review(uow.session, review_id, lock=True)
        require_state(review, ReviewState.ARBITRATION)
        meaning = translate(
            "Signature",
            QT_TRANSLATE_NOOP(
                "Signature",
                "I, {signer}, general manager, rule on contract review {number}: {decision}.",
            ),
        ).format(
            signer=actor.full_name,
            number=review.number,
            decision=translate(*label_source(Decision(decision))),
        )
        sign_off = add_sign_off(
            uow,
            review,
            SignOffKind.ARBITRATION,
            None,
            SignInput(Decision(decision), why, ""),
            meaning,
        )
        state = ReviewState.ACCEPTED if decision == Decision.ACCEPT else ReviewState.REJECTED
        _finish(uow, review, state, why)
        uow.audit(Action.STAGE, review, {"number": review.number, "state": state.value})
        uow.commit()
        return sign_off.id


def record_answer(ctx: Context, review_id: int, at: datetime, note: str) -> None:
    """The customer was told the conclusion (within 48 hours, or late: the ledger shows it)."""
    p = Problems()
    text = _required_text(
        p, "note", note, 2000, QT_TRANSLATE_NOOP("Errors", "Say how the customer was answered.")
    )
    p.raise_if_any()
    with ctx.unit_of_work() as uow:
        actor = require_sales(uow.session, ctx.actor)
        review = load_review(uow.session, review_id, lock=True)
        require_state(review, ReviewState.ACCEPTED, ReviewState.REJECTED)
        if review.customer_answered_at is not None:
            raise Conflict(
                QT_TRANSLATE_NOOP("Errors", "The customer's answer on {number} is recorded."),
                number=review.number,
            )
        concluded = review.concluded_at or review.opened_at
        if at > uow.now or at < concluded - timedelta(minutes=1):
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "The answer was given between the conclusion and now."),
                field="at",
            )
        review.customer_answered_at = at
        review.customer_answered_by_id = actor.user_id
        review.customer_answer_note = text
        review.updated_at = uow.now
        late = review.customer_answer_due is not None and at > review.customer_answer_due
        uow.audit(
            Action.UPDATE,
            review,
            {"number": review.number, "answered_at": at.isoformat(), "late": late},
        )
        uow.commit()
