"""A database that cannot be used is refused clearly and left as it was; nothing replaces it."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from reqdesk import backups, cli, i18n
from reqdesk.db import (
    DatabaseDamaged,
    DatabaseError,
    DatabaseReadOnly,
    DatabaseTooNew,
    NotAReqdeskDatabase,
    open_database,
)
from reqdesk.paths import network_filesystem
from tests.reliability.test_backups import corrupt_pages

TRACEBACK_WORDS = ("Traceback", "sqlite3.", "OperationalError", 'File "')


@pytest.fixture
def good_file(migrated_template: Path, tmp_path: Path) -> Path:
    from tests.conftest import copy_db

    path = copy_db(migrated_template, tmp_path / "reqdesk.db")
    open_database(path).dispose()  # as the program leaves it (WAL)
    return path


def damage(path: Path, how: str) -> None:
    if how == "pages":
        corrupt_pages(path)
    elif how == "garbage":
        path.write_bytes(b"GARBAGE" * 20_000)
    elif how == "pdf":
        path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + b"0" * 50_000)
    elif how == "truncated":
        path.write_bytes(path.read_bytes()[:3000])
    elif how == "newer":
        conn = sqlite3.connect(path)
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
        conn.commit()
        conn.close()
    elif how == "foreign":
        path.unlink()
        conn = sqlite3.connect(path)
        conn.execute("CREATE TABLE invoices (id INTEGER)")
        conn.commit()
        conn.close()


CASES = [
    ("pages", (DatabaseDamaged, NotAReqdeskDatabase), "损坏"),
    ("truncated", (DatabaseDamaged, NotAReqdeskDatabase), "损坏"),
    ("garbage", (NotAReqdeskDatabase,), "不是 reqdesk 数据库"),
    ("pdf", (NotAReqdeskDatabase,), "不是 reqdesk 数据库"),
    ("foreign", (NotAReqdeskDatabase,), "不是 reqdesk 数据库"),
    ("newer", (DatabaseTooNew,), "更新版本"),
]


@pytest.mark.parametrize(("how", "errors", "words"), CASES, ids=[c[0] for c in CASES])
def test_unusable_files_are_refused_and_left_untouched(
    good_file: Path, how: str, errors: tuple[type[DatabaseError], ...], words: str
) -> None:
    damage(good_file, how)
    before = good_file.read_bytes()
    with pytest.raises(errors):
        open_database(good_file)
    assert good_file.read_bytes() == before


@pytest.mark.parametrize(("how", "errors", "words"), CASES, ids=[c[0] for c in CASES])
def test_the_command_line_says_so_in_one_line_and_names_the_way_out(
    good_file: Path,
    how: str,
    errors: object,
    words: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    damage(good_file, how)
    before = good_file.read_bytes()
    target = str(good_file.parent / "x.xlsx")
    args = ["export", "customers", target, "--db", str(good_file), "--user", "admin"]
    assert cli.main(args) == 1
    lines = [line for line in capsys.readouterr().err.splitlines() if line.startswith("reqdesk:")]
    err = "\n".join(lines)
    assert words in lines[0]
    assert ("reqdesk restore --latest" in err) == (how != "newer")
    assert len(lines) <= 2
    assert not any(word in err for word in TRACEBACK_WORDS)
    assert good_file.read_bytes() == before


def test_a_damaged_file_opens_again_after_restoring_the_latest_backup(
    good_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backups.take_backup(good_file, kind=backups.BackupKind.DAILY, now=_now())
    corrupt_pages(good_file)
    with pytest.raises(DatabaseError):
        open_database(good_file)
    assert cli.main(["restore", "--latest", "--db", str(good_file)]) == 0
    out = capsys.readouterr().out
    assert str(good_file) in out and "-daily-" in out
    open_database(good_file).dispose()
    assert sorted(b.kind for b in backups.list_backups(good_file)) == ["daily", "damaged"]


def _now() -> datetime:
    return datetime(2026, 11, 22, 8, 0)


@pytest.fixture
def read_only(good_file: Path) -> Iterator[Path]:
    """The database file made unwritable, for root too (immutable attribute) when possible."""
    if os.geteuid() == 0:
        if shutil.which("chattr") is None:
            pytest.skip("running as root without chattr: cannot make a file read-only")
        done = subprocess.run(["chattr", "+i", str(good_file)], capture_output=True)
        if done.returncode != 0:
            pytest.skip("running as root and the file system refuses chattr +i")
        try:
            yield good_file
        finally:
            subprocess.run(["chattr", "-i", str(good_file)], check=False)
        return
    good_file.chmod(0o444)
    try:
        yield good_file
    finally:
        good_file.chmod(0o644)


def test_a_read_only_database_is_refused_with_what_to_do(read_only: Path) -> None:
    with pytest.raises(DatabaseReadOnly) as caught:
        open_database(read_only)
    assert "read-only" in str(caught.value)


def test_nothing_is_created_when_the_file_is_refused(good_file: Path) -> None:
    damage(good_file, "garbage")
    names = sorted(p.name for p in good_file.parent.iterdir())
    with pytest.raises(DatabaseError):
        open_database(good_file)
    assert sorted(p.name for p in good_file.parent.iterdir()) == names


MOUNTS = """\
/dev/sda1 / ext4 rw 0 0
server:/export /mnt/nas nfs4 rw 0 0
//fs/office /mnt/office\\040share cifs rw 0 0
tmpfs /tmp tmpfs rw 0 0
"""


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("/mnt/nas/reqdesk/reqdesk.db", "nfs4"),
        ("/mnt/office share/reqdesk.db", "cifs"),
        ("/mnt/nasty/reqdesk.db", None),
        ("/tmp/reqdesk.db", None),
        ("/home/desk/reqdesk.db", None),
        ("//server/share/reqdesk.db", "UNC"),
    ],
)
def test_network_shares_are_recognised(path: str, kind: str | None) -> None:
    assert network_filesystem(Path(path), MOUNTS) == kind


def test_a_save_that_waits_too_long_for_another_copy_says_so(
    good_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import reqdesk.db as db_module
    from reqdesk.services.context import DatabaseBusy
    from reqdesk.services.setup import initialise

    monkeypatch.setattr(db_module, "BUSY_TIMEOUT_MS", 300)
    pragmas = tuple(p for p in db_module.SQLITE_PRAGMAS if "busy_timeout" not in p)
    monkeypatch.setattr(db_module, "SQLITE_PRAGMAS", (*pragmas, "PRAGMA busy_timeout=300"))
    db = open_database(good_file)
    other = sqlite3.connect(good_file, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")  # another copy in the middle of a long save
        with pytest.raises(DatabaseBusy) as caught:
            initialise(
                db,
                company_name="甲公司",
                site_code="SH01",
                admin_username="admin",
                admin_full_name="管理员",
                admin_password="admin-pass-1",
            )
        assert "另一个" in i18n.error_text(caught.value)
        other.execute("ROLLBACK")
        initialise(
            db,
            company_name="甲公司",
            site_code="SH01",
            admin_username="admin",
            admin_full_name="管理员",
            admin_password="admin-pass-1",
        )
    finally:
        other.close()
        db.dispose()
