"""The contract review record (合同评审表) prints every round, sign-off and outcome."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from reqdesk import i18n
from reqdesk.models import AuditEntry, Review
from reqdesk.models.enums import (
    AmendmentKind,
    ContractType,
    Decision,
    ReviewRouting,
    label_source,
)
from reqdesk.services.context import Context
from reqdesk.services.errors import PermissionDenied
from reqdesk.services.reviews.amendments import AmendmentInput, amend_review
from reqdesk.services.reviews.conclusion import (
    NegotiationInput,
    arbitrate,
    conclude,
    hand_to_general_manager,
    record_answer,
    record_negotiation,
    revise_items,
)
from reqdesk.services.reviews.opening import OpenReviewInput, open_review
from reqdesk.services.reviews.printing import print_review_record
from reqdesk.services.reviews.signing import SignInput, correct_sign_off
from reqdesk.services.reviews.views import ReviewView, get_review
from reqdesk.services.sla import BUSINESS_TZ
from tests.services.registration_inputs import NOW
from tests.services.review_inputs import (
    PASSWORD,
    items,
    new_requirement,
    open_for,
    person,
    sign,
)


def later(hours: float) -> datetime:
    return NOW + timedelta(hours=hours)


def pages_of(path: Path) -> list[str]:
    return [page.extract_text().replace("\n", "") for page in PdfReader(path).pages]


def text_of(path: Path) -> str:
    return "".join(pages_of(path))


def record(text: str) -> str:
    """A text of the record, in the language the test runs in."""
    return i18n.translate("ReviewRecord", text)


def label(member: object) -> str:
    return i18n.translate(*label_source(member))  # type: ignore[arg-type]


def assert_every_sign_off(view: ReviewView, text: str) -> None:
    for round_ in view.rounds:
        assert record("Round {n}").format(n=round_.round) in text
        for s in round_.sign_offs:
            signed_at = s.signed_at.astimezone(BUSINESS_TZ).strftime("%Y-%m-%d %H:%M")
            for expected in (s.signer, label(s.decision), s.comment, signed_at):
                assert expected in text, (round_.round, expected)
            if s.department:
                assert s.department in text


def negotiate(demo_ctx: Context, review_id: int, hours: float) -> None:
    record_negotiation(
        person(demo_ctx, "xiaoshou", later(hours)),
        review_id,
        NegotiationInput(later(hours - 0.5), "王经理", "协商交期", "客户同意延期两周"),
    )


def two_rounds_with_a_correction(demo_ctx: Context) -> int:
    """Round 1 cannot meet, negotiated; round 2 corrected, accepted, answered late, amended."""
    review_id, _ = open_for(demo_ctx, ReviewRouting.COUNTERSIGN, ("PROD",))
    sign(demo_ctx, review_id, "PROD", Decision.CANNOT_MEET, "交期内产能不足", moment=later(1))
    sign(demo_ctx, review_id, "SALES", moment=later(1.5))
    negotiate(demo_ctx, review_id, 3)
    revise_items(
        person(demo_ctx, "xiaoshou", later(4)),
        review_id,
        items(delivery_date=date(2027, 2, 10)),
        "交期延后三周",
    )
    first = sign(demo_ctx, review_id, "PROD", Decision.CONDITIONAL, "需加班生产", moment=later(5))
    sign(demo_ctx, review_id, "SALES", moment=later(5.5))
    correct_sign_off(
        person(demo_ctx, "shengchan", later(6)),
        first,
        SignInput(Decision.CONDITIONAL, "排产已调整", "客户提前确认图纸"),
        "补充条件",
        PASSWORD,
        i18n.translate,
    )
    sales = person(demo_ctx, "xiaoshou", later(7))
    conclude(sales, review_id, "可以承接")
    record_answer(person(demo_ctx, "xiaoshou", later(60)), review_id, later(58), "电话告知客户")
    amend_review(
        person(demo_ctx, "xiaoshou", later(61)),
        review_id,
        AmendmentInput(AmendmentKind.TIME_QUANTITY, "客户追加数量", quantity=Decimal(2500)),
        i18n.translate,
    )
    return review_id


def test_every_round_sign_off_and_outcome_is_printed(demo_ctx: Context, tmp_path: Path) -> None:
    """Both rounds, every sign-off, the correction, negotiation, conclusion, answer, amendment."""
    review_id = two_rounds_with_a_correction(demo_ctx)
    sales = person(demo_ctx, "xiaoshou", later(62))
    path = print_review_record(sales, tmp_path / "review.pdf", i18n.translate, review_id=review_id)
    text = text_of(path)
    view = get_review(sales, review_id)
    assert_every_sign_off(view, text)
    for expected in (
        record("Contract review record"),
        view.number,
        view.requirement_number,
        "■" + label(view.contract_type),
        label(view.routing),
        record("(superseded)"),
        "补充条件",  # why the sign-off was corrected
        "客户提前确认图纸",  # the correction's conditions
        "王经理",
        "协商交期",
        "客户同意延期两周",
        "交期延后三周",  # the revision reason of round 2
        "2027-01-20",  # round 1's delivery date, since revised
        "2027-02-10",
        "可以承接",
        "电话告知客户",
        record("(late)"),
        label(AmendmentKind.TIME_QUANTITY),
        "客户追加数量",
        "2,500",
        record("General manager (signature)"),
    ):
        assert expected in text, expected
    with demo_ctx.reading() as session:
        entry = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
    assert entry is not None and entry.action == "print" and view.number in entry.details


def test_arbitration_is_printed(demo_ctx: Context, tmp_path: Path) -> None:
    """The GM's ruling shows in its round and in its own block, with the reason."""
    review_id, _ = open_for(demo_ctx, ReviewRouting.COUNTERSIGN, ("PURCH",))
    sign(demo_ctx, review_id, "PURCH", Decision.CANNOT_MEET, "原材料无法按期到货", moment=later(1))
    sign(demo_ctx, review_id, "SALES", moment=later(1))
    negotiate(demo_ctx, review_id, 2)
    hand_to_general_manager(
        person(demo_ctx, "xiaoshou", later(3)), review_id, "客户坚持原交期，请总经理裁定"
    )
    gm = person(demo_ctx, "zongjingli", later(4))
    arbitrate(gm, review_id, Decision.ACCEPT, "综合考虑客户关系", PASSWORD, i18n.translate)
    path = print_review_record(gm, tmp_path / "arbitrated.pdf", i18n.translate, review_id=review_id)
    text = text_of(path)
    assert_every_sign_off(get_review(gm, review_id), text)
    for expected in (
        record("GM arbitration"),
        record("General manager's arbitration"),
        label(Decision.ACCEPT),
        "综合考虑客户关系",
        "赵建国",
        "原材料无法按期到货",
    ):
        assert expected in text, expected
    assert record("(late)") not in text  # the 48 hours to answer the customer are still running
    overdue = person(demo_ctx, "zongjingli", later(4 + 49))
    late = text_of(
        print_review_record(overdue, tmp_path / "late.pdf", i18n.translate, review_id=review_id)
    )
    assert record("not answered yet") + " " + record("(late)") in late


def test_demo_reviews_in_every_state(demo_ctx: Context, tmp_path: Path) -> None:
    """One demo review of each state prints its number, state and every sign-off."""
    with demo_ctx.reading() as session:
        reviews = session.scalars(select(Review).order_by(Review.id)).all()
        first_of_state = {r.state: (r.id, r.number) for r in reversed(reviews)}
    assert len(first_of_state) >= 3
    desk = person(demo_ctx, "kefu", later(1))
    for state, (review_id, number) in first_of_state.items():
        path = print_review_record(desk, tmp_path / f"{state}.pdf", i18n.translate, number=number)
        text = text_of(path)
        assert number in text and label(state) in text, state
        assert_every_sign_off(get_review(desk, review_id), text)


def test_a_long_comment_continues_on_the_next_page(demo_ctx: Context, tmp_path: Path) -> None:
    """A long sign-off comment runs onto more pages, never over other rows."""
    lines = [f"第{i}行：部门对交期的详细说明。" for i in range(1, 61)]
    review_id, _ = open_for(demo_ctx, ReviewRouting.COUNTERSIGN, ("TECH",))
    sign(demo_ctx, review_id, "TECH", Decision.CONDITIONAL, "\n".join(lines), moment=later(1))
    path = print_review_record(
        person(demo_ctx, "jishu", later(2)),
        tmp_path / "long.pdf",
        i18n.translate,
        review_id=review_id,
    )
    pages = pages_of(path)
    assert len(pages) >= 2
    text = "".join(pages)
    assert all(line in text for line in lines)
    assert text.count(lines[-1]) == 1
    assert record("Sales (signature)") in pages[-1]


def test_who_may_print(demo_ctx: Context, tmp_path: Path) -> None:
    """Reviewers and the GM print reviews; a user who neither prints nor signs may not."""
    review_id, _ = open_for(demo_ctx)
    for username in ("jishu", "zongjingli", "kefu"):
        target = tmp_path / f"{username}.pdf"
        print_review_record(person(demo_ctx, username), target, i18n.translate, review_id=review_id)
        assert target.exists()
    refused = tmp_path / "admin.pdf"
    with pytest.raises(PermissionDenied):
        print_review_record(person(demo_ctx, "admin"), refused, i18n.translate, review_id=review_id)
    assert not refused.exists()


def test_a_chosen_contract_type_names_the_proposal(demo_ctx: Context, tmp_path: Path) -> None:
    """A type other than the proposed one is ticked, with the proposal and the reason."""
    desk = person(demo_ctx, "kefu")
    opened = open_review(
        desk,
        OpenReviewInput(
            requirement_id=new_requirement(demo_ctx),
            items=items(),
            contract_type=ContractType.SPECIAL,
            type_reason="客户为战略客户",
        ),
    )
    view = get_review(desk, opened.id)
    assert view.proposed_type != ContractType.SPECIAL
    text = text_of(
        print_review_record(desk, tmp_path / "type.pdf", i18n.translate, number=view.number)
    )
    assert "■" + label(ContractType.SPECIAL) in text
    assert "□" + label(view.proposed_type) in text
    assert "客户为战略客户" in text
