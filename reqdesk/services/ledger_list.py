"""The tracking ledger's rows: count and pages, filtered and sorted in SQL, never all rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import aliased

from reqdesk.models import Customer, Department, Requirement, Review, User
from reqdesk.models.enums import Channel, ReviewState, Stage, Urgency
from reqdesk.services.context import Context
from reqdesk.services.listing import Window, apply_window, like_pattern
from reqdesk.services.permissions import Permission, require


@dataclass(frozen=True)
class LedgerFilter:
    text: str = ""
    stage: Stage | None = None
    requirement_id: int | None = None


@dataclass(frozen=True)
class LedgerRow:
    id: int
    number: str
    received_at: datetime
    customer: str
    title: str
    urgency: Urgency
    channel: Channel
    department: str
    assignee: str
    stage: Stage
    first_response_due: datetime | None
    first_response_at: datetime | None
    resolution_due: datetime | None
    resolved_at: datetime | None
    closed_at: datetime | None
    satisfaction: int | None
    review_answer_due: datetime | None = None  # a concluded review's customer answer pending

    def review_answer_overdue(self, now: datetime) -> bool:
        return self.review_answer_due is not None and now > self.review_answer_due

    def days_open(self, now: datetime) -> int:
        end = self.closed_at or self.resolved_at or now
        return max(0, (end - self.received_at).days)


def _filtered(query: Select[Any], flt: LedgerFilter) -> Select[Any]:
    if flt.stage is not None:
        query = query.where(Requirement.stage == flt.stage)
    if flt.requirement_id is not None:
        query = query.where(Requirement.id == flt.requirement_id)
    text = flt.text.strip()
    if text:
        pattern = like_pattern(text)
        query = query.where(
            or_(
                Requirement.number.like(pattern, escape="\\"),
                Requirement.title.like(pattern, escape="\\"),
            )
        )
    return query


def _answer_due() -> Any:
    """The earliest customer answer still owed on a concluded review of the requirement."""
    return (
        select(func.min(Review.customer_answer_due))
        .where(
            Review.requirement_id == Requirement.id,
            Review.state.in_((ReviewState.ACCEPTED, ReviewState.REJECTED)),
            Review.customer_answered_at.is_(None),
        )
        .scalar_subquery()
    )


def count_ledger(ctx: Context, flt: LedgerFilter) -> int:
    require(ctx.actor, Permission.VIEW_LEDGER)
    with ctx.reading() as session:
        return int(session.scalar(_filtered(select(func.count(Requirement.id)), flt)) or 0)


def ledger_rows(ctx: Context, flt: LedgerFilter, window: Window) -> list[LedgerRow]:
    require(ctx.actor, Permission.VIEW_LEDGER)
    assignee = aliased(User)
    customer_name = func.coalesce(Customer.name, Requirement.walk_in_name, "")
    query = (
        select(
            Requirement.id,
            Requirement.number,
            Requirement.received_at,
            customer_name.label("customer"),
            Requirement.title,
            Requirement.urgency,
            Requirement.channel,
            func.coalesce(Department.name, "").label("department"),
            func.coalesce(assignee.full_name, "").label("assignee"),
            Requirement.stage,
            Requirement.first_response_due,
            Requirement.first_response_at,
            Requirement.resolution_due,
            Requirement.resolved_at,
            Requirement.closed_at,
            Requirement.satisfaction,
            _answer_due().label("review_answer_due"),
        )
        .outerjoin(Customer, Customer.id == Requirement.customer_id)
        .outerjoin(Department, Department.id == Requirement.department_id)
        .outerjoin(assignee, assignee.id == Requirement.assignee_id)
    )
    sort_columns = {
        "number": Requirement.number,
        "received_at": Requirement.received_at,
        "customer": customer_name,
        "title": Requirement.title,
        "urgency": Requirement.urgency,
        "channel": Requirement.channel,
        "department": Department.name,
        "assignee": assignee.full_name,
        "stage": Requirement.stage,
        "first_response_due": Requirement.first_response_due,
        "resolution_due": Requirement.resolution_due,
        "satisfaction": Requirement.satisfaction,
    }
    query = apply_window(
        _filtered(query, flt),
        window,
        sort_columns,
        (Requirement.received_at.desc(),),
        Requirement.id,
    )
    with ctx.reading() as session:
        return [LedgerRow(**row._asdict()) for row in session.execute(query)]
