"""Form helpers: a field with its error message right under it."""

from __future__ import annotations

from PySide6.QtWidgets import QDateEdit, QDateTimeEdit, QFormLayout, QLabel, QVBoxLayout, QWidget

from reqdesk.i18n import error_text
from reqdesk.services.customers.forms import FormInvalid
from reqdesk.services.errors import ReqdeskError

ERROR_STYLE = "color: #b00020;"
INVALID_STYLE = "border: 1px solid #b00020;"


class FormDateTimeEdit(QDateTimeEdit):
    """A date/time field that Tab leaves, as every other field; arrows move between parts."""

    def focusNextPrevChild(self, next: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next)


class FormDateEdit(QDateEdit):
    """A date field that Tab leaves, as every other field; arrows move between parts."""

    def focusNextPrevChild(self, next: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next)


class FieldErrors:
    """Shows each field's message under the field, and marks the field."""

    def __init__(self) -> None:
        self._fields: dict[str, tuple[QWidget, QLabel]] = {}
        self.first_invalid: QWidget | None = None

    def add_row(
        self,
        form: QFormLayout,
        label: str,
        name: str,
        widget: QWidget,
        mark: QWidget | None = None,
    ) -> QWidget:
        """Add ``widget`` under ``label``; ``mark`` (default: the widget) gets the red frame."""
        message = QLabel()
        message.setStyleSheet(ERROR_STYLE)
        message.setWordWrap(True)
        message.hide()
        message.setObjectName(f"error_{name}")
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        column.addWidget(widget)
        column.addWidget(message)
        form.addRow(label, holder)
        self._fields[name] = (mark or widget, message)
        return widget

    def include(self, other: FieldErrors) -> None:
        """Show ``other``'s fields' messages too (a sub-form inside this form)."""
        self._fields.update(other._fields)

    def alias(self, name: str, widget: QWidget, shown_with: str) -> None:
        """Field ``name`` (``widget``) shows its message on the row of ``shown_with``."""
        self._fields[name] = (widget, self._fields[shown_with][1])

    def clear(self) -> None:
        for widget, message in self._fields.values():
            message.hide()
            message.clear()
            widget.setStyleSheet("")

    def show(self, error: ReqdeskError) -> list[ReqdeskError]:
        """Put messages beside their fields; returns the ones with no field here."""
        self.clear()
        problems = error.problems if isinstance(error, FormInvalid) else [error]
        rest: list[ReqdeskError] = []
        first: QWidget | None = None
        for problem in problems:
            entry = self._fields.get(problem.field or "")
            if entry is None:
                rest.append(problem)
                continue
            widget, message = entry
            message.setText(error_text(problem))
            message.show()
            widget.setStyleSheet(INVALID_STYLE)
            first = first or widget
        self.first_invalid = first
        if first is not None:
            first.setFocus()
        return rest

    def message(self, name: str) -> str:
        entry = self._fields.get(name)
        return entry[1].text() if entry else ""
