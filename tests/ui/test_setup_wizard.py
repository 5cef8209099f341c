"""The first-start wizard: company, site code and administrator, or the demo company."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWizard

from reqdesk.db import Database
from reqdesk.services import auth
from reqdesk.services.customers.listing import CustomerFilter, count_customers
from reqdesk.services.setup import company_name, initialise, is_initialised, open_context
from reqdesk.ui import app as app_module
from reqdesk.ui.setup_dialog import SetupValues, SetupWizard


def wizard_for(qtbot: Any, db: Database) -> SetupWizard:
    def submit(values: SetupValues) -> None:
        initialise(
            db,
            company_name=values.company_name,
            site_code=values.site_code,
            admin_username=values.admin_username,
            admin_full_name=values.admin_full_name,
            admin_password=values.admin_password,
        )

    def make_demo() -> None:
        from reqdesk.services.demo import generate_demo

        generate_demo(db, customers=12, requirements=40)

    wizard = SetupWizard(submit, make_demo)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def finish(wizard: SetupWizard) -> None:
    wizard.button(QWizard.WizardButton.FinishButton).click()


def test_each_page_points_at_the_wrong_field(qtbot: Any, db: Database) -> None:
    wizard = wizard_for(qtbot, db)
    wizard.next()
    page = wizard.company_page
    assert wizard.currentPage() is page
    wizard.next()
    assert wizard.currentPage() is page and page.message.text() == "请输入公司名称。"
    page.company.setText("  示例  精工有限公司 ")
    page.site.setText("x")
    wizard.next()
    assert "站点代码" in page.message.text() and page.focusWidget() is page.site
    page.site.setText("sh01")
    wizard.next()
    admin = wizard.admin_page
    assert wizard.currentPage() is admin and page.site.text() == "SH01"
    admin.full_name.setText("管理员")
    admin.password.setText("short")
    admin.confirm.setText("short")
    finish(wizard)
    assert "8" in admin.message.text() and not is_initialised(db)
    admin.password.setText("password-12")
    admin.confirm.setText("password-13")
    finish(wizard)
    assert admin.message.text() == "两次输入的密码不一致。"
    assert admin.focusWidget() is admin.confirm and not is_initialised(db)
    admin.confirm.setText("password-12")
    finish(wizard)
    assert wizard.result() == QDialog.DialogCode.Accepted and not wizard.chose_demo
    ctx = open_context(db)
    assert company_name(ctx) == "示例 精工有限公司" and ctx.site_code == "SH01"
    assert auth.login(ctx, "admin", "password-12").full_name == "管理员"


def test_back_keeps_what_was_typed_and_esc_writes_nothing(qtbot: Any, db: Database) -> None:
    wizard = wizard_for(qtbot, db)
    wizard.next()
    wizard.company_page.company.setText("示例公司")
    wizard.company_page.site.setText("NB1")
    wizard.next()
    wizard.back()
    assert wizard.company_page.company.text() == "示例公司"
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    assert wizard.result() == QDialog.DialogCode.Rejected and not is_initialised(db)


def test_the_demo_choice_fills_the_database_with_the_demo_company(qtbot: Any, db: Database) -> None:
    wizard = wizard_for(qtbot, db)
    wizard.welcome.demo.setChecked(True)
    wizard.next()
    assert wizard.currentPage() is wizard.demo_page
    assert "demo1234" in wizard.demo_page.intro.text()
    finish(wizard)
    assert wizard.result() == QDialog.DialogCode.Accepted and wizard.chose_demo
    ctx = open_context(db)
    assert company_name(ctx) == "华东精工示范有限公司"
    admin = ctx.as_actor(auth.login(ctx, "admin", "demo1234"))
    assert count_customers(admin, CustomerFilter()) == 12


def test_the_program_offers_the_demo_at_first_start(db: Database, monkeypatch: Any) -> None:
    """The real first start: the wizard's demo choice, then sign-in as a demo user."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from reqdesk.ui.login_dialog import LoginDialog
    from reqdesk.ui.main_window import MainWindow

    monkeypatch.setattr(app_module, "DEMO_CUSTOMERS", 10)
    monkeypatch.setattr(app_module, "DEMO_REQUIREMENTS", 30)
    seen: list[str] = []

    def drive() -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, SetupWizard) and not seen:
            seen.append("wizard")
            modal.welcome.demo.setChecked(True)
            modal.next()
            modal.button(QWizard.WizardButton.FinishButton).click()
        elif isinstance(modal, LoginDialog) and seen == ["wizard"]:
            seen.append("login")
            modal.username.setText("kefu")
            modal.password.setText("demo1234")
            modal.try_sign_in()

    timer = QTimer()
    timer.timeout.connect(drive)
    timer.start(30)
    try:
        window = app_module.open_main_window(db, None, None)
    finally:
        timer.stop()
    assert isinstance(window, MainWindow) and seen == ["wizard", "login"]
    assert window.windowTitle() == "reqdesk — 华东精工示范有限公司"
    assert window.ctx.actor is not None and window.ctx.actor.username == "kefu"
    window.deleteLater()
