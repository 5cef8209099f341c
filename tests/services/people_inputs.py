"""The demo company's administrator, and reading back what the people actions audited."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import func, select

from reqdesk.models import AuditEntry, Department, User
from reqdesk.services.context import Context
from tests.helpers import signed_in
from tests.services.registration_inputs import at_now


def as_admin(demo_ctx: Context) -> Context:
    """The demo administrator (系统管理员) at a fixed Thursday morning."""
    return at_now(signed_in(demo_ctx, "admin"))


def last_audit_id(ctx: Context) -> int:
    with ctx.reading() as session:
        return int(session.scalar(select(func.max(AuditEntry.id))) or 0)


def audited_since(ctx: Context, after: int) -> list[tuple[str, str, dict[str, Any]]]:
    """(action, entity type, details) of every entry after ``after``, oldest first."""
    with ctx.reading() as session:
        entries = session.scalars(
            select(AuditEntry).where(AuditEntry.id > after).order_by(AuditEntry.id)
        ).all()
        return [(e.action, e.entity_type, json.loads(e.details)) for e in entries]


def user_id(ctx: Context, username: str) -> int:
    with ctx.reading() as session:
        value = session.scalar(select(User.id).where(User.username == username))
    assert value is not None
    return value


def department_id(ctx: Context, code: str) -> int:
    with ctx.reading() as session:
        value = session.scalar(select(Department.id).where(Department.code == code))
    assert value is not None
    return value
