"""Registration edge cases: stored records re-saved as shown, walk-in merges and
duplicates, long merged texts, symbols that print, liaison forms only after dispatch."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from reqdesk import i18n
from reqdesk.models import Requirement
from reqdesk.models.enums import Stage
from reqdesk.services.context import Context
from reqdesk.services.errors import Conflict
from reqdesk.services.requirements.duplicates import find_duplicates
from reqdesk.services.requirements.forms import DESCRIPTION_LIMIT
from reqdesk.services.requirements.printing import FORM_LIAISON, print_requirement_form
from reqdesk.services.requirements.registration import (
    merge_requirements,
    register_requirement,
    update_registration,
)
from reqdesk.services.requirements.views import get_requirement
from reqdesk.services.users import list_departments
from tests.helpers import signed_in
from tests.services.registration_inputs import NOW, at_now, form


def test_a_dispatched_demo_record_takes_a_contract_number(demo_ctx: Context) -> None:
    """As the form sends it: received time to the minute, the rest as stored."""
    ctx = at_now(signed_in(demo_ctx, "kefu"))
    with ctx.reading() as session:
        requirement_id = session.scalars(
            select(Requirement.id).where(Requirement.stage == Stage.DISPATCHED).limit(1)
        ).one()
    view = get_requirement(ctx, requirement_id)
    assert view.received_at.microsecond or view.received_at.second  # stored more precisely
    shown = replace(
        view.as_input(),
        received_at=view.received_at.replace(second=0, microsecond=0),
        contract_no="HT-2026-7788",
    )
    assert update_registration(ctx, requirement_id, shown)
    after = get_requirement(ctx, requirement_id)
    assert after.contract_no == "HT-2026-7788" and after.received_at == view.received_at


def test_walk_ins_merge_only_from_the_same_phone(desk: Context) -> None:
    def walk_in(name: str, phone: str) -> int:
        return register_requirement(
            desk, form(customer_id=None, walk_in_name=name, contact_phone=phone, title="咨询价格")
        ).id

    a, b = walk_in("张三", "13812345678"), walk_in("李四", "13987654321")
    with pytest.raises(Conflict, match="same phone"):
        merge_requirements(desk, a, b)
    c = walk_in("张三", "138 1234 5678")
    merge_requirements(desk, c, a)
    assert get_requirement(desk, c).stage == Stage.MERGED


def test_walk_in_duplicates_match_however_the_phone_is_typed(desk: Context) -> None:
    first = register_requirement(
        desk, form(customer_id=None, walk_in_name="王先生", contact_phone="13812345678")
    )
    for typed in ("138 1234 5678", "138-1234-5678", "+86 138 1234 5678"):
        found = find_duplicates(
            desk, customer_id=None, contact_phone=typed, title="要求提供精密轴承材质证明"
        )
        assert [c.id for c in found] == [first.id], typed
    assert find_duplicates(desk, customer_id=None, contact_phone="12", title="x") == []


def test_a_long_merged_text_does_not_block_later_changes(desk: Context) -> None:
    long_text = "客户说明。" * (DESCRIPTION_LIMIT // 5 - 10)
    target = register_requirement(desk, form(description=long_text))
    register_requirement(desk, form(description=long_text), merge_into=target.id)
    view = get_requirement(desk, target.id)
    assert len(view.description) > DESCRIPTION_LIMIT
    assert update_registration(desk, target.id, replace(view.as_input(), contract_no="HT-1"))


def test_an_old_expected_date_may_stay(desk: Context) -> None:
    """An expected date that has passed since it was entered does not block other changes."""
    done = register_requirement(desk, form(expected_date=date(2026, 11, 20)))
    later = desk.__class__(
        db=desk.db,
        site_code=desk.site_code,
        actor=desk.actor,
        clock=lambda: NOW + timedelta(days=10),
    )
    view = get_requirement(later, done.id)
    assert update_registration(later, done.id, replace(view.as_input(), contract_no="HT-2"))


def test_symbols_the_form_can_print_are_accepted(desk: Context) -> None:
    done = register_requirement(desk, form(title="★重点客户 ☎回电 ①号线"))
    assert get_requirement(desk, done.id).title == "★重点客户 ☎回电 ①号线"


def test_no_liaison_form_before_dispatch_even_with_a_department(
    desk: Context, tmp_path: Path
) -> None:
    """A department chosen at registration is not a dispatch: no liaison form yet."""
    quality = next(d for d in list_departments(desk) if d.name == "质量部")
    done = register_requirement(desk, form(department_id=quality.id))
    with pytest.raises(Conflict, match="not been dispatched"):
        print_requirement_form(
            desk, tmp_path / "l.pdf", i18n.translate, form=FORM_LIAISON, number=done.number
        )
