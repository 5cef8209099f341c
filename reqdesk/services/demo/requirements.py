"""Demo requirements with a believable life: events in every stage, plans, responses, visits."""

from __future__ import annotations

from bisect import bisect
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from itertools import accumulate
from typing import Any

from reqdesk.models import (
    ProcessingPlan,
    Requirement,
    RequirementAssessment,
    RequirementEvent,
    RequirementResponse,
    ReturnVisit,
)
from reqdesk.models.enums import (
    Category,
    CategoryDetail,
    Channel,
    ContactChannel,
    EventKind,
    Feasibility,
    Kind,
    Nature,
    Stage,
    Urgency,
)
from reqdesk.services import sla
from reqdesk.services.demo import pools
from reqdesk.services.demo.builder import RowBuilder
from reqdesk.services.demo.customers import DemoCustomer, mobile, person_name
from reqdesk.services.demo.reviews import generate_review
from reqdesk.services.numbering import REQUIREMENT, format_number


@dataclass
class DemoStaff:
    operator_ids: list[int]
    supervisor_id: int
    gm_id: int
    reviewer_by_department: dict[str, int]
    department_ids: dict[str, int]
    department_names: dict[str, str]


@dataclass
class Counters:
    requirement_numbers: Counter[int] = field(default_factory=Counter)
    review_numbers: Counter[int] = field(default_factory=Counter)


CHANNELS = tuple(Channel)
PRODUCT_ASPECTS = (
    CategoryDetail.FUNCTION,
    CategoryDetail.PERFORMANCE,
    CategoryDetail.QUALITY,
    CategoryDetail.APPEARANCE,
)
DEPARTMENTS_FOR = {
    Category.PRODUCT: ("TECH", "QA", "PROD"),
    Category.SERVICE: ("DESK", "TECH"),
    Category.PRICE: ("SALES", "FIN"),
    Category.OTHER: ("SALES", "DESK"),
}
TITLES_FOR = {
    Category.PRODUCT: pools.PRODUCT_TITLES,
    Category.SERVICE: pools.SERVICE_TITLES,
    Category.PRICE: pools.PRICE_TITLES,
    Category.OTHER: pools.OTHER_TITLES,
}


def _received_times(b: RowBuilder, count: int, now: datetime) -> list[datetime]:
    """Spread over the last 26 weeks, mostly on working days in office hours."""
    local_now = now.astimezone(sla.BUSINESS_TZ)
    times: list[datetime] = []
    while len(times) < count:
        day = local_now.date() - timedelta(days=b.rng.randrange(0, 182))
        if day.weekday() >= 5 and not b.chance(0.15):
            continue
        at = datetime.combine(day, time(8), sla.BUSINESS_TZ) + b.hours(0, 10)
        if at < now:
            times.append(at)
    times.sort()
    return times


class RequirementLife:
    """Walks one requirement through its stages, writing an event per move, until ``now``."""

    def __init__(self, b: RowBuilder, row: dict[str, Any], now: datetime, actor: int) -> None:
        self.b = b
        self.row = row
        self.now = now
        self.actor = actor
        self.stage = Stage.REGISTERED
        self.last = row["received_at"]
        self.event(self.last, EventKind.REGISTERED, None, Stage.REGISTERED, "")

    def event(
        self, at: datetime, kind: EventKind, from_stage: Stage | None, to: Stage | None, note: str
    ) -> None:
        self.b.add(
            RequirementEvent,
            at,
            requirement_id=self.row["id"],
            at=at,
            actor_id=self.actor,
            kind=kind,
            from_stage=from_stage,
            to_stage=to,
            note=note,
        )

    def move(self, to: Stage, at: datetime, note: str = "") -> bool:
        """Move to ``to`` at ``at`` unless that lies in the future; False stops the story."""
        at = max(at, self.last + timedelta(minutes=5))
        if at > self.now:
            return False
        self.event(at, EventKind.STAGE_CHANGED, self.stage, to, note)
        self.stage = to
        self.last = at
        self.row["stage"] = to
        self.row["updated_at"] = at
        if to in (Stage.CLOSED, Stage.REJECTED, Stage.MERGED, Stage.CANCELLED):
            self.row["closed_at"] = at  # when it left the ledger
        return True


def generate_requirements(
    b: RowBuilder,
    count: int,
    *,
    now: datetime,
    customers: list[DemoCustomer],
    staff: DemoStaff,
    policy: sla.SlaPolicy,
    calendar: sla.WorkCalendar,
    counters: Counters,
) -> None:
    cumulative = list(
        accumulate(3.0 if c.customer_class.value == "key" else 1.0 for c in customers)
    )
    last_of_customer: dict[int, int] = {}
    for received in _received_times(b, count, now):
        customer = (
            customers[bisect(cumulative, b.rng.random() * cumulative[-1])] if customers else None
        )
        if customer is not None and b.chance(0.06):
            customer = None  # a walk-in contact
        row = _registration(b, received, customer, staff, policy, calendar, counters)
        life = RequirementLife(b, row, now, b.pick(staff.operator_ids))
        merge_target = last_of_customer.get(customer.id) if customer else None
        _live(b, life, staff, calendar, counters, merge_target)
        if customer is not None:
            last_of_customer[customer.id] = row["id"]
        if b.chance(0.4):
            _assessment(b, row, now)


def _registration(
    b: RowBuilder,
    received: datetime,
    customer: DemoCustomer | None,
    staff: DemoStaff,
    policy: sla.SlaPolicy,
    calendar: sla.WorkCalendar,
    counters: Counters,
) -> dict[str, Any]:
    category = b.weighted(
        {Category.PRODUCT: 0.45, Category.SERVICE: 0.3, Category.PRICE: 0.15, Category.OTHER: 0.1}
    )
    urgency = b.weighted({Urgency.URGENT: 0.1, Urgency.IMPORTANT: 0.3, Urgency.GENERAL: 0.6})
    product = b.pick(pools.PRODUCTS)
    contact_name, contact_phone = (
        b.pick(customer.contacts) if customer else (person_name(b), mobile(b))
    )
    title = b.pick(TITLES_FOR[category]).format(
        product=product, qty=b.rng.randrange(1, 50) * 100, unit=b.pick(pools.UNITS)
    )
    description = (
        b.pick(pools.DESCRIPTION_OPENERS).format(contact=contact_name)
        + b.pick(pools.DESCRIPTION_DETAILS).format(product=product)
        + b.pick(pools.DESCRIPTION_CLOSERS)
    )
    department = b.pick(DEPARTMENTS_FOR[category])
    due = sla.due_times(received, urgency, policy, calendar)
    year = received.astimezone(sla.BUSINESS_TZ).year
    counters.requirement_numbers[year] += 1
    kind = b.weighted(
        {Kind.REQUEST: 0.55, Kind.INQUIRY: 0.2, Kind.SUGGESTION: 0.1, Kind.COMPLAINT: 0.15}
    )
    expected = received + timedelta(days=b.rng.randrange(5, 40)) if b.chance(0.6) else None
    return b.add(
        Requirement,
        received,
        number=format_number(b.site_code, REQUIREMENT, year, counters.requirement_numbers[year]),
        customer_id=customer.id if customer else None,
        walk_in_name="" if customer else f"{contact_name}（散客）",
        contact_name=contact_name,
        contact_phone=contact_phone,
        received_at=received,
        received_by_id=b.pick(staff.operator_ids),
        channel=Channel.COMPLAINT if kind == Kind.COMPLAINT and b.chance(0.5) else b.pick(CHANNELS),
        kind=kind,
        category=category,
        category_detail=b.pick(PRODUCT_ASPECTS) if category == Category.PRODUCT else None,
        nature=Nature.FUNCTIONAL if category == Category.PRODUCT else Nature.NON_FUNCTIONAL,
        urgency=urgency,
        title=title,
        description=description,
        expected_date=expected.date() if expected else None,
        is_special=b.chance(0.05),
        contract_no=f"HT{year}{b.rng.randrange(1, 9999):04d}" if b.chance(0.3) else "",
        department_id=staff.department_ids[department],
        assignee_id=staff.reviewer_by_department.get(department) or b.pick(staff.operator_ids),
        stage=Stage.REGISTERED,
        first_response_due=due.first_response_due,
        first_response_at=None,
        plan_due=due.plan_due,
        resolution_due=due.plan_due
        or (
            datetime.combine(expected.date(), policy.workday_end, sla.BUSINESS_TZ)
            if expected
            else None
        ),
        resolved_at=None,
        closed_at=None,
        due_provisional=due.provisional,
        merged_into_id=None,
        satisfaction=None,
    )


def _live(
    b: RowBuilder,
    life: RequirementLife,
    staff: DemoStaff,
    calendar: sla.WorkCalendar,
    counters: Counters,
    merge_target: int | None,
) -> None:
    row = life.row
    fate = b.weighted(
        {"closed": 0.78, "rejected": 0.06, "cancelled": 0.03, "merged": 0.03, "stuck": 0.10}
    )
    stuck = b.pick((Stage.DISPATCHED, Stage.IN_PROGRESS, Stage.RESPONDED, Stage.RESOLVED))
    start = row["received_at"]
    if fate == "merged" and merge_target is not None:
        at = start + b.hours(0.5, 24)
        if at <= life.now:
            row["merged_into_id"] = merge_target
            life.event(
                at, EventKind.MERGED, Stage.REGISTERED, Stage.MERGED, "与既有需求重复，已合并"
            )
            life.move(Stage.MERGED, at, "合并至既有需求")
        return
    if fate == "rejected" and b.chance(0.5):
        life.move(Stage.REJECTED, start + b.hours(1, 24), "不属于公司服务范围，已向客户说明")
        return
    if not life.move(Stage.DISPATCHED, start + b.hours(0.2, 6), "以内部联络单分派"):
        return
    if fate == "stuck" and stuck == Stage.DISPATCHED:
        return
    if fate == "rejected":
        life.move(Stage.REJECTED, life.last + b.hours(2, 48), "经评估无法受理")
        return
    if fate == "cancelled" and b.chance(0.5):
        life.move(Stage.CANCELLED, life.last + b.hours(2, 72), "客户撤回需求")
        return
    if row["is_special"] or (row["kind"] == Kind.REQUEST and b.chance(0.2)):
        if not life.move(Stage.IN_REVIEW, life.last + b.hours(1, 24), "提交合同评审"):
            return
        outcome = generate_review(b, row, life.last, life.now, staff, calendar, counters)
        if outcome.concluded_at is None:
            return
        if not outcome.accepted:
            life.move(Stage.REJECTED, outcome.concluded_at, "评审结论：不予承接")
            return
        life.last = max(life.last, outcome.concluded_at)
    if not life.move(Stage.IN_PROGRESS, life.last + b.hours(1, 30), "责任部门开始处理"):
        return
    _plan(b, life)
    if fate == "stuck" and stuck == Stage.IN_PROGRESS:
        return
    if not _respond(b, life):
        return
    if fate == "cancelled":
        life.move(Stage.CANCELLED, life.last + timedelta(days=b.rng.uniform(1, 10)), "客户取消")
        return
    if fate == "stuck" and stuck == Stage.RESPONDED:
        return
    resolved = life.last + timedelta(days=b.rng.uniform(0.5, 12))
    if not life.move(Stage.RESOLVED, resolved, "处理完成"):
        return
    row["resolved_at"] = life.last
    if fate == "stuck":
        return
    _return_visit(b, life)


def _plan(b: RowBuilder, life: RequirementLife) -> None:
    row = life.row
    if row["plan_due"] is None:
        return
    due = row["plan_due"]
    at = (
        life.last + (due - life.last) * b.rng.random()
        if b.chance(0.85) and due > life.last
        else due + b.hours(2, 72)
    )
    at = max(at, life.last + timedelta(minutes=10))
    if at > life.now:
        return
    b.add(
        ProcessingPlan,
        at,
        requirement_id=row["id"],
        method=b.pick(("现场处理", "技术方案整改", "调整生产工艺", "更换供应商物料")),
        schedule=f"预计{b.rng.randrange(3, 20)}个工作日内完成",
        commitment="按计划完成并书面反馈客户",
        recorded_by_id=row["assignee_id"],
        recorded_at=at,
    )
    life.event(at, EventKind.PLAN_RECORDED, None, None, "已提交处理计划")


def _respond(b: RowBuilder, life: RequirementLife) -> bool:
    row = life.row
    due = row["first_response_due"]
    if b.chance(0.85) and due > life.last:
        at = life.last + (due - life.last) * b.rng.random()
    else:
        at = max(due, life.last) + b.hours(2, 96)
    at = max(at, life.last + timedelta(minutes=15))
    if at > life.now:
        return False
    text = b.pick(pools.RESPONSE_TEXTS)
    b.add(
        RequirementResponse,
        at,
        requirement_id=row["id"],
        responded_at=at,
        responded_by_id=row["assignee_id"],
        channel=b.pick((ContactChannel.CALL, ContactChannel.EMAIL, ContactChannel.VISIT)),
        content=text,
    )
    life.event(at, EventKind.RESPONSE_LOGGED, None, None, text)
    row["first_response_at"] = at
    return life.move(Stage.RESPONDED, at, "已答复客户")


def _return_visit(b: RowBuilder, life: RequirementLife) -> None:
    row = life.row
    at = life.last + timedelta(days=b.rng.uniform(1, 10))
    if at > life.now:
        return
    satisfaction = b.weighted({5: 0.45, 4: 0.35, 3: 0.12, 2: 0.05, 1: 0.03})
    b.add(
        ReturnVisit,
        at,
        requirement_id=row["id"],
        visit_date=at.astimezone(sla.BUSINESS_TZ).date(),
        visited_by_id=life.actor,
        channel=b.pick((ContactChannel.CALL, ContactChannel.VISIT, ContactChannel.SURVEY)),
        satisfaction=satisfaction,
        comments=b.pick(pools.VISIT_COMMENTS),
    )
    life.event(at, EventKind.RETURN_VISIT, None, None, f"满意度 {satisfaction}")
    if life.move(Stage.CLOSED, at, "回访完成"):
        row["closed_at"] = life.last
        row["satisfaction"] = satisfaction


def _assessment(b: RowBuilder, row: dict[str, Any], now: datetime) -> None:
    at = row["received_at"] + b.hours(2, 72)
    if at > now:
        return

    def feasibility() -> Feasibility:
        return b.weighted(
            {
                Feasibility.FEASIBLE: 0.75,
                Feasibility.CONDITIONAL: 0.2,
                Feasibility.NOT_FEASIBLE: 0.05,
            }
        )

    b.add(
        RequirementAssessment,
        at,
        requirement_id=row["id"],
        technical=feasibility(),
        economic=feasibility(),
        timing=feasibility(),
        value_score=b.weighted({1: 0.05, 2: 0.15, 3: 0.4, 4: 0.3, 5: 0.1}),
        note=b.pick(("现有工艺可满足。", "需评估成本影响。", "需协调产能。", "")),
        assessed_by_id=row["assignee_id"],
        assessed_at=at,
    )
