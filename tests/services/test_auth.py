"""Signing in, password storage and re-authentication."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from reqdesk.models import AuditEntry, User
from reqdesk.models.enums import Role
from reqdesk.services import auth
from reqdesk.services.context import Context
from reqdesk.services.errors import AuthenticationFailed, ValidationError
from reqdesk.services.users import create_user
from tests.conftest import ADMIN_PASSWORD


def test_login_returns_the_actor(admin_ctx: Context) -> None:
    """Correct credentials give an actor with the user's roles."""
    actor = auth.login(admin_ctx.as_actor(None), "admin", ADMIN_PASSWORD)
    assert actor.username == "admin"
    assert actor.roles == frozenset({Role.ADMIN})


def test_user_names_are_case_insensitive(admin_ctx: Context) -> None:
    """'Admin ' signs in as admin."""
    assert auth.login(admin_ctx, " Admin ", ADMIN_PASSWORD).username == "admin"


@pytest.mark.parametrize(("username", "password"), [("admin", "wrong-pass"), ("nobody", "x")])
def test_bad_credentials_are_refused_with_one_message(
    admin_ctx: Context, username: str, password: str
) -> None:
    """Wrong password and unknown user give the same message (no user enumeration)."""
    with pytest.raises(AuthenticationFailed) as caught:
        auth.login(admin_ctx, username, password)
    assert str(caught.value) == "Unknown user name or wrong password."


def test_failed_and_successful_logins_are_audited(admin_ctx: Context) -> None:
    """Both outcomes leave an audit entry."""
    with pytest.raises(AuthenticationFailed):
        auth.login(admin_ctx, "admin", "wrong-pass")
    auth.login(admin_ctx, "admin", ADMIN_PASSWORD)
    with admin_ctx.reading() as session:
        actions = list(session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))
    assert actions[-2:] == ["login_failed", "login"]


def test_passwords_are_stored_only_as_slow_salted_hashes(admin_ctx: Context) -> None:
    """The stored value is an Argon2id hash, different for equal passwords."""
    create_user(
        admin_ctx, username="u1", full_name="甲", roles=[Role.OPERATOR], password="same-pass-1"
    )
    create_user(
        admin_ctx, username="u2", full_name="乙", roles=[Role.OPERATOR], password="same-pass-1"
    )
    with admin_ctx.reading() as session:
        hashes = list(session.scalars(select(User.password_hash).where(User.username != "admin")))
    assert all(h.startswith("$argon2id$") for h in hashes)
    assert "same-pass-1" not in "".join(hashes)
    assert hashes[0] != hashes[1]


def test_disabled_accounts_cannot_sign_in(admin_ctx: Context) -> None:
    """A disabled user is told so."""
    with admin_ctx.unit_of_work() as uow:
        user = uow.session.scalar(select(User).where(User.username == "admin"))
        assert user is not None
        user.active = False
        uow.commit()
    with pytest.raises(AuthenticationFailed, match="disabled"):
        auth.login(admin_ctx, "admin", ADMIN_PASSWORD)


def test_short_passwords_are_refused(admin_ctx: Context) -> None:
    """The password policy applies when a user is created."""
    with pytest.raises(ValidationError, match="at least 8"):
        create_user(admin_ctx, username="u3", full_name="丙", roles=[Role.OPERATOR], password="abc")


def test_reauthenticate_checks_the_signed_in_user(admin_ctx: Context) -> None:
    """The electronic-signature check accepts only the actor's own password."""
    auth.reauthenticate(admin_ctx, ADMIN_PASSWORD)
    with pytest.raises(AuthenticationFailed, match="Nothing was signed"):
        auth.reauthenticate(admin_ctx, "not-it-at-all")
