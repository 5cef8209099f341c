"""The ledger table's columns and row colours: red overdue, amber due within 24 hours."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from PySide6.QtGui import QColor

from reqdesk.i18n import enum_label, translate
from reqdesk.services.context import Context
from reqdesk.services.ledger_list import LedgerFilter, LedgerRow, count_ledger, ledger_rows
from reqdesk.services.listing import Window
from reqdesk.ui.formatting import datetime_text
from reqdesk.ui.windowed_table_model import Column

OVERDUE_BACKGROUND = QColor("#f8d0d0")
DUE_SOON_BACKGROUND = QColor("#fde8b8")


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
            "alert",
            translate("LedgerColumns", "Alert"),
            alert_text,
            sortable=False,
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


def alert_text(row: LedgerRow) -> str:
    """Which steps are late (or due soon), in words: the colour is not the only sign."""
    late = [
        text
        for flag, text in (
            (row.response_late, translate("LedgerColumns", "response overdue")),
            (row.plan_late, translate("LedgerColumns", "plan overdue")),
            (row.resolution_late, translate("LedgerColumns", "resolution overdue")),
            (row.answer_late, translate("LedgerColumns", "review answer overdue")),
        )
        if flag
    ]
    if late:
        return ", ".join(late)
    return translate("LedgerColumns", "due within 24 h") if row.due_soon else ""


def row_background(row: LedgerRow) -> QColor | None:
    if row.overdue:
        return OVERDUE_BACKGROUND
    return DUE_SOON_BACKGROUND if row.due_soon else None


LEDGER_COLUMN_WIDTHS = (
    150,
    120,
    200,
    260,
    60,
    90,
    80,
    70,
    70,
    120,
    120,
    120,
    120,
    70,
    60,
    150,
    170,
)
