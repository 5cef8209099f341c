"""First start on an empty database: a wizard for the company, this site's code and the
administrator account, or a demo company to try reqdesk with."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from reqdesk.i18n import error_text
from reqdesk.services.errors import ReqdeskError
from reqdesk.services.passwords import check_password_policy
from reqdesk.services.settings import normalise_company_name, normalise_site_code
from reqdesk.services.users import normalise_username


@dataclass(frozen=True)
class SetupValues:
    company_name: str
    site_code: str
    admin_username: str
    admin_full_name: str
    admin_password: str


class _Page(QWizardPage):
    """A page with a red message line for what the user must correct."""

    def __init__(self, title: str, intro: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(title)
        self.intro = QLabel(intro, self)
        self.intro.setWordWrap(True)
        self.form = QFormLayout()
        self.message = QLabel(self)
        self.message.setStyleSheet("color: #b00020;")
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addStretch(1)
        layout.addWidget(self.message)

    def refuse(self, text: str, field: QLineEdit | None) -> bool:
        self.message.setText(text)
        if field is not None:
            field.setFocus()
            field.selectAll()
        return False


class WelcomePage(_Page):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Welcome to reqdesk"),
            self.tr(
                "This database is new. Set it up for your company, or try reqdesk first with "
                "an invented demo company."
            ),
            parent,
        )
        self.own = QRadioButton(self.tr("Set up my company"), self)
        self.demo = QRadioButton(self.tr("Try reqdesk with demo data"), self)
        self.own.setChecked(True)
        self.form.addRow(self.own)
        self.form.addRow(self.demo)


class CompanyPage(_Page):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Company and site"),
            self.tr(
                "The company name is printed on every form. The site code starts every record "
                "number (for example SH01-RQ-2026-00001) and cannot be changed later."
            ),
            parent,
        )
        self.company = QLineEdit(self)
        self.site = QLineEdit(self)
        self.site.setMaxLength(8)
        self.site.setPlaceholderText("SH01")
        self.form.addRow(self.tr("Company name"), self.company)
        self.form.addRow(self.tr("Site code"), self.site)

    def validatePage(self) -> bool:
        try:
            normalise_company_name(self.company.text())
        except ReqdeskError as error:
            return self.refuse(error_text(error), self.company)
        try:
            self.site.setText(normalise_site_code(self.site.text()))
        except ReqdeskError as error:
            return self.refuse(error_text(error), self.site)
        self.message.clear()
        return True


class AdminPage(_Page):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Administrator account"),
            self.tr(
                "The administrator creates the other users, sets up departments and keeps the "
                "backups. Choose a password of at least 8 characters and keep it safe."
            ),
            parent,
        )
        self.username = QLineEdit("admin", self)
        self.full_name = QLineEdit(self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm = QLineEdit(self)
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.form.addRow(self.tr("Administrator user name"), self.username)
        self.form.addRow(self.tr("Administrator full name"), self.full_name)
        self.form.addRow(self.tr("Password"), self.password)
        self.form.addRow(self.tr("Repeat password"), self.confirm)
        self.submit: Callable[[], None] = lambda: None

    def validatePage(self) -> bool:
        try:
            normalise_username(self.username.text())
        except ReqdeskError as error:
            return self.refuse(error_text(error), self.username)
        try:
            check_password_policy(self.password.text())
        except ReqdeskError as error:
            return self.refuse(error_text(error), self.password)
        if self.password.text() != self.confirm.text():
            return self.refuse(self.tr("The two passwords differ."), self.confirm)
        try:
            self.submit()
        except ReqdeskError as error:
            return self.refuse(error_text(error), None)
        return True


class DemoPage(_Page):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Demo data"),
            self.tr(
                "reqdesk fills this database with an invented company: 200 customers, 3,000 "
                "requirements with their reviews and sign-offs, and a user for every role. "
                "Every demo user's password is demo1234 (administrator: admin; service desk: "
                "kefu; supervisor: zhuguan; general manager: zongjingli).\n\n"
                "Use a separate database for your real work: demo data never go into a "
                "database that is already set up."
            ),
            parent,
        )
        self.make: Callable[[], None] = lambda: None

    def validatePage(self) -> bool:
        self.message.setText(self.tr("Creating the demo data…"))
        self.message.setStyleSheet("")
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        self.repaint()
        try:
            self.make()
        except ReqdeskError as error:
            self.message.setStyleSheet("color: #b00020;")
            return self.refuse(error_text(error), None)
        finally:
            QApplication.restoreOverrideCursor()
        return True


class SetupWizard(QWizard):
    """``submit`` sets the database up (or raises a ReqdeskError); ``make_demo`` fills it
    with the demo company instead."""

    WELCOME, COMPANY, ADMIN, DEMO = range(4)

    def __init__(
        self,
        submit: Callable[[SetupValues], None],
        make_demo: Callable[[], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Set up reqdesk"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setMinimumWidth(560)
        self.welcome = WelcomePage(self)
        self.company_page = CompanyPage(self)
        self.admin_page = AdminPage(self)
        self.demo_page = DemoPage(self)
        for page_id, page in enumerate(
            (self.welcome, self.company_page, self.admin_page, self.demo_page)
        ):
            self.setPage(page_id, page)
        self.admin_page.submit = lambda: submit(self.values())
        if make_demo is None:
            self.welcome.demo.hide()
        else:
            self.demo_page.make = make_demo
        self.admin_page.setFinalPage(True)
        self.demo_page.setFinalPage(True)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Set up"))

    def nextId(self) -> int:
        current = self.currentId()
        if current == self.WELCOME:
            return self.DEMO if self.welcome.demo.isChecked() else self.COMPANY
        if current == self.COMPANY:
            return self.ADMIN
        return -1

    @property
    def chose_demo(self) -> bool:
        return self.welcome.demo.isChecked()

    def values(self) -> SetupValues:
        return SetupValues(
            company_name=self.company_page.company.text(),
            site_code=self.company_page.site.text(),
            admin_username=self.admin_page.username.text(),
            admin_full_name=self.admin_page.full_name.text() or self.admin_page.username.text(),
            admin_password=self.admin_page.password.text(),
        )
