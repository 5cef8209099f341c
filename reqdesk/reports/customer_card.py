"""客户资料卡: the customer data card as an A4 PDF."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from reqdesk.formatting import date_text, number_text, with_note
from reqdesk.models.enums import label_source
from reqdesk.reports.pdf import (
    PageFrame,
    Translate,
    build,
    content_width,
    field_table,
    list_table,
    para,
    styles,
)


@dataclass(frozen=True)
class CardContact:
    name: str
    title: str
    phone: str
    mobile: str
    email: str
    is_primary: bool


@dataclass(frozen=True)
class CardLogEntry:
    contact_date: date
    person: str
    channel: Any
    summary: str


@dataclass(frozen=True)
class CardTransaction:
    contract_no: str
    contract_date: date
    product: str
    quantity: Decimal
    unit: str
    amount: Decimal


@dataclass(frozen=True)
class CardData:
    """Everything the card shows; sections the reader may not see are None."""

    company: str
    printed_by: str
    printed_at: datetime
    code: str
    name: str
    short_name: str
    credit_code: str
    qualification_notes: str
    address: str
    website: str
    industry: str
    customer_class: Any
    custodian: str
    approval_state: Any
    approved_by: str
    approved_at: datetime | None
    contacts: list[CardContact] = field(default_factory=list)
    credit_grade: Any = None
    credit_note: str | None = None
    production: tuple[str, str, str, str] | None = None
    transactions: list[CardTransaction] | None = None
    log: list[CardLogEntry] | None = None
    logo: bytes | None = None  # the company's, for the header

    @property
    def confidential_shown(self) -> bool:
        return self.credit_note is not None


def _label(translate: Translate, member: Any) -> str:
    if member is None:
        return ""
    return translate(*label_source(member))


def write_card(path: Path, card: CardData, translate: Translate) -> Path:
    s = styles()
    width = content_width()
    frame = PageFrame(
        card.company,
        translate("CustomerCard", "Customer data card"),
        card.printed_by,
        card.printed_at,
        translate,
        card.logo,
    )
    approved = ""
    if card.approved_at is not None:
        approved = f"{card.approved_by} {date_text(card.approved_at)}"
    story: list[Any] = [
        para(translate("CustomerCard", "Customer data card"), s.title),
        para(with_note(card.name, card.code), s.body),
        para(translate("CustomerCard", "Identity"), s.heading),
        field_table(
            [
                (translate("CustomerCard", "Customer name"), card.name),
                (translate("CustomerCard", "Short name"), card.short_name),
                (translate("CustomerCard", "Credit code"), card.credit_code),
                (translate("CustomerCard", "Industry"), card.industry),
                (translate("CustomerCard", "Address"), card.address),
                (translate("CustomerCard", "Website"), card.website),
                (translate("CustomerCard", "Class"), _label(translate, card.customer_class)),
                (translate("CustomerCard", "Custodian"), card.custodian),
                (translate("CustomerCard", "Approval"), _label(translate, card.approval_state)),
                (translate("CustomerCard", "Approved by"), approved),
            ],
            width,
        ),
        Spacer(1, 2 * mm),
        field_table(
            [(translate("CustomerCard", "Qualifications"), card.qualification_notes)], width, 1
        ),
        para(translate("CustomerCard", "Contacts"), s.heading),
        list_table(
            [
                translate("CustomerCard", "Name"),
                translate("CustomerCard", "Title"),
                translate("CustomerCard", "Telephone"),
                translate("CustomerCard", "Mobile"),
                translate("CustomerCard", "E-mail"),
            ],
            [
                [c.name + (" ★" if c.is_primary else ""), c.title, c.phone, c.mobile, c.email]
                for c in card.contacts
            ],
            [28 * mm, 28 * mm, 36 * mm, 32 * mm, width - 124 * mm],
        ),
    ]
    if not card.confidential_shown:
        story += [
            Spacer(1, 4 * mm),
            para(
                translate(
                    "CustomerCard",
                    "Credit, production information, transactions and the relationship log "
                    "are confidential and not printed for you.",
                ),
                s.small,
            ),
        ]
        return build(path, story, frame)
    story += [
        para(translate("CustomerCard", "Credit"), s.heading),
        field_table(
            [
                (
                    translate("CustomerCard", "Credit grade"),
                    card.credit_grade.value if card.credit_grade else "",
                ),
                (translate("CustomerCard", "Credit note"), card.credit_note),
            ],
            width,
        ),
    ]
    if card.production is not None:
        process, scale, materials, investment = card.production
        story += [
            para(translate("CustomerCard", "Production"), s.heading),
            field_table(
                [
                    (translate("CustomerCard", "Process"), process),
                    (translate("CustomerCard", "Scale"), scale),
                    (translate("CustomerCard", "Raw materials"), materials),
                    (translate("CustomerCard", "Investment"), investment),
                ],
                width,
            ),
        ]
    story += [
        para(translate("CustomerCard", "Transactions"), s.heading),
        list_table(
            [
                translate("CustomerCard", "Contract no."),
                translate("CustomerCard", "Date"),
                translate("CustomerCard", "Product"),
                translate("CustomerCard", "Quantity"),
                translate("CustomerCard", "Amount"),
            ],
            [
                [
                    t.contract_no,
                    date_text(t.contract_date),
                    t.product,
                    f"{number_text(t.quantity)} {t.unit}",
                    number_text(t.amount, 2),
                ]
                for t in card.transactions or []
            ],
            [34 * mm, 24 * mm, width - 118 * mm, 28 * mm, 32 * mm],
        ),
        para(translate("CustomerCard", "Relationship log (last 10)"), s.heading),
        list_table(
            [
                translate("CustomerCard", "Date"),
                translate("CustomerCard", "Person"),
                translate("CustomerCard", "Channel"),
                translate("CustomerCard", "Summary"),
            ],
            [
                [date_text(e.contact_date), e.person, _label(translate, e.channel), e.summary]
                for e in card.log or []
            ],
            [24 * mm, 22 * mm, 22 * mm, width - 68 * mm],
        ),
    ]
    return build(path, story, frame)
