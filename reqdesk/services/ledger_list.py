"""The tracking ledger's rows: count and pages, filtered and sorted in SQL, never all rows.

Overdue, due-soon and due-today are worked out in SQL against the clock, so that the
filters "overdue only", "due soon" and "due today" are plain conditions and the counts
stay exact.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, false, func, not_, or_, select, text
from sqlalchemy.orm import aliased

from reqdesk.models import Customer, Department, ProcessingPlan, Requirement, Review, User
from reqdesk.models.enums import (
    OPEN_STAGES,
    Category,
    Channel,
    ReviewState,
    Stage,
    Urgency,
)
from reqdesk.services import search
from reqdesk.services.context import Context
from reqdesk.services.listing import Window, apply_window
from reqdesk.services.permissions import Permission, require
from reqdesk.services.sla import BUSINESS_TZ

DUE_SOON = timedelta(hours=24)
# A requirement still waiting for its first response, and for its processing plan.
UNANSWERED = frozenset({Stage.REGISTERED, Stage.DISPATCHED, Stage.IN_REVIEW, Stage.IN_PROGRESS})
FTS_MIN = search.TRIGRAM_MIN  # the trigram index answers three characters or more
# Resolved, the customer not yet asked: the return visit closes the requirement.
AWAITING_RETURN_VISIT = frozenset({Stage.RESOLVED})


@dataclass(frozen=True)
class LedgerFilter:
    """What the ledger shows. Dates are business days (UTC+08:00), both ends included."""

    text: str = ""
    stage: Stage | None = None
    requirement_id: int | None = None
    received_from: date | None = None
    received_to: date | None = None
    open_from: date | None = None  # open at any time between open_from and open_to
    open_to: date | None = None
    department_id: int | None = None
    assignee_id: int | None = None
    urgency: Urgency | None = None
    category: Category | None = None
    channel: Channel | None = None
    customer_id: int | None = None
    overdue_only: bool = False
    due_soon: bool = False
    stages: frozenset[Stage] = field(default_factory=frozenset)  # any of these, if given
    due_today: bool = False  # see _due_today


@dataclass(frozen=True)
class LedgerRow:
    id: int
    number: str
    received_at: datetime
    customer: str
    title: str
    urgency: Urgency
    channel: Channel
    department: str
    assignee: str
    stage: Stage
    first_response_due: datetime | None
    first_response_at: datetime | None
    resolution_due: datetime | None
    resolved_at: datetime | None
    closed_at: datetime | None
    satisfaction: int | None
    review_answer_due: datetime | None = None  # a concluded review's customer answer pending
    plan_due: datetime | None = None
    response_late: bool = False
    plan_late: bool = False
    resolution_late: bool = False
    answer_late: bool = False
    due_soon: bool = False
    category: Category | None = None

    @property
    def overdue(self) -> bool:
        return self.response_late or self.plan_late or self.resolution_late or self.answer_late

    def review_answer_overdue(self, now: datetime) -> bool:
        return self.review_answer_due is not None and now > self.review_answer_due

    def days_open(self, now: datetime) -> int:
        end = self.closed_at or self.resolved_at or now
        return max(0, (end - self.received_at).days)


EARLIEST_DAY, LATEST_DAY = date(1900, 1, 1), date(9998, 12, 31)


def day_start(day: date) -> datetime:
    """The start of a business day as an aware time (days outside 1900–9998 are taken as
    those years' ends, so that no date a user can type overflows)."""
    day = min(max(day, EARLIEST_DAY), LATEST_DAY)
    return datetime.combine(day, time(0), BUSINESS_TZ)


def day_end(day: date) -> datetime:
    """The start of the next business day: the exclusive end of ``day``."""
    return day_start(min(day, LATEST_DAY - timedelta(days=1)) + timedelta(days=1))


# --- the time conditions, as SQL ---------------------------------------------------


def _answer_due() -> Any:
    """The earliest customer answer still owed on a concluded review of the requirement."""
    return (
        select(func.min(Review.customer_answer_due))
        .where(
            Review.requirement_id == Requirement.id,
            Review.state.in_((ReviewState.ACCEPTED, ReviewState.REJECTED)),
            Review.customer_answered_at.is_(None),
        )
        .scalar_subquery()
    )


# The two conditions on other tables are uncorrelated IN lists: the database builds each
# once per query instead of probing once per requirement (100,000 probes in a count).


def _no_plan() -> ColumnElement[bool]:
    return Requirement.id.not_in(select(ProcessingPlan.requirement_id))


def _answer_owed_before(when: datetime) -> ColumnElement[bool]:
    """A concluded review of the requirement whose customer answer, due before ``when``,
    is still owed."""
    return Requirement.id.in_(
        select(Review.requirement_id).where(
            Review.state.in_((ReviewState.ACCEPTED, ReviewState.REJECTED)),
            Review.customer_answered_at.is_(None),
            Review.customer_answer_due < when,
        )
    )


def _before(due: Any, when: datetime) -> ColumnElement[bool]:
    # never NULL: a NULL here would make "not overdue" NULL too, and due-soon never true
    return and_(due.is_not(None), due < when)


def _pending(when: datetime) -> dict[str, ColumnElement[bool]]:
    """Each step whose due time lies before ``when`` and is not done (true or false, never
    NULL, so that the conditions can be negated)."""
    r = Requirement
    return {
        "response_late": and_(
            r.stage.in_(UNANSWERED),
            r.first_response_at.is_(None),
            _before(r.first_response_due, when),
        ),
        "plan_late": and_(r.stage.in_(UNANSWERED), _before(r.plan_due, when), _no_plan()),
        "resolution_late": and_(r.stage.in_(OPEN_STAGES), _before(r.resolution_due, when)),
        "answer_late": _answer_owed_before(when),
    }


def _as_flag(condition: ColumnElement[bool]) -> ColumnElement[bool]:
    """The condition as a value the planner cannot split into index lookups: it then
    reads the newest rows first and stops after a page instead of sorting every match."""
    return case((condition, 1), else_=0) == 1


def _overdue(now: datetime) -> ColumnElement[bool]:
    return or_(*_pending(now).values())


def _due_soon(now: datetime) -> ColumnElement[bool]:
    # most rows are not due within a day: asked first, it spares the second question
    return and_(_overdue(now + DUE_SOON), not_(_overdue(now)))


def _due_today(now: datetime) -> ColumnElement[bool]:
    """Due today: not overdue at ``now``, but overdue by the end of today's business day
    (midnight UTC+08:00) if nothing is done before then. In other words one of the steps
    the overdue flags watch (first response, processing plan, resolution, a concluded
    review's customer answer) is still owed and falls due at or after ``now`` and before
    the next midnight. A due time exactly at ``now`` is due today; one at midnight is
    tomorrow's. Always a subset of due soon (midnight is at most 24 hours away)."""
    today = now.astimezone(BUSINESS_TZ).date()
    return and_(_overdue(day_end(today)), not_(_overdue(now)))


# --- search -----------------------------------------------------------------------


def _fts_ids(term: str) -> Any:
    phrase = '"' + term.replace('"', '""') + '"'
    return text("SELECT rowid FROM requirement_fts WHERE requirement_fts MATCH :q").bindparams(
        q=phrase
    )


def _term_condition(term: str, sqlite: bool) -> ColumnElement[bool]:
    """Rows whose number, title or description hold ``term`` (see reqdesk.services.search)."""
    columns = (Requirement.number, Requirement.title, Requirement.description)
    if not sqlite:
        if len(term) >= FTS_MIN:  # folded as the trigram index folds; a GIN index answers
            return or_(*(search.postgresql_contains_folded(c, term) for c in columns))
        return or_(*(search.contains(c, term, sqlite=False) for c in columns))
    if len(term) >= FTS_MIN:
        return Requirement.id.in_(_fts_ids(term))  # the index holds number, title, description
    # one or two characters: on the requirement table itself, never on the index
    if term.isascii() or any(c.isascii() and c.isalpha() for c in term):
        return or_(*(search.contains(c, term, sqlite=True) for c in columns))
    # no letters to fold (and nothing a number holds): instr() finds them at less than
    # half the cost of LIKE
    return or_(
        func.instr(Requirement.title, term) > 0,
        func.instr(Requirement.description, term) > 0,
    )


def _search(text_: str, sqlite: bool) -> ColumnElement[bool] | None:
    terms = text_.split()
    if not terms:
        return None
    return and_(*(_term_condition(term, sqlite) for term in terms[:8]))


# --- the query ----------------------------------------------------------------------


def _conditions(flt: LedgerFilter, now: datetime, sqlite: bool) -> list[ColumnElement[bool]]:
    """What a row must meet to be shown: every condition of the filter (none: every row)."""
    r = Requirement
    equal = {
        r.stage: flt.stage,
        r.id: flt.requirement_id,
        r.department_id: flt.department_id,
        r.assignee_id: flt.assignee_id,
        r.urgency: flt.urgency,
        r.category: flt.category,
        r.channel: flt.channel,
        r.customer_id: flt.customer_id,
    }
    conditions = [column == value for column, value in equal.items() if value is not None]
    if flt.stages:
        conditions.append(r.stage.in_(flt.stages))
    if flt.received_from is not None:
        conditions.append(r.received_at >= day_start(flt.received_from))
    if flt.received_to is not None:
        conditions.append(r.received_at < day_end(flt.received_to))
    if flt.open_from is not None or flt.open_to is not None:
        conditions.append(_open_between(flt.open_from, flt.open_to))
    if flt.overdue_only:
        conditions.append(_as_flag(_overdue(now)))
    if flt.due_soon:
        conditions.append(_as_flag(_due_soon(now)))
    if flt.due_today:
        conditions.append(_as_flag(_due_today(now)))
    search = _search(flt.text, sqlite)
    if search is not None:
        conditions.append(search)
    return conditions


def _filtered(query: Select[Any], flt: LedgerFilter, now: datetime, sqlite: bool) -> Select[Any]:
    return query.where(*_conditions(flt, now, sqlite))


def _open_between(first: date | None, last: date | None) -> ColumnElement[bool]:
    """Open at some time in [first, last]: received before the end, not ended before the
    start (``closed_at`` is when a requirement left the ledger: closed, rejected, merged
    or cancelled)."""
    r = Requirement
    conditions: list[ColumnElement[bool]] = []
    if last is not None:
        conditions.append(r.received_at < day_end(last))
    if first is not None:
        conditions.append(or_(r.closed_at.is_(None), r.closed_at >= day_start(first)))
    return and_(*conditions) if conditions else ~false()


def _sqlite(ctx: Context) -> bool:
    return ctx.db.is_sqlite


def count_ledger(ctx: Context, flt: LedgerFilter) -> int:
    require(ctx.actor, Permission.VIEW_LEDGER)
    query = _filtered(select(func.count(Requirement.id)), flt, ctx.clock(), _sqlite(ctx))
    with ctx.reading() as session:
        return int(session.scalar(query) or 0)


def counts_query(filters: Sequence[LedgerFilter], now: datetime, sqlite: bool) -> Select[Any]:
    """One row: how many requirements each filter shows, in one pass over the table (the
    dashboard's counters, on the very conditions the ledger filters with)."""
    counts = [
        func.count(Requirement.id).filter(and_(*conditions))
        if (conditions := _conditions(flt, now, sqlite))
        else func.count(Requirement.id)
        for flt in filters
    ]
    return select(*counts)


def ledger_query(
    flt: LedgerFilter, window: Window | None, now: datetime, sqlite: bool
) -> Select[Any]:
    """The Core select behind a page of the ledger; ``window=None``: every row, in the
    default order (newest first), for streaming."""
    assignee = aliased(User)
    customer_name = func.coalesce(Customer.name, Requirement.walk_in_name, "")
    flags = _pending(now)
    query = (
        select(
            Requirement.id,
            Requirement.number,
            Requirement.received_at,
            customer_name.label("customer"),
            Requirement.title,
            Requirement.urgency,
            Requirement.channel,
            func.coalesce(Department.name, "").label("department"),
            func.coalesce(assignee.full_name, "").label("assignee"),
            Requirement.stage,
            Requirement.first_response_due,
            Requirement.first_response_at,
            Requirement.resolution_due,
            Requirement.resolved_at,
            Requirement.closed_at,
            Requirement.satisfaction,
            _answer_due().label("review_answer_due"),
            Requirement.plan_due,
            *(condition.label(name) for name, condition in flags.items()),
            _due_soon(now).label("due_soon"),
            Requirement.category,
        )
        .outerjoin(Customer, Customer.id == Requirement.customer_id)
        .outerjoin(Department, Department.id == Requirement.department_id)
        .outerjoin(assignee, assignee.id == Requirement.assignee_id)
    )
    sort_columns = {
        "number": Requirement.number,
        "received_at": Requirement.received_at,
        "customer": customer_name,
        "title": Requirement.title,
        "urgency": Requirement.urgency,
        "channel": Requirement.channel,
        "department": Department.name,
        "assignee": assignee.full_name,
        "stage": Requirement.stage,
        "first_response_due": Requirement.first_response_due,
        "first_response_at": Requirement.first_response_at,
        "resolution_due": Requirement.resolution_due,
        "resolved_at": Requirement.resolved_at,
        "satisfaction": Requirement.satisfaction,
    }
    if window is None:
        query = _filtered(query, flt, now, sqlite)
        return query.order_by(Requirement.received_at.desc(), Requirement.id.desc())
    # Two steps: the page's ids first (filter, sort key, offset: nothing else computed for
    # the rows passed over), then the columns and flags for those few rows only.
    ids = (
        select(Requirement.id)
        .outerjoin(Customer, Customer.id == Requirement.customer_id)
        .outerjoin(Department, Department.id == Requirement.department_id)
        .outerjoin(assignee, assignee.id == Requirement.assignee_id)
    )
    ids = apply_window(
        _filtered(ids, flt, now, sqlite),
        window,
        sort_columns,
        (Requirement.received_at.desc(),),
        Requirement.id,
    )
    again = Window(limit=window.limit, sort_key=window.sort_key, descending=window.descending)
    return apply_window(
        query.where(Requirement.id.in_(ids)),
        again,
        sort_columns,
        (Requirement.received_at.desc(),),
        Requirement.id,
    )


def to_row(row: Any) -> LedgerRow:
    values = row._asdict()
    for name in ("response_late", "plan_late", "resolution_late", "answer_late", "due_soon"):
        values[name] = bool(values[name])
    return LedgerRow(**values)


def ledger_rows(ctx: Context, flt: LedgerFilter, window: Window) -> list[LedgerRow]:
    require(ctx.actor, Permission.VIEW_LEDGER)
    query = ledger_query(flt, window, ctx.clock(), _sqlite(ctx))
    with ctx.reading() as session:
        return [to_row(row) for row in session.execute(query)]


def ledger_batches(ctx: Context, flt: LedgerFilter, size: int = 2000) -> Iterator[list[LedgerRow]]:
    """Every row of a filtered ledger in batches, streamed from one read (exports)."""
    require(ctx.actor, Permission.VIEW_LEDGER)
    query = ledger_query(flt, None, ctx.clock(), _sqlite(ctx)).execution_options(yield_per=size)
    with ctx.reading() as session:
        for part in session.execute(query).partitions(size):
            yield [to_row(row) for row in part]
