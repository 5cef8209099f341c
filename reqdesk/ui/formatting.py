"""How values look in the widgets: the texts of :mod:`reqdesk.formatting`, and the Qt
display formats of date editors and chart axes, all following the language.

Qt formats name months and weekdays through the widget's locale, which
:func:`reqdesk.i18n.install` sets as the default (星期五 / Fri).
"""

from __future__ import annotations

from reqdesk.formatting import (
    date_text,
    datetime_text,
    number_text,
    percent_text,
    spaced,
    with_note,
)
from reqdesk.i18n import current_language

__all__ = [
    "chart_day_format",
    "date_edit_format",
    "date_text",
    "datetime_edit_format",
    "datetime_text",
    "number_text",
    "percent_text",
    "spaced",
    "weekday_date_edit_format",
    "with_note",
]


def _english() -> bool:
    return current_language() == "en"


def date_edit_format() -> str:
    """A QDateEdit's display format: 2026-11-20 / 20 Nov 2026."""
    return "d MMM yyyy" if _english() else "yyyy-MM-dd"


def datetime_edit_format() -> str:
    """A QDateTimeEdit's display format: 2026-11-20 14:30 / 20 Nov 2026 14:30."""
    return "d MMM yyyy HH:mm" if _english() else "yyyy-MM-dd HH:mm"


def weekday_date_edit_format() -> str:
    """A date whose weekday matters (the holiday calendar): 2026-11-20 星期五 / Fri 20 Nov 2026."""
    return "ddd d MMM yyyy" if _english() else "yyyy-MM-dd dddd"


def chart_day_format() -> str:
    """Days on a chart's time axis: 11-20 / 20 Nov."""
    return "d MMM" if _english() else "MM-dd"
