"""reqdesk report form|liaison|review NUMBER -o FILE.pdf."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from reqdesk.db import open_database
from reqdesk.models import Requirement, Review
from reqdesk.models.enums import ReviewState, Stage
from reqdesk.services.requirements.forms import RegistrationInput
from reqdesk.services.requirements.registration import register_requirement
from reqdesk.services.setup import open_context
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
