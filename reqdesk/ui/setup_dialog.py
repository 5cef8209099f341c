"""First start on an empty database: company, site code and the administrator account."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from reqdesk.i18n import error_text
from reqdesk.services.errors import ReqdeskError


@dataclass(frozen=True)
class SetupValues:
    company_name: str
    site_code: str
    admin_username: str
    admin_full_name: str
    admin_password: str


class SetupDialog(QDialog):
    """Collects the values; ``submit`` sets the database up or raises a ReqdeskError."""

    def __init__(
        self, submit: Callable[[SetupValues], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._submit = submit
        self.setWindowTitle(self.tr("Set up reqdesk"))
        self.setMinimumWidth(460)

        intro = QLabel(
            self.tr(
                "This database is new. Enter your company, this site's code and the "
                "administrator account. The site code starts every record number "
                "(for example SH01-RQ-2026-00001) and cannot be changed later."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.company = QLineEdit(self)
        self.site = QLineEdit(self)
        self.site.setMaxLength(8)
        self.site.setPlaceholderText("SH01")
        self.username = QLineEdit(self)
        self.username.setText("admin")
        self.full_name = QLineEdit(self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm = QLineEdit(self)
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.fields = {
            "company_name": self.company,
            "site_code": self.site,
            "username": self.username,
            "full_name": self.full_name,
            "password": self.password,
        }

        form = QFormLayout()
        form.addRow(self.tr("Company name"), self.company)
        form.addRow(self.tr("Site code"), self.site)
        form.addRow(self.tr("Administrator user name"), self.username)
        form.addRow(self.tr("Administrator full name"), self.full_name)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Repeat password"), self.confirm)
        self.message = QLabel(self)
        self.message.setStyleSheet("color: #b00020;")
        self.message.setWordWrap(True)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Set up"))
        buttons.accepted.connect(self.try_setup)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def values(self) -> SetupValues:
        return SetupValues(
            company_name=self.company.text(),
            site_code=self.site.text(),
            admin_username=self.username.text(),
            admin_full_name=self.full_name.text(),
            admin_password=self.password.text(),
        )

    def try_setup(self) -> None:
        if self.password.text() != self.confirm.text():
            self._show(self.tr("The two passwords differ."), self.confirm)
            return
        try:
            self._submit(self.values())
        except ReqdeskError as error:
            self._show(error_text(error), self.fields.get(error.field or ""))
            return
        self.accept()

    def _show(self, text: str, field: QLineEdit | None) -> None:
        self.message.setText(text)
        if field is not None:
            field.setFocus()
            field.selectAll()
