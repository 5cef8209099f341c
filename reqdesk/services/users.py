"""Users: create, edit, disable and enable, reset passwords; the lists behind the pickers.

The administrator's rules: nobody disables their own account or removes their own
administrator role, the last active administrator stays one, and an active department
reviewer belongs to an active department.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

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


@dataclass(frozen=True)
class UserAccount:
    """A user as the administrator sees them (Tools → Settings → Users)."""

    id: int
    username: str
    full_name: str
    roles: frozenset[Role]
    department_id: int | None
    department_name: str
    active: bool
    must_change_password: bool
    locked_until: datetime | None  # a sign-in or signing lock still running, else None
    last_login_at: datetime | None


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


def _clean_person(
    full_name: str, roles: Iterable[Role], department_id: int | None
) -> tuple[str, frozenset[Role]]:
    """The full name with its spaces folded, and the roles; a reviewer needs a department."""
    full = " ".join(full_name.split())
    role_set = frozenset(Role(role) for role in roles)
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
    return full, role_set


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
    full, role_set = _clean_person(full_name, roles, department_id)
    check_password_policy(password)
    if find_user(uow.session, name) is not None:
        raise Conflict(
            QT_TRANSLATE_NOOP("Errors", "The user name {username} is taken."),
            username=name,
            field="username",
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
        _check_department(uow.session, department_id, current=None)
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
        user = _get_user(uow.session, user_id)
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


# --- the administrator's changes (Tools → Settings → Users) ---------------------------


def _get_user(session: Session, user_id: int) -> User:
    user = session.get(User, user_id)
    if user is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "That user does not exist."))
    return user


def _check_department(
    session: Session, department_id: int | None, *, current: int | None, reviewer: bool = False
) -> None:
    """A new department must be active; so must an active reviewer's department."""
    if department_id is None:
        return
    department = session.get(Department, department_id)
    if department is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("Errors", "That department does not exist."), field="department"
        )
    if not department.active and (reviewer or department_id != current):
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "{department} is inactive: choose an active department."),
            department=department.name,
            field="department",
        )


def _other_active_admins(session: Session, user_id: int) -> int:
    query = (
        select(func.count(User.id))
        .join(UserRole)
        .where(UserRole.role == Role.ADMIN, User.active.is_(True), User.id != user_id)
    )
    return session.scalar(query) or 0


def _keep_an_administrator(session: Session, actor: Actor, user: User, *, disabling: bool) -> None:
    """Refuse to disable or demote oneself, or the last active administrator."""
    if user.id == actor.user_id:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "You cannot disable your own account.")
            if disabling
            else QT_TRANSLATE_NOOP("Errors", "You cannot remove your own administrator role."),
            field=None if disabling else "roles",
        )
    if Role.ADMIN in user.roles and user.active and not _other_active_admins(session, user.id):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "{name} is the last active administrator and cannot be disabled. Give "
                "another user the administrator role first.",
            )
            if disabling
            else QT_TRANSLATE_NOOP(
                "Errors",
                "{name} is the last active administrator and keeps that role. Give another "
                "user the administrator role first.",
            ),
            name=user.full_name,
            field=None if disabling else "roles",
        )


def _profile(user: User) -> dict[str, Any]:
    return {
        "full_name": user.full_name,
        "roles": sorted(user.roles),
        "department_id": user.department_id,
    }


def _set_roles(user: User, roles: frozenset[Role]) -> None:
    for link in [link for link in user.role_links if link.role not in roles]:
        user.role_links.remove(link)
    for role in sorted(roles - user.roles):
        user.role_links.append(UserRole(role=role))


def update_user(
    ctx: Context,
    user_id: int,
    *,
    full_name: str,
    roles: Iterable[Role],
    department_id: int | None,
) -> None:
    """The administrator changes a user's name, roles and department (the user name stays).
    Audited with the values before and after; nothing is written when nothing changed."""
    actor = require(ctx.actor, Permission.MANAGE_USERS)
    full, role_set = _clean_person(full_name, roles, department_id)
    with ctx.unit_of_work() as uow:
        user = _get_user(uow.session, user_id)
        reviewer = user.active and Role.REVIEWER in role_set
        _check_department(uow.session, department_id, current=user.department_id, reviewer=reviewer)
        if Role.ADMIN in user.roles and Role.ADMIN not in role_set:
            _keep_an_administrator(uow.session, actor, user, disabling=False)
        before = _profile(user)
        user.full_name = full
        user.department_id = department_id
        _set_roles(user, role_set)
        after = _profile(user)
        changed = [key for key in before if before[key] != after[key]]
        if not changed:
            return
        uow.audit(
            Action.UPDATE,
            user,
            {
                "username": user.username,
                "before": {key: before[key] for key in changed},
                "after": {key: after[key] for key in changed},
            },
        )
        uow.commit()


def disable_user(ctx: Context, user_id: int) -> None:
    """The user can no longer sign in (their records keep their name). Audited."""
    actor = require(ctx.actor, Permission.MANAGE_USERS)
    with ctx.unit_of_work() as uow:
        user = _get_user(uow.session, user_id)
        if not user.active:
            return
        _keep_an_administrator(uow.session, actor, user, disabling=True)
        user.active = False
        _audit_active(uow, user)
        uow.commit()


def enable_user(ctx: Context, user_id: int) -> None:
    """A disabled user may sign in again. Audited."""
    require(ctx.actor, Permission.MANAGE_USERS)
    with ctx.unit_of_work() as uow:
        user = _get_user(uow.session, user_id)
        if user.active:
            return
        reviewer = Role.REVIEWER in user.roles
        _check_department(
            uow.session, user.department_id, current=user.department_id, reviewer=reviewer
        )
        user.active = True
        _audit_active(uow, user)
        uow.commit()


def _audit_active(uow: UnitOfWork, user: User) -> None:
    uow.audit(
        Action.UPDATE,
        user,
        {
            "username": user.username,
            "before": {"active": not user.active},
            "after": {"active": user.active},
        },
    )


def user_accounts(ctx: Context) -> list[UserAccount]:
    """Every user with their state, for the administrator's list (by user name)."""
    require(ctx.actor, Permission.MANAGE_USERS)
    now = ctx.clock()
    with ctx.reading() as session:
        users = session.scalars(
            select(User)
            .options(selectinload(User.role_links), selectinload(User.department))
            .order_by(User.username)
        ).all()
        return [
            UserAccount(
                id=u.id,
                username=u.username,
                full_name=u.full_name,
                roles=u.roles,
                department_id=u.department_id,
                department_name=u.department.name if u.department else "",
                active=u.active,
                must_change_password=u.must_change_password,
                locked_until=_lock_running(u, now),
                last_login_at=u.last_login_at,
            )
            for u in users
        ]


def _lock_running(user: User, now: datetime) -> datetime | None:
    running = [
        until
        for until in (user.login_locked_until, user.sign_locked_until)
        if until is not None and until > now
    ]
    return max(running, default=None)
