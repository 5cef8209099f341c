"""A database that cannot be used at start-up: one dialog, and each of its three ways out."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog, QLineEdit, QMessageBox

from reqdesk import backups
from reqdesk.db import Database
from reqdesk.services.context import Context
from reqdesk.ui.startup import StartupProblemBox, open_or_recover
from tests.reliability.test_backups import corrupt_pages


@pytest.fixture
def damaged_with_backup(admin_ctx: Context) -> Path:
    path = admin_ctx.db.sqlite_path
    assert path is not None
    admin_ctx.db.dispose()
    backups.take_backup(path, kind=backups.BackupKind.DAILY, now=datetime(2026, 11, 21, 8, 0))
    corrupt_pages(path)
    return path


def _choose(button: str) -> Callable[[StartupProblemBox], None]:
    def act(box: StartupProblemBox) -> None:
        seen.append((box.text(), box.informativeText(), box.restore_button is not None))
        getattr(box, button).click()

    seen: list[tuple[str, str, bool]] = []
    act.seen = seen  # type: ignore[attr-defined]
    return act


def _answer_yes(monkeypatch: pytest.MonkeyPatch, asked: list[str]) -> None:
    def yes(_parent: Any, _title: str, text: str, *args: Any, **kwargs: Any) -> Any:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", staticmethod(yes))


def test_restore_the_latest_good_backup(
    on_dialog: Any, damaged_with_backup: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    _answer_yes(monkeypatch, asked)
    choose = _choose("restore_button")
    on_dialog(StartupProblemBox, choose)
    db = open_or_recover(damaged_with_backup)
    assert isinstance(db, Database)
    try:
        with db.read_sessions() as session:
            from sqlalchemy import text

            names = list(session.execute(text("SELECT username FROM app_user")).scalars())
        assert names == ["admin"]
    finally:
        db.dispose()
    text_, informative, offered = choose.seen[0]  # type: ignore[attr-defined]
    assert "损坏" in text_ and offered
    assert "reqdesk-daily-20261121-080000.db" in informative
    kinds = sorted(b.kind for b in backups.list_backups(damaged_with_backup))
    assert kinds == ["daily", "damaged"]
    assert "2026-11-21 08:00" in asked[0]  # the user is told what the backup lacks


def test_declining_the_confirmation_restores_nothing(
    on_dialog: Any, damaged_with_backup: Path, message_boxes: list[tuple[str, str]]
) -> None:
    before = damaged_with_backup.read_bytes()
    on_dialog(StartupProblemBox, _choose("restore_button"))
    assert open_or_recover(damaged_with_backup) is None  # "No" to the question
    assert message_boxes[0][0] == "question"
    assert damaged_with_backup.read_bytes() == before


def test_a_newer_database_is_never_offered_for_replacement(
    on_dialog: Any, admin_ctx: Context
) -> None:
    path = admin_ctx.db.sqlite_path
    assert path is not None
    backups.take_backup(path, kind=backups.BackupKind.DAILY, now=datetime(2026, 11, 21, 8, 0))
    admin_ctx.db.dispose()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    choose = _choose("quit_button")
    on_dialog(StartupProblemBox, choose)
    assert open_or_recover(path) is None
    text_, _informative, offered = choose.seen[0]  # type: ignore[attr-defined]
    assert "更新版本" in text_ and not offered


def test_quit_leaves_the_file_as_it_was(on_dialog: Any, damaged_with_backup: Path) -> None:
    before = damaged_with_backup.read_bytes()
    on_dialog(StartupProblemBox, _choose("quit_button"))
    assert open_or_recover(damaged_with_backup) is None
    assert damaged_with_backup.read_bytes() == before


@pytest.mark.parametrize("key", ["Escape", "Return"])
def test_escape_and_enter_mean_quit(
    qtbot: Any, on_dialog: Any, damaged_with_backup: Path, key: str
) -> None:
    from PySide6.QtCore import Qt

    before = damaged_with_backup.read_bytes()
    pressed = getattr(Qt.Key, f"Key_{key}")
    on_dialog(StartupProblemBox, lambda box: qtbot.keyClick(box, pressed))
    assert open_or_recover(damaged_with_backup) is None
    assert damaged_with_backup.read_bytes() == before


def test_open_another_file(
    on_dialog: Any, tmp_path: Path, migrated_template: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"not a database at all" * 100)
    other = tmp_path / "other.db"
    other.write_bytes(migrated_template.read_bytes())
    choose = _choose("open_button")
    on_dialog(StartupProblemBox, choose)

    def pick(dialog: QFileDialog) -> None:  # types the path, as a user would
        dialog.findChild(QLineEdit, "fileNameEdit").setText(str(other))
        dialog.accept()

    on_dialog(QFileDialog, pick)
    db = open_or_recover(garbage)
    assert isinstance(db, Database)
    assert db.sqlite_path == other
    db.dispose()
    assert choose.seen[0][2] is False  # type: ignore[attr-defined]
    assert "没有" in choose.seen[0][1]  # type: ignore[attr-defined]
    assert os.path.getsize(garbage) == len(b"not a database at all" * 100)


def test_a_database_chosen_in_settings_that_fails_can_be_forgotten(
    on_dialog: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Settings named a database that cannot be opened: "Use the default database" clears
    the setting and opens this PC's own file, now and at the next start."""
    from reqdesk import local_settings, paths

    monkeypatch.setenv(paths.DATA_DIR_ENV, str(tmp_path / "data"))
    monkeypatch.delenv(local_settings.DB_ENV, raising=False)
    gone = tmp_path / "a-folder-not-a-database"
    gone.mkdir()
    local_settings.set_database(str(gone))
    chooser = _choose("default_button")
    on_dialog(StartupProblemBox, chooser)
    db = open_or_recover(local_settings.choose_database(None))
    assert db is not None and db.sqlite_path == paths.default_db_path()
    db.dispose()
    assert "folder" in chooser.seen[0][0] or "文件夹" in chooser.seen[0][0]
    assert local_settings.database() is None


def test_a_database_named_on_the_command_line_offers_no_default(
    on_dialog: Any, tmp_path: Path
) -> None:
    seen: list[object] = []

    def look(box: StartupProblemBox) -> None:
        seen.append(box.default_button)
        box.quit_button.click()

    on_dialog(StartupProblemBox, look)
    assert open_or_recover(tmp_path) is None
    assert seen == [None]
