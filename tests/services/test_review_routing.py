"""Opening reviews: the contract type the rules propose, and who signs (seed 004 §4.3)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from reqdesk.models import AuditEntry, Requirement
from reqdesk.models.enums import Channel, ContractType, ReviewRouting, ReviewState, Stage
from reqdesk.services import settings
from reqdesk.services.context import Context
from reqdesk.services.customers.forms import FormInvalid
from reqdesk.services.errors import Conflict, PermissionDenied, ValidationError
from reqdesk.services.reviews.opening import OpenReviewInput, open_review
from reqdesk.services.reviews.rules import (
    RULES_KEY,
    ReviewRules,
    get_rules,
    propose_type,
    save_rules,
)
from reqdesk.services.reviews.views import get_review
from tests.services.review_inputs import (
    department_id,
    items,
    new_requirement,
    open_for,
    person,
    special,
)

TODAY = date(2026, 11, 19)


@pytest.mark.parametrize(
    ("overrides", "channel", "expected"),
    [
        ({}, Channel.CONTRACT, ContractType.REGULAR),
        ({"is_new_product": True}, Channel.CONTRACT, ContractType.SPECIAL),
        ({"above_top_precision": True}, Channel.CONTRACT, ContractType.SPECIAL),
        (
            {"quantity": Decimal(100), "unit": "吨", "delivery_date": date(2026, 12, 19)},
            Channel.CONTRACT,
            ContractType.SPECIAL,
        ),
        (  # 100 t but 31 days: regular
            {"quantity": Decimal(100), "unit": "t", "delivery_date": date(2026, 12, 20)},
            Channel.CONTRACT,
            ContractType.REGULAR,
        ),
        (  # 99,999 kg is under 100 t
            {"quantity": Decimal(99999), "unit": "kg", "delivery_date": date(2026, 12, 1)},
            Channel.CONTRACT,
            ContractType.REGULAR,
        ),
        ({"contract_no": ""}, Channel.PHONE, ContractType.TEMPORARY),
        ({"contract_no": "PO-1"}, Channel.PHONE, ContractType.REGULAR),
    ],
)
def test_the_rules_propose_the_contract_type(
    overrides: dict[str, object], channel: Channel, expected: ContractType
) -> None:
    proposal = propose_type(items(**overrides), ReviewRules(), opened=TODAY, channel=channel)
    assert proposal.contract_type == expected
    assert bool(proposal.reasons) == (expected != ContractType.REGULAR)


def test_thresholds_come_from_settings(demo_ctx: Context) -> None:
    heavy = items(quantity=Decimal(60), unit="吨", delivery_date=date(2026, 12, 1))
    assert (
        propose_type(heavy, ReviewRules(), opened=TODAY, channel=Channel.CONTRACT).contract_type
        == ContractType.REGULAR
    )
    with demo_ctx.db.write_sessions() as session, session.begin():
        settings.write_setting(
            session, RULES_KEY, ReviewRules(special_quantity_t=Decimal(50)).to_json()
        )
    review_id, _ = open_for(
        demo_ctx, quantity=Decimal(60), unit="吨", delivery_date=date(2026, 12, 1)
    )
    view = get_review(person(demo_ctx, "kefu"), review_id)
    assert view.contract_type == ContractType.SPECIAL and view.routing == ReviewRouting.MEETING


def test_special_goes_to_a_meeting_of_five_departments(demo_ctx: Context) -> None:
    """Sales, Technical, Purchasing, Production, Quality; Finance when ticked; then the GM."""
    requirement_id = new_requirement(demo_ctx)
    desk = person(demo_ctx, "kefu")
    opened = open_review(desk, OpenReviewInput(requirement_id, special(), with_finance=True))
    view = get_review(desk, opened.id)
    assert view.contract_type == ContractType.SPECIAL and view.routing == ReviewRouting.MEETING
    assert [p.department for p in view.participants] == [
        "销售部",
        "技术部",
        "采购部",
        "生产部",
        "质量部",
        "财务部",
    ]
    assert view.gm_required and view.state == ReviewState.SIGNING and view.round == 1
    assert all(p.due_at is not None and p.due_at > view.opened_at for p in view.participants)
    assert opened.number.startswith("HQ-RV-2026-")
    with desk.reading() as session:
        requirement = session.get(Requirement, requirement_id)
        assert requirement is not None and requirement.stage == Stage.IN_REVIEW
        entry = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
    assert entry is not None and entry.action == "create" and opened.number in entry.details


def test_regular_goes_to_the_planner_or_a_countersign(demo_ctx: Context) -> None:
    planner, _ = open_for(demo_ctx)
    assert [p.department for p in get_review(person(demo_ctx, "kefu"), planner).participants] == [
        "销售部"
    ]
    countersign, _ = open_for(demo_ctx, ReviewRouting.COUNTERSIGN, ("TECH", "PROD"))
    view = get_review(person(demo_ctx, "kefu"), countersign)
    assert [p.department for p in view.participants] == ["销售部", "技术部", "生产部"]
    assert not view.gm_required


def test_routing_mistakes_are_refused(demo_ctx: Context) -> None:
    desk = person(demo_ctx, "kefu")
    requirement_id = new_requirement(demo_ctx)
    with pytest.raises(ValidationError, match="Tick the departments"):
        open_review(
            desk, OpenReviewInput(requirement_id, items(), routing=ReviewRouting.COUNTERSIGN)
        )
    with pytest.raises(ValidationError, match="meeting"):
        open_review(desk, OpenReviewInput(requirement_id, items(), routing=ReviewRouting.MEETING))
    desk_department = department_id(desk, "DESK")
    with pytest.raises(ValidationError, match="cannot sign"):
        open_review(
            desk,
            OpenReviewInput(
                requirement_id,
                items(),
                routing=ReviewRouting.COUNTERSIGN,
                countersigners=(desk_department,),
            ),
        )


def test_a_type_other_than_proposed_needs_a_reason(demo_ctx: Context) -> None:
    desk = person(demo_ctx, "kefu")
    requirement_id = new_requirement(demo_ctx)
    with pytest.raises(ValidationError, match="differs") as caught:
        open_review(
            desk, OpenReviewInput(requirement_id, items(), contract_type=ContractType.SPECIAL)
        )
    assert caught.value.field == "type_reason"
    opened = open_review(
        desk,
        OpenReviewInput(
            requirement_id,
            items(),
            contract_type=ContractType.SPECIAL,
            type_reason="客户首次采购，按特殊合同评审",
        ),
    )
    view = get_review(desk, opened.id)
    assert view.contract_type == ContractType.SPECIAL and view.proposed_type == ContractType.REGULAR
    assert view.routing == ReviewRouting.MEETING and "首次采购" in view.type_reason


def test_bad_items_and_duplicates_are_refused(demo_ctx: Context) -> None:
    desk = person(demo_ctx, "kefu")
    requirement_id = new_requirement(demo_ctx)
    with pytest.raises(FormInvalid) as caught:
        open_review(
            desk,
            OpenReviewInput(
                requirement_id,
                items(
                    product_name="", price=Decimal(-1), delivery_date=date(2026, 1, 1), unit="件😀"
                ),
            ),
        )
    assert {p.field for p in caught.value.problems} == {
        "product_name",
        "price",
        "delivery_date",
        "unit",
    }
    open_review(desk, OpenReviewInput(requirement_id, items()))
    with pytest.raises(Conflict, match="still open"):
        open_review(desk, OpenReviewInput(requirement_id, items()))


def test_who_opens_reviews(demo_ctx: Context) -> None:
    """The service desk and Sales open reviews; other departments do not."""
    requirement_id = new_requirement(demo_ctx)
    with pytest.raises(PermissionDenied):
        open_review(person(demo_ctx, "jishu"), OpenReviewInput(requirement_id, items()))
    opened = open_review(person(demo_ctx, "xiaoshou"), OpenReviewInput(requirement_id, items()))
    assert opened.number


def test_the_administrator_edits_the_rules(demo_ctx: Context) -> None:
    admin = person(demo_ctx, "admin")
    save_rules(admin, ReviewRules(special_quantity_t=Decimal(80), answer_hours=24))
    assert get_rules(admin).special_quantity_t == Decimal(80)
    assert get_rules(admin).answer_hours == 24
    with pytest.raises(FormInvalid) as caught:
        save_rules(admin, ReviewRules(special_delivery_days=0, answer_hours=0))
    assert {p.field for p in caught.value.problems} == {"special_delivery_days", "answer_hours"}
    with pytest.raises(PermissionDenied):
        save_rules(person(demo_ctx, "kefu"), ReviewRules())
