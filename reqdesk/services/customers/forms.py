"""What a customer form carries, and its validation: one clear message per field."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from reqdesk.models.enums import CreditGrade, CustomerClass
from reqdesk.services import credit_code as uscc
from reqdesk.services.errors import ValidationError
from reqdesk.services.normalise import clean_text, half_width, unprintable
from reqdesk.textmarks import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class ContactInput:
    name: str = ""
    title: str = ""
    phone: str = ""
    mobile: str = ""
    email: str = ""
    is_primary: bool = False

    def is_blank(self) -> bool:
        return not any((self.name, self.title, self.phone, self.mobile, self.email))


@dataclass(frozen=True)
class CreditInput:
    grade: CreditGrade | None = None
    note: str = ""


@dataclass(frozen=True)
class ProductionInput:
    process: str = ""
    scale: str = ""
    raw_materials: str = ""
    investment: str = ""


@dataclass(frozen=True)
class CustomerInput:
    """A customer file as entered. ``credit``/``production`` None: leave those sections alone."""

    name: str
    short_name: str = ""
    credit_code: str = ""
    qualification_notes: str = ""
    address: str = ""
    website: str = ""
    industry: str = ""
    customer_class: CustomerClass = CustomerClass.GENERAL
    custodian_id: int | None = None
    contacts: tuple[ContactInput, ...] = ()
    credit: CreditInput | None = None
    production: ProductionInput | None = None


class FormInvalid(ValidationError):
    """Several fields are wrong; ``problems`` holds one ValidationError per field."""

    def __init__(self, problems: list[ValidationError]) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("Errors", "Please correct the marked fields ({n})."),
            n=len(problems),
        )
        self.problems = problems

    def for_field(self, name: str) -> ValidationError | None:
        return next((p for p in self.problems if p.field == name), None)


class Problems:
    """Collects field errors so that a form reports all of them at once."""

    def __init__(self) -> None:
        self.items: list[ValidationError] = []

    def add(self, field_name: str, message: str, **params: Any) -> None:
        self.items.append(ValidationError(message, field=field_name, **params))

    def check(self, field_name: str, func: Any, *args: Any) -> Any:
        """Run ``func``; on a ValidationError record it under ``field_name``; returns its value."""
        try:
            return func(*args)
        except ValidationError as error:
            error.field = field_name
            self.items.append(error)
            return None

    def raise_if_any(self) -> None:
        if self.items:
            raise FormInvalid(self.items)


# re.ASCII: \d means 0-9 only (other scripts' digits do not dial, print or match a search)
MOBILE = re.compile(r"^1[3-9]\d{9}$", re.ASCII)
PHONE_CHARS = re.compile(r"^[0-9+\-() ]+(?:(?:转|ext\.?|x)\s*\d{1,6})?$", re.IGNORECASE | re.ASCII)
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")


def credit_code(text: str) -> str:
    """A valid unified social credit code, upper-case and half-width; "" when blank."""
    code = "".join(half_width(text).split()).upper()
    if not code:
        return ""
    if len(code) != 18:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Errors", "A unified social credit code has 18 characters; this one has {n}."
            ),
            n=len(code),
        )
    bad = sorted({ch for ch in code if ch not in uscc.ALPHABET})
    if bad:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "A unified social credit code uses digits and capital letters except "
                "I, O, Z, S, V; this one contains {chars}.",
            ),
            chars=" ".join(bad),
        )
    expected = uscc.check_character(code[:17])
    if code[17] != expected:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The check character (the last one) of this credit code should be {expected}: "
                "please compare the code with the business licence.",
            ),
            expected=expected,
        )
    return code


def mobile(text: str) -> str:
    """A mobile number: 11 digits starting 13–19 (a +86 prefix is dropped), or +international."""
    raw = half_width(text)
    if not raw:
        return ""
    digits = re.sub(r"[\s\-()]", "", raw)
    if digits.startswith("+86"):
        digits = digits[3:]
    elif digits.startswith("0086"):
        digits = digits[4:]
    international = digits[1:]
    if MOBILE.match(digits) or (
        digits.startswith("+")
        and 8 <= len(international) <= 15
        and international.isascii()
        and international.isdigit()
    ):
        return digits
    raise ValidationError(
        QT_TRANSLATE_NOOP(
            "Errors", "A mobile number has 11 digits starting with 13–19, for example 13812345678."
        )
    )


def phone(text: str) -> str:
    """A telephone number: digits with - + ( ) and an optional extension (转 or ext)."""
    raw = half_width(text)
    if not raw:
        return ""
    limited(raw, 40)
    digit_count = sum(ch.isdigit() for ch in raw.split("转")[0].lower().split("ext")[0])
    if not PHONE_CHARS.match(raw) or not 7 <= digit_count <= 15:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "A telephone number has 7 to 15 digits, for example 021-62345678 or "
                "0512-6234567转801.",
            )
        )
    return raw


def email(text: str) -> str:
    raw = "".join(half_width(text).split())
    if not raw:
        return ""
    limited(raw, 120)
    if not EMAIL.match(raw):
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "This is not an e-mail address (name@example.com).")
        )
    return raw


def website(text: str) -> str:
    raw = half_width(text)
    if not raw:
        return ""
    limited(raw, 200)
    if " " in raw or "." not in raw:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "This is not a web address (www.example.com).")
        )
    return raw


def printable(text: str, *, multiline: bool = False) -> str:
    bad = unprintable(text, keep_newlines=multiline)
    if bad:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "Remove the characters the printed form cannot show (emoji or control "
                "characters): {chars}",
            ),
            chars=" ".join(bad),
        )
    return text


def limited(text: str, limit: int) -> str:
    value = clean_text(printable(text or ""))
    if len(value) > limit:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "At most {limit} characters, please ({n} now)."),
            limit=limit,
            n=len(value),
        )
    return value


def multiline(text: str, limit: int = 4000) -> str:
    """Longer notes keep their line breaks; only the ends are trimmed."""
    value = printable((text or "").replace("\r\n", "\n").replace("\r", "\n"), multiline=True)
    value = value.replace("\u3000", " ").strip()
    if len(value) > limit:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "At most {limit} characters, please ({n} now)."),
            limit=limit,
            n=len(value),
        )
    return value


@dataclass
class CleanCustomer:
    """A validated, normalised form (what is stored)."""

    values: dict[str, Any] = field(default_factory=dict)
    contacts: list[ContactInput] = field(default_factory=list)
    credit: CreditInput | None = None
    production: ProductionInput | None = None


def clean(form: CustomerInput) -> CleanCustomer:
    """Normalise and check every field; raises FormInvalid listing all problems."""
    p = Problems()
    name = p.check("name", limited, form.name, 200) or ""
    if not name and not any(e.field == "name" for e in p.items):
        p.add("name", QT_TRANSLATE_NOOP("Errors", "The customer name is required."))
    values = {
        "name": name,
        "short_name": p.check("short_name", limited, form.short_name, 60) or "",
        "credit_code": p.check("credit_code", credit_code, form.credit_code) or None,
        "qualification_notes": p.check("qualification_notes", multiline, form.qualification_notes)
        or "",
        "address": p.check("address", limited, form.address, 300) or "",
        "website": p.check("website", website, form.website) or "",
        "industry": p.check("industry", limited, form.industry, 100) or "",
        "customer_class": form.customer_class,
        "custodian_id": form.custodian_id,
    }
    contacts = _clean_contacts(form.contacts, p)
    credit = production = None
    if form.credit is not None:
        credit = CreditInput(
            form.credit.grade, p.check("credit_note", multiline, form.credit.note) or ""
        )
    if form.production is not None:
        production = ProductionInput(
            *(
                p.check(f"production_{key}", multiline, getattr(form.production, key)) or ""
                for key in ("process", "scale", "raw_materials", "investment")
            )
        )
    p.raise_if_any()
    return CleanCustomer(values, contacts, credit, production)


def _clean_contacts(contacts: tuple[ContactInput, ...], p: Problems) -> list[ContactInput]:
    cleaned: list[ContactInput] = []
    for index, contact in enumerate(contacts):  # index: the row as entered (blank rows too)
        if contact.is_blank():
            continue
        prefix = f"contacts[{index}]"
        name = p.check(f"{prefix}.name", limited, contact.name, 60) or ""
        if not name:
            p.add(f"{prefix}.name", QT_TRANSLATE_NOOP("Errors", "Each contact needs a name."))
        cleaned.append(
            ContactInput(
                name=name,
                title=p.check(f"{prefix}.title", limited, contact.title, 60) or "",
                phone=p.check(f"{prefix}.phone", phone, contact.phone) or "",
                mobile=p.check(f"{prefix}.mobile", mobile, contact.mobile) or "",
                email=p.check(f"{prefix}.email", email, contact.email) or "",
                is_primary=contact.is_primary,
            )
        )
    if cleaned and not any(c.is_primary for c in cleaned):
        cleaned[0] = replace(cleaned[0], is_primary=True)
    seen_primary = False
    for index, contact in enumerate(cleaned):  # exactly one primary contact
        if contact.is_primary and seen_primary:
            cleaned[index] = replace(contact, is_primary=False)
        seen_primary |= contact.is_primary
    return cleaned
