"""Exporting customer files to Excel, and the import template. Exports are audited."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from reqdesk.models import Customer, User
from reqdesk.models.enums import label_source
from reqdesk.reports.customer_workbook import COLUMNS, write_customer_sheet
from reqdesk.reports.pdf import Translate
from reqdesk.services.audit import Action
from reqdesk.services.context import Actor, Context
from reqdesk.services.customers.access import accessible_condition
from reqdesk.services.permissions import Permission, require

BATCH = 500


def _instructions(translate: Translate) -> list[str]:
    return [
        translate("CustomerSheet", "How to fill in this sheet"),
        translate(
            "CustomerSheet",
            "One row per contact; repeat the customer's name on each row of the same customer.",
        ),
        translate(
            "CustomerSheet",
            "The customer name is required; everything else may be left "
            "blank. Blank cells never erase what reqdesk already has.",
        ),
        translate("CustomerSheet", "Class: 重点 (key), 一般 (general) or 潜在 (potential)."),
        translate("CustomerSheet", "Credit grade: A, B, C or D. Custodian: a reqdesk user name."),
        translate(
            "CustomerSheet",
            "The unified social credit code has 18 characters with a "
            "check character (GB 32100-2015).",
        ),
        translate(
            "CustomerSheet",
            "Credit and production columns are confidential: only the "
            "custodian, supervisors and the general manager may fill "
            "them in.",
        ),
    ]


def write_template(path: Path, translate: Translate) -> Path:
    """The empty import template (header row and instructions)."""
    write_customer_sheet(
        path,
        [],
        translate,
        sheet_title=translate("CustomerSheet", "Customers"),
        instructions=_instructions(translate),
    )
    return path


def _rows(
    session: Session, actor: Actor, translate: Translate, counts: dict[str, int]
) -> Iterator[list[Any]]:
    users = {
        uid: f"{full_name} ({username})"  # the user name makes it unambiguous on re-import
        for uid, full_name, username in session.execute(
            select(User.id, User.full_name, User.username)
        )
    }
    open_ids = set(session.scalars(select(Customer.id).where(accessible_condition(actor))))
    last_id = 0
    while True:
        batch = session.scalars(
            select(Customer)
            .where(Customer.id > last_id)
            .order_by(Customer.id)
            .limit(BATCH)
            .options(selectinload(Customer.contacts))
        ).all()
        if not batch:
            return
        for customer in batch:
            counts["customers"] += 1
            confidential = customer.id in open_ids
            counts["confidential"] += confidential
            base = {
                "code": customer.code,
                "name": customer.name,
                "short_name": customer.short_name,
                "credit_code": customer.credit_code or "",
                "qualification_notes": customer.qualification_notes,
                "address": customer.address,
                "website": customer.website,
                "industry": customer.industry,
                "customer_class": translate(*label_source(customer.customer_class)),
                "custodian": users.get(customer.custodian_id or 0, ""),
            }
            if confidential:
                base.update(
                    credit_grade=customer.credit_grade.value if customer.credit_grade else "",
                    credit_note=customer.credit_note,
                    production_process=customer.production_process,
                    production_scale=customer.production_scale,
                    raw_materials=customer.raw_materials,
                    production_investment=customer.production_investment,
                )
            contacts: list[Any] = list(customer.contacts) or [None]
            for contact in contacts:
                row = dict(base)
                if contact is not None:
                    row.update(
                        contact_name=contact.name,
                        contact_title=contact.title,
                        phone=contact.phone,
                        mobile=contact.mobile,
                        email=contact.email,
                    )
                yield [row.get(column.key, "") for column in COLUMNS]
        last_id = batch[-1].id
        session.expunge_all()


def export_customers(ctx: Context, path: Path, translate: Translate) -> dict[str, int]:
    """Write every customer the user may see; confidential columns only where they may."""
    actor = require(ctx.actor, Permission.VIEW_CUSTOMERS)
    require(actor, Permission.PRINT_REPORTS)
    counts = {"customers": 0, "confidential": 0, "rows": 0}
    with ctx.reading() as session:  # no write lock while the file is written
        counts["rows"] = write_customer_sheet(
            path,
            _rows(session, actor, translate, counts),
            translate,
            sheet_title=translate("CustomerSheet", "Customers"),
        )
    with ctx.unit_of_work() as uow:
        uow.audit(
            Action.EXPORT,
            entity_type="customer",
            details={"file": path.name, **counts},
        )
        try:
            uow.commit()
        except Exception:
            path.unlink(missing_ok=True)
            raise
    return counts
