"""The first-start and sign-in dialogs."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from reqdesk.services import auth
from reqdesk.services.context import Context
from reqdesk.ui.login_dialog import LoginDialog
from tests.conftest import ADMIN_PASSWORD


def ok_button(dialog: QDialog) -> object:
    box = dialog.findChild(QDialogButtonBox)
    return box.button(QDialogButtonBox.StandardButton.Ok)


def test_login_dialog_shows_the_error_and_keeps_the_user_name(qtbot, admin_ctx: Context) -> None:  # type: ignore[no-untyped-def]
    """A wrong password shows a Chinese message, clears the password, keeps the name."""
    dialog = LoginDialog("测试公司", lambda u, p: auth.login(admin_ctx, u, p))
    qtbot.addWidget(dialog)
    dialog.username.setText("admin")
    dialog.password.setText("nope-nope")
    ok_button(dialog).click()
    assert dialog.message.text() == "用户名不存在或密码错误。"
    assert dialog.password.text() == "" and dialog.username.text() == "admin"
    assert dialog.result() != QDialog.DialogCode.Accepted
    dialog.password.setText(ADMIN_PASSWORD)
    ok_button(dialog).click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.actor is not None and dialog.actor.username == "admin"


def test_login_dialog_asks_for_a_user_name(qtbot) -> None:  # type: ignore[no-untyped-def]
    """An empty user name is caught before any service call."""
    calls = []
    dialog = LoginDialog("公司", lambda u, p: calls.append(u))  # type: ignore[arg-type,func-returns-value]
    qtbot.addWidget(dialog)
    ok_button(dialog).click()
    assert dialog.message.text() == "请输入用户名。" and calls == []


def test_escape_closes_the_login_dialog(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Esc cancels."""
    dialog = LoginDialog("公司", lambda u, p: None)  # type: ignore[arg-type,return-value]
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected
