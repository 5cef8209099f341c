"""Reporting periods: ISO weeks across year ends, months, and what users type."""

from __future__ import annotations

from datetime import date

from reqdesk.services.periods import (
    month_of,
    parse_month,
    parse_week,
    previous_month,
    week_label,
    week_of,
)


def test_iso_weeks_cross_the_year_end() -> None:
    assert week_of(date(2026, 11, 19)) == (date(2026, 11, 16), date(2026, 11, 22))
    assert week_label(date(2026, 11, 22)) == "2026-W47"
    assert week_label(date(2027, 1, 1)) == "2026-W53"  # 2026 has 53 ISO weeks
    assert week_of(date(2027, 1, 1)) == (date(2026, 12, 28), date(2027, 1, 3))


def test_months() -> None:
    assert month_of(date(2026, 2, 14)) == (date(2026, 2, 1), date(2026, 2, 28))
    assert month_of(date(2028, 2, 29)) == (date(2028, 2, 1), date(2028, 2, 29))
    assert previous_month(date(2026, 1, 31)) == (date(2025, 12, 1), date(2025, 12, 31))


def test_what_users_type() -> None:
    assert parse_week("2026-W47") == (2026, 47)
    assert parse_week(" 2026w5 ") == (2026, 5)
    assert parse_week("2025-W53") is None  # 2025 has 52 weeks
    assert parse_week("W47") is None
    assert parse_week("2026-47") is None
    assert parse_month("2026-10") == (2026, 10)
    assert parse_month("2026-13") is None
    assert parse_month("2026/10") is None
