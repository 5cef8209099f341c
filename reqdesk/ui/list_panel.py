"""A search box, optional filters, a windowed table and a row count: the frame of every list tab."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reqdesk.ui.windowed_table_model import Column, RowSource, WindowedTableModel

SEARCH_DELAY_MS = 250


class ListPanel(QWidget):
    """Loads its rows the first time it is shown, and again when a filter changes."""

    loaded = Signal(int)
    activated = Signal(int)  # the id of the row opened with Enter or a double click

    def __init__(
        self,
        columns: Sequence[Column[Any]],
        source: RowSource[Any],
        *,
        row_id: Callable[[Any], int],
        count_text: Callable[[int], str],
        search_placeholder: str = "",
        on_search: Callable[[str], None] | None = None,
        row_colour: Callable[[Any], QColor | None] | None = None,
        row_background: Callable[[Any], QColor | None] | None = None,
        default_sort: tuple[int, Qt.SortOrder] = (0, Qt.SortOrder.AscendingOrder),
        parent: QWidget | None = None,
    ) -> None:
        """``default_sort`` shows which column the service's default order follows."""
        super().__init__(parent)
        self._count_text = count_text
        self._on_search = on_search
        self._loaded_once = False
        self.model: WindowedTableModel[Any] = WindowedTableModel(
            columns,
            source,
            row_id=row_id,
            row_colour=row_colour,
            row_background=row_background,
            parent=self,
        )

        self.filters = QHBoxLayout()
        self.search: QLineEdit | None = None
        if on_search is not None:
            self.search = QLineEdit(self)
            self.search.setPlaceholderText(search_placeholder)
            self.search.setClearButtonEnabled(True)
            self._search_timer = QTimer(self)
            self._search_timer.setSingleShot(True)
            self._search_timer.setInterval(SEARCH_DELAY_MS)
            self._search_timer.timeout.connect(self._apply_search)
            self.search.textChanged.connect(self._search_timer.start)
            self.search.returnPressed.connect(self._apply_search)
            self.filters.addWidget(self.search, 1)
        else:
            self.filters.addStretch(1)
        self.count_label = QLabel(self)
        self.filters.addWidget(self.count_label)

        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        header = self.table.horizontalHeader()
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)
        header.setSortIndicator(*default_sort)
        header.sortIndicatorChanged.connect(self._sort)
        self.table.doubleClicked.connect(lambda index: self._activate(index.row()))
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            enter = QShortcut(QKeySequence(key), self.table)
            enter.setContext(Qt.ShortcutContext.WidgetShortcut)
            enter.activated.connect(lambda: self._activate(self.table.currentIndex().row()))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(self.filters)
        layout.addWidget(self.table, 1)

    def set_column_widths(self, widths: Sequence[int]) -> None:
        for section, width in enumerate(widths):
            self.table.setColumnWidth(section, width)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded_once:
            self.reload()

    def reload(self) -> None:
        self._loaded_once = True
        self.model.reload()
        count = self.model.rowCount()
        self.count_label.setText(self._count_text(count))
        self.loaded.emit(count)

    def focus_search(self) -> bool:
        if self.search is None:
            return False
        self.search.setFocus()
        self.search.selectAll()
        return True

    def _apply_search(self) -> None:
        assert self.search is not None and self._on_search is not None
        self._search_timer.stop()
        self._on_search(self.search.text())
        self.reload()

    def _sort(self, section: int, order: Qt.SortOrder) -> None:
        self.model.sort(section, order)

    def _activate(self, row: int) -> None:
        row_id = self.model.id_at(row)
        if row_id is not None:
            self.activated.emit(row_id)
