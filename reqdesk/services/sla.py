"""SLA due times on a working-day calendar (weekends, public holidays, make-up days).

Clock-hour targets count clock hours; working-day targets end at the end of the
working day. China keeps one time zone without daylight saving, so business time
is a fixed UTC+08:00 and needs no time-zone database.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from typing import Any

from reqdesk.models.enums import Urgency

BUSINESS_TZ = timezone(timedelta(hours=8), "UTC+08:00")


@dataclass(frozen=True)
class Target:
    """A due time: so many clock hours, or so many working days."""

    hours: float | None = None
    working_days: int | None = None


@dataclass(frozen=True)
class SlaPolicy:
    first_response: dict[Urgency, Target]
    plan: dict[Urgency, Target | None]
    workday_end: time = time(17, 30)


DEFAULT_POLICY = SlaPolicy(
    first_response={
        Urgency.URGENT: Target(hours=4),
        Urgency.IMPORTANT: Target(working_days=1),
        Urgency.GENERAL: Target(working_days=3),
    },
    plan={
        Urgency.URGENT: Target(working_days=1),
        Urgency.IMPORTANT: Target(working_days=2),
        Urgency.GENERAL: None,
    },
)


def policy_to_json(policy: SlaPolicy) -> dict[str, Any]:
    """The policy as stored in the settings table."""

    def target(value: Target | None) -> dict[str, float | int] | None:
        if value is None:
            return None
        if value.hours is not None:
            return {"hours": value.hours}
        return {"working_days": value.working_days or 0}

    return {
        "first_response": {u.value: target(t) for u, t in policy.first_response.items()},
        "plan": {u.value: target(t) for u, t in policy.plan.items()},
        "workday_end": policy.workday_end.strftime("%H:%M"),
    }


def policy_from_json(data: dict[str, Any] | None) -> SlaPolicy:
    """Read a stored policy; anything missing falls back to the defaults."""
    if not data:
        return DEFAULT_POLICY

    def target(value: dict[str, Any] | None) -> Target | None:
        if not value:
            return None
        if "hours" in value:
            return Target(hours=float(value["hours"]))
        return Target(working_days=int(value["working_days"]))

    first = dict(DEFAULT_POLICY.first_response)
    plan = dict(DEFAULT_POLICY.plan)
    for urgency in Urgency:
        stored_first = data.get("first_response", {}).get(urgency.value)
        if stored_first:
            first[urgency] = target(stored_first)  # type: ignore[assignment]
        if urgency.value in data.get("plan", {}):
            plan[urgency] = target(data["plan"][urgency.value])
    end = data.get("workday_end")
    workday_end = time.fromisoformat(end) if end else DEFAULT_POLICY.workday_end
    return SlaPolicy(first_response=first, plan=plan, workday_end=workday_end)


@dataclass(frozen=True)
class WorkCalendar:
    """Working days: Monday–Friday, minus holidays, plus make-up working days (调休)."""

    holidays: frozenset[date] = frozenset()
    workdays: frozenset[date] = frozenset()
    known_years: frozenset[int] = field(default_factory=frozenset)

    @classmethod
    def of(
        cls, holidays: Iterable[date], workdays: Iterable[date], known_years: Iterable[int]
    ) -> WorkCalendar:
        return cls(frozenset(holidays), frozenset(workdays), frozenset(known_years))

    def is_workday(self, day: date) -> bool:
        if day in self.workdays:
            return True
        if day in self.holidays:
            return False
        return day.weekday() < 5

    def is_provisional(self, day: date) -> bool:
        """True when the day's year has no official schedule (weekends only are known)."""
        return day.year not in self.known_years

    def add_working_days(self, start: datetime, days: int, end_of_day: time) -> datetime:
        """The end of the ``days``-th working day after ``start``'s day."""
        day = start.astimezone(BUSINESS_TZ).date()
        counted = 0
        while counted < days:
            day += timedelta(days=1)
            if self.is_workday(day):
                counted += 1
        return datetime.combine(day, end_of_day, BUSINESS_TZ)


@dataclass(frozen=True)
class DueTimes:
    first_response_due: datetime
    plan_due: datetime | None
    provisional: bool


def due_at(start: datetime, target: Target, calendar: WorkCalendar, policy: SlaPolicy) -> datetime:
    if target.hours is not None:
        return start + timedelta(hours=target.hours)
    return calendar.add_working_days(start, target.working_days or 0, policy.workday_end)


def due_times(
    received_at: datetime, urgency: Urgency, policy: SlaPolicy, calendar: WorkCalendar
) -> DueTimes:
    first = due_at(received_at, policy.first_response[urgency], calendar, policy)
    plan_target = policy.plan.get(urgency)
    plan = due_at(received_at, plan_target, calendar, policy) if plan_target else None
    last = max(d for d in (first, plan) if d is not None)
    start_day = received_at.astimezone(BUSINESS_TZ).date()
    end_day = last.astimezone(BUSINESS_TZ).date()
    provisional = any(
        calendar.is_provisional(date(year, 1, 1))
        for year in range(start_day.year, end_day.year + 1)
    )
    return DueTimes(first_response_due=first, plan_due=plan, provisional=provisional)
