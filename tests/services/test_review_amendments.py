"""Amending an accepted contract (合同修订), notices to the departments that signed, and
the "my sign-offs" queue."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest

from reqdesk import i18n
from reqdesk.models.enums import AmendmentKind, ReviewRouting, ReviewState
from reqdesk.services.check import run_check
from reqdesk.services.context import Context
from reqdesk.services.customers.forms import FormInvalid
from reqdesk.services.errors import (
    AuthenticationFailed,
    Conflict,
    PermissionDenied,
    ValidationError,
)
from reqdesk.services.reviews.amendments import AmendmentInput, acknowledge_notice, amend_review
from reqdesk.services.reviews.conclusion import conclude
from reqdesk.services.reviews.queue import TaskKind, my_tasks
from reqdesk.services.reviews.views import get_review
from tests.services.registration_inputs import NOW
from tests.services.review_inputs import PASSWORD, items, open_for, person, sign


def later(hours: float) -> datetime:
    return NOW + timedelta(hours=hours)


def accepted(demo_ctx: Context, **item_overrides: object) -> int:
    review_id, _ = open_for(demo_ctx, ReviewRouting.COUNTERSIGN, ("TECH", "PROD"), **item_overrides)
    for code in ("TECH", "PROD", "SALES"):
        sign(demo_ctx, review_id, code, moment=later(1))
    conclude(person(demo_ctx, "xiaoshou", later(2)), review_id)
    return review_id


def test_time_and_quantity_change_is_recorded_and_notified(demo_ctx: Context) -> None:
    review_id = accepted(demo_ctx)
    sales = person(demo_ctx, "xiaoshou", later(5))
    with pytest.raises(ValidationError, match="new delivery date"):  # nothing to change
        amend_review(
            sales, review_id, AmendmentInput(AmendmentKind.TIME_QUANTITY, ""), i18n.translate
        )
    amend_review(
        sales,
        review_id,
        AmendmentInput(
            AmendmentKind.TIME_QUANTITY,
            "客户要求分批交货",
            delivery_date=date(2027, 2, 1),
            quantity=Decimal(1500),
        ),
        i18n.translate,
    )
    view = get_review(sales, review_id)
    assert view.items.delivery_date == date(2027, 2, 1) and view.items.quantity == Decimal(1500)
    change = view.amendments[0]
    assert change.kind == AmendmentKind.TIME_QUANTITY and change.changes["quantity"][1] == "1500"
    assert set(change.notified.split("、")) == {"销售部", "技术部", "生产部"}
    tech = person(demo_ctx, "jishu", later(6))
    notices = [t for t in my_tasks(tech) if t.kind == TaskKind.NOTICE]
    assert len(notices) == 1 and view.number in notices[0].text
    with pytest.raises(PermissionDenied):
        acknowledge_notice(person(demo_ctx, "caigou", later(6)), notices[0].notice_id or 0)
    acknowledge_notice(tech, notices[0].notice_id or 0)
    assert not [t for t in my_tasks(tech) if t.kind == TaskKind.NOTICE]


def test_void_and_re_sign_opens_a_new_full_review(demo_ctx: Context) -> None:
    review_id = accepted(demo_ctx)
    sales = person(demo_ctx, "xiaoshou", later(5))
    done = amend_review(
        sales,
        review_id,
        AmendmentInput(
            AmendmentKind.VOID_AND_RESIGN,
            "客户变更规格，原合同作废",
            items=items(spec_model="RD-720"),
        ),
        i18n.translate,
    )
    old, new = get_review(sales, review_id), get_review(sales, done.new_review_id or 0)
    assert (
        old.state == ReviewState.VOID and old.superseded_by == new.number == done.new_review_number
    )
    assert new.supersedes == old.number and new.state == ReviewState.SIGNING
    assert new.items.spec_model == "RD-720"
    assert [p.department for p in new.participants] == [p.department for p in old.participants]
    assert all(p.sign_off is None for p in new.participants)
    tasks = my_tasks(person(demo_ctx, "shengchan", later(6)))
    assert {(t.kind, t.number) for t in tasks} >= {
        (TaskKind.SIGN, new.number),
        (TaskKind.NOTICE, old.number),
    }


def test_a_changed_clause_is_signed_by_both_sides(demo_ctx: Context) -> None:
    review_id = accepted(demo_ctx)
    sales = person(demo_ctx, "xiaoshou", later(5))
    clause = AmendmentInput(AmendmentKind.CHANGE_CLAUSE, "增加条款：运费由需方承担")
    with pytest.raises(FormInvalid):  # the customer's signatory is named
        amend_review(sales, review_id, clause, i18n.translate, PASSWORD)
    signed = AmendmentInput(
        AmendmentKind.CHANGE_CLAUSE, clause.description, customer_signatory="王经理"
    )
    with pytest.raises(AuthenticationFailed):
        amend_review(sales, review_id, signed, i18n.translate, "wrong")
    amend_review(sales, review_id, signed, i18n.translate, PASSWORD)
    amendment = get_review(sales, review_id).amendments[0]
    assert amendment.customer_signatory == "王经理" and amendment.by == "刘洋"


def test_only_accepted_contracts_are_amended_by_sales(demo_ctx: Context) -> None:
    review_id, _ = open_for(demo_ctx)
    change = AmendmentInput(AmendmentKind.TIME_QUANTITY, "", quantity=Decimal(1))
    with pytest.raises(Conflict, match="still being signed"):
        amend_review(person(demo_ctx, "xiaoshou"), review_id, change, i18n.translate)
    done = accepted(demo_ctx)
    with pytest.raises(PermissionDenied):
        amend_review(person(demo_ctx, "kefu"), done, change, i18n.translate)


def test_my_sign_offs_lists_what_waits_for_me(demo_ctx: Context) -> None:
    """Departments see what to sign with due times; Sales what to conclude; the GM rulings."""
    review_id, _ = open_for(demo_ctx, ReviewRouting.COUNTERSIGN, ("QA",))
    quality = person(demo_ctx, "zhiliang", later(1))
    mine = [t for t in my_tasks(quality) if t.review_id == review_id]
    assert [t.kind for t in mine] == [TaskKind.SIGN] and mine[0].due_at is not None
    assert mine[0].customer
    sign(demo_ctx, review_id, "QA", moment=later(1))
    sign(demo_ctx, review_id, "SALES", moment=later(1))
    assert not [t for t in my_tasks(quality) if t.review_id == review_id]
    sales = [
        t for t in my_tasks(person(demo_ctx, "xiaoshou", later(2))) if t.review_id == review_id
    ]
    assert [t.kind for t in sales] == [TaskKind.CONCLUDE]
    assert my_tasks(person(demo_ctx, "kefu")) == []
    due = [t.due_at for t in my_tasks(quality) if t.due_at is not None]
    assert due == sorted(due)


def test_amendments_that_make_the_contract_special(demo_ctx: Context) -> None:
    """Quantity now ≥ 100 t due within 30 days: refused as a change, done by void and
    re-sign, which routes the new review to a meeting."""
    review_id = accepted(demo_ctx)
    sales = person(demo_ctx, "xiaoshou", later(5))
    done = amend_review(
        sales,
        review_id,
        AmendmentInput(
            AmendmentKind.VOID_AND_RESIGN,
            "改为散装吨位订货",
            items=items(quantity=Decimal(120), unit="吨", delivery_date=date(2026, 12, 10)),
        ),
        i18n.translate,
    )
    new = get_review(sales, done.new_review_id or 0)
    assert new.contract_type == "special" and new.routing == ReviewRouting.MEETING
    assert len(new.participants) == 5
    tonnes = accepted(demo_ctx, unit="吨", quantity=Decimal(50), delivery_date=date(2026, 12, 10))
    with pytest.raises(Conflict, match="special one"):
        amend_review(
            sales,
            tonnes,
            AmendmentInput(AmendmentKind.TIME_QUANTITY, "", quantity=Decimal(120)),
            i18n.translate,
        )
    assert get_review(sales, tonnes).items.quantity == 50  # nothing changed


def test_a_changed_clause_is_sealed(demo_ctx: Context) -> None:
    review_id = accepted(demo_ctx)
    sales = person(demo_ctx, "xiaoshou", later(5))
    amend_review(
        sales,
        review_id,
        AmendmentInput(AmendmentKind.CHANGE_CLAUSE, "运费由需方承担", customer_signatory="王经理"),
        i18n.translate,
        PASSWORD,
    )
    view = get_review(sales, review_id)
    clause = [s for r in view.rounds for s in r.sign_offs if s.kind == "amendment"]
    assert len(clause) == 1 and clause[0].signer == "刘洋" and "王经理" in clause[0].meaning
    assert run_check(demo_ctx.db).ok
    assert view.state == ReviewState.ACCEPTED
