"""The list of contract reviews: count and pages, sorted in SQL."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, func, or_, select

from reqdesk.models import Requirement, Review
from reqdesk.models.enums import ContractType, ReviewRouting, ReviewState
from reqdesk.services.context import Context
from reqdesk.services.listing import Window, apply_window
from reqdesk.services.permissions import Permission, require
from reqdesk.services.search import contains


@dataclass(frozen=True)
class ReviewRow:
    id: int
    number: str
    requirement_number: str
    requirement_title: str
    contract_type: ContractType
    routing: ReviewRouting
    state: ReviewState
    product_name: str
    opened_at: datetime
    concluded_at: datetime | None


@dataclass(frozen=True)
class ReviewFilter:
    text: str = ""  # part of the review or requirement number, product or contract no.


def _filtered(query: Select[Any], f: ReviewFilter, *, sqlite: bool = True) -> Select[Any]:
    needle = f.text.strip()
    if not needle:
        return query
    columns = (Review.number, Review.product_name, Review.contract_no, Requirement.number)
    # ASCII letters in either case on both backends (PostgreSQL's LIKE alone would not)
    return query.where(or_(*(contains(column, needle, sqlite=sqlite) for column in columns)))


def count_reviews(ctx: Context, f: ReviewFilter | None = None) -> int:
    require(ctx.actor, Permission.VIEW_LEDGER)
    query = select(func.count(Review.id)).join(Requirement, Requirement.id == Review.requirement_id)
    with ctx.reading() as session:
        query = _filtered(query, f or ReviewFilter(), sqlite=ctx.db.is_sqlite)
        return int(session.scalar(query) or 0)


def review_rows(ctx: Context, window: Window, f: ReviewFilter | None = None) -> list[ReviewRow]:
    require(ctx.actor, Permission.VIEW_LEDGER)
    query = select(
        Review.id,
        Review.number,
        Requirement.number.label("requirement_number"),
        Requirement.title.label("requirement_title"),
        Review.contract_type,
        Review.routing,
        Review.state,
        Review.product_name,
        Review.opened_at,
        Review.concluded_at,
    ).join(Requirement, Requirement.id == Review.requirement_id)
    query = _filtered(query, f or ReviewFilter(), sqlite=ctx.db.is_sqlite)
    sort_columns = {
        "number": Review.number,
        "requirement_number": Requirement.number,
        "contract_type": Review.contract_type,
        "routing": Review.routing,
        "state": Review.state,
        "product_name": Review.product_name,
        "opened_at": Review.opened_at,
        "concluded_at": Review.concluded_at,
    }
    query = apply_window(query, window, sort_columns, (Review.opened_at.desc(),), Review.id)
    with ctx.reading() as session:
        return [ReviewRow(**row._asdict()) for row in session.execute(query)]
