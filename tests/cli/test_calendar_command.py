"""reqdesk import calendar FILE: next year's schedule loaded offline by the administrator."""

from __future__ import annotations

from pathlib import Path

from reqdesk.db import open_database
from reqdesk.services.calendar import year_days
from reqdesk.services.setup import open_context
from tests.cli.test_customer_commands import run


def calendar_args(db: Path, file: Path, user: str = "admin") -> tuple[str, ...]:
    return ("import", "calendar", "--db", str(db), "--user", user, str(file))


def test_import_calendar_file(demo_file: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    file = tmp_path / "2027.csv"
    file.write_text(
        "日期,类型,名称\n2027-01-01,休,元旦\n2027-02-07,班,春节调休\n", encoding="utf-8"
    )
    code, out, _ = run(capsys, *calendar_args(demo_file, file))
    assert code == 0 and "2027" in out and "1" in out
    db = open_database(demo_file)
    try:
        days = year_days(open_context(db), 2027)
    finally:
        db.dispose()
    assert [(d.day.isoformat(), d.kind.value, d.name) for d in days] == [
        ("2027-01-01", "holiday", "元旦"),
        ("2027-02-07", "workday", "春节调休"),
    ]


def test_calendar_mistakes_are_one_line(demo_file: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """A bad line is named; a missing file and a non-administrator get a message."""
    bad = tmp_path / "bad.csv"
    bad.write_text("2027-01-01,休,元旦\n2027-13-01,休,?\n", encoding="utf-8")
    code, _, err = run(capsys, *calendar_args(demo_file, bad))
    assert code == 1 and "2: 2027-13-01" in err and "Traceback" not in err
    db = open_database(demo_file)
    try:
        assert year_days(open_context(db), 2027) == []  # all or nothing
    finally:
        db.dispose()
    code, _, err = run(capsys, *calendar_args(demo_file, tmp_path / "missing.csv"))
    assert code == 1 and "missing.csv" in err and len(err.strip().splitlines()) == 1
    good = tmp_path / "good.csv"
    good.write_text("2027-01-01,休,元旦\n", encoding="utf-8")
    code, _, err = run(capsys, *calendar_args(demo_file, good, user="kefu"))
    assert code == 1 and err.startswith("reqdesk:")
