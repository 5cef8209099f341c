"""The list of contract reviews: count and pages, sorted in SQL."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from reqdesk.models import Requirement, Review
from reqdesk.models.enums import ContractType, ReviewRouting, ReviewState
from reqdesk.services.context import Context
from reqdesk.services.listing import Window, apply_window
from reqdesk.services.permissions import Permission, require


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


def count_reviews(ctx: Context) -> int:
    require(ctx.actor, Permission.VIEW_LEDGER)
    with ctx.reading() as session:
        return int(session.scalar(select(func.count(Review.id))) or 0)


def review_rows(ctx: Context, window: Window) -> list[ReviewRow]:
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
