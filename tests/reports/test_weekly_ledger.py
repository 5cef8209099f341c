"""The weekly tracking ledger PDF (每周跟踪台账), read back with pypdf."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from reqdesk import i18n
from reqdesk.models import AuditEntry
from reqdesk.reports.weekly_ledger import write_weekly_ledger
from reqdesk.services.cancel import Cancelled
from reqdesk.services.context import Context
from reqdesk.services.errors import PermissionDenied, ValidationError
from tests.services.metrics_inputs import Ledger, b, build_ledger, walk_in

LEGEND = (
    "{rows} requirements were open at some time in the week; {overdue} of them, marked "
    "● Overdue and shaded, were overdue at its end (a first response or the resolution "
    "due and not done). Stage: the stage at printing. Merged and cancelled requirements "
    "are listed but not counted."
)
LONG_TITLE = "客户要求对第三批次精密轴承的材质证明、热处理工艺参数、硬度检验报告" * 3


@pytest.fixture
def ledger(admin_ctx: Context) -> Ledger:
    return build_ledger(admin_ctx)


def pages_of(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def flat(text: str) -> str:
    """The text without any white space (pypdf breaks table cells into lines)."""
    return re.sub(r"\s+", "", text)


def tr(text: str) -> str:
    return i18n.translate("WeeklyLedger", text)


def shared(text: str) -> str:
    return i18n.translate("LedgerReports", text)


def test_every_requirement_of_the_week(ledger: Ledger, tmp_path: Path) -> None:
    """Week 46 lists A–J (open at some time in it), not L (closed before) nor K (after)."""
    path = write_weekly_ledger(ledger.ctx, 2026, 46, tmp_path / "w46.pdf")
    text = flat("".join(pages_of(path)))
    for key in "ABCDEFGHIJ":
        assert ledger.numbers[key] in text, key
    assert ledger.numbers["K"] not in text and ledger.numbers["L"] not in text
    for number in (ledger.numbers[key] for key in "ABCDEFGHIJ"):
        assert text.count(number) == 1, number
    assert text.index(ledger.numbers["H"]) < text.index(ledger.numbers["A"])  # oldest first


def test_summary_figures_and_marks(ledger: Ledger, tmp_path: Path) -> None:
    """The week's metrics are printed; B, C and I carry the overdue mark in words."""
    path = write_weekly_ledger(ledger.ctx, 2026, 46, tmp_path / "w46.pdf")
    text = flat("".join(pages_of(path)))
    for label, value in (
        ("Responses due", "5"),
        ("Response timeliness rate", "40.0%"),
        ("Completion rate", "20.0%"),
        ("Mean satisfaction", "4.00"),
        ("Satisfied (4–5)", "50.0%"),
        ("Open at the end", "5"),
        ("Overdue at the end", "3"),
    ):
        assert flat(shared(label)) + value in text, label
    assert flat(tr("Weekly tracking ledger")) in text
    legend = flat(tr(LEGEND).format(rows=10, overdue=3))
    assert legend in text
    assert text.replace(legend, "").count("●" + flat(tr("Overdue"))) == 3
    assert "2026年第46周" in text and "2026-11-09" in text and "2026-11-15" in text
    assert "测试精密机械有限公司" in text and "朱主管" in text


def test_page_numbers_and_signatures(ledger: Ledger, tmp_path: Path) -> None:
    """ "Page x of y" on every page; the signature lines 编制/审核 on the last one."""
    for n in range(40):  # enough rows for several pages
        walk_in(ledger.ctx, b(11, 10, 8, n), f"批量需求{n}")
    pages = pages_of(write_weekly_ledger(ledger.ctx, 2026, 46, tmp_path / "w46.pdf"))
    assert len(pages) >= 2
    page_of = i18n.translate("PdfFrame", "Page {page} of {total}")
    for number, page in enumerate(pages, start=1):
        assert flat(page_of.format(page=number, total=len(pages))) in flat(page), number
    last = flat(pages[-1])
    assert flat(shared("Prepared by")) in last and flat(shared("Reviewed by")) in last
    header = flat(tr("Resolution due / done"))
    listing = [flat(page) for page in pages if "-RQ-" in page]
    assert len(listing) >= 2 and all(header in page for page in listing)  # repeated header


def test_long_titles_wrap(ledger: Ledger, tmp_path: Path) -> None:
    """A 120-character title is printed whole, over several lines of its cell."""
    walk_in(ledger.ctx, b(11, 10, 12), LONG_TITLE)
    pages = pages_of(write_weekly_ledger(ledger.ctx, 2026, 46, tmp_path / "w46.pdf"))
    assert LONG_TITLE in flat("".join(pages))
    assert LONG_TITLE not in "".join(pages)  # broken into lines


def test_empty_week(ledger: Ledger, tmp_path: Path) -> None:
    """A week without requirements still gives a valid one-page ledger with no rates."""
    pages = pages_of(write_weekly_ledger(ledger.ctx, 2026, 2, tmp_path / "w02.pdf"))
    text = flat("".join(pages))
    assert len(pages) == 1
    assert flat(i18n.translate("WeeklyLedger", "No requirement was open.")) in text
    assert flat(shared("Response timeliness rate")) + "—" in text
    assert flat(shared("Reviewed by")) in text


def test_print_is_audited(ledger: Ledger, tmp_path: Path) -> None:
    """The print leaves an audit entry naming the week and its rows."""
    write_weekly_ledger(ledger.ctx, 2026, 46, tmp_path / "w46.pdf")
    with ledger.ctx.reading() as session:
        entry = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
    assert entry is not None and entry.action == "print" and entry.username == "zhu"
    details = json.loads(entry.details)
    assert details["form"] == "weekly_ledger" and details["week"] == "2026-W46"
    assert (details["rows"], details["overdue"]) == (10, 3)


def test_progress_and_cancel(ledger: Ledger, tmp_path: Path) -> None:
    """Progress climbs to its total; a cancel, early or during layout, leaves no file."""
    out = tmp_path / "out"
    out.mkdir()
    seen: list[tuple[int, int]] = []
    write_weekly_ledger(ledger.ctx, 2026, 46, out / "ok.pdf", progress=lambda *a: seen.append(a))
    assert seen[-1][0] == seen[-1][1] and [d for d, _ in seen] == sorted(d for d, _ in seen)
    target = out / "stopped.pdf"
    with pytest.raises(Cancelled):
        write_weekly_ledger(ledger.ctx, 2026, 46, target, cancelled=lambda: True)
    assert not target.exists() and list(out.iterdir()) == [out / "ok.pdf"]
    for n in range(60):
        walk_in(ledger.ctx, b(11, 11, 8, n), f"需求{n}")
    laid_out: list[int] = []

    def report(done: int, total: int) -> None:
        if done > total // 2:  # rows built: now laying them out
            laid_out.append(done)

    with pytest.raises(Cancelled):
        write_weekly_ledger(
            ledger.ctx, 2026, 46, target, progress=report, cancelled=lambda: bool(laid_out)
        )
    assert list(out.iterdir()) == [out / "ok.pdf"]


def test_english_and_refusals(ledger: Ledger, admin_ctx: Context, tmp_path: Path) -> None:
    """The ledger follows the language; no week 54; the administrator may not print."""
    i18n.install("en")
    text = "".join(pages_of(write_weekly_ledger(ledger.ctx, 2026, 46, tmp_path / "en.pdf")))
    assert "Weekly tracking ledger" in text and "Page 1 of" in text
    with pytest.raises(ValidationError):
        write_weekly_ledger(ledger.ctx, 2026, 54, tmp_path / "x.pdf")
    with pytest.raises(PermissionDenied):
        write_weekly_ledger(admin_ctx, 2026, 46, tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()
    assert date.fromisocalendar(2026, 53, 1)  # 2026 has 53 weeks: W53 is fine
    write_weekly_ledger(ledger.ctx, 2026, 53, tmp_path / "w53.pdf")
