"""The figures of the monthly analysis report (需求分析报告, seed 001 三(四)): what came in
by category, urgency, channel and department, the customers with the most requirements,
and the requirements still open at the end of the period.

Counted in SQL. Merged and cancelled requirements are counted apart and nowhere else; the
open and overdue tests are those of :mod:`reqdesk.services.metrics`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session, aliased

from reqdesk.i18n import enum_label, translate
from reqdesk.models import Customer, Department, Requirement, User
from reqdesk.models.enums import Category, Channel, Stage, Urgency
from reqdesk.services.context import Context
from reqdesk.services.metrics import (
    EXCLUDED,
    NO_DEPARTMENT,
    counted,
    late_at,
    open_at,
    period,
)
from reqdesk.services.permissions import Permission, require

Counts = list[tuple[str, int]]


@dataclass(frozen=True)
class Intake:
    """Requirements received in a period. The splits count all but merged and cancelled."""

    received: int
    merged: int
    cancelled: int
    rejected: int
    by_category: Counts
    by_urgency: Counts
    by_channel: Counts
    by_department: Counts

    @property
    def counted(self) -> int:
        return self.received - self.merged - self.cancelled


def _enum_counts(counts: Counter[Any], members: list[StrEnum], *, keep_zero: bool) -> Counts:
    return [(enum_label(m), counts[m]) for m in members if keep_zero or counts[m]]


def _department_counts(session: Session, counts: Counter[Any]) -> Counts:
    names = session.execute(select(Department.id, Department.name).order_by(Department.id))
    rows = [(name, counts[id_]) for id_, name in names if counts[id_]]
    if counts[None]:
        rows.append((translate("Metrics", NO_DEPARTMENT), counts[None]))
    return rows


def month_counts(ctx: Context, first: date, last: date) -> Intake:
    """Requirements received on business days ``first``..``last``, split four ways."""
    require(ctx.actor, Permission.VIEW_LEDGER)
    span = period(first, last, ctx.clock())
    r = Requirement
    query = (
        select(r.stage, r.category, r.urgency, r.channel, r.department_id, func.count())
        .where(r.received_at >= span.start, r.received_at < span.end)
        .group_by(r.stage, r.category, r.urgency, r.channel, r.department_id)
    )
    stages: Counter[Any] = Counter()
    splits: list[Counter[Any]] = [Counter(), Counter(), Counter(), Counter()]
    with ctx.reading() as session:
        for stage, *keys, count in session.execute(query):
            stages[stage] += count
            if stage not in EXCLUDED:
                for split, key in zip(splits, keys, strict=True):
                    split[key] += count
        departments = _department_counts(session, splits[3])
    return Intake(
        received=sum(stages.values()),
        merged=stages[Stage.MERGED],
        cancelled=stages[Stage.CANCELLED],
        rejected=stages[Stage.REJECTED],
        by_category=_enum_counts(splits[0], list(Category), keep_zero=True),
        by_urgency=_enum_counts(splits[1], list(Urgency), keep_zero=True),
        by_channel=_enum_counts(splits[2], list(Channel), keep_zero=False),
        by_department=departments,
    )


def top_customers(ctx: Context, first: date, last: date, limit: int = 10) -> Counts:
    """The customer files with the most requirements received in the period (merged and
    cancelled ones left out), most first."""
    require(ctx.actor, Permission.VIEW_LEDGER)
    span = period(first, last, ctx.clock())
    r = Requirement
    count = func.count(r.id)
    query = (
        select(Customer.name, count)
        .join(r, r.customer_id == Customer.id)
        .where(counted(), r.received_at >= span.start, r.received_at < span.end)
        .group_by(Customer.id, Customer.name)
        .order_by(count.desc(), Customer.name)
        .limit(limit)
    )
    with ctx.reading() as session:
        return [(name, int(n)) for name, n in session.execute(query)]


@dataclass(frozen=True)
class OpenItem:
    number: str
    received_at: datetime
    customer: str
    title: str
    urgency: Urgency
    department: str
    assignee: str
    stage: Stage  # the stage now
    first_response_due: datetime | None
    resolution_due: datetime | None
    overdue: bool


@dataclass(frozen=True)
class OpenItems:
    """The first ``limit`` requirements open at the end of a period (overdue ones first,
    then the oldest), and how many there are in all."""

    items: list[OpenItem]
    total: int
    overdue: int
    cutoff: datetime


def _item(values: dict[str, Any]) -> OpenItem:
    return OpenItem(**{**values, "overdue": bool(values["overdue"])})


def open_items(ctx: Context, first: date, last: date, limit: int = 200) -> OpenItems:
    """The requirements open at the end of business days ``first``..``last``."""
    require(ctx.actor, Permission.VIEW_LEDGER)
    cutoff = period(first, last, ctx.clock()).cutoff
    r = Requirement
    where = and_(counted(), open_at(cutoff))
    overdue = case((late_at(cutoff), 1), else_=0)
    assignee = aliased(User)
    query = (
        select(
            r.number,
            r.received_at,
            func.coalesce(Customer.name, r.walk_in_name, "").label("customer"),
            r.title,
            r.urgency,
            func.coalesce(Department.name, "").label("department"),
            func.coalesce(assignee.full_name, "").label("assignee"),
            r.stage,
            r.first_response_due,
            r.resolution_due,
            overdue.label("overdue"),
        )
        .outerjoin(Customer, Customer.id == r.customer_id)
        .outerjoin(Department, Department.id == r.department_id)
        .outerjoin(assignee, assignee.id == r.assignee_id)
        .where(where)
        .order_by(overdue.desc(), r.received_at, r.id)
        .limit(limit)
    )
    totals = select(func.count(), func.sum(overdue)).where(where)
    with ctx.reading() as session:
        items = [_item(row._asdict()) for row in session.execute(query)]
        total, late = session.execute(totals).one()
    return OpenItems(items, int(total or 0), int(late or 0), cutoff)
