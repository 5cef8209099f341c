"""A table model that holds only a few pages of rows and fetches the rest on demand.

The row count comes from SQL; rows arrive in pages through a :class:`RowSource`
(a service query); sorting and filtering happen in SQL. 100,000 rows cost one
``COUNT`` and one page, never a list of every record.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from reqdesk.services.listing import Window

RowT = TypeVar("RowT")
AnyIndex = QModelIndex | QPersistentModelIndex

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class RowSource(Protocol[RowT]):
    """What the model asks of a list query: how many rows, and one window of them."""

    def count(self) -> int: ...

    def fetch(self, window: Window) -> Sequence[RowT]: ...


@dataclass(frozen=True)
class Column(Generic[RowT]):
    key: str
    title: str
    value: Callable[[RowT], Any]
    align_right: bool = False
    sortable: bool = True


class ColumnTableModel(QAbstractTableModel, Generic[RowT]):
    """What every list model shows the same way: a row's cells by its columns, the right
    alignment, the row's text and background colours, its id (``ID_ROLE``) and the column
    titles. Subclasses hold the rows and answer :meth:`row`."""

    def __init__(
        self,
        columns: Sequence[Column[RowT]],
        *,
        row_id: Callable[[RowT], int],
        row_colour: Callable[[RowT], QColor | None] | None = None,
        row_background: Callable[[RowT], QColor | None] | None = None,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._row_id = row_id
        self._row_colour = row_colour
        self._row_background = row_background

    def row(self, row: int) -> RowT | None:
        raise NotImplementedError

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.row(index.row())
        if item is None:
            return None
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = column.value(item)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and self._row_colour is not None:
            colour = self._row_colour(item)
            return None if colour is None else QBrush(colour)
        if role == Qt.ItemDataRole.BackgroundRole and self._row_background is not None:
            colour = self._row_background(item)
            return None if colour is None else QBrush(colour)
        if role == ID_ROLE:
            return self._row_id(item)
        return None

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self._columns)
        ):
            return self._columns[section].title
        return None


class WindowedTableModel(ColumnTableModel[RowT]):
    PAGE_SIZE = 200
    MAX_PAGES = 12

    def __init__(
        self,
        columns: Sequence[Column[RowT]],
        source: RowSource[RowT],
        *,
        row_id: Callable[[RowT], int],
        row_colour: Callable[[RowT], QColor | None] | None = None,
        row_background: Callable[[RowT], QColor | None] | None = None,
        parent: Any = None,
    ) -> None:
        super().__init__(
            columns,
            row_id=row_id,
            row_colour=row_colour,
            row_background=row_background,
            parent=parent,
        )
        self._source = source
        self._count = 0
        self._pages: OrderedDict[int, Sequence[RowT]] = OrderedDict()
        self._sort_key: str | None = None
        self._descending = False
        self.pages_fetched = 0

    # Loading -------------------------------------------------------------------------

    def reload(self) -> None:
        """Count again and forget cached pages (after a filter or sort change)."""
        self.beginResetModel()
        self._pages.clear()
        self._count = self._source.count()
        self.endResetModel()

    def refresh(self) -> None:
        """Fetch again after an edit: views keep their place when the row count is unchanged."""
        count = self._source.count()
        if count != self._count:
            self.reload()
            return
        self._pages.clear()
        if count:
            self.dataChanged.emit(self.index(0, 0), self.index(count - 1, len(self._columns) - 1))

    def row(self, row: int) -> RowT | None:
        if not 0 <= row < self._count:
            return None
        page_no, offset = divmod(row, self.PAGE_SIZE)
        page = self._pages.get(page_no)
        if page is None:
            page = self._source.fetch(
                Window(
                    offset=page_no * self.PAGE_SIZE,
                    limit=self.PAGE_SIZE,
                    sort_key=self._sort_key,
                    descending=self._descending,
                )
            )
            self.pages_fetched += 1
            self._pages[page_no] = page
            while len(self._pages) > self.MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page_no)
        return page[offset] if offset < len(page) else None

    def id_at(self, row: int) -> int | None:
        item = self.row(row)
        return None if item is None else self._row_id(item)

    # Qt model interface --------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._columns) or not self._columns[column].sortable:
            return
        self._sort_key = self._columns[column].key
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.reload()
