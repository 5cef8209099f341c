"""The frequent actions of the four tabs as menu entries with shortcuts.

New, Save, Print and Export mean the obvious thing on each tab (a new customer on the
customer tab, a new requirement on the registration tab …). Each menu entry presses
the tab's own button, so the button's rules (visible only with the permission, enabled
only with a selection) apply to the shortcut as well; the button's tooltip names the
shortcut.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from reqdesk.ui.icons import icon

if TYPE_CHECKING:
    from reqdesk.ui.main_window import MainWindow

NATIVE = QKeySequence.SequenceFormat.NativeText


def shortcut_text(keys: str) -> str:
    return QKeySequence(keys).toString(NATIVE)


def with_shortcut(text: str, keys: str) -> str:
    """``Save (Ctrl+S)``: how a tooltip names a button's shortcut."""
    return f"{text.replace('&', '')} ({shortcut_text(keys)})"


class TabCommands:
    """Routes New/Save/Print/Export to the current tab's button."""

    KEYS: ClassVar[dict[str, str]] = {
        "new": "Ctrl+N",
        "save": "Ctrl+S",
        "print": "Ctrl+P",
        "export": "Ctrl+E",
    }

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        w = window
        self.buttons: dict[str, dict[QWidget, Callable[[], QAbstractButton | None]]] = {
            "new": {
                w.customers_tab: lambda: w.customers_tab.new_button,
                w.registration_tab: lambda: w.registration_tab.new_button,
                w.reviews_tab: lambda: w.reviews_tab.new_button,
            },
            "save": {w.registration_tab: lambda: w.registration_tab.save_button},
            "print": {
                w.customers_tab: lambda: w.customers_tab.print_button,
                w.registration_tab: lambda: w.registration_tab.print_form_button,
                w.reviews_tab: lambda: w.reviews_tab.bar.buttons["print"],
                w.ledger_tab: lambda: w.ledger_tab.outputs.weekly_button,
            },
            "export": {
                w.customers_tab: lambda: w.customers_tab.export_button,
                w.ledger_tab: lambda: w.ledger_tab.outputs.export_button,
            },
        }
        self.actions: dict[str, QAction] = {}

    def build(self, texts: dict[str, str]) -> list[QAction]:
        """The menu entries (``texts``: translated menu text per command)."""
        for name, keys in self.KEYS.items():
            action = self.window.make_action(
                texts[name], keys, lambda _=False, n=name: self.trigger(n), icon_name=name
            )
            self.actions[name] = action
            for button in self._all_buttons(name):
                tip = button.toolTip() or button.text()
                if f"({shortcut_text(keys)})" not in tip:
                    button.setToolTip(with_shortcut(tip, keys))
                button.setIcon(icon(name))
        return list(self.actions.values())

    def _all_buttons(self, name: str) -> list[QAbstractButton]:
        found = (get() for get in self.buttons[name].values())
        return [button for button in found if button is not None]

    def button_for(self, name: str) -> QAbstractButton | None:
        """The current tab's button for ``name`` when the user may press it now."""
        get = self.buttons[name].get(self.window.tabs.currentWidget())
        button = get() if get is not None else None
        if button is None or not button.isVisibleTo(self.window) or not button.isEnabled():
            return None
        return button

    def trigger(self, name: str) -> bool:
        button = self.button_for(name)
        if button is None:
            QApplication.beep()
            self.window.statusBar().showMessage(
                QApplication.translate("MainWindow", "Not available here."), 3000
            )
            return False
        button.click()
        return True
