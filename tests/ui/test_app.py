"""Start-up as a user sees it: first start, sign-in, then the main window."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from reqdesk.db import Database
from reqdesk.services.setup import is_initialised
from reqdesk.ui import app as app_module
from reqdesk.ui.login_dialog import LoginDialog
from reqdesk.ui.main_window import MainWindow
from reqdesk.ui.setup_dialog import SetupWizard


def click_ok(dialog: object) -> None:
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()  # type: ignore[attr-defined]


def test_first_start_asks_for_setup_then_login_then_shows_the_window(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    """An empty database: setup dialog, sign-in dialog, main window with the four tabs."""
    seen: list[str] = []

    def drive() -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, SetupWizard) and "setup" not in seen:
            seen.append("setup")
            modal.next()
            modal.company_page.company.setText("示例精工有限公司")
            modal.company_page.site.setText("NB1")
            modal.next()
            modal.admin_page.full_name.setText("管理员")
            modal.admin_page.password.setText("first-pass-1")
            modal.admin_page.confirm.setText("first-pass-1")
            modal.accept()
        elif isinstance(modal, LoginDialog) and "login" not in seen:
            seen.append("login")
            modal.username.setText("admin")
            modal.password.setText("first-pass-1")
            click_ok(modal)

    timer = QTimer()
    timer.timeout.connect(drive)
    timer.start(30)
    window = app_module.open_main_window(db, None, None)
    timer.stop()
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    assert seen == ["setup", "login"]
    assert window.windowTitle() == "reqdesk — 示例精工有限公司"
    assert window.tabs.tabText(0) == "客户档案"
    assert is_initialised(db)


def test_cancelling_setup_leaves_the_database_empty(db: Database) -> None:  # type: ignore[no-untyped-def]
    """Cancel on the first-start dialog quits without writing anything."""

    def cancel() -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, SetupWizard):
            modal.reject()

    timer = QTimer()
    timer.timeout.connect(cancel)
    timer.start(30)
    code = app_module.open_main_window(db, None, None)
    timer.stop()
    assert code == 1 and not is_initialised(db)
