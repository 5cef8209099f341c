"""The permission matrix and its enforcement in services."""

from __future__ import annotations

import pytest

from reqdesk.models.enums import Role
from reqdesk.services.context import Actor, Context
from reqdesk.services.customers.listing import CustomerFilter, count_customers
from reqdesk.services.errors import PermissionDenied
from reqdesk.services.permissions import ROLE_PERMISSIONS, Permission, can, require
from reqdesk.services.users import create_user, list_departments
from tests.helpers import signed_in


def actor_with(*roles: Role) -> Actor:
    return Actor(user_id=1, username="x", full_name="x", roles=frozenset(roles))


def test_every_role_has_an_entry_and_everyone_sees_the_ledger() -> None:
    """All roles are in the matrix; viewing lists is common to all."""
    assert set(ROLE_PERMISSIONS) == set(Role)
    for role in Role:
        assert can(actor_with(role), Permission.VIEW_LEDGER)


@pytest.mark.parametrize(
    ("role", "permission", "allowed"),
    [
        (Role.OPERATOR, Permission.REGISTER_REQUIREMENTS, True),
        (Role.OPERATOR, Permission.APPROVE_CUSTOMERS, False),
        (Role.OPERATOR, Permission.MANAGE_USERS, False),
        (Role.REVIEWER, Permission.SIGN_OFF, True),
        (Role.REVIEWER, Permission.REGISTER_REQUIREMENTS, False),
        (Role.GENERAL_MANAGER, Permission.APPROVE_CUSTOMERS, True),
        (Role.GENERAL_MANAGER, Permission.ARBITRATE, True),
        (Role.SUPERVISOR, Permission.VIEW_ALL_CONFIDENTIAL, True),
        (Role.SUPERVISOR, Permission.ARBITRATE, False),
        (Role.ADMIN, Permission.MANAGE_USERS, True),
        (Role.ADMIN, Permission.SIGN_OFF, False),
    ],
)
def test_matrix(role: Role, permission: Permission, allowed: bool) -> None:
    """Representative cells of the matrix."""
    assert can(actor_with(role), permission) is allowed


def test_roles_combine() -> None:
    """A user holding two roles has the union of their permissions."""
    both = actor_with(Role.SUPERVISOR, Role.REVIEWER)
    assert can(both, Permission.SIGN_OFF) and can(both, Permission.VIEW_ALL_CONFIDENTIAL)


def test_nobody_signed_in_is_refused() -> None:
    """Without an actor every protected call is refused."""
    with pytest.raises(PermissionDenied, match="sign in"):
        require(None, Permission.VIEW_LEDGER)


def test_services_enforce_permissions(admin_ctx: Context) -> None:
    """An operator cannot create users even by calling the service directly."""
    desk = next(d.id for d in list_departments(admin_ctx) if d.code == "DESK")
    create_user(
        admin_ctx,
        username="op",
        full_name="客服甲",
        roles=[Role.OPERATOR],
        password="operator-1",
        department_id=desk,
    )
    operator = signed_in(admin_ctx, "op", "operator-1")
    with pytest.raises(PermissionDenied) as caught:
        create_user(
            operator, username="x2", full_name="x", roles=[Role.ADMIN], password="whatever-1"
        )
    assert "manage users" in str(caught.value)
    with pytest.raises(PermissionDenied):
        count_customers(admin_ctx.as_actor(None), CustomerFilter())
