"""Every printed form and export in English and in Simplified Chinese: the program's own
words, dates, numbers and periods follow the language; the customer data stays as entered.

The data is all English (tests.reports.language_inputs), so any CJK character in an
English printout is the program's own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from reqdesk import i18n
from reqdesk.db import open_database
from reqdesk.reports.ledger_workbook import export_ledger
from reqdesk.reports.monthly_report import write_monthly_report
from reqdesk.reports.weekly_ledger import write_weekly_ledger
from reqdesk.services.customers.card import print_customer_card
from reqdesk.services.customers.exporting import export_customers
from reqdesk.services.ledger_list import LedgerFilter
from reqdesk.services.requirements.printing import (
    FORM_LIAISON,
    FORM_REGISTRATION,
    print_requirement_form,
)
from reqdesk.services.reviews.printing import print_review_record
from tests.conftest import copy_db
from tests.reports.language_inputs import World, build_world

CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
ISO_DATE = re.compile(r"(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)")
ENGLISH_DATE = re.compile(r"(?<!\d)\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)")

Printer = Callable[[World, Path], Path]
PRINTERS: dict[str, Printer] = {
    "registration": lambda w, path: print_requirement_form(
        w.supervisor, path, i18n.translate, form=FORM_REGISTRATION, number=w.requirement
    ),
    "liaison": lambda w, path: print_requirement_form(
        w.supervisor, path, i18n.translate, form=FORM_LIAISON, number=w.requirement
    ),
    "review": lambda w, path: print_review_record(
        w.supervisor, path, i18n.translate, review_id=w.review_id
    ),
    "card": lambda w, path: print_customer_card(
        w.supervisor, path, i18n.translate, customer_id=w.customer_id
    ),
    "weekly": lambda w, path: write_weekly_ledger(w.supervisor, 2026, 47, path),
    "monthly": lambda w, path: write_monthly_report(w.supervisor, 2026, 11, path),
}
# What each form prints in each language (compared without white space).
EXPECTED: dict[str, dict[str, list[str]]] = {
    "registration": {
        "en": ["No.: SH01-RQ", "19 Nov 2026 09:15", "30 Nov 2026", "20 Nov 2026 17:30"],
        "zh_CN": [
            "2026-11-19 09:15",
            "2026-11-30",
            "2026-11-20 17:30",
            "日期：______年____月____日",
        ],
    },
    "liaison": {
        "en": ["Expected date: 30 Nov 2026", "19 Nov 2026 10:00", "faces (SH01-RQ-2026"],
        "zh_CN": ["：2026-11-30", "2026-11-19 10:00", "faces（SH01-RQ-2026"],
    },
    "review": {
        "en": [
            "19 Nov 2026 11:00",
            "1,234.50",
            "2,000 pcs",
            "Delivery date: 20 Jan 2027 → 10 Feb 2027",
        ],
        "zh_CN": ["2026-11-19 11:00", "1,234.50", "：2027-01-20 → 2027-02-10"],
    },
    "card": {
        "en": ["Acme Bearings Ltd (SH01-C", "8 Oct 2026", "2 Nov 2026", "12,345.60", "2,000 pcs"],
        "zh_CN": ["Acme Bearings Ltd（SH01-C", "2026-10-08", "2026-11-02", "12,345.60"],
    },
    "weekly": {
        "en": ["Week 47, 2026: 16 Nov 2026 to 22 Nov 2026", "19 Nov 13:15", "Date: ______________"],
        "zh_CN": ["2026年第47周：2026-11-16 至 2026-11-22", "11-19 13:15", "年____月____日"],
    },
    "monthly": {
        "en": ["November 2026: 1 Nov 2026 to 30 Nov 2026, compared with October 2026", "W47"],
        "zh_CN": ["2026年11月：2026-11-01 至 2026-11-30", "2026年10月", "第47周", "50.0%"],
    },
}
# A label each form prints, which must come out in the language.
LABELS = {
    "registration": ("RegistrationForm", "Received at"),
    "liaison": ("LiaisonForm", "Reply due"),
    "review": ("ReviewRecord", "Delivery date"),
    "card": ("CustomerCard", "Relationship log (last 10)"),
    "weekly": ("WeeklyLedger", "Weekly tracking ledger"),
    "monthly": ("MonthlyReport", "Requirement analysis report"),
}


@pytest.fixture(scope="module")
def world(migrated_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    """The English company, built once for the module (in English, as its users would)."""
    db = open_database(copy_db(migrated_template, tmp_path_factory.mktemp("lang") / "w.db"))
    i18n.install("en")
    try:
        built = build_world(db)
    finally:
        i18n.install("zh_CN")
    yield built
    db.dispose()


@pytest.fixture(params=["en", "zh_CN"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    """The language of one test; Simplified Chinese again afterwards."""
    i18n.install(request.param)
    yield request.param
    i18n.install("zh_CN")


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("form", list(PRINTERS))
def test_printed_forms_follow_the_language(
    world: World, language: str, form: str, tmp_path: Path
) -> None:
    """Each form's labels, dates and numbers in the language; no stray other-language form."""
    text = pdf_text(PRINTERS[form](world, tmp_path / f"{form}.pdf"))
    for expected in EXPECTED[form][language]:
        assert flat(expected) in flat(text), expected
    assert flat(i18n.translate(*LABELS[form])) in flat(text)
    if language == "en":
        assert set(CJK.findall(text)) == set()
        assert ISO_DATE.findall(text) == []  # the page footer's print time too
    else:
        assert CJK.search(i18n.translate(*LABELS[form]))  # the label is Chinese
        assert ENGLISH_DATE.findall(text) == []
        assert not re.search(r"\bWeek \d", text)


def test_ledger_export_follows_the_language(world: World, language: str, tmp_path: Path) -> None:
    """Headers in the language; times stay Excel dates, shown in the language's date form."""
    path = tmp_path / "ledger.xlsx"
    flt = LedgerFilter(received_from=datetime(2026, 11, 1).date())
    assert export_ledger(world.supervisor, flt, path) == 2
    ledger, notes = load_workbook(path).worksheets
    header = [cell.value for cell in ledger[1]]
    received = ledger["B2"]
    assert header[1] == i18n.translate("LedgerWorkbook", "Received")
    assert isinstance(received.value, datetime) and received.is_date
    assert isinstance(ledger["N2"].value, int)  # days open: a number
    exported = next(row[1] for row in notes.iter_rows() if row[1].is_date)
    assert exported.number_format == received.number_format
    terms = {row[0]: row[1] for row in notes.iter_rows(values_only=True)}
    since = terms[i18n.translate("LedgerWorkbook", "Received from")]
    if language == "en":
        assert received.number_format == "[$-409]d mmm yyyy hh:mm"
        assert since == "1 Nov 2026"
        assert not CJK.search(" ".join(str(v) for v in header))
    else:
        assert received.number_format == "yyyy-mm-dd hh:mm"
        assert since == "2026-11-01"
        assert CJK.search(header[1])


def test_customer_export_follows_the_language(world: World, language: str, tmp_path: Path) -> None:
    """The customer sheet's headers and instructions are in the language, data as entered."""
    path = tmp_path / "customers.xlsx"
    export_customers(world.supervisor, path, i18n.translate)
    book = load_workbook(path)
    values = [
        str(v)
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
        for v in row
        if v
    ]
    assert "Acme Bearings Ltd" in values
    if language == "en":
        assert not [v for v in values if CJK.search(v)]
    else:
        assert CJK.search(str(book.worksheets[0]["B1"].value))
