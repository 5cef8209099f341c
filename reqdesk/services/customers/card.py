"""Printing the customer data card (客户资料卡): what the reader may see, audited."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from reqdesk.models import CustomerTransaction, RelationshipLogEntry
from reqdesk.models.enums import ApprovalState
from reqdesk.reports.customer_card import (
    CardContact,
    CardData,
    CardLogEntry,
    CardTransaction,
    write_card,
)
from reqdesk.reports.pdf import Translate
from reqdesk.services import settings
from reqdesk.services.audit import Action
from reqdesk.services.context import Context
from reqdesk.services.customers.files import file_view, find_customer_by_code, load_customer
from reqdesk.services.permissions import Permission, require
from reqdesk.services.sla import BUSINESS_TZ

LOG_ENTRIES_ON_CARD = 10


def print_customer_card(
    ctx: Context,
    path: Path,
    translate: Translate,
    *,
    customer_id: int | None = None,
    code: str | None = None,
) -> Path:
    """Write the card PDF for one customer (by id or code); the print is audited,
    and so is each confidential section it contains."""
    actor = require(ctx.actor, Permission.PRINT_REPORTS)
    with ctx.reading() as session:  # gather and lay out without holding the write lock
        customer = (
            load_customer(session, customer_id)
            if customer_id is not None
            else find_customer_by_code(session, code or "")
        )
        view = file_view(session, ctx, customer)
        approved = view.approval_state == ApprovalState.APPROVED
        card = CardData(
            company=settings.company_name(session),
            logo=settings.company_logo(session),
            printed_by=actor.full_name,
            printed_at=ctx.clock().astimezone(BUSINESS_TZ),
            code=view.code,
            name=view.name,
            short_name=view.short_name,
            credit_code=view.credit_code,
            qualification_notes=view.qualification_notes,
            address=view.address,
            website=view.website,
            industry=view.industry,
            customer_class=view.customer_class,
            custodian=view.custodian_name,
            approval_state=view.approval_state,
            approved_by=view.approved_by if approved else "",
            approved_at=view.approved_at.astimezone(BUSINESS_TZ)
            if approved and view.approved_at
            else None,
            contacts=[
                CardContact(c.name, c.title, c.phone, c.mobile, c.email, c.is_primary)
                for c in view.contacts
            ],
        )
        sections: list[str] = []
        if view.may_open_confidential:
            sections = ["credit", "production", "transactions", "relationship_log"]
            card = _with_confidential(session, customer, card)
        found_id = customer.id
    write_card(path, card, translate)
    try:
        with ctx.unit_of_work() as uow:
            record = load_customer(uow.session, found_id)
            uow.audit(Action.PRINT, record, {"form": "customer_card", "code": record.code})
            if sections:
                uow.audit(
                    Action.VIEW_CONFIDENTIAL,
                    record,
                    {"sections": sections, "code": record.code, "via": "customer_card"},
                )
            uow.commit()
    except Exception:
        path.unlink(missing_ok=True)  # no unaudited copy is left behind
        raise
    return path


def _with_confidential(session, customer, card: CardData) -> CardData:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    transactions = session.scalars(
        select(CustomerTransaction)
        .where(CustomerTransaction.customer_id == customer.id)
        .order_by(CustomerTransaction.contract_date.desc())
    )
    log = session.scalars(
        select(RelationshipLogEntry)
        .where(RelationshipLogEntry.customer_id == customer.id)
        .order_by(RelationshipLogEntry.contact_date.desc(), RelationshipLogEntry.id.desc())
        .limit(LOG_ENTRIES_ON_CARD)
    )
    return replace(
        card,
        credit_grade=customer.credit_grade,
        credit_note=customer.credit_note,
        production=(
            customer.production_process,
            customer.production_scale,
            customer.raw_materials,
            customer.production_investment,
        ),
        transactions=[
            CardTransaction(t.contract_no, t.contract_date, t.product, t.quantity, t.unit, t.amount)
            for t in transactions
        ],
        log=[CardLogEntry(e.contact_date, e.person, e.channel, e.summary) for e in log],
    )
