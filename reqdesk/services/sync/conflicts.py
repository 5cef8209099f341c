"""The conflict list: versions sync set aside, for the supervisor to review."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select

from reqdesk.models import SyncConflict, User
from reqdesk.services.audit import Action
from reqdesk.services.context import Context
from reqdesk.services.errors import NotFound
from reqdesk.services.permissions import Permission, require
from reqdesk.textmarks import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class ConflictVersion:
    site: str
    updated_at: str
    data: dict[str, Any]


@dataclass(frozen=True)
class ConflictItem:
    id: int
    table_name: str
    record_uuid: str
    label: str
    reason: str  # "changed_twice" or "filed_twice"
    home_site: str
    peer_site: str
    detected_at: datetime
    kept: ConflictVersion
    other: ConflictVersion
    reviewed_at: datetime | None
    reviewed_by: str
    review_note: str

    def differences(self) -> list[tuple[str, Any, Any]]:
        """(column, kept value, other value) for every column the versions disagree on."""
        names = sorted({*self.kept.data, *self.other.data})
        return [
            (name, self.kept.data.get(name), self.other.data.get(name))
            for name in names
            if self.kept.data.get(name) != self.other.data.get(name)
        ]


def _version(site: str, text: str) -> ConflictVersion:
    value = json.loads(text)
    return ConflictVersion(site, str(value.get("updated_at", "")), dict(value.get("data", {})))


def list_conflicts(ctx: Context, *, include_reviewed: bool = False) -> list[ConflictItem]:
    """Newest first; reviewed ones only when asked."""
    require(ctx.actor, Permission.SYNC)
    query = (
        select(SyncConflict, User.full_name)
        .outerjoin(User, User.id == SyncConflict.reviewed_by_id)
        .order_by(SyncConflict.id.desc())
    )
    if not include_reviewed:
        query = query.where(SyncConflict.reviewed_at.is_(None))
    with ctx.reading() as session:
        return [
            ConflictItem(
                id=c.id,
                table_name=c.table_name,
                record_uuid=c.record_uuid,
                label=c.label,
                reason=c.reason,
                home_site=c.home_site,
                peer_site=c.peer_site,
                detected_at=c.detected_at,
                kept=_version(c.kept_from, c.kept),
                other=_version(c.other_from, c.other),
                reviewed_at=c.reviewed_at,
                reviewed_by=reviewer or "",
                review_note=c.review_note,
            )
            for c, reviewer in session.execute(query).tuples()
        ]


def count_open_conflicts(ctx: Context) -> int:
    require(ctx.actor, Permission.SYNC)
    with ctx.reading() as session:
        query = select(func.count()).where(SyncConflict.reviewed_at.is_(None))
        return int(session.scalar(query.select_from(SyncConflict)) or 0)


def mark_reviewed(ctx: Context, conflict_id: int, note: str = "") -> None:
    """The supervisor has looked at it (and changed the record by hand where needed)."""
    actor = require(ctx.actor, Permission.SYNC)
    with ctx.unit_of_work() as uow:
        conflict = uow.session.get(SyncConflict, conflict_id, with_for_update=True)
        if conflict is None:
            raise NotFound(QT_TRANSLATE_NOOP("Errors", "This conflict is no longer listed."))
        if conflict.reviewed_at is not None:
            return
        conflict.reviewed_at = uow.now
        conflict.reviewed_by_id = actor.user_id
        conflict.review_note = note.strip()
        uow.audit(
            Action.UPDATE,
            conflict,
            {"reviewed": conflict.record_uuid, "table": conflict.table_name, "note": note},
        )
        uow.commit()
