"""Backing up and restoring as user actions: who may, and what the audit log says.

The file mechanics are in :mod:`reqdesk.backups`; the folder and rotation chosen in the
settings in :mod:`reqdesk.services.backup_settings`. A restore is recorded in the
restored database itself, so its audit log tells that it was put back and from what.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from reqdesk import backups
from reqdesk.backups import BackupInfo, BackupKind
from reqdesk.db import open_database
from reqdesk.services.audit import Action
from reqdesk.services.backup_settings import backup_folders, get_backup_settings, sqlite_file
from reqdesk.services.context import Context
from reqdesk.services.permissions import Permission, require
from reqdesk.services.setup import is_initialised, open_context


@dataclass(frozen=True)
class Restored:
    database: Path
    source: Path
    safety_copy: Path | None  # the database as it was before, in backups/


def back_up_now(ctx: Context) -> Path:
    """Tools → Back up now: a checked copy in the backups folder, audited."""
    require(ctx.actor, Permission.BACKUP_RESTORE)
    db_file = sqlite_file(ctx.db)
    made = backups.take_backup(
        db_file,
        kind=BackupKind.MANUAL,
        now=_local(ctx.clock()),
        folder=get_backup_settings(ctx).folder_for(db_file),
    )
    with ctx.unit_of_work() as uow:
        uow.audit(Action.BACKUP, None, {"file": made.name}, entity_type="database")
        uow.commit()
    return made


def list_backups(ctx: Context) -> list[BackupInfo]:
    """The backups in the chosen folder and in the default one, newest first."""
    require(ctx.actor, Permission.BACKUP_RESTORE)
    db_file = sqlite_file(ctx.db)
    return backups.list_backups_in(db_file, backup_folders(ctx, db_file))


def restore_from(ctx: Context, source: Path) -> Restored:
    """Tools → Restore: the caller must stop using ``ctx`` afterwards (its file changed)."""
    require(ctx.actor, Permission.BACKUP_RESTORE)
    db_file = sqlite_file(ctx.db)
    ctx.db.dispose()  # only closes idle connections: a refused backup leaves ctx usable
    by = ctx.actor.username if ctx.actor else ""
    return restore_database(db_file, source, now=_local(ctx.clock()), by=by)


def restore_database(db_file: Path, source: Path, *, now: datetime, by: str = "") -> Restored:
    """Restore ``source`` over ``db_file``, bring it up to date and record the restore.

    Used by the command line and by the start-up dialog for a damaged database, where
    nobody can sign in to the broken file first.
    """
    safety = backups.restore(db_file, source, now=now)
    db = open_database(db_file)
    try:
        if is_initialised(db):
            ctx = open_context(db)
            with ctx.unit_of_work() as uow:
                details = {
                    "source": source.name,
                    "safety_copy": safety.name if safety else "",
                    "by": by,
                }
                uow.audit(Action.RESTORE, None, details, entity_type="database")
                uow.commit()
    finally:
        db.dispose()
    return Restored(db_file, source, safety)


def _local(moment: datetime) -> datetime:
    """Backup names use the PC's local time, as the user reads them in the folder."""
    return moment.astimezone().replace(tzinfo=None)
