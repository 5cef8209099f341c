"""Departments, users, deletions and audit entries from another site's package.

- A department is known by its code. One this site lacks is added *inactive*, so that
  review routing here is not disturbed; records can still name it.
- A user is known by uuid. One this site lacks is added disabled, with no password and
  no roles: it names who did what at the other site and can never sign in here. A user
  name already taken here gets ``@SITE`` appended.
- A deletion (tombstone) deletes the record here too, and it is never brought back.
- Another site's audit entries go to ``remote_audit_entry`` exactly as written there,
  after their hash is checked; this site's own chain is left alone.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from reqdesk.models import AuditEntry, Department, RemoteAuditEntry, SyncTombstone, User
from reqdesk.models.base import new_uuid
from reqdesk.models.enums import ReviewAspect
from reqdesk.services.audit import compute_hash
from reqdesk.services.sync import tables as T
from reqdesk.services.sync.package import SyncRecord
from reqdesk.services.sync.tracking import dump_vector

NO_PASSWORD = "!"  # matches no password: argon2 cannot read it


def add_departments(session: Session, records: list[SyncRecord], now: datetime) -> int:
    known = set(session.scalars(select(Department.code)))
    known_uuids = set(session.scalars(select(Department.uuid)))
    added = 0
    for record in records:
        code = str(record.data["code"])
        if code in known:
            continue
        aspect = record.data.get("review_aspect")
        session.execute(
            insert(Department).values(
                uuid=record.uuid if record.uuid not in known_uuids else new_uuid(),
                site_code=record.site_code,
                code=code,
                name=str(record.data["name"]),
                review_aspect=ReviewAspect(aspect) if aspect else None,
                active=False,
                created_at=now,
                updated_at=datetime.fromisoformat(record.updated_at),
                sync_vv=dump_vector(record.vv),
                sync_at=now,
            )
        )
        known.add(code)
        added += 1
    return added


def add_users(session: Session, records: list[SyncRecord], now: datetime) -> int:
    known = set(session.scalars(select(User.uuid)))
    taken = set(session.scalars(select(User.username)))
    departments = dict(session.execute(select(Department.code, Department.id)).tuples().all())
    added = 0
    for record in records:
        if record.uuid in known:
            continue
        name = _free_username(str(record.data["username"]), record.site_code, taken)
        taken.add(name)
        session.execute(
            insert(User).values(
                uuid=record.uuid,
                site_code=record.site_code,
                username=name,
                full_name=str(record.data["full_name"]),
                department_id=departments.get(record.data.get("department") or ""),
                password_hash=NO_PASSWORD,
                active=False,
                created_at=datetime.fromisoformat(str(record.data["created_at"])),
                updated_at=datetime.fromisoformat(record.updated_at),
                sync_vv=dump_vector(record.vv),
                sync_at=now,
            )
        )
        known.add(record.uuid)
        added += 1
    return added


def _free_username(name: str, site: str, taken: set[str]) -> str:
    if name not in taken:
        return name
    candidate = f"{name}@{site}"[:64]
    number = 2
    while candidate in taken:
        candidate = f"{name}@{site}{number}"[:64]
        number += 1
    return candidate


def apply_tombstones(session: Session, records: list[SyncRecord], now: datetime) -> int:
    """Record the deletions and delete the records; returns how many records went."""
    uuids = {r.uuid for r in records}
    known = set(session.scalars(select(SyncTombstone.uuid).where(SyncTombstone.uuid.in_(uuids))))
    deleted = 0
    for record in records:
        table_name = str(record.data["table"])
        if record.uuid in known:
            continue
        session.execute(
            insert(SyncTombstone).values(
                uuid=record.uuid,
                table_name=table_name,
                site_code=record.site_code,
                deleted_at=datetime.fromisoformat(record.updated_at),
                sync_at=now,
            )
        )
        known.add(record.uuid)
        table = T.RECORD_TABLES.get(table_name)
        if table is not None:
            result: Any = session.execute(delete(table).where(table.c.uuid == record.uuid))
            deleted += result.rowcount or 0
    return deleted


def tombstoned(session: Session, uuids: set[str]) -> set[str]:
    found: set[str] = set()
    ordered = sorted(uuids)
    for start in range(0, len(ordered), 500):
        chunk = ordered[start : start + 500]
        found |= set(
            session.scalars(select(SyncTombstone.uuid).where(SyncTombstone.uuid.in_(chunk)))
        )
    return found


def add_audit_entries(
    session: Session, records: list[SyncRecord], local_site: str, now: datetime
) -> tuple[int, int]:
    """Other sites' entries not yet here; returns (added, refused as altered)."""
    uuids = sorted({r.uuid for r in records})
    present: set[str] = set()
    for start in range(0, len(uuids), 500):
        chunk = uuids[start : start + 500]
        present |= set(session.scalars(select(AuditEntry.uuid).where(AuditEntry.uuid.in_(chunk))))
        present |= set(
            session.scalars(select(RemoteAuditEntry.uuid).where(RemoteAuditEntry.uuid.in_(chunk)))
        )
    rows, refused = [], 0
    for record in records:
        if record.uuid in present or record.site_code == local_site:
            continue
        row = _audit_row(record)
        if row is None:
            refused += 1
            continue
        rows.append({**row, "received_at": now})
        present.add(record.uuid)
    if rows:
        session.execute(insert(RemoteAuditEntry), rows)
    return len(rows), refused


def _audit_row(record: SyncRecord) -> dict[str, Any] | None:
    data = record.data
    fields: dict[str, Any] = {
        "uuid": record.uuid,
        "at": datetime.fromisoformat(str(data["at"])),
        "site_code": record.site_code,
        "user_id": data["user_id"],
        "username": str(data["username"]),
        "action": str(data["action"]),
        "entity_type": str(data["entity_type"]),
        "entity_id": data["entity_id"],
        "entity_uuid": str(data["entity_uuid"]),
        "details": str(data["details"]),
    }
    if compute_hash(prev_hash=str(data["prev_hash"]), **fields) != data["entry_hash"]:
        return None
    return {**fields, "prev_hash": data["prev_hash"], "entry_hash": data["entry_hash"]}
