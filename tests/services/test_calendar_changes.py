"""Changing the calendar: file imports add days, the official schedule can be restored,
provisional due times follow once the missing year arrives."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from reqdesk.models import AuditEntry
from reqdesk.models.enums import DayKind, Urgency
from reqdesk.services import calendar as cal
from reqdesk.services.context import Context
from reqdesk.services.errors import ValidationError
from reqdesk.services.requirements.forms import RegistrationInput
from reqdesk.services.requirements.registration import register_requirement
from reqdesk.services.requirements.views import get_requirement
from reqdesk.services.sla import BUSINESS_TZ
from tests.helpers import signed_in


def year_2026(ctx: Context) -> dict[date, DayKind]:
    return {r.day: r.kind for r in cal.year_days(ctx, 2026)}


def test_a_partial_file_adds_days_and_keeps_the_rest(admin_ctx: Context, tmp_path: Path) -> None:
    """A one-line correction changes that day only; --replace makes the file the year."""
    official = year_2026(admin_ctx)
    fix = tmp_path / "fix.csv"
    fix.write_text("2026-10-09,holiday,公司补假\n", encoding="utf-8")
    assert cal.import_calendar_file(admin_ctx, fix) == {2026: 2}
    after = year_2026(admin_ctx)
    assert after == {**official, date(2026, 10, 9): DayKind.HOLIDAY}
    assert cal.import_calendar_file(admin_ctx, fix, replace=True) == {2026: 3}
    assert year_2026(admin_ctx) == {date(2026, 10, 9): DayKind.HOLIDAY}


def test_the_official_schedule_can_be_restored(admin_ctx: Context) -> None:
    official = year_2026(admin_ctx)
    cal.save_year(admin_ctx, 2026, [])
    assert year_2026(admin_ctx) == {}
    version = cal.restore_official_year(admin_ctx, 2026)
    assert version == 3 and year_2026(admin_ctx) == official
    row = next(r for r in cal.calendar_years(admin_ctx) if r.year == 2026)
    assert row.source == cal.OFFICIAL_SOURCE
    with pytest.raises(ValidationError, match="2031"):
        cal.restore_official_year(admin_ctx, 2031)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2027-01-01", date(2027, 1, 1)),
        ("2027/1/1", date(2027, 1, 1)),
        ("2027.2.6", date(2027, 2, 6)),
        ("2027年1月1日", date(2027, 1, 1)),
        (" 2027 年 10 月 8 日 ", date(2027, 10, 8)),
        ("2027-02-30", None),
        ("日期", None),
        ("20270101", None),
    ],
)
def test_calendar_dates_in_the_usual_spellings(text: str, expected: date | None) -> None:
    assert cal.parse_day(text) == expected


def test_calendar_file_first_line_and_repeats(tmp_path: Path) -> None:
    """A first line with a date is data, not a header; a date given two kinds is named."""
    file = tmp_path / "c.csv"
    file.write_text("2027/1/1,休,元旦\n2027年2月6日,班,春节调休\n", encoding="utf-8")
    days = cal.parse_calendar_file(file)[2027]
    assert [d.day for d in days] == [date(2027, 1, 1), date(2027, 2, 6)]
    file.write_text("2027-01-01,休,元旦\n2027-01-01,班,?\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="2: 2027-01-01"):
        cal.parse_calendar_file(file)
    file.write_text("1/1/2027,休,元旦\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="1: 1/1/2027"):
        cal.parse_calendar_file(file)


def test_control_characters_leave_day_names(admin_ctx: Context) -> None:
    cal.save_year(admin_ctx, 2027, [cal.DayRow(date(2027, 1, 1), DayKind.HOLIDAY, "元\x00旦\x07")])
    assert cal.year_days(admin_ctx, 2027)[0].name == "元旦"


def test_provisional_dues_follow_next_years_schedule(demo_ctx: Context) -> None:
    """Registered on 30 Dec with 2027 unknown; once 2027 is entered the dues move, audited."""
    desk = signed_in(demo_ctx, "kefu")
    late = desk.__class__(
        db=desk.db,
        site_code=desk.site_code,
        actor=desk.actor,
        clock=lambda: datetime(2026, 12, 31, 8, tzinfo=UTC),
    )
    done = register_requirement(
        late,
        RegistrationInput(
            customer_id=1,
            contact_phone="13812345678",
            title="年底的需求",
            received_at=datetime(2026, 12, 31, 16, tzinfo=BUSINESS_TZ),
            urgency=Urgency.IMPORTANT,
        ),
    )
    before = get_requirement(late, done.id)
    assert before.due_provisional
    assert before.first_response_due == datetime(2027, 1, 1, 17, 30, tzinfo=BUSINESS_TZ)
    admin = signed_in(demo_ctx, "admin")
    cal.save_year(admin, 2027, [cal.DayRow(date(2027, 1, 1), DayKind.HOLIDAY, "元旦")])
    after = get_requirement(late, done.id)
    assert not after.due_provisional
    assert after.first_response_due == datetime(2027, 1, 4, 17, 30, tzinfo=BUSINESS_TZ)
    with admin.reading() as session:
        entries = session.scalars(
            select(AuditEntry.details).where(AuditEntry.entity_id == done.id)
        ).all()
    assert any('"calendar"' in details and "first_response_due" in details for details in entries)
