"""Signing in, and asking for the password again before an electronic signature."""

from __future__ import annotations

from sqlalchemy import select

from reqdesk.models import User
from reqdesk.services.audit import Action
from reqdesk.services.context import Actor, Context
from reqdesk.services.errors import AuthenticationFailed
from reqdesk.services.passwords import (
    burn_verification_time,
    hash_password,
    needs_rehash,
    verify_password,
)
from reqdesk.services.users import actor_of
from reqdesk.textmarks import QT_TRANSLATE_NOOP

WRONG_CREDENTIALS = QT_TRANSLATE_NOOP("Errors", "Unknown user name or wrong password.")


def login(ctx: Context, username: str, password: str) -> Actor:
    """Check the credentials; the returned actor makes every later service call."""
    name = username.strip().casefold()
    with ctx.unit_of_work() as uow:
        user = uow.session.scalar(select(User).where(User.username == name))
        if user is None:
            burn_verification_time()
        ok = user is not None and verify_password(user.password_hash, password)
        if user is None or not ok:
            uow.audit(
                Action.LOGIN_FAILED,
                user,
                {"username": name},
                entity_type="app_user",
            )
            uow.commit()
            raise AuthenticationFailed(WRONG_CREDENTIALS)
        if not user.active:
            raise AuthenticationFailed(
                QT_TRANSLATE_NOOP(
                    "Errors", "This account is disabled. Ask your administrator to enable it."
                )
            )
        if needs_rehash(user.password_hash):
            user.password_hash = hash_password(password)
        user.last_login_at = uow.now
        actor = actor_of(user)
        uow.audit(Action.LOGIN, user, actor=actor)
        uow.commit()
        return actor


def reauthenticate(ctx: Context, password: str) -> None:
    """Confirm that the signed-in user is at the keyboard (electronic signature)."""
    if ctx.actor is None:
        raise AuthenticationFailed(WRONG_CREDENTIALS)
    with ctx.reading() as session:
        user = session.get(User, ctx.actor.user_id)
        if user is None or not user.active or not verify_password(user.password_hash, password):
            raise AuthenticationFailed(
                QT_TRANSLATE_NOOP("Errors", "The password is not correct. Nothing was signed.")
            )
