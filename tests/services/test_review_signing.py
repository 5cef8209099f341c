"""Electronic sign-offs: who signs, the password again, lock-out, corrections."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from reqdesk import i18n
from reqdesk.models import AuditEntry, SignOff, User
from reqdesk.models.enums import Decision, ReviewRouting, ReviewState
from reqdesk.services.context import Context
from reqdesk.services.customers.forms import FormInvalid
from reqdesk.services.errors import AuthenticationFailed, Conflict, PermissionDenied
from reqdesk.services.reviews.common import can_conclude_reviews
from reqdesk.services.reviews.signing import (
    SignInput,
    correct_sign_off,
    sign_as_general_manager,
    sign_for_department,
)
from reqdesk.services.reviews.views import get_review
from tests.services.registration_inputs import NOW
from tests.services.review_inputs import PASSWORD, department_id, open_for, person, sign


def test_a_department_signs_once_with_its_password(demo_ctx: Context) -> None:
    review_id, _ = open_for(demo_ctx, ReviewRouting.COUNTERSIGN, ("TECH",))
    sign_off_id = sign(demo_ctx, review_id, "TECH", Decision.CONDITIONAL, "需确认图纸版本")
    view = get_review(person(demo_ctx, "jishu"), review_id)
    tech = next(p for p in view.participants if p.department == "技术部")
    assert tech.sign_off is not None and tech.sign_off.id == sign_off_id
    assert tech.sign_off.signer == "周伟" and tech.sign_off.decision == Decision.CONDITIONAL
    assert "周伟" in tech.sign_off.meaning and "技术部" in tech.sign_off.meaning
    assert view.outcome == "waiting" and view.state == ReviewState.SIGNING
    with pytest.raises(Conflict, match="already signed"):
        sign(demo_ctx, review_id, "TECH")
    with demo_ctx.reading() as session:
        row = session.get(SignOff, sign_off_id)
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "sign")).all()[-1]
    assert row is not None and len(row.content_hash) == 64 and row.content_hash in entry.details


def test_only_a_routed_departments_user_signs(demo_ctx: Context) -> None:
    review_id, _ = open_for(demo_ctx)  # planner: Sales alone
    with pytest.raises(PermissionDenied, match="not routed"):
        sign(demo_ctx, review_id, "TECH")
    with pytest.raises(PermissionDenied):  # the service desk has no signature
        sign_for_department(
            person(demo_ctx, "kefu"),
            review_id,
            SignInput(Decision.CAN_MEET),
            PASSWORD,
            i18n.translate,
        )


def test_a_comment_is_required_unless_can_meet(demo_ctx: Context) -> None:
    review_id, _ = open_for(demo_ctx)
    with pytest.raises(FormInvalid) as caught:
        sign_for_department(
            person(demo_ctx, "xiaoshou"),
            review_id,
            SignInput(Decision.CANNOT_MEET, " "),
            PASSWORD,
            i18n.translate,
        )
    assert caught.value.for_field("comment") is not None


def test_wrong_passwords_are_audited_and_five_lock_signing(demo_ctx: Context) -> None:
    review_id, _ = open_for(demo_ctx)
    sales = person(demo_ctx, "xiaoshou")
    for _attempt in range(5):
        with pytest.raises(AuthenticationFailed) as caught:
            sign_for_department(
                sales, review_id, SignInput(Decision.CAN_MEET), "wrong", i18n.translate
            )
    assert "locked" in str(caught.value)
    with pytest.raises(AuthenticationFailed, match="locked"):  # even the right one, for now
        sign_for_department(
            sales, review_id, SignInput(Decision.CAN_MEET), PASSWORD, i18n.translate
        )
    with demo_ctx.reading() as session:
        failures = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "sign_failed")
        ).all()
    assert len(failures) == 6  # five wrong ones, then the attempt while locked
    assert "locked_until" in failures[4].details and '"locked":true' in failures[5].details
    assert f"review #{review_id}" in failures[0].details
    later = person(demo_ctx, "xiaoshou", NOW + timedelta(minutes=6))
    assert sign_for_department(
        later, review_id, SignInput(Decision.CAN_MEET), PASSWORD, i18n.translate
    )


def test_a_correction_supersedes_and_both_stay(demo_ctx: Context) -> None:
    review_id, _ = open_for(demo_ctx, ReviewRouting.COUNTERSIGN, ("PROD",))
    first = sign(demo_ctx, review_id, "PROD", Decision.CANNOT_MEET, "产能已满")
    sign(demo_ctx, review_id, "SALES")
    assert get_review(person(demo_ctx, "kefu"), review_id).state == ReviewState.NEGOTIATING
    production = person(demo_ctx, "shengchan", NOW + timedelta(hours=2))
    with pytest.raises(FormInvalid):  # a reason is required
        correct_sign_off(
            production, first, SignInput(Decision.CAN_MEET), "", PASSWORD, i18n.translate
        )
    with pytest.raises(PermissionDenied):  # another department cannot correct it
        correct_sign_off(
            person(demo_ctx, "jishu"),
            first,
            SignInput(Decision.CAN_MEET),
            "误签",
            PASSWORD,
            i18n.translate,
        )
    second = correct_sign_off(
        production,
        first,
        SignInput(Decision.CAN_MEET),
        "排产已调整，可满足",
        PASSWORD,
        i18n.translate,
    )
    view = get_review(production, review_id)
    history = {s.id: s for s in view.rounds[0].sign_offs}
    assert history[first].superseded and not history[second].superseded
    assert history[second].supersedes_id == first and "排产" in history[second].supersede_reason
    assert view.state == ReviewState.SIGNING and view.outcome == "ready"
    with pytest.raises(Conflict, match="in force"):
        correct_sign_off(
            production, first, SignInput(Decision.CAN_MEET), "再改", PASSWORD, i18n.translate
        )


def test_meeting_review_ends_with_the_general_manager(demo_ctx: Context) -> None:
    review_id, _ = open_for(demo_ctx, is_new_product=True)
    gm = person(demo_ctx, "zongjingli", NOW + timedelta(hours=3))
    with pytest.raises(Conflict, match="Every department"):
        sign_as_general_manager(
            gm, review_id, SignInput(Decision.CAN_MEET), PASSWORD, i18n.translate
        )
    for code in ("SALES", "TECH", "PURCH", "PROD", "QA"):
        sign(demo_ctx, review_id, code)
    assert get_review(gm, review_id).outcome == "waiting"
    sign_as_general_manager(gm, review_id, SignInput(Decision.CAN_MEET), PASSWORD, i18n.translate)
    view = get_review(gm, review_id)
    assert view.gm_sign_off is not None and view.gm_sign_off.signer == "赵建国"
    assert view.outcome == "ready"
    with pytest.raises(Conflict, match="already signed"):
        sign_as_general_manager(
            gm, review_id, SignInput(Decision.CAN_MEET), PASSWORD, i18n.translate
        )


def test_a_right_password_clears_the_count(demo_ctx: Context) -> None:
    """Four wrong, one right (though refused for another reason), one wrong: not locked."""
    review_id, _ = open_for(demo_ctx, ReviewRouting.COUNTERSIGN, ("TECH",))
    sign(demo_ctx, review_id, "TECH")
    tech = person(demo_ctx, "jishu")
    for _attempt in range(4):
        with pytest.raises(AuthenticationFailed):
            sign_for_department(tech, review_id, SignInput(Decision.CAN_MEET), "x", i18n.translate)
    with pytest.raises(Conflict, match="already signed"):
        sign_for_department(tech, review_id, SignInput(Decision.CAN_MEET), PASSWORD, i18n.translate)
    with pytest.raises(AuthenticationFailed, match="not correct"):
        sign_for_department(tech, review_id, SignInput(Decision.CAN_MEET), "x", i18n.translate)


def test_the_general_manager_does_not_sign_for_a_department(demo_ctx: Context) -> None:
    """Even placed in Sales, the GM neither signs for it nor concludes as Sales."""
    with demo_ctx.db.write_sessions() as session, session.begin():
        gm = session.scalars(select(User).where(User.username == "zongjingli")).one()
        gm.department_id = department_id(demo_ctx, "SALES")
    review_id, _ = open_for(demo_ctx)
    gm_ctx = person(demo_ctx, "zongjingli")
    with pytest.raises(PermissionDenied, match="not for a department"):
        sign_for_department(
            gm_ctx, review_id, SignInput(Decision.CAN_MEET), PASSWORD, i18n.translate
        )
    assert not can_conclude_reviews(gm_ctx)
