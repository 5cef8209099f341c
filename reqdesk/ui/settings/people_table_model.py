"""The small tables of the Users and Departments pages: every row cached (a company has
dozens of users, not thousands), refreshed in place after a change, filtered by a proxy."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from typing import TypeVar

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

from reqdesk.ui.windowed_table_model import AnyIndex, Column, ColumnTableModel

RowT = TypeVar("RowT")
INACTIVE_COLOUR = QColor("#808080")


def search_key(text: str) -> str:
    """What a search compares: full-width letters half-width (NFKC), case folded."""
    return unicodedata.normalize("NFKC", text).casefold()


class CachedTableModel(ColumnTableModel[RowT]):
    """Rows as the service returned them; ``merge`` updates changed rows and appends new ones.
    ``inactive`` rows are greyed."""

    def __init__(
        self,
        columns: Sequence[Column[RowT]],
        *,
        row_id: Callable[[RowT], int],
        inactive: Callable[[RowT], bool] = lambda _row: False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(
            columns,
            row_id=row_id,
            row_colour=lambda row: INACTIVE_COLOUR if inactive(row) else None,
            parent=parent,
        )
        self._rows: list[RowT] = []

    def merge(self, rows: Sequence[RowT]) -> None:
        """Take the service's fresh list: changed rows are repainted, new ones inserted,
        vanished ones removed; views keep their selection of the rows that stay."""
        fresh = {self._row_id(row): row for row in rows}
        for position in reversed(range(len(self._rows))):
            if self._row_id(self._rows[position]) not in fresh:
                self.beginRemoveRows(QModelIndex(), position, position)
                del self._rows[position]
                self.endRemoveRows()
        known = {self._row_id(row): position for position, row in enumerate(self._rows)}
        last_column = len(self._columns) - 1
        for row_id, row in fresh.items():
            at = known.get(row_id)
            if at is None:
                end = len(self._rows)
                self.beginInsertRows(QModelIndex(), end, end)
                self._rows.append(row)
                self.endInsertRows()
            elif self._rows[at] != row:
                self._rows[at] = row
                self.dataChanged.emit(self.index(at, 0), self.index(at, last_column))

    def row(self, position: int) -> RowT | None:
        return self._rows[position] if 0 <= position < len(self._rows) else None

    def position_of(self, row_id: int) -> int | None:
        return next((p for p, row in enumerate(self._rows) if self._row_id(row) == row_id), None)

    def search_text(self, position: int) -> str:
        row = self._rows[position]
        return search_key(" ".join(str(column.value(row)) for column in self._columns))

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)


class SearchProxy(QSortFilterProxyModel):
    """Keeps the rows that contain every word typed (Chinese, pinyin user names, roles),
    full-width or half-width, in any case; sorts by the shown text in the user's locale."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self.setSortLocaleAware(True)

    def set_search(self, text: str) -> None:
        if not hasattr(self, "beginFilterChange"):  # before Qt 6.10
            self._words = search_key(text).split()
            self.invalidateRowsFilter()
            return
        self.beginFilterChange()
        self._words = search_key(text).split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        if not self._words:
            return True
        model = self.sourceModel()
        assert isinstance(model, CachedTableModel)
        text = model.search_text(source_row)
        return all(word in text for word in self._words)


def record_table(
    parent: QWidget,
    model: QAbstractItemModel,
    *,
    edit: Callable[[], None],
    selection_changed: Callable[[], None],
) -> QTableView:
    """A read-only list of records, one row chosen at a time; double-click or Enter edits."""
    table = QTableView(parent)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.doubleClicked.connect(lambda _index: edit())
    table.selectionModel().selectionChanged.connect(lambda *_: selection_changed())
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        enter = QShortcut(QKeySequence(key), table)
        enter.setContext(Qt.ShortcutContext.WidgetShortcut)
        enter.activated.connect(edit)
    return table
