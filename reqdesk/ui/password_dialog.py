"""Choosing a new password: required at the first sign-in after an administrator's reset."""

from __future__ import annotations

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
from reqdesk.services import users
from reqdesk.services.context import Context
from reqdesk.services.errors import ReqdeskError


class ChangePasswordDialog(QDialog):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Choose a new password"))
        self.setMinimumWidth(380)
        intro = QLabel(
            self.tr(
                "Your password was reset by the administrator. Choose your own password "
                "(at least 8 characters) to continue."
            )
        )
        intro.setWordWrap(True)
        self.current = self._password_field()
        self.new = self._password_field()
        self.again = self._password_field()
        self.message = QLabel(self)
        self.message.setStyleSheet("color: #b00020;")
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Current password"), self.current)
        form.addRow(self.tr("New password"), self.new)
        form.addRow(self.tr("New password again"), self.again)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.try_change)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.current.setFocus()

    def _password_field(self) -> QLineEdit:
        field = QLineEdit(self)
        field.setEchoMode(QLineEdit.EchoMode.Password)
        return field

    def try_change(self) -> None:
        if self.new.text() != self.again.text():
            self.message.setText(self.tr("The two new passwords differ."))
            self.again.clear()
            self.again.setFocus()
            return
        try:
            users.change_own_password(self.ctx, self.current.text(), self.new.text())
        except ReqdeskError as error:
            self.message.setText(error_text(error))
            return
        self.accept()
