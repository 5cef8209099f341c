"""Dates, times, weekdays, periods and numbers as each language writes them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from openpyxl.styles.numbers import is_date_format
from PySide6.QtCore import QDate, QDateTime, QLocale, QTime

from reqdesk import formatting as f
from reqdesk import i18n
from reqdesk.ui import formatting as ui

FRIDAY = date(2026, 11, 20)
FRIDAY_AFTERNOON = datetime(2026, 11, 20, 6, 30, tzinfo=UTC)  # 14:30 business time


@pytest.fixture
def english() -> Iterator[None]:
    """English for one test, Simplified Chinese again afterwards."""
    i18n.install("en")
    yield
    i18n.install("zh_CN")


def test_chinese_dates_and_times() -> None:
    """Chinese: ISO dates, 24-hour times in business time, month-day for narrow columns."""
    assert f.date_text(FRIDAY) == "2026-11-20"
    assert f.date_text(datetime(2026, 11, 19, 17, 0, tzinfo=UTC)) == "2026-11-20"  # 01:00 +8
    assert f.datetime_text(FRIDAY_AFTERNOON) == "2026-11-20 14:30"
    assert f.datetime_text(datetime(2026, 11, 20, 14, 30)) == "2026-11-20 14:30"  # naive
    assert f.short_datetime_text(FRIDAY_AFTERNOON) == "11-20 14:30"
    assert f.day_month_text(date(2026, 1, 5)) == "01-05"
    assert f.date_text(None) == f.datetime_text(None) == f.short_datetime_text(None) == ""


def test_english_dates_and_times(english: None) -> None:
    """English: day, short month name, year; the same 24-hour business time."""
    assert f.date_text(FRIDAY) == "20 Nov 2026"
    assert f.date_text(date(2027, 1, 5)) == "5 Jan 2027"
    assert f.datetime_text(FRIDAY_AFTERNOON) == "20 Nov 2026 14:30"
    assert f.short_datetime_text(FRIDAY_AFTERNOON) == "20 Nov 14:30"
    assert f.time_text(FRIDAY_AFTERNOON) == "14:30"
    assert f.date_text(None) == ""


def test_weekday_names_in_both_languages(english: None) -> None:
    """Monday to Sunday, long and short, in English and then in Chinese."""
    week = [date(2026, 11, 16 + n) for n in range(7)]
    assert [f.weekday_name(d) for d in week] == list(f.WEEKDAYS)
    assert [f.weekday_name(d, short=True) for d in week][:2] == ["Mon", "Tue"]
    assert f.date_with_weekday(FRIDAY) == "Fri 20 Nov 2026"
    i18n.install("zh_CN")
    assert [f.weekday_name(d) for d in week] == [
        "星期一",
        "星期二",
        "星期三",
        "星期四",
        "星期五",
        "星期六",
        "星期日",
    ]
    assert f.weekday_name(FRIDAY, short=True) == "周五"
    assert f.date_with_weekday(FRIDAY) == "2026-11-20 星期五"


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_qt_editors_show_what_the_printouts_print(language: str) -> None:
    """The date editors' Qt formats, in the locale i18n installs, give the same texts."""
    i18n.install(language)
    day = QDate(FRIDAY.year, FRIDAY.month, FRIDAY.day)
    moment = QDateTime(day, QTime(14, 30))
    locale = QLocale()
    assert locale.toString(day, ui.date_edit_format()) == f.date_text(FRIDAY)
    assert locale.toString(moment, ui.datetime_edit_format()) == f.datetime_text(
        datetime(2026, 11, 20, 14, 30)
    )
    assert locale.toString(day, ui.weekday_date_edit_format()) == f.date_with_weekday(FRIDAY)
    assert locale.toString(day, ui.chart_day_format()) == f.day_month_text(FRIDAY)


def test_weeks_and_months(english: None) -> None:
    """ISO weeks and months named in full, and short week marks for chart axes."""
    assert f.week_text(2026, 47) == "Week 47, 2026"
    assert f.month_text(2026, 10) == "October 2026"
    assert f.short_week_text(7) == "W07"
    i18n.install("zh_CN")
    assert f.week_text(2026, 47) == "2026年第47周"
    assert f.week_text(2026, 53) == "2026年第53周"
    assert f.month_text(2026, 10) == "2026年10月"
    assert f.short_week_text(7) == "第7周"


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_numbers_group_thousands(language: str) -> None:
    """Both languages: comma thousands, fixed decimals, signed changes, rates in percent."""
    i18n.install(language)
    assert f.number_text(1234567) == "1,234,567"
    assert f.number_text(Decimal("12345.6"), 2) == "12,345.60"
    assert f.number_text(Decimal("2000")) == "2,000"  # not 2E+3
    assert f.number_text(Decimal("12.50")) == "12.5"
    assert f.number_text(4.0, 2) == "4.00"
    assert f.number_text(3, signed=True) == "+3" and f.number_text(-2, signed=True) == "-2"
    assert f.number_text(1.25, 1, signed=True) == "+1.2"
    assert f.number_text(None) == f.percent_text(None) == "—"
    assert f.percent_text(0.925) == "92.5%" and f.percent_text(1) == "100.0%"
    assert f.percent_text(0.5, places=0) == "50%"


def test_punctuation_follows_the_language(english: None) -> None:
    """Colons, notes in brackets, wide gaps and hand-written dates."""
    assert f.labelled("Customer", "Acme") == "Customer: Acme"
    assert f.with_note("Acme", "C-001") == "Acme (C-001)" and f.with_note("Acme", "") == "Acme"
    assert f.spaced("A", "", "B") == "A  B"
    assert "年" not in f.blank_date()
    i18n.install("zh_CN")
    assert f.labelled("顾客", "甲方") == "顾客：甲方"
    assert f.with_note("甲方", "C-001") == "甲方（C-001）"
    assert f.spaced("A", "", "B") == "A\u3000B"
    assert f.blank_date() == "______年____月____日"


def test_excel_cells_keep_a_date_format(english: None) -> None:
    """The number format names months in English, or is ISO in Chinese; both are dates."""
    assert f.excel_datetime_format() == "[$-409]d mmm yyyy hh:mm"
    assert is_date_format(f.excel_datetime_format())
    i18n.install("zh_CN")
    assert f.excel_datetime_format() == "yyyy-mm-dd hh:mm"


def test_lists_in_running_text() -> None:
    assert f.list_text(["甲", "乙", "丙"]) == "甲、乙、丙"
    assert f.list_text([]) == ""


def test_lists_in_english(english: None) -> None:
    assert f.list_text(["Sales", "QA"]) == "Sales, QA"
