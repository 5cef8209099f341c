"""Stamp every change a site makes so that sync can tell versions apart.

A flush of new, changed or deleted business records (``Record``) here:

- adds one to this site's count in the record's version vector ``sync_vv``;
- sets ``sync_at``, the time this copy last changed, which the next export reads;
- moves ``updated_at`` forward, never back (a PC clock set back must not make a later
  change look older than the one before it);
- leaves a tombstone for a deleted record, so that sync deletes it elsewhere too.

Sync itself writes with Core statements, which do not pass through here.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from reqdesk.models import SyncTombstone
from reqdesk.models.base import Record, utc_now

SITE_KEY = "site_code"  # Session.info key: the site whose program makes the changes
TICK = timedelta(microseconds=1)


def parse_vector(text: str | None) -> dict[str, int]:
    try:
        value = json.loads(text or "{}")
    except ValueError:
        return {}
    return {str(k): int(v) for k, v in value.items()} if isinstance(value, dict) else {}


def dump_vector(vector: dict[str, int]) -> str:
    return json.dumps(dict(sorted(vector.items())), separators=(",", ":"))


def _bumped(text: str | None, site: str) -> str:
    vector = parse_vector(text)
    vector[site] = vector.get(site, 0) + 1
    return dump_vector(vector)


def _move_updated_at(record: Any, now: datetime) -> None:
    """The change time only moves forward: past the previous one, even when a service
    set it from its own clock."""
    history = inspect(record).attrs.updated_at.history
    before = history.deleted[0] if history.deleted else record.updated_at
    wanted = history.added[0] if history.added else now
    if before is not None and wanted is not None and wanted <= before:
        wanted = before + TICK
    record.updated_at = wanted


def _before_flush(session: Session, _context: Any, _instances: Any) -> None:
    now = utc_now()
    default_site = session.info.get(SITE_KEY)
    for record in session.new:
        if isinstance(record, Record):
            site = record.site_code or default_site or ""
            record.sync_vv = _bumped("{}", site)
            record.sync_at = now
    for record in session.dirty:
        if isinstance(record, Record) and session.is_modified(record, include_collections=False):
            site = default_site or record.site_code
            record.sync_vv = _bumped(record.sync_vv, site)
            record.sync_at = now
            _move_updated_at(record, now)
    for record in session.deleted:
        if isinstance(record, Record):
            session.add(
                SyncTombstone(
                    uuid=record.uuid,
                    table_name=type(record).__tablename__,  # type: ignore[attr-defined]
                    site_code=default_site or record.site_code,
                    deleted_at=now,
                    sync_at=now,
                )
            )


def install() -> None:
    """Listen on every session (idempotent)."""
    if not event.contains(Session, "before_flush", _before_flush):
        event.listen(Session, "before_flush", _before_flush)
