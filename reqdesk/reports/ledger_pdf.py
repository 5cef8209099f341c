"""What the weekly ledger and the monthly analysis share: the metrics in words and
figures, the summary table and the signature lines."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Table, TableStyle

from reqdesk.formatting import blank_date, labelled, number_text, percent_text
from reqdesk.i18n import translate
from reqdesk.reports.labels import label_cell
from reqdesk.reports.pdf import GRID, para, styles
from reqdesk.services.metrics import Metrics
from reqdesk.textmarks import QT_TRANSLATE_NOOP

CONTEXT = "LedgerReports"
GAP = 3 * mm
SHADE = colors.HexColor("#eef1f5")

COUNT, RATE, MEAN = "count", "rate", "mean"


@dataclass(frozen=True)
class Figure:
    """One metric as both reports print it."""

    label: str  # source text, context "LedgerReports"
    value: Callable[[Metrics], float | None]
    kind: str  # COUNT, RATE or MEAN


FIGURES = (
    Figure(QT_TRANSLATE_NOOP("LedgerReports", "Responses due"), lambda m: m.responses_due, COUNT),
    Figure(
        QT_TRANSLATE_NOOP("LedgerReports", "Answered on time"),
        lambda m: m.responses_on_time,
        COUNT,
    ),
    Figure(
        QT_TRANSLATE_NOOP("LedgerReports", "Response timeliness rate"), lambda m: m.timeliness, RATE
    ),
    Figure(QT_TRANSLATE_NOOP("LedgerReports", "Registered"), lambda m: m.registered, COUNT),
    Figure(QT_TRANSLATE_NOOP("LedgerReports", "Resolved"), lambda m: m.resolved, COUNT),
    Figure(QT_TRANSLATE_NOOP("LedgerReports", "Completion rate"), lambda m: m.completion, RATE),
    Figure(QT_TRANSLATE_NOOP("LedgerReports", "Return visits"), lambda m: m.visits, COUNT),
    Figure(
        QT_TRANSLATE_NOOP("LedgerReports", "Mean satisfaction"),
        lambda m: m.satisfaction_mean,
        MEAN,
    ),
    Figure(
        QT_TRANSLATE_NOOP("LedgerReports", "Satisfied (4–5)"), lambda m: m.satisfied_share, RATE
    ),
    Figure(QT_TRANSLATE_NOOP("LedgerReports", "Open at the end"), lambda m: m.open_count, COUNT),
    Figure(
        QT_TRANSLATE_NOOP("LedgerReports", "Overdue at the end"), lambda m: m.overdue_count, COUNT
    ),
)


def shown(figure: Figure, m: Metrics) -> str:
    value = figure.value(m)
    if figure.kind == RATE:
        return percent_text(value)
    if figure.kind == MEAN:
        return number_text(value, 2)
    return number_text(int(value or 0))


def change(figure: Figure, before: Metrics, after: Metrics) -> str:
    """How a metric moved: counts and means as differences, rates in percentage points."""
    old, new = figure.value(before), figure.value(after)
    if old is None or new is None:
        return "—"
    if figure.kind == RATE:
        points = number_text((new - old) * 100, 1, signed=True)
        return translate("LedgerReports", "{n} pp").format(n=points)
    if figure.kind == MEAN:
        return number_text(new - old, 2, signed=True)
    return number_text(int(new) - int(old), signed=True)


def metric_pairs(m: Metrics) -> list[tuple[str, str]]:
    return [(translate(CONTEXT, f.label), shown(f, m)) for f in FIGURES]


def summary_table(pairs: list[tuple[str, str]], width: float, columns: int) -> Table:
    """Figures as label/value pairs, ``columns`` pairs a row, labels shaded and wide
    enough for the longer English labels."""
    s = styles()
    rows: list[list[Any]] = []
    for start in range(0, len(pairs), columns):
        row: list[Any] = []
        for name, value in pairs[start : start + columns]:
            row += [label_cell(name), para(value, s.cell)]
        rows.append(row + [""] * (2 * columns - len(row)))
    label_width = width / columns * 0.62
    table = Table(rows, colWidths=[label_width, width / columns - label_width] * columns)
    style = TableStyle(GRID.getCommands())
    for column in range(0, 2 * columns, 2):
        style.add("BACKGROUND", (column, 0), (column, -1), SHADE)
    table.setStyle(style)
    return table


def signature_lines(width: float) -> Table:
    """编制 / 审核, each with a date, to be signed on paper: one row on a landscape page,
    two on a portrait one."""
    s = styles()
    line = "______________"
    prepared = labelled(translate("LedgerReports", "Prepared by"), line)
    reviewed = labelled(translate("LedgerReports", "Reviewed by"), line)
    day = labelled(translate("LedgerReports", "Date"), blank_date())
    wide = width > 200 * mm
    rows = [[prepared, day, reviewed, day]] if wide else [[prepared, reviewed], [day, day]]
    cells = [[Paragraph(text, s.body) for text in row] for row in rows]
    table = Table(cells, colWidths=[width / len(rows[0])] * len(rows[0]))
    table.setStyle(TableStyle([("TOPPADDING", (0, 0), (-1, -1), 12)]))
    return table
