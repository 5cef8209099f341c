"""My sign-offs: what waits for the signed-in user (and their department) on reviews."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from reqdesk.models import Customer, Requirement, Review, ReviewNotice
from reqdesk.models.enums import ReviewRouting, ReviewState, SignOffKind
from reqdesk.services.context import Context
from reqdesk.services.permissions import Permission, can, require
from reqdesk.services.reviews.common import current_sign_offs, is_sales
from reqdesk.services.reviews.outcome import Outcome
from reqdesk.services.reviews.signing import round_outcome


class TaskKind(StrEnum):
    SIGN = "sign"
    GM_SIGN = "gm_sign"
    CONCLUDE = "conclude"
    NEGOTIATE = "negotiate"
    ARBITRATE = "arbitrate"
    ANSWER = "answer"
    NOTICE = "notice"


@dataclass(frozen=True)
class Task:
    review_id: int
    number: str
    product: str
    customer: str
    kind: TaskKind
    due_at: datetime | None
    notice_id: int | None = None
    text: str = ""


def _task_of(review: Review, department_id: int | None, sales: bool, gm: bool) -> Task | None:
    state = review.state
    if state in (ReviewState.ACCEPTED, ReviewState.REJECTED):
        if sales and review.customer_answered_at is None:
            return _task(review, TaskKind.ANSWER, review.customer_answer_due)
        return None
    if state == ReviewState.ARBITRATION:
        return _task(review, TaskKind.ARBITRATE, None) if gm else None
    signed = {s.department_id for s in current_sign_offs(review, SignOffKind.DEPARTMENT)}
    if state == ReviewState.SIGNING and department_id is not None:
        mine = next((p for p in review.participants if p.department_id == department_id), None)
        if mine is not None and department_id not in signed:
            return _task(review, TaskKind.SIGN, mine.due_at)
    all_signed = all(p.department_id in signed for p in review.participants if p.required)
    if (
        gm
        and review.routing == ReviewRouting.MEETING
        and all_signed
        and not current_sign_offs(review, SignOffKind.GENERAL_MANAGER)
    ):
        return _task(review, TaskKind.GM_SIGN, None)
    if sales and state == ReviewState.NEGOTIATING:
        return _task(review, TaskKind.NEGOTIATE, None)
    if sales and state == ReviewState.SIGNING and round_outcome(review) == Outcome.READY:
        return _task(review, TaskKind.CONCLUDE, None)
    return None


def _task(review: Review, kind: TaskKind, due: datetime | None) -> Task:
    return Task(review.id, review.number, review.product_name, "", kind, due)


def my_tasks(ctx: Context) -> list[Task]:
    """Reviews waiting for the user: to sign, conclude, negotiate, arbitrate or answer,
    and amendment notices for their department. Earliest due first."""
    actor = require(ctx.actor, Permission.VIEW_LEDGER)
    with ctx.reading() as session:
        sales = is_sales(session, actor)
        gm = can(actor, Permission.ARBITRATE)
        signer = can(actor, Permission.SIGN_OFF)
        if not (sales or gm or signer):
            return []
        pending = or_(
            Review.state.in_(
                (ReviewState.SIGNING, ReviewState.NEGOTIATING, ReviewState.ARBITRATION)
            ),
            Review.state.in_((ReviewState.ACCEPTED, ReviewState.REJECTED))
            & Review.customer_answered_at.is_(None),
        )
        reviews = session.scalars(
            select(Review)
            .where(pending)
            .options(
                selectinload(Review.participants),
                selectinload(Review.sign_offs),
            )
        ).all()
        department = actor.department_id if signer else None
        tasks = [t for r in reviews if (t := _task_of(r, department, sales, gm)) is not None]
        if actor.department_id is not None:
            for notice, number, product in session.execute(
                select(ReviewNotice, Review.number, Review.product_name)
                .join(Review, Review.id == ReviewNotice.review_id)
                .where(
                    ReviewNotice.department_id == actor.department_id,
                    ReviewNotice.acknowledged_at.is_(None),
                )
            ):
                tasks.append(
                    Task(
                        notice.review_id,
                        number,
                        product,
                        "",
                        TaskKind.NOTICE,
                        None,
                        notice.id,
                        notice.text,
                    )
                )
        customers = _customers(session, {t.review_id for t in tasks})
    far = datetime.max.replace(tzinfo=None)
    with_names = [replace(t, customer=customers.get(t.review_id, "")) for t in tasks]
    return sorted(
        with_names,
        key=lambda t: (t.due_at.replace(tzinfo=None) if t.due_at else far, t.number),
    )


def _customers(session: Session, review_ids: set[int]) -> dict[int, str]:
    if not review_ids:
        return {}
    rows = session.execute(
        select(Review.id, Customer.name, Requirement.walk_in_name)
        .join(Requirement, Requirement.id == Review.requirement_id)
        .outerjoin(Customer, Customer.id == Requirement.customer_id)
        .where(Review.id.in_(review_ids))
    )
    return {rid: name or walk_in for rid, name, walk_in in rows}


def count_my_tasks(ctx: Context) -> int:
    return len(my_tasks(ctx))
