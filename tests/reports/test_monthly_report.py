"""The monthly requirement analysis report (需求分析报告), read back with pypdf."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from reqdesk import i18n
from reqdesk.models import AuditEntry
from reqdesk.models.enums import Category
from reqdesk.reports import monthly_report
from reqdesk.reports.monthly_report import write_monthly_report
from reqdesk.services.cancel import Cancelled
from reqdesk.services.context import Context
from reqdesk.services.errors import ValidationError
from tests.services.metrics_inputs import CUSTOMER_1, CUSTOMER_2, Ledger, build_ledger

OVERVIEW = (
    "In {month}, {received} requirements were received: {rejected} rejected, {merged} "
    "merged into others and {cancelled} cancelled. Of the {registered} registered, "
    "{resolved} were resolved by the end of the month (completion rate {completion}). "
    "{on_time} of {due} first responses due were given on time (timeliness rate "
    "{timeliness}). {visits} return visits gave a mean satisfaction of {mean}, {share} "
    "rated 4 or 5. At the end of the month {open} requirements were open, {overdue} of "
    "them overdue."
)
OPEN_NOTE = (
    "{total} requirements were open at the end of the month, {overdue} of them overdue "
    "(marked ● Overdue and shaded); overdue ones first, then the oldest."
)
SECTIONS = (
    "1. Overview",
    "2. Metrics against the previous month",
    "3. Requirements by category, urgency, channel and department",
    "4. Customers with the most requirements",
    "5. Weekly response timeliness",
    "6. Overdue and unresolved requirements at the end of the month",
)


@pytest.fixture
def ledger(admin_ctx: Context) -> Ledger:
    return build_ledger(admin_ctx)


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def text_of(path: Path) -> str:
    return flat("".join(page.extract_text() for page in PdfReader(path).pages))


def tr(text: str) -> str:
    return flat(i18n.translate("MonthlyReport", text))


def test_sections_and_numbers(ledger: Ledger, tmp_path: Path) -> None:
    """November against October: every section, the overview's figures, the change column."""
    text = text_of(write_monthly_report(ledger.ctx, 2026, 11, tmp_path / "m.pdf"))
    for section in SECTIONS:
        assert tr(section) in text, section
    assert tr("Requirement analysis report") in text and "2026年10月" in text
    overview = tr(OVERVIEW).format(
        month="2026年11月",
        received=11,  # H I A B C D E F G J K
        rejected=1,
        merged=1,
        cancelled=1,
        registered=8,  # H I A B C D J K
        resolved=3,  # H I A
        completion="37.5%",
        on_time=4,  # H A D E; late I B C J; K not due yet
        due=8,
        timeliness="50.0%",
        visits=2,  # H (3) and A (5)
        mean="4.00",
        share="50.0%",
        open=5,  # B C D J K, now: the month is under way
        overdue=3,  # B C J
    )
    assert overview in text
    assert flat(i18n.enum_label(Category.PRODUCT)) + "333.3%" in text  # A D E of nine
    registered = flat(i18n.translate("LedgerReports", "Registered"))
    assert registered + "18+7" in text  # October: L; November: H I A B C D J K
    visits = flat(i18n.translate("LedgerReports", "Return visits"))
    assert visits + "12+1" in text  # October: L; November: H and A
    assert flat(i18n.translate("LedgerReports", "Response timeliness rate")) + "100.0%" in text
    assert CUSTOMER_1 + "333.3%" in text and CUSTOMER_2 + "222.2%" in text  # of 9 counted


def test_open_items_listed(ledger: Ledger, tmp_path: Path) -> None:
    """The requirements open now (November is under way) are listed, overdue ones marked."""
    text = text_of(write_monthly_report(ledger.ctx, 2026, 11, tmp_path / "m.pdf"))
    for key in "BCDJK":
        assert ledger.numbers[key] in text, key
    for key in "AEFGHIL":
        assert ledger.numbers[key] not in text, key
    note = tr(OPEN_NOTE).format(total=5, overdue=3)
    assert note in text
    assert text.replace(note, "").count("●" + tr("Overdue")) == 3  # B C J
    assert tr("… and {n} more not listed here: see the ledger.").split("{n}")[0] not in text


def test_long_list_is_capped(
    ledger: Ledger, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past the cap the list stops and says how many more there are."""
    monkeypatch.setattr(monthly_report, "LISTED", 2)
    text = text_of(write_monthly_report(ledger.ctx, 2026, 11, tmp_path / "m.pdf"))
    more = i18n.translate("MonthlyReport", "… and {n} more not listed here: see the ledger.")
    assert flat(more.format(n=3)) in text
    listed = [key for key in "BCDJK" if ledger.numbers[key] in text]
    assert listed == ["B", "C"]  # overdue first, oldest first


def test_empty_month(ledger: Ledger, tmp_path: Path) -> None:
    """A month without requirements is still a whole report, with no rates and no change."""
    path = write_monthly_report(ledger.ctx, 2026, 2, tmp_path / "feb.pdf")
    text = text_of(path)
    assert all(tr(section) in text for section in SECTIONS)
    assert tr("None.") in text
    rate = flat(i18n.translate("LedgerReports", "Completion rate"))
    assert rate + "———" in text  # no rate either month, so no change
    assert flat(i18n.translate("LedgerReports", "Reviewed by")) in text


def test_audit_progress_cancel_and_refusals(ledger: Ledger, tmp_path: Path) -> None:
    """Audited; progress reaches its end; a cancel writes nothing; no month 13."""
    seen: list[tuple[int, int]] = []
    write_monthly_report(
        ledger.ctx, 2026, 11, tmp_path / "m.pdf", progress=lambda *a: seen.append(a)
    )
    assert seen[-1] == (monthly_report.STEPS, monthly_report.STEPS)
    with ledger.ctx.reading() as session:
        entry = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
    assert entry is not None and entry.action == "print"
    assert json.loads(entry.details)["month"] == "2026-11"
    checks = iter(range(100))
    with pytest.raises(Cancelled):  # stopped half-way through the sections
        write_monthly_report(
            ledger.ctx, 2026, 11, tmp_path / "c.pdf", cancelled=lambda: next(checks) >= 3
        )
    assert not (tmp_path / "c.pdf").exists()
    with pytest.raises(ValidationError):
        write_monthly_report(ledger.ctx, 2026, 13, tmp_path / "x.pdf")


def test_in_english(ledger: Ledger, tmp_path: Path) -> None:
    """The report follows the language."""
    i18n.install("en")
    text = text_of(write_monthly_report(ledger.ctx, 2026, 11, tmp_path / "m.pdf"))
    assert "Requirementanalysisreport" in text and "Product" in text and "W46" in text
