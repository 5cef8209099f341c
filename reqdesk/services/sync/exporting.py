"""``reqdesk sync export``: a package of everything changed since the last one to a peer."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import RowMapping, Table, select
from sqlalchemy.orm import Session

from reqdesk import __version__
from reqdesk.models import AuditEntry, Department, RemoteAuditEntry, SyncPeer, SyncTombstone, User
from reqdesk.models.base import utc_now
from reqdesk.services.audit import Action
from reqdesk.services.context import Context
from reqdesk.services.permissions import Permission, require
from reqdesk.services.sync import tables as T
from reqdesk.services.sync.package import Manifest, SyncRecord, write_package
from reqdesk.services.sync.peers import peer_key
from reqdesk.services.sync.tracking import parse_vector

# A change still being saved on another seat while a package was written has a change
# time just before it; every package repeats this much before the previous one's end.
OVERLAP = timedelta(minutes=10)
CHUNK = 500


@dataclass(frozen=True)
class ExportResult:
    path: Path
    target_site: str | None
    sequence: int
    counts: dict[str, int]

    @property
    def records(self) -> int:
        return sum(self.counts.values())


def export_package(ctx: Context, path: Path, to_site: str | None = None) -> ExportResult:
    """Write a package for ``to_site`` (None: any site) and remember how far it reached."""
    require(ctx.actor, Permission.SYNC)
    key = peer_key(ctx, to_site)
    started = utc_now()
    with ctx.reading() as session:
        peer = session.get(SyncPeer, key)
        since = peer.exported_until if peer else None
        sequence = (peer.exports if peer else 0) + 1
        audit_from = peer.audit_upto if peer else 0
        records, reached, audit_upto = collect(session, since, key or None, audit_from)
    manifest = write_package(
        path,
        Manifest(
            source_site=ctx.site_code,
            target_site=key or None,
            sequence=sequence,
            created_at=started.isoformat(),
            since=since.isoformat() if since else None,
            until=started.isoformat(),
            program=__version__,
        ),
        records,
    )
    with ctx.unit_of_work() as uow:
        peer = uow.session.get(SyncPeer, key, with_for_update=True)
        if peer is None:
            peer = SyncPeer(site_code=key, exports=0, imports=0, audit_upto=0)
            uow.session.add(peer)
        peer.exports = max(peer.exports, sequence)
        peer.exported_until = max(started, reached or started)
        peer.audit_upto = max(peer.audit_upto, audit_upto)
        peer.last_export_at = started
        uow.audit(
            Action.EXPORT,
            entity_type="sync_package",
            details={"to": key, "sequence": sequence, "file": path.name, **manifest.counts},
        )
        uow.commit()
    return ExportResult(path, key or None, sequence, manifest.counts)


def collect(
    session: Session, since: datetime | None, exclude_site: str | None = None, audit_from: int = 0
) -> tuple[list[SyncRecord], datetime | None, int]:
    """The records changed after ``since`` (all when None), with every record they point
    to, so that each package can be applied on its own; this site's audit entries after
    id ``audit_from``; the latest change time and the last audit entry id seen."""
    cutoff = since - OVERLAP if since else None
    rows: dict[str, dict[int, RowMapping]] = {}
    reached: datetime | None = None
    for name, table in T.RECORD_TABLES.items():
        query = select(table)
        if cutoff is not None:
            query = query.where(table.c.sync_at > cutoff)
        rows[name] = {row["id"]: row for row in session.execute(query).mappings()}
        for row in rows[name].values():
            if row["sync_at"] is not None and (reached is None or row["sync_at"] > reached):
                reached = row["sync_at"]
    _add_referenced(session, rows)
    records = _reference_records(session)
    uuids = {name: {i: row["uuid"] for i, row in found.items()} for name, found in rows.items()}
    uuids[T.USER] = dict(session.execute(select(User.id, User.uuid)).tuples().all())
    uuids[T.DEPARTMENT] = dict(
        session.execute(select(Department.id, Department.code)).tuples().all()
    )
    for name, table in T.RECORD_TABLES.items():
        for _id, row in sorted(rows[name].items()):
            records.append(to_record(table, row, uuids))
    records += _tombstones(session, cutoff)
    audit, audit_upto = _audit_entries(session, cutoff, exclude_site, audit_from)
    return records + audit, reached, audit_upto


def _add_referenced(session: Session, rows: dict[str, dict[int, RowMapping]]) -> None:
    """Follow foreign keys until every record a packaged record points to is packaged."""
    todo = list(rows)
    while todo:
        wanted: dict[str, set[int]] = defaultdict(set)
        for name in todo:
            table = T.RECORD_TABLES[name]
            for ref in T.references(table):
                if ref.target not in T.RECORD_TABLES:
                    continue
                for row in rows[name].values():
                    target_id = row[ref.column]
                    if target_id is not None and target_id not in rows[ref.target]:
                        wanted[ref.target].add(target_id)
        todo = []
        for name, ids in wanted.items():
            table = T.RECORD_TABLES[name]
            ordered = sorted(ids)
            for start in range(0, len(ordered), CHUNK):
                chunk = ordered[start : start + CHUNK]
                for row in session.execute(select(table).where(table.c.id.in_(chunk))).mappings():
                    rows[name][row["id"]] = row
            todo.append(name)


def to_record(table: Table, row: RowMapping, uuids: dict[str, dict[int, Any]]) -> SyncRecord:
    refs = {ref.column: ref.target for ref in T.references(table)}
    data = {}
    for column in T.data_columns(table):
        value = row[column.name]
        if column.name in refs and value is not None:
            value = uuids[refs[column.name]][value]
        data[column.name] = T.encode(value)
    return SyncRecord(
        table=table.name,
        uuid=row["uuid"],
        site_code=row["site_code"],
        updated_at=T.encode(row["updated_at"]),
        vv=parse_vector(row["sync_vv"]),
        data=data,
    )


def _reference_records(session: Session) -> list[SyncRecord]:
    """Every department and user (no password, no roles): packaged records name them."""
    departments = {d.id: d for d in session.scalars(select(Department))}
    records = [
        SyncRecord(
            T.DEPARTMENT,
            d.uuid,
            d.site_code,
            T.encode(d.updated_at),
            {},
            {field: T.encode(getattr(d, field)) for field in T.DEPARTMENT_FIELDS},
        )
        for d in departments.values()
    ]
    for user in session.scalars(select(User)):
        department = departments.get(user.department_id) if user.department_id else None
        data = {field: getattr(user, field) for field in T.USER_FIELDS}
        data["department"] = department.code if department else None
        data["created_at"] = T.encode(user.created_at)
        records.append(
            SyncRecord(T.USER, user.uuid, user.site_code, T.encode(user.updated_at), {}, data)
        )
    return records


def _tombstones(session: Session, cutoff: datetime | None) -> list[SyncRecord]:
    query = select(SyncTombstone).order_by(SyncTombstone.sync_at)
    if cutoff is not None:
        query = query.where(SyncTombstone.sync_at > cutoff)
    return [
        SyncRecord(
            T.TOMBSTONE, t.uuid, t.site_code, T.encode(t.deleted_at), {}, {"table": t.table_name}
        )
        for t in session.scalars(query)
    ]


AUDIT_FIELDS = (
    "at",
    "user_id",
    "username",
    "action",
    "entity_type",
    "entity_id",
    "entity_uuid",
    "details",
    "prev_hash",
    "entry_hash",
)


def _audit_entries(
    session: Session, cutoff: datetime | None, exclude_site: str | None, audit_from: int
) -> tuple[list[SyncRecord], int]:
    """This site's audit entries after ``audit_from`` (appended in id order: one writer at
    a time holds the chain), and those received from others (never back to their site)."""
    own = list(session.scalars(select(AuditEntry).where(AuditEntry.id > audit_from)))
    received = select(RemoteAuditEntry).order_by(RemoteAuditEntry.id)
    if cutoff is not None:
        received = received.where(RemoteAuditEntry.received_at > cutoff)
    if exclude_site:
        received = received.where(RemoteAuditEntry.site_code != exclude_site)
    entries: list[Any] = [*sorted(own, key=lambda e: e.id), *session.scalars(received)]
    upto = max((e.id for e in own), default=audit_from)
    return [
        SyncRecord(
            T.AUDIT,
            e.uuid,
            e.site_code,
            T.encode(e.at),
            {},
            {field: T.encode(getattr(e, field)) for field in AUDIT_FIELDS},
        )
        for e in entries
    ], upto
