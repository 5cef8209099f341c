"""Departments: normalised unique codes, one active department per review aspect, the
Sales department kept, reviewers keeping theirs active; every change audited."""

from __future__ import annotations

import pytest

from reqdesk.models.enums import ReviewAspect, Role
from reqdesk.services import departments as dep
from reqdesk.services import users
from reqdesk.services.context import Context
from reqdesk.services.errors import Conflict, PermissionDenied, ReqdeskError, ValidationError
from reqdesk.services.reviews.rules import department_for
from tests.helpers import signed_in
from tests.services.people_inputs import (
    as_admin,
    audited_since,
    department_id,
    last_audit_id,
    user_id,
)


@pytest.fixture
def admin(demo_ctx: Context) -> Context:
    return as_admin(demo_ctx)


def overview(ctx: Context, code: str) -> dep.DepartmentOverview:
    return next(d for d in dep.department_overview(ctx) if d.code == code)


def refused(ctx: Context, error: type[ReqdeskError], call: object) -> ReqdeskError:
    """``call`` raises ``error`` and writes nothing."""
    before = last_audit_id(ctx)
    with pytest.raises(error) as caught:
        call()  # type: ignore[operator]
    assert last_audit_id(ctx) == before
    return caught.value


def routed_to(ctx: Context, aspect: ReviewAspect) -> str:
    with ctx.reading() as session:
        return department_for(session, aspect).code


def test_a_new_department_gets_a_normalised_code_and_is_audited(admin: Context) -> None:
    """Full-width and lower-case letters become the code setup would use."""
    after = last_audit_id(admin)
    new_id = dep.create_department(admin, code=" ｌｏｇ-1 ", name=" 物流部 ", review_aspect=None)
    created = overview(admin, "LOG-1")
    assert (created.id, created.name, created.active, created.active_users) == (
        new_id,
        "物流部",
        True,
        0,
    )
    assert audited_since(admin, after) == [
        ("create", "department", {"code": "LOG-1", "name": "物流部", "review_aspect": None})
    ]


@pytest.mark.parametrize(
    ("code", "name", "field"),
    [
        ("sales", "市场部", "code"),  # taken, whatever the case
        ("物流", "物流部", "code"),  # not letters and digits
        ("L", "物流部", "code"),  # too short
        ("LOG", " 销售部", "name"),  # the name of another department
        ("LOG", "", "name"),
    ],
)
def test_codes_and_names_are_unique_and_well_formed(
    admin: Context, code: str, name: str, field: str
) -> None:
    """A refused department names the field at fault and writes nothing."""
    error = refused(
        admin,
        ReqdeskError,
        lambda: dep.create_department(admin, code=code, name=name, review_aspect=None),
    )
    assert error.field == field


def test_one_active_department_per_review_aspect(admin: Context) -> None:
    """Routing takes one department per aspect: a second active one is refused, also when
    an inactive one would come back."""
    error = refused(
        admin,
        Conflict,
        lambda: dep.create_department(
            admin, code="RND", name="研发部", review_aspect=ReviewAspect.TECHNICAL
        ),
    )
    assert (
        str(error)
        == "技术部 already answers for Technical in reviews, and only one active department may."
    )
    dep.update_department(
        admin, department_id(admin, "TECH"), name="技术部", review_aspect=None
    )  # the old Technical department stops answering for the aspect
    rnd = dep.create_department(
        admin, code="RND", name="研发部", review_aspect=ReviewAspect.TECHNICAL
    )
    assert routed_to(admin, ReviewAspect.TECHNICAL) == "RND"
    error = refused(
        admin,
        Conflict,
        lambda: dep.update_department(
            admin,
            department_id(admin, "TECH"),
            name="技术部",
            review_aspect=ReviewAspect.TECHNICAL,
        ),
    )
    assert error.field == "review_aspect"
    users.update_user(
        admin,
        user_id(admin, "jishu"),
        full_name="周伟",
        roles=[Role.REVIEWER],
        department_id=rnd,
    )
    dep.deactivate_department(admin, department_id(admin, "TECH"))
    assert not overview(admin, "TECH").active


def test_an_inactive_department_comes_back_only_when_its_aspect_is_free(admin: Context) -> None:
    """Activating a department whose aspect another active department took is refused."""
    quality = department_id(admin, "QA")
    users.disable_user(admin, user_id(admin, "zhiliang"))
    dep.deactivate_department(admin, quality)
    dep.create_department(admin, code="QC", name="品管部", review_aspect=ReviewAspect.QUALITY)
    assert routed_to(admin, ReviewAspect.QUALITY) == "QC"
    error = refused(admin, Conflict, lambda: dep.activate_department(admin, quality))
    assert "品管部 already answers for Quality" in str(error)
    dep.update_department(admin, quality, name="质量部（旧）", review_aspect=None)
    dep.activate_department(admin, quality)
    assert overview(admin, "QA").active and routed_to(admin, ReviewAspect.QUALITY) == "QC"


def test_the_sales_department_stays_active_and_keeps_its_aspect(admin: Context) -> None:
    """Sales concludes every review: it may be renamed, never deactivated or re-assigned."""
    sales = department_id(admin, "SALES")
    assert overview(admin, "SALES").is_sales
    error = refused(admin, ValidationError, lambda: dep.deactivate_department(admin, sales))
    assert "销售部 is the Sales department" in str(error)
    error = refused(
        admin,
        ValidationError,
        lambda: dep.update_department(
            admin, sales, name="销售部", review_aspect=ReviewAspect.FINANCE
        ),
    )
    assert error.field == "review_aspect"
    dep.update_department(admin, sales, name="营销部", review_aspect=ReviewAspect.SALES)
    assert overview(admin, "SALES").name == "营销部"
    assert routed_to(admin, ReviewAspect.SALES) == "SALES"


def test_a_department_with_active_reviewers_is_not_deactivated(admin: Context) -> None:
    """The refusal says how many reviewers and who; a disabled reviewer does not count."""
    tech = department_id(admin, "TECH")
    users.update_user(
        admin,
        user_id(admin, "kefu2"),
        full_name="王芳",
        roles=[Role.REVIEWER],
        department_id=tech,
    )
    error = refused(admin, ValidationError, lambda: dep.deactivate_department(admin, tech))
    assert str(error) == (
        "2 active reviewer(s) still belong to 技术部: 周伟、王芳. Move them to another "
        "department or disable them first."
    )
    users.disable_user(admin, user_id(admin, "jishu"))
    users.disable_user(admin, user_id(admin, "kefu2"))
    dep.deactivate_department(admin, tech)
    assert not overview(admin, "TECH").active


def test_deactivating_and_activating_are_audited(admin: Context) -> None:
    """Operators do not hold a department open; each change records before and after."""
    desk = department_id(admin, "DESK")
    assert overview(admin, "DESK").active_users == 3  # two operators and the supervisor
    after = last_audit_id(admin)
    dep.deactivate_department(admin, desk)
    dep.deactivate_department(admin, desk)  # a second time changes nothing
    dep.activate_department(admin, desk)
    assert audited_since(admin, after) == [
        (
            "update",
            "department",
            {"code": "DESK", "before": {"active": True}, "after": {"active": False}},
        ),
        (
            "update",
            "department",
            {"code": "DESK", "before": {"active": False}, "after": {"active": True}},
        ),
    ]


def test_an_edit_audits_what_changed_and_nothing_else(admin: Context) -> None:
    """update_department: before/after of the changed fields; the same values write nothing."""
    finance = department_id(admin, "FIN")
    before = last_audit_id(admin)
    dep.update_department(admin, finance, name=" 财务部 ", review_aspect=ReviewAspect.FINANCE)
    assert last_audit_id(admin) == before
    dep.update_department(admin, finance, name="财务中心", review_aspect=ReviewAspect.FINANCE)
    [(_action, _entity, details)] = audited_since(admin, before)
    assert details == {"code": "FIN", "before": {"name": "财务部"}, "after": {"name": "财务中心"}}


def test_only_the_administrator_manages_departments(demo_ctx: Context) -> None:
    """The supervisor is refused every department action."""
    supervisor = signed_in(demo_ctx, "zhuguan")
    desk = department_id(demo_ctx, "DESK")
    for call in (
        lambda: dep.department_overview(supervisor),
        lambda: dep.create_department(supervisor, code="LOG", name="物流部"),
        lambda: dep.update_department(supervisor, desk, name="客服", review_aspect=None),
        lambda: dep.deactivate_department(supervisor, desk),
        lambda: dep.activate_department(supervisor, desk),
    ):
        refused(demo_ctx, PermissionDenied, call)
