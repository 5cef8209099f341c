"""Dates, times, numbers and periods as the current language writes them.

Simplified Chinese writes dates as computer-printed forms in Chinese companies do,
2026-11-20 14:30, weekdays 星期五, and names periods 2026年第47周 and 2026年11月;
English writes 20 Nov 2026 14:30, Friday, Week 47, 2026 and November 2026. Both
group thousands with commas (1,234) and print rates as 92.5%.

Pure Python keyed on :func:`reqdesk.i18n.current_language`, so that reports and
services use it without Qt. Stored (aware) times are shown in business time.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal

from reqdesk import i18n
from reqdesk.services.sla import BUSINESS_TZ

NONE = "—"  # a figure that cannot be computed (no responses due, no visits)
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAYS_ZH = ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日")
SHORT_WEEKDAYS_ZH = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")

Number = int | float | Decimal


def english() -> bool:
    return i18n.current_language() == "en"


def _local(value: datetime) -> datetime:
    """An aware time in business time; a naive one is taken as business time already."""
    return value.astimezone(BUSINESS_TZ) if value.tzinfo is not None else value


def _day(value: date | datetime) -> date:
    return _local(value).date() if isinstance(value, datetime) else value


# --- dates and times --------------------------------------------------------------------


def date_text(value: date | datetime | None) -> str:
    """2026-11-20 / 20 Nov 2026; "" when there is none."""
    if value is None:
        return ""
    day = _day(value)
    if english():
        return f"{day.day} {MONTHS[day.month - 1][:3]} {day.year}"
    return day.isoformat()


def time_text(value: datetime | None) -> str:
    """14:30 in business time, both languages."""
    return _local(value).strftime("%H:%M") if value is not None else ""


def datetime_text(value: datetime | None) -> str:
    """2026-11-20 14:30 / 20 Nov 2026 14:30; "" when there is none."""
    if value is None:
        return ""
    return f"{date_text(value)} {time_text(value)}"


def day_month_text(value: date | datetime | None) -> str:
    """11-20 / 20 Nov: a date in a narrow column whose year is plain from the page."""
    if value is None:
        return ""
    day = _day(value)
    if english():
        return f"{day.day} {MONTHS[day.month - 1][:3]}"
    return f"{day:%m-%d}"


def short_datetime_text(value: datetime | None) -> str:
    """11-20 14:30 / 20 Nov 14:30; "" when there is none."""
    if value is None:
        return ""
    return f"{day_month_text(value)} {time_text(value)}"


def weekday_name(value: date | datetime, *, short: bool = False) -> str:
    """星期五 (周五) / Friday (Fri)."""
    index = _day(value).weekday()
    if english():
        return WEEKDAYS[index][:3] if short else WEEKDAYS[index]
    return SHORT_WEEKDAYS_ZH[index] if short else WEEKDAYS_ZH[index]


def date_with_weekday(value: date | datetime | None) -> str:
    """2026-11-20 星期五 / Fri 20 Nov 2026."""
    if value is None:
        return ""
    if english():
        return f"{weekday_name(value, short=True)} {date_text(value)}"
    return f"{date_text(value)} {weekday_name(value)}"


# --- periods ----------------------------------------------------------------------------


def week_text(year: int, week: int) -> str:
    """ISO week ``week`` of ``year``: 2026年第47周 / Week 47, 2026."""
    return f"Week {week}, {year}" if english() else f"{year}年第{week}周"


def short_week_text(week: int) -> str:
    """第47周 / W47: a week on a chart axis under a title that gives the year."""
    return f"W{week:02d}" if english() else f"第{week}周"


def month_text(year: int, month: int) -> str:
    """2026年11月 / November 2026."""
    return f"{MONTHS[month - 1]} {year}" if english() else f"{year}年{month}月"


# --- numbers ----------------------------------------------------------------------------


def number_text(value: Number | None, places: int | None = None, *, signed: bool = False) -> str:
    """1,234 / 1,234.50 (``places`` decimals); a Decimal without ``places`` keeps only
    its significant decimals (2,000, 12.5). ``signed`` puts + before a positive value."""
    if value is None:
        return NONE
    sign = "+" if signed else ""
    if places is not None:
        return f"{value:{sign},.{places}f}"
    if isinstance(value, Decimal):
        return f"{value.normalize():{sign},f}"
    if isinstance(value, float) and not value.is_integer():
        return f"{value:{sign},}"
    return f"{int(value):{sign},d}"


def percent_text(rate: float | None, places: int = 1) -> str:
    """A rate (0–1) as 92.5%; — when it cannot be computed."""
    return NONE if rate is None else f"{rate * 100:.{places}f}%"


# --- punctuation around values ----------------------------------------------------------


def labelled(label: str, value: object = "") -> str:
    """客户：甲方 / Customer: Acme — full-width colon in Chinese."""
    return f"{label}: {value}" if english() else f"{label}：{value}"


def with_note(text: str, note: str) -> str:
    """甲方（C0001） / Acme (C0001); ``text`` alone when the note is empty."""
    if not note:
        return text
    return f"{text} ({note})" if english() else f"{text}（{note}）"


def list_text(items: Iterable[str]) -> str:
    """甲、乙、丙 / A, B, C: a list in running text."""
    return (", " if english() else "、").join(items)


def spaced(*parts: str) -> str:
    """The non-empty parts one wide space apart (a full-width space in Chinese)."""
    return ("  " if english() else "\u3000").join(part for part in parts if part)


def blank_date() -> str:
    """A date to be written by hand on paper: ____年___月___日 / a plain line."""
    return "______________" if english() else "______年____月____日"


# --- Excel ------------------------------------------------------------------------------


def excel_datetime_format() -> str:
    """The number format of a date-and-time cell; the value itself stays a real datetime."""
    return "[$-409]d mmm yyyy hh:mm" if english() else "yyyy-mm-dd hh:mm"
