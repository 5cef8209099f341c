"""A small form whose OK runs one service call; a refusal is shown and the form kept."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from reqdesk.i18n import error_text
from reqdesk.services.errors import ReqdeskError
from reqdesk.ui.form_fields import ERROR_STYLE, FieldErrors


class SubmitDialog(QDialog):
    """``self.form`` holds the fields; ``self.submit`` is called on OK and may raise.

    Each problem shows under its field (``self.errors``); what belongs to no field
    shows above the buttons. Esc and Cancel close without doing anything.
    """

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.errors = FieldErrors()
        self.form = QFormLayout()
        self.message = QLabel(self)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._ok)
        self.buttons.rejected.connect(self.reject)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addLayout(self.form)
        self.layout_.addStretch(1)  # extra height below the fields, not inside them
        self.layout_.addWidget(self.message)
        self.layout_.addWidget(self.buttons)
        self.submit: Callable[[], None] = lambda: None

    def _ok(self) -> None:
        self.errors.clear()
        self.message.clear()
        try:
            self.submit()
        except ReqdeskError as error:
            rest = self.errors.show(error)
            self.message.setText("\n".join(error_text(e) for e in rest) or error_text(error))
            return
        self.accept()
