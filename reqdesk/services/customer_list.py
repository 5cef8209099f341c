"""The customer list: count and pages of rows, filtered and sorted in SQL."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import aliased

from reqdesk.models import Customer, CustomerContact, User
from reqdesk.models.enums import ApprovalState, CustomerClass
from reqdesk.services.context import Context
from reqdesk.services.listing import Window, apply_window, like_pattern
from reqdesk.services.permissions import Permission, require


@dataclass(frozen=True)
class CustomerFilter:
    text: str = ""


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


def _primary_contact(column: Any) -> Any:
    return (
        select(column)
        .where(CustomerContact.customer_id == Customer.id)
        .order_by(CustomerContact.is_primary.desc(), CustomerContact.id)
        .limit(1)
        .scalar_subquery()
    )


def _filtered(query: Select[Any], flt: CustomerFilter) -> Select[Any]:
    text = flt.text.strip()
    if text:
        pattern = like_pattern(text)
        contact_match = (
            select(CustomerContact.id)
            .where(
                CustomerContact.customer_id == Customer.id,
                or_(
                    CustomerContact.name.like(pattern, escape="\\"),
                    CustomerContact.phone.like(pattern, escape="\\"),
                    CustomerContact.mobile.like(pattern, escape="\\"),
                ),
            )
            .exists()
        )
        query = query.where(
            or_(
                Customer.name.like(pattern, escape="\\"),
                Customer.short_name.like(pattern, escape="\\"),
                Customer.code.like(pattern, escape="\\"),
                Customer.credit_code.like(pattern, escape="\\"),
                contact_match,
            )
        )
    return query


def count_customers(ctx: Context, flt: CustomerFilter) -> int:
    require(ctx.actor, Permission.VIEW_CUSTOMERS)
    with ctx.reading() as session:
        query = _filtered(select(func.count(Customer.id)), flt)
        return int(session.scalar(query) or 0)


def customer_rows(ctx: Context, flt: CustomerFilter, window: Window) -> list[CustomerRow]:
    require(ctx.actor, Permission.VIEW_CUSTOMERS)
    custodian = aliased(User)
    contact_name = _primary_contact(CustomerContact.name).label("contact_name")
    contact_phone = _primary_contact(
        func.coalesce(func.nullif(CustomerContact.mobile, ""), CustomerContact.phone)
    ).label("contact_phone")
    query = select(
        Customer.id,
        Customer.code,
        Customer.name,
        Customer.short_name,
        Customer.customer_class,
        Customer.industry,
        func.coalesce(custodian.full_name, "").label("custodian"),
        Customer.approval_state,
        contact_name,
        contact_phone,
    ).outerjoin(custodian, custodian.id == Customer.custodian_id)
    sort_columns = {
        "code": Customer.code,
        "name": Customer.name,
        "short_name": Customer.short_name,
        "customer_class": Customer.customer_class,
        "industry": Customer.industry,
        "custodian": custodian.full_name,
        "approval_state": Customer.approval_state,
    }
    query = apply_window(
        _filtered(query, flt), window, sort_columns, (Customer.code.asc(),), Customer.id
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
            )
            for r in session.execute(query)
        ]
