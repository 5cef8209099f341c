"""Concluding reviews: accept, negotiate, revise (a new round), GM arbitration, answer."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reqdesk import i18n
from reqdesk.models import Requirement
from reqdesk.models.enums import Decision, ReviewRouting, ReviewState, Stage
from reqdesk.services.context import Context
from reqdesk.services.customers.forms import FormInvalid
from reqdesk.services.errors import Conflict, PermissionDenied
from reqdesk.services.ledger_list import LedgerFilter, ledger_rows
from reqdesk.services.listing import Window
from reqdesk.services.reviews.conclusion import (
    NegotiationInput,
    arbitrate,
    conclude,
    hand_to_general_manager,
    record_answer,
    record_negotiation,
    revise_items,
)
from reqdesk.services.reviews.outcome import Outcome, outcome
from reqdesk.services.reviews.views import get_review
from tests.services.registration_inputs import NOW
from tests.services.review_inputs import PASSWORD, items, open_for, person, sign

DEPARTMENT_DECISIONS = st.sampled_from(
    [Decision.CAN_MEET, Decision.CONDITIONAL, Decision.CANNOT_MEET]
)


@given(
    decisions=st.dictionaries(st.integers(1, 6), DEPARTMENT_DECISIONS, max_size=6),
    required=st.sets(st.integers(1, 6), min_size=1, max_size=6),
    gm_required=st.booleans(),
    gm=st.none() | DEPARTMENT_DECISIONS,
)
def test_outcome_over_every_combination(
    decisions: dict[int, Decision], required: set[int], gm_required: bool, gm: Decision | None
) -> None:
    """Waiting until all (and the GM in a meeting) signed; then any cannot-meet negotiates."""
    result = outcome(required, decisions, gm_required=gm_required, gm_decision=gm)
    complete = required <= decisions.keys() and (gm is not None or not gm_required)
    counted = [decisions[d] for d in required if d in decisions]
    if gm_required and gm is not None:
        counted.append(gm)
    if not complete:
        assert result == Outcome.WAITING
    elif Decision.CANNOT_MEET in counted:
        assert result == Outcome.NEGOTIATE
    else:
        assert result == Outcome.READY
    # signatures of departments not routed never matter
    extra = {d + 10: Decision.CANNOT_MEET for d in decisions}
    assert outcome(required, decisions | extra, gm_required=gm_required, gm_decision=gm) == result


def later(hours: float) -> datetime:
    return NOW + timedelta(hours=hours)


def test_all_can_meet_sales_accepts_and_the_clock_starts(demo_ctx: Context) -> None:
    review_id, requirement_id = open_for(demo_ctx, ReviewRouting.COUNTERSIGN, ("QA",))
    sign(demo_ctx, review_id, "QA", Decision.CONDITIONAL, "需第三方检测", moment=later(1))
    with pytest.raises(Conflict, match="once everyone"):
        conclude(person(demo_ctx, "xiaoshou", later(2)), review_id)
    sign(demo_ctx, review_id, "SALES", moment=later(2))
    with pytest.raises(PermissionDenied, match="Sales"):
        conclude(person(demo_ctx, "zhiliang", later(3)), review_id)
    conclude(person(demo_ctx, "xiaoshou", later(3)), review_id, "可以承接")
    view = get_review(person(demo_ctx, "xiaoshou"), review_id)
    assert view.state == ReviewState.ACCEPTED and view.concluded_by == "刘洋"
    assert view.answer_due == later(3 + 48)
    with demo_ctx.reading() as session:
        requirement = session.get(Requirement, requirement_id)
        assert requirement is not None and requirement.stage == Stage.IN_PROGRESS
    with pytest.raises(Conflict, match="already concluded"):
        sign(demo_ctx, review_id, "QA", moment=later(4))
    assert view.answer_overdue(later(52)) and not view.answer_overdue(later(50))
    record_answer(person(demo_ctx, "xiaoshou", later(60)), review_id, later(55), "电话告知客户")
    answered = get_review(person(demo_ctx, "xiaoshou"), review_id)
    assert answered.answered_at == later(55) and not answered.answer_overdue(later(70))
    with pytest.raises(Conflict, match="recorded"):
        record_answer(person(demo_ctx, "xiaoshou", later(61)), review_id, later(56), "再次")


def negotiate(demo_ctx: Context, review_id: int, hours: float) -> None:
    record_negotiation(
        person(demo_ctx, "xiaoshou", later(hours)),
        review_id,
        NegotiationInput(later(hours - 0.5), "王经理", "协商交期", "客户同意延期两周"),
    )


def test_cannot_meet_revised_terms_start_a_new_round(demo_ctx: Context) -> None:
    review_id, _ = open_for(demo_ctx, ReviewRouting.COUNTERSIGN, ("PROD",))
    sign(demo_ctx, review_id, "PROD", Decision.CANNOT_MEET, "交期内产能不足", moment=later(1))
    sign(demo_ctx, review_id, "SALES", moment=later(1))
    sales = person(demo_ctx, "xiaoshou", later(2))
    assert get_review(sales, review_id).state == ReviewState.NEGOTIATING
    with pytest.raises(Conflict, match="negotiation"):
        revise_items(sales, review_id, items(), "改交期")
    negotiate(demo_ctx, review_id, 3)
    new_round = revise_items(
        person(demo_ctx, "xiaoshou", later(4)),
        review_id,
        items(delivery_date=date(2027, 2, 10)),
        "交期延后三周",
    )
    assert new_round == 2
    view = get_review(sales, review_id)
    assert view.state == ReviewState.SIGNING and view.round == 2
    assert all(p.sign_off is None for p in view.participants)
    assert [r.round for r in view.rounds] == [1, 2]
    assert len(view.rounds[0].sign_offs) == 2 and view.rounds[0].negotiations[0].contact == "王经理"
    assert view.rounds[0].items.delivery_date != view.rounds[1].items.delivery_date
    sign(demo_ctx, review_id, "PROD", moment=later(5))
    sign(demo_ctx, review_id, "SALES", moment=later(5))
    conclude(person(demo_ctx, "xiaoshou", later(6)), review_id)
    assert get_review(sales, review_id).state == ReviewState.ACCEPTED


@pytest.mark.parametrize(
    ("ruling", "stage"), [(Decision.ACCEPT, Stage.IN_PROGRESS), (Decision.REJECT, Stage.REJECTED)]
)
def test_the_general_manager_arbitrates(demo_ctx: Context, ruling: Decision, stage: Stage) -> None:
    review_id, requirement_id = open_for(demo_ctx, ReviewRouting.COUNTERSIGN, ("PURCH",))
    sign(demo_ctx, review_id, "PURCH", Decision.CANNOT_MEET, "原材料无法按期到货", moment=later(1))
    sign(demo_ctx, review_id, "SALES", moment=later(1))
    sales = person(demo_ctx, "xiaoshou", later(3))
    with pytest.raises(Conflict, match="negotiation"):
        hand_to_general_manager(sales, review_id, "请总经理裁定")
    negotiate(demo_ctx, review_id, 2)
    gm = person(demo_ctx, "zongjingli", later(4))
    with pytest.raises(Conflict):  # not handed over yet
        arbitrate(gm, review_id, ruling, "理由", PASSWORD, i18n.translate)
    hand_to_general_manager(sales, review_id, "客户坚持原交期，请总经理裁定")
    assert get_review(sales, review_id).state == ReviewState.ARBITRATION
    with pytest.raises(PermissionDenied):
        arbitrate(sales, review_id, ruling, "理由", PASSWORD, i18n.translate)
    arbitrate(gm, review_id, ruling, "综合考虑客户关系", PASSWORD, i18n.translate)
    view = get_review(gm, review_id)
    assert view.state == (
        ReviewState.ACCEPTED if ruling == Decision.ACCEPT else ReviewState.REJECTED
    )
    assert view.arbitration is not None and view.arbitration.decision == ruling
    assert view.arbitration.comment == "综合考虑客户关系" and view.concluded_by == "赵建国"
    with demo_ctx.reading() as session:
        requirement = session.get(Requirement, requirement_id)
        assert requirement is not None and requirement.stage == stage


def test_only_the_gm_arbitrates_and_with_a_reason(demo_ctx: Context) -> None:
    review_id, _ = open_for(demo_ctx)
    sign(demo_ctx, review_id, "SALES", Decision.CANNOT_MEET, "价格低于成本", moment=later(1))
    negotiate(demo_ctx, review_id, 2)
    hand_to_general_manager(person(demo_ctx, "xiaoshou", later(3)), review_id, "请裁定")
    with pytest.raises(FormInvalid):
        arbitrate(
            person(demo_ctx, "zongjingli", later(4)),
            review_id,
            Decision.ACCEPT,
            "",
            PASSWORD,
            i18n.translate,
        )
    with pytest.raises(FormInvalid):
        arbitrate(
            person(demo_ctx, "zongjingli", later(4)),
            review_id,
            Decision.CAN_MEET,
            "理由",
            PASSWORD,
            i18n.translate,
        )


def test_the_ledger_shows_an_overdue_answer(demo_ctx: Context) -> None:
    """The requirement's ledger row carries the owed answer; late after 48 hours."""
    review_id, requirement_id = open_for(demo_ctx)
    sign(demo_ctx, review_id, "SALES", moment=later(1))
    conclude(person(demo_ctx, "xiaoshou", later(2)), review_id)
    ledger = LedgerFilter(requirement_id=requirement_id)
    row = ledger_rows(person(demo_ctx, "zhuguan"), ledger, Window(0, 5))[0]
    assert row.review_answer_due == later(50)
    assert not row.review_answer_overdue(later(49)) and row.review_answer_overdue(later(51))
    record_answer(person(demo_ctx, "xiaoshou", later(52)), review_id, later(51), "邮件告知")
    row = ledger_rows(person(demo_ctx, "zhuguan"), ledger, Window(0, 5))[0]
    assert row.review_answer_due is None


def test_revised_items_that_make_it_special_go_to_a_meeting(demo_ctx: Context) -> None:
    review_id, _ = open_for(demo_ctx)  # planner: Sales alone
    sign(demo_ctx, review_id, "SALES", Decision.CANNOT_MEET, "非标准件", moment=later(1))
    negotiate(demo_ctx, review_id, 2)
    revise_items(
        person(demo_ctx, "xiaoshou", later(3)),
        review_id,
        items(is_new_product=True),
        "按新产品开发",
    )
    view = get_review(person(demo_ctx, "xiaoshou"), review_id)
    assert view.contract_type == "special" and view.routing == ReviewRouting.MEETING
    assert [p.department for p in view.participants] == [
        "销售部",
        "技术部",
        "采购部",
        "生产部",
        "质量部",
    ]
    assert view.gm_required and view.round == 2
