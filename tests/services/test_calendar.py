"""The working-day calendar: official schedules, 2026's holidays, edits, files, warnings."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reqdesk.models.enums import DayKind, Urgency
from reqdesk.services import calendar as cal
from reqdesk.services.context import Context
from reqdesk.services.errors import PermissionDenied, ValidationError
from reqdesk.services.sla import BUSINESS_TZ, DEFAULT_POLICY, WorkCalendar, due_times
from tests.helpers import signed_in

OFFICIAL = None


def official() -> WorkCalendar:
    global OFFICIAL
    if OFFICIAL is None:
        holidays, workdays, years = cal.official_schedule()
        OFFICIAL = WorkCalendar.of(holidays, workdays, years)
    return OFFICIAL


def local(day: date, hour: int = 10) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=BUSINESS_TZ)


def test_setup_copies_the_official_years(admin_ctx: Context) -> None:
    """A new database knows every year of the bundled schedule, 2026 included."""
    years = {row.year for row in cal.calendar_years(admin_ctx)}
    assert {2004, 2025, 2026} <= years
    spring = {row.day: row for row in cal.year_days(admin_ctx, 2026)}
    assert spring[date(2026, 2, 17)].name == "春节"
    assert spring[date(2026, 2, 28)].kind == DayKind.WORKDAY


@pytest.mark.parametrize(
    ("received", "urgency", "first", "plan"),
    [
        # Thursday 12 Feb 2026, before the Spring Festival (15–23 Feb; Sat 14 and 28 Feb worked)
        (date(2026, 2, 12), Urgency.IMPORTANT, date(2026, 2, 13), date(2026, 2, 14)),
        (date(2026, 2, 13), Urgency.GENERAL, date(2026, 2, 25), None),
        # during the holiday the clock-hour target still counts clock hours
        (date(2026, 2, 16), Urgency.URGENT, date(2026, 2, 16), date(2026, 2, 24)),
        # National Day: 1–7 Oct off, Sun 20 Sep and Sat 10 Oct worked
        (date(2026, 9, 19), Urgency.IMPORTANT, date(2026, 9, 20), date(2026, 9, 21)),
        (date(2026, 9, 30), Urgency.IMPORTANT, date(2026, 10, 8), date(2026, 10, 9)),
        (date(2026, 10, 9), Urgency.GENERAL, date(2026, 10, 13), None),
    ],
)
def test_due_times_around_the_2026_holidays(
    received: date, urgency: Urgency, first: date, plan: date | None
) -> None:
    """Fixed cases around the Spring Festival and National Day with their make-up days."""
    due = due_times(local(received), urgency, DEFAULT_POLICY, official())
    assert due.first_response_due.astimezone(BUSINESS_TZ).date() == first
    assert (due.plan_due.astimezone(BUSINESS_TZ).date() if due.plan_due else None) == plan
    assert not due.provisional


DAYS = st.dates(min_value=date(2024, 1, 1), max_value=date(2026, 12, 20))


@settings(max_examples=300, deadline=None)
@given(DAYS, st.integers(min_value=0, max_value=23), st.integers(min_value=1, max_value=15))
def test_working_day_dues_land_on_working_days(day: date, hour: int, days: int) -> None:
    """Adding n working days never ends on a weekend or holiday, and counts n of them."""
    calendar = official()
    start = local(day, hour)
    due = calendar.add_working_days(start, days, DEFAULT_POLICY.workday_end)
    due_day = due.astimezone(BUSINESS_TZ).date()
    assert calendar.is_workday(due_day)
    counted = sum(
        calendar.is_workday(day + timedelta(days=i)) for i in range(1, (due_day - day).days + 1)
    )
    assert counted == days


@settings(max_examples=300, deadline=None)
@given(DAYS, DAYS, st.integers(min_value=1, max_value=10))
def test_adding_working_days_is_monotonic(a: date, b: date, days: int) -> None:
    """A later start never gives an earlier due time; more days never give an earlier one."""
    calendar = official()
    first, second = sorted((a, b))
    end = DEFAULT_POLICY.workday_end
    assert calendar.add_working_days(local(first), days, end) <= calendar.add_working_days(
        local(second), days, end
    )
    assert calendar.add_working_days(local(first), days, end) < calendar.add_working_days(
        local(first), days + 1, end
    )


def test_a_year_without_schedule_is_provisional_and_warned_in_december(admin_ctx: Context) -> None:
    """2027 is not in the bundled schedule: provisional dues, and a warning from December."""
    cal_2027 = cal.current_calendar(admin_ctx)
    due = due_times(local(date(2026, 12, 30)), Urgency.GENERAL, DEFAULT_POLICY, cal_2027)
    assert due.provisional
    december = admin_ctx.__class__(
        db=admin_ctx.db,
        site_code="SH01",
        actor=admin_ctx.actor,
        clock=lambda: datetime(2026, 12, 1, 2, tzinfo=UTC),
    )
    november = admin_ctx.__class__(
        db=admin_ctx.db,
        site_code="SH01",
        actor=admin_ctx.actor,
        clock=lambda: datetime(2026, 11, 30, 2, tzinfo=UTC),
    )
    assert cal.missing_schedule_warning(december) == 2027
    assert cal.missing_schedule_warning(november) is None


def test_administrator_enters_next_years_schedule(admin_ctx: Context) -> None:
    """Saving 2027 makes it known; the calendar used for due times follows at once."""
    days = [
        cal.DayRow(date(2027, 1, 1), DayKind.HOLIDAY, "元旦"),
        cal.DayRow(date(2027, 2, 6), DayKind.WORKDAY, "春节调休"),
    ]
    assert cal.save_year(admin_ctx, 2027, days) == 1
    calendar = cal.current_calendar(admin_ctx)
    assert not calendar.is_workday(date(2027, 1, 1)) and calendar.is_workday(date(2027, 2, 6))
    assert 2027 in calendar.known_years
    assert (
        cal.missing_schedule_warning(
            admin_ctx.__class__(
                db=admin_ctx.db,
                site_code="SH01",
                actor=admin_ctx.actor,
                clock=lambda: datetime(2026, 12, 3, 2, tzinfo=UTC),
            )
        )
        is None
    )
    assert cal.save_year(admin_ctx, 2027, days) == 1  # unchanged: same version
    assert cal.save_year(admin_ctx, 2027, days[:1]) == 2


def test_only_weekends_can_be_make_up_days(admin_ctx: Context) -> None:
    """A weekday marked as make-up working day is refused."""
    with pytest.raises(ValidationError, match="weekday"):
        cal.save_year(admin_ctx, 2027, [cal.DayRow(date(2027, 1, 4), DayKind.WORKDAY, "")])
    with pytest.raises(ValidationError, match="2027-01-02"):
        cal.save_year(admin_ctx, 2027, [cal.DayRow(date(2027, 1, 2), "rest", "")])  # type: ignore[arg-type]
    # the kind as the GUI's combo box hands it back (plain text) is accepted
    assert cal.save_year(admin_ctx, 2027, [cal.DayRow(date(2027, 1, 1), "holiday", "元旦")]) == 1  # type: ignore[arg-type]
    assert cal.year_days(admin_ctx, 2027)[0].kind is DayKind.HOLIDAY


def test_calendar_file_import(admin_ctx: Context, tmp_path: Path) -> None:
    """A CSV in GB18030 with Chinese kinds loads; a bad line is named and nothing changes."""
    good = tmp_path / "2027.csv"
    good.write_bytes(
        "日期,类型,名称\n2027-01-01,休,元旦\n2027/02/06,班,春节调休\n".encode("gb18030")
    )
    assert cal.import_calendar_file(admin_ctx, good) == {2027: 1}
    assert {r.day for r in cal.year_days(admin_ctx, 2027)} == {date(2027, 1, 1), date(2027, 2, 6)}
    bad = tmp_path / "bad.csv"
    bad.write_text("2028-01-01,holiday,元旦\n2028-13-01,holiday,x\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="2:"):
        cal.import_calendar_file(admin_ctx, bad)
    assert 2028 not in {row.year for row in cal.calendar_years(admin_ctx)}


def test_only_administrators_edit_the_calendar(demo_ctx: Context) -> None:
    """Operators cannot change working days."""
    with pytest.raises(PermissionDenied):
        cal.save_year(signed_in(demo_ctx, "kefu"), 2027, [])
