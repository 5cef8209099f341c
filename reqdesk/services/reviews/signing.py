"""Electronic signatures on reviews: the password again, a sealed sign-off, corrections.

A sign-off is never changed: the service refuses, the database refuses (triggers), and
``reqdesk check`` recomputes every seal. A correction is a new sign-off superseding the
old one, with a reason; both stay. Five wrong passwords in a row lock signing for five
minutes; each wrong one is audited.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from reqdesk.models import Department, Review, SignOff, User
from reqdesk.models.base import new_uuid
from reqdesk.models.enums import Decision, ReviewRouting, ReviewState, SignOffKind, label_source
from reqdesk.services.audit import Action
from reqdesk.services.context import Context, UnitOfWork
from reqdesk.services.customers.forms import Problems
from reqdesk.services.errors import AuthenticationFailed, Conflict, PermissionDenied
from reqdesk.services.passwords import verify_password
from reqdesk.services.permissions import Permission, can, require
from reqdesk.services.requirements.forms import text_field
from reqdesk.services.reviews.common import current_sign_offs, load_review, require_state
from reqdesk.services.reviews.items import items_digest, items_from_json
from reqdesk.services.reviews.outcome import Outcome, outcome
from reqdesk.services.signatures import sealed_hash_of
from reqdesk.services.sla import BUSINESS_TZ
from reqdesk.textmarks import QT_TRANSLATE_NOOP

Translate = Callable[[str, str], str]
ATTEMPTS_BEFORE_LOCK = 5
LOCK_MINUTES = 5
DEPARTMENT_DECISIONS = (Decision.CAN_MEET, Decision.CONDITIONAL, Decision.CANNOT_MEET)


@dataclass(frozen=True)
class SignInput:
    decision: Decision
    comment: str = ""
    conditions: str = ""


def _locked_until_text(user: User) -> str:
    assert user.sign_locked_until is not None
    return user.sign_locked_until.astimezone(BUSINESS_TZ).strftime("%H:%M")


def confirm_password(ctx: Context, password: str, purpose: str = "") -> None:
    """The signer types their password again (``purpose``: what they sign, for the audit).

    A wrong one is audited and counted; five wrong in a row lock signing for five
    minutes, and attempts while locked are audited too. A right one clears the count.
    """
    actor = require(ctx.actor, Permission.VIEW_LEDGER)
    with ctx.unit_of_work() as uow:
        user = uow.session.get(User, actor.user_id)
        if user is None or not user.active:
            raise AuthenticationFailed(QT_TRANSLATE_NOOP("Errors", "This account is disabled."))
        details: dict[str, object] = {"purpose": purpose}
        if user.sign_locked_until is not None and user.sign_locked_until > uow.now:
            uow.audit(Action.SIGN_FAILED, user, {**details, "locked": True}, entity_type="app_user")
            uow.commit()
            raise AuthenticationFailed(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "Signing is locked after five wrong passwords. Try again after {time}.",
                ),
                time=_locked_until_text(user),
                field="password",
            )
        if verify_password(user.password_hash, password):
            if user.sign_failures:
                user.sign_failures = 0
                uow.commit()
            return
        user.sign_failures += 1
        details["failures"] = user.sign_failures
        locked = user.sign_failures >= ATTEMPTS_BEFORE_LOCK
        if locked:
            user.sign_locked_until = uow.now + timedelta(minutes=LOCK_MINUTES)
            user.sign_failures = 0
            details["locked_until"] = user.sign_locked_until.isoformat()
        uow.audit(Action.SIGN_FAILED, user, details, entity_type="app_user")
        uow.commit()
        if locked:
            raise AuthenticationFailed(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "Wrong password five times: signing is locked until {time}. Nothing was "
                    "signed.",
                ),
                time=_locked_until_text(user),
                field="password",
            )
        raise AuthenticationFailed(
            QT_TRANSLATE_NOOP("Errors", "The password is not correct. Nothing was signed."),
            field="password",
        )


def _clean(form: SignInput, allowed: tuple[Decision, ...]) -> SignInput:
    p = Problems()
    if form.decision not in allowed:
        p.add("decision", QT_TRANSLATE_NOOP("Errors", "Choose a decision."))
    comment = text_field(p, "comment", form.comment, 2000, multiline=True)
    conditions = text_field(p, "conditions", form.conditions, 2000, multiline=True)
    if (
        form.decision != Decision.CAN_MEET
        and not comment
        and not any(e.field == "comment" for e in p.items)
    ):
        p.add("comment", QT_TRANSLATE_NOOP("Errors", "Say why: a comment is required."))
    p.raise_if_any()
    return SignInput(Decision(form.decision), comment, conditions)


def add_sign_off(
    uow: UnitOfWork,
    review: Review,
    kind: SignOffKind,
    department_id: int | None,
    form: SignInput,
    meaning: str,
    supersedes: SignOff | None = None,
    reason: str = "",
) -> SignOff:
    """Write one sealed sign-off in the review's current round (and reset failures)."""
    actor = uow.ctx.actor
    assert actor is not None
    # sealed before it joins the session: a row flushed half-sealed could never be fixed,
    # as the database refuses to change a sign-off
    signed = next((r for r in review.rounds if r.round == review.round), None)
    digest = items_digest(items_from_json(signed.items)) if signed is not None else ""
    sign_off = SignOff(
        uuid=new_uuid(),
        review_id=review.id,
        round=review.round,
        kind=kind,
        department_id=department_id,
        signer_id=actor.user_id,
        decision=form.decision,
        comment=form.comment,
        conditions=form.conditions,
        meaning=meaning,
        signed_at=uow.now,
        supersedes_id=supersedes.id if supersedes else None,
        supersede_reason=reason,
    )
    sign_off.content_hash = sealed_hash_of(sign_off, review.uuid, digest)
    uow.add(sign_off)
    review.sign_offs.append(sign_off)
    review.updated_at = uow.now
    uow.audit(
        Action.SIGN,
        sign_off,
        {
            "review": review.number,
            "round": review.round,
            "kind": kind.value,
            "department_id": department_id,
            "decision": form.decision.value,
            "supersedes": supersedes.id if supersedes else None,
            "content_hash": sign_off.content_hash,
        },
    )
    return sign_off


def round_outcome(review: Review) -> Outcome:
    decisions = {
        s.department_id: s.decision
        for s in current_sign_offs(review, SignOffKind.DEPARTMENT)
        if s.department_id is not None
    }
    gm = current_sign_offs(review, SignOffKind.GENERAL_MANAGER)
    return outcome(
        [p.department_id for p in review.participants if p.required],
        decisions,
        gm_required=review.routing == ReviewRouting.MEETING,
        gm_decision=gm[-1].decision if gm else None,
    )


def settle_state(review: Review) -> None:
    """After a signature: any "cannot meet" once all have signed starts the negotiation."""
    if review.state in (ReviewState.SIGNING, ReviewState.NEGOTIATING):
        negotiate = round_outcome(review) == Outcome.NEGOTIATE
        review.state = ReviewState.NEGOTIATING if negotiate else ReviewState.SIGNING


def _meaning(translate: Translate, text: str, **values: object) -> str:
    return translate("Signature", text).format(**values)


def _decision_text(translate: Translate, decision: Decision) -> str:
    return translate(*label_source(decision))


def sign_for_department(
    ctx: Context, review_id: int, form: SignInput, password: str, translate: Translate
) -> int:
    """A department's sign-off; only a user of that department signs, once per round."""
    actor = require(ctx.actor, Permission.SIGN_OFF)
    clean = _clean(form, DEPARTMENT_DECISIONS)
    if can(actor, Permission.ARBITRATE):
        raise PermissionDenied(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The general manager signs meeting reviews and rules on reviews, not for a "
                "department.",
            )
        )
    confirm_password(ctx, password, f"sign review #{review_id}")
    with ctx.unit_of_work() as uow:
        review = load_review(uow.session, review_id, lock=True)
        require_state(review, ReviewState.SIGNING)
        participant = next(
            (p for p in review.participants if p.department_id == actor.department_id), None
        )
        if participant is None:
            raise PermissionDenied(
                QT_TRANSLATE_NOOP("Errors", "Review {number} is not routed to your department."),
                number=review.number,
            )
        department = uow.session.get(Department, participant.department_id)
        assert department is not None
        if any(
            s.department_id == department.id
            for s in current_sign_offs(review, SignOffKind.DEPARTMENT)
        ):
            raise Conflict(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "{department} has already signed round {round} of review {number}. To "
                    "change it, correct that sign-off with a reason.",
                ),
                department=department.name,
                round=review.round,
                number=review.number,
            )
        meaning = _meaning(
            translate,
            QT_TRANSLATE_NOOP(
                "Signature",
                "I, {signer}, sign for {department} in contract review {number}, round "
                "{round}: {decision}.",
            ),
            signer=actor.full_name,
            department=department.name,
            number=review.number,
            round=review.round,
            decision=_decision_text(translate, clean.decision),
        )
        sign_off = add_sign_off(uow, review, SignOffKind.DEPARTMENT, department.id, clean, meaning)
        settle_state(review)
        uow.commit()
        return sign_off.id


def sign_as_general_manager(
    ctx: Context, review_id: int, form: SignInput, password: str, translate: Translate
) -> int:
    """The GM's sign-off closing a meeting review (会议评审), after every department."""
    actor = require(ctx.actor, Permission.ARBITRATE)
    clean = _clean(form, DEPARTMENT_DECISIONS)
    confirm_password(ctx, password, f"meeting sign-off, review #{review_id}")
    with ctx.unit_of_work() as uow:
        review = load_review(uow.session, review_id, lock=True)
        require_state(review, ReviewState.SIGNING, ReviewState.NEGOTIATING)
        if review.routing != ReviewRouting.MEETING:
            raise Conflict(
                QT_TRANSLATE_NOOP(
                    "Errors", "Review {number} is not a meeting review: the departments sign it."
                ),
                number=review.number,
            )
        signed = {s.department_id for s in current_sign_offs(review, SignOffKind.DEPARTMENT)}
        if any(p.department_id not in signed for p in review.participants if p.required):
            raise Conflict(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "Every department signs review {number} before the general manager.",
                ),
                number=review.number,
            )
        if current_sign_offs(review, SignOffKind.GENERAL_MANAGER):
            raise Conflict(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "The general manager has already signed round {round} of review {number}.",
                ),
                round=review.round,
                number=review.number,
            )
        meaning = _meaning(
            translate,
            QT_TRANSLATE_NOOP(
                "Signature",
                "I, {signer}, general manager, sign contract review {number}, round {round}, "
                "at the meeting review: {decision}.",
            ),
            signer=actor.full_name,
            number=review.number,
            round=review.round,
            decision=_decision_text(translate, clean.decision),
        )
        sign_off = add_sign_off(uow, review, SignOffKind.GENERAL_MANAGER, None, clean, meaning)
        settle_state(review)
        uow.commit()
        return sign_off.id


def correct_sign_off(
    ctx: Context,
    sign_off_id: int,
    form: SignInput,
    reason: str,
    password: str,
    translate: Translate,
) -> int:
    """A new sign-off superseding an earlier one of the same department, with a reason."""
    actor = require(ctx.actor, Permission.SIGN_OFF)
    clean = _clean(form, DEPARTMENT_DECISIONS)
    p = Problems()
    why = text_field(p, "reason", reason, 500, multiline=True)
    if not why and not p.items:
        p.add("reason", QT_TRANSLATE_NOOP("Errors", "Give the reason for the correction."))
    p.raise_if_any()
    confirm_password(ctx, password, f"correct sign-off #{sign_off_id}")
    with ctx.unit_of_work() as uow:
        old = uow.session.get(SignOff, sign_off_id)
        if old is None:
            raise Conflict(QT_TRANSLATE_NOOP("Errors", "That sign-off does not exist."))
        review = load_review(uow.session, old.review_id, lock=True)
        require_state(review, ReviewState.SIGNING, ReviewState.NEGOTIATING)
        current = current_sign_offs(review, old.kind)
        if old not in current:
            raise Conflict(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "Only the sign-off in force in the current round can be corrected.",
                )
            )
        mine = (
            old.kind == SignOffKind.DEPARTMENT and old.department_id == actor.department_id
        ) or (old.kind == SignOffKind.GENERAL_MANAGER and old.signer_id == actor.user_id)
        if not mine:
            raise PermissionDenied(
                QT_TRANSLATE_NOOP(
                    "Errors", "Only the department that signed can correct its sign-off."
                )
            )
        department = uow.session.get(Department, old.department_id) if old.department_id else None
        meaning = _meaning(
            translate,
            QT_TRANSLATE_NOOP(
                "Signature",
                "I, {signer}, correct the sign-off of {when} in contract review {number}, "
                "round {round}, for {department}: {decision}.",
            ),
            signer=actor.full_name,
            when=old.signed_at.astimezone(BUSINESS_TZ).strftime("%Y-%m-%d %H:%M"),
            number=review.number,
            round=review.round,
            department=department.name if department else translate("Signature", "the GM"),
            decision=_decision_text(translate, clean.decision),
        )
        sign_off = add_sign_off(uow, review, old.kind, old.department_id, clean, meaning, old, why)
        settle_state(review)
        uow.commit()
        return sign_off.id
