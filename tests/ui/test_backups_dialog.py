"""Tools → Backups, choosing a new password after a reset, and the network-share warning."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox
from sqlalchemy.engine import URL

from reqdesk import backups
from reqdesk.models.enums import Role
from reqdesk.services import auth, users
from reqdesk.services.context import Context
from reqdesk.ui.backups_dialog import BackupsDialog
from reqdesk.ui.main_window import MainWindow
from reqdesk.ui.password_dialog import ChangePasswordDialog
from reqdesk.ui.startup import warn_about_network_share


def test_back_up_now_lists_the_new_backup(
    qtbot: Any, admin_ctx: Context, message_boxes: Any
) -> None:
    dialog = BackupsDialog(admin_ctx)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 0 and not dialog.restore_button.isEnabled()
    dialog.backup_button.click()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=10_000)
    qtbot.waitUntil(lambda: bool(message_boxes), timeout=5000)
    assert message_boxes[0][0] == "information" and "-manual-" in message_boxes[0][1]
    assert dialog.table.item(0, 1).text() == "手动备份"
    assert dialog.restore_button.isEnabled()


def test_restoring_from_the_list_replaces_the_database(
    qtbot: Any, admin_ctx: Context, monkeypatch: Any, message_boxes: Any
) -> None:
    path = admin_ctx.db.sqlite_path
    assert path is not None
    backups.take_backup(path, kind=backups.BackupKind.DAILY, now=datetime(2026, 11, 21, 8, 0))
    users.create_user(
        admin_ctx, username="later", full_name="后加", roles=[Role.OPERATOR], password="pass-word-1"
    )
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)
    )
    dialog = BackupsDialog(admin_ctx)
    qtbot.addWidget(dialog)
    assert dialog.table.item(0, 1).text() == "每日（自动）"
    dialog.restore_button.click()
    qtbot.waitUntil(lambda: dialog.restored is not None, timeout=10_000)
    assert "reqdesk-daily-20261121-080000.db" in message_boxes[-1][1]
    ctx = replace(admin_ctx, actor=None)
    assert [u.username for u in users.list_users(ctx)] == ["admin"]


def test_declining_the_restore_changes_nothing(
    qtbot: Any, admin_ctx: Context, message_boxes: Any
) -> None:
    path = admin_ctx.db.sqlite_path
    assert path is not None
    backups.take_backup(path, kind=backups.BackupKind.DAILY, now=datetime(2026, 11, 21, 8, 0))
    users.create_user(
        admin_ctx, username="later", full_name="后加", roles=[Role.OPERATOR], password="pass-word-1"
    )
    dialog = BackupsDialog(admin_ctx)
    qtbot.addWidget(dialog)
    dialog.restore_button.click()  # the fixture answers No
    assert dialog.restored is None
    assert [u.username for u in users.list_users(admin_ctx)] == ["admin", "later"]


def test_only_the_administrator_sees_the_backups_entry(qtbot: Any, admin_ctx: Context) -> None:
    users.create_user(
        admin_ctx, username="desk", full_name="前台", roles=[Role.OPERATOR], password="pass-word-1"
    )
    for ctx, expected in (
        (admin_ctx, True),
        (admin_ctx.as_actor(auth.login(admin_ctx, "desk", "pass-word-1")), False),
    ):
        window = MainWindow(ctx, "公司")
        qtbot.addWidget(window)
        texts = [a.text() for a in window.findChildren(QAction)]
        assert ("备份(&B)…" in texts) is expected


def test_a_new_password_is_required_after_a_reset(qtbot: Any, admin_ctx: Context) -> None:
    desk = users.create_user(
        admin_ctx, username="desk", full_name="前台", roles=[Role.OPERATOR], password="pass-word-1"
    )
    users.reset_password(admin_ctx, desk, "temp-pass-9")
    ctx = admin_ctx.as_actor(auth.login(admin_ctx, "desk", "temp-pass-9"))
    dialog = ChangePasswordDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.current.setText("temp-pass-9")
    dialog.new.setText("own-choice-7")
    dialog.again.setText("own-choice-8")
    dialog.try_change()
    assert dialog.message.text() == "两次输入的新密码不一致。" and dialog.result() == 0
    dialog.again.setText("own-choice-7")
    dialog.current.setText("wrong-one")
    dialog.try_change()
    assert dialog.message.text() == "当前密码不正确。"
    dialog.current.setText("temp-pass-9")
    dialog.try_change()
    assert dialog.result() == ChangePasswordDialog.DialogCode.Accepted
    assert not users.must_change_password(ctx)


def test_a_database_on_a_network_share_is_warned_about(
    admin_ctx: Context, message_boxes: list[tuple[str, str]]
) -> None:
    on_share = replace(
        admin_ctx.db, url=URL.create("sqlite", database="//fileserver/desk/reqdesk.db")
    )
    assert warn_about_network_share(on_share, None)
    assert message_boxes[0][0] == "warning"
    assert "网络共享" in message_boxes[0][1] and "PostgreSQL" in message_boxes[0][1]
    message_boxes.clear()
    assert not warn_about_network_share(admin_ctx.db, None)
    assert message_boxes == []
