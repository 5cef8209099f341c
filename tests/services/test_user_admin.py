"""The administrator's user actions: create, edit, disable and enable, and the rules that
keep an administrator and keep reviewers in active departments; every change audited."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from reqdesk.models.enums import Role
from reqdesk.services import auth, users
from reqdesk.services.context import Context
from reqdesk.services.demo import DEMO_PASSWORD
from reqdesk.services.departments import deactivate_department
from reqdesk.services.errors import (
    AuthenticationFailed,
    Conflict,
    PermissionDenied,
    ReqdeskError,
    ValidationError,
)
from tests.helpers import signed_in
from tests.services.people_inputs import (
    as_admin,
    audited_since,
    department_id,
    last_audit_id,
    user_id,
)
from tests.services.registration_inputs import NOW


@pytest.fixture
def admin(demo_ctx: Context) -> Context:
    return as_admin(demo_ctx)


def account(ctx: Context, username: str) -> users.UserAccount:
    return next(a for a in users.user_accounts(ctx) if a.username == username)


def refused_without_a_trace(ctx: Context, error: type[ReqdeskError], call: object) -> str:
    """Run ``call``; it must raise ``error`` and write nothing. Returns the message."""
    before = last_audit_id(ctx)
    with pytest.raises(error) as caught:
        call()  # type: ignore[operator]
    assert last_audit_id(ctx) == before
    return str(caught.value)


def test_a_new_user_must_change_the_initial_password(admin: Context) -> None:
    """create_user: the user signs in with the initial password and must change it."""
    after = last_audit_id(admin)
    new_id = users.create_user(
        admin,
        username=" XinRen ",
        full_name="新 同事",
        roles=[Role.OPERATOR],
        password="initial-pw-1",
        department_id=department_id(admin, "DESK"),
    )
    created = account(admin, "xinren")
    assert created.id == new_id and created.full_name == "新 同事"
    assert created.department_name == "客服中心" and created.must_change_password
    actor = auth.login(admin, "xinren", "initial-pw-1")
    assert users.must_change_password(admin.as_actor(actor))
    [(_action, entity, details)] = [e for e in audited_since(admin, after) if e[0] == "create"]
    assert entity == "app_user" and details["roles"] == ["operator"]
    assert "initial-pw-1" not in str(audited_since(admin, after))


def test_a_taken_user_name_is_refused_on_its_field(admin: Context) -> None:
    """The user name is unique, case and spaces aside."""
    message = refused_without_a_trace(
        admin,
        Conflict,
        lambda: users.create_user(
            admin, username="KeFu ", full_name="重名", roles=[Role.OPERATOR], password="pw-12345"
        ),
    )
    assert "kefu" in message


def test_edit_changes_name_roles_and_department_and_audits_only_what_changed(
    admin: Context,
) -> None:
    """update_user: before/after of the changed fields, the user name kept."""
    kefu2 = user_id(admin, "kefu2")
    after = last_audit_id(admin)
    users.update_user(
        admin,
        kefu2,
        full_name="王芳芳",
        roles=[Role.OPERATOR, Role.REVIEWER],
        department_id=department_id(admin, "SALES"),
    )
    changed = account(admin, "kefu2")
    assert changed.full_name == "王芳芳" and changed.department_name == "销售部"
    assert changed.roles == {Role.OPERATOR, Role.REVIEWER}
    [(action, entity, details)] = audited_since(admin, after)
    assert (action, entity, details["username"]) == ("update", "app_user", "kefu2")
    assert details["before"] == {
        "full_name": "王芳",
        "roles": ["operator"],
        "department_id": department_id(admin, "DESK"),
    }
    assert details["after"]["roles"] == ["operator", "reviewer"]


def test_an_edit_that_changes_nothing_writes_nothing(admin: Context) -> None:
    """Saving the same values leaves the audit log alone."""
    before = last_audit_id(admin)
    users.update_user(
        admin,
        user_id(admin, "kefu2"),
        full_name=" 王芳 ",
        roles=[Role.OPERATOR],
        department_id=department_id(admin, "DESK"),
    )
    assert last_audit_id(admin) == before


def test_a_reviewer_needs_a_department(admin: Context) -> None:
    """Giving the reviewer role without a department is refused on the department field."""
    with pytest.raises(ValidationError) as caught:
        users.update_user(
            admin,
            user_id(admin, "zhuguan"),
            full_name="陈明",
            roles=[Role.SUPERVISOR, Role.REVIEWER],
            department_id=None,
        )
    assert caught.value.field == "department"
    assert account(admin, "zhuguan").roles == {Role.SUPERVISOR}


def test_an_administrator_keeps_their_own_account_and_role(admin: Context) -> None:
    """Nobody disables themselves or removes their own administrator role."""
    me = user_id(admin, "admin")
    message = refused_without_a_trace(admin, ValidationError, lambda: users.disable_user(admin, me))
    assert "your own account" in message
    message = refused_without_a_trace(
        admin,
        ValidationError,
        lambda: users.update_user(
            admin, me, full_name="系统管理员", roles=[Role.SUPERVISOR], department_id=None
        ),
    )
    assert "your own administrator role" in message
    assert account(admin, "admin").active and Role.ADMIN in account(admin, "admin").roles


def test_the_last_active_administrator_is_never_disabled_or_demoted(admin: Context) -> None:
    """A second administrator disables the first; the first (still signed in) cannot
    then disable or demote the second, now the last one."""
    users.create_user(
        admin, username="admin2", full_name="备用管理员", roles=[Role.ADMIN], password="pw-admin-2"
    )
    second = signed_in(admin, "admin2", "pw-admin-2")
    users.disable_user(second, user_id(admin, "admin"))
    other = user_id(admin, "admin2")
    message = refused_without_a_trace(
        admin, ValidationError, lambda: users.disable_user(admin, other)
    )
    assert message.startswith("备用管理员 is the last active administrator")
    refused_without_a_trace(
        admin,
        ValidationError,
        lambda: users.update_user(
            admin, other, full_name="备用管理员", roles=[Role.OPERATOR], department_id=None
        ),
    )
    assert account(second, "admin2").active


def test_another_administrator_may_lose_the_role_while_one_remains(admin: Context) -> None:
    """With two active administrators, one may demote or disable the other."""
    other = users.create_user(
        admin, username="admin2", full_name="备用管理员", roles=[Role.ADMIN], password="pw-admin-2"
    )
    users.update_user(
        admin, other, full_name="备用管理员", roles=[Role.SUPERVISOR], department_id=None
    )
    assert account(admin, "admin2").roles == {Role.SUPERVISOR}


def test_a_disabled_user_cannot_sign_in_until_enabled(admin: Context) -> None:
    """disable_user and enable_user, each audited with before and after."""
    kefu2 = user_id(admin, "kefu2")
    after = last_audit_id(admin)
    users.disable_user(admin, kefu2)
    with pytest.raises(AuthenticationFailed, match="disabled"):
        auth.login(admin, "kefu2", DEMO_PASSWORD)
    users.enable_user(admin, kefu2)
    assert auth.login(admin, "kefu2", DEMO_PASSWORD).username == "kefu2"
    changes = [(a, d.get("before"), d.get("after")) for a, _e, d in audited_since(admin, after)]
    assert changes == [
        ("update", {"active": True}, {"active": False}),
        ("update", {"active": False}, {"active": True}),
        ("login", None, None),
    ]


def test_disabling_twice_is_harmless(admin: Context) -> None:
    """A second disable (another window's stale list) changes and audits nothing."""
    kefu2 = user_id(admin, "kefu2")
    users.disable_user(admin, kefu2)
    before = last_audit_id(admin)
    users.disable_user(admin, kefu2)
    assert last_audit_id(admin) == before


def test_reviewers_stay_in_active_departments(admin: Context) -> None:
    """Nobody is moved into an inactive department; a disabled reviewer of one is not
    enabled until moved."""
    caiwu = user_id(admin, "caiwu")
    finance = department_id(admin, "FIN")
    users.disable_user(admin, caiwu)
    deactivate_department(admin, finance)
    message = refused_without_a_trace(
        admin, ValidationError, lambda: users.enable_user(admin, caiwu)
    )
    assert "财务部 is inactive" in message
    refused_without_a_trace(
        admin,
        ValidationError,
        lambda: users.update_user(
            admin,
            user_id(admin, "kefu2"),
            full_name="王芳",
            roles=[Role.OPERATOR],
            department_id=finance,
        ),
    )
    users.update_user(
        admin,
        caiwu,
        full_name="徐敏",
        roles=[Role.REVIEWER],
        department_id=department_id(admin, "SALES"),
    )
    users.enable_user(admin, caiwu)
    assert account(admin, "caiwu").active


def test_the_list_shows_locks_and_pending_password_changes(admin: Context) -> None:
    """user_accounts: a running sign-in lock and a reset awaiting the user's own password."""
    for minute in range(5):
        moment = NOW + timedelta(minutes=minute)
        with pytest.raises(AuthenticationFailed):
            auth.login(replace(admin, clock=lambda m=moment: m), "kefu2", "wrong-pw-1")
    locked = account(admin, "kefu2")
    assert locked.locked_until == NOW + timedelta(minutes=19)
    assert not locked.must_change_password
    an_hour_later = replace(admin, clock=lambda: NOW + timedelta(hours=1))
    assert account(an_hour_later, "kefu2").locked_until is None  # the lock ran out
    users.reset_password(admin, locked.id, "temp-pass-9")
    after_reset = account(admin, "kefu2")
    assert after_reset.locked_until is None and after_reset.must_change_password


def test_only_the_administrator_sees_and_changes_accounts(demo_ctx: Context) -> None:
    """Everyone else is refused, whatever they try."""
    supervisor = signed_in(demo_ctx, "zhuguan")
    kefu2 = user_id(demo_ctx, "kefu2")
    for call in (
        lambda: users.user_accounts(supervisor),
        lambda: users.disable_user(supervisor, kefu2),
        lambda: users.enable_user(supervisor, kefu2),
        lambda: users.update_user(
            supervisor, kefu2, full_name="王", roles=[Role.ADMIN], department_id=None
        ),
    ):
        refused_without_a_trace(demo_ctx, PermissionDenied, call)
