"""The ledger's filters, overdue and due-soon flags and sorting, on a hand-made set of
requirements whose answers are known (business days in UTC+08:00)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from typing import Any

import pytest

from reqdesk.models.enums import Category, Channel, ContactChannel, ReviewRouting, Stage, Urgency
from reqdesk.services.ledger_list import (
    DUE_SOON,
    LedgerFilter,
    LedgerRow,
    count_ledger,
    ledger_batches,
    ledger_rows,
)
from reqdesk.services.listing import Window
from reqdesk.services.requirements.workflow import (
    PlanInput,
    ResponseInput,
    VisitInput,
    change_stage,
    log_response,
    record_plan,
    record_return_visit,
)
from reqdesk.services.reviews.conclusion import conclude, record_answer
from reqdesk.services.reviews.opening import OpenReviewInput, open_review
from reqdesk.services.sla import BUSINESS_TZ
from tests.services.review_inputs import items, sign
from tests.services.workflow_inputs import Company, empty_template, opened_company

# The moment the ledger is looked at: Thursday 19 November 2026, 10:00 in Beijing.
QUERY_AT = datetime(2026, 11, 19, 10, 0, tzinfo=BUSINESS_TZ)
SORT_KEYS = (
    "number",
    "received_at",
    "customer",
    "title",
    "urgency",
    "channel",
    "department",
    "assignee",
    "stage",
    "first_response_due",
    "first_response_at",
    "resolution_due",
    "resolved_at",
    "satisfaction",
)


def nov(day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=BUSINESS_TZ)


class DataSet:
    """Builds the requirements, each named, with the clock set to each action's time."""

    def __init__(self, company: Company) -> None:
        self.company = company
        self.ids: dict[str, int] = {}

    def at(self, moment: datetime) -> Company:
        self.company.clock.now = moment
        return self.company

    def add(self, name: str, received: datetime, **overrides: Any) -> int:
        values: dict[str, Any] = {"title": f"台账测试{name}", **overrides}
        self.ids[name] = self.at(received).register(**values)
        return self.ids[name]

    def dispatch(self, name: str, when: datetime, code: str, assignee: str = "") -> None:
        self.at(when).dispatch(self.ids[name], code, assignee)

    def respond(self, name: str, when: datetime) -> None:
        ctx = self.at(when).as_("kefu")
        log_response(ctx, self.ids[name], ResponseInput(when, ContactChannel.CALL, "已答复"))

    def review(self, name: str, concluded: datetime, answered: datetime | None = None) -> None:
        """A countersigned review (QA), concluded "accept" at ``concluded``."""
        ctx = self.at(concluded - timedelta(hours=2)).as_("kefu")
        qa = self.company.department("QA")
        form = OpenReviewInput(
            self.ids[name], items(), routing=ReviewRouting.COUNTERSIGN, countersigners=(qa,)
        )
        review_id = open_review(ctx, form).id
        for code in ("QA", "SALES"):
            sign(self.company.base, review_id, code, moment=concluded - timedelta(hours=1))
        conclude(self.at(concluded).as_("xiaoshou"), review_id, "可以承接")
        if answered is not None:
            record_answer(self.at(answered).as_("xiaoshou"), review_id, answered, "电话告知")


def build(data: DataSet) -> None:
    # around the day edges of 10 November (received filters), various fields
    data.add("edge_start", nov(10), channel=Channel.PHONE, category=Category.PRODUCT)
    data.add(
        "edge_before",
        nov(9, 23, 59),
        customer_id=2,
        channel=Channel.VISIT,
        category=Category.SERVICE,
        urgency=Urgency.IMPORTANT,
    )
    data.add(
        "edge_end",
        nov(10, 23, 59),
        customer_id=3,
        channel=Channel.LETTER_EMAIL,
        category=Category.PRICE,
        urgency=Urgency.URGENT,
    )
    data.add(
        "next_day",
        nov(11),
        customer_id=None,
        walk_in_name="张先生",
        contact_phone="13900001111",
        category=Category.OTHER,
    )
    # open in a period: one cancelled on 5 November, one open since 6 November
    data.add("cancelled", nov(2, 9))
    change_stage(data.at(nov(5, 10)).as_("kefu"), data.ids["cancelled"], Stage.CANCELLED, "撤回")
    data.add("open_since_6th", nov(6, 9))
    # the overdue watch, as seen on Thursday 19 November 10:00
    data.add("response_late", nov(13, 9))  # first response due Wed 18th 17:30
    data.add("urgent_late", nov(19, 5), urgency=Urgency.URGENT)  # due 09:00 today
    for name in ("plan_late", "plan_recorded", "plan_responded"):
        data.add(name, nov(16, 9))  # first response due Thu 19th 17:30
        data.dispatch(name, nov(16, 9, 30), "SALES", "xiaoshou")  # plan due Wed 18th 17:30
    record_plan(
        data.at(nov(16, 10)).as_("xiaoshou"),
        data.ids["plan_recorded"],
        PlanInput("返修", "两日内", ""),
    )
    data.respond("plan_responded", nov(16, 10))
    for name in ("resolution_late", "resolved"):
        data.add(name, nov(16, 9), expected_date=date(2026, 11, 17))  # due Tue 17th 17:30
        data.dispatch(name, nov(16, 9, 30), "TECH", "jishu")
        data.respond(name, nov(16, 10))
    change_stage(data.at(nov(17, 12)).as_("jishu"), data.ids["resolved"], Stage.RESOLVED)
    data.add("answer_late", nov(16, 9))
    data.review("answer_late", nov(16, 11))  # customer answer due Wed 18th 11:00
    data.add("answer_given", nov(16, 9))
    data.review("answer_given", nov(16, 11), answered=nov(16, 15))
    data.add("answer_due_soon", nov(17, 9))  # first response due Fri 20th 17:30
    data.review("answer_due_soon", nov(18, 9))  # customer answer due Fri 20th 09:00
    data.add("not_due", nov(17, 9))  # first response due Fri 20th 17:30
    for name, satisfaction in (("closed_happy", 5), ("closed_unhappy", 2)):
        data.add(name, nov(16, 9 + satisfaction))
        data.dispatch(name, nov(16, 12), "TECH")
        ctx = data.at(nov(17, 9 + satisfaction)).as_("kefu")
        change_stage(ctx, data.ids[name], Stage.IN_PROGRESS)
        change_stage(ctx, data.ids[name], Stage.RESOLVED)
        visit = VisitInput(date(2026, 11, 18), ContactChannel.CALL, satisfaction)
        record_return_visit(data.at(nov(18, 9)).as_("kefu"), data.ids[name], visit)
    data.company.clock.now = QUERY_AT


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DataSet]:
    """The hand-made set, built once; the tests only read it."""
    folder = tmp_path_factory.mktemp("ledger-filters")
    with opened_company(empty_template(tmp_path_factory), folder) as company:
        data = DataSet(company)
        build(data)
        yield data


def ids(data: DataSet, flt: LedgerFilter, when: datetime = QUERY_AT) -> set[int]:
    """The ids the filter shows; its count must agree with its rows."""
    data.company.clock.now = when
    ctx = data.company.as_("zhuguan")
    rows = ledger_rows(ctx, flt, Window(0, 1000))
    assert count_ledger(ctx, flt) == len(rows)
    return {r.id for r in rows}


def named(data: DataSet, *names: str) -> set[int]:
    return {data.ids[n] for n in names}


def rows_by_name(data: DataSet) -> dict[str, LedgerRow]:
    data.company.clock.now = QUERY_AT
    rows = ledger_rows(data.company.as_("zhuguan"), LedgerFilter(), Window(0, 1000))
    by_id = {r.id: r for r in rows}
    return {name: by_id[i] for name, i in data.ids.items()}


def test_received_days_are_business_days_with_both_ends(ledger: DataSet) -> None:
    """10 November runs from 00:00 to 23:59 Beijing time (16:00 UTC the day before)."""
    tenth = date(2026, 11, 10)
    assert ids(ledger, LedgerFilter(received_from=tenth, received_to=tenth)) == named(
        ledger, "edge_start", "edge_end"
    )
    before = ids(ledger, LedgerFilter(received_to=date(2026, 11, 9)))
    assert before == named(ledger, "edge_before", "cancelled", "open_since_6th")
    after = ids(ledger, LedgerFilter(received_from=date(2026, 11, 11)))
    assert named(ledger, "next_day") <= after and not after & named(ledger, "edge_end")
    everything = ids(ledger, LedgerFilter())
    assert before | ids(ledger, LedgerFilter(received_from=tenth)) == everything


def test_open_in_a_period(ledger: DataSet) -> None:
    """Open at any time in the period: received before its end, not closed before its start."""
    fifth, sixth = date(2026, 11, 5), date(2026, 11, 6)
    assert ids(ledger, LedgerFilter(open_from=fifth, open_to=fifth)) == named(ledger, "cancelled")
    assert ids(ledger, LedgerFilter(open_from=sixth, open_to=sixth)) == named(
        ledger, "open_since_6th"
    )
    assert ids(ledger, LedgerFilter(open_to=fifth)) == named(ledger, "cancelled")
    later = ids(ledger, LedgerFilter(open_from=sixth))
    assert later == ids(ledger, LedgerFilter()) - named(ledger, "cancelled")


def test_field_filters(ledger: DataSet) -> None:
    """Department, person, urgency, category, channel, customer: each an exact match."""
    d = ledger
    sales, tech = d.company.department("SALES"), d.company.department("TECH")
    assert ids(d, LedgerFilter(department_id=sales)) == named(
        d, "plan_late", "plan_recorded", "plan_responded"
    )
    assert ids(d, LedgerFilter(department_id=tech)) == named(
        d, "resolution_late", "resolved", "closed_happy", "closed_unhappy"
    )
    assert ids(d, LedgerFilter(assignee_id=d.company.user("jishu"))) == named(
        d, "resolution_late", "resolved"
    )
    assert ids(d, LedgerFilter(department_id=sales, assignee_id=d.company.user("jishu"))) == set()
    assert ids(d, LedgerFilter(urgency=Urgency.URGENT)) == named(d, "edge_end", "urgent_late")
    assert ids(d, LedgerFilter(urgency=Urgency.IMPORTANT)) == named(d, "edge_before")
    assert ids(d, LedgerFilter(category=Category.PRICE)) == named(d, "edge_end")
    assert ids(d, LedgerFilter(category=Category.OTHER)) == named(d, "next_day")
    assert ids(d, LedgerFilter(channel=Channel.VISIT)) == named(d, "edge_before")
    assert ids(d, LedgerFilter(channel=Channel.LETTER_EMAIL)) == named(d, "edge_end")
    assert ids(d, LedgerFilter(customer_id=2)) == named(d, "edge_before")
    everyone = ids(d, LedgerFilter())
    by_customer = [ids(d, LedgerFilter(customer_id=c)) for c in (1, 2, 3)]
    assert everyone - set().union(*by_customer) == named(d, "next_day")  # the walk-in


def test_stage_stages_and_requirement_id(ledger: DataSet) -> None:
    """One stage, any of several stages, one requirement."""
    d = ledger
    assert ids(d, LedgerFilter(stage=Stage.RESOLVED)) == named(d, "resolved")
    responded = named(d, "plan_responded", "resolution_late")
    assert ids(d, LedgerFilter(stage=Stage.RESPONDED)) == responded
    both = ids(d, LedgerFilter(stages=frozenset({Stage.RESPONDED, Stage.CANCELLED})))
    assert both == responded | named(d, "cancelled")
    assert ids(d, LedgerFilter(stage=Stage.CANCELLED, stages=frozenset({Stage.RESPONDED}))) == set()
    assert ids(d, LedgerFilter(requirement_id=d.ids["answer_late"])) == named(d, "answer_late")
    assert ids(d, LedgerFilter(requirement_id=10**6)) == set()


FLAGS = ("response_late", "plan_late", "resolution_late", "answer_late", "due_soon")
EXPECTED_FLAGS = {
    # early November: the first responses were due long ago; important and urgent items
    # owed their plan and resolution too (due at registration: 1–2 working days)
    "edge_start": {"response_late"},
    "edge_before": {"response_late", "plan_late", "resolution_late"},
    "edge_end": {"response_late", "plan_late", "resolution_late"},
    "next_day": {"response_late"},
    "cancelled": set(),
    "open_since_6th": {"response_late"},
    "response_late": {"response_late"},
    "urgent_late": {"response_late"},
    "plan_late": {"plan_late"},
    "plan_recorded": {"due_soon"},  # plan in; first response due at 17:30 today
    "plan_responded": set(),  # responded: no plan is chased any more
    "resolution_late": {"resolution_late"},
    "resolved": set(),
    "answer_late": {"answer_late"},
    "answer_given": {"due_soon"},  # answered; its first response is due at 17:30 today
    "answer_due_soon": {"due_soon"},  # the customer's answer is due tomorrow 09:00
    "not_due": set(),
    "closed_happy": set(),
    "closed_unhappy": set(),
}


def test_overdue_and_due_soon_flags(ledger: DataSet) -> None:
    """Each row carries exactly the flags its due times and done steps call for."""
    rows = rows_by_name(ledger)
    assert rows.keys() == EXPECTED_FLAGS.keys()
    for name, expected in EXPECTED_FLAGS.items():
        row = rows[name]
        flags = {flag for flag in FLAGS if getattr(row, flag)}
        assert flags == expected, name
        assert row.overdue == bool(expected - {"due_soon"}), name
    assert rows["answer_late"].review_answer_due == nov(18, 11)
    assert rows["answer_late"].review_answer_overdue(QUERY_AT)
    assert rows["answer_given"].review_answer_due is None
    assert rows["plan_late"].plan_due == nov(18, 17, 30)


def test_a_plan_turns_late_only_when_its_due_time_passes(ledger: DataSet) -> None:
    """Before the plan's due time the row is due soon, after it late."""
    d, plan_late = ledger, ledger.ids["plan_late"]
    due = nov(18, 17, 30)
    late = ids(d, LedgerFilter(overdue_only=True), due + timedelta(minutes=1))
    soon = ids(d, LedgerFilter(due_soon=True), due - timedelta(hours=1))
    assert plan_late in late and plan_late in soon
    assert plan_late not in ids(d, LedgerFilter(due_soon=True), due - DUE_SOON - timedelta(hours=1))
    assert plan_late not in ids(d, LedgerFilter(overdue_only=True), due - timedelta(minutes=1))


def test_overdue_only_and_due_soon_filters_match_the_flags(ledger: DataSet) -> None:
    """The two filters show exactly the flagged rows, and their counts agree."""
    rows = rows_by_name(ledger)
    overdue = {r.id for r in rows.values() if r.overdue}
    soon = {r.id for r in rows.values() if r.due_soon}
    late_names = [n for n, flags in EXPECTED_FLAGS.items() if flags - {"due_soon"}]
    assert overdue == named(ledger, *late_names)
    assert soon == named(ledger, "plan_recorded", "answer_given", "answer_due_soon")
    assert ids(ledger, LedgerFilter(overdue_only=True)) == overdue
    assert ids(ledger, LedgerFilter(due_soon=True)) == soon
    both = LedgerFilter(overdue_only=True, due_soon=True)
    assert ids(ledger, both) == set()  # due soon means not late yet
    assert ids(ledger, LedgerFilter(overdue_only=True, stage=Stage.IN_PROGRESS)) == named(
        ledger, "answer_late"
    )


def sort_value(row: LedgerRow, key: str) -> tuple[bool, Any]:
    value = getattr(row, key)
    return (value is not None, value)


@pytest.mark.parametrize("key", SORT_KEYS)
@pytest.mark.parametrize("descending", [False, True])
def test_sorting_in_windows(ledger: DataSet, key: str, descending: bool) -> None:
    """Pages of four in any sort order put together give every row once, in order."""
    ledger.company.clock.now = QUERY_AT
    ctx = ledger.company.as_("zhuguan")
    total = count_ledger(ctx, LedgerFilter())
    pages: list[LedgerRow] = []
    for offset in range(0, total + 4, 4):
        pages += ledger_rows(ctx, LedgerFilter(), Window(offset, 4, key, descending))
    assert len(pages) == total == len({r.id for r in pages}) == len(ledger.ids)
    expected = sorted(pages, key=lambda r: (sort_value(r, key), r.id), reverse=descending)
    assert [r.id for r in pages] == [r.id for r in expected]


def test_default_order_and_batches(ledger: DataSet) -> None:
    """Without a sort key: newest first; the export's batches hold the same rows."""
    ledger.company.clock.now = QUERY_AT
    ctx = ledger.company.as_("zhuguan")
    rows = ledger_rows(ctx, LedgerFilter(), Window(0, 1000))
    assert [r.id for r in rows] == [
        r.id for r in sorted(rows, key=lambda r: (r.received_at, r.id), reverse=True)
    ]
    batches = list(ledger_batches(ctx, LedgerFilter(), size=5))
    assert [len(b) for b in batches[:-1]] == [5] * (len(batches) - 1)
    assert [r for batch in batches for r in batch] == rows
    overdue = [r for batch in ledger_batches(ctx, LedgerFilter(overdue_only=True)) for r in batch]
    assert len(overdue) == count_ledger(ctx, LedgerFilter(overdue_only=True))
