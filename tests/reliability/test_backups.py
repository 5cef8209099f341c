"""Backups: checked copies, once a day, rotation, listing, restore (file and service level)."""

from __future__ import annotations

import shutil
import sqlite3
import threading
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from reqdesk import backups
from reqdesk.backups import BackupKind, Rotation
from reqdesk.db import HEAD_REVISION, Database, DatabaseError, open_database
from reqdesk.models import AuditEntry, User
from reqdesk.models.enums import Role
from reqdesk.services import backups as backup_service
from reqdesk.services.audit import Action
from reqdesk.services.context import Context
from reqdesk.services.errors import PermissionDenied
from reqdesk.services.users import create_user

NOW = datetime(2026, 11, 22, 9, 30)


def _file(db: Database) -> Path:
    path = db.sqlite_path
    assert path is not None
    return path


def _users(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("SELECT username FROM app_user ORDER BY username")]
    finally:
        conn.close()


def _add_user(ctx: Context, name: str) -> None:
    create_user(ctx, username=name, full_name=name, roles=[Role.OPERATOR], password="secret-123")


def test_a_backup_is_a_checked_self_contained_copy(admin_ctx: Context) -> None:
    made = backups.take_backup(_file(admin_ctx.db), now=NOW)
    assert made.parent == _file(admin_ctx.db).parent / "backups"
    assert made.name == "reqdesk-manual-20261122-093000.db"
    assert backups.check_backup(made) == HEAD_REVISION
    assert _users(made) == ["admin"]
    assert not made.with_name(made.name + "-wal").exists()
    again = backups.take_backup(_file(admin_ctx.db), now=NOW)  # same second: a new name
    assert again != made and again.exists()


def test_backup_runs_while_another_connection_keeps_writing(admin_ctx: Context) -> None:
    stop = threading.Event()
    written: list[int] = []

    def writer() -> None:
        conn = sqlite3.connect(_file(admin_ctx.db), timeout=10)
        conn.execute("CREATE TABLE IF NOT EXISTS scratch (n INTEGER)")
        n = 0
        while not stop.is_set():
            n += 1
            conn.execute("INSERT INTO scratch VALUES (?)", (n,))
            conn.commit()
            written.append(n)
        conn.close()

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        for _ in range(500):
            if len(written) >= 50:
                break
            stop.wait(0.01)
        assert len(written) >= 50, "the writer did not get going"
        made = [backups.take_backup(_file(admin_ctx.db), now=NOW) for _ in range(5)]
    finally:
        stop.set()
        thread.join()
    for path in made:
        assert backups.check_backup(path) == HEAD_REVISION


def test_the_automatic_backup_runs_once_a_day(admin_ctx: Context) -> None:
    path = _file(admin_ctx.db)
    first = backups.automatic_backup(path, now=NOW)
    assert first is not None and "-daily-" in first.name
    assert backups.automatic_backup(path, now=NOW + timedelta(hours=5)) is None
    assert backups.automatic_backup(path, now=NOW + timedelta(days=1)) is not None
    assert [b.kind for b in backups.list_backups(path)] == ["daily", "daily"]


def test_rotation_keeps_7_daily_4_weekly_12_monthly(admin_ctx: Context) -> None:
    path = _file(admin_ctx.db)
    start = datetime(2025, 1, 1, 8, 0)
    for day in range(700):  # almost two years of daily start-ups
        backups.take_backup(path, kind=BackupKind.DAILY, now=start + timedelta(days=day))
    backups.rotate(path, Rotation())
    kept = sorted(b.taken_at for b in backups.list_backups(path))
    newest = start + timedelta(days=699)
    daily = {newest.date() - timedelta(days=n) for n in range(7)}
    assert daily <= {t.date() for t in kept}
    newest_week = newest.isocalendar()
    weekly = {(newest - timedelta(weeks=n)).isocalendar()[:2] for n in range(4)}
    assert weekly <= {t.isocalendar()[:2] for t in kept}
    months = {(t.year, t.month) for t in kept}
    assert len(months) == 12
    assert len(kept) <= 7 + 4 + 12
    assert min(kept) > newest - timedelta(days=366)
    assert newest_week  # the newest week is among the weekly ones above


def test_rotation_with_no_weekly_keeps_no_extra_weeks(admin_ctx: Context) -> None:
    path = _file(admin_ctx.db)
    start = datetime(2026, 6, 1, 8, 0)
    for day in range(60):
        backups.take_backup(path, kind=BackupKind.DAILY, now=start + timedelta(days=day))
    backups.rotate(path, Rotation(daily=3, weekly=0, monthly=0))
    kept = [b.taken_at.date() for b in backups.list_backups(path)]
    last = (start + timedelta(days=59)).date()
    assert kept == [last - timedelta(days=n) for n in range(3)]


def test_rotation_never_removes_safety_copies_or_set_aside_files(admin_ctx: Context) -> None:
    path = _file(admin_ctx.db)
    day = datetime(2026, 3, 10, 9, 0)
    for n in range(8):
        backups.take_backup(path, kind=BackupKind.BEFORE_RESTORE, now=day + timedelta(hours=n))
    good = backups.take_backup(path, kind=BackupKind.DAILY, now=day)
    damaged = backups.take_backup(path, kind=BackupKind.DAILY, now=day + timedelta(hours=1))
    damaged = damaged.rename(damaged.with_name(damaged.name.replace("-daily-", "-damaged-")))
    later = backups.take_backup(path, kind=BackupKind.DAILY, now=day + timedelta(days=30))
    backups.rotate(path, Rotation(daily=1, weekly=0, monthly=0))
    left = {b.path: b.kind for b in backups.list_backups(path)}
    assert later in left and damaged in left and good not in left
    assert list(left.values()).count("before-restore") == 5
    assert left[damaged] == "damaged"


def test_the_copy_made_before_a_restore_is_listed(admin_ctx: Context) -> None:
    path = _file(admin_ctx.db)
    made = backups.take_backup(path, now=NOW)
    admin_ctx.db.dispose()
    safety = backups.restore(path, made, now=NOW + timedelta(minutes=1))
    assert safety is not None
    listed = {b.path: b.kind for b in backups.list_backups(path)}
    assert listed == {made: "manual", safety: "before-restore"}


def test_a_backup_cut_short_is_never_taken_for_a_finished_one(admin_ctx: Context) -> None:
    path = _file(admin_ctx.db)
    folder = path.parent / "backups"
    folder.mkdir()
    cut = folder / "reqdesk-daily-20261122-080000.db.partial"
    cut.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    assert backups.list_backups(path) == []
    made = backups.automatic_backup(path, now=NOW)
    assert made is not None and not cut.exists()


def test_restore_refuses_while_another_copy_has_the_database_open(admin_ctx: Context) -> None:
    path = _file(admin_ctx.db)
    made = backups.take_backup(path, now=NOW)
    _add_user(admin_ctx, "later")
    with admin_ctx.reading() as session:  # leaves a pooled connection: an open reqdesk
        session.scalar(select(User.id).limit(1))
    with pytest.raises(DatabaseError, match="open in reqdesk"):
        backups.restore(path, made, now=NOW)
    admin_ctx.db.dispose()
    assert _users(path) == ["admin", "later"]
    assert [b.kind for b in backups.list_backups(path)] == ["manual"]


def test_rotation_ignores_other_databases_and_foreign_files(admin_ctx: Context) -> None:
    path = _file(admin_ctx.db)
    folder = path.parent / "backups"
    folder.mkdir()
    (folder / "notes.txt").write_text("keep me")
    (folder / "other-daily-20200101-000000.db").write_bytes(b"")
    for day in range(30):
        backups.take_backup(path, kind=BackupKind.DAILY, now=NOW - timedelta(days=day))
    backups.rotate(path, Rotation(daily=2, weekly=0, monthly=0))
    assert len(backups.list_backups(path)) == 2
    assert (folder / "notes.txt").exists()
    assert (folder / "other-daily-20200101-000000.db").exists()


def test_restore_backs_up_the_current_file_first_and_records_itself(admin_ctx: Context) -> None:
    path = _file(admin_ctx.db)
    made = backups.take_backup(path, now=NOW)
    _add_user(admin_ctx, "later")
    admin_ctx.db.dispose()
    restored = backup_service.restore_database(path, made, now=NOW + timedelta(hours=1), by="t")
    assert _users(path) == ["admin"]
    assert restored.safety_copy is not None and "before-restore" in restored.safety_copy.name
    assert _users(restored.safety_copy) == ["admin", "later"]
    db = open_database(path)
    try:
        with db.read_sessions() as session:
            entry = session.scalars(
                select(AuditEntry).where(AuditEntry.action == Action.RESTORE)
            ).one()
        assert made.name in entry.details
    finally:
        db.dispose()


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "not a reqdesk database"),
        (b"%PDF-1.7\n" + b"x" * 5000, "not a reqdesk database"),
        (None, "no file"),
    ],
)
def test_restore_refuses_a_file_that_is_not_a_good_backup(
    admin_ctx: Context, tmp_path: Path, content: bytes | None, problem: str
) -> None:
    path = _file(admin_ctx.db)
    source = tmp_path / "candidate.db"
    if content is not None:
        source.write_bytes(content)
    admin_ctx.db.dispose()
    before = path.read_bytes()
    with pytest.raises(DatabaseError) as caught:
        backups.restore(path, source, now=NOW)
    assert problem in str(caught.value)
    assert path.read_bytes() == before
    assert backups.list_backups(path) == []


def test_restore_refuses_a_damaged_or_newer_backup(admin_ctx: Context, tmp_path: Path) -> None:
    path = _file(admin_ctx.db)
    newer = tmp_path / "newer.db"
    shutil.copyfile(backups.take_backup(path, now=NOW), newer)
    conn = sqlite3.connect(newer)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseError, match="newer version"):
        backups.check_backup(newer)
    damaged = tmp_path / "damaged.db"
    shutil.copyfile(backups.take_backup(path, now=NOW), damaged)
    corrupt_pages(damaged)
    with pytest.raises(DatabaseError, match=r"damaged|not a reqdesk|cannot be read"):
        backups.check_backup(damaged)


def corrupt_pages(path: Path) -> None:
    """Overwrite pages in the middle of a SQLite file with garbage (a failing disk)."""
    data = bytearray(path.read_bytes())
    page = 4096
    for start in range(2 * page, len(data) - page, 3 * page):
        data[start + 8 : start + 600] = b"\xa5" * 592
    path.write_bytes(bytes(data))


def test_a_damaged_current_file_is_moved_aside_and_the_backup_restored(
    admin_ctx: Context,
) -> None:
    path = _file(admin_ctx.db)
    made = backups.take_backup(path, now=NOW)
    admin_ctx.db.dispose()
    path.write_bytes(b"this is no longer a database")
    restored = backup_service.restore_database(path, made, now=NOW, by="t")
    assert restored.safety_copy is not None and "-damaged-" in restored.safety_copy.name
    assert restored.safety_copy.read_bytes() == b"this is no longer a database"
    assert _users(path) == ["admin"]
    assert backups.latest_good_backup(path) is not None
    assert backups.latest_good_backup(path).kind != BackupKind.DAMAGED  # type: ignore[union-attr]


def test_latest_good_backup_skips_damaged_ones(admin_ctx: Context) -> None:
    path = _file(admin_ctx.db)
    good = backups.take_backup(path, kind=BackupKind.DAILY, now=NOW - timedelta(days=1))
    bad = backups.take_backup(path, kind=BackupKind.DAILY, now=NOW)
    corrupt_pages(bad)
    bad.write_bytes(bad.read_bytes()[:1000])
    latest = backups.latest_good_backup(path)
    assert latest is not None and latest.path == good


def test_gui_backups_need_the_backup_permission(admin_ctx: Context) -> None:
    _add_user(admin_ctx, "desk")
    with admin_ctx.reading() as session:
        desk_id = session.scalar(select(User.id).where(User.username == "desk"))
    from reqdesk.services.context import Actor

    desk = admin_ctx.as_actor(Actor(desk_id, "desk", "desk", frozenset({Role.OPERATOR})))
    with pytest.raises(PermissionDenied):
        backup_service.back_up_now(desk)
    with pytest.raises(PermissionDenied):
        backup_service.restore_from(desk, Path("whatever.db"))
    made = backup_service.back_up_now(admin_ctx)
    assert [b.path for b in backup_service.list_backups(admin_ctx)] == [made]
    with admin_ctx.reading() as session:
        count = session.scalar(select(func.count()).where(AuditEntry.action == Action.BACKUP))
    assert count == 1
