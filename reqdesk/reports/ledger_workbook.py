"""The tracking ledger as an Excel workbook, streamed row by row (openpyxl write-only mode).

Any filtered ledger, up to every requirement: typed cells (times in business time with
the language's date format, numbers as numbers), a bold frozen header, a filter over the
rows and overdue rows filled light red. The file is written beside the target and
renamed at the end, so a failure or a cancellation never leaves half a file nor spoils
one already there.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from contextlib import suppress
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES, ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from reqdesk.formatting import date_text, excel_datetime_format
from reqdesk.i18n import enum_label, translate
from reqdesk.reports.files import ExportFileError, file_error
from reqdesk.services.cancel import Cancelled
from reqdesk.services.context import Context
from reqdesk.services.ledger_export import filter_terms, may_export, record_ledger_export
from reqdesk.services.ledger_list import LedgerFilter, LedgerRow, count_ledger, ledger_batches
from reqdesk.services.sla import BUSINESS_TZ
from reqdesk.textmarks import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

CONTEXT = "LedgerWorkbook"
BATCH = 2000
# Shared style objects: openpyxl keeps one copy of each in the file's style table.
HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")
OVERDUE_FILL = PatternFill("solid", fgColor="FFC7CE")  # Excel's own "light red fill"
WRAP = Alignment(vertical="center", wrap_text=True)
SPECIAL_STARTS = frozenset("=#")  # how formulas and error values begin

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class LedgerColumn:
    header: str  # English source text in the "LedgerWorkbook" context
    width: float
    kind: str = "text"  # text, time, number, or label (a translated code)


COLUMNS: tuple[LedgerColumn, ...] = (
    LedgerColumn(QT_TRANSLATE_NOOP("LedgerWorkbook", "Number"), 18),
    LedgerColumn(QT_TRANSLATE_NOOP("LedgerWorkbook", "Received"), 17, "time"),
    LedgerColumn(QT_TRANSLATE_NOOP("LedgerWorkbook", "Customer"), 30),
    LedgerColumn(QT_TRANSLATE_NOOP("LedgerWorkbook", "Title"), 40),
    LedgerColumn(QT_TRANSLATE_NOOP("LedgerWorkbook", "Urgency"), 9, "label"),
    LedgerColumn(QT_TRANSLATE_NOOP("LedgerWorkbook", "Channel"), 10, "label"),
    LedgerColumn(QT_TRANSLATE_NOOP("LedgerWorkbook", "Department"), 12),
    LedgerColumn(QT_TRANSLATE_NOOP("LedgerWorkbook", "Person"), 10),
    LedgerColumn(QT_TRANSLATE_NOOP("LedgerWorkbook", "Stage"), 10, "label"),
    LedgerColumn(QT_TRANSLATE_NOOP("LedgerWorkbook", "First response due"), 17, "time"),
    LedgerColumn(QT_TRANSLATE_NOOP("LedgerWorkbook", "Responded"), 17, "time"),
    LedgerColumn(QT_TRANSLATE_NOOP("LedgerWorkbook", "Resolution due"), 17, "time"),
    LedgerColumn(QT_TRANSLATE_NOOP("LedgerWorkbook", "Resolved"), 17, "time"),
    LedgerColumn(QT_TRANSLATE_NOOP("LedgerWorkbook", "Days open"), 9, "number"),
    LedgerColumn(QT_TRANSLATE_NOOP("LedgerWorkbook", "Satisfaction"), 9, "number"),
    LedgerColumn(QT_TRANSLATE_NOOP("LedgerWorkbook", "Overdue"), 18, "label"),
)
LATE_STEPS: tuple[tuple[str, str], ...] = (
    ("response_late", QT_TRANSLATE_NOOP("LedgerWorkbook", "response")),
    ("plan_late", QT_TRANSLATE_NOOP("LedgerWorkbook", "plan")),
    ("resolution_late", QT_TRANSLATE_NOOP("LedgerWorkbook", "resolution")),
    ("answer_late", QT_TRANSLATE_NOOP("LedgerWorkbook", "review answer")),
)


def business_time(value: datetime | None) -> datetime | None:
    """A stored (aware UTC) time as Excel takes it: naive, in business time, to the second."""
    if value is None:
        return None
    return value.astimezone(BUSINESS_TZ).replace(tzinfo=None, microsecond=0)


def _text(value: str) -> str | None:
    """Text as Excel takes it (no old control characters); empty as an empty cell."""
    return ILLEGAL_CHARACTERS_RE.sub("", value) or None


class _RowWriter:
    """Turns ledger rows into sheet rows.

    Styled cells are made once per column and refilled for every row: write-only mode
    writes a row out during ``append``, so a cell may carry the next row's value after
    that. This keeps 100,000 rows fast (no cell or style lookup per value).
    """

    def __init__(self, sheet: WriteOnlyWorksheet, now: datetime) -> None:
        self.sheet = sheet
        self.now = now
        self.labels: dict[StrEnum, str] = {}
        self.steps = [(flag, translate(CONTEXT, name)) for flag, name in LATE_STEPS]
        self.separator = translate("LedgerWorkbook", ", ")
        self.time_columns = [i for i, c in enumerate(COLUMNS) if c.kind == "time"]
        self.text_columns = [i for i, c in enumerate(COLUMNS) if c.kind == "text"]
        self.time_cells = {i: _styled(sheet, True, False) for i in self.time_columns}
        self.overdue_cells = [_styled(sheet, c.kind == "time", True) for c in COLUMNS]

    def label(self, member: StrEnum) -> str:
        if member not in self.labels:
            self.labels[member] = enum_label(member)
        return self.labels[member]

    def values(self, row: LedgerRow) -> list[Any]:
        late = [name for flag, name in self.steps if getattr(row, flag)] if row.overdue else ()
        return [
            row.number,
            business_time(row.received_at),
            _text(row.customer),
            _text(row.title),
            self.label(row.urgency),
            self.label(row.channel),
            _text(row.department),
            _text(row.assignee),
            self.label(row.stage),
            business_time(row.first_response_due),
            business_time(row.first_response_at),
            business_time(row.resolution_due),
            business_time(row.resolved_at),
            row.days_open(self.now),
            row.satisfaction,
            self.separator.join(late) or None,
        ]

    def cells(self, row: LedgerRow) -> list[Any]:
        """Plain values where no style is needed, styled cells for times and for every
        cell of an overdue row; text that Excel would take for a formula stays text."""
        values = self.values(row)
        if row.overdue:
            for cell, value in zip(self.overdue_cells, values, strict=True):
                _fill(cell, value)
            return self.overdue_cells
        cells: list[Any] = values
        for index in self.time_columns:
            if values[index] is not None:
                cells[index] = _fill(self.time_cells[index], values[index])
        for index in self.text_columns:
            value = values[index]
            if value and value[0] in SPECIAL_STARTS and _looks_special(value):
                cells[index] = _fill(WriteOnlyCell(self.sheet), value)
        return cells


def _styled(sheet: WriteOnlyWorksheet, is_time: bool, overdue: bool) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet)
    if is_time:
        cell.number_format = excel_datetime_format()
    if overdue:
        cell.fill = OVERDUE_FILL
    return cell


def _looks_special(text: str) -> bool:
    """Text that openpyxl would write as a formula or an error value."""
    return (len(text) > 1 and text.startswith("=")) or text in ERROR_CODES


def _fill(cell: WriteOnlyCell, value: Any) -> WriteOnlyCell:
    cell.value = value
    if isinstance(value, str) and _looks_special(value):
        cell.data_type = "s"
    return cell


def _prepare(sheet: WriteOnlyWorksheet) -> None:
    """What write-only mode takes only before the first row: widths and frozen panes."""
    for index, column in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    sheet.freeze_panes = "B2"  # the header and the number stay in view


def _header(sheet: WriteOnlyWorksheet) -> list[WriteOnlyCell]:
    cells = []
    for column in COLUMNS:
        cell = WriteOnlyCell(sheet, value=translate(CONTEXT, column.header))
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = WRAP
        cells.append(cell)
    return cells


def _write_notes(
    workbook: Workbook, ctx: Context, flt: LedgerFilter, now: datetime, rows: int
) -> None:
    """A second sheet: when, by whom and with which filter the ledger was exported."""
    sheet = workbook.create_sheet(translate("LedgerWorkbook", "Export")[:31])
    sheet.column_dimensions["A"].width = 18
    sheet.column_dimensions["B"].width = 40
    title = WriteOnlyCell(sheet, value=translate("LedgerWorkbook", "Tracking ledger"))
    title.font = HEADER_FONT
    sheet.append([title])
    exported = WriteOnlyCell(sheet, value=business_time(now))
    exported.number_format = excel_datetime_format()
    exported.alignment = Alignment(horizontal="left")
    sheet.append([translate("LedgerWorkbook", "Exported at"), exported])
    by = ctx.actor.full_name if ctx.actor is not None else ""
    sheet.append([translate("LedgerWorkbook", "Exported by"), by])
    sheet.append([translate("LedgerWorkbook", "Rows"), rows])
    terms = filter_terms(ctx, flt)
    sheet.append(
        [
            translate("LedgerWorkbook", "Filter"),
            None if terms else translate("LedgerWorkbook", "none"),
        ]
    )
    for label, value in terms:
        text = _fill(WriteOnlyCell(sheet), _term_text(value))  # typed text stays text
        sheet.append([translate(CONTEXT, label), text])


def _term_text(value: object) -> str | None:
    if isinstance(value, bool):
        return translate("LedgerWorkbook", "yes") if value else translate("LedgerWorkbook", "no")
    if isinstance(value, StrEnum):
        return enum_label(value)
    if isinstance(value, tuple):
        return translate("LedgerWorkbook", ", ").join(enum_label(v) for v in value)
    if isinstance(value, date):
        return date_text(value)
    return _text(str(value))


# --- files ------------------------------------------------------------------------


def _partial_beside(path: Path) -> Path:
    """Claim a temporary file in the target's folder (which also proves it writable)."""
    if path.is_dir():
        raise ExportFileError(
            QT_TRANSLATE_NOOP("Errors", "{file} is a folder. Give a file name ending in .xlsx."),
            file=str(path),
        )
    partial = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.partial")
    try:
        partial.open("xb").close()
    except OSError as error:
        raise file_error(error, path) from None
    return partial


def _discard(sheet: WriteOnlyWorksheet) -> None:
    """Drop a sheet that will never be saved, with the temporary file openpyxl streams it
    into (otherwise left in the temp folder until the program ends)."""
    with suppress(Exception):
        sheet.close()
    writer = getattr(sheet, "_writer", None)
    if writer is not None:
        with suppress(OSError):
            writer.cleanup()


# --- the export ---------------------------------------------------------------------


def _stream(
    sheet: WriteOnlyWorksheet,
    batches: Iterator[list[LedgerRow]],
    rows: _RowWriter,
    total: int,
    progress: Progress | None,
    cancelled: Callable[[], bool] | None,
) -> int:
    done = 0
    for batch in batches:
        if cancelled is not None and cancelled():
            raise Cancelled()
        for row in batch:
            sheet.append(rows.cells(row))
        done += len(batch)
        if progress is not None:
            progress(done, max(total, done))
    if cancelled is not None and cancelled():
        raise Cancelled()
    if progress is not None and (done == 0 or done < total):
        progress(done, done)  # rows left the filter meanwhile: the bar still ends full
    return done


def export_ledger(
    ctx: Context,
    flt: LedgerFilter,
    path: Path,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Write the filtered ledger to ``path`` (.xlsx) and audit it; returns the rows written.

    ``progress(done, total)`` follows each batch; ``cancelled()`` turning true stops the
    export with :class:`Cancelled` and nothing written. Raises ExportFileError for a
    path that cannot be written.
    """
    may_export(ctx)
    path = Path(path)
    now = ctx.clock()
    total = count_ledger(ctx, flt)
    partial = _partial_beside(path)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(translate("LedgerWorkbook", "Ledger")[:31])
    try:
        _prepare(sheet)
        sheet.append(_header(sheet))
        batches = ledger_batches(ctx, flt, BATCH)
        try:
            written = _stream(sheet, batches, _RowWriter(sheet, now), total, progress, cancelled)
        finally:
            getattr(batches, "close", lambda: None)()  # end the read now when stopped early
        last = get_column_letter(len(COLUMNS))
        sheet.auto_filter.ref = f"A1:{last}{written + 1}"
        _write_notes(workbook, ctx, flt, now, written)
        workbook.save(partial)
        os.replace(partial, path)
    except BaseException as error:
        for each in workbook.worksheets:
            _discard(each)
        partial.unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise file_error(error, path) from None
        raise
    try:
        record_ledger_export(ctx, flt, file_name=path.name, rows=written)
    except BaseException:
        path.unlink(missing_ok=True)  # an export that is not in the audit log is not made
        raise
    return written
