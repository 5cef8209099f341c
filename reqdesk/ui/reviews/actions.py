"""The buttons under a review: each opens its dialog and makes one service call."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from reqdesk.services.reviews.views import Allowed


class ActionBar(QWidget):
    """Shows the actions ``Allowed`` permits; hides the rest."""

    NAMES = (
        "sign",
        "correct",
        "gm_sign",
        "conclude",
        "negotiate",
        "revise",
        "hand_over",
        "arbitrate",
        "answer",
        "amend",
        "acknowledge",
        "print",
    )

    def __init__(self, slots: dict[str, Callable[[], object]], parent: QWidget | None) -> None:
        super().__init__(parent)
        texts = {
            "sign": self.tr("Sign…"),
            "correct": self.tr("Correct my sign-off…"),
            "gm_sign": self.tr("Sign as general manager…"),
            "conclude": self.tr("Conclude: accept…"),
            "negotiate": self.tr("Record negotiation…"),
            "revise": self.tr("Revise items (new round)…"),
            "hand_over": self.tr("Hand to the general manager…"),
            "arbitrate": self.tr("Arbitrate…"),
            "answer": self.tr("Record answer to customer…"),
            "amend": self.tr("Amend contract…"),
            "acknowledge": self.tr("Mark notice as read"),
            "print": self.tr("Print record…"),
        }
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.buttons: dict[str, QPushButton] = {}
        for name in self.NAMES:
            button = QPushButton(texts[name], self)
            button.clicked.connect(slots[name])
            button.hide()
            row.addWidget(button)
            self.buttons[name] = button
        row.addStretch(1)

    def show_allowed(self, allowed: Allowed | None, *, notice: bool, printable: bool) -> None:
        for name, button in self.buttons.items():
            if name == "acknowledge":
                visible = notice
            elif name == "print":
                visible = printable and allowed is not None
            elif name == "correct":
                visible = allowed is not None and allowed.correct is not None
            else:
                visible = allowed is not None and bool(getattr(allowed, name))
            button.setVisible(visible)
