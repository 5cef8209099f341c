"""Shared by the review services: loading, who is Sales, the state a review may be in."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from reqdesk.models import Department, Review, SignOff
from reqdesk.models.enums import ReviewAspect, ReviewState, SignOffKind, label_source
from reqdesk.services.context import Actor, Context
from reqdesk.services.errors import Conflict, NotFound, PermissionDenied, Text
from reqdesk.services.permissions import Permission, can, require
from reqdesk.textmarks import QT_TRANSLATE_NOOP

CONCLUDED = frozenset({ReviewState.ACCEPTED, ReviewState.REJECTED, ReviewState.VOID})


def load_review(session: Session, review_id: int, *, lock: bool = False) -> Review:
    """The review; ``lock``: hold its row until the transaction ends (PostgreSQL), so two
    people acting on it at once take turns. SQLite writers already take turns."""
    review = session.get(Review, review_id, with_for_update=lock)
    if review is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "That review does not exist."))
    return review


def find_review(session: Session, number: str) -> Review:
    review = session.scalar(select(Review).where(Review.number == number.strip().upper()))
    if review is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("Errors", "There is no review numbered {number}."),
            number=number.strip(),
        )
    return review


def sales_department_id(session: Session) -> int | None:
    return session.scalar(
        select(Department.id)
        .where(Department.review_aspect == ReviewAspect.SALES, Department.active.is_(True))
        .order_by(Department.id)
    )


def is_sales(session: Session, actor: Actor | None) -> bool:
    """A reviewer of the Sales department (销售部), who organises and concludes reviews.

    The general manager is never Sales, even when given a department: the one who
    arbitrates does not also conclude.
    """
    return (
        actor is not None
        and actor.department_id is not None
        and can(actor, Permission.SIGN_OFF)
        and not can(actor, Permission.ARBITRATE)
        and actor.department_id == sales_department_id(session)
    )


def require_sales(session: Session, actor: Actor | None) -> Actor:
    require(actor, Permission.VIEW_LEDGER)
    if not is_sales(session, actor):
        raise PermissionDenied(
            QT_TRANSLATE_NOOP(
                "Errors",
                "Only the Sales department concludes reviews and negotiates with the customer.",
            )
        )
    assert actor is not None
    return actor


def may_organise(session: Session, actor: Actor | None) -> bool:
    """Opening a review: the service desk (open reviews) or Sales."""
    return can(actor, Permission.OPEN_REVIEWS) or is_sales(session, actor)


def require_state(review: Review, *states: ReviewState) -> None:
    """Refuse, in words, an action the review's state does not allow."""
    if review.state in states:
        return
    if review.state in CONCLUDED:
        raise Conflict(
            QT_TRANSLATE_NOOP("Errors", "Review {number} is already concluded ({state})."),
            number=review.number,
            state=Text(*label_source(review.state)),
        )
    if review.state == ReviewState.ARBITRATION:
        raise Conflict(
            QT_TRANSLATE_NOOP(
                "Errors", "Review {number} is waiting for the general manager's arbitration."
            ),
            number=review.number,
        )
    if review.state == ReviewState.NEGOTIATING:
        raise Conflict(
            QT_TRANSLATE_NOOP(
                "Errors",
                "A department cannot meet review {number}: Sales negotiates with the customer "
                "first.",
            ),
            number=review.number,
        )
    raise Conflict(
        QT_TRANSLATE_NOOP("Errors", "Review {number} is still being signed."),
        number=review.number,
    )


def effective(sign_offs: Iterable[SignOff]) -> list[SignOff]:
    """The sign-offs that count: those no later correction supersedes."""
    rows = list(sign_offs)
    superseded = {s.supersedes_id for s in rows if s.supersedes_id is not None}
    return [s for s in rows if s.id not in superseded]


def current_sign_offs(review: Review, kind: SignOffKind) -> list[SignOff]:
    """The effective sign-offs of ``kind`` in the review's current round."""
    return [s for s in effective(review.sign_offs) if s.round == review.round and s.kind == kind]


def can_open_reviews(ctx: Context) -> bool:
    """Whether the signed-in user may open reviews (the tab shows the button)."""
    with ctx.reading() as session:
        return may_organise(session, ctx.actor)


def can_conclude_reviews(ctx: Context) -> bool:
    """Whether the signed-in user belongs to Sales (concludes, negotiates, answers)."""
    with ctx.reading() as session:
        return is_sales(session, ctx.actor)
