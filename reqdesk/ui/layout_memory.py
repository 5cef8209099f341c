"""Remembering the window between runs: size, position and the last tab (QSettings).

Kept in an INI file in the data folder (:func:`reqdesk.paths.settings_file`), so a
portable installation carries it along and nothing goes to the Windows registry.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow, QTabWidget

from reqdesk import paths


def settings() -> QSettings:
    return QSettings(str(paths.settings_file()), QSettings.Format.IniFormat)


def restore_window(window: QMainWindow, tabs: QTabWidget) -> None:
    store = settings()
    geometry = store.value("main/geometry")
    if isinstance(geometry, QByteArray) and not geometry.isEmpty():
        window.restoreGeometry(geometry)
    state = store.value("main/state")
    if isinstance(state, QByteArray) and not state.isEmpty():
        window.restoreState(state)
    try:
        tab = int(store.value("main/tab", 0))  # type: ignore[call-overload]
    except (TypeError, ValueError):
        tab = 0
    if 0 <= tab < tabs.count():
        tabs.setCurrentIndex(tab)


def save_window(window: QMainWindow, tabs: QTabWidget) -> None:
    store = settings()
    store.setValue("main/geometry", window.saveGeometry())
    store.setValue("main/state", window.saveState())
    store.setValue("main/tab", tabs.currentIndex())
    store.sync()
