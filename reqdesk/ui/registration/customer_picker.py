"""Type-ahead choice of a customer from the files (Chinese input works: it searches on
committed text, so an input method's composition does not trigger searches)."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from reqdesk.services.context import Context
from reqdesk.services.customers.listing import CustomerChoice, search_customers

SEARCH_DELAY_MS = 150


class CustomerPicker(QLineEdit):
    """A line edit that completes customer names; ``chosen`` carries the customer's id."""

    chosen = Signal(object)  # int | None

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.customer_id: int | None = None
        self._choices: dict[str, CustomerChoice] = {}
        self._model = QStringListModel(self)
        completer = QCompleter(self._model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.activated.connect(self._picked)
        self.setCompleter(completer)
        self.setPlaceholderText(self.tr("Type part of the name, short name or code"))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._search)
        self.textEdited.connect(self._edited)
        self.returnPressed.connect(self._enter)
        self.editingFinished.connect(self.settle)

    def set_customer(self, customer_id: int | None, label: str) -> None:
        self.customer_id = customer_id
        self.blockSignals(True)
        self.setText(label)
        self.blockSignals(False)

    def _edited(self, _text: str) -> None:
        if self.customer_id is not None:
            self.customer_id = None
            self.chosen.emit(None)
        self._timer.start()

    def _search(self, *, popup: bool = True) -> None:
        self._timer.stop()
        choices = search_customers(self.ctx, self.text())
        self._choices = {c.label: c for c in choices}
        self._model.setStringList(list(self._choices))
        if choices and popup and self.hasFocus():
            self.completer().setCompletionPrefix(self.text())
            self.completer().complete()

    def unambiguous(self) -> CustomerChoice | None:
        """The customer the typed text can only mean: an exact code, name or short name,
        or the single search result."""
        self._search(popup=False)
        text = self.text().strip().casefold()
        choices = list(self._choices.values())
        exact = [
            c
            for c in choices
            if text in (c.code.casefold(), c.name.casefold(), c.short_name.casefold())
            or text == c.label.casefold()
        ]
        if len(exact) == 1:
            return exact[0]
        return choices[0] if len(choices) == 1 else None

    def settle(self) -> None:
        """Leaving the field or Enter: take the customer the text can only mean."""
        if self.customer_id is not None or not self.text().strip():
            return
        if self.completer().popup().isVisible():
            return  # the user is choosing from the list
        choice = self.unambiguous()
        if choice is not None:
            self.set_customer(choice.id, choice.label)
            self.chosen.emit(choice.id)

    def _enter(self) -> None:
        self.settle()
        if self.customer_id is None and self._choices and self.hasFocus():
            self.completer().setCompletionPrefix(self.text())
            self.completer().complete()  # several match: show them

    def _picked(self, label: str) -> None:
        choice = self._choices.get(label)
        if choice is not None:
            self.customer_id = choice.id
            self.chosen.emit(choice.id)

    def choose_first_match(self) -> bool:
        """Take the first search result for the current text (Enter without the popup)."""
        self._search()
        if not self._choices:
            return False
        label = next(iter(self._choices))
        self.set_customer(self._choices[label].id, label)
        self.chosen.emit(self.customer_id)
        return True
