"""Signing a review: the decision, why, conditions, and the password again (电子签名)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QWidget,
)

from reqdesk.i18n import enum_label, translate
from reqdesk.models.enums import Decision
from reqdesk.services.reviews.signing import SignInput
from reqdesk.ui.submit_dialog import SubmitDialog

DEPARTMENT_DECISIONS = (Decision.CAN_MEET, Decision.CONDITIONAL, Decision.CANNOT_MEET)


def password_field(parent: QWidget) -> QLineEdit:
    field = QLineEdit(parent)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setPlaceholderText(translate("SignDialog", "Your sign-in password"))
    return field


class SignDialog(SubmitDialog):
    """``sign(form, password)`` or, for a correction, ``sign(form, password, reason)``."""

    def __init__(
        self,
        title: str,
        intro: str,
        sign: Callable[..., object],
        parent: QWidget | None = None,
        *,
        decisions: tuple[Decision, ...] = DEPARTMENT_DECISIONS,
        correction: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(520, 420)
        self.intro = QLabel(intro, self)
        self.intro.setWordWrap(True)
        self.form.addRow(self.intro)
        choices = QWidget(self)
        row = QHBoxLayout(choices)
        row.setContentsMargins(0, 0, 0, 0)
        self.group = QButtonGroup(self)
        self.options: dict[Decision, QRadioButton] = {}
        for decision in decisions:
            button = QRadioButton(enum_label(decision), choices)
            self.group.addButton(button)
            self.options[decision] = button
            row.addWidget(button)
        row.addStretch(1)
        self.errors.add_row(self.form, self.tr("Decision *"), "decision", choices)
        self.comment = QPlainTextEdit(self)
        self.comment.setTabChangesFocus(True)
        self.comment.setFixedHeight(70)
        self.errors.add_row(self.form, self.tr("Comment"), "comment", self.comment)
        self.conditions = QPlainTextEdit(self)
        self.conditions.setTabChangesFocus(True)
        self.conditions.setFixedHeight(50)
        if Decision.CONDITIONAL in decisions:
            self.errors.add_row(self.form, self.tr("Conditions"), "conditions", self.conditions)
        else:
            self.conditions.hide()
        self.reason = QLineEdit(self)
        if correction:
            self.errors.add_row(
                self.form, self.tr("Reason for the correction *"), "reason", self.reason
            )
        else:
            self.reason.hide()
        self.password = password_field(self)
        self.errors.add_row(self.form, self.tr("Password *"), "password", self.password)
        note = QLabel(
            self.tr(
                "Typing your password signs this decision electronically under your name. "
                "A signature is never changed; a correction is a new signature with a reason."
            ),
            self,
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        self.form.addRow(note)
        self.group.buttonToggled.connect(self._hint)
        self._sign = sign
        self._correction = correction
        self.submit = self._submit

    def _hint(self) -> None:
        chosen = self.decision()
        self.comment.setPlaceholderText(
            ""
            if chosen in (None, Decision.CAN_MEET)
            else self.tr("Required: why, and what is needed")
        )

    def decision(self) -> Decision | None:
        return next((d for d, b in self.options.items() if b.isChecked()), None)

    def choose(self, decision: Decision) -> None:
        self.options[decision].setChecked(True)

    def value(self) -> SignInput:
        return SignInput(
            self.decision() or "",  # type: ignore[arg-type]
            self.comment.toPlainText(),
            self.conditions.toPlainText(),
        )

    def _submit(self) -> None:
        password = self.password.text()
        try:
            if self._correction:
                self._sign(self.value(), password, self.reason.text())
            else:
                self._sign(self.value(), password)
        finally:
            self.password.clear()
