"""The dashboard's four counts: the ledger's own filters and the user's review tasks, and
"due today" at the edges of the business day (UTC+08:00)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from reqdesk.db import open_database
from reqdesk.models.enums import ContactChannel, ReviewRouting, Stage, Urgency
from reqdesk.services.context import Context
from reqdesk.services.dashboard import LEDGER_PRESETS, Counter, DashboardCounts, dashboard_counts
from reqdesk.services.demo import generate_demo
from reqdesk.services.errors import PermissionDenied
from reqdesk.services.ledger_export import filter_terms
from reqdesk.services.ledger_list import LedgerFilter, count_ledger, ledger_rows
from reqdesk.services.listing import Window
from reqdesk.services.requirements.workflow import ResponseInput, log_response
from reqdesk.services.reviews.conclusion import conclude
from reqdesk.services.reviews.opening import OpenReviewInput, open_review
from reqdesk.services.reviews.queue import my_tasks
from reqdesk.services.setup import open_context
from reqdesk.services.sla import BUSINESS_TZ
from tests.conftest import DEMO_AS_OF, FIXED_NOW
from tests.helpers import signed_in
from tests.services.review_inputs import items, sign
from tests.services.workflow_inputs import Company, empty_template, opened_company

USERS = ("admin", "kefu", "zhuguan", "zongjingli", "xiaoshou", "jishu", "zhiliang", "caiwu")


def nov(day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=BUSINESS_TZ)


def expected(ctx: Context) -> DashboardCounts:
    """The counts as the ledger and the review tab would show them."""
    ledger = {c: count_ledger(ctx, flt) for c, flt in LEDGER_PRESETS.items()}
    return DashboardCounts(
        overdue=ledger[Counter.OVERDUE],
        due_today=ledger[Counter.DUE_TODAY],
        my_sign_offs=len(my_tasks(ctx)),
        return_visits=ledger[Counter.RETURN_VISITS],
    )


@pytest.mark.parametrize("moment", [FIXED_NOW, nov(20, 16), nov(20, 20)])
def test_counts_match_the_ledger_and_the_task_list(demo_ctx: Context, moment: datetime) -> None:
    """For every role the four counts are the ledger's counts and the task list's length."""
    totals = []
    for username in USERS:
        ctx = replace(signed_in(demo_ctx, username), clock=lambda: moment)
        counts = dashboard_counts(ctx)
        assert counts == expected(ctx), username
        totals.append(counts)
    assert {(c.overdue, c.due_today, c.return_visits) for c in totals} == {
        (totals[0].overdue, totals[0].due_today, totals[0].return_visits)
    }  # everyone sees the whole ledger
    assert totals[0].overdue > 0 and totals[0].return_visits > 0
    assert any(c.my_sign_offs for c in totals) and not all(c.my_sign_offs for c in totals)


def test_the_presets_are_the_ledger_filters(demo_ctx: Context) -> None:
    """Each ledger counter is one plain ledger filter; the fourth is not a ledger view."""
    presets = {
        Counter.OVERDUE: LedgerFilter(overdue_only=True),
        Counter.DUE_TODAY: LedgerFilter(due_today=True),
        Counter.RETURN_VISITS: LedgerFilter(stages=frozenset({Stage.RESOLVED})),
    }
    assert presets == LEDGER_PRESETS
    ctx = replace(signed_in(demo_ctx, "kefu"), clock=lambda: FIXED_NOW)
    resolved = ledger_rows(ctx, LEDGER_PRESETS[Counter.RETURN_VISITS], Window(limit=1000))
    assert {r.stage for r in resolved} == {Stage.RESOLVED}
    assert all(r.closed_at is None and r.satisfaction is None for r in resolved)


def test_signed_out_is_refused(demo_ctx: Context) -> None:
    """No user, no counts."""
    with pytest.raises(PermissionDenied):
        dashboard_counts(demo_ctx)


# --- due today at the edges of the business day ------------------------------------------


class Dated:
    """Requirements, each named, registered at a given business time."""

    def __init__(self, company: Company) -> None:
        self.company = company
        self.ids: dict[str, int] = {}

    def add(self, name: str, received: datetime, urgency: Urgency, **extra: object) -> int:
        self.company.clock.now = received
        self.ids[name] = self.company.register(title=f"到期测试{name}", urgency=urgency, **extra)
        return self.ids[name]

    def respond(self, name: str, when: datetime) -> None:
        """Dispatched to Technical half an hour before, then answered."""
        self.company.clock.now = when - timedelta(minutes=30)
        self.company.dispatch(self.ids[name], "TECH")
        self.company.clock.now = when
        answer = ResponseInput(when, ContactChannel.CALL, "已答复")
        log_response(self.company.as_("kefu"), self.ids[name], answer)

    def concluded_review(self, name: str, concluded: datetime) -> None:
        """A countersigned review (QA) concluded "accept" at ``concluded``; the customer's
        answer is then due 48 hours later."""
        company = self.company
        company.clock.now = concluded - timedelta(hours=2)
        form = OpenReviewInput(
            self.ids[name],
            items(),
            routing=ReviewRouting.COUNTERSIGN,
            countersigners=(company.department("QA"),),
        )
        review_id = open_review(company.as_("kefu"), form).id
        for code in ("QA", "SALES"):
            sign(company.base, review_id, code, moment=concluded - timedelta(hours=1))
        company.clock.now = concluded
        conclude(company.as_("xiaoshou"), review_id, "可以承接")


def build(d: Dated) -> None:
    g, u = Urgency.GENERAL, Urgency.URGENT
    d.add("late", nov(13, 9), g)  # first response due Wed 18th 17:30
    d.add("response_thu", nov(16, 9), g)  # due Thu 19th 17:30
    d.add("responded", nov(16, 9), g)
    d.respond("responded", nov(16, 10))
    d.add("resolution_thu", nov(16, 9), g, expected_date=date(2026, 11, 19))  # Thu 17:30
    d.respond("resolution_thu", nov(16, 10))
    d.add("response_fri", nov(17, 9), g)  # due Fri 20th 17:30
    d.add("answer_thu", nov(17, 9), g)  # response due Fri 17:30
    d.concluded_review("answer_thu", nov(17, 23))  # customer answer due Thu 23:00
    # urgent: first response four clock hours after registration
    d.add("urgent_1300", nov(19, 9), u)
    d.add("urgent_2100", nov(19, 17), u)
    d.add("urgent_2359", nov(19, 19, 59), u)
    d.add("urgent_midnight", nov(19, 20), u)  # due Fri 00:00: Friday's
    d.add("urgent_0001", nov(19, 20, 1), u)


DUE_TODAY = {
    # Thursday morning: everything owed before Thursday midnight and not late yet
    nov(19, 10): {
        "response_thu",
        "resolution_thu",
        "answer_thu",
        "urgent_1300",
        "urgent_2100",
        "urgent_2359",
    },
    # the evening: a due time exactly now is still today's; 13:00 and 17:30 are late
    nov(19, 21): {"answer_thu", "urgent_2100", "urgent_2359"},
    # one minute before midnight: only 23:59 is left
    nov(19, 23, 59): {"urgent_2359"},
    nov(19, 23, 59) + timedelta(seconds=30): set(),
    # midnight starts Friday (16:00 UTC: a UTC day would still be Thursday)
    nov(20, 0): {"urgent_midnight", "urgent_0001", "response_fri"},
}


@pytest.fixture(scope="module")
def dated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Dated]:
    folder = tmp_path_factory.mktemp("due-today")
    with opened_company(empty_template(tmp_path_factory), folder) as company:
        data = Dated(company)
        build(data)
        yield data


def shown(d: Dated, flt: LedgerFilter, moment: datetime) -> set[str]:
    d.company.clock.now = moment.astimezone(UTC)  # as the program's clock tells it
    ctx = d.company.as_("zhuguan")
    rows = ledger_rows(ctx, flt, Window(limit=1000))
    assert count_ledger(ctx, flt) == len(rows)
    names = {i: n for n, i in d.ids.items()}
    return {names[r.id] for r in rows}


@pytest.mark.parametrize("moment", list(DUE_TODAY), ids=lambda m: f"{m:%a-%H%M%S}")
def test_due_today_at_the_edges_of_the_day(dated: Dated, moment: datetime) -> None:
    """Due today: owed before the next midnight in Beijing, not late yet; never late, always
    due soon; the dashboard counts the same rows."""
    due_today = shown(dated, LedgerFilter(due_today=True), moment)
    assert due_today == DUE_TODAY[moment]
    assert not due_today & shown(dated, LedgerFilter(overdue_only=True), moment)
    assert due_today <= shown(dated, LedgerFilter(due_soon=True), moment)
    counts = dashboard_counts(dated.company.as_("zhuguan"))
    assert counts.due_today == len(due_today)
    assert counts.overdue == len(shown(dated, LedgerFilter(overdue_only=True), moment))


def test_due_today_combines_with_other_filters(dated: Dated) -> None:
    """Like every ledger filter it narrows the others: urgent and due today."""
    flt = LedgerFilter(due_today=True, urgency=Urgency.URGENT)
    assert shown(dated, flt, nov(19, 21)) == {"urgent_2100", "urgent_2359"}
    assert shown(dated, replace(flt, overdue_only=True), nov(19, 21)) == set()


def test_every_preset_can_be_exported(demo_ctx: Context) -> None:
    """An Excel export from a counter's view names its filter in the notes."""
    ctx = replace(signed_in(demo_ctx, "zhuguan"), clock=lambda: FIXED_NOW)
    for counter, flt in LEDGER_PRESETS.items():
        terms = filter_terms(ctx, flt)
        assert len(terms) == 1, counter


def test_postgresql_counts_the_same(postgres_url: str) -> None:
    """The same conditions on PostgreSQL (a multi-seat office's database)."""
    db = open_database(postgres_url)
    try:
        generate_demo(db, customers=3, requirements=0, seed=3, as_of=DEMO_AS_OF)
        data = Dated(Company(db, open_context(db)))
        build(data)
        for moment in (nov(19, 21), nov(20, 0)):
            due_today = shown(data, LedgerFilter(due_today=True), moment)
            assert due_today == DUE_TODAY[moment]
            counts = dashboard_counts(data.company.as_("xiaoshou"))
            assert counts.due_today == len(due_today)
            assert counts.my_sign_offs == len(my_tasks(data.company.as_("xiaoshou"))) > 0
    finally:
        db.dispose()
