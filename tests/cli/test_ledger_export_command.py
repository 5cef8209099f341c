"""reqdesk export ledger FILE.xlsx [--from DATE] [--to DATE]: no GUI, typed rows, clear errors."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from reqdesk.db import open_database
from reqdesk.services.ledger_list import LedgerFilter, count_ledger
from reqdesk.services.setup import open_context
from tests.cli.test_customer_commands import run
from tests.helpers import signed_in


def expected(demo_file: Path, flt: LedgerFilter) -> int:
    db = open_database(demo_file)
    try:
        return count_ledger(signed_in(open_context(db), "zhuguan"), flt)
    finally:
        db.dispose()


def test_export_ledger_of_a_period(demo_file: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "台账.xlsx"
    code, out, err = run(
        capsys,
        "export",
        "ledger",
        "--db",
        str(demo_file),
        "--user",
        "zhuguan",
        str(target),
        "--from",
        "2026-10-01",
        "--to",
        "2026-10-31",
    )
    assert (code, err) == (0, "")
    rows = expected(
        demo_file, LedgerFilter(received_from=date(2026, 10, 1), received_to=date(2026, 10, 31))
    )
    assert 0 < rows < 600
    assert str(rows) in out and str(target) in out
    sheet = load_workbook(target, read_only=True).worksheets[0]
    values = list(sheet.iter_rows(min_row=2, values_only=True))
    received = [row[1] for row in values if row[0]]
    assert len(received) == rows
    assert all(isinstance(v, datetime) and v.year == 2026 and v.month == 10 for v in received)


def test_bad_dates_and_paths_are_one_clear_line(demo_file: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    base = ("export", "ledger", "--db", str(demo_file), "--user", "zhuguan")
    with pytest.raises(SystemExit) as exited:  # argparse: usage and one line, exit code 2
        run(capsys, *base, str(tmp_path / "a.xlsx"), "--from", "2026-02-30")
    err = capsys.readouterr().err
    assert exited.value.code == 2 and "YYYY-MM-DD" in err and "Traceback" not in err
    code, _, err = run(
        capsys, *base, str(tmp_path / "a.xlsx"), "--from", "2026-11-02", "--to", "2026-11-01"
    )
    assert code == 1 and "2026-11-02" in err and len(err.strip().splitlines()) == 1
    code, _, err = run(capsys, *base, str(tmp_path / "missing" / "a.xlsx"))
    assert code == 1 and "Traceback" not in err and err.strip()
    assert not (tmp_path / "a.xlsx").exists()


def test_the_workbook_gets_its_xlsx_suffix(demo_file: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    base = ("export", "ledger", "--db", str(demo_file), "--user", "zhuguan")
    code, _, err = run(capsys, *base, str(tmp_path / "ledger.csv"), "--to", "9999-12-31")
    assert (code, err) == (0, "")
    assert (tmp_path / "ledger.csv.xlsx").exists() and not (tmp_path / "ledger.csv").exists()
