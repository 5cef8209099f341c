"""The customer list: count and pages of rows, filtered and sorted in SQL."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, or_, select, union
from sqlalchemy.orm import aliased

from reqdesk.models import Customer, CustomerContact, RelationshipLogEntry, User
from reqdesk.models.enums import ApprovalState, CreditGrade, CustomerClass
from reqdesk.services.context import Actor, Context
from reqdesk.services.customers.access import accessible_condition
from reqdesk.services.listing import Window, apply_window
from reqdesk.services.permissions import Permission, require
from reqdesk.services.search import contains, starts_with
from reqdesk.services.sla import BUSINESS_TZ

# How often customers are contacted for their requirements (seed 001 二(三)).
CONTACT_MONTHS = {CustomerClass.KEY: 1, CustomerClass.GENERAL: 3}


@dataclass(frozen=True)
class CustomerFilter:
    text: str = ""
    customer_class: CustomerClass | None = None
    custodian_id: int | None = None
    approval_state: ApprovalState | None = None
    credit_grade: CreditGrade | None = None
    due_for_contact: bool = False


@dataclass(frozen=True)
class CustomerRow:
    id: int
    code: str
    name: str
    short_name: str
    customer_class: CustomerClass
    industry: str
    custodian: str
    approval_state: ApprovalState
    contact_name: str
    contact_phone: str
    last_contact: date | None


def months_before(day: date, months: int) -> date:
    """The same day ``months`` calendar months earlier (the last day if it does not exist)."""
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    next_month = date(year + month // 12, month % 12 + 1, 1)
    last_day = (next_month - timedelta(days=1)).day
    return date(year, month, min(day.day, last_day))


def last_contact_column() -> Any:
    return (
        select(func.max(RelationshipLogEntry.contact_date))
        .where(RelationshipLogEntry.customer_id == Customer.id)
        .scalar_subquery()
    )


def due_condition(today: date) -> Any:
    """Key customers not contacted for a month, general ones for a quarter (or never)."""
    last = last_contact_column()
    return or_(
        *(
            and_(
                Customer.customer_class == customer_class,
                or_(last.is_(None), last <= months_before(today, months)),
            )
            for customer_class, months in CONTACT_MONTHS.items()
        )
    )


def _primary_contact(column: Any) -> Any:
    return (
        select(column)
        .where(CustomerContact.customer_id == Customer.id)
        .order_by(CustomerContact.is_primary.desc(), CustomerContact.id)
        .limit(1)
        .scalar_subquery()
    )


def _filtered(
    query: Select[Any], flt: CustomerFilter, actor: Actor, today: date, sqlite: bool
) -> Select[Any]:
    text = flt.text.strip()
    if text:
        query = query.where(_text_matches(text, sqlite))
    if flt.customer_class is not None:
        query = query.where(Customer.customer_class == flt.customer_class)
    if flt.custodian_id is not None:
        query = query.where(Customer.custodian_id == flt.custodian_id)
    if flt.approval_state is not None:
        query = query.where(Customer.approval_state == flt.approval_state)
    if flt.credit_grade is not None:
        # Credit is confidential: the filter only looks into files the user may open.
        query = query.where(Customer.credit_grade == flt.credit_grade, accessible_condition(actor))
    if flt.due_for_contact:
        query = query.where(due_condition(today))
    return query


def _text_matches(text: str, sqlite: bool) -> ColumnElement[bool]:
    """The file or one of its contacts holds ``text``. One set of ids, so that PostgreSQL
    reads both halves through their trigram indexes (an OR with a correlated EXISTS
    would test every customer row by row)."""
    by_contact = select(CustomerContact.customer_id).where(
        or_(
            contains(CustomerContact.name, text, sqlite=sqlite),
            contains(CustomerContact.phone, text, sqlite=sqlite),
            contains(CustomerContact.mobile, text, sqlite=sqlite),
        )
    )
    inner = aliased(Customer)  # its own FROM: not correlated with the outer query
    by_identity = select(inner.id).where(_identity_matches(inner, text, sqlite))
    return Customer.id.in_(union(by_identity, by_contact))


def _identity_matches(customer: type[Customer], text: str, sqlite: bool) -> ColumnElement[bool]:
    """Name, short name, code or credit code hold ``text`` (ASCII letters in either case,
    on SQLite and PostgreSQL alike: see reqdesk.services.search)."""
    columns = (customer.name, customer.short_name, customer.code, customer.credit_code)
    return or_(*(contains(column, text, sqlite=sqlite) for column in columns))


def _today(ctx: Context) -> date:
    return ctx.clock().astimezone(BUSINESS_TZ).date()


def count_customers(ctx: Context, flt: CustomerFilter) -> int:
    actor = require(ctx.actor, Permission.VIEW_CUSTOMERS)
    with ctx.reading() as session:
        query = _filtered(
            select(func.count(Customer.id)), flt, actor, _today(ctx), ctx.db.is_sqlite
        )
        return int(session.scalar(query) or 0)


def customer_rows(ctx: Context, flt: CustomerFilter, window: Window) -> list[CustomerRow]:
    actor = require(ctx.actor, Permission.VIEW_CUSTOMERS)
    custodian = aliased(User)
    last_contact = last_contact_column().label("last_contact")
    query = select(
        Customer.id,
        Customer.code,
        Customer.name,
        Customer.short_name,
        Customer.customer_class,
        Customer.industry,
        func.coalesce(custodian.full_name, "").label("custodian"),
        Customer.approval_state,
        _primary_contact(CustomerContact.name).label("contact_name"),
        _primary_contact(
            func.coalesce(func.nullif(CustomerContact.mobile, ""), CustomerContact.phone)
        ).label("contact_phone"),
        last_contact,
    ).outerjoin(custodian, custodian.id == Customer.custodian_id)
    sort_columns = {
        "code": Customer.code,
        "name": Customer.name,
        "short_name": Customer.short_name,
        "customer_class": Customer.customer_class,
        "industry": Customer.industry,
        "custodian": custodian.full_name,
        "approval_state": Customer.approval_state,
        "last_contact": last_contact,
    }
    query = apply_window(
        _filtered(query, flt, actor, _today(ctx), ctx.db.is_sqlite),
        window,
        sort_columns,
        (Customer.code.asc(),),
        Customer.id,
    )
    with ctx.reading() as session:
        return [
            CustomerRow(
                id=r.id,
                code=r.code,
                name=r.name,
                short_name=r.short_name,
                customer_class=r.customer_class,
                industry=r.industry,
                custodian=r.custodian,
                approval_state=r.approval_state,
                contact_name=r.contact_name or "",
                contact_phone=r.contact_phone or "",
                last_contact=r.last_contact,
            )
            for r in session.execute(query)
        ]


@dataclass(frozen=True)
class CustomerChoice:
    id: int
    code: str
    name: str
    short_name: str

    @property
    def label(self) -> str:
        return f"{self.name}（{self.code}）"


def search_customers(ctx: Context, text: str, limit: int = 15) -> list[CustomerChoice]:
    """Type-ahead: customers whose name, short name, code or credit code contain ``text``."""
    require(ctx.actor, Permission.VIEW_CUSTOMERS)
    needle = text.strip()
    if not needle:
        return []
    sqlite = ctx.db.is_sqlite
    query = (
        select(Customer.id, Customer.code, Customer.name, Customer.short_name)
        .where(_identity_matches(Customer, needle, sqlite))
        .order_by(starts_with(Customer.name, needle, sqlite=sqlite).desc(), Customer.name)
        .limit(limit)
    )
    with ctx.reading() as session:
        return [CustomerChoice(*row) for row in session.execute(query)]
