"""跟踪台账: every requirement with its stage, time nodes and responsible person; the
selected one's detail beside it; metrics on a second page; exports and printed reports."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QSplitter, QTabWidget, QVBoxLayout, QWidget

from reqdesk.services.context import Context
from reqdesk.services.dashboard import LEDGER_PRESETS, Counter
from reqdesk.services.ledger_list import LedgerFilter
from reqdesk.ui.ledger.columns import (
    LEDGER_COLUMN_WIDTHS,
    LedgerSource,
    ledger_columns,
    row_background,
)
from reqdesk.ui.ledger.detail_pane import LedgerDetailPane
from reqdesk.ui.ledger.filter_bar import LedgerFilterBar
from reqdesk.ui.ledger.metrics_panel import MetricsPanel
from reqdesk.ui.ledger.outputs import LedgerOutputs
from reqdesk.ui.list_panel import ListPanel


class LedgerTab(QWidget):
    requirement_changed = Signal(int)  # an action in the detail pane saved (its id)

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.source = LedgerSource(ctx)
        self.panel = ListPanel(
            ledger_columns(ctx.clock),
            self.source,
            row_id=lambda r: r.id,
            row_background=row_background,
            default_sort=(1, Qt.SortOrder.DescendingOrder),
            count_text=lambda n: self.tr("%n requirement(s)", "", n),
            search_placeholder=self.tr("Search number, title or description (Ctrl+F)"),
            on_search=self._search,
            parent=self,
        )
        self.panel.set_column_widths(LEDGER_COLUMN_WIDTHS)
        self.filters = LedgerFilterBar(ctx, self)
        self.filters.changed.connect(self._filters_changed)
        self.panel.layout().insertWidget(1, self.filters)  # type: ignore[union-attr]
        self.outputs = LedgerOutputs(ctx, lambda: self.source.filter, self)
        for button in self.outputs.buttons():
            self.panel.filters.addWidget(button)

        self.detail = LedgerDetailPane(ctx, self)
        self.detail.changed.connect(self._requirement_changed)
        self.panel.table.selectionModel().currentRowChanged.connect(self._row_selected)
        self.panel.model.modelReset.connect(lambda: self.detail.show_requirement(None))
        self.panel.activated.connect(self.detail.show_requirement)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.panel)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([900, 380])
        self.splitter = splitter

        self.metrics = MetricsPanel(ctx, self)
        self.pages = QTabWidget(self)
        self.pages.setDocumentMode(True)
        self.pages.addTab(splitter, self.tr("Ledger"))
        self.pages.addTab(self.metrics, self.tr("Metrics"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)

    def _search(self, text: str) -> None:
        self.source.filter = replace(self.source.filter, text=text)

    def _filters_changed(self) -> None:
        self.source.filter = self.filters.apply(self.source.filter)
        self.panel.reload()

    def _row_selected(self) -> None:
        self.detail.show_requirement(self.panel.model.id_at(self.panel.table.currentIndex().row()))

    def _requirement_changed(self, requirement_id: int) -> None:
        """An action in the detail pane saved: refresh the rows in place, keep the detail."""
        self.panel.model.refresh()
        self.panel.count_label.setText(
            self.tr("%n requirement(s)", "", self.panel.model.rowCount())
        )
        self.detail.show_requirement(requirement_id)
        self.metrics.mark_stale()
        self.requirement_changed.emit(requirement_id)

    def show_overdue(self) -> None:
        """From elsewhere (e.g. a dashboard): the overdue list."""
        self.show_preset(Counter.OVERDUE)

    def show_preset(self, counter: Counter) -> None:
        """From the dashboard: exactly the rows the counter counts (overdue, due today or
        awaiting return visit), every other filter and the search text cleared; one
        reload."""
        if self.panel.search is not None:
            self.panel.search.blockSignals(True)
            self.panel.search.clear()
            self.panel.search.blockSignals(False)
        self.source.filter = LedgerFilter()
        self.filters.show_only(LEDGER_PRESETS[counter])
        self.pages.setCurrentIndex(0)

    def focus_search(self) -> bool:
        self.pages.setCurrentIndex(0)
        return self.panel.focus_search()

    def reload(self) -> None:
        """F5: read again; "this week" and "this month" move on with the clock."""
        self.source.filter = self.filters.apply(self.source.filter)
        self.filters.refresh_dates()
        self.panel.reload()
        self.metrics.mark_stale()
