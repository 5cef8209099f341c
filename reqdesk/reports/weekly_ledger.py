"""每周跟踪台账: the weekly tracking ledger as a landscape A4 PDF (seed 001 五).

The week's metrics, then every requirement open at any time in the week, oldest first,
the header row repeated on each page. A requirement overdue at the end of the week (or
now, for the week under way) is marked in words — it survives black-and-white printing —
and shaded light red. Signature lines 编制/审核 close the ledger.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from reqdesk.formatting import (
    date_text,
    datetime_text,
    number_text,
    short_datetime_text,
    spaced,
    time_text,
    week_text,
)
from reqdesk.i18n import enum_label, translate
from reqdesk.reports import ledger_pdf, long_table
from reqdesk.reports.labels import label_cell
from reqdesk.reports.ledger_pdf import GAP
from reqdesk.reports.long_table import PADDING, Steps
from reqdesk.reports.pdf import PageFrame, build, content_width, para, styles
from reqdesk.services.cancel import CancelCheck, Progress, check
from reqdesk.services.context import Context
from reqdesk.services.errors import ValidationError
from reqdesk.services.ledger_list import LedgerFilter, LedgerRow, count_ledger, ledger_batches
from reqdesk.services.ledger_reports import FORM_WEEKLY_LEDGER, record_report, start_report
from reqdesk.services.metrics import overdue_at_end, period, period_metrics
from reqdesk.services.periods import week_of
from reqdesk.textmarks import QT_TRANSLATE_NOOP

CONTEXT = "WeeklyLedger"
PAGE = landscape(A4)
BATCH = 500
OVERDUE_FILL = colors.HexColor("#fbe3e3")
OVERDUE_INK = colors.HexColor("#b3261e")
HEADER_FILL = colors.HexColor("#dde3ea")

# (header, width in mm; 0 = the rest of the page)
COLUMNS = (
    (QT_TRANSLATE_NOOP("WeeklyLedger", "#"), 9),
    (QT_TRANSLATE_NOOP("WeeklyLedger", "Number"), 27),
    (QT_TRANSLATE_NOOP("WeeklyLedger", "Received"), 18),
    (QT_TRANSLATE_NOOP("WeeklyLedger", "Customer"), 41),
    (QT_TRANSLATE_NOOP("WeeklyLedger", "Title"), 0),
    (QT_TRANSLATE_NOOP("WeeklyLedger", "Urgency"), 15),
    (QT_TRANSLATE_NOOP("WeeklyLedger", "Department / person"), 25),
    (QT_TRANSLATE_NOOP("WeeklyLedger", "Stage"), 15),
    (QT_TRANSLATE_NOOP("WeeklyLedger", "First response due / given"), 22),
    (QT_TRANSLATE_NOOP("WeeklyLedger", "Resolution due / done"), 22),
    (QT_TRANSLATE_NOOP("WeeklyLedger", "Days open"), 11),
    (QT_TRANSLATE_NOOP("WeeklyLedger", "Overdue"), 16),
)
CUSTOMER, TITLE, PERSON = 3, 4, 6  # the columns whose text wraps
OVERDUE_COLUMN = len(COLUMNS) - 1
FONT_SIZE = 7.5
Fit = Callable[[int, str], str]


def week_dates(year: int, week: int) -> tuple[date, date]:
    """Monday and Sunday of ISO week ``year``-W``week``; refused when there is none."""
    try:
        monday = date.fromisocalendar(year, week, 1)
    except ValueError:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "There is no week {week} in {year}."),
            field="week",
            week=week,
            year=year,
        ) from None
    return week_of(monday)


def _widths() -> list[float]:
    rest = content_width(PAGE) - sum(width for _, width in COLUMNS) * mm
    return [width * mm if width else rest for _, width in COLUMNS]


def _days_open(row: LedgerRow, cutoff: datetime) -> int:
    ends = [t for t in (row.resolved_at, row.closed_at) if t is not None and t < cutoff]
    return max(0, ((min(ends) if ends else cutoff) - row.received_at).days)


def _due_done(due: datetime | None, done: datetime | None) -> str:
    return f"{short_datetime_text(due) or '—'}\n{short_datetime_text(done) or '—'}"


def _cells(index: int, row: LedgerRow, overdue: bool, cutoff: datetime, fit: Fit) -> list[str]:
    person = "\n".join(part for part in (row.department, row.assignee) if part)
    mark = "● " + translate("WeeklyLedger", "Overdue") if overdue else ""
    return [
        str(index),
        row.number,
        f"{date_text(row.received_at)}\n{time_text(row.received_at)}",
        fit(CUSTOMER, row.customer),
        fit(TITLE, row.title),
        enum_label(row.urgency),
        fit(PERSON, person),
        enum_label(row.stage),
        _due_done(row.first_response_due, row.first_response_at),
        _due_done(row.resolution_due, row.resolved_at),
        number_text(_days_open(row, cutoff)),
        mark,
    ]


def _table_rows(
    ctx: Context,
    monday: date,
    sunday: date,
    cutoff: datetime,
    steps: Steps,
    cancelled: CancelCheck | None,
) -> tuple[list[LedgerRow], list[bool]]:
    """Every requirement open in the week, oldest first, and which are overdue."""
    rows: list[LedgerRow] = []
    batches = ledger_batches(ctx, LedgerFilter(open_from=monday, open_to=sunday), BATCH)
    try:
        for batch in batches:
            check(cancelled)
            rows += batch
            steps.built(len(rows) // 2)  # half the work of a row: reading it
    finally:
        getattr(batches, "close", lambda: None)()  # end the read at once when stopped
    rows.reverse()  # the ledger streams newest first
    return rows, [overdue_at_end(row, cutoff) for row in rows]


def _long_table(
    rows: list[LedgerRow],
    overdue: list[bool],
    cutoff: datetime,
    steps: Steps,
    cancelled: CancelCheck | None,
) -> long_table.LongTable:
    font = styles().cell.fontName
    widths = _widths()

    def fit(column: int, text: str) -> str:
        return long_table.fit_lines(text, widths[column] - 2 * PADDING, font, FONT_SIZE)

    data: list[list[Any]] = []
    for index, (row, late) in enumerate(zip(rows, overdue, strict=True), start=1):
        if index % BATCH == 0:
            check(cancelled)
            steps.built((len(rows) + index) // 2)
        data.append(_cells(index, row, late, cutoff, fit))
    if not rows:
        data.append(
            ["", "", "", "", translate("WeeklyLedger", "No requirement was open."), *[""] * 7]
        )
    style = long_table.plain_style(font, FONT_SIZE)
    style += [
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#8a8f98")),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
    ]

    def row_style(index: int, row: int) -> list[tuple[Any, ...]]:
        if index >= len(overdue) or not overdue[index]:
            return []
        return [
            ("BACKGROUND", (0, row), (-1, row), OVERDUE_FILL),
            ("TEXTCOLOR", (OVERDUE_COLUMN, row), (OVERDUE_COLUMN, row), OVERDUE_INK),
        ]

    header = [label_cell(translate(CONTEXT, text)) for text, _ in COLUMNS]
    return long_table.LongTable(header, data, widths, style, row_style)


def _heading(
    year: int, week: int, monday: date, sunday: date, cutoff: datetime, now: datetime
) -> list[Any]:
    s = styles()
    span = translate("WeeklyLedger", "{week}: {first} to {last}").format(
        week=week_text(year, week), first=date_text(monday), last=date_text(sunday)
    )
    state = (
        translate("WeeklyLedger", "Figures at the end of the week.")
        if cutoff < now
        else translate("WeeklyLedger", "The week is under way: figures as of {time}.").format(
            time=datetime_text(now)
        )
    )
    return [
        para(translate("WeeklyLedger", "Weekly tracking ledger"), s.title),
        para(spaced(span, state)),
    ]


def _legend(rows: int, overdue: int) -> Paragraph:
    text = translate(
        "WeeklyLedger",
        "{rows} requirements were open at some time in the week; {overdue} of them, marked "
        "● Overdue and shaded, were overdue at its end (a first response or the resolution "
        "due and not done). Stage: the stage at printing. Merged and cancelled requirements "
        "are listed but not counted.",
    ).format(rows=number_text(rows), overdue=number_text(overdue))
    return para(text, styles().small)


def write_weekly_ledger(
    ctx: Context,
    year: int,
    week: int,
    path: Path,
    *,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> Path:
    """Write the weekly tracking ledger of ISO week ``year``-W``week`` to ``path`` and
    audit the print. ``progress(done, total)`` follows the work; ``cancelled()`` turning
    true stops it with :class:`~reqdesk.services.cancel.Cancelled`, no file written."""
    header = start_report(ctx)
    monday, sunday = week_dates(year, week)
    now = ctx.clock()
    cutoff = period(monday, sunday, now).cutoff
    figures = period_metrics(ctx, monday, sunday)
    steps = Steps(count_ledger(ctx, LedgerFilter(open_from=monday, open_to=sunday)), progress)
    steps.built(0)
    rows, overdue = _table_rows(ctx, monday, sunday, cutoff, steps, cancelled)
    width = content_width(PAGE)
    pairs = ledger_pdf.metric_pairs(figures)
    pairs.append((translate("WeeklyLedger", "Requirements listed"), number_text(len(rows))))
    summary: list[Any] = [
        *_heading(year, week, monday, sunday, cutoff, now),
        Spacer(1, GAP),
        ledger_pdf.summary_table(pairs, width, columns=4),
        Spacer(1, 1.5 * mm),
        _legend(len(rows), sum(overdue)),
        Spacer(1, GAP),
    ]
    room = long_table.page_room(PAGE)
    table = _long_table(rows, overdue, cutoff, steps, cancelled)
    first_room = room - long_table.used_height(summary, width)
    story = [
        *summary,
        *table.flowables(first_room, room, cancelled, steps),
        Spacer(1, 4 * mm),
        ledger_pdf.signature_lines(width),
    ]
    title = translate("WeeklyLedger", "Weekly tracking ledger – {week}").format(
        week=week_text(year, week)
    )
    frame = PageFrame(
        header.company, title, header.printed_by, header.printed_at, translate, header.logo
    )
    check(cancelled)
    build(path, story, frame, PAGE)
    steps.laid_out(0)
    details = {"week": f"{year}-W{week:02d}", "rows": len(rows), "overdue": sum(overdue)}
    return record_report(ctx, path, FORM_WEEKLY_LEDGER, details)
