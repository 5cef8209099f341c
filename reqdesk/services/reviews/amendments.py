"""合同修订: void and re-sign, change a clause (both sides sign), or change time/quantity
only (a change record). Every department that signed before is notified."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from reqdesk.models import Department, Requirement, Review, ReviewAmendment, ReviewNotice
from reqdesk.models.enums import (
    AmendmentKind,
    ContractType,
    Decision,
    EventKind,
    ReviewRouting,
    ReviewState,
    SignOffKind,
    Stage,
    label_source,
)
from reqdesk.services import sla
from reqdesk.services.audit import Action
from reqdesk.services.context import Context, UnitOfWork
from reqdesk.services.customers.forms import Problems
from reqdesk.services.errors import Conflict, PermissionDenied, ValidationError
from reqdesk.services.permissions import Permission, require
from reqdesk.services.requirements.forms import text_field
from reqdesk.services.requirements.registration import event
from reqdesk.services.reviews.common import effective, load_review, require_sales, require_state
from reqdesk.services.reviews.items import ReviewItems, clean_items, items_of
from reqdesk.services.reviews.opening import add_review, becomes_special
from reqdesk.services.reviews.rules import propose_type, read_rules, route
from reqdesk.services.reviews.signing import (
    SignInput,
    Translate,
    add_sign_off,
    confirm_password,
)
from reqdesk.textmarks import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class AmendmentInput:
    kind: AmendmentKind
    description: str
    customer_signatory: str = ""  # change clause: who signed for the customer
    items: ReviewItems | None = None  # void and re-sign: the new contract (default: as before)
    delivery_date: date | None = None  # time/quantity change
    quantity: Decimal | None = None


@dataclass(frozen=True)
class Amended:
    amendment_id: int
    new_review_id: int | None = None
    new_review_number: str = ""


def _signed_departments(uow: UnitOfWork, review: Review) -> list[Department]:
    ids = sorted(
        {
            s.department_id
            for s in effective(review.sign_offs)
            if s.kind == SignOffKind.DEPARTMENT and s.department_id is not None
        }
    )
    return [d for d in (uow.session.get(Department, i) for i in ids) if d is not None]


def _void_and_resign(uow: UnitOfWork, review: Review, form: AmendmentInput) -> Review:
    session = uow.session
    requirement = session.get(Requirement, review.requirement_id)
    assert requirement is not None
    today = uow.now.astimezone(sla.BUSINESS_TZ).date()
    items = clean_items(form.items or items_of(review), today=today)
    proposal = propose_type(items, read_rules(session), opened=today, channel=requirement.channel)
    review.state = ReviewState.VOID
    if requirement.stage == Stage.IN_PROGRESS:
        requirement.stage = Stage.IN_REVIEW
        event(
            uow,
            requirement,
            EventKind.STAGE_CHANGED,
            from_stage=Stage.IN_PROGRESS,
            to_stage=Stage.IN_REVIEW,
            note=review.number,
        )
    departments = [p.department_id for p in review.participants]
    if proposal.contract_type == ContractType.SPECIAL:  # the new terms need a meeting review
        contract_type, routing = ContractType.SPECIAL, ReviewRouting.MEETING
        with_finance = route(session, contract_type, routing, with_finance=True)[-1].id
        departments = [
            d.id
            for d in route(
                session, contract_type, routing, with_finance=with_finance in departments
            )
        ]
    else:
        contract_type, routing = review.contract_type, review.routing
    same = contract_type == proposal.contract_type
    reason = "" if same else (review.type_reason or review.number)
    return add_review(
        uow,
        requirement,
        items,
        contract_type,
        proposal,
        reason,
        routing,
        departments,
        supersedes_id=review.id,
    )


def _time_quantity(uow: UnitOfWork, review: Review, form: AmendmentInput) -> dict[str, list[str]]:
    changes: dict[str, list[str]] = {}
    today = uow.now.astimezone(sla.BUSINESS_TZ).date()
    moved = form.delivery_date is not None and form.delivery_date != review.delivery_date
    if moved and form.delivery_date is not None and form.delivery_date < today:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "The delivery date {day} has already passed."),
            day=form.delivery_date.isoformat(),
            field="delivery_date",
        )
    if form.delivery_date is not None and form.delivery_date != review.delivery_date:
        changes["delivery_date"] = [str(review.delivery_date or ""), form.delivery_date.isoformat()]
        review.delivery_date = form.delivery_date
    if form.quantity is not None and not isinstance(form.quantity, Decimal):
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Enter a number."), field="quantity")
    if form.quantity is not None and form.quantity != review.quantity:
        if not 0 <= form.quantity < Decimal("1e13"):
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "Enter a number from 0 to 9,999,999,999,999."),
                field="quantity",
            )
        changes["quantity"] = [str(review.quantity or ""), str(form.quantity)]
        review.quantity = form.quantity
    if not changes:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Enter the new delivery date or quantity."),
            field="delivery_date",
        )
    if becomes_special(uow, review, items_of(review)):
        raise Conflict(
            QT_TRANSLATE_NOOP(
                "Errors",
                "With this change the contract is a special one by the rules: void it and "
                "re-sign it, so that it goes to a meeting review.",
            )
        )
    return changes


def _sign_clause(
    uow: UnitOfWork, review: Review, clause: str, signatory: str, translate: Translate
) -> None:
    """The company's side of a changed clause, sealed like every other signature."""
    actor = uow.ctx.actor
    assert actor is not None
    meaning = translate(
        "Signature",
        QT_TRANSLATE_NOOP(
            "Signature",
            "I, {signer}, sign for the company the changed clause of contract review {number}; "
            "{signatory} signed it for the customer: {clause}",
        ),
    ).format(signer=actor.full_name, number=review.number, signatory=signatory, clause=clause)
    add_sign_off(
        uow,
        review,
        SignOffKind.AMENDMENT,
        actor.department_id,
        SignInput(Decision.ACCEPT, clause, ""),
        meaning,
    )


def amend_review(
    ctx: Context,
    review_id: int,
    form: AmendmentInput,
    translate: Translate,
    password: str = "",
) -> Amended:
    """Amend an accepted contract; a changed clause is signed (password) by Sales."""
    p = Problems()
    description = text_field(p, "description", form.description, 2000, multiline=True)
    if form.kind != AmendmentKind.TIME_QUANTITY and not description and not p.items:
        p.add("description", QT_TRANSLATE_NOOP("Errors", "Describe the amendment."))
    signatory = text_field(p, "customer_signatory", form.customer_signatory, 100)
    if form.kind == AmendmentKind.CHANGE_CLAUSE and not signatory and not p.items:
        p.add(
            "customer_signatory",
            QT_TRANSLATE_NOOP("Errors", "Name who signed the changed clause for the customer."),
        )
    p.raise_if_any()
    if form.kind == AmendmentKind.CHANGE_CLAUSE:
        confirm_password(ctx, password, f"amend review #{review_id}")
    with ctx.unit_of_work() as uow:
        actor = require_sales(uow.session, ctx.actor)
        review = load_review(uow.session, review_id, lock=True)
        require_state(review, ReviewState.ACCEPTED)
        changes: dict[str, list[str]] = {}
        new_review: Review | None = None
        if form.kind == AmendmentKind.VOID_AND_RESIGN:
            new_review = _void_and_resign(uow, review, form)
        elif form.kind == AmendmentKind.TIME_QUANTITY:
            changes = _time_quantity(uow, review, form)
        review.updated_at = uow.now
        departments = _signed_departments(uow, review)
        amendment = uow.add(
            ReviewAmendment(
                review_id=review.id,
                kind=form.kind,
                description=description,
                at=uow.now,
                by_id=actor.user_id,
                notified_departments="、".join(d.name for d in departments),
                new_review_id=new_review.id if new_review else None,
                customer_signatory=signatory,
                changes=json.dumps(changes, ensure_ascii=False),
            )
        )
        review.amendments.append(amendment)
        uow.session.flush()
        if form.kind == AmendmentKind.CHANGE_CLAUSE:
            _sign_clause(uow, review, description, signatory, translate)
        text = translate(
            "ReviewNotice",
            QT_TRANSLATE_NOOP("ReviewNotice", "Review {number} was amended ({kind}): {what}"),
        ).format(
            number=review.number,
            kind=translate(*label_source(form.kind)),
            what=description
            or "; ".join(f"{k}: {old} → {new}" for k, (old, new) in changes.items()),
        )
        if new_review is not None:
            text += " " + translate(
                "ReviewNotice", QT_TRANSLATE_NOOP("ReviewNotice", "New review: {number}.")
            ).format(number=new_review.number)
        for department in departments:
            uow.add(
                ReviewNotice(
                    review_id=review.id,
                    amendment_id=amendment.id,
                    department_id=department.id,
                    text=text,
                )
            )
        uow.audit(
            Action.UPDATE,
            review,
            {
                "number": review.number,
                "amendment": form.kind.value,
                "description": description,
                "customer_signatory": signatory,
                "new_review": new_review.number if new_review else None,
                "notified": [d.name for d in departments],
                **changes,
            },
        )
        uow.commit()
        return Amended(
            amendment.id,
            new_review.id if new_review else None,
            new_review.number if new_review else "",
        )


def acknowledge_notice(ctx: Context, notice_id: int) -> None:
    """A user of the notified department has read the amendment notice."""
    actor = require(ctx.actor, Permission.VIEW_LEDGER)
    with ctx.unit_of_work() as uow:
        notice = uow.session.get(ReviewNotice, notice_id)
        if notice is None:
            raise Conflict(QT_TRANSLATE_NOOP("Errors", "That notice does not exist."))
        if notice.department_id != actor.department_id:
            raise PermissionDenied(
                QT_TRANSLATE_NOOP("Errors", "The notice is for another department.")
            )
        if notice.acknowledged_at is not None:
            return
        notice.acknowledged_at = uow.now
        notice.acknowledged_by_id = actor.user_id
        uow.audit(Action.UPDATE, notice, {"acknowledged": True})
        uow.commit()
