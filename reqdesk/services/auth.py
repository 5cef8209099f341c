"""Signing in, and asking for the password again before an electronic signature."""

from __future__ import annotations

from datetime import timedelta
from typing import NoReturn

from sqlalchemy import select

from reqdesk.models import User
from reqdesk.services.audit import Action
from reqdesk.services.context import Actor, Context, UnitOfWork
from reqdesk.services.errors import AuthenticationFailed
from reqdesk.services.passwords import (
    burn_verification_time,
    hash_password,
    needs_rehash,
    verify_password,
)
from reqdesk.services.sla import BUSINESS_TZ
from reqdesk.services.users import actor_of
from reqdesk.textmarks import QT_TRANSLATE_NOOP

WRONG_CREDENTIALS = QT_TRANSLATE_NOOP("Errors", "Unknown user name or wrong password.")
ATTEMPTS_BEFORE_LOCK = 5
LOCK_MINUTES = 15


def login(ctx: Context, username: str, password: str) -> Actor:
    """Check the credentials; the returned actor makes every later service call.

    Every failure is audited. Five wrong passwords in a row, each within fifteen minutes
    of the one before, lock the account for fifteen minutes (even the right password is
    refused meanwhile); an administrator's password reset ends the lock.
    """
    name = username.strip().casefold()
    with ctx.unit_of_work() as uow:
        user = uow.session.scalar(select(User).where(User.username == name))
        if user is None:
            burn_verification_time()
            _refuse(uow, None, {"username": name})
        if user.login_locked_until is not None and user.login_locked_until > uow.now:
            burn_verification_time()
            uow.audit(
                Action.LOGIN_FAILED,
                user,
                {"username": name, "locked": True},
                entity_type="app_user",
            )
            uow.commit()
            raise _locked(user)
        if not verify_password(user.password_hash, password):
            _count_failure(uow, user, name)
        if not user.active:
            raise AuthenticationFailed(
                QT_TRANSLATE_NOOP(
                    "Errors", "This account is disabled. Ask your administrator to enable it."
                )
            )
        if needs_rehash(user.password_hash):
            user.password_hash = hash_password(password)
        user.last_login_at = uow.now
        user.login_failures = 0
        user.login_locked_until = None
        actor = actor_of(user)
        uow.audit(Action.LOGIN, user, actor=actor)
        uow.commit()
        return actor


def _refuse(uow: UnitOfWork, user: User | None, details: dict[str, object]) -> NoReturn:
    uow.audit(Action.LOGIN_FAILED, user, details, entity_type="app_user")
    uow.commit()
    raise AuthenticationFailed(WRONG_CREDENTIALS)


def _count_failure(uow: UnitOfWork, user: User, name: str) -> NoReturn:
    window = timedelta(minutes=LOCK_MINUTES)
    if user.login_failed_at is None or uow.now - user.login_failed_at > window:
        user.login_failures = 0  # old mistakes do not add up to a lock-out
    user.login_failed_at = uow.now
    user.login_failures += 1
    details: dict[str, object] = {"username": name, "failures": user.login_failures}
    if user.login_failures < ATTEMPTS_BEFORE_LOCK:
        _refuse(uow, user, details)
    user.login_failures = 0
    user.login_locked_until = uow.now + timedelta(minutes=LOCK_MINUTES)
    details["locked_until"] = user.login_locked_until.isoformat()
    uow.audit(Action.LOGIN_LOCKED, user, details, entity_type="app_user")
    uow.commit()
    raise _locked(user)


def _locked(user: User) -> AuthenticationFailed:
    assert user.login_locked_until is not None
    return AuthenticationFailed(
        QT_TRANSLATE_NOOP(
            "Errors",
            "This account is locked after five wrong passwords until {time}. Try again then, "
            "or ask your administrator to reset the password.",
        ),
        time=user.login_locked_until.astimezone(BUSINESS_TZ).strftime("%H:%M"),
        field="password",
    )


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
