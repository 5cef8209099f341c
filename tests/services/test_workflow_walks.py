"""Random walks through the stage state machine: the ledger's counts always equal what the
events replay, refused actions change nothing, and the first response is the earliest."""

from __future__ import annotations

import tempfile
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from reqdesk.models import (
    AuditEntry,
    ProcessingPlan,
    Requirement,
    RequirementEvent,
    RequirementResponse,
    ReturnVisit,
    Review,
)
from reqdesk.models.enums import OPEN_STAGES, ContactChannel, Stage
from reqdesk.services.context import Context
from reqdesk.services.errors import ReqdeskError
from reqdesk.services.ledger_list import LedgerFilter, count_ledger
from reqdesk.services.requirements.registration import dispatch_requirement, merge_requirements
from reqdesk.services.requirements.workflow import (
    DESK_ONLY,
    ENDED,
    MOVES,
    NEEDS_NOTE,
    PlanInput,
    ResponseInput,
    VisitInput,
    change_stage,
    log_response,
    record_plan,
    record_return_visit,
)
from reqdesk.services.reviews.opening import OpenReviewInput, open_review
from reqdesk.services.sla import BUSINESS_TZ
from tests.helpers import signed_in
from tests.services.registration_inputs import NOW
from tests.services.review_inputs import items
from tests.services.workflow_inputs import Company, empty_template, opened_company

S = Stage
DESK = frozenset({"kefu", "zhuguan"})
DEPARTMENT_OF = {"xiaoshou": "SALES", "jishu": "TECH"}
# the desk and the handling departments act most; the GM now and then
USERS = ["kefu", "zhuguan", "zhuguan", "xiaoshou", "xiaoshou", "jishu", "zongjingli"]
WORKING = frozenset({S.DISPATCHED, S.IN_REVIEW, S.IN_PROGRESS, S.RESPONDED})
FIRST_RESPONSE = frozenset({S.RESPONDED, S.RESOLVED})


# the walks' three requirements: one left registered, three dispatched in turn
START = (None, "SALES", "TECH")


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The empty company with the walks' three requirements, registered at NOW."""
    folder = tmp_path_factory.mktemp("walks")
    with opened_company(empty_template(tmp_path_factory), folder) as company:
        for department in START:
            requirement_id = company.register()
            if department is not None:
                company.dispatch(requirement_id, department)
    return folder / "company.db"


@dataclass
class Item:
    """What the test expects of one requirement."""

    id: int
    received_at: datetime
    stage: Stage = S.REGISTERED
    department: str | None = None
    review_open: bool = False
    resolved_on: date | None = None


@dataclass(frozen=True)
class Step:
    kind: str
    item: int
    user: str
    target: Stage
    free: bool  # to ``target`` and the drawn item; else a move MOVES offers, an item that suits
    note: bool
    number: int  # hours before now (response), days before today (visit), an index
    satisfaction: int
    code: str
    hours: int  # the clock moves on this much first


STEPS = st.builds(
    Step,
    kind=st.sampled_from(
        ["move"] * 6
        + ["plan", "respond", "respond", "visit", "visit", "visit"]
        + ["dispatch", "review", "merge"]
    ),
    item=st.integers(0, len(START) - 1),
    user=st.sampled_from(USERS),
    target=st.sampled_from(list(Stage)),
    free=st.sampled_from([True, False, False, False]),
    note=st.booleans(),
    number=st.integers(-2, 40),
    satisfaction=st.sampled_from([0, 1, 2, 3, 4, 5, 5, 6]),
    code=st.sampled_from(["SALES", "TECH"]),
    hours=st.integers(0, 20),
)


def may(user: str, item: Item, target: Stage) -> bool:
    """The rule of who moves what, restated: the desk anything, a department its own."""
    if user in DESK:
        return True
    department = DEPARTMENT_OF.get(user)
    return department is not None and department == item.department and target not in DESK_ONLY


class Walk:
    """Applies steps to the real services and to the expectation side by side."""

    def __init__(self, company: Company) -> None:
        self.company = company
        self.items = [
            Item(id=index + 1, received_at=NOW, department=department)
            for index, department in enumerate(START)
        ]
        for item in self.items:
            item.stage = S.DISPATCHED if item.department else S.REGISTERED
        assert company.stages() == {item.id: item.stage for item in self.items}

    def pick(self, step: Step) -> Item:
        """The step's requirement: unless the step is free, one whose stage suits the
        action when there is one (so that walks get as far as return visits)."""
        suits = {"visit": {S.RESOLVED}, "plan": WORKING, "respond": WORKING}.get(step.kind)
        rotated = self.items[step.item :] + self.items[: step.item]
        if not step.free and suits:
            return next((i for i in rotated if i.stage in suits), rotated[0])
        return rotated[0]

    def target(self, step: Step, item: Item) -> Stage:
        offered = sorted(MOVES[item.stage] - ENDED)  # ends come from free targets
        if step.free or not offered:
            return step.target
        return offered[step.number % len(offered)]

    def response_time(self, step: Step) -> datetime:
        return self.company.clock() - timedelta(hours=step.number)

    def today(self) -> date:
        return self.company.clock().astimezone(BUSINESS_TZ).date()

    def apply(self, step: Step) -> None:
        self.company.clock.advance(hours=step.hours)
        item = self.pick(step)
        expected = getattr(self, f"_{step.kind}")(step, item)
        ctx = self.company.as_(step.user)
        before = state(self.company)
        try:
            self._perform(ctx, step, item)
        except ReqdeskError:
            event(f"{step.kind}: refused")
            assert not expected, f"{step} was refused on {item}"
            assert state(self.company) == before, f"refused {step} changed something"
            return
        assert expected, f"{step} was allowed on {item}"
        event(f"{step.kind}: done")
        expected()
        assert self.company.stages() == {one.id: one.stage for one in self.items}, step

    def _perform(self, ctx: Context, step: Step, item: Item) -> None:
        if step.kind == "move":
            change_stage(ctx, item.id, self.target(step, item), "客户要求" if step.note else "")
        elif step.kind == "plan":
            record_plan(ctx, item.id, PlanInput("上门处理", "三日内", ""))
        elif step.kind == "respond":
            at = self.response_time(step)
            log_response(ctx, item.id, ResponseInput(at, ContactChannel.CALL, "已答复"))
        elif step.kind == "visit":
            day = self.today() - timedelta(days=step.number % 3 - 1)
            visit = VisitInput(day, ContactChannel.CALL, step.satisfaction)
            record_return_visit(ctx, item.id, visit)
        elif step.kind == "dispatch":
            dispatch_requirement(ctx, item.id, self.company.department(step.code), None)
        elif step.kind == "review":
            open_review(ctx, OpenReviewInput(item.id, items()))
        else:
            merge_requirements(ctx, item.id, self._other(step).id)

    def _other(self, step: Step) -> Item:
        return self.items[step.number % len(self.items)]

    # each returns what the step does to the expectation, or None when it is refused

    def _move(self, step: Step, item: Item) -> Any:
        source, target = item.stage, self.target(step, item)
        allowed = (
            target in MOVES[source]
            and not (source == S.IN_REVIEW and target == S.IN_PROGRESS and item.review_open)
            and may(step.user, item, target)
            and (step.note or (source, target) not in NEEDS_NOTE)
        )

        def moved() -> None:
            item.stage = target
            item.resolved_on = self.today() if target == S.RESOLVED else None

        return moved if allowed else None

    def _plan(self, step: Step, item: Item) -> Any:
        if item.stage not in WORKING or not may(step.user, item, S.IN_PROGRESS):
            return None

        def planned() -> None:
            if item.stage == S.DISPATCHED:
                item.stage = S.IN_PROGRESS

        return planned

    def _respond(self, step: Step, item: Item) -> Any:
        at = self.response_time(step)
        if (
            step.user == "zongjingli"
            or not item.received_at <= at <= self.company.clock()
            or item.stage not in WORKING
            or not may(step.user, item, S.RESPONDED)
        ):
            return None

        def responded() -> None:
            if item.stage in (S.DISPATCHED, S.IN_PROGRESS):
                item.stage = S.RESPONDED

        return responded

    def _visit(self, step: Step, item: Item) -> Any:
        day = self.today() - timedelta(days=step.number % 3 - 1)
        if (
            step.user not in DESK
            or not 1 <= step.satisfaction <= 5
            or item.stage != S.RESOLVED
            or item.resolved_on is None
            or not item.resolved_on <= day <= self.today()
        ):
            return None
        return lambda: setattr(item, "stage", S.CLOSED)

    def _dispatch(self, step: Step, item: Item) -> Any:
        if step.user not in DESK or item.stage not in (S.REGISTERED, S.DISPATCHED):
            return None

        def dispatched() -> None:
            item.stage, item.department = S.DISPATCHED, step.code

        return dispatched

    def _review(self, step: Step, item: Item) -> Any:
        organiser = step.user in DESK or step.user == "xiaoshou"
        if not organiser or item.stage not in OPEN_STAGES or item.review_open:
            return None

        def opened() -> None:
            item.review_open = True
            if item.stage in (S.REGISTERED, S.DISPATCHED):
                item.stage = S.IN_REVIEW

        return opened

    def _merge(self, step: Step, item: Item) -> Any:
        target = self._other(step)
        if (
            step.user not in DESK
            or target is item
            or item.stage not in (S.REGISTERED, S.DISPATCHED)
            or target.stage not in OPEN_STAGES
        ):
            return None
        return lambda: setattr(item, "stage", S.MERGED)


COUNTED = (
    RequirementEvent,
    ProcessingPlan,
    RequirementResponse,
    ReturnVisit,
    Review,
    AuditEntry,
)


def state(company: Company) -> tuple[object, ...]:
    """Every row an action may add or change."""
    counts = select(*(select(func.count(m.id)).scalar_subquery() for m in COUNTED))
    with company.base.reading() as session:
        rows = session.execute(
            select(
                Requirement.id,
                Requirement.stage,
                Requirement.department_id,
                Requirement.first_response_at,
                Requirement.resolved_at,
                Requirement.closed_at,
                Requirement.satisfaction,
                Requirement.description,
                Requirement.plan_due,
            ).order_by(Requirement.id)
        ).all()
        return tuple(session.execute(counts).one()), tuple(tuple(row) for row in rows)


def replayed_stages(company: Company) -> dict[int, Stage]:
    """Each requirement's stage as its events tell it: the last event with a "to" stage."""
    stages: dict[int, Stage] = {}
    for record in company.all_events():
        if record.to_stage is not None:
            stages[record.requirement_id] = record.to_stage
    return stages


def first_responses(company: Company) -> dict[int, datetime]:
    """The earliest logged response or move to responded/resolved, per requirement."""
    earliest: dict[int, datetime] = {}

    def keep(requirement_id: int, at: datetime) -> None:
        earliest[requirement_id] = min(at, earliest.get(requirement_id, at))

    for record in company.all_events():
        if record.to_stage in FIRST_RESPONSE:
            keep(record.requirement_id, record.at)
    with company.base.reading() as session:
        for requirement_id, at in session.execute(
            select(RequirementResponse.requirement_id, RequirementResponse.responded_at)
        ):
            keep(requirement_id, at)
    return earliest


def check_ledger(company: Company) -> None:
    replayed = replayed_stages(company)
    tally = Counter(replayed.values())
    ctx = company.as_("zhuguan")
    for stage in Stage:
        assert count_ledger(ctx, LedgerFilter(stage=stage)) == tally[stage], stage
    assert count_ledger(ctx, LedgerFilter()) == len(replayed)
    for stage in tally:
        event(f"walk ended with a requirement {stage}")
    expected = first_responses(company)
    with company.base.reading() as session:
        for requirement_id, first, stage in session.execute(
            select(Requirement.id, Requirement.first_response_at, Requirement.stage)
        ):
            assert first == expected.get(requirement_id), requirement_id
            assert stage == replayed[requirement_id]


@settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(steps=st.lists(STEPS, min_size=8, max_size=40))
def test_random_walks_keep_the_ledger_equal_to_the_events(
    template: Path, steps: list[Step]
) -> None:
    """Whatever is tried, by whoever: allowed steps do what the rules say, refused ones
    nothing, and the ledger counts per stage equal the stages the events replay."""
    with tempfile.TemporaryDirectory() as folder, opened_company(template, Path(folder)) as c:
        walk = Walk(c)
        for step in steps:
            walk.apply(step)
        check_ledger(c)


def test_the_demo_data_replays_to_its_stages(demo_ctx: Context) -> None:
    """The generated demo requirements' events agree with their stages and the counts."""
    ctx = signed_in(demo_ctx, "zhuguan")
    with ctx.reading() as session:
        events = session.execute(
            select(RequirementEvent.requirement_id, RequirementEvent.to_stage)
            .where(RequirementEvent.to_stage.is_not(None))
            .order_by(RequirementEvent.at, RequirementEvent.id)
        ).tuples()
        replayed: dict[int, Stage | None] = dict(events.all())
        stages = dict(session.execute(select(Requirement.id, Requirement.stage)).tuples().all())
    assert replayed == stages
    tally = Counter(replayed.values())
    for stage in Stage:
        assert count_ledger(ctx, LedgerFilter(stage=stage)) == tally[stage], stage
