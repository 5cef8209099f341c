"""reqdesk report form|liaison|review NUMBER -o FILE.pdf."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from reqdesk.db import open_database
from reqdesk.models import Requirement, Review
from reqdesk.models.enums import ReviewState, Stage
from reqdesk.services.ledger_list import LedgerFilter, ledger_batches
from reqdesk.services.periods import previous_month
from reqdesk.services.requirements.forms import RegistrationInput
from reqdesk.services.requirements.registration import register_requirement
from reqdesk.services.setup import open_context
from reqdesk.services.sla import BUSINESS_TZ
from tests.cli.test_customer_commands import run
from tests.helpers import signed_in


def numbers(path: Path) -> tuple[str, str]:
    """A new requirement not sent anywhere yet, and one the demo already dispatched."""
    db = open_database(path)
    try:
        desk = signed_in(open_context(db), "kefu")
        fresh = register_requirement(
            desk, RegistrationInput(customer_id=2, contact_phone="13812345678", title="待派发")
        )
        with db.read_sessions() as session:
            dispatched = session.scalars(
                select(Requirement.number)
                .where(Requirement.stage == Stage.DISPATCHED)
                .order_by(Requirement.number)
            ).first()
        assert dispatched is not None
        return fresh.number, dispatched
    finally:
        db.dispose()


def report(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> tuple[int, str, str]:
    return run(capsys, "report", args[0], "--db", str(db), "--user", "kefu", *args[1:])


def test_form_and_liaison(demo_file: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    registered, dispatched = numbers(demo_file)
    form = tmp_path / "form.pdf"
    code, out, _ = report(capsys, demo_file, "form", registered, "-o", str(form))
    assert code == 0 and "已写入" in out
    text = PdfReader(form).pages[0].extract_text()
    assert "顾客服务信息登记表" in text and registered in text
    liaison = tmp_path / "liaison.pdf"
    code, _, _ = report(capsys, demo_file, "liaison", dispatched, "-o", str(liaison))
    assert code == 0
    text = PdfReader(liaison).pages[0].extract_text()
    assert "内部联络单" in text and dispatched in text


def test_mistakes_are_one_line(demo_file: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """An unknown number, or a liaison form for an undispatched one: a message, no file."""
    registered, _ = numbers(demo_file)
    target = tmp_path / "x.pdf"
    code, _, err = report(capsys, demo_file, "form", "HQ-RQ-2026-99999", "-o", str(target))
    assert code == 1 and "HQ-RQ-2026-99999" in err and "Traceback" not in err
    code, _, err = report(capsys, demo_file, "liaison", registered, "-o", str(target))
    assert code == 1 and registered in err and "分派" in err and len(err.strip().splitlines()) == 1
    assert not target.exists()


def review_number(path: Path) -> str:
    """A demo review that went to the general manager's arbitration."""
    db = open_database(path)
    try:
        with db.read_sessions() as session:
            number = session.scalars(
                select(Review.number)
                .where(Review.state == ReviewState.REJECTED)
                .order_by(Review.number)
            ).first()
    finally:
        db.dispose()
    assert number is not None
    return number


def test_review_record(demo_file: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """The contract review record of a review, for the service desk and for a reviewer."""
    number = review_number(demo_file)
    target = tmp_path / "review.pdf"
    code, out, _ = report(capsys, demo_file, "review", number, "-o", str(target))
    assert code == 0 and "已写入" in out
    text = "".join(p.extract_text() for p in PdfReader(target).pages).replace("\n", "")
    assert number in text and "已拒绝" in text
    by_reviewer = tmp_path / "jishu.pdf"
    code, _, _ = run(
        capsys,
        "report",
        "review",
        "--db",
        str(demo_file),
        "--user",
        "jishu",
        number,
        "-o",
        str(by_reviewer),
    )
    assert code == 0 and by_reviewer.exists()


def test_review_record_mistakes_are_one_line(demo_file: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """An unknown review number or a folder that cannot be made: one line, exit 1, no file."""
    target = tmp_path / "x.pdf"
    code, _, err = report(capsys, demo_file, "review", "HQ-RV-2026-99999", "-o", str(target))
    assert code == 1 and "HQ-RV-2026-99999" in err and len(err.strip().splitlines()) == 1
    assert err.startswith("reqdesk: ") and not target.exists()
    not_a_folder = tmp_path / "file.txt"
    not_a_folder.write_text("")
    inside = not_a_folder / "x.pdf"
    code, _, err = report(capsys, demo_file, "review", review_number(demo_file), "-o", str(inside))
    assert code == 1 and err.startswith("reqdesk: ") and len(err.strip().splitlines()) == 1
    assert str(not_a_folder) in err and "Traceback" not in err


def ledger_text(path: Path) -> str:
    return "".join(page.extract_text() for page in PdfReader(path).pages).replace("\n", "")


def week_numbers(path: Path, monday: str, sunday: str) -> list[str]:
    """The numbers of every requirement open at some time in that week."""
    db = open_database(path)
    try:
        ctx = signed_in(open_context(db), "zhuguan")
        flt = LedgerFilter(
            open_from=datetime.fromisoformat(monday).date(),
            open_to=datetime.fromisoformat(sunday).date(),
        )
        return [row.number for batch in ledger_batches(ctx, flt) for row in batch]
    finally:
        db.dispose()


def ledger_report(capsys, db: Path, what: str, *args: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    return run(capsys, "report", what, "--db", str(db), "--user", "zhuguan", *args)


def test_weekly_ledger(demo_file: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """reqdesk report weekly --week 2026-W46: every requirement of the week is printed."""
    target = tmp_path / "w46.pdf"
    code, out, _ = ledger_report(
        capsys, demo_file, "weekly", "--week", "2026-W46", "-o", str(target)
    )
    assert code == 0 and "已写入" in out and str(target) in out
    text = ledger_text(target)
    numbers = week_numbers(demo_file, "2026-11-09", "2026-11-15")
    assert len(numbers) > 20
    assert all(number in text for number in numbers)
    assert "2026年第46周" in text and "第 1 页" in text


def test_monthly_report(demo_file: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """reqdesk report monthly --month 2026-10: the report against September."""
    target = tmp_path / "oct.pdf"
    code, out, _ = ledger_report(
        capsys, demo_file, "monthly", "--month", "2026-10", "-o", str(target)
    )
    assert code == 0 and "已写入" in out
    text = ledger_text(target)
    assert "2026年10月" in text and "2026年9月" in text and "2026-10-31" in text


def test_default_week_and_month(demo_file: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """Without --week the current week is printed; without --month the previous month."""
    today = datetime.now(BUSINESS_TZ).date()
    year, week, _ = today.isocalendar()
    code, _, _ = ledger_report(capsys, demo_file, "weekly", "-o", str(tmp_path / "w.pdf"))
    assert code == 0 and f"{year}年第{week}周" in ledger_text(tmp_path / "w.pdf")
    code, _, _ = ledger_report(capsys, demo_file, "monthly", "-o", str(tmp_path / "m.pdf"))
    first = previous_month(today)[0]
    assert code == 0 and f"{first:%Y-%m}-01" in ledger_text(tmp_path / "m.pdf")


def test_ledger_report_mistakes(demo_file: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """Bad week or month, no such folder, a read-only file, no right: one line, exit 1."""
    target = tmp_path / "x.pdf"
    read_only = tmp_path / "kept.pdf"
    read_only.write_bytes(b"%PDF old")
    read_only.chmod(0o444)
    cases = [
        (("weekly", "--week", "2026-W54", "-o", str(target)), "2026-W54"),
        (("weekly", "--week", "47", "-o", str(target)), "47"),
        (("monthly", "--month", "2026-13", "-o", str(target)), "2026-13"),
        (("monthly", "--month", "October", "-o", str(target)), "October"),
        (("weekly", "-o", str(tmp_path / "missing" / "x.pdf")), str(tmp_path / "missing")),
        (("monthly", "-o", str(read_only)), str(read_only)),
        (("weekly", "-o", str(tmp_path)), str(tmp_path)),
    ]
    for (what, *args), named in cases:
        code, out, err = ledger_report(capsys, demo_file, what, *args)
        assert code == 1 and not out, args
        assert err.startswith("reqdesk: ") and len(err.strip().splitlines()) == 1, err
        assert named in err and "Traceback" not in err
    code, _, err = run(
        capsys, "report", "weekly", "--db", str(demo_file), "--user", "xiaoshou", "-o", str(target)
    )
    assert code == 1 and len(err.strip().splitlines()) == 1
    assert not target.exists() and not (tmp_path / "missing").exists()
    assert read_only.read_bytes() == b"%PDF old"


def test_no_display_needed(demo_file: Path, tmp_path: Path) -> None:
    """The reports run from Task Scheduler: no display, no Qt GUI module, no QApplication."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    script = (
        "import sys\n"
        "from reqdesk import cli\n"
        "code = cli.main(sys.argv[1:])\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "assert QCoreApplication.instance() is None\n"
        "assert 'PySide6.QtGui' not in sys.modules and 'PySide6.QtWidgets' not in sys.modules\n"
        "sys.exit(code)\n"
    )
    target = tmp_path / "w.pdf"
    args = ["report", "weekly", "--db", str(demo_file), "--user", "zhuguan", "-o", str(target)]
    done = subprocess.run(
        [sys.executable, "-c", script, *args], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert target.stat().st_size > 1000
