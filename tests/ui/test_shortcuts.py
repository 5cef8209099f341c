"""Keyboard: the frequent actions have shortcuts, shown in menus and tooltips, and the
shortcut does what the tab's button does (and nothing where the button is unavailable)."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog

from reqdesk.services.context import Context
from reqdesk.ui.customers.editor import CustomerEditor
from reqdesk.ui.main_window import MainWindow
from reqdesk.ui.settings.dialog import SettingsDialog
from tests.helpers import signed_in
from tests.ui.test_registration_tab import fill

CTRL = Qt.KeyboardModifier.ControlModifier


def active_window(qtbot: Any, ctx: Context) -> MainWindow:
    window = MainWindow(ctx, "华东精工示范有限公司")
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    with qtbot.waitActive(window):
        window.activateWindow()
    return window


def press(qtbot: Any, window: MainWindow, key: Qt.Key, modifiers: Any = CTRL) -> None:
    qtbot.keyClick(window.focusWidget() or window, key, modifiers)


def menu_shortcuts(window: MainWindow) -> dict[str, str]:
    found = {}
    for menu_action in window.menuBar().actions():
        for action in menu_action.menu().actions():  # type: ignore[union-attr]
            if not action.shortcut().isEmpty():
                found[action.text()] = action.shortcut().toString()
    return found


def test_menus_show_the_shortcuts_with_icons(qtbot: Any, demo_ctx: Context) -> None:
    window = active_window(qtbot, signed_in(demo_ctx, "admin"))
    shortcuts = menu_shortcuts(window)
    for keys in ("Ctrl+N", "Ctrl+S", "Ctrl+P", "Ctrl+E", "Ctrl+F", "F5", "Ctrl+Q", "Ctrl+,"):
        assert keys in shortcuts.values(), keys
    assert [shortcuts[t] for t in ("新建(&N)", "保存(&S)")] == ["Ctrl+N", "Ctrl+S"]
    assert len(set(shortcuts.values())) == len(shortcuts)  # no shortcut is used twice
    file_menu = window.menuBar().actions()[0].menu()
    assert all(not a.icon().isNull() for a in file_menu.actions() if not a.isSeparator())
    assert all(not window.tabs.tabIcon(i).isNull() for i in range(window.tabs.count()))


def test_tooltips_name_the_shortcut(qtbot: Any, demo_ctx: Context) -> None:
    window = active_window(qtbot, signed_in(demo_ctx, "kefu"))
    native = QKeySequence("Ctrl+E").toString(QKeySequence.SequenceFormat.NativeText)
    assert window.customers_tab.export_button.toolTip().endswith(f"({native})")
    assert window.ledger_tab.outputs.export_button.toolTip().endswith(f"({native})")
    assert window.registration_tab.save_button.toolTip().count("Ctrl+S") == 1
    assert not window.registration_tab.print_form_button.icon().isNull()


def test_ctrl_n_opens_a_new_customer_file_on_the_customer_tab(
    qtbot: Any, demo_ctx: Context
) -> None:
    window = active_window(qtbot, signed_in(demo_ctx, "kefu"))
    window.customers_tab.panel.table.setFocus()
    press(qtbot, window, Qt.Key.Key_N)
    qtbot.waitUntil(lambda: bool(window.findChildren(CustomerEditor)), timeout=3000)
    editor = window.findChildren(CustomerEditor)[0]
    assert editor.isVisible() and editor.name.text() == ""
    editor.close()


def test_ctrl_n_and_ctrl_s_register_a_requirement(qtbot: Any, demo_ctx: Context) -> None:
    window = active_window(qtbot, signed_in(demo_ctx, "kefu"))
    press(qtbot, window, Qt.Key.Key_2)
    assert window.tabs.currentWidget() is window.registration_tab
    tab = window.registration_tab
    before = tab.panel.model.rowCount()
    fill(tab, "HQ-C-00005", "按快捷键保存的需求")
    tab.form.title.setFocus()
    press(qtbot, window, Qt.Key.Key_S)
    qtbot.waitUntil(lambda: re.search(r"HQ-RQ-\d{4}-\d{5}", tab.message.text()) is not None)
    assert tab.panel.model.rowCount() == before + 1
    press(qtbot, window, Qt.Key.Key_N)
    assert tab.form.title.text() == "" and tab.form.view is None


def test_ctrl_e_on_the_ledger_asks_where_to_export(
    qtbot: Any, demo_ctx: Context, on_dialog: Any
) -> None:
    window = active_window(qtbot, signed_in(demo_ctx, "zhuguan"))
    press(qtbot, window, Qt.Key.Key_4)
    seen: list[str] = []
    on_dialog(QFileDialog, lambda d: (seen.append(d.windowTitle()), d.reject()))
    press(qtbot, window, Qt.Key.Key_E)
    qtbot.waitUntil(lambda: bool(seen), timeout=3000)


def test_a_shortcut_without_its_button_only_says_so(qtbot: Any, demo_ctx: Context) -> None:
    """Ctrl+S on the ledger (nothing to save) and Ctrl+P on reviews with none chosen."""
    window = active_window(qtbot, signed_in(demo_ctx, "zhuguan"))
    press(qtbot, window, Qt.Key.Key_4)
    assert not window.commands.trigger("save")
    assert window.statusBar().currentMessage() == "此处不可用。"
    window.tabs.setCurrentWidget(window.reviews_tab)
    assert window.commands.button_for("print") is None


def test_ctrl_comma_opens_settings(qtbot: Any, demo_ctx: Context, on_dialog: Any) -> None:
    window = active_window(qtbot, signed_in(demo_ctx, "admin"))
    seen: list[list[str]] = []
    on_dialog(SettingsDialog, lambda d: (seen.append(list(d.pages)), d.reject()))
    press(qtbot, window, Qt.Key.Key_Comma)
    qtbot.waitUntil(lambda: bool(seen), timeout=3000)
    assert seen[0]  # the administrator sees pages
