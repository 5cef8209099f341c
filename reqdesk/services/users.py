"""Users and departments: create, list, disable, reset passwords."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from reqdesk.models import Department, User, UserRole
from reqdesk.models.enums import ReviewAspect, Role
from reqdesk.services.audit import Action
from reqdesk.services.context import Actor, Context, UnitOfWork
from reqdesk.services.errors import (
    AuthenticationFailed,
    Conflict,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from reqdesk.services.passwords import check_password_policy, hash_password, verify_password
from reqdesk.services.permissions import Permission, require
from reqdesk.textmarks import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class DepartmentRow:
    id: int
    code: str
    name: str
    review_aspect: ReviewAspect | None
    active: bool


@dataclass(frozen=True)
class UserRow:
    id: int
    username: str
    full_name: str
    roles: frozenset[Role]
    department_id: int | None
    department_name: str
    active: bool


def normalise_username(username: str) -> str:
    name = username.strip().casefold()
    if not 2 <= len(name) <= 32 or any(ch.isspace() for ch in name):
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "A user name has 2 to 32 characters and no spaces."),
            field="username",
        )
    return name


def actor_of(user: User) -> Actor:
    return Actor(
        user_id=user.id,
        username=user.username,
        full_name=user.full_name,
        roles=user.roles,
        department_id=user.department_id,
    )


def find_user(session: Session, username: str) -> User | None:
    return session.scalar(select(User).where(User.username == username.strip().casefold()))


def add_user(
    uow: UnitOfWork,
    *,
    username: str,
    full_name: str,
    roles: Iterable[Role],
    password: str,
    department_id: int | None = None,
    must_change_password: bool = False,
) -> User:
    """Create a user inside an open unit of work (used by setup, demo and create_user)."""
    name = normalise_username(username)
    role_set = frozenset(roles)
    full = " ".join(full_name.split())
    if not full:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Please enter the person's full name."), field="full_name"
        )
    if not role_set:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Give the user at least one role."), field="roles"
        )
    if Role.REVIEWER in role_set and department_id is None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "A department reviewer must belong to a department."),
            field="department",
        )
    check_password_policy(password)
    if find_user(uow.session, name) is not None:
        raise Conflict(
            QT_TRANSLATE_NOOP("Errors", "The user name {username} is taken."), username=name
        )
    user = uow.add(
        User(
            username=name,
            full_name=full,
            department_id=department_id,
            password_hash=hash_password(password),
            must_change_password=must_change_password,
            role_links=[UserRole(role=role) for role in sorted(role_set)],
        )
    )
    uow.session.flush()
    uow.audit(
        Action.CREATE,
        user,
        {
            "username": name,
            "full_name": full,
            "roles": sorted(role_set),
            "department_id": department_id,
        },
    )
    return user


def create_user(
    ctx: Context,
    *,
    username: str,
    full_name: str,
    roles: Iterable[Role],
    password: str,
    department_id: int | None = None,
) -> int:
    """An administrator creates a user; the user must change the password at first sign-in."""
    require(ctx.actor, Permission.MANAGE_USERS)
    with ctx.unit_of_work() as uow:
        if department_id is not None and uow.session.get(Department, department_id) is None:
            raise NotFound(QT_TRANSLATE_NOOP("Errors", "That department does not exist."))
        user = add_user(
            uow,
            username=username,
            full_name=full_name,
            roles=roles,
            password=password,
            department_id=department_id,
            must_change_password=True,
        )
        uow.commit()
        return user.id


def reset_password(ctx: Context, user_id: int, new_password: str) -> None:
    """An administrator sets a new password for someone who forgot theirs (or is locked
    out): the lock ends and the user must choose their own password at the next sign-in.
    Audited; the password itself is never recorded."""
    require(ctx.actor, Permission.MANAGE_USERS)
    check_password_policy(new_password)
    with ctx.unit_of_work() as uow:
        user = uow.session.get(User, user_id)
        if user is None:
            raise NotFound(QT_TRANSLATE_NOOP("Errors", "That user does not exist."))
        user.password_hash = hash_password(new_password)
        user.must_change_password = True
        user.login_failures = 0
        user.login_locked_until = None
        user.sign_failures = 0
        user.sign_locked_until = None
        uow.audit(Action.PASSWORD_RESET, user, {"username": user.username})
        uow.commit()


def change_own_password(ctx: Context, old_password: str, new_password: str) -> None:
    """The signed-in user replaces their password (required after a reset)."""
    if ctx.actor is None:
        raise PermissionDenied(QT_TRANSLATE_NOOP("Errors", "Please sign in first."))
    check_password_policy(new_password)
    if new_password == old_password:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Choose a password different from the old one."),
            field="password",
        )
    with ctx.unit_of_work() as uow:
        user = uow.session.get(User, ctx.actor.user_id)
        if user is None or not verify_password(user.password_hash, old_password):
            raise AuthenticationFailed(
                QT_TRANSLATE_NOOP("Errors", "The current password is not correct."),
                field="old_password",
            )
        user.password_hash = hash_password(new_password)
        user.must_change_password = False
        uow.audit(Action.PASSWORD_CHANGE, user, {"username": user.username})
        uow.commit()


def find_user_id(ctx: Context, username: str) -> int | None:
    with ctx.reading() as session:
        user = find_user(session, username)
        return user.id if user else None


def must_change_password(ctx: Context) -> bool:
    """True after an administrator's reset, until the user chose a new password."""
    if ctx.actor is None:
        return False
    with ctx.reading() as session:
        user = session.get(User, ctx.actor.user_id)
        return bool(user and user.must_change_password)


def list_users(ctx: Context) -> list[UserRow]:
    with ctx.reading() as session:
        users = session.scalars(select(User).order_by(User.username)).all()
        return [
            UserRow(
                id=u.id,
                username=u.username,
                full_name=u.full_name,
                roles=u.roles,
                department_id=u.department_id,
                department_name=u.department.name if u.department else "",
                active=u.active,
            )
            for u in users
        ]


def list_departments(ctx: Context) -> list[DepartmentRow]:
    with ctx.reading() as session:
        return [
            DepartmentRow(d.id, d.code, d.name, d.review_aspect, d.active)
            for d in session.scalars(select(Department).order_by(Department.id))
        ]


def count_users(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(User)) or 0
