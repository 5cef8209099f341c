"""Changes made to the audit log behind the program's back, as ``reqdesk check`` reports them."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from reqdesk import backups, cli
from reqdesk.db import open_database
from reqdesk.models.enums import Role
from reqdesk.services.backups import restore_database
from reqdesk.services.context import Context
from reqdesk.services.setup import open_context
from reqdesk.services.users import create_user


def _history(ctx: Context, n: int = 6, prefix: str = "user") -> Path:
    for i in range(n):
        create_user(
            ctx,
            username=f"{prefix}{i}",
            full_name=f"用户{i}",
            roles=[Role.OPERATOR],
            password="pass-word-1",
        )
    path = ctx.db.sqlite_path
    assert path is not None
    ctx.db.dispose()
    return path


def _sql(path: Path, statement: str, *params: object) -> None:
    conn = sqlite3.connect(path)
    conn.execute(statement, params)
    conn.commit()
    conn.close()


def _ids(path: Path) -> list[int]:
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("SELECT id FROM audit_entry ORDER BY id")]
    finally:
        conn.close()


def _check(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = cli.main(["check", "--db", str(path)])
    return code, capsys.readouterr().out


def test_an_untouched_log_passes(admin_ctx: Context, capsys: pytest.CaptureFixture[str]) -> None:
    path = _history(admin_ctx)
    code, out = _check(path, capsys)
    assert code == 0 and "audit entry" not in out


def test_an_edited_entry_is_named(admin_ctx: Context, capsys: pytest.CaptureFixture[str]) -> None:
    path = _history(admin_ctx)
    victim = _ids(path)[3]
    _sql(path, "UPDATE audit_entry SET username = 'mallory' WHERE id = ?", victim)
    code, out = _check(path, capsys)
    assert code == 1
    assert f"audit entry #{victim}: content was altered outside reqdesk" in out


def test_a_deleted_entry_is_named_by_its_successor(
    admin_ctx: Context, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _history(admin_ctx)
    ids = _ids(path)
    _sql(path, "DELETE FROM audit_entry WHERE id = ?", ids[2])
    code, out = _check(path, capsys)
    assert code == 1
    assert f"audit entry #{ids[3]}: does not follow the entry before it" in out


def test_an_inserted_entry_is_named(admin_ctx: Context, capsys: pytest.CaptureFixture[str]) -> None:
    path = _history(admin_ctx)
    conn = sqlite3.connect(path)
    row = conn.execute("SELECT * FROM audit_entry ORDER BY id DESC LIMIT 1").fetchone()
    columns = [c[1] for c in conn.execute("PRAGMA table_info(audit_entry)")]
    forged = dict(zip(columns, row, strict=True))
    forged.update(
        id=row[0] + 1, uuid="forged-0000", username="mallory", prev_hash=forged["entry_hash"]
    )
    forged["entry_hash"] = "e" * 64
    marks = ", ".join("?" for _ in columns)
    conn.execute(
        f"INSERT INTO audit_entry ({', '.join(columns)}) VALUES ({marks})", list(forged.values())
    )
    conn.commit()
    conn.close()
    code, out = _check(path, capsys)
    assert code == 1
    assert f"audit entry #{row[0] + 1}: content was altered outside reqdesk" in out


def test_cutting_off_the_newest_entries_is_found_through_the_backups(
    admin_ctx: Context, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _history(admin_ctx)
    backups.take_backup(path, kind=backups.BackupKind.DAILY, now=datetime.now())
    ids = _ids(path)
    _sql(path, "DELETE FROM audit_entry WHERE id >= ?", ids[-2])
    code, out = _check(path, capsys)
    assert code == 1
    assert f"audit entry #{ids[-1]}: is missing here but is in the backup of" in out


def test_a_restore_to_an_older_backup_is_not_taken_for_tampering(
    admin_ctx: Context, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _history(admin_ctx, 2)
    now = datetime.now()
    old = backups.take_backup(path, kind=backups.BackupKind.DAILY, now=now - timedelta(days=1))
    db = open_database(path)  # later work (audited), a backup of it, then a restore
    _history(open_context(db).as_actor(admin_ctx.actor), 1, prefix="later")
    backups.take_backup(path, kind=backups.BackupKind.DAILY, now=now - timedelta(minutes=5))
    restore_database(path, old, now=now, by="test")
    code, out = _check(path, capsys)
    assert code == 0, out
