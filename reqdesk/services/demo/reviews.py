"""Demo contract reviews: routing, participants, sealed sign-offs, GM arbitration."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from reqdesk.models import Review, ReviewNegotiation, ReviewParticipant, ReviewRound, SignOff
from reqdesk.models.enums import (
    ContractType,
    Decision,
    ReviewAspect,
    ReviewRouting,
    ReviewState,
    SignOffKind,
)
from reqdesk.services import sla
from reqdesk.services.demo import pools
from reqdesk.services.demo.builder import RowBuilder
from reqdesk.services.numbering import REVIEW, format_number
from reqdesk.services.reviews.items import ITEM_FIELDS, ReviewItems, items_digest, items_to_json
from reqdesk.services.signatures import sign_off_hash

if TYPE_CHECKING:
    from reqdesk.services.demo.requirements import Counters, DemoStaff

ASPECT_OF = {
    "SALES": ReviewAspect.SALES,
    "TECH": ReviewAspect.TECHNICAL,
    "PURCH": ReviewAspect.PURCHASING,
    "PROD": ReviewAspect.PRODUCTION,
    "QA": ReviewAspect.QUALITY,
    "FIN": ReviewAspect.FINANCE,
}
GM_MEANING = "本人以总经理身份对本合同评审作出裁定。"
GM_MEETING_MEANING = "本人以总经理身份在会议评审中签署本合同评审。"


@dataclass(frozen=True)
class ReviewOutcome:
    concluded_at: datetime | None
    accepted: bool


def _departments(b: RowBuilder, routing: ReviewRouting) -> list[str]:
    if routing == ReviewRouting.PLANNER:
        return ["SALES"]
    if routing == ReviewRouting.COUNTERSIGN:
        return ["SALES", "TECH", "PROD"] + (["QA"] if b.chance(0.5) else [])
    return ["SALES", "TECH", "PURCH", "PROD", "QA"] + (["FIN"] if b.chance(0.5) else [])


def _sign(
    b: RowBuilder,
    review: dict[str, Any],
    at: datetime,
    *,
    kind: SignOffKind,
    department_id: int | None,
    signer_id: int,
    decision: Decision,
    comment: str,
    meaning: str,
) -> None:
    values: dict[str, Any] = {
        "review_id": review["id"],
        "kind": kind,
        "department_id": department_id,
        "signer_id": signer_id,
        "decision": decision,
        "comment": comment,
        "conditions": "需客户确认图纸版本" if decision == Decision.CONDITIONAL else "",
        "meaning": meaning,
        "signed_at": at,
        "supersedes_id": None,
        "supersede_reason": "",
    }
    row = b.add(SignOff, at, **values, content_hash="")
    row["content_hash"] = sign_off_hash(
        uuid=row["uuid"],
        review_uuid=review["uuid"],
        kind=kind.value,
        department_id=department_id,
        signer_id=signer_id,
        decision=decision.value,
        comment=comment,
        conditions=values["conditions"],
        meaning=meaning,
        signed_at=at,
        supersedes_id=None,
        supersede_reason="",
        items_digest=items_digest(ReviewItems(**{k: review[k] for k in ITEM_FIELDS})),
    )


def generate_review(
    b: RowBuilder,
    requirement: dict[str, Any],
    opened_at: datetime,
    now: datetime,
    staff: DemoStaff,
    calendar: sla.WorkCalendar,
    counters: Counters,
) -> ReviewOutcome:
    special = bool(requirement["is_special"])
    contract_type = (
        ContractType.SPECIAL
        if special
        else b.weighted({ContractType.REGULAR: 0.85, ContractType.TEMPORARY: 0.15})
    )
    routing = (
        ReviewRouting.MEETING
        if special
        else b.weighted({ReviewRouting.PLANNER: 0.6, ReviewRouting.COUNTERSIGN: 0.4})
    )
    year = opened_at.astimezone(sla.BUSINESS_TZ).year
    counters.review_numbers[year] += 1
    quantity = Decimal(b.rng.randrange(1, 200))
    delivery = (opened_at + timedelta(days=b.rng.randrange(15, 90))).date()
    review = b.add(
        Review,
        opened_at,
        number=format_number(b.site_code, REVIEW, year, counters.review_numbers[year]),
        requirement_id=requirement["id"],
        contract_no=requirement["contract_no"],
        contract_type=contract_type,
        proposed_type=contract_type,
        type_reason="",
        routing=routing,
        state=ReviewState.SIGNING,
        product_name=b.pick(pools.PRODUCTS),
        spec_model=f"RD-{b.rng.randrange(100, 999)}",
        drawing_no=f"DWG-{b.rng.randrange(1000, 9999)}",
        quality_requirements="按GB/T 1804-m级公差，外观无划伤",
        price=Decimal(b.rng.randrange(20, 5000)),
        quantity=quantity,
        unit=b.pick(pools.UNITS),
        delivery_date=delivery,
        delivery_place="客户指定仓库",
        delivery_method="汽运",
        acceptance_standard="按双方确认的技术协议验收",
        settlement_terms="月结60天",
        attachments="技术协议；图纸",
        is_new_product=special and b.chance(0.5),
        above_top_precision=False,
        opened_by_id=b.pick(staff.operator_ids),
        opened_at=opened_at,
        concluded_at=None,
        concluded_by_id=None,
        conclusion_note="",
        customer_answer_due=None,
        customer_answered_at=None,
        supersedes_id=None,
    )
    b.add(
        ReviewRound,
        opened_at,
        review_id=review["id"],
        round=1,
        items=items_to_json(ReviewItems(**{k: review[k] for k in ITEM_FIELDS})),
        started_at=opened_at,
        started_by_id=review["opened_by_id"],
        reason="",
    )
    due = calendar.add_working_days(opened_at, 2, sla.DEFAULT_POLICY.workday_end)
    last = opened_at
    complete = True
    cannot_meet = False
    for code in _departments(b, routing):
        b.add(
            ReviewParticipant,
            opened_at,
            review_id=review["id"],
            department_id=staff.department_ids[code],
            aspect=ASPECT_OF[code],
            required=True,
            due_at=due,
        )
        at = opened_at + b.hours(1, 40)
        if at > now:
            complete = False
            continue
        decision = b.weighted(
            {Decision.CAN_MEET: 0.86, Decision.CONDITIONAL: 0.1, Decision.CANNOT_MEET: 0.04}
        )
        cannot_meet |= decision == Decision.CANNOT_MEET
        _sign(
            b,
            review,
            at,
            kind=SignOffKind.DEPARTMENT,
            department_id=staff.department_ids[code],
            signer_id=staff.reviewer_by_department[code],
            decision=decision,
            comment="" if decision == Decision.CAN_MEET else "交期偏紧，需调整排产",
            meaning=f"本人代表{staff.department_names[code]}对本合同评审事项签署意见。",
        )
        last = max(last, at)
    if not complete:
        return ReviewOutcome(None, False)
    if routing == ReviewRouting.MEETING:
        at = last + b.hours(2, 24)
        if at > now:
            return ReviewOutcome(None, False)  # the meeting has not signed yet
        gm_decision = b.weighted({Decision.CAN_MEET: 0.9, Decision.CONDITIONAL: 0.1})
        _sign(
            b,
            review,
            at,
            kind=SignOffKind.GENERAL_MANAGER,
            department_id=None,
            signer_id=staff.gm_id,
            decision=gm_decision,
            comment="" if gm_decision == Decision.CAN_MEET else "按会议纪要执行",
            meaning=GM_MEETING_MEANING,
        )
        last = at
    sales = staff.reviewer_by_department["SALES"]
    if cannot_meet:
        return _arbitrated(b, review, last, now, staff)
    at = last + b.hours(1, 24)
    if at > now:
        return ReviewOutcome(None, False)  # ready: Sales has not concluded yet
    return _concluded(b, review, at, now, sales, accepted=True, note="评审通过，可以承接")


def _arbitrated(
    b: RowBuilder, review: dict[str, Any], last: datetime, now: datetime, staff: DemoStaff
) -> ReviewOutcome:
    """A department cannot meet: Sales negotiates, then the GM arbitrates."""
    review["state"] = ReviewState.NEGOTIATING
    at = last + b.hours(1, 8)
    if at > now:
        return ReviewOutcome(None, False)
    b.add(
        ReviewNegotiation,
        at,
        review_id=review["id"],
        at=at,
        by_id=staff.reviewer_by_department["SALES"],
        contact=b.pick(pools.SURNAMES) + "经理",
        summary="与客户协商交期及数量",
        outcome=b.pick(("客户同意延期一周", "客户坚持原交期")),
    )
    at += b.hours(1, 24)
    if at > now:
        return ReviewOutcome(None, False)
    review["state"] = ReviewState.ARBITRATION
    review["handover_note"] = "协商未果，提请总经理裁定"
    at += b.hours(2, 48)
    if at > now:
        return ReviewOutcome(None, False)
    accepted = b.chance(0.75)
    _sign(
        b,
        review,
        at,
        kind=SignOffKind.ARBITRATION,
        department_id=None,
        signer_id=staff.gm_id,
        decision=Decision.ACCEPT if accepted else Decision.REJECT,
        comment="同意承接，交期按协商结果执行" if accepted else "风险过高，不予承接",
        meaning=GM_MEANING,
    )
    note = "总经理裁定：承接" if accepted else "总经理裁定：不予承接"
    return _concluded(b, review, at, now, staff.gm_id, accepted=accepted, note=note)


def _concluded(
    b: RowBuilder,
    review: dict[str, Any],
    at: datetime,
    now: datetime,
    by_id: int,
    *,
    accepted: bool,
    note: str,
) -> ReviewOutcome:
    review.update(
        state=ReviewState.ACCEPTED if accepted else ReviewState.REJECTED,
        concluded_at=at,
        concluded_by_id=by_id,
        conclusion_note=note,
        customer_answer_due=at + timedelta(hours=48),
        updated_at=at,
    )
    answered = at + b.hours(2, 56)
    if answered <= now:
        review["customer_answered_at"] = answered
        review["customer_answered_by_id"] = by_id
        review["customer_answer_note"] = "电话告知客户评审结论，并发送书面确认"
    return ReviewOutcome(at, accepted)
