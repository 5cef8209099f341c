"""How values look in the tables: business-time datetimes, enum labels."""

from __future__ import annotations

from datetime import date, datetime

from reqdesk.services.sla import BUSINESS_TZ


def datetime_text(value: datetime | None) -> str:
    if value is None:
        return ""
    return value.astimezone(BUSINESS_TZ).strftime("%Y-%m-%d %H:%M")


def date_text(value: date | datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.astimezone(BUSINESS_TZ).date()
    return value.isoformat()
