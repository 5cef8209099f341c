"""Registering, changing, dispatching, merging and assessing requirements."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from reqdesk.models import AuditEntry, RequirementEvent
from reqdesk.models.enums import EventKind, Feasibility, Stage, Urgency
from reqdesk.services.context import Context
from reqdesk.services.customers.forms import FormInvalid
from reqdesk.services.errors import Conflict, PermissionDenied, ValidationError
from reqdesk.services.requirements.duplicates import find_duplicates, pairs, similarity
from reqdesk.services.requirements.forms import AssessmentInput
from reqdesk.services.requirements.registration import (
    dispatch_requirement,
    merge_requirements,
    register_requirement,
    save_assessment,
    update_registration,
)
from reqdesk.services.requirements.views import get_requirement
from reqdesk.services.sla import BUSINESS_TZ
from reqdesk.services.users import list_departments
from tests.helpers import signed_in
from tests.services.registration_inputs import NOW, at_now, form


def test_registration_gets_number_due_times_event_and_audit(desk: Context) -> None:
    """The next number of the year, SLA due times, a "registered" event, an audit entry."""
    done = register_requirement(desk, form())
    assert done.number == "HQ-RQ-2026-00601"  # the demo has 600 this year
    view = get_requirement(desk, done.id)
    assert view.stage == Stage.REGISTERED and view.received_by == "李静"
    # important: one working day for the first response, two for the plan
    assert view.first_response_due == datetime(2026, 11, 20, 17, 30, tzinfo=BUSINESS_TZ)
    assert view.plan_due == datetime(2026, 11, 23, 17, 30, tzinfo=BUSINESS_TZ)
    assert not view.due_provisional
    assert [(e.kind, e.to_stage) for e in view.events] == [(EventKind.REGISTERED, Stage.REGISTERED)]
    with desk.reading() as session:
        entry = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
    assert entry is not None and entry.action == "create" and done.number in entry.details


def test_numbers_never_repeat_after_a_refused_save(desk: Context) -> None:
    """A refused registration takes no number: the next one follows without a gap."""
    first = register_requirement(desk, form())
    with pytest.raises(FormInvalid):
        register_requirement(desk, form(title=""))
    second = register_requirement(desk, form(title="另一个需求"))
    assert int(second.number[-5:]) == int(first.number[-5:]) + 1


@pytest.mark.parametrize(
    ("overrides", "field", "text"),
    [
        ({"customer_id": None, "walk_in_name": ""}, "customer", "walk-in"),
        ({"title": ""}, "title", "short title"),
        ({"title": "长" * 2000}, "title", "At most 200"),
        ({"title": "需求😀"}, "title", "emoji"),
        ({"description": "换行可以\n但是\x07不行"}, "description", "U+0007"),
        ({"contact_phone": "12345"}, "contact_phone", "cannot be a phone number"),
        ({"expected_date": date(2026, 11, 18)}, "expected_date", "before the day"),
        (
            {"received_at": NOW - timedelta(days=30), "expected_date": date(2026, 11, 1)},
            "expected_date",
            "already passed",
        ),
        ({"title": "爱心❤️"}, "title", "U+FE0F"),
        ({"description": "已完成✅"}, "description", "✅"),
        ({"received_at": NOW + timedelta(hours=2)}, "received_at", "future"),
        (
            {"customer_id": None, "walk_in_name": "王先生", "contact_phone": ""},
            "contact_phone",
            "called back",
        ),
    ],
)
def test_bad_input_is_named_and_nothing_is_saved(
    desk: Context, overrides: dict[str, object], field: str, text: str
) -> None:
    """Each mistake names its field; no requirement, number or event is written."""
    with desk.reading() as session:
        events_before = len(session.scalars(select(RequirementEvent.id)).all())
    with pytest.raises(FormInvalid) as caught:
        register_requirement(desk, form(**overrides))
    problem = caught.value.for_field(field)
    assert problem is not None and text in str(problem), [str(p) for p in caught.value.problems]
    with desk.reading() as session:
        assert len(session.scalars(select(RequirementEvent.id)).all()) == events_before
    assert register_requirement(desk, form()).number == "HQ-RQ-2026-00601"


def test_walk_in_contacts_can_be_registered(desk: Context) -> None:
    """No customer file: a name and a phone number are enough."""
    done = register_requirement(
        desk, form(customer_id=None, walk_in_name="王先生", contact_phone="021-62345678")
    )
    view = get_requirement(desk, done.id)
    assert view.customer_name == "王先生" and view.contact_phone == "021-62345678"


def test_dispatch_records_the_event_and_fixes_the_registration(desk: Context) -> None:
    """Dispatch → "dispatched"; afterwards only expected date, contract no., special change."""
    done = register_requirement(desk, form())
    tech = next(d for d in list_departments(desk) if d.code == "TECH")
    dispatch_requirement(desk, done.id, tech.id, None, "请两日内给出方案")
    view = get_requirement(desk, done.id)
    assert view.stage == Stage.DISPATCHED and view.department == "技术部"
    last = view.events[-1]
    assert (last.from_stage, last.to_stage) == (Stage.REGISTERED, Stage.DISPATCHED)
    assert "技术部" in last.note and "两日内" in last.note
    with pytest.raises(ValidationError, match="dispatched"):
        update_registration(desk, done.id, form(title="改了标题"))
    assert update_registration(
        desk,
        done.id,
        view.as_input().__class__(**{**view.as_input().__dict__, "contract_no": "HT20261188"}),
    )
    dispatch_requirement(desk, done.id, tech.id, None, "改派")  # re-dispatch: an "assigned" event
    assert get_requirement(desk, done.id).events[-1].kind == EventKind.ASSIGNED


def test_changes_before_dispatch_recompute_due_times(desk: Context) -> None:
    """Raising the urgency before dispatch moves the due time."""
    done = register_requirement(desk, form(urgency=Urgency.GENERAL))
    assert update_registration(desk, done.id, form(urgency=Urgency.URGENT))
    view = get_requirement(desk, done.id)
    assert view.first_response_due == NOW + timedelta(hours=4)


def test_duplicates_of_the_same_customer_are_found(desk: Context) -> None:
    """A reworded title of an open requirement of the same customer is flagged."""
    original = register_requirement(desk, form(title="要求随货提供精密轴承材质证明"))
    found = find_duplicates(desk, customer_id=1, title="精密轴承需要附材质证明", description="")
    assert [c.id for c in found][:1] == [original.id]
    other = find_duplicates(desk, customer_id=2, title="要求随货提供精密轴承材质证明")
    assert original.id not in [c.id for c in other]  # another customer's is not offered
    assert similarity(pairs("材质证明"), pairs("材 质，证明")) == 1.0


def test_merge_appends_text_and_links(desk: Context) -> None:
    """Registering with merge_into: the new record is merged, its text appended to the target."""
    target = register_requirement(desk, form(title="要求随货提供材质证明"))
    merged = register_requirement(
        desk,
        form(title="材质证明需加盖公章", description="客户补充：要盖章。"),
        merge_into=target.id,
    )
    source_view, target_view = get_requirement(desk, merged.id), get_requirement(desk, target.id)
    assert source_view.stage == Stage.MERGED and source_view.merged_into == target.number
    assert f"[{merged.number}" in target_view.description and "要盖章" in target_view.description
    assert target_view.events[-1].kind == EventKind.MERGED
    with pytest.raises(Conflict):
        merge_requirements(desk, target.id, target.id)


def test_merge_needs_the_same_customer(desk: Context) -> None:
    """Requirements of different customers stay apart."""
    a = register_requirement(desk, form(customer_id=1))
    b = register_requirement(desk, form(customer_id=2))
    with pytest.raises(Conflict, match="same customer"):
        merge_requirements(desk, a.id, b.id)


def test_assessment_is_editable_and_audited(desk: Context) -> None:
    """Feasibility and value can be set and changed after registration."""
    done = register_requirement(desk, form())
    assert save_assessment(
        desk, done.id, AssessmentInput(Feasibility.FEASIBLE, Feasibility.CONDITIONAL, None, 4, "ok")
    )
    assert not save_assessment(
        desk, done.id, AssessmentInput(Feasibility.FEASIBLE, Feasibility.CONDITIONAL, None, 4, "ok")
    )
    with pytest.raises(FormInvalid):
        save_assessment(desk, done.id, AssessmentInput(value_score=9))
    view = get_requirement(desk, done.id)
    assert view.assessment is not None and view.assessment.value_score == 4
    assert view.assessed_by == "李静"


def test_reviewers_cannot_register(demo_ctx: Context) -> None:
    """Registration is an operator's (or supervisor's) action."""
    with pytest.raises(PermissionDenied):
        register_requirement(at_now(signed_in(demo_ctx, "jishu")), form())
