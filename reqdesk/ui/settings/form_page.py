"""The shape of a settings page that edits something: an explanation, the fields, a line
for refusals and one Save (one service call). Edits are kept until saved or discarded.

Strings here use ``QCoreApplication.translate("FormPage", "…")`` with literal text (so
that lupdate finds them): ``self.tr`` in a base class would look them up under the
subclass's name.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reqdesk.i18n import error_text
from reqdesk.services.context import Context
from reqdesk.services.errors import ReqdeskError
from reqdesk.ui.form_fields import ERROR_STYLE, FieldErrors

NOTICE_STYLE = "color: #1b5e20;"


class FormPage(QWidget):
    """Subclasses fill ``self.form`` (rows through ``self.errors.add_row``), call
    :meth:`mark_dirty` when a field changes, and implement :meth:`submit` and
    :meth:`reload`. ``saved`` is emitted after each successful save (the window may
    refresh what it shows, such as the company name in its title)."""

    saved = Signal()

    def __init__(self, ctx: Context, intro: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.errors = FieldErrors()
        self.form = QFormLayout()
        self.intro = QLabel(intro, self)
        self.intro.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.notice = QLabel(self)
        self.notice.setObjectName("notice")
        self.notice.setStyleSheet(NOTICE_STYLE)
        self.notice.setWordWrap(True)
        self.save_button = QPushButton(QCoreApplication.translate("FormPage", "&Save"), self)
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.save)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        self.body = QVBoxLayout(self)
        self.body.addWidget(self.intro)
        self.body.addLayout(self.form)
        self.body.addStretch(1)
        self.body.addWidget(self.message)
        self.body.addWidget(self.notice)
        self.body.addLayout(buttons)
        self._dirty = False

    def submit(self) -> str:
        """Save through one service call; returns what to tell the user. May raise."""
        raise NotImplementedError

    def reload(self) -> None:
        """Show the stored values (and forget the edits)."""
        raise NotImplementedError

    def mark_dirty(self, *_args: object) -> None:
        self._dirty = True
        self.save_button.setEnabled(True)
        self.notice.clear()

    def mark_clean(self) -> None:
        self._dirty = False
        self.save_button.setEnabled(False)

    def is_modified(self) -> bool:
        return self._dirty

    def save(self) -> bool:
        """Save; a refusal is shown beside its field (or below) and the input stays."""
        self.errors.clear()
        self.message.clear()
        self.notice.clear()
        try:
            done = self.submit()
        except ReqdeskError as error:
            rest = self.errors.show(error)  # the others show under their fields
            self.message.setText("\n".join(error_text(e) for e in rest))
            return False
        self.mark_clean()
        self.notice.setText(done)
        self.saved.emit()
        return True

    def may_leave(self) -> bool:
        """Nothing unsaved, or the user saves or discards it (Cancel stays)."""
        if not self._dirty:
            return True
        answer = QMessageBox.question(
            self,
            self.title(),  # type: ignore[attr-defined]
            QCoreApplication.translate(
                "FormPage", "This page has changes that are not saved. Save them now?"
            ),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            self.errors.clear()
            self.message.clear()
            self.reload()
            return True
        return False
