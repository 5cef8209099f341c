"""客户档案: the customer files list (the form and its sections come with their own module)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QVBoxLayout, QWidget

from reqdesk.i18n import enum_label
from reqdesk.services.context import Context
from reqdesk.services.customer_list import (
    CustomerFilter,
    CustomerRow,
    count_customers,
    customer_rows,
)
from reqdesk.services.listing import Window
from reqdesk.ui.list_panel import ListPanel
from reqdesk.ui.windowed_table_model import Column


class CustomerSource:
    """The customer list query with the tab's current filter."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.filter = CustomerFilter()

    def count(self) -> int:
        return count_customers(self.ctx, self.filter)

    def fetch(self, window: Window) -> Sequence[CustomerRow]:
        return customer_rows(self.ctx, self.filter, window)


class CustomersTab(QWidget):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source = CustomerSource(ctx)
        columns: list[Column[CustomerRow]] = [
            Column("code", self.tr("Code"), lambda r: r.code),
            Column("name", self.tr("Customer name"), lambda r: r.name),
            Column("short_name", self.tr("Short name"), lambda r: r.short_name),
            Column("customer_class", self.tr("Class"), lambda r: enum_label(r.customer_class)),
            Column("industry", self.tr("Industry"), lambda r: r.industry),
            Column("custodian", self.tr("Custodian"), lambda r: r.custodian),
            Column("approval_state", self.tr("Approval"), lambda r: enum_label(r.approval_state)),
            Column("contact", self.tr("Contact"), lambda r: r.contact_name, sortable=False),
            Column("phone", self.tr("Phone"), lambda r: r.contact_phone, sortable=False),
        ]
        self.panel = ListPanel(
            columns,
            self.source,
            row_id=lambda r: r.id,
            count_text=lambda n: self.tr("%n customer(s)", "", n),
            search_placeholder=self.tr(
                "Search name, short name, code, credit code, contact or phone (Ctrl+F)"
            ),
            on_search=self._search,
            parent=self,
        )
        self.panel.set_column_widths([110, 260, 110, 90, 110, 80, 90, 80, 120])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.panel)

    def _search(self, text: str) -> None:
        self.source.filter = CustomerFilter(text=text)

    def reload(self) -> None:
        self.panel.reload()
