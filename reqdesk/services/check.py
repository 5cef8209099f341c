"""``reqdesk check``: the database file's integrity, the search index and the audit chain."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Connection, func, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from reqdesk.backups import BackupKind, list_backups_in
from reqdesk.db import Database, sqlite_uri
from reqdesk.models import AuditEntry
from reqdesk.services.audit import Action, iter_chain_problems, remote_entry_problems
from reqdesk.services.backup_settings import startup_folders
from reqdesk.services.seal_check import seal_problems
from reqdesk.services.search import trigram_index_problems


@dataclass
class CheckReport:
    problems: list[str] = field(default_factory=list)
    checked: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def run_check(db: Database) -> CheckReport:
    """Run every check; a problem is one line naming what is broken."""
    report = CheckReport()
    if db.is_sqlite:
        with db.engine.connect() as conn:
            rows = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check").all()]
            if rows != ["ok"]:
                report.problems.extend(f"integrity_check: {row}" for row in rows)
            for table, rowid, parent, _fk in conn.exec_driver_sql("PRAGMA foreign_key_check").all():
                report.problems.append(
                    f"foreign key: {table} row {rowid} points to a missing {parent} row"
                )
        report.checked.append("sqlite integrity")
        # The FTS5 integrity-check writes (then rolls back), so it queues for the write
        # lock like a save does instead of failing while another copy of reqdesk saves.
        with db.engine.execution_options(reqdesk_write=True).connect() as conn:
            report.problems.extend(search_index_problems(conn))
        report.checked.append("search index")
    else:
        with db.engine.connect() as conn:
            report.problems.extend(trigram_index_problems(conn))
        report.checked.append("search index")
    with db.read_sessions() as session:
        session.execute(text("SELECT 1"))
        report.problems.extend(str(p) for p in iter_chain_problems(session))
        report.problems.extend(str(p) for p in remote_entry_problems(session))
        report.problems.extend(seal_problems(session))
        if db.sqlite_path is not None:
            report.problems.extend(backup_anchor_problems(session, db.sqlite_path))
    report.checked.append("audit chain")
    report.checked.append("sign-off seals")
    return report


def search_index_problems(conn: Connection) -> list[str]:
    """The FTS5 index of titles and descriptions agrees with the requirement table.

    ``integrity-check`` with rank 1 also compares an external-content index with its
    table; a mismatch comes back as SQLITE_CORRUPT_VTAB ("database disk image is
    malformed"), though the file itself is sound.
    """
    present = conn.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'requirement_fts'"
    ).first()
    if present is None:
        return ["search index: the table requirement_fts is missing; searches cannot run"]
    try:
        conn.exec_driver_sql(
            "INSERT INTO requirement_fts(requirement_fts, rank) VALUES ('integrity-check', 1)"
        )
    except DBAPIError as exc:
        return [
            "search index: requirement_fts does not match the requirements' titles and "
            f"descriptions (it was changed outside reqdesk); searches may miss rows ({exc.orig})"
        ]
    return []


def backup_anchor_problems(session: Session, db_file: Path) -> list[str]:
    """The newest backup's last audit entry must still be in the database, unchanged.

    The hash chain cannot show that its newest entries were cut off; the backups can.
    Backups taken before the database was last restored are not compared (a restore
    legitimately goes back in time), nor are copies set aside by a restore.
    """
    restored_at = session.scalar(
        select(func.max(AuditEntry.at)).where(AuditEntry.action == Action.RESTORE)
    )
    for backup in list_backups_in(db_file, startup_folders(db_file).folders):
        if backup.kind in (BackupKind.BEFORE_RESTORE, BackupKind.DAMAGED):
            continue
        if restored_at is not None and _as_utc(backup.taken_at) <= restored_at:
            return []
        anchor = _last_audit_entry(backup.path)
        if anchor is None:
            continue
        entry_id, entry_hash = anchor
        stored = session.scalar(select(AuditEntry.entry_hash).where(AuditEntry.id == entry_id))
        if stored == entry_hash:
            return []
        what = "is missing" if stored is None else "differs"
        return [
            f"audit entry #{entry_id}: {what} here but is in the backup of "
            f"{backup.taken_at:%Y-%m-%d %H:%M} ({backup.path.name}); audit entries were "
            "removed or rewritten outside reqdesk"
        ]
    return []


def _as_utc(local: datetime) -> datetime:
    return local.astimezone(UTC)


def _last_audit_entry(path: Path) -> tuple[int, str] | None:
    try:
        conn = sqlite3.connect(sqlite_uri(path), uri=True)
        try:
            row = conn.execute(
                "SELECT id, entry_hash FROM audit_entry ORDER BY id DESC LIMIT 1"
            ).fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    return (int(row[0]), str(row[1])) if row else None
