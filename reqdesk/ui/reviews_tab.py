"""评审会签: contract reviews and their state."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from reqdesk.i18n import enum_label
from reqdesk.services.context import Context
from reqdesk.services.listing import Window
from reqdesk.services.review_list import ReviewRow, count_reviews, review_rows
from reqdesk.ui.formatting import datetime_text
from reqdesk.ui.list_panel import ListPanel
from reqdesk.ui.windowed_table_model import Column


class ReviewSource:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def count(self) -> int:
        return count_reviews(self.ctx)

    def fetch(self, window: Window) -> Sequence[ReviewRow]:
        return review_rows(self.ctx, window)


class ReviewsTab(QWidget):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        columns: list[Column[ReviewRow]] = [
            Column("number", self.tr("Review no."), lambda r: r.number),
            Column("requirement_number", self.tr("Requirement"), lambda r: r.requirement_number),
            Column("product_name", self.tr("Product"), lambda r: r.product_name),
            Column(
                "contract_type", self.tr("Contract type"), lambda r: enum_label(r.contract_type)
            ),
            Column("routing", self.tr("Routing"), lambda r: enum_label(r.routing)),
            Column("state", self.tr("State"), lambda r: enum_label(r.state)),
            Column("opened_at", self.tr("Opened"), lambda r: datetime_text(r.opened_at)),
            Column("concluded_at", self.tr("Concluded"), lambda r: datetime_text(r.concluded_at)),
        ]
        self.panel = ListPanel(
            columns,
            ReviewSource(ctx),
            row_id=lambda r: r.id,
            default_sort=(6, Qt.SortOrder.DescendingOrder),
            count_text=lambda n: self.tr("%n review(s)", "", n),
            parent=self,
        )
        self.panel.set_column_widths([150, 150, 140, 90, 110, 130, 120, 120])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.panel)

    def reload(self) -> None:
        self.panel.reload()
