"""The confidential sections and the records kept in a file: credit, production,
transactions, relationship log, and who was granted access.

Opening credit, production or transactions is written to the audit log each time.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import TypeVar

from sqlalchemy import select

from reqdesk.models import (
    CustomerAccessGrant,
    CustomerTransaction,
    RelationshipLogEntry,
    Requirement,
    User,
)
from reqdesk.models.enums import ContactChannel, Stage
from reqdesk.services.audit import Action
from reqdesk.services.context import Context
from reqdesk.services.customers.access import require_confidential
from reqdesk.services.customers.files import apply_values, load_customer
from reqdesk.services.customers.forms import (
    CreditInput,
    Problems,
    ProductionInput,
    limited,
    multiline,
)
from reqdesk.services.errors import NotFound
from reqdesk.services.normalise import half_width
from reqdesk.services.permissions import Permission, require
from reqdesk.textmarks import QT_TRANSLATE_NOOP

SECTION_CREDIT = "credit"
SECTION_PRODUCTION = "production"
SECTION_TRANSACTIONS = "transactions"


@dataclass(frozen=True)
class TransactionRow:
    id: int
    contract_no: str
    contract_date: date
    product: str
    quantity: Decimal
    unit: str
    amount: Decimal


@dataclass(frozen=True)
class TransactionInput:
    contract_no: str
    contract_date: date | None
    product: str
    quantity: str | Decimal
    unit: str
    amount: str | Decimal


@dataclass(frozen=True)
class LogRow:
    id: int
    contact_date: date
    person: str
    channel: ContactChannel
    summary: str


@dataclass(frozen=True)
class LogInput:
    contact_date: date | None
    person: str
    channel: ContactChannel
    summary: str


@dataclass(frozen=True)
class RequirementBrief:
    id: int
    number: str
    title: str
    stage: Stage
    received_on: date


def _opened(ctx: Context, customer_id: int, section: str) -> None:
    """Check access and audit the opening, in one transaction."""
    with ctx.unit_of_work() as uow:
        customer = load_customer(uow.session, customer_id)
        require_confidential(uow.session, ctx.actor, customer)
        uow.audit(Action.VIEW_CONFIDENTIAL, customer, {"section": section, "code": customer.code})
        uow.commit()


def open_credit(ctx: Context, customer_id: int) -> CreditInput:
    require(ctx.actor, Permission.VIEW_CUSTOMERS)
    _opened(ctx, customer_id, SECTION_CREDIT)
    with ctx.reading() as session:
        customer = load_customer(session, customer_id)
        return CreditInput(customer.credit_grade, customer.credit_note)


def open_production(ctx: Context, customer_id: int) -> ProductionInput:
    require(ctx.actor, Permission.VIEW_CUSTOMERS)
    _opened(ctx, customer_id, SECTION_PRODUCTION)
    with ctx.reading() as session:
        c = load_customer(session, customer_id)
        return ProductionInput(
            c.production_process, c.production_scale, c.raw_materials, c.production_investment
        )


def open_transactions(ctx: Context, customer_id: int) -> list[TransactionRow]:
    require(ctx.actor, Permission.VIEW_CUSTOMERS)
    _opened(ctx, customer_id, SECTION_TRANSACTIONS)
    with ctx.reading() as session:
        rows = session.scalars(
            select(CustomerTransaction)
            .where(CustomerTransaction.customer_id == customer_id)
            .order_by(CustomerTransaction.contract_date.desc(), CustomerTransaction.id.desc())
        )
        return [
            TransactionRow(
                t.id, t.contract_no, t.contract_date, t.product, t.quantity, t.unit, t.amount
            )
            for t in rows
        ]


def relationship_log(ctx: Context, customer_id: int, limit: int | None = None) -> list[LogRow]:
    """The contact history, newest first (part of the file: custodian, supervisors, GM …)."""
    require(ctx.actor, Permission.VIEW_CUSTOMERS)
    with ctx.reading() as session:
        require_confidential(session, ctx.actor, load_customer(session, customer_id))
        query = (
            select(RelationshipLogEntry)
            .where(RelationshipLogEntry.customer_id == customer_id)
            .order_by(RelationshipLogEntry.contact_date.desc(), RelationshipLogEntry.id.desc())
            .limit(limit)
        )
        return [
            LogRow(e.id, e.contact_date, e.person, e.channel, e.summary)
            for e in session.scalars(query)
        ]


def _clean_log(entry: LogInput) -> dict[str, object]:
    p = Problems()
    if entry.contact_date is None:
        p.add("contact_date", QT_TRANSLATE_NOOP("Errors", "Enter the date of the contact."))
    person = p.check("person", limited, entry.person, 60) or ""
    if not person:
        p.add("person", QT_TRANSLATE_NOOP("Errors", "Who made the contact?"))
    summary = p.check("summary", multiline, entry.summary) or ""
    p.raise_if_any()
    return {
        "contact_date": entry.contact_date,
        "person": person,
        "channel": entry.channel,
        "summary": summary,
    }


def save_log_entry(
    ctx: Context, customer_id: int, entry: LogInput, entry_id: int | None = None
) -> int:
    """Add a relationship-log entry, or change one (entry_id)."""
    require(ctx.actor, Permission.EDIT_CUSTOMERS)
    values = _clean_log(entry)
    with ctx.unit_of_work() as uow:
        customer = load_customer(uow.session, customer_id)
        require_confidential(uow.session, ctx.actor, customer)
        if entry_id is None:
            record = uow.add(RelationshipLogEntry(customer_id=customer_id, **values))
            uow.session.flush()
            uow.audit(Action.CREATE, record, {"customer": customer.code, "fields": sorted(values)})
        else:
            record = _own(uow.session.get(RelationshipLogEntry, entry_id), customer_id)
            changes = apply_values(record, values)
            if changes:
                record.updated_at = uow.now
                uow.audit(
                    Action.UPDATE, record, {"customer": customer.code, "fields": sorted(changes)}
                )
        uow.commit()
        return record.id


def delete_log_entry(ctx: Context, customer_id: int, entry_id: int) -> None:
    require(ctx.actor, Permission.EDIT_CUSTOMERS)
    with ctx.unit_of_work() as uow:
        customer = load_customer(uow.session, customer_id)
        require_confidential(uow.session, ctx.actor, customer)
        record = _own(uow.session.get(RelationshipLogEntry, entry_id), customer_id)
        uow.audit(Action.DELETE, record, {"customer": customer.code})
        uow.session.delete(record)
        uow.commit()


SIGNIFICANT_DIGITS = 15  # what SQLite's floating-point storage keeps exactly


def _decimal(text: str | Decimal, field: str, p: Problems, places: int) -> Decimal | None:
    """A quantity or amount that is stored exactly, or None with the problem recorded.

    At most ``places`` decimals and 15 digits in all (e.g. 999,999,999,999.999).
    """
    if isinstance(text, Decimal):
        value = text
    else:
        raw = half_width(text).replace(",", "").replace("，", "")
        try:
            value = Decimal(raw)
        except InvalidOperation:
            value = Decimal("NaN")
    if not value.is_finite():
        p.add(field, QT_TRANSLATE_NOOP("Errors", "Enter a number, for example 1200 or 35.5."))
        return None
    if value < 0:
        p.add(field, QT_TRANSLATE_NOOP("Errors", "The number cannot be negative."))
        return None
    largest = Decimal(10) ** (SIGNIFICANT_DIGITS - places) - Decimal(10) ** -places
    if value > largest:
        p.add(
            field,
            QT_TRANSLATE_NOOP("Errors", "Enter a number from 0 to {largest}."),
            largest=f"{largest:,f}",
        )
        return None
    exponent = value.normalize().as_tuple().exponent
    if isinstance(exponent, int) and -exponent > places:
        p.add(
            field,
            QT_TRANSLATE_NOOP("Errors", "At most {places} decimal places, please."),
            places=places,
        )
        return None
    return value


def _clean_transaction(t: TransactionInput) -> dict[str, object]:
    p = Problems()
    contract_no = p.check("contract_no", limited, t.contract_no, 60) or ""
    if not contract_no:
        p.add("contract_no", QT_TRANSLATE_NOOP("Errors", "Enter the contract number."))
    if t.contract_date is None:
        p.add("contract_date", QT_TRANSLATE_NOOP("Errors", "Enter the contract date."))
    product = p.check("product", limited, t.product, 200) or ""
    if not product:
        p.add("product", QT_TRANSLATE_NOOP("Errors", "Enter the product."))
    values = {
        "contract_no": contract_no,
        "contract_date": t.contract_date,
        "product": product,
        "quantity": _decimal(t.quantity, "quantity", p, 3),
        "unit": p.check("unit", limited, t.unit, 20) or "",
        "amount": _decimal(t.amount, "amount", p, 2),
    }
    p.raise_if_any()
    return values


def save_transaction(
    ctx: Context, customer_id: int, entry: TransactionInput, transaction_id: int | None = None
) -> int:
    """Record a past deal (以往交易记录), or change one."""
    require(ctx.actor, Permission.EDIT_CUSTOMERS)
    values = _clean_transaction(entry)
    with ctx.unit_of_work() as uow:
        customer = load_customer(uow.session, customer_id)
        require_confidential(uow.session, ctx.actor, customer)
        if transaction_id is None:
            record = uow.add(CustomerTransaction(customer_id=customer_id, **values))
            uow.session.flush()
            # confidential: the audit log (kept for ever) names what changed, never the values
            uow.audit(Action.CREATE, record, {"customer": customer.code, "fields": sorted(values)})
        else:
            record = _own(uow.session.get(CustomerTransaction, transaction_id), customer_id)
            changes = apply_values(record, values)
            if changes:
                record.updated_at = uow.now
                uow.audit(
                    Action.UPDATE, record, {"customer": customer.code, "fields": sorted(changes)}
                )
        uow.commit()
        return record.id


def delete_transaction(ctx: Context, customer_id: int, transaction_id: int) -> None:
    require(ctx.actor, Permission.EDIT_CUSTOMERS)
    with ctx.unit_of_work() as uow:
        customer = load_customer(uow.session, customer_id)
        require_confidential(uow.session, ctx.actor, customer)
        record = _own(uow.session.get(CustomerTransaction, transaction_id), customer_id)
        uow.audit(Action.DELETE, record, {"customer": customer.code})
        uow.session.delete(record)
        uow.commit()


RecordT = TypeVar("RecordT", RelationshipLogEntry, CustomerTransaction)


def _own(record: RecordT | None, customer_id: int) -> RecordT:
    if record is None or getattr(record, "customer_id", None) != customer_id:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "That entry no longer exists."))
    return record


def grant_access(ctx: Context, customer_id: int, user_id: int, note: str = "") -> None:
    """The general manager lets a user open this customer's confidential sections."""
    require(ctx.actor, Permission.GRANT_CUSTOMER_ACCESS)
    with ctx.unit_of_work() as uow:
        customer = load_customer(uow.session, customer_id)
        user = uow.session.get(User, user_id)
        if user is None:
            raise NotFound(QT_TRANSLATE_NOOP("Errors", "That user does not exist."))
        existing = uow.session.scalar(
            select(CustomerAccessGrant).where(
                CustomerAccessGrant.customer_id == customer_id,
                CustomerAccessGrant.user_id == user_id,
            )
        )
        if existing is None:
            grant = uow.add(
                CustomerAccessGrant(
                    customer_id=customer_id,
                    user_id=user_id,
                    granted_by_id=ctx.actor.user_id if ctx.actor else None,
                    note=note.strip()[:200],
                )
            )
            uow.session.flush()
            uow.audit(Action.CREATE, grant, {"customer": customer.code, "user": user.username})
        uow.commit()


def set_access(ctx: Context, customer_id: int, user_ids: set[int]) -> None:
    """Make exactly these users the ones granted access (one action, one transaction)."""
    require(ctx.actor, Permission.GRANT_CUSTOMER_ACCESS)
    actor = ctx.actor
    assert actor is not None
    with ctx.unit_of_work() as uow:
        session = uow.session
        customer = load_customer(session, customer_id)
        grants = {
            g.user_id: g
            for g in session.scalars(
                select(CustomerAccessGrant).where(CustomerAccessGrant.customer_id == customer_id)
            )
        }
        for user_id in user_ids - set(grants):
            user = session.get(User, user_id)
            if user is None:
                raise NotFound(QT_TRANSLATE_NOOP("Errors", "That user does not exist."))
            grant = uow.add(
                CustomerAccessGrant(
                    customer_id=customer_id, user_id=user_id, granted_by_id=actor.user_id
                )
            )
            session.flush()
            uow.audit(Action.CREATE, grant, {"customer": customer.code, "user": user.username})
        for user_id in set(grants) - user_ids:
            uow.audit(
                Action.DELETE, grants[user_id], {"customer": customer.code, "user_id": user_id}
            )
            session.delete(grants[user_id])
        uow.commit()


def granted_users(ctx: Context, customer_id: int) -> set[int]:
    """The users granted access to this customer's confidential sections."""
    require(ctx.actor, Permission.GRANT_CUSTOMER_ACCESS)
    with ctx.reading() as session:
        return set(
            session.scalars(
                select(CustomerAccessGrant.user_id).where(
                    CustomerAccessGrant.customer_id == customer_id
                )
            )
        )


def revoke_access(ctx: Context, customer_id: int, user_id: int) -> None:
    require(ctx.actor, Permission.GRANT_CUSTOMER_ACCESS)
    with ctx.unit_of_work() as uow:
        customer = load_customer(uow.session, customer_id)
        for grant in uow.session.scalars(
            select(CustomerAccessGrant).where(
                CustomerAccessGrant.customer_id == customer_id,
                CustomerAccessGrant.user_id == user_id,
            )
        ):
            uow.audit(Action.DELETE, grant, {"customer": customer.code, "user_id": user_id})
            uow.session.delete(grant)
        uow.commit()


def customer_requirements(ctx: Context, customer_id: int) -> list[RequirementBrief]:
    """The customer's requirements, newest first (read-only in the file)."""
    require(ctx.actor, Permission.VIEW_LEDGER)
    from reqdesk.services.sla import BUSINESS_TZ

    with ctx.reading() as session:
        rows = session.execute(
            select(
                Requirement.id,
                Requirement.number,
                Requirement.title,
                Requirement.stage,
                Requirement.received_at,
            )
            .where(Requirement.customer_id == customer_id)
            .order_by(Requirement.received_at.desc())
        )
        return [
            RequirementBrief(
                r.id, r.number, r.title, r.stage, r.received_at.astimezone(BUSINESS_TZ).date()
            )
            for r in rows
        ]
