"""Typed access to the settings table (company, site, SLA targets …)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from reqdesk.models import Setting
from reqdesk.services.errors import ValidationError
from reqdesk.textmarks import QT_TRANSLATE_NOOP


class Key:
    COMPANY_NAME = "company_name"
    SITE_CODE = "site_code"
    LANGUAGE = "language"
    SLA_POLICY = "sla_policy"


SITE_CODE_PATTERN = re.compile(r"^[A-Z0-9]{2,8}$")


@dataclass(frozen=True)
class CompanySettings:
    company_name: str
    site_code: str


def read_setting(session: Session, key: str, default: Any = None) -> Any:
    row = session.get(Setting, key)
    return default if row is None else json.loads(row.value)


def company_name(session: Session) -> str:
    """The company's name as printed on forms and shown in the title bar."""
    return str(read_setting(session, Key.COMPANY_NAME, ""))


def write_setting(session: Session, key: str, value: Any) -> Any:
    """Store ``value``; returns the previous value (for the audit entry)."""
    encoded = json.dumps(value, ensure_ascii=False, sort_keys=True)
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=encoded))
        return None
    previous = json.loads(row.value)
    row.value = encoded
    return previous


def read_all(session: Session) -> dict[str, Any]:
    return {row.key: json.loads(row.value) for row in session.scalars(select(Setting))}


def normalise_site_code(site_code: str) -> str:
    code = site_code.strip().upper()
    if not SITE_CODE_PATTERN.match(code):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Errors", "The site code must be 2 to 8 letters or digits, for example SH01."
            ),
            field="site_code",
        )
    return code


def normalise_company_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Please enter the company name."), field="company_name"
        )
    if len(cleaned) > 200:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "The company name is longer than 200 characters."),
            field="company_name",
        )
    return cleaned
