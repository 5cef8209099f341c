"""Backups of a SQLite database file: take, check, rotate, list and restore.

Backups are whole copies made with SQLite's online backup API in one step, so they
are consistent even while another copy of reqdesk writes, and each is checked with
``integrity_check`` before it counts. They live in ``backups/`` beside the database, or
in the folder the administrator chose (``folder=``, read from the database's settings by
:mod:`reqdesk.services.backup_settings`), and are named
``<stem>-<kind>-<YYYYmmdd-HHMMSS>.db`` in local time. Rotation keeps the newest
backup of each of the last 7 days, 4 ISO weeks and 12 months that have one
(like ``restic forget --keep-daily 7 --keep-weekly 4 --keep-monthly 12``; the counts are
settings too). Copies set aside by a restore always stay beside the database: a damaged
file is moved there, which only works on the same disk.

Nothing here needs Qt or a session; :mod:`reqdesk.services.backups` adds who may do it.
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
from collections.abc import Callable, Iterable
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from reqdesk import paths
from reqdesk.db import (
    PARTIAL_SUFFIX,
    DatabaseError,
    backup_sqlite,
    is_damage,
    known_revisions,
    sqlite_uri,
)
from reqdesk.textmarks import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"
STAMP_FORMAT = "%Y%m%d-%H%M%S"
_NAME = re.compile(
    r"^(?P<stem>.+)-(?P<kind>daily|manual|before-restore|damaged|before-upgrade-\w+)"
    r"-(?P<stamp>\d{8}-\d{6})(?:-\d+)?\.db$"
)
QUICK_CHECK_MAX_BYTES = 64 * 1024 * 1024
SAFETY_COPIES_KEPT = 5  # of each kind made before a restore or an upgrade


class BackupKind:
    DAILY = "daily"
    MANUAL = "manual"
    BEFORE_RESTORE = "before-restore"
    BEFORE_UPGRADE = "before-upgrade"
    DAMAGED = "damaged"  # a damaged file moved aside by a restore; never restored from


KIND_LABELS = {
    BackupKind.DAILY: QT_TRANSLATE_NOOP("Backups", "Daily (automatic)"),
    BackupKind.MANUAL: QT_TRANSLATE_NOOP("Backups", "Made by hand"),
    BackupKind.BEFORE_RESTORE: QT_TRANSLATE_NOOP("Backups", "Before a restore"),
    BackupKind.BEFORE_UPGRADE: QT_TRANSLATE_NOOP("Backups", "Before an upgrade"),
    BackupKind.DAMAGED: QT_TRANSLATE_NOOP("Backups", "Damaged file set aside"),
}


@dataclass(frozen=True)
class Rotation:
    daily: int = 7
    weekly: int = 4
    monthly: int = 12


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    kind: str
    taken_at: datetime
    size: int


def backup_name(db_file: Path, kind: str, now: datetime) -> str:
    return f"{db_file.stem}-{kind}-{now.strftime(STAMP_FORMAT)}.db"


def _folder(db_file: Path, folder: Path | None) -> Path:
    return paths.backups_dir(db_file) if folder is None else folder


def take_backup(
    db_file: Path,
    *,
    kind: str = BackupKind.MANUAL,
    target: Path | None = None,
    now: datetime,
    folder: Path | None = None,
) -> Path:
    """Copy ``db_file`` to ``target`` (or the backups ``folder``) and check the copy."""
    if target is None:
        target = _free_name(_folder(db_file, folder) / backup_name(db_file, kind, now))
    try:
        return backup_sqlite(db_file, target)
    except sqlite3.Error as exc:
        raise DatabaseError(
            QT_TRANSLATE_NOOP("Errors", "Could not back up {db} to {backup}: {reason}"),
            db=str(db_file),
            backup=str(target),
            reason=str(exc),
        ) from None
    except OSError as exc:
        raise DatabaseError(
            QT_TRANSLATE_NOOP("Errors", "Could not write the backup {backup}: {reason}"),
            backup=str(target),
            reason=exc.strerror or str(exc),
        ) from None


def _free_name(path: Path) -> Path:
    """Two backups in the same second get ``-1``, ``-2`` … rather than overwriting."""
    candidate, n = path, 0
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
    return candidate


def is_backup_name(name: str) -> bool:
    return _NAME.match(name) is not None


def list_backups(db_file: Path, folder: Path | None = None) -> list[BackupInfo]:
    """The backups of ``db_file`` in its backups ``folder``, newest first."""
    folder = _folder(db_file, folder)
    try:
        if not folder.is_dir():
            return []
        candidates = list(folder.glob(f"{db_file.stem}-*.db"))
    except OSError as exc:  # a disconnected drive or share
        log.warning("Cannot list the backups folder %s: %s", folder, exc)
        return []
    found: list[BackupInfo] = []
    for path in candidates:
        match = _NAME.match(path.name)
        if match is None or match["stem"] != db_file.stem:
            continue
        try:
            taken = datetime.strptime(match["stamp"], STAMP_FORMAT)
            size = path.stat().st_size
        except (ValueError, OSError):
            continue
        kind = match["kind"]
        if kind.startswith(BackupKind.BEFORE_UPGRADE):
            kind = BackupKind.BEFORE_UPGRADE
        found.append(BackupInfo(path, kind, taken, size))
    return sorted(found, key=lambda b: (b.taken_at, b.path.name), reverse=True)


def automatic_backup(
    db_file: Path,
    *,
    now: datetime,
    rotation: Rotation | None = None,
    folder: Path | None = None,
) -> Path | None:
    """The start-up backup: at most one a day, then rotation. None when today's exists."""
    existing = list_backups(db_file, folder)
    if any(b.taken_at.date() == now.date() for b in existing if _restorable(b)):
        return None
    made = take_backup(db_file, kind=BackupKind.DAILY, now=now, folder=folder)
    rotate(db_file, rotation or Rotation(), keep_also=made, folder=folder)
    _remove_partials(db_file, folder)
    return made


def _remove_partials(db_file: Path, folder: Path | None = None) -> None:
    """Backups cut short (the PC switched off mid-copy) are never finished: remove them."""
    for partial in _folder(db_file, folder).glob(f"{db_file.stem}-*.db{PARTIAL_SUFFIX}"):
        with suppress(OSError):
            partial.unlink()


def rotate(
    db_file: Path,
    rotation: Rotation,
    *,
    keep_also: Path | None = None,
    folder: Path | None = None,
) -> list[Path]:
    """Delete the backups the rotation does not keep; returns what was deleted.

    Daily and hand-made backups follow ``rotation``; of the safety copies taken before a
    restore or an upgrade the newest five of each kind stay; a damaged file a restore set
    aside is never deleted (it may still be rescued).
    """
    backups = list_backups(db_file, folder)
    keep = kept_by_rotation(
        [b for b in backups if b.kind in (BackupKind.DAILY, BackupKind.MANUAL)], rotation
    )
    for kind in (BackupKind.BEFORE_RESTORE, BackupKind.BEFORE_UPGRADE):
        keep |= {b.path for b in [b for b in backups if b.kind == kind][:SAFETY_COPIES_KEPT]}
    keep |= {b.path for b in backups if b.kind == BackupKind.DAMAGED}
    if keep_also is not None:
        keep.add(keep_also)
    removed: list[Path] = []
    for backup in backups:
        if backup.path not in keep:
            try:
                backup.path.unlink()
            except OSError as exc:
                log.warning("Could not remove old backup %s: %s", backup.path, exc)
                continue
            removed.append(backup.path)
    if removed:
        log.info("Rotation removed %d old backups", len(removed))
    return removed


def kept_by_rotation(backups: Iterable[BackupInfo], rotation: Rotation) -> set[Path]:
    newest_first = sorted(backups, key=lambda b: b.taken_at, reverse=True)
    keep: set[Path] = set()
    buckets: list[tuple[int, Callable[[datetime], object]]] = [
        (rotation.daily, lambda t: t.date()),
        (rotation.weekly, lambda t: t.isocalendar()[:2]),
        (rotation.monthly, lambda t: (t.year, t.month)),
    ]
    for count, bucket_of in buckets:
        seen: set[object] = set()
        for backup in newest_first:
            bucket = bucket_of(backup.taken_at)
            if bucket in seen or len(seen) >= count:
                continue
            seen.add(bucket)
            keep.add(backup.path)
    return keep


def _restorable(backup: BackupInfo) -> bool:
    return backup.kind != BackupKind.DAMAGED


def check_backup(path: Path, *, full: bool = True) -> str:
    """A backup reqdesk can restore: a sound SQLite file of a known schema. Returns it.

    ``full=False`` reads every page only of small files (the backup was checked whole
    when it was made): for choosing one quickly, before the restore checks it whole.
    """
    if not path.is_file():
        raise DatabaseError(QT_TRANSLATE_NOOP("Errors", "There is no file {file}."), file=str(path))
    if not has_sqlite_header(path):
        raise DatabaseError(
            QT_TRANSLATE_NOOP("Errors", "{file} is not a reqdesk database or backup."),
            file=str(path),
        )
    try:
        conn = sqlite3.connect(sqlite_uri(path), uri=True)
        try:
            problems = ["ok"]
            if full or path.stat().st_size <= QUICK_CHECK_MAX_BYTES:
                problems = [r[0] for r in conn.execute("PRAGMA integrity_check(5)")]
            has_version = conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
            ).fetchone()
            revision = (
                conn.execute("SELECT version_num FROM alembic_version").fetchone()
                if has_version
                else None
            )
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise DatabaseError(
            QT_TRANSLATE_NOOP("Errors", "{file} cannot be read: {reason}"),
            file=str(path),
            reason=str(exc),
        ) from None
    if problems != ["ok"]:
        raise DatabaseError(
            QT_TRANSLATE_NOOP("Errors", "{file} is damaged and cannot be restored."),
            file=str(path),
        )
    if revision is None:
        raise DatabaseError(
            QT_TRANSLATE_NOOP("Errors", "{file} is not a reqdesk database or backup."),
            file=str(path),
        )
    if revision[0] not in known_revisions():
        raise DatabaseError(
            QT_TRANSLATE_NOOP(
                "Errors", "{file} was written by a newer version of reqdesk. Install it first."
            ),
            file=str(path),
        )
    return str(revision[0])


def has_sqlite_header(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def list_backups_in(db_file: Path, folders: Iterable[Path]) -> list[BackupInfo]:
    """The backups of ``db_file`` in several folders (each looked at once), newest first."""
    seen: set[Path] = set()
    found: list[BackupInfo] = []
    for folder in folders:
        key = Path(os.path.abspath(folder))
        if key not in seen:
            seen.add(key)
            found += list_backups(db_file, folder)
    return sorted(found, key=lambda b: (b.taken_at, b.path.name), reverse=True)


def latest_good_backup(db_file: Path, folders: Iterable[Path] | None = None) -> BackupInfo | None:
    """The newest backup that passes :func:`check_backup` (damaged ones are skipped), in
    ``folders`` (default: the backups folder beside the database)."""
    candidates = list_backups_in(db_file, folders or [paths.backups_dir(db_file)])
    for backup in candidates:
        if not _restorable(backup):
            continue
        try:
            check_backup(backup.path, full=False)
        except DatabaseError as error:
            log.warning("Skipping backup %s: %s", backup.path, error)
            continue
        return backup
    return None


def restore(db_file: Path, source: Path, *, now: datetime) -> Path | None:
    """Replace ``db_file`` with the backup ``source``.

    The backup is checked first. Nobody else may have the database open (another copy
    of reqdesk, here or on another PC): the restore takes it exclusively or refuses. The
    current file is backed up first; only a file too damaged to copy is moved aside
    into the backups folder instead. Returns that safety copy (None: no current file).
    """
    check_backup(source)
    if db_file.exists() and source.resolve() == db_file.resolve():
        raise DatabaseError(
            QT_TRANSLATE_NOOP("Errors", "{file} is the database itself. Choose a backup."),
            file=str(source),
        )
    safety = _set_current_aside(db_file, now) if db_file.exists() else None
    try:
        _copy_into(source, db_file)
    except sqlite3.Error as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise _in_use(db_file) from None
        raise DatabaseError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "Restoring {backup} failed: {reason}. The previous database is kept as {safety}.",
            ),
            backup=str(source),
            reason=str(exc),
            safety=str(safety or ""),
        ) from None
    log.info("Restored %s from %s (previous copy: %s)", db_file, source, safety)
    return safety


def _in_use(db_file: Path) -> DatabaseError:
    return DatabaseError(
        QT_TRANSLATE_NOOP(
            "Errors",
            "{db} is open in reqdesk on this or another PC. Close reqdesk everywhere, then "
            "restore again. Nothing was changed.",
        ),
        db=str(db_file),
    )


def _exclusive(db_file: Path) -> sqlite3.Connection:
    """A connection holding the database alone until it closes (fails while others have it
    open: an idle reqdesk holds a shared lock in WAL mode)."""
    conn = sqlite3.connect(db_file, timeout=2, isolation_level=None)
    try:
        conn.execute("PRAGMA locking_mode=EXCLUSIVE")
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("COMMIT")  # the exclusive lock stays in this locking mode
    except sqlite3.Error:
        conn.close()
        raise
    return conn


def _copy_into(source: Path, db_file: Path) -> None:
    """Write the backup's pages into the database file through SQLite, holding it alone."""
    src = sqlite3.connect(sqlite_uri(source), uri=True)
    try:
        dst = _exclusive(db_file)
        try:
            src.backup(dst, pages=-1)
            problems = [r[0] for r in dst.execute("PRAGMA integrity_check(5)")]
        finally:
            dst.close()
    finally:
        src.close()
    if problems != ["ok"]:
        raise sqlite3.DatabaseError("; ".join(problems))


def _set_current_aside(db_file: Path, now: datetime) -> Path:
    """Back up the current file before a restore; a damaged one is moved aside instead."""
    if not _damaged(db_file):
        try:
            probe = _exclusive(db_file)
        except sqlite3.Error:
            raise _in_use(db_file) from None
        probe.close()
        return take_backup(db_file, kind=BackupKind.BEFORE_RESTORE, now=now)
    target = _free_name(paths.backups_dir(db_file) / backup_name(db_file, BackupKind.DAMAGED, now))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(db_file, target)
        for suffix in ("-wal", "-shm"):  # never left to be replayed into the restored file
            extra = db_file.with_name(db_file.name + suffix)
            if extra.exists():
                os.replace(extra, target.with_name(target.name + suffix))
    except OSError as exc:
        raise DatabaseError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The damaged file {db} cannot be moved aside: {reason}. Close every program "
                "using it and try again.",
            ),
            db=str(db_file),
            reason=exc.strerror or str(exc),
        ) from None
    log.warning("Moved the damaged database %s aside to %s", db_file, target)
    return target


def _damaged(db_file: Path) -> bool:
    """True only when the file's content is broken (not when it is busy or unreadable)."""
    if not has_sqlite_header(db_file):
        return db_file.stat().st_size > 0
    try:
        conn = sqlite3.connect(sqlite_uri(db_file), uri=True)
        try:
            result = [r[0] for r in conn.execute("PRAGMA quick_check(1)")]
        finally:
            conn.close()
    except sqlite3.Error as exc:
        return is_damage(exc)
    return result != ["ok"]
