"""The ledger's Excel export, read back with openpyxl."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from reqdesk.i18n import enum_label, error_text, translate
from reqdesk.models import AuditEntry
from reqdesk.models.enums import ContactChannel, Stage, Urgency
from reqdesk.reports import ledger_workbook
from reqdesk.reports.ledger_workbook import COLUMNS, ExportFileError, export_ledger
from reqdesk.services.cancel import Cancelled
from reqdesk.services.context import Context
from reqdesk.services.errors import PermissionDenied
from reqdesk.services.ledger_list import LedgerFilter, count_ledger
from reqdesk.services.requirements.registration import dispatch_requirement, register_requirement
from reqdesk.services.requirements.workflow import VisitInput, change_stage, record_return_visit
from reqdesk.services.users import list_departments
from tests.helpers import signed_in
from tests.services.registration_inputs import form

MONDAY = datetime(2026, 12, 7, 2, 0, tzinfo=UTC)  # 10:00 business time
THURSDAY = MONDAY + timedelta(days=3)
HAND_BUILT = LedgerFilter(received_from=date(2026, 12, 7))  # none of the demo's rows
RED = "00FFC7CE"


@dataclass
class Clock:
    now: datetime

    def __call__(self) -> datetime:
        return self.now


@dataclass
class Ledger:
    ctx: Context
    numbers: dict[str, str]  # a, b, c, d → requirement number


@pytest.fixture
def ledger(demo_ctx: Context) -> Ledger:
    """Four requirements on top of the demo: a and c overdue on Thursday, b closed
    with satisfaction 5, d registered on Thursday with a title that looks like a formula."""
    clock = Clock(MONDAY)
    ctx = replace(signed_in(demo_ctx, "kefu"), clock=clock)
    tech = next(d for d in list_departments(ctx) if d.code == "TECH")
    a = register_requirement(ctx, form(title="法兰密封面划伤", urgency=Urgency.URGENT))
    b = register_requirement(ctx, form(title="咨询交货周期", urgency=Urgency.GENERAL))
    c = register_requirement(ctx, form(title="要求提供材质证明", urgency=Urgency.IMPORTANT))
    dispatch_requirement(ctx, a.id, tech.id, None)
    dispatch_requirement(ctx, b.id, tech.id, None)
    clock.now = MONDAY + timedelta(hours=2)
    change_stage(ctx, b.id, Stage.RESPONDED)
    change_stage(ctx, b.id, Stage.RESOLVED)
    record_return_visit(ctx, b.id, VisitInput(date(2026, 12, 7), ContactChannel.CALL, 5))
    clock.now = THURSDAY
    d = register_requirement(ctx, form(title="=SUM(A1:A2) 报价", urgency=Urgency.GENERAL))
    numbers = {"a": a.number, "b": b.number, "c": c.number, "d": d.number}
    return Ledger(ctx, numbers)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """An empty folder for the exports (the database lives beside it)."""
    path = tmp_path / "exports"
    path.mkdir()
    return path


def read(path: Path) -> Any:
    return load_workbook(path).worksheets[0]


def rows_by_number(sheet: Any) -> dict[str, tuple[Any, ...]]:
    return {row[0].value: row for row in sheet.iter_rows(min_row=2)}


def test_header_panes_filter_and_widths(ledger: Ledger, folder: Path) -> None:
    """A bold translated header, panes frozen below it, a filter over every row."""
    path = folder / "台账.xlsx"
    written = export_ledger(ledger.ctx, HAND_BUILT, path)
    sheet = read(path)
    header = [cell.value for cell in sheet[1]]
    assert written == 4 and sheet.max_row == 5
    assert header == [translate("LedgerWorkbook", c.header) for c in COLUMNS]
    assert all(cell.font.b for cell in sheet[1])
    assert sheet.freeze_panes == "B2"
    assert sheet.auto_filter.ref == "A1:P5"
    assert sheet.column_dimensions["D"].width >= 30  # the title column is wide


def test_cells_are_typed_in_business_time(ledger: Ledger, folder: Path) -> None:
    """Times are Excel datetimes in UTC+08:00, days open and satisfaction are numbers."""
    path = folder / "ledger.xlsx"
    export_ledger(ledger.ctx, HAND_BUILT, path)
    rows = rows_by_number(read(path))
    a, b, d = rows[ledger.numbers["a"]], rows[ledger.numbers["b"]], rows[ledger.numbers["d"]]
    assert a[1].value == datetime(2026, 12, 7, 10, 0) and a[1].is_date
    assert a[1].number_format == "yyyy-mm-dd hh:mm"
    assert isinstance(a[9].value, datetime)  # first response due
    assert a[10].value is None and a[12].value is None  # no response, not resolved
    assert a[13].value == 3 and isinstance(a[13].value, int)  # Monday to Thursday
    assert b[10].value == b[12].value == datetime(2026, 12, 7, 12, 0)  # responded, resolved
    assert b[13].value == 0 and b[14].value == 5
    assert b[8].value == enum_label(Stage.CLOSED) and a[4].value == enum_label(Urgency.URGENT)
    assert d[3].value == "=SUM(A1:A2) 报价" and d[3].data_type == "s"  # text, not a formula


def test_overdue_rows_are_red_and_name_the_late_step(ledger: Ledger, folder: Path) -> None:
    """Exactly the overdue rows are filled light red; the last column says what is late."""
    path = folder / "ledger.xlsx"
    export_ledger(ledger.ctx, HAND_BUILT, path)
    rows = rows_by_number(read(path))
    red = {n for n, row in rows.items() if all(c.fill.fgColor.rgb == RED for c in row)}
    plain = {n for n, row in rows.items() if all(c.fill.fill_type is None for c in row)}
    n = ledger.numbers
    assert red == {n["a"], n["c"]} and plain == {n["b"], n["d"]}
    response = translate("LedgerWorkbook", "response")
    assert response in rows[n["a"]][15].value and response in rows[n["c"]][15].value
    assert rows[n["b"]][15].value is None and rows[n["d"]][15].value is None


def test_filters_are_respected(ledger: Ledger, folder: Path) -> None:
    """Stage and received-date filters pick the same rows as the ledger view."""
    closed = LedgerFilter(received_from=date(2026, 12, 7), stage=Stage.CLOSED)
    assert export_ledger(ledger.ctx, closed, folder / "closed.xlsx") == 1
    assert list(rows_by_number(read(folder / "closed.xlsx"))) == [ledger.numbers["b"]]
    thursday = LedgerFilter(received_from=date(2026, 12, 10), received_to=date(2026, 12, 10))
    assert export_ledger(ledger.ctx, thursday, folder / "thursday.xlsx") == 1
    assert list(rows_by_number(read(folder / "thursday.xlsx"))) == [ledger.numbers["d"]]


def test_notes_sheet_and_audit_entry(ledger: Ledger, folder: Path) -> None:
    """A second sheet tells who exported with which filter; the export is audited."""
    path = folder / "ledger.xlsx"
    export_ledger(ledger.ctx, HAND_BUILT, path)
    notes = [row for row in load_workbook(path).worksheets[1].iter_rows(values_only=True)]
    assert (translate("LedgerWorkbook", "Exported by"), "李静") in notes
    assert (translate("LedgerWorkbook", "Rows"), 4) in notes
    assert (translate("LedgerWorkbook", "Received from"), "2026-12-07") in notes
    with ledger.ctx.reading() as session:
        entry = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
    assert entry is not None and entry.action == "export"
    assert "ledger.xlsx" in entry.details and '"rows":4' in entry.details


def test_whole_ledger_with_progress(ledger: Ledger, folder: Path, monkeypatch: Any) -> None:
    """Progress rises batch by batch and ends at the total; every row is written."""
    monkeypatch.setattr(ledger_workbook, "BATCH", 100)
    calls: list[tuple[int, int]] = []
    path = folder / "all.xlsx"
    written = export_ledger(
        ledger.ctx, LedgerFilter(), path, progress=lambda done, total: calls.append((done, total))
    )
    total = count_ledger(ledger.ctx, LedgerFilter())
    assert written == total == 604 and read(path).max_row == total + 1
    done = [d for d, _ in calls]
    assert done == sorted(set(done)) and len(done) == 7  # 100, 200, …, 604
    assert calls[-1] == (total, total) and {t for _, t in calls} == {total}


def test_cancelling_leaves_no_file(ledger: Ledger, folder: Path) -> None:
    """Cancelled half-way: Cancelled is raised and no file, not even a partial one, is left."""
    flag = {"stop": False}

    def progress(done: int, total: int) -> None:
        flag["stop"] = True  # the user presses Cancel after the first batch

    with pytest.raises(Cancelled):
        export_ledger(
            ledger.ctx,
            LedgerFilter(),
            folder / "ledger.xlsx",
            progress=progress,
            cancelled=lambda: flag["stop"],
        )
    assert list(folder.iterdir()) == []


def test_cancelling_keeps_an_existing_file(ledger: Ledger, folder: Path) -> None:
    """A file already at the path stays as it was when the export is cancelled."""
    path = folder / "ledger.xlsx"
    path.write_bytes(b"last week's export")
    with pytest.raises(Cancelled):
        export_ledger(ledger.ctx, HAND_BUILT, path, cancelled=lambda: True)
    assert path.read_bytes() == b"last week's export" and list(folder.iterdir()) == [path]


def test_an_export_replaces_an_existing_file(ledger: Ledger, folder: Path) -> None:
    """Exporting again over an old file replaces it with the new workbook."""
    path = folder / "ledger.xlsx"
    path.write_bytes(b"last week's export")
    export_ledger(ledger.ctx, HAND_BUILT, path)
    assert read(path).max_row == 5 and list(folder.iterdir()) == [path]


def _unwritable_folder(folder: Path) -> Path:
    """A folder nobody may create files in: a read-only one, or for root (whom file
    modes do not stop) the kernel's sysfs, which refuses new files to everyone."""
    if os.name == "posix" and os.geteuid() == 0:
        if not sys.platform.startswith("linux"):
            pytest.skip("no folder refuses root here")
        return Path("/sys")
    folder = folder / "read-only"
    folder.mkdir()
    folder.chmod(0o500)
    return folder


@pytest.mark.parametrize("case", ["missing folder", "folder as file", "read-only"])
def test_bad_paths_give_a_clear_message(ledger: Ledger, folder: Path, case: str) -> None:
    """A path that cannot be written is the program's own error naming it, not an OSError."""
    if case == "missing folder":
        path, named = folder / "no such folder" / "ledger.xlsx", "no such folder"
    elif case == "folder as file":
        path, named = folder, str(folder)
    else:
        path = _unwritable_folder(folder) / "ledger.xlsx"
        named = str(path)
    with pytest.raises(ExportFileError) as raised:
        export_ledger(ledger.ctx, HAND_BUILT, path)
    message = error_text(raised.value)
    assert named in message and "Errno" not in message
    assert not path.exists() or path.is_dir()
    if case != "read-only":
        assert not [p for p in folder.rglob("*") if p.suffix == ".partial"]


def test_export_needs_the_reports_permission(ledger: Ledger, folder: Path) -> None:
    """A department reviewer sees the ledger but may not export it."""
    reviewer = signed_in(ledger.ctx, "jishu")
    with pytest.raises(PermissionDenied):
        export_ledger(reviewer, HAND_BUILT, folder / "ledger.xlsx")
    assert list(folder.iterdir()) == []
