"""Reporting periods in business days: ISO weeks (2026-W47) and calendar months."""

from __future__ import annotations

import re
from datetime import date, timedelta

WEEK_PATTERN = re.compile(r"^\s*(\d{4})-?W(\d{1,2})\s*$", re.IGNORECASE)
MONTH_PATTERN = re.compile(r"^\s*(\d{4})-(\d{1,2})\s*$")


def week_of(day: date) -> tuple[date, date]:
    """Monday and Sunday of the ISO week that holds ``day``."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def week_label(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def month_of(day: date) -> tuple[date, date]:
    first = day.replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    return first, following - timedelta(days=1)


def previous_month(day: date) -> tuple[date, date]:
    return month_of(day.replace(day=1) - timedelta(days=1))


def parse_week(text: str) -> tuple[int, int] | None:
    """``2026-W47`` → (2026, 47); None when it is not an existing ISO week."""
    match = WEEK_PATTERN.match(text)
    if match is None:
        return None
    year, week = int(match.group(1)), int(match.group(2))
    try:
        date.fromisocalendar(year, week, 1)
    except ValueError:
        return None
    return year, week


def parse_month(text: str) -> tuple[int, int] | None:
    """``2026-10`` → (2026, 10); None when it is not a month."""
    match = MONTH_PATTERN.match(text)
    if match is None:
        return None
    year, month = int(match.group(1)), int(match.group(2))
    return (year, month) if 1 <= month <= 12 and 1 <= year <= 9999 else None
