"""Remembering the window between runs: size, position, the last tab, and every splitter
and table column layout inside it (QSettings).

Kept in an INI file in the data folder (:func:`reqdesk.paths.settings_file`), so a
portable installation carries it along and nothing goes to the Windows registry.
Splitters and table headers are found by their place in the window (see
:func:`widget_key`), so a new splitter or table is remembered without extra code.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QObject, QSettings, Qt
from PySide6.QtWidgets import QHeaderView, QMainWindow, QSplitter, QTabWidget, QWidget

from reqdesk import paths


def settings() -> QSettings:
    return QSettings(str(paths.settings_file()), QSettings.Format.IniFormat)


def widget_key(widget: QObject, root: QObject) -> str:
    """A stable name for ``widget`` inside ``root``: the chain of object names or class
    names with the position among siblings of the same class (``LedgerTab/QSplitter.0``)."""
    parts: list[str] = []
    current: QObject | None = widget
    while current is not None and current is not root:
        parent = current.parent()
        kind = type(current)
        name = current.objectName() or kind.__name__
        if parent is not None and not current.objectName():
            same = [c for c in parent.children() if type(c) is kind and not c.objectName()]
            name = f"{name}.{same.index(current)}"
        parts.append(name)
        current = parent
    return "/".join(reversed(parts))


def _headers(root: QWidget) -> list[QHeaderView]:
    return [
        h for h in root.findChildren(QHeaderView) if h.orientation() == Qt.Orientation.Horizontal
    ]


def _restore_state(target: QSplitter | QHeaderView, value: object) -> None:
    if isinstance(value, QByteArray) and not value.isEmpty():
        target.restoreState(value)


def restore_window(window: QMainWindow, tabs: QTabWidget) -> None:
    store = settings()
    geometry = store.value("main/geometry")
    if isinstance(geometry, QByteArray) and not geometry.isEmpty():
        window.restoreGeometry(geometry)
    _restore_state_of(window, store)
    try:
        tab = int(store.value("main/tab", 0))  # type: ignore[call-overload]
    except (TypeError, ValueError):
        tab = 0
    if 0 <= tab < tabs.count():
        tabs.setCurrentIndex(tab)


def _restore_state_of(window: QMainWindow, store: QSettings) -> None:
    state = store.value("main/state")
    if isinstance(state, QByteArray) and not state.isEmpty():
        window.restoreState(state)
    for splitter in window.findChildren(QSplitter):
        _restore_state(splitter, store.value(f"splitters/{widget_key(splitter, window)}"))
    for header in _headers(window):
        _restore_state(header, store.value(f"columns/{widget_key(header, window)}"))


def save_window(window: QMainWindow, tabs: QTabWidget) -> None:
    store = settings()
    store.setValue("main/geometry", window.saveGeometry())
    store.setValue("main/state", window.saveState())
    store.setValue("main/tab", tabs.currentIndex())
    for splitter in window.findChildren(QSplitter):
        store.setValue(f"splitters/{widget_key(splitter, window)}", splitter.saveState())
    for header in _headers(window):
        store.setValue(f"columns/{widget_key(header, window)}", header.saveState())
    store.sync()
