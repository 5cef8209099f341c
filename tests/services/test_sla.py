"""Due times on the working-day calendar."""

from __future__ import annotations

from datetime import date, datetime

from reqdesk.models.enums import Urgency
from reqdesk.services.sla import BUSINESS_TZ, DEFAULT_POLICY, WorkCalendar, due_times


def at(day: int, hour: int, month: int = 9) -> datetime:
    return datetime(2026, month, day, hour, tzinfo=BUSINESS_TZ)


def test_urgent_first_response_counts_clock_hours_even_at_night() -> None:
    """Urgent: four clock hours, whatever the day."""
    due = due_times(at(5, 22), Urgency.URGENT, DEFAULT_POLICY, WorkCalendar())  # a Saturday
    assert due.first_response_due == at(6, 2)


def test_working_day_targets_end_at_the_end_of_a_working_day() -> None:
    """General: three working days; a Friday registration skips the weekend."""
    due = due_times(at(4, 10), Urgency.GENERAL, DEFAULT_POLICY, WorkCalendar())  # Friday
    assert due.first_response_due == datetime(2026, 9, 9, 17, 30, tzinfo=BUSINESS_TZ)
    assert due.plan_due is None


def test_holidays_and_make_up_days_move_due_times() -> None:
    """A holiday is skipped and a make-up Saturday counts."""
    calendar = WorkCalendar.of(
        holidays=[date(2026, 10, 1), date(2026, 10, 2)],
        workdays=[date(2026, 10, 10)],
        known_years=[2026],
    )
    due = due_times(at(30, 9), Urgency.IMPORTANT, DEFAULT_POLICY, calendar)  # Wed 30 Sep
    assert due.first_response_due.date() == date(2026, 10, 5)
    assert not due.provisional
    saturday = due_times(at(9, 9, month=10), Urgency.IMPORTANT, DEFAULT_POLICY, calendar)
    assert saturday.first_response_due.date() == date(2026, 10, 10)


def test_a_year_without_a_schedule_is_provisional() -> None:
    """Due dates in a year with no loaded schedule are marked provisional."""
    due = due_times(at(4, 10), Urgency.GENERAL, DEFAULT_POLICY, WorkCalendar())
    assert due.provisional


def test_policy_round_trips_through_settings(admin_ctx) -> None:  # type: ignore[no-untyped-def]
    """Setup stores the default SLA targets; reading them back gives the same policy."""
    from reqdesk.services.settings import Key, read_setting
    from reqdesk.services.sla import policy_from_json, policy_to_json

    with admin_ctx.reading() as session:
        stored = read_setting(session, Key.SLA_POLICY)
    assert stored["first_response"]["urgent"] == {"hours": 4}
    assert policy_from_json(stored) == DEFAULT_POLICY
    assert policy_from_json(policy_to_json(DEFAULT_POLICY)) == DEFAULT_POLICY
    assert policy_from_json(None) == DEFAULT_POLICY
