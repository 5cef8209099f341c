"""跟踪台账: every requirement with its stage, time nodes and responsible person."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QVBoxLayout, QWidget

from reqdesk.i18n import enum_label, translate
from reqdesk.models.enums import Stage
from reqdesk.services.context import Context
from reqdesk.services.ledger_list import LedgerFilter, LedgerRow, count_ledger, ledger_rows
from reqdesk.services.listing import Window
from reqdesk.ui.formatting import datetime_text
from reqdesk.ui.list_panel import ListPanel
from reqdesk.ui.windowed_table_model import Column


class LedgerSource:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.filter = LedgerFilter()

    def count(self) -> int:
        return count_ledger(self.ctx, self.filter)

    def fetch(self, window: Window) -> Sequence[LedgerRow]:
        return ledger_rows(self.ctx, self.filter, window)


def ledger_columns(clock: Callable[[], datetime]) -> list[Column[LedgerRow]]:
    """The ledger's columns; the registration tab's recent list shows the same."""

    return [
        Column("number", translate("LedgerColumns", "Number"), lambda r: r.number),
        Column(
            "received_at",
            translate("LedgerColumns", "Received"),
            lambda r: datetime_text(r.received_at),
        ),
        Column("customer", translate("LedgerColumns", "Customer"), lambda r: r.customer),
        Column("title", translate("LedgerColumns", "Title"), lambda r: r.title),
        Column("urgency", translate("LedgerColumns", "Urgency"), lambda r: enum_label(r.urgency)),
        Column("channel", translate("LedgerColumns", "Channel"), lambda r: enum_label(r.channel)),
        Column("department", translate("LedgerColumns", "Department"), lambda r: r.department),
        Column("assignee", translate("LedgerColumns", "Person"), lambda r: r.assignee),
        Column("stage", translate("LedgerColumns", "Stage"), lambda r: enum_label(r.stage)),
        Column(
            "first_response_due",
            translate("LedgerColumns", "Response due"),
            lambda r: datetime_text(r.first_response_due),
        ),
        Column(
            "first_response_at",
            translate("LedgerColumns", "Responded"),
            lambda r: datetime_text(r.first_response_at),
            sortable=False,
        ),
        Column(
            "resolution_due",
            translate("LedgerColumns", "Resolution due"),
            lambda r: datetime_text(r.resolution_due),
        ),
        Column(
            "resolved_at",
            translate("LedgerColumns", "Resolved"),
            lambda r: datetime_text(r.resolved_at),
            sortable=False,
        ),
        Column(
            "days_open",
            translate("LedgerColumns", "Days open"),
            lambda r: r.days_open(clock()),
            align_right=True,
            sortable=False,
        ),
        Column(
            "satisfaction",
            translate("LedgerColumns", "Satisfaction"),
            lambda r: r.satisfaction,
            align_right=True,
        ),
        Column(
            "review_answer_due",
            translate("LedgerColumns", "Review answer due"),
            lambda r: review_answer_text(r, clock()),
            sortable=False,
        ),
    ]


def review_answer_text(row: LedgerRow, now: datetime) -> str:
    """The customer answer a concluded review still owes; "overdue" once its time passed."""
    if row.review_answer_due is None:
        return ""
    due = datetime_text(row.review_answer_due)
    if row.review_answer_overdue(now):
        return translate("LedgerColumns", "overdue since {time}").format(time=due)
    return due


LEDGER_COLUMN_WIDTHS = (150, 120, 200, 260, 60, 90, 80, 70, 70, 120, 120, 120, 120, 70, 60, 170)


class LedgerTab(QWidget):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source = LedgerSource(ctx)
        self.panel = ListPanel(
            ledger_columns(ctx.clock),
            self.source,
            row_id=lambda r: r.id,
            default_sort=(1, Qt.SortOrder.DescendingOrder),
            count_text=lambda n: self.tr("%n requirement(s)", "", n),
            search_placeholder=self.tr("Search number or title (Ctrl+F)"),
            on_search=self._search,
            parent=self,
        )
        self.stage = QComboBox(self)
        self.stage.addItem(self.tr("All stages"), None)
        for stage in Stage:
            self.stage.addItem(enum_label(stage), stage)
        self.stage.currentIndexChanged.connect(self._stage_changed)
        self.panel.filters.insertWidget(1, self.stage)
        self.panel.set_column_widths(LEDGER_COLUMN_WIDTHS)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.panel)

    def _search(self, text: str) -> None:
        self.source.filter = LedgerFilter(text=text, stage=self.source.filter.stage)

    def _stage_changed(self) -> None:
        self.source.filter = LedgerFilter(
            text=self.source.filter.text, stage=self.stage.currentData()
        )
        self.panel.reload()

    def reload(self) -> None:
        self.panel.reload()
