"""需求分析报告: the monthly requirement analysis (seed 001 三(四)) as an A4 PDF.

An overview in words, the metrics against the previous month, what came in by category,
urgency, channel and department (with bar charts), the customers with the most
requirements, the weekly response timeliness over half a year, and the requirements
still open at the end of the month, overdue ones first.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Spacer, Table, TableStyle

from reqdesk.formatting import (
    date_text,
    month_text,
    number_text,
    percent_text,
    short_week_text,
)
from reqdesk.i18n import enum_label, translate
from reqdesk.reports import charts, ledger_pdf, long_table
from reqdesk.reports.labels import label_cell
from reqdesk.reports.ledger_pdf import GAP
from reqdesk.reports.long_table import PADDING
from reqdesk.reports.pdf import PageFrame, build, content_width, list_table, para, styles
from reqdesk.services import analysis
from reqdesk.services.cancel import CancelCheck, Progress, check
from reqdesk.services.context import Context
from reqdesk.services.errors import ValidationError
from reqdesk.services.ledger_reports import FORM_MONTHLY_REPORT, record_report, start_report
from reqdesk.services.metrics import Metrics, period_metrics, weekly_trend
from reqdesk.services.periods import month_of
from reqdesk.textmarks import QT_TRANSLATE_NOOP

LISTED = 200  # open requirements listed at most
TOP = 10
TREND_WEEKS = 26
STEPS = 8
OVERDUE_FILL = colors.HexColor("#fbe3e3")
OVERDUE_INK = colors.HexColor("#b3261e")


def month_dates(year: int, month: int) -> tuple[date, date]:
    """The first and last day of a month; refused when there is no such month."""
    if not 1 <= month <= 12 or not 1 <= year <= 9999:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "There is no month {month} in {year}."),
            field="month",
            month=month,
            year=year,
        )
    return month_of(date(year, month, 1))


def _heading(text: str, room: float = 40 * mm) -> list[Flowable]:
    """A section's heading, on the next page when less than ``room`` is left."""
    return [CondPageBreak(room), para(text, styles().heading)]


def _overview(label: str, intake: analysis.Intake, m: Metrics) -> list[Any]:
    text = translate(
        "MonthlyReport",
        "In {month}, {received} requirements were received: {rejected} rejected, {merged} "
        "merged into others and {cancelled} cancelled. Of the {registered} registered, "
        "{resolved} were resolved by the end of the month (completion rate {completion}). "
        "{on_time} of {due} first responses due were given on time (timeliness rate "
        "{timeliness}). {visits} return visits gave a mean satisfaction of {mean}, {share} "
        "rated 4 or 5. At the end of the month {open} requirements were open, {overdue} of "
        "them overdue.",
    ).format(
        month=label,
        received=number_text(intake.received),
        rejected=number_text(intake.rejected),
        merged=number_text(intake.merged),
        cancelled=number_text(intake.cancelled),
        registered=number_text(m.registered),
        resolved=number_text(m.resolved),
        completion=percent_text(m.completion),
        on_time=number_text(m.responses_on_time),
        due=number_text(m.responses_due),
        timeliness=percent_text(m.timeliness),
        visits=number_text(m.visits),
        mean=number_text(m.satisfaction_mean, 2),
        share=percent_text(m.satisfied_share),
        open=number_text(m.open_count),
        overdue=number_text(m.overdue_count),
    )
    return [*_heading(translate("MonthlyReport", "1. Overview")), para(text)]


def _comparison(label: str, previous_label: str, before: Metrics, after: Metrics) -> list[Any]:
    header = [
        translate("MonthlyReport", "Metric"),
        previous_label,
        label,
        translate("MonthlyReport", "Change"),
    ]
    rows: list[list[object]] = [
        [
            translate(ledger_pdf.CONTEXT, figure.label),
            ledger_pdf.shown(figure, before),
            ledger_pdf.shown(figure, after),
            ledger_pdf.change(figure, before, after),
        ]
        for figure in ledger_pdf.FIGURES
    ]
    width = content_width()
    table = list_table(header, rows, [width - 99 * mm, 33 * mm, 33 * mm, 33 * mm])
    return [*_heading(translate("MonthlyReport", "2. Metrics against the previous month")), table]


def _count_table(title: str, counts: analysis.Counts, total: int, width: float) -> Table:
    rows: list[list[object]] = [
        [label, number_text(n), percent_text(n / total if total else None)] for label, n in counts
    ]
    return list_table(
        [title, translate("MonthlyReport", "Requirements"), translate("MonthlyReport", "Share")],
        rows,
        [width - 44 * mm, 24 * mm, 20 * mm],
    )


def _side_by_side(left: Any, right: Any) -> Table:
    half = content_width() / 2
    table = Table([[left, right]], colWidths=[half, half])
    table.setStyle(
        TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)])
    )
    return table


def _intake(intake: analysis.Intake) -> list[Any]:
    half = content_width() / 2 - 3 * mm
    total = intake.counted
    tables = [
        _count_table(translate("MonthlyReport", "Category"), intake.by_category, total, half),
        _count_table(translate("MonthlyReport", "Urgency"), intake.by_urgency, total, half),
        _count_table(translate("MonthlyReport", "Channel"), intake.by_channel, total, half),
        _count_table(translate("MonthlyReport", "Department"), intake.by_department, total, half),
    ]
    note = translate(
        "MonthlyReport",
        "Requirements received in the month, merged and cancelled ones left out: {n}.",
    ).format(n=number_text(total))
    bars = _side_by_side(
        charts.bar_chart(
            intake.by_category, half, 62 * mm, translate("MonthlyReport", "By category")
        ),
        charts.bar_chart(
            intake.by_department, half, 62 * mm, translate("MonthlyReport", "By department")
        ),
    )
    return [
        *_heading(
            translate(
                "MonthlyReport", "3. Requirements by category, urgency, channel and department"
            )
        ),
        para(note, styles().small),
        Spacer(1, 1.5 * mm),
        _side_by_side(tables[0], tables[1]),
        Spacer(1, GAP),
        _side_by_side(tables[2], tables[3]),
        Spacer(1, GAP),
        bars,
    ]


def _customers(top: analysis.Counts, total: int) -> list[Any]:
    rows: list[list[object]] = [
        [str(rank), name, number_text(n), percent_text(n / total if total else None)]
        for rank, (name, n) in enumerate(top, start=1)
    ]
    width = content_width()
    header = [
        "#",
        translate("MonthlyReport", "Customer"),
        translate("MonthlyReport", "Requirements"),
        translate("MonthlyReport", "Share"),
    ]
    table = list_table(header, rows, [10 * mm, width - 60 * mm, 25 * mm, 25 * mm])
    return [*_heading(translate("MonthlyReport", "4. Customers with the most requirements")), table]


def _trend(trend: list[tuple[date, Metrics]]) -> list[Any]:
    labels = [short_week_text(monday.isocalendar()[1]) for monday, _ in trend]
    values = [m.timeliness for _, m in trend]
    chart = charts.percent_line_chart(
        labels,
        values,
        content_width(),
        70 * mm,
        translate("MonthlyReport", "Response timeliness rate by week"),
    )
    first, last = trend[0][0], trend[-1][0] + timedelta(days=6)
    note = translate(
        "MonthlyReport", "The {n} weeks from {first} to {last}; no point: no first response due."
    ).format(n=len(trend), first=date_text(first), last=date_text(last))
    return [
        *_heading(translate("MonthlyReport", "5. Weekly response timeliness")),
        chart,
        para(note, styles().small),
    ]


def _open_rows(items: analysis.OpenItems) -> list[list[str]]:
    font, size = styles().cell.fontName, 7.5
    widths = _open_widths()

    def fit(column: int, text: str) -> str:
        return long_table.fit_lines(text, widths[column] - 2 * PADDING, font, size)

    mark = "● " + translate("MonthlyReport", "Overdue")
    return [
        [
            str(index),
            item.number,
            date_text(item.received_at),
            fit(3, item.customer),
            fit(4, item.title),
            enum_label(item.urgency),
            fit(6, item.department),
            enum_label(item.stage),
            number_text(max(0, (items.cutoff - item.received_at).days)),
            mark if item.overdue else "",
        ]
        for index, item in enumerate(items.items, start=1)
    ]


def _open_widths() -> list[float]:
    fixed = [8, 26, 17, 30, 0, 14, 20, 13, 11, 14]  # "Department" fits whole
    rest = content_width() - sum(fixed) * mm
    return [w * mm if w else rest for w in fixed]


def _open_items(items: analysis.OpenItems) -> list[Any]:
    header = [
        "#",
        translate("MonthlyReport", "Number"),
        translate("MonthlyReport", "Received"),
        translate("MonthlyReport", "Customer"),
        translate("MonthlyReport", "Title"),
        translate("MonthlyReport", "Urgency"),
    ]
    header += [
        translate("MonthlyReport", "Department"),
        translate("MonthlyReport", "Stage now"),
        translate("MonthlyReport", "Days open"),
        translate("MonthlyReport", "Overdue"),
    ]
    cell = styles().cell
    data: list[list[Any]] = [[label_cell(h) for h in header], *_open_rows(items)]
    if not items.items:
        data.append(["", "", "", "", para(translate("MonthlyReport", "None."), cell), *[""] * 5])
    table = Table(data, colWidths=_open_widths(), repeatRows=1, splitInRow=1)
    style = TableStyle(long_table.plain_style(cell.fontName, 7.5))
    style.add("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#8a8f98"))
    style.add("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dde3ea"))
    for index, item in enumerate(items.items, start=1):
        if item.overdue:
            style.add("BACKGROUND", (0, index), (-1, index), OVERDUE_FILL)
            style.add("TEXTCOLOR", (-1, index), (-1, index), OVERDUE_INK)
    table.setStyle(style)
    note = translate(
        "MonthlyReport",
        "{total} requirements were open at the end of the month, {overdue} of them overdue "
        "(marked ● Overdue and shaded); overdue ones first, then the oldest.",
    ).format(total=number_text(items.total), overdue=number_text(items.overdue))
    story = [
        *_heading(
            translate(
                "MonthlyReport", "6. Overdue and unresolved requirements at the end of the month"
            ),
            70 * mm,
        )
    ]
    story += [para(note, styles().small), Spacer(1, 1.5 * mm), table]
    if items.total > len(items.items):
        more = translate("MonthlyReport", "… and {n} more not listed here: see the ledger.").format(
            n=number_text(items.total - len(items.items))
        )
        story.append(para(more, styles().small))
    return story


def write_monthly_report(
    ctx: Context,
    year: int,
    month: int,
    path: Path,
    *,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> Path:
    """Write the requirement analysis report of ``year``-``month`` to ``path`` and audit
    the print. ``progress(done, total)`` follows the sections; ``cancelled()`` turning
    true stops it with :class:`~reqdesk.services.cancel.Cancelled`, no file written."""
    header = start_report(ctx)
    first, last = month_dates(year, month)
    before_last = first - timedelta(days=1)
    before_first = before_last.replace(day=1)
    label = month_text(year, month)
    previous_label = month_text(before_first.year, before_first.month)
    done = 0

    def step() -> None:
        nonlocal done
        check(cancelled)
        done += 1
        if progress is not None:
            progress(done, STEPS)

    after = period_metrics(ctx, first, last)
    step()
    before = period_metrics(ctx, before_first, before_last)
    step()
    intake = analysis.month_counts(ctx, first, last)
    step()
    top = analysis.top_customers(ctx, first, last, TOP)
    step()
    trend = weekly_trend(ctx, last, TREND_WEEKS)
    step()
    items = analysis.open_items(ctx, first, last, LISTED)
    step()
    s = styles()
    span = translate(
        "MonthlyReport", "{month}: {first} to {last}, compared with {previous}"
    ).format(month=label, first=date_text(first), last=date_text(last), previous=previous_label)
    story: list[Any] = [
        para(translate("MonthlyReport", "Requirement analysis report"), s.title),
        para(span),
        *_overview(label, intake, after),
        *_comparison(label, previous_label, before, after),
        *_intake(intake),
        *_customers(top, intake.counted),
        *_trend(trend),
        *_open_items(items),
        Spacer(1, 4 * mm),
        ledger_pdf.signature_lines(content_width()),
    ]
    title = translate("MonthlyReport", "Requirement analysis report {month}").format(month=label)
    frame = PageFrame(
        header.company, title, header.printed_by, header.printed_at, translate, header.logo
    )
    build(path, story, frame)
    step()
    report = record_report(ctx, path, FORM_MONTHLY_REPORT, {"month": f"{year}-{month:02d}"})
    step()
    return report
