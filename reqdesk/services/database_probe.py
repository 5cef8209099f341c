"""Settings → Database → Test connection: open a database the user typed, read what it
is, and close it again. Nothing is created, migrated or written.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from reqdesk.db import (
    HEAD_REVISION,
    Database,
    DatabaseTooNew,
    DatabaseUnavailable,
    connect,
    current_revision,
    known_revisions,
    verify_sqlite_file,
)
from reqdesk.services import settings
from reqdesk.services.backup_settings import folder_problem
from reqdesk.textmarks import QT_TRANSLATE_NOOP

CONTEXT = "DatabaseProbe"
CONNECT_TIMEOUT_S = 8


@dataclass(frozen=True)
class ProbeResult:
    """What was found, as a message to translate (context :data:`CONTEXT`) and fill in."""

    message: str
    params: dict[str, Any] = field(default_factory=dict)


def probe_database(target: str) -> ProbeResult:
    """Check that ``target`` (a SQLite file or a PostgreSQL address) can be used.

    Raises a :class:`~reqdesk.services.errors.ReqdeskError` saying what is wrong.
    """
    normalised = settings.normalise_database_target(target)
    shown = settings.shown_target(normalised)
    if "://" not in normalised:
        path = Path(normalised)
        if not path.exists():
            return _new_file(path)
        db = connect(path, create=False)
    else:
        db = connect(_with_timeout(normalised))
    try:
        if db.sqlite_path is not None:
            verify_sqlite_file(db, db.sqlite_path)
        return _describe(db, shown)
    except DBAPIError as exc:
        reason = str(exc.orig) if exc.orig is not None else str(exc)
        raise DatabaseUnavailable(
            QT_TRANSLATE_NOOP("Errors", "Cannot open the database {db}: {reason}"),
            db=shown,
            reason=reason.strip(),
        ) from None
    finally:
        db.dispose()


def _new_file(path: Path) -> ProbeResult:
    problem = folder_problem(path.parent)
    if problem is not None:
        raise problem
    return ProbeResult(
        QT_TRANSLATE_NOOP(
            "DatabaseProbe",
            "There is no database at {db} yet. reqdesk will create a new one there at the "
            "next start and ask for the company, site and administrator.",
        ),
        {"db": str(path)},
    )


def _with_timeout(url_text: str) -> str:
    """A server that does not answer is reported after seconds, not minutes."""
    url = make_url(url_text)
    if "connect_timeout" not in url.query:
        url = url.update_query_dict({"connect_timeout": str(CONNECT_TIMEOUT_S)})
    return url.render_as_string(hide_password=False)


def _describe(db: Database, shown: str) -> ProbeResult:
    revision = current_revision(db)
    if revision is None:
        return ProbeResult(
            QT_TRANSLATE_NOOP(
                "DatabaseProbe",
                "Connected to {db}. It is empty: reqdesk will set it up at the next start.",
            ),
            {"db": shown},
        )
    if revision not in known_revisions():
        raise DatabaseTooNew(
            QT_TRANSLATE_NOOP(
                "Errors",
                "{db} was written by a newer version of reqdesk (schema {revision}). "
                "Install the newer reqdesk to open it.",
            ),
            db=shown,
            revision=revision,
        )
    company, site = _company_and_site(db)
    if not site:
        return ProbeResult(
            QT_TRANSLATE_NOOP(
                "DatabaseProbe",
                "Connected to {db}. It is not set up yet: reqdesk will ask for the company, "
                "site and administrator at the next start.",
            ),
            {"db": shown},
        )
    if revision != HEAD_REVISION:
        return ProbeResult(
            QT_TRANSLATE_NOOP(
                "DatabaseProbe",
                "Connected to {db}: the reqdesk database of {company} (site {site}). It will "
                "be brought up to date at the next start, after a backup.",
            ),
            {"db": shown, "company": company, "site": site},
        )
    return ProbeResult(
        QT_TRANSLATE_NOOP(
            "DatabaseProbe", "Connected to {db}: the reqdesk database of {company} (site {site})."
        ),
        {"db": shown, "company": company, "site": site},
    )


def _company_and_site(db: Database) -> tuple[str, str]:
    """Read with plain SQL: the schema may be older than this program's models."""
    with db.engine.connect() as conn:
        rows = conn.execute(
            text("SELECT key, value FROM setting WHERE key IN (:name, :site)"),
            {"name": settings.Key.COMPANY_NAME, "site": settings.Key.SITE_CODE},
        ).all()
    values = {key: json.loads(value) for key, value in rows}
    return (
        str(values.get(settings.Key.COMPANY_NAME, "")),
        str(values.get(settings.Key.SITE_CODE, "")),
    )
