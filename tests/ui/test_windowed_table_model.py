"""The windowed table model: a valid Qt model that fetches only the pages it shows."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt

from reqdesk.services.listing import Window
from reqdesk.ui.windowed_table_model import ID_ROLE, Column, WindowedTableModel


@dataclass(frozen=True)
class Row:
    id: int
    name: str


class FakeQuery:
    """A stand-in for a service query over 100,000 rows, recording what is asked."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.windows: list[Window] = []
        self.counts = 0

    def count(self) -> int:
        self.counts += 1
        return self.total

    def fetch(self, window: Window) -> Sequence[Row]:
        self.windows.append(window)
        ids = range(self.total)
        if window.descending:
            ids = range(self.total - 1, -1, -1)
        chosen = list(ids)[window.offset : window.offset + window.limit]
        return [Row(i, f"客户{i}") for i in chosen]


def make_model(total: int = 100_000) -> tuple[WindowedTableModel[Row], FakeQuery]:
    query = FakeQuery(total)
    columns = [Column("id", "Id", lambda r: r.id), Column("name", "名称", lambda r: r.name)]
    model = WindowedTableModel(columns, query, row_id=lambda r: r.id)
    model.reload()
    return model, query


def test_passes_qt_model_tester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    """The model satisfies Qt's model consistency checks."""
    model, _ = make_model(1000)
    qtmodeltester.check(model)


def test_row_count_comes_from_the_query_and_pages_on_demand() -> None:
    """100,000 rows: one count, and a page only when a row of it is read."""
    model, query = make_model()
    assert model.rowCount() == 100_000 and query.counts == 1
    assert query.windows == []
    assert model.data(model.index(99_999, 1)) == "客户99999"
    assert model.data(model.index(99_998, 1)) == "客户99998"
    assert len(query.windows) == 1 and query.windows[0].offset == 99_800
    assert model.data(model.index(5, 0), ID_ROLE) == 5


def test_page_cache_is_bounded() -> None:
    """Scrolling through many pages keeps only a few in memory."""
    model, query = make_model()
    for row in range(0, 100_000, 200):
        model.data(model.index(row, 0))
    assert len(query.windows) == 500
    assert len(model._pages) <= model.MAX_PAGES


def test_sorting_is_delegated_to_the_query() -> None:
    """Sorting asks the query for the order instead of sorting rows in Python."""
    model, query = make_model(10)
    model.sort(1, Qt.SortOrder.DescendingOrder)
    assert model.data(model.index(0, 1)) == "客户9"
    assert query.windows[-1].sort_key == "name" and query.windows[-1].descending
