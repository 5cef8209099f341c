"""Tools → Settings → Backups: where the backups of a SQLite database go and how many
the rotation keeps; and the daily backup at start-up that follows them.

Stored in the database's settings (``backups``: folder and counts), so every PC that
opens the file backs it up the same way. No folder set: ``backups/`` beside the database.
A folder that cannot be written when the program starts does not cost the day's backup:
it goes to the default folder and the user is told.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import tempfile
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from reqdesk import backups, paths
from reqdesk.backups import Rotation
from reqdesk.db import Database, DatabaseError, sqlite_uri
from reqdesk.services import settings
from reqdesk.services.audit import Action
from reqdesk.services.context import Context
from reqdesk.services.customers.forms import Problems
from reqdesk.services.errors import ReqdeskError, ValidationError
from reqdesk.services.permissions import Permission, require
from reqdesk.textmarks import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

LIMITS = {"daily": (1, 365), "weekly": (0, 104), "monthly": (0, 120)}


@dataclass(frozen=True)
class BackupSettings:
    folder: Path | None  # None: ``backups/`` beside the database
    rotation: Rotation

    def folder_for(self, db_file: Path) -> Path:
        return self.folder if self.folder is not None else paths.backups_dir(db_file)

    def to_json(self) -> dict[str, Any]:
        return {
            "folder": None if self.folder is None else str(self.folder),
            "daily": self.rotation.daily,
            "weekly": self.rotation.weekly,
            "monthly": self.rotation.monthly,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> BackupSettings:
        """Stored settings; anything missing or unreadable falls back to the defaults."""
        data = data if isinstance(data, dict) else {}
        default = Rotation()
        folder = data.get("folder")

        def count(name: str, fallback: int) -> int:
            value = data.get(name)
            return value if isinstance(value, int) and value >= 0 else fallback

        return cls(
            Path(folder) if isinstance(folder, str) and folder else None,
            Rotation(
                daily=max(1, count("daily", default.daily)),
                weekly=count("weekly", default.weekly),
                monthly=count("monthly", default.monthly),
            ),
        )


DEFAULT = BackupSettings(None, Rotation())


def read_backup_settings(session: Session) -> BackupSettings:
    return BackupSettings.from_json(settings.read_setting(session, settings.Key.BACKUPS))


def get_backup_settings(ctx: Context) -> BackupSettings:
    with ctx.reading() as session:
        return read_backup_settings(session)


def backup_folders(ctx: Context, db_file: Path) -> list[Path]:
    """Where this database's backups may be: the chosen folder, then the default one
    (older backups, and the copies a restore sets aside, stay there)."""
    chosen = get_backup_settings(ctx).folder_for(db_file)
    return _unique([chosen, paths.backups_dir(db_file)])


def save_backup_settings(ctx: Context, folder: Path | None, rotation: Rotation) -> bool:
    """The administrator chooses the backup folder (None: the default) and the rotation.

    A folder that cannot be written is refused (a missing one is created). Audited with
    the old and new values; returns False when nothing changed.
    """
    require(ctx.actor, Permission.BACKUP_RESTORE)
    db_file = sqlite_file(ctx.db)
    _check_rotation(rotation)
    chosen = _check_folder(folder, db_file)
    after = BackupSettings(chosen, rotation).to_json()
    with ctx.unit_of_work() as uow:
        before = read_backup_settings(uow.session).to_json()
        if before == after:
            return False
        settings.write_setting(uow.session, settings.Key.BACKUPS, after)
        uow.audit(
            Action.UPDATE,
            entity_type="setting",
            details={"key": settings.Key.BACKUPS, "before": before, "after": after},
        )
        uow.commit()
    return True


def sqlite_file(db: Database) -> Path:
    """The database file; backups here are of SQLite files only."""
    path = db.sqlite_path
    if path is None:
        raise DatabaseError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "Backups here are for SQLite files. Back up a PostgreSQL database with "
                "pg_dump on the server.",
            )
        )
    return path


def _check_rotation(rotation: Rotation) -> None:
    p = Problems()
    messages = {
        "daily": QT_TRANSLATE_NOOP("Errors", "Keep {low} to {high} daily backups."),
        "weekly": QT_TRANSLATE_NOOP("Errors", "Keep {low} to {high} weekly backups."),
        "monthly": QT_TRANSLATE_NOOP("Errors", "Keep {low} to {high} monthly backups."),
    }
    for name, (low, high) in LIMITS.items():
        if not low <= getattr(rotation, name) <= high:
            p.add(name, messages[name], low=low, high=high)
    p.raise_if_any()


def _check_folder(folder: Path | None, db_file: Path) -> Path | None:
    """The folder as stored: absolute, writable; None for the default folder."""
    if folder is None or not str(folder).strip():
        return None
    given = Path(str(folder).strip()).expanduser()
    if not given.is_absolute():
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Give the full path of the backup folder."),
            field="folder",
        )
    chosen = Path(os.path.abspath(given))
    if chosen == Path(os.path.abspath(paths.backups_dir(db_file))):
        return None
    problem = folder_problem(chosen, create=True)
    if problem is not None:
        raise problem
    return chosen


def folder_problem(folder: Path, *, create: bool = False) -> ValidationError | None:
    """Why backups cannot be written to ``folder`` (None: they can). ``create`` makes a
    missing folder first."""
    try:
        if create:
            folder.mkdir(parents=True, exist_ok=True)
        if not folder.is_dir():
            raise FileNotFoundError(2, os.strerror(2))
        handle, probe = tempfile.mkstemp(prefix=".reqdesk-probe-", dir=folder)
        os.close(handle)
        with suppress(OSError):
            os.unlink(probe)
    except OSError as exc:
        return ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Backups cannot be written to {folder}: {reason}"),
            field="folder",
            folder=str(folder),
            reason=exc.strerror or str(exc),
        )
    return None


# --- at start-up (nobody signed in yet) ---------------------------------------------------


@dataclass(frozen=True)
class DailyBackup:
    """What the start-up backup did: ``made`` (None: today's existed already), the folder
    used, and the chosen folder it fell back from with the reason, if it had to."""

    made: Path | None
    folder: Path
    fell_back_from: Path | None = None
    problem: ReqdeskError | None = None


def daily_backup(db: Database, *, now: datetime) -> DailyBackup | None:
    """The day's automatic backup with the stored folder and rotation (None: not SQLite).

    Runs off the GUI thread with its own short session.
    """
    db_file = db.sqlite_path
    if db_file is None:
        return None
    with db.read_sessions() as session:
        chosen = read_backup_settings(session)
    default = paths.backups_dir(db_file)
    folder = chosen.folder_for(db_file)
    problem = folder_problem(folder) if chosen.folder is not None else None
    if problem is not None:
        log.warning("The backup folder %s cannot be used: %s", folder, problem)
        folder = default
    made = backups.automatic_backup(db_file, now=now, rotation=chosen.rotation, folder=folder)
    if folder != default:  # older backups and the safety copies of restores stay there
        backups.rotate(db_file, chosen.rotation, folder=default)
    return DailyBackup(made, folder, chosen.folder if problem else None, problem)


@dataclass(frozen=True)
class StartupFolders:
    """Where the start-up dialog looks for a good backup of a file it cannot open."""

    folders: list[Path]
    unreachable: Path | None = None  # the chosen (or remembered) folder, when unreadable


def startup_folders(db_file: Path, remembered: Path | None = None) -> StartupFolders:
    """The chosen folder read from the (possibly damaged) file itself, the folder this PC
    last backed this file up to, and the default folder; unreadable ones are left out.

    Read with plain SQLite, read-only: nobody is signed in, and the file may be damaged.
    """
    chosen = chosen_folder_of(db_file)
    unreachable = None
    candidates: list[Path] = []
    for folder in (chosen, remembered):
        if folder is None:
            continue
        if _readable(folder):
            candidates.append(folder)
        elif unreachable is None and chosen in (None, folder):
            unreachable = folder  # the remembered one counts only when the file is unread
    candidates.append(paths.backups_dir(db_file))
    return StartupFolders(_unique(candidates), unreachable)


def chosen_folder_of(db_file: Path) -> Path | None:
    """The backup folder stored in ``db_file`` (None: the default, or unreadable)."""
    try:
        conn = sqlite3.connect(sqlite_uri(db_file), uri=True)
        try:
            row = conn.execute(
                "SELECT value FROM setting WHERE key = ?", (settings.Key.BACKUPS,)
            ).fetchone()
        finally:
            conn.close()
        return BackupSettings.from_json(json.loads(row[0])).folder if row else None
    except (sqlite3.Error, ValueError, TypeError) as exc:
        log.info("No backup folder setting readable in %s: %s", db_file, exc)
        return None


def _readable(folder: Path) -> bool:
    try:
        return folder.is_dir() and os.access(folder, os.R_OK | os.X_OK)
    except OSError:
        return False


def _unique(folders: list[Path]) -> list[Path]:
    seen: set[Path] = set()
    unique: list[Path] = []
    for folder in folders:
        key = Path(os.path.abspath(folder))
        if key not in seen:
            seen.add(key)
            unique.append(folder)
    return unique
