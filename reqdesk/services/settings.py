"""Typed access to the settings table (company, site, SLA targets …), and the audit of
the settings each PC keeps for itself (language, database location).

Those per-PC settings live in an INI file (:mod:`reqdesk.local_settings`, which needs Qt);
the user's change is recorded here, in the database that is open, before the file is
written.
"""

from __future__ import annotations

import base64
import json
import platform
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session

from reqdesk.i18n import LANGUAGES
from reqdesk.models import Setting
from reqdesk.services.audit import Action
from reqdesk.services.context import Context
from reqdesk.services.errors import PermissionDenied, ValidationError
from reqdesk.services.permissions import Permission, require
from reqdesk.textmarks import QT_TRANSLATE_NOOP


class Key:
    COMPANY_NAME = "company_name"
    COMPANY_LOGO = "company_logo"
    SITE_CODE = "site_code"
    SLA_POLICY = "sla_policy"
    BACKUPS = "backups"


class LocalKey:
    """Settings kept per PC (audited under these names)."""

    LANGUAGE = "language"
    DATABASE = "database"


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


def company_logo(session: Session) -> bytes | None:
    """The logo printed in the header of every form (PNG or JPEG), or None."""
    stored = read_setting(session, Key.COMPANY_LOGO)
    if not stored:
        return None
    return base64.b64decode(stored["data"])


def delete_setting(session: Session, key: str) -> Any:
    """Remove ``key``; returns the previous value (None when there was none)."""
    row = session.get(Setting, key)
    if row is None:
        return None
    session.delete(row)
    return json.loads(row.value)


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


# --- settings kept per PC ----------------------------------------------------------------


def record_language_change(ctx: Context, before: str | None, after: str) -> str:
    """A user chose the language of this PC (their own preference: anyone signed in may).

    Audited in the open database; returns the language to store.
    """
    if ctx.actor is None:
        raise PermissionDenied(QT_TRANSLATE_NOOP("Errors", "Please sign in first."))
    if after not in LANGUAGES:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "reqdesk has no language {language}."),
            field="language",
            language=after,
        )
    _audit_local(ctx, LocalKey.LANGUAGE, before or "", after)
    return after


def record_database_change(ctx: Context, before: str | None, after: str | None) -> str | None:
    """The administrator points this PC at another database (None: the default file).

    The target is checked first; audited (never with a password) in the database that is
    open now. Returns the target to store.
    """
    require(ctx.actor, Permission.MANAGE_SETTINGS)
    target = None if after is None else normalise_database_target(after)
    _audit_local(ctx, LocalKey.DATABASE, shown_target(before), shown_target(target))
    return target


def _audit_local(ctx: Context, key: str, before: str, after: str) -> None:
    with ctx.unit_of_work() as uow:
        uow.audit(
            Action.UPDATE,
            entity_type="local_setting",
            details={"key": key, "before": before, "after": after, "computer": platform.node()},
        )
        uow.commit()


def shown_target(target: str | None) -> str:
    """A database target as it may be shown and audited: the password masked."""
    if not target:
        return ""
    if "://" not in target:
        return target
    try:
        return make_url(target).render_as_string(hide_password=True)
    except (ArgumentError, ValueError):
        return "(invalid address)"


def normalise_database_target(target: str) -> str:
    """A SQLite file (a full path; it may not exist yet) or a PostgreSQL address."""
    text = target.strip()
    if not text:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Name a database file or a PostgreSQL address."),
            field="database",
        )
    if "://" not in text:
        return _sqlite_target(Path(text))
    try:
        url = make_url(text)
    except (ArgumentError, ValueError):  # ValueError: a port that is not a number
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "{db} is not a valid database address."),
            field="database",
            db=shown_target(text),
        ) from None
    if url.get_backend_name() == "sqlite" and url.database:
        return _sqlite_target(Path(url.database))
    return _postgresql_target(url)


def _sqlite_target(path: Path) -> str:
    path = path.expanduser()
    if not path.is_absolute():
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Errors", "Give the full path of the database file, for example {example}."
            ),
            field="database",
            example=str(Path.home() / "reqdesk" / "reqdesk.db"),
        )
    if path.is_dir():
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "{db} is a folder. Name a database file inside it."),
            field="database",
            db=str(path),
        )
    if not path.parent.is_dir():
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "The folder {folder} does not exist."),
            field="database",
            folder=str(path.parent),
        )
    return str(path)


POSTGRESQL_DRIVER = "postgresql+psycopg"


def _postgresql_target(url: URL) -> str:
    if url.get_backend_name() != "postgresql":
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "reqdesk uses a SQLite file or a PostgreSQL server; {scheme}:// is neither.",
            ),
            field="database",
            scheme=url.drivername,
        )
    if url.drivername == "postgresql":  # the plain form: the driver reqdesk ships
        url = url.set(drivername=POSTGRESQL_DRIVER)
    if url.drivername != POSTGRESQL_DRIVER:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Errors", "For PostgreSQL use an address that starts with postgresql+psycopg://"
            ),
            field="database",
        )
    host = url.host or url.query.get("host")  # ?host=/path: a Unix socket
    if not host or not url.database:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "Name the server and the database: postgresql+psycopg://user@server/database",
            ),
            field="database",
        )
    return url.render_as_string(hide_password=False)
