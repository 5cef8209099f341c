"""The first-start and sign-in dialogs."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from reqdesk.db import Database
from reqdesk.services import auth
from reqdesk.services.context import Context
from reqdesk.services.setup import initialise, is_initialised
from reqdesk.ui.login_dialog import LoginDialog
from reqdesk.ui.setup_dialog import SetupDialog, SetupValues
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


def test_setup_dialog_points_at_the_wrong_field(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    """A bad site code is explained and focused; a good form sets the database up."""

    def submit(values: SetupValues) -> None:
        initialise(
            db,
            company_name=values.company_name,
            site_code=values.site_code,
            admin_username=values.admin_username,
            admin_full_name=values.admin_full_name,
            admin_password=values.admin_password,
        )

    dialog = SetupDialog(submit)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.company.setText("示例公司")
    dialog.site.setText("x")
    dialog.full_name.setText("管理员")
    dialog.password.setText("password-12")
    dialog.confirm.setText("password-13")
    ok_button(dialog).click()
    assert dialog.message.text() == "两次输入的密码不一致。"
    dialog.confirm.setText("password-12")
    ok_button(dialog).click()
    assert "站点代码" in dialog.message.text()
    assert dialog.focusWidget() is dialog.site
    assert not is_initialised(db)
    dialog.site.setText("sh01")
    ok_button(dialog).click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert is_initialised(db)
