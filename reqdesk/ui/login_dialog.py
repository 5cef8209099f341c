"""The sign-in dialog. It only collects input; ``submit`` (a service call) decides."""

from __future__ import annotations

from collections.abc import Callable

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
from reqdesk.services.context import Actor
from reqdesk.services.errors import ReqdeskError


class LoginDialog(QDialog):
    def __init__(
        self,
        company: str,
        submit: Callable[[str, str], Actor],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._submit = submit
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("Sign in to reqdesk"))
        self.setMinimumWidth(360)

        title = QLabel(company, self)
        title.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.username = QLineEdit(self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel(self)
        self.message.setStyleSheet("color: #b00020;")
        self.message.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        buttons.accepted.connect(self.try_sign_in)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.username.setFocus()

    def try_sign_in(self) -> None:
        if not self.username.text().strip():
            self.message.setText(self.tr("Please enter your user name."))
            self.username.setFocus()
            return
        try:
            self.actor = self._submit(self.username.text(), self.password.text())
        except ReqdeskError as error:
            self.message.setText(error_text(error))
            self.password.clear()
            self.password.setFocus()
            return
        self.accept()
