"""The registration form (顾客服务信息登记表) as entered, and its validation."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from reqdesk.models.enums import (
    Category,
    CategoryDetail,
    Channel,
    Feasibility,
    Kind,
    Nature,
    Urgency,
)
from reqdesk.services.customers import forms as shapes
from reqdesk.services.customers.forms import Problems
from reqdesk.services.errors import ValidationError
from reqdesk.services.normalise import clean_text, unprintable
from reqdesk.services.sla import BUSINESS_TZ
from reqdesk.textmarks import QT_TRANSLATE_NOOP

TITLE_LIMIT = 200
DESCRIPTION_LIMIT = 10_000


@dataclass(frozen=True)
class RegistrationInput:
    customer_id: int | None = None
    walk_in_name: str = ""
    contact_name: str = ""
    contact_phone: str = ""
    received_at: datetime | None = None  # None: now
    channel: Channel = Channel.PHONE
    kind: Kind = Kind.REQUEST
    category: Category = Category.PRODUCT
    category_detail: CategoryDetail | None = None
    nature: Nature = Nature.FUNCTIONAL
    urgency: Urgency = Urgency.GENERAL
    title: str = ""
    description: str = ""
    expected_date: date | None = None
    is_special: bool = False
    contract_no: str = ""
    department_id: int | None = None
    assignee_id: int | None = None


@dataclass(frozen=True)
class AssessmentInput:
    technical: Feasibility | None = None
    economic: Feasibility | None = None
    timing: Feasibility | None = None
    value_score: int | None = None
    note: str = ""


def text_field(p: Problems, field: str, value: str, limit: int, *, multiline: bool = False) -> str:
    bad = unprintable(value, keep_newlines=multiline)
    if bad:
        p.add(
            field,
            QT_TRANSLATE_NOOP(
                "Errors",
                "Remove the characters the printed form cannot show (emoji or control "
                "characters): {chars}",
            ),
            chars=" ".join(bad),
        )
        return ""
    cleaned = value.replace("\u3000", " ").strip() if multiline else clean_text(value)
    if len(cleaned) > limit:
        p.add(
            field,
            QT_TRANSLATE_NOOP("Errors", "At most {limit} characters, please ({n} now)."),
            limit=limit,
            n=len(cleaned),
        )
    return cleaned


def contact_phone(text: str) -> str:
    """A mobile or telephone number (either shape)."""
    try:
        return shapes.mobile(text)
    except ValidationError:
        pass
    try:
        return shapes.phone(text)
    except ValidationError:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "This cannot be a phone number: use a mobile (13812345678) or a telephone "
                "number (021-62345678).",
            )
        ) from None


def clean_registration(
    form: RegistrationInput, now: datetime, previous: RegistrationInput | None = None
) -> dict[str, Any]:
    """Normalised values of a registration; raises FormInvalid naming every problem.

    ``previous``: the stored values when a registration is changed. A description left
    as it was is not held to the length limit (a merge may have made it longer), and an
    expected date left as it was may lie in the past by now.
    """
    p = Problems()
    received = form.received_at or now
    if received.tzinfo is None:
        received = received.replace(tzinfo=BUSINESS_TZ)
    if received > now:
        p.add("received_at", QT_TRANSLATE_NOOP("Errors", "The received time is in the future."))
    walk_in = text_field(p, "walk_in_name", form.walk_in_name, 100)
    if form.customer_id is None and not walk_in:
        p.add(
            "customer",
            QT_TRANSLATE_NOOP(
                "Errors", "Choose a customer from the files, or enter the walk-in contact's name."
            ),
        )
    contact = text_field(p, "contact_name", form.contact_name, 60)
    phone = p.check("contact_phone", contact_phone, form.contact_phone) or ""
    if form.customer_id is None and not phone and not p.items:
        p.add(
            "contact_phone",
            QT_TRANSLATE_NOOP(
                "Errors", "A walk-in contact needs a phone number to be called back."
            ),
        )
    title = text_field(p, "title", form.title, TITLE_LIMIT)
    if not title and not any(e.field == "title" for e in p.items):
        p.add("title", QT_TRANSLATE_NOOP("Errors", "Give the requirement a short title."))
    kept = previous is not None and form.description == previous.description
    limit = max(DESCRIPTION_LIMIT, len(form.description)) if kept else DESCRIPTION_LIMIT
    description = text_field(p, "description", form.description, limit, multiline=True)
    received_day = received.astimezone(BUSINESS_TZ).date()
    expected = form.expected_date
    if expected is not None and expected < received_day:
        p.add(
            "expected_date",
            QT_TRANSLATE_NOOP(
                "Errors", "The expected date {day} lies before the day the requirement came in."
            ),
            day=expected.isoformat(),
        )
    elif (
        expected is not None
        and expected < now.astimezone(BUSINESS_TZ).date()
        and (previous is None or expected != previous.expected_date)
    ):
        p.add(
            "expected_date",
            QT_TRANSLATE_NOOP("Errors", "The expected date {day} has already passed."),
            day=expected.isoformat(),
        )
    contract_no = text_field(p, "contract_no", form.contract_no, 60)
    if form.assignee_id is not None and form.department_id is None:
        p.add(
            "department_id",
            QT_TRANSLATE_NOOP("Errors", "Choose the responsible department for this person."),
        )
    p.raise_if_any()
    return {
        "customer_id": form.customer_id,
        "walk_in_name": "" if form.customer_id is not None else walk_in,
        "contact_name": contact,
        "contact_phone": phone,
        "received_at": received,
        "channel": form.channel,
        "kind": form.kind,
        "category": form.category,
        "category_detail": form.category_detail,
        "nature": form.nature,
        "urgency": form.urgency,
        "title": title,
        "description": description,
        "expected_date": form.expected_date,
        "is_special": form.is_special,
        "contract_no": contract_no,
        "department_id": form.department_id,
        "assignee_id": form.assignee_id,
    }


def clean_assessment(form: AssessmentInput) -> dict[str, Any]:
    p = Problems()
    if form.value_score is not None and not 1 <= form.value_score <= 5:
        p.add("value_score", QT_TRANSLATE_NOOP("Errors", "The value is scored from 1 to 5."))
    note = text_field(p, "note", form.note, 2000, multiline=True)
    p.raise_if_any()
    return {
        "technical": form.technical,
        "economic": form.economic,
        "timing": form.timing,
        "value_score": form.value_score,
        "note": note,
    }
