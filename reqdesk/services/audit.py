"""The audit log: every audited action, chained by hashes.

Each entry's hash covers its own content and the previous entry's hash, so an
entry edited, inserted or deleted outside the program breaks the chain at that
point and ``reqdesk check`` names it. (Removing the newest entries leaves no trace
in the chain itself; backups and sync copies are the remedy for that.)
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from sqlalchemy import insert, select, text
from sqlalchemy.orm import Session

from reqdesk.models import AuditEntry, Base
from reqdesk.models.base import new_uuid
from reqdesk.services.context import Actor

GENESIS_HASH = "0" * 64


class Action:
    """Stable audit action codes."""

    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    STAGE = "stage"
    SIGN = "sign"
    SIGN_FAILED = "sign_failed"
    APPROVE = "approve"
    REJECT = "reject"
    EXPORT = "export"
    IMPORT = "import"
    PRINT = "print"
    VIEW_CONFIDENTIAL = "view_confidential"
    LOGIN = "login"
    LOGIN_FAILED = "login_failed"
    LOGIN_LOCKED = "login_locked"
    PASSWORD_RESET = "password_reset"
    PASSWORD_CHANGE = "password_change"
    BACKUP = "backup"
    RESTORE = "restore"
    SETUP = "setup"
    DEMO = "demo"


@dataclass
class PendingAudit:
    action: str
    entity: Base | None
    entity_type: str | None
    entity_id: int | None
    details: dict[str, Any]
    at: datetime
    actor: Actor | None
    site_code: str
    uuid: str = field(default_factory=new_uuid)


@dataclass(frozen=True)
class ChainProblem:
    entry_id: int
    reason: str

    def __str__(self) -> str:
        return f"audit entry #{self.entry_id}: {self.reason}"


def _json_default(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    if isinstance(value, date | Decimal):
        return str(value)
    raise TypeError(f"cannot audit a {type(value).__name__}")


def canonical_details(details: dict[str, Any]) -> str:
    return json.dumps(
        details, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=_json_default
    )


def compute_hash(
    *,
    prev_hash: str,
    uuid: str,
    at: datetime,
    site_code: str,
    user_id: int | None,
    username: str,
    action: str,
    entity_type: str,
    entity_id: int | None,
    entity_uuid: str,
    details: str,
) -> str:
    parts = [
        prev_hash,
        uuid,
        at.astimezone(UTC).isoformat(),
        site_code,
        "" if user_id is None else str(user_id),
        username,
        action,
        entity_type,
        "" if entity_id is None else str(entity_id),
        entity_uuid,
        details,
    ]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def _hash_of(entry: AuditEntry, prev_hash: str) -> str:
    return compute_hash(
        prev_hash=prev_hash,
        uuid=entry.uuid,
        at=entry.at,
        site_code=entry.site_code,
        user_id=entry.user_id,
        username=entry.username,
        action=entry.action,
        entity_type=entry.entity_type,
        entity_id=entry.entity_id,
        entity_uuid=entry.entity_uuid,
        details=entry.details,
    )


def _lock_chain_head(session: Session) -> None:
    """Serialise appenders. SQLite writers already hold the write lock (BEGIN IMMEDIATE)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(726173)"))


def chain_head(session: Session) -> str:
    last = session.scalar(select(AuditEntry.entry_hash).order_by(AuditEntry.id.desc()).limit(1))
    return last or GENESIS_HASH


def append_entries(session: Session, pending: list[PendingAudit]) -> None:
    """Turn pending records into chained entries (entity ids exist: the caller flushed).

    Written with one bulk insert: an import may add ten thousand entries at once.
    """
    _lock_chain_head(session)
    prev = chain_head(session)
    rows: list[dict[str, Any]] = []
    for item in pending:
        entity = item.entity
        entity_type = item.entity_type or (entity.__tablename__ if entity is not None else "")
        entity_id = item.entity_id if item.entity_id is not None else getattr(entity, "id", None)
        fields: dict[str, Any] = {
            "uuid": item.uuid,
            "at": item.at.astimezone(UTC),
            "site_code": item.site_code,
            "user_id": item.actor.user_id if item.actor else None,
            "username": item.actor.username if item.actor else "",
            "action": item.action,
            "entity_type": entity_type,
            "entity_id": entity_id,
            "entity_uuid": getattr(entity, "uuid", "") or "",
            "details": canonical_details(item.details),
        }
        entry_hash = compute_hash(prev_hash=prev, **fields)
        rows.append({**fields, "prev_hash": prev, "entry_hash": entry_hash})
        prev = entry_hash
    session.execute(insert(AuditEntry), rows)


def iter_chain_problems(session: Session) -> Iterator[ChainProblem]:
    """Walk the chain in order and report every entry that does not verify."""
    prev = GENESIS_HASH
    rows = session.scalars(
        select(AuditEntry).order_by(AuditEntry.id).execution_options(yield_per=2000)
    )
    for entry in rows:
        if entry.prev_hash != prev:
            yield ChainProblem(
                entry.id, "does not follow the entry before it (an entry was removed or altered)"
            )
        if _hash_of(entry, entry.prev_hash) != entry.entry_hash:
            yield ChainProblem(entry.id, "content was altered outside reqdesk")
        prev = entry.entry_hash


def remote_entry_problems(session: Session) -> Iterator[ChainProblem]:
    """Other sites' entries (received by sync) must still hash to what they say.

    Each site's entries form that site's own chain; they may arrive out of order or
    with gaps, so only each entry's own content is checked here.
    """
    from reqdesk.models import RemoteAuditEntry

    rows = session.scalars(
        select(RemoteAuditEntry).order_by(RemoteAuditEntry.id).execution_options(yield_per=2000)
    )
    for entry in rows:
        if _hash_of(entry, entry.prev_hash) != entry.entry_hash:  # type: ignore[arg-type]
            yield ChainProblem(
                entry.id, f"(received from site {entry.site_code}) was altered after it arrived"
            )
