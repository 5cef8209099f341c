"""需求登记: requirement registration; for now the list of recent registrations."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from reqdesk.services.context import Context
from reqdesk.ui.ledger_tab import LEDGER_COLUMN_WIDTHS, LedgerSource, ledger_columns
from reqdesk.ui.list_panel import ListPanel


class RegistrationTab(QWidget):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source = LedgerSource(ctx)
        heading = QLabel(self.tr("Recent registrations, newest first"), self)
        heading.setStyleSheet("font-weight: bold; padding: 6px 6px 0 6px;")
        self.panel = ListPanel(
            ledger_columns(ctx.clock),
            self.source,
            row_id=lambda r: r.id,
            default_sort=(1, Qt.SortOrder.DescendingOrder),
            count_text=lambda n: self.tr("%n registration(s)", "", n),
            search_placeholder=self.tr("Search number or title (Ctrl+F)"),
            on_search=self._search,
            parent=self,
        )
        self.panel.set_column_widths(LEDGER_COLUMN_WIDTHS)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(self.panel)

    def _search(self, text: str) -> None:
        from reqdesk.services.ledger_list import LedgerFilter

        self.source.filter = LedgerFilter(text=text)

    def show_requirement(self, requirement_id: int) -> None:
        """Show one requirement (opened from elsewhere, e.g. a customer file)."""
        from reqdesk.services.ledger_list import LedgerFilter

        if self.panel.search is not None:
            self.panel.search.blockSignals(True)
            self.panel.search.clear()
            self.panel.search.blockSignals(False)
        self.source.filter = LedgerFilter(requirement_id=requirement_id)
        self.panel.reload()
        self.panel.table.selectRow(0)

    def reload(self) -> None:
        self.panel.reload()
