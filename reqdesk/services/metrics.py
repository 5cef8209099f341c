"""Ledger metrics (seed 001 五(二) 监控指标): response timeliness, completion, satisfaction,
open and overdue counts — for a period, split by department, category or urgency, and as
a weekly trend.

A period is a run of business days (UTC+08:00), both ends included. Its *end* is the
midnight after its last day, or now when that lies in the future.

* **Responses due**: requirements whose first response fell due in the period, counted
  once the due time has passed or the response was given. **On time**: given at or
  before the due time. A rejection (不予受理) answers the customer, so a rejected
  requirement without a logged response counts as answered when it was rejected.
  需求响应及时率 (timeliness) = on time / due.
* **Registered**: received in the period, the rejected ones left out. **Resolved**: of
  those, resolved by the end of the period (a reopened requirement counts as unresolved
  until it is resolved again). 需求处理完成率 (completion) = resolved / registered.
* **Return visits** dated in the period: 客户满意度 as the mean satisfaction (1–5) and the
  share rated 4 or 5.
* **Open at the end**: received before the end, and neither resolved nor ended (closed,
  rejected) by then. **Overdue at the end**: of those, the ones whose first response fell
  due before the end and had not been given by then, or whose resolution fell due before
  the end.
* Merged and cancelled requirements count in none of these.

Everything is counted in SQL with grouped, conditional sums: a handful of queries,
whatever the number of requirements, departments or weeks in a trend.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Literal

from sqlalchemy import ColumnElement, Select, and_, case, func, literal_column, or_, select
from sqlalchemy.orm import Session

from reqdesk.i18n import enum_label, translate
from reqdesk.models import Department, Requirement, ReturnVisit
from reqdesk.models.enums import Category, Stage, Urgency
from reqdesk.services.context import Context
from reqdesk.services.errors import ValidationError
from reqdesk.services.ledger_list import LedgerRow, day_start
from reqdesk.services.permissions import Permission, require
from reqdesk.textmarks import QT_TRANSLATE_NOOP

EXCLUDED = (Stage.MERGED, Stage.CANCELLED)  # count nowhere but in their own stage
SATISFIED = 4  # satisfaction of 4 or 5
NO_DEPARTMENT = QT_TRANSLATE_NOOP("Metrics", "No department")

Dimension = Literal["department", "category", "urgency"]


@dataclass(frozen=True)
class Metrics:
    """The figures of one period (see the module's definitions)."""

    responses_due: int = 0
    responses_on_time: int = 0
    registered: int = 0
    resolved: int = 0
    visits: int = 0
    satisfaction_mean: float | None = None
    satisfied: int = 0
    open_count: int = 0
    overdue_count: int = 0

    @property
    def timeliness(self) -> float | None:
        """需求响应及时率: on time / due; None when nothing fell due."""
        return _rate(self.responses_on_time, self.responses_due)

    @property
    def completion(self) -> float | None:
        """需求处理完成率: resolved / registered; None when nothing was registered."""
        return _rate(self.resolved, self.registered)

    @property
    def satisfied_share(self) -> float | None:
        """The share of return visits rated 4 or 5; None without visits."""
        return _rate(self.satisfied, self.visits)

    @property
    def has_data(self) -> bool:
        return any((self.responses_due, self.registered, self.visits, self.open_count))


def _rate(part: int, whole: int) -> float | None:
    return part / whole if whole else None


@dataclass(frozen=True)
class Period:
    """Business days ``first``..``last`` as times: [start, end), and ``cutoff`` =
    the end, or now when the period has not ended yet."""

    first: date
    last: date
    start: datetime
    end: datetime
    cutoff: datetime


def period(first: date, last: date, now: datetime) -> Period:
    """The period of business days ``first``..``last`` seen at ``now``."""
    if last < first:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "The period ends before it starts."), field="last"
        )
    end = day_start(last + timedelta(days=1))
    return Period(first, last, day_start(first), end, min(end, now))


# --- the conditions, as SQL -----------------------------------------------------------


def answered_at() -> ColumnElement[Any]:
    """When the customer had the first answer: the first response, else the rejection."""
    r = Requirement
    return func.coalesce(r.first_response_at, case((r.stage == Stage.REJECTED, r.closed_at)))


def open_at(cutoff: datetime) -> ColumnElement[bool]:
    """Received before ``cutoff`` and neither resolved nor ended by then."""
    r = Requirement
    return and_(
        r.received_at < cutoff,
        or_(r.resolved_at.is_(None), r.resolved_at >= cutoff),
        or_(r.closed_at.is_(None), r.closed_at >= cutoff),
    )


def late_at(cutoff: datetime) -> ColumnElement[bool]:
    """For a requirement open at ``cutoff``: a first response or a resolution due before
    then and not done by then."""
    r = Requirement
    answered = answered_at()
    return or_(
        and_(r.first_response_due < cutoff, or_(answered.is_(None), answered >= cutoff)),
        r.resolution_due < cutoff,
    )


def counted() -> ColumnElement[bool]:
    """Not merged, not cancelled: counted in the metrics."""
    return Requirement.stage.not_in(EXCLUDED)


def overdue_at_end(row: LedgerRow, cutoff: datetime) -> bool:
    """The same test as the overdue count, for one ledger row (the printed ledger's marks)."""
    if row.stage in EXCLUDED or row.received_at >= cutoff:
        return False
    if (row.resolved_at and row.resolved_at < cutoff) or (row.closed_at and row.closed_at < cutoff):
        return False
    answered = row.first_response_at
    if answered is None and row.stage == Stage.REJECTED:
        answered = row.closed_at
    response_late = row.first_response_due is not None and row.first_response_due < cutoff
    response_late = response_late and (answered is None or answered >= cutoff)
    return response_late or (row.resolution_due is not None and row.resolution_due < cutoff)


def _one(condition: ColumnElement[bool]) -> Any:
    return func.sum(case((condition, 1), else_=0))


def _rank(column: Any, points: list[Any]) -> Any:
    """How many of the sorted ``points`` lie at or before ``column`` (all of them for
    NULL), found by a binary search in SQL: a few comparisons a row however many points."""

    def node(lo: int, hi: int) -> Any:
        if lo == hi:
            return literal_column(str(lo))
        mid = (lo + hi) // 2
        return case((column < points[mid], node(lo, mid)), else_=node(mid + 1, hi))

    return case((column.is_(None), literal_column(str(len(points)))), else_=node(0, len(points)))


# --- counting -----------------------------------------------------------------------
# The periods are consecutive (one period, or the weeks of a trend). A time's period is
# then the number of period starts at or before it, less one; whether it lies before a
# period's end or cutoff is again a comparison of such ranks, done in Python on the
# grouped counts.

Key = Any  # a department id, a category, an urgency, or None when not split
Tally = dict[tuple[Key, int], dict[str, float]]


def _rows(session: Session, query: Select[Any], keys: list[Any], *ranks: Any) -> Iterator[Any]:
    """(key, values...) of a query grouped by ``keys`` and ``ranks``."""
    grouped = query.group_by(*keys, *ranks) if keys or ranks else query
    for row in session.execute(grouped):
        yield (row[0] if keys else None), *row[len(keys) :]


def _responses(
    session: Session, periods: list[Period], now: datetime, keys: list[Any], where: list[Any]
) -> Iterator[tuple[Key, int, str, int]]:
    r = Requirement
    due, answered = r.first_response_due, answered_at()
    bucket = _rank(due, [p.start for p in periods]).label("bucket")
    query = select(*keys, bucket, func.count(), _one(answered <= due)).where(
        counted(),
        due >= periods[0].start,
        due < periods[-1].end,
        or_(due <= now, answered.is_not(None)),
        *where,
    )
    for key, rank, due_count, on_time in _rows(session, query, keys, bucket):
        yield key, rank - 1, "responses_due", due_count
        yield key, rank - 1, "responses_on_time", on_time or 0


def _registrations(
    session: Session, periods: list[Period], keys: list[Any], where: list[Any]
) -> Iterator[tuple[Key, int, str, int]]:
    r = Requirement
    bucket = _rank(r.received_at, [p.start for p in periods]).label("bucket")
    resolved = _rank(r.resolved_at, [p.end for p in periods]).label("resolved")
    query = select(*keys, bucket, resolved, func.count()).where(
        r.stage.not_in((*EXCLUDED, Stage.REJECTED)),
        r.received_at >= periods[0].start,
        r.received_at < periods[-1].end,
        *where,
    )
    for key, rank, resolved_rank, count in _rows(session, query, keys, bucket, resolved):
        yield key, rank - 1, "registered", count
        if resolved_rank <= rank - 1:  # resolved before its period's end
            yield key, rank - 1, "resolved", count


def _visits(
    session: Session, periods: list[Period], keys: list[Any], where: list[Any]
) -> Iterator[tuple[Key, int, str, int]]:
    day = ReturnVisit.visit_date
    bucket = _rank(day, [p.first for p in periods]).label("bucket")
    query = (
        select(
            *keys,
            bucket,
            func.count(),
            func.sum(ReturnVisit.satisfaction),
            _one(ReturnVisit.satisfaction >= SATISFIED),
        )
        .join(Requirement, Requirement.id == ReturnVisit.requirement_id)
        .where(counted(), day >= periods[0].first, day <= periods[-1].last, *where)
    )
    for key, rank, visits, total, satisfied in _rows(session, query, keys, bucket):
        yield key, rank - 1, "visits", visits
        yield key, rank - 1, "satisfaction_sum", total or 0
        yield key, rank - 1, "satisfied", satisfied or 0


def _open(
    session: Session, periods: list[Period], keys: list[Any], where: list[Any]
) -> Iterator[tuple[Key, int, str, int]]:
    """Open and overdue at each period's cutoff (see :func:`open_at`, :func:`late_at`),
    from the ranks of each time among the cutoffs."""
    r = Requirement
    cutoffs = [p.cutoff for p in periods]
    times: list[Any] = [r.received_at, r.resolved_at, r.closed_at]
    times += [r.first_response_due, answered_at(), r.resolution_due]
    ranks = [_rank(column, cutoffs).label(f"rank_{n}") for n, column in enumerate(times)]
    query = select(*keys, *ranks, func.count()).where(
        counted(),
        r.received_at < cutoffs[-1],
        or_(r.resolved_at.is_(None), r.resolved_at >= cutoffs[0]),
        or_(r.closed_at.is_(None), r.closed_at >= cutoffs[0]),
        *where,
    )
    for key, received, resolved, closed, due, answered, resolution, count in _rows(
        session, query, keys, *ranks
    ):
        # open at cutoff i: received < c[i] <= resolved, closed; late: due < c[i] <= answered,
        # or resolution due < c[i]
        for i in range(received, min(resolved, closed)):
            yield key, i, "open_count", count
            if due <= i < answered or i >= resolution:
                yield key, i, "overdue_count", count


def _tally(
    session: Session, periods: list[Period], now: datetime, key: Any | None, where: list[Any]
) -> Tally:
    tally: Tally = defaultdict(lambda: defaultdict(float))
    keys = [key] if key is not None else []
    for part in (
        _responses(session, periods, now, keys, where),
        _registrations(session, periods, keys, where),
        _visits(session, periods, keys, where),
        _open(session, periods, keys, where),
    ):
        for group, index, name, value in part:
            if 0 <= index < len(periods):
                tally[(group, index)][name] += value
    return tally


def _metrics(values: dict[str, float] | None) -> Metrics:
    if not values:
        return Metrics()
    visits = int(values["visits"])
    return Metrics(
        responses_due=int(values["responses_due"]),
        responses_on_time=int(values["responses_on_time"]),
        registered=int(values["registered"]),
        resolved=int(values["resolved"]),
        visits=visits,
        satisfaction_mean=values["satisfaction_sum"] / visits if visits else None,
        satisfied=int(values["satisfied"]),
        open_count=int(values["open_count"]),
        overdue_count=int(values["overdue_count"]),
    )


# --- the public calls ---------------------------------------------------------------


def period_metrics(
    ctx: Context,
    first: date,
    last: date,
    *,
    department_id: int | None = None,
    category: Category | None = None,
    urgency: Urgency | None = None,
) -> Metrics:
    """The metrics of business days ``first``..``last``, optionally of one department,
    category or urgency."""
    require(ctx.actor, Permission.VIEW_LEDGER)
    now = ctx.clock()
    r = Requirement
    where: list[Any] = []
    for column, value in (
        (r.department_id, department_id),
        (r.category, category),
        (r.urgency, urgency),
    ):
        if value is not None:
            where.append(column == value)
    with ctx.reading() as session:
        tally = _tally(session, [period(first, last, now)], now, None, where)
    return _metrics(tally.get((None, 0)))


_DIMENSIONS: dict[str, Any] = {
    "department": Requirement.department_id,
    "category": Requirement.category,
    "urgency": Requirement.urgency,
}


def _rows_of(session: Session, dimension: Dimension) -> list[tuple[Key, str, bool]]:
    """(key, label, always shown) of each row of a split, in display order."""
    if dimension == "category":
        return [(member, enum_label(member), True) for member in Category]
    if dimension == "urgency":
        return [(member, enum_label(member), True) for member in Urgency]
    departments = session.execute(
        select(Department.id, Department.name, Department.active).order_by(Department.id)
    )
    rows = [(id_, name, bool(active)) for id_, name, active in departments]
    return [*rows, (None, translate("Metrics", NO_DEPARTMENT), False)]


def metrics_by(
    ctx: Context, first: date, last: date, dimension: Dimension
) -> list[tuple[str, Metrics]]:
    """The period's metrics split by department, category or urgency, labelled in the
    current language. Inactive departments and "no department" appear only with data."""
    require(ctx.actor, Permission.VIEW_LEDGER)
    if dimension not in _DIMENSIONS:
        raise ValueError(dimension)
    now = ctx.clock()
    with ctx.reading() as session:
        tally = _tally(session, [period(first, last, now)], now, _DIMENSIONS[dimension], [])
        rows = _rows_of(session, dimension)
    split = [(label, _metrics(tally.get((key, 0))), always) for key, label, always in rows]
    return [(label, metrics) for label, metrics, always in split if always or metrics.has_data]


def weekly_trend(ctx: Context, last_monday: date, weeks: int = 26) -> list[tuple[date, Metrics]]:
    """The metrics of ``weeks`` ISO weeks up to the one starting ``last_monday`` (any day
    of that week will do), oldest first, each with its Monday."""
    require(ctx.actor, Permission.VIEW_LEDGER)
    now = ctx.clock()
    newest = last_monday - timedelta(days=last_monday.weekday())
    mondays = [newest - timedelta(weeks=n) for n in range(max(1, weeks) - 1, -1, -1)]
    periods = [period(monday, monday + timedelta(days=6), now) for monday in mondays]
    with ctx.reading() as session:
        tally = _tally(session, periods, now, None, [])
    return [(monday, _metrics(tally.get((None, i)))) for i, monday in enumerate(mondays)]
