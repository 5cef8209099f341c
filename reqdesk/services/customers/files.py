"""Creating, changing and reading customer files; approval by the general manager."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from reqdesk.models import Customer, CustomerContact, User
from reqdesk.models.enums import ApprovalState, CustomerClass
from reqdesk.services.audit import Action
from reqdesk.services.context import Actor, Context, UnitOfWork
from reqdesk.services.customers.access import may_open_confidential, require_confidential
from reqdesk.services.customers.forms import (
    CleanCustomer,
    ContactInput,
    CustomerInput,
    FormInvalid,
    Problems,
    clean,
    multiline,
)
from reqdesk.services.errors import Conflict, NotFound, PermissionDenied, ValidationError
from reqdesk.services.normalise import name_key
from reqdesk.services.numbering import CUSTOMER, next_number
from reqdesk.services.permissions import Permission, can, require
from reqdesk.textmarks import QT_TRANSLATE_NOOP

APPROVAL_NOTE_LIMIT = 2000

IDENTITY_FIELDS = (
    "name",
    "short_name",
    "credit_code",
    "qualification_notes",
    "address",
    "website",
    "industry",
    "customer_class",
    "custodian_id",
)


@dataclass(frozen=True)
class ContactView:
    id: int
    name: str
    title: str
    phone: str
    mobile: str
    email: str
    is_primary: bool


@dataclass(frozen=True)
class CustomerFile:
    """What every user who may see customers sees: identity, contacts, approval state."""

    id: int
    code: str
    name: str
    short_name: str
    credit_code: str
    qualification_notes: str
    address: str
    website: str
    industry: str
    customer_class: CustomerClass
    custodian_id: int | None
    custodian_name: str
    approval_state: ApprovalState
    approved_by: str
    approved_at: datetime | None
    approval_note: str
    contacts: tuple[ContactView, ...]
    may_open_confidential: bool
    updated_at: datetime

    def as_input(self) -> CustomerInput:
        return CustomerInput(
            name=self.name,
            short_name=self.short_name,
            credit_code=self.credit_code,
            qualification_notes=self.qualification_notes,
            address=self.address,
            website=self.website,
            industry=self.industry,
            customer_class=self.customer_class,
            custodian_id=self.custodian_id,
            contacts=tuple(
                ContactInput(c.name, c.title, c.phone, c.mobile, c.email, c.is_primary)
                for c in self.contacts
            ),
        )


def load_customer(session: Session, customer_id: int) -> Customer:
    customer = session.get(Customer, customer_id)
    if customer is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "That customer file does not exist."))
    return customer


def find_customer_by_code(session: Session, code: str) -> Customer:
    customer = session.scalar(select(Customer).where(Customer.code == code.strip().upper()))
    if customer is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("Errors", "There is no customer file with the code {code}."),
            code=code.strip(),
        )
    return customer


def _user_name(session: Session, user_id: int | None) -> str:
    if user_id is None:
        return ""
    user = session.get(User, user_id)
    return user.full_name if user else ""


def file_view(session: Session, ctx: Context, customer: Customer) -> CustomerFile:
    return CustomerFile(
        id=customer.id,
        code=customer.code,
        name=customer.name,
        short_name=customer.short_name,
        credit_code=customer.credit_code or "",
        qualification_notes=customer.qualification_notes,
        address=customer.address,
        website=customer.website,
        industry=customer.industry,
        customer_class=customer.customer_class,
        custodian_id=customer.custodian_id,
        custodian_name=_user_name(session, customer.custodian_id),
        approval_state=customer.approval_state,
        approved_by=_user_name(session, customer.approved_by_id),
        approved_at=customer.approved_at,
        approval_note=customer.approval_note,
        contacts=tuple(
            ContactView(c.id, c.name, c.title, c.phone, c.mobile, c.email, c.is_primary)
            for c in customer.contacts
        ),
        may_open_confidential=may_open_confidential(session, ctx.actor, customer),
        updated_at=customer.updated_at,
    )


def get_customer(ctx: Context, customer_id: int) -> CustomerFile:
    require(ctx.actor, Permission.VIEW_CUSTOMERS)
    with ctx.reading() as session:
        return file_view(session, ctx, load_customer(session, customer_id))


def check_unique(session: Session, data: CleanCustomer, own_id: int | None) -> None:
    """Refuse a name or credit code another file already has, naming that file."""
    p = Problems()
    key = name_key(data.values["name"])
    same_name = session.execute(
        select(Customer.id, Customer.code, Customer.name).where(
            Customer.name_key == key, Customer.id != (own_id or 0)
        )
    ).first()
    if same_name is not None:
        p.add(
            "name",
            QT_TRANSLATE_NOOP(
                "Errors", "There is already a customer file {code} named {name}: open that one."
            ),
            code=same_name.code,
            name=same_name.name,
            existing_id=same_name.id,
        )
    code = data.values.get("credit_code")
    if code:
        same_code = session.execute(
            select(Customer.id, Customer.code, Customer.name).where(
                Customer.credit_code == code, Customer.id != (own_id or 0)
            )
        ).first()
        if same_code is not None:
            p.add(
                "credit_code",
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "This credit code belongs to customer file {code} ({name}): open that one.",
                ),
                code=same_code.code,
                name=same_code.name,
                existing_id=same_code.id,
            )
    p.raise_if_any()


def _check_custodian(session: Session, custodian_id: int | None) -> None:
    if custodian_id is not None and session.get(User, custodian_id) is None:
        raise FormInvalid(
            [
                ValidationError(
                    QT_TRANSLATE_NOOP("Errors", "Choose an existing user."), field="custodian_id"
                )
            ]
        )


def apply_values(record: Any, values: dict[str, Any]) -> dict[str, list[Any]]:
    """Set attributes; returns {field: [old, new]} for the ones that changed."""
    changes: dict[str, list[Any]] = {}
    for key, new in values.items():
        old = getattr(record, key)
        if old != new:
            changes[key] = [old, new]
            setattr(record, key, new)
    return changes


def _sensitive_values(data: CleanCustomer) -> dict[str, Any]:
    values: dict[str, Any] = {}
    if data.credit is not None:
        values.update(credit_grade=data.credit.grade, credit_note=data.credit.note)
    if data.production is not None:
        values.update(
            production_process=data.production.process,
            production_scale=data.production.scale,
            raw_materials=data.production.raw_materials,
            production_investment=data.production.investment,
        )
    return values


def sync_contacts(uow: UnitOfWork, customer: Customer, contacts: list[ContactInput]) -> list[Any]:
    """Make the stored contacts equal the form's list (in order); returns what changed."""
    stored = list(customer.contacts)
    wanted = [(c.name, c.title, c.phone, c.mobile, c.email, c.is_primary) for c in contacts]
    current = [(c.name, c.title, c.phone, c.mobile, c.email, c.is_primary) for c in stored]
    if wanted == current:
        return []
    for contact in stored:
        customer.contacts.remove(contact)
    uow.session.flush()
    for c in contacts:
        customer.contacts.append(
            uow.add(
                CustomerContact(
                    name=c.name,
                    title=c.title,
                    phone=c.phone,
                    mobile=c.mobile,
                    email=c.email,
                    is_primary=c.is_primary,
                )
            )
        )
    return [current, wanted]


def add_customer(
    uow: UnitOfWork, data: CleanCustomer, *, verified: bool = False, code: str | None = None
) -> Customer:
    """Create a pending file inside an open unit of work (used by the form and the import).

    ``verified``: the caller already checked custodian and uniqueness (the import does,
    for a whole sheet at once).
    """
    session = uow.session
    actor = uow.ctx.actor
    assert actor is not None
    values = dict(data.values)
    if values["custodian_id"] is None:
        values["custodian_id"] = actor.user_id
    if not verified:
        _check_custodian(session, values["custodian_id"])
        check_unique(session, data, None)
    customer = uow.add(
        Customer(
            code=code or next_number(session, uow.ctx.site_code, CUSTOMER, 0),
            name_key=name_key(values["name"]),
            approval_state=ApprovalState.PENDING,
            **values,
            **_sensitive_values(data),
        )
    )
    for c in data.contacts:
        customer.contacts.append(
            uow.add(
                CustomerContact(
                    name=c.name,
                    title=c.title,
                    phone=c.phone,
                    mobile=c.mobile,
                    email=c.email,
                    is_primary=c.is_primary,
                )
            )
        )
    uow.audit(  # the id is filled in at commit, after the flush
        Action.CREATE,
        customer,
        {
            **values,
            "contacts": [c.name for c in data.contacts],
            "confidential_sections": sorted(
                s for s, d in (("credit", data.credit), ("production", data.production)) if d
            ),
        },
    )
    return customer


def create_customer(ctx: Context, form: CustomerInput) -> int:
    """A new customer file; it stays pending until the general manager approves it."""
    require(ctx.actor, Permission.EDIT_CUSTOMERS)
    data = clean(form)
    with ctx.unit_of_work() as uow:
        customer = add_customer(uow, data)
        uow.commit()
        return customer.id


def _require_handover_right(actor: Actor | None, customer: Customer) -> None:
    """The custodian opens the confidential sections, so choosing one is a privileged act."""
    if actor is not None and (
        can(actor, Permission.VIEW_ALL_CONFIDENTIAL) or customer.custodian_id == actor.user_id
    ):
        return
    raise PermissionDenied(
        QT_TRANSLATE_NOOP(
            "Errors",
            "Only the current custodian, a supervisor or the general manager may hand a "
            "customer file to another custodian.",
        ),
        field="custodian_id",
    )


def change_customer(uow: UnitOfWork, customer: Customer, data: CleanCustomer) -> dict[str, Any]:
    """Apply a cleaned form to a stored file; a real change makes it pending again."""
    session = uow.session
    if data.credit is not None or data.production is not None:
        require_confidential(session, uow.ctx.actor, customer)
    values = dict(data.values)
    if values["custodian_id"] is None:
        values["custodian_id"] = customer.custodian_id
    if values["custodian_id"] != customer.custodian_id:
        _require_handover_right(uow.ctx.actor, customer)
    _check_custodian(session, values["custodian_id"])
    check_unique(session, data, customer.id)
    changes = apply_values(customer, {**values, "name_key": name_key(values["name"])})
    changes.pop("name_key", None)
    sensitive = apply_values(customer, _sensitive_values(data))
    contact_change = sync_contacts(uow, customer, data.contacts)
    audit: dict[str, Any] = dict(changes)
    if contact_change:
        audit["contacts"] = contact_change
    if sensitive:
        audit["confidential_fields"] = sorted(sensitive)  # which, never the values
    if audit and customer.approval_state != ApprovalState.PENDING:
        audit["approval_state"] = [customer.approval_state, ApprovalState.PENDING]
        customer.approval_state = ApprovalState.PENDING
        customer.approved_by_id = None  # the earlier decision is in the audit log
        customer.approved_at = None
        customer.approval_note = ""
    if audit:
        customer.updated_at = uow.now
        uow.audit(Action.UPDATE, customer, audit)
    return audit


def check_not_changed_since(customer: Customer, seen: datetime | None) -> None:
    """Refuse to act on a file someone else changed after this user opened it."""
    if seen is not None and customer.updated_at != seen:
        raise Conflict(
            QT_TRANSLATE_NOOP(
                "Errors",
                "Customer file {code} was changed by someone else after you opened it. "
                "Close it and open it again to see the changes.",
            ),
            code=customer.code,
        )


def update_customer(
    ctx: Context, customer_id: int, form: CustomerInput, *, seen: datetime | None = None
) -> bool:
    """Save a changed file; returns False when nothing changed (nothing is written then).

    ``seen``: the file's change time when the user opened it (a stale edit is refused).
    """
    require(ctx.actor, Permission.EDIT_CUSTOMERS)
    data = clean(form)
    with ctx.unit_of_work() as uow:
        customer = load_customer(uow.session, customer_id)
        check_not_changed_since(customer, seen)
        changed = change_customer(uow, customer, data)
        uow.commit()
        return bool(changed)


def _decide(
    ctx: Context, customer_id: int, state: ApprovalState, note: str, seen: datetime | None
) -> None:
    require(ctx.actor, Permission.APPROVE_CUSTOMERS)
    actor = ctx.actor
    assert actor is not None
    p = Problems()  # the note is kept and shown: no control characters, a sane length
    note = p.check("approval_note", multiline, note, APPROVAL_NOTE_LIMIT) or ""
    p.raise_if_any()
    with ctx.unit_of_work() as uow:
        customer = load_customer(uow.session, customer_id)
        check_not_changed_since(customer, seen)
        if customer.approval_state != ApprovalState.PENDING:
            raise Conflict(
                QT_TRANSLATE_NOOP("Errors", "Customer file {code} is not waiting for approval."),
                code=customer.code,
            )
        customer.approval_state = state
        customer.approved_by_id = actor.user_id
        customer.approved_at = uow.now
        customer.approval_note = note.strip()
        uow.audit(
            Action.APPROVE if state == ApprovalState.APPROVED else Action.REJECT,
            customer,
            {"note": note.strip(), "code": customer.code},
        )
        uow.commit()


def approve_customer(
    ctx: Context, customer_id: int, note: str = "", *, seen: datetime | None = None
) -> None:
    """The general manager approves a pending file (seed 003 §5.1.2c); ``seen`` as above."""
    _decide(ctx, customer_id, ApprovalState.APPROVED, note, seen)


def reject_customer(
    ctx: Context, customer_id: int, note: str, *, seen: datetime | None = None
) -> None:
    """The general manager sends a pending file back; a reason is required."""
    if not note.strip():
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Give a reason for rejecting."), field="approval_note"
        )
    _decide(ctx, customer_id, ApprovalState.REJECTED, note, seen)


def count_pending(ctx: Context) -> int:
    require(ctx.actor, Permission.VIEW_CUSTOMERS)
    with ctx.reading() as session:
        return int(
            session.scalar(
                select(func.count(Customer.id)).where(
                    Customer.approval_state == ApprovalState.PENDING
                )
            )
            or 0
        )
