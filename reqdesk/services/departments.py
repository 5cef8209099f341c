"""Departments: the administrator adds, renames, re-assigns and deactivates them.

Review routing (:func:`reqdesk.services.reviews.rules.department_for`) takes the one
active department answering for each review aspect, and the active Sales department
organises and concludes every review. So at most one active department answers for an
aspect, the Sales department stays active and keeps its aspect, and a department whose
reviewers still sign cannot be deactivated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from reqdesk.formatting import list_text
from reqdesk.models import Department, User, UserRole
from reqdesk.models.enums import ReviewAspect, Role, label_source
from reqdesk.services.audit import Action
from reqdesk.services.context import Context, UnitOfWork
from reqdesk.services.errors import Conflict, NotFound, Text, ValidationError
from reqdesk.services.normalise import clean_text, half_width, name_key
from reqdesk.services.permissions import Permission, require
from reqdesk.services.reviews.common import sales_department_id
from reqdesk.textmarks import QT_TRANSLATE_NOOP

CODE_PATTERN = re.compile(r"[A-Z0-9][A-Z0-9_-]{1,15}")
MAX_NAME_LENGTH = 60


@dataclass(frozen=True)
class DepartmentOverview:
    """A department as the administrator sees it (Tools → Settings → Departments)."""

    id: int
    code: str
    name: str
    review_aspect: ReviewAspect | None
    active: bool
    active_users: int
    is_sales: bool  # the Sales department that concludes reviews: stays active


def normalise_department_code(code: str) -> str:
    """Codes as setup seeds them (SALES, QA): half-width capitals, digits, - or _."""
    cleaned = half_width(code).upper()
    if not CODE_PATTERN.fullmatch(cleaned):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "A department code has 2 to 16 letters, digits, - or _ (for example QA).",
            ),
            field="code",
        )
    return cleaned


def normalise_department_name(name: str) -> str:
    cleaned = clean_text(name)
    if not cleaned:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Please enter the department's name."), field="name"
        )
    if len(cleaned) > MAX_NAME_LENGTH:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "A department name has at most {n} characters."),
            n=MAX_NAME_LENGTH,
            field="name",
        )
    return cleaned


def department_overview(ctx: Context) -> list[DepartmentOverview]:
    """Every department with its number of active users, in the order they were added."""
    require(ctx.actor, Permission.MANAGE_USERS)
    with ctx.reading() as session:
        counted = session.execute(
            select(User.department_id, func.count(User.id))
            .where(User.active.is_(True), User.department_id.is_not(None))
            .group_by(User.department_id)
        )
        counts = {department: n for department, n in counted.tuples()}
        sales = sales_department_id(session)
        return [
            DepartmentOverview(
                id=d.id,
                code=d.code,
                name=d.name,
                review_aspect=d.review_aspect,
                active=d.active,
                active_users=counts.get(d.id, 0),
                is_sales=d.id == sales,
            )
            for d in session.scalars(select(Department).order_by(Department.id))
        ]


def create_department(
    ctx: Context, *, code: str, name: str, review_aspect: ReviewAspect | None = None
) -> int:
    """A new, active department. Audited."""
    require(ctx.actor, Permission.MANAGE_USERS)
    clean_code = normalise_department_code(code)
    clean_name = normalise_department_name(name)
    review_aspect = _aspect(review_aspect)
    with ctx.unit_of_work() as uow:
        if uow.session.scalar(select(Department.id).where(Department.code == clean_code)):
            raise Conflict(
                QT_TRANSLATE_NOOP("Errors", "The department code {code} is taken."),
                code=clean_code,
                field="code",
            )
        _check_name_free(uow.session, clean_name, None)
        _check_aspect_free(uow.session, review_aspect, None)
        department = uow.add(
            Department(code=clean_code, name=clean_name, review_aspect=review_aspect)
        )
        uow.session.flush()
        uow.audit(
            Action.CREATE,
            department,
            {"code": clean_code, "name": clean_name, "review_aspect": review_aspect},
        )
        uow.commit()
        return department.id


def update_department(
    ctx: Context, department_id: int, *, name: str, review_aspect: ReviewAspect | None
) -> None:
    """Rename a department or change what it answers for in reviews (the code stays).
    Audited with the values before and after; nothing is written when nothing changed."""
    require(ctx.actor, Permission.MANAGE_USERS)
    clean_name = normalise_department_name(name)
    review_aspect = _aspect(review_aspect)
    with ctx.unit_of_work() as uow:
        department = _get_department(uow.session, department_id)
        _check_name_free(uow.session, clean_name, department.id)
        if department.active and review_aspect != department.review_aspect:
            if department.id == sales_department_id(uow.session):
                raise ValidationError(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "{department} organises and concludes reviews as the Sales "
                        "department: it keeps the review aspect Sales.",
                    ),
                    department=department.name,
                    field="review_aspect",
                )
            _check_aspect_free(uow.session, review_aspect, department.id)
        before = {"name": department.name, "review_aspect": department.review_aspect}
        after = {"name": clean_name, "review_aspect": review_aspect}
        changed = [key for key in before if before[key] != after[key]]
        if not changed:
            return
        department.name = clean_name
        department.review_aspect = review_aspect
        _audit_change(uow, department, before, after, changed)
        uow.commit()


def deactivate_department(ctx: Context, department_id: int) -> None:
    """The department leaves the pickers and review routing. Refused for the Sales
    department and while active reviewers belong to it. Audited."""
    require(ctx.actor, Permission.MANAGE_USERS)
    with ctx.unit_of_work() as uow:
        department = _get_department(uow.session, department_id)
        if not department.active:
            return
        if department.id == sales_department_id(uow.session):
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "{department} is the Sales department, which organises and concludes "
                    "reviews: it cannot be deactivated.",
                ),
                department=department.name,
            )
        reviewers = _active_reviewers(uow.session, department.id)
        if reviewers:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "{count} active reviewer(s) still belong to {department}: {names}. Move "
                    "them to another department or disable them first.",
                ),
                count=len(reviewers),
                department=department.name,
                names=list_text(reviewers),
            )
        department.active = False
        _audit_change(uow, department, {"active": True}, {"active": False}, ["active"])
        uow.commit()


def activate_department(ctx: Context, department_id: int) -> None:
    """The department is offered again; refused while another active department answers
    for its review aspect. Audited."""
    require(ctx.actor, Permission.MANAGE_USERS)
    with ctx.unit_of_work() as uow:
        department = _get_department(uow.session, department_id)
        if department.active:
            return
        _check_aspect_free(uow.session, department.review_aspect, department.id)
        department.active = True
        _audit_change(uow, department, {"active": False}, {"active": True}, ["active"])
        uow.commit()


def _aspect(value: str | None) -> ReviewAspect | None:
    """The aspect as an enum member (a combo box hands back its plain code)."""
    return None if value is None else ReviewAspect(value)


def _get_department(session: Session, department_id: int) -> Department:
    department = session.get(Department, department_id)
    if department is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "That department does not exist."))
    return department


def _check_name_free(session: Session, name: str, own_id: int | None) -> None:
    key = name_key(name)
    for other_id, other_name in session.execute(select(Department.id, Department.name)):
        if other_id != own_id and name_key(other_name) == key:
            raise Conflict(
                QT_TRANSLATE_NOOP("Errors", "There is already a department named {name}."),
                name=other_name,
                field="name",
            )


def _check_aspect_free(session: Session, aspect: ReviewAspect | None, own_id: int | None) -> None:
    """Routing takes one active department per aspect: a second one would never sign."""
    if aspect is None:
        return
    other = session.scalars(
        select(Department).where(
            Department.review_aspect == aspect,
            Department.active.is_(True),
            Department.id != (own_id or 0),
        )
    ).first()
    if other is not None:
        raise Conflict(
            QT_TRANSLATE_NOOP(
                "Errors",
                "{department} already answers for {aspect} in reviews, and only one active "
                "department may.",
            ),
            department=other.name,
            aspect=Text(*label_source(aspect)),
            field="review_aspect",
        )


def _active_reviewers(session: Session, department_id: int) -> list[str]:
    return list(
        session.scalars(
            select(User.full_name)
            .join(UserRole)
            .where(
                User.department_id == department_id,
                User.active.is_(True),
                UserRole.role == Role.REVIEWER,
            )
            .order_by(User.username)
        )
    )


def _audit_change(
    uow: UnitOfWork,
    department: Department,
    before: dict[str, Any],
    after: dict[str, Any],
    changed: list[str],
) -> None:
    uow.audit(
        Action.UPDATE,
        department,
        {
            "code": department.code,
            "before": {key: before[key] for key in changed},
            "after": {key: after[key] for key in changed},
        },
    )
