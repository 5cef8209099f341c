"""First start: company, site code, administrator and default departments."""

from __future__ import annotations

import pytest

from reqdesk.db import Database
from reqdesk.models.enums import Role
from reqdesk.services import settings
from reqdesk.services.context import Context
from reqdesk.services.errors import Conflict, ValidationError
from reqdesk.services.setup import NotInitialised, initialise, is_initialised, open_context
from reqdesk.services.users import list_departments, list_users


def setup_values(**overrides: str) -> dict[str, str]:
    values = {
        "company_name": "示例公司",
        "site_code": "bj2",
        "admin_username": "Admin",
        "admin_full_name": "管理员",
        "admin_password": "long-enough-1",
    }
    values.update(overrides)
    return values


def test_initialise_stores_company_site_and_admin(db: Database) -> None:
    """The site code is normalised to capitals; the admin holds the admin role."""
    ctx, actor = initialise(db, **setup_values())  # type: ignore[arg-type]
    assert is_initialised(db)
    assert ctx.site_code == "BJ2"
    assert actor.roles == frozenset({Role.ADMIN})
    with ctx.reading() as session:
        assert settings.read_setting(session, settings.Key.COMPANY_NAME) == "示例公司"
    assert [u.username for u in list_users(ctx)] == ["admin"]


def test_default_departments_cover_every_review_aspect(admin_ctx: Context) -> None:
    """Sales, Technical, Purchasing, Production, Quality, Finance and the service desk."""
    departments = list_departments(admin_ctx)
    aspects = {d.review_aspect for d in departments if d.review_aspect}
    assert len(aspects) == 6
    assert {d.code for d in departments} >= {"SALES", "TECH", "QA", "DESK"}


def test_department_names_come_from_the_callers_language(db: Database) -> None:
    """The GUI passes translated names, so a Chinese database starts with 销售部."""
    ctx, _ = initialise(
        db,
        **setup_values(),  # type: ignore[arg-type]
        department_name=lambda seed: {"SALES": "销售部"}.get(seed.code, seed.name),
    )
    assert "销售部" in {d.name for d in list_departments(ctx)}


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("site_code", "s", "2 to 8 letters"),
        ("site_code", "SH-01", "2 to 8 letters"),
        ("company_name", "   ", "company name"),
        ("admin_password", "short", "at least 8"),
        ("admin_username", "a b", "no spaces"),
    ],
)
def test_bad_setup_values_are_refused_and_nothing_is_written(
    db: Database, field: str, value: str, message: str
) -> None:
    """Each mistake gets a clear message and leaves the database untouched."""
    with pytest.raises(ValidationError, match=message):
        initialise(db, **setup_values(**{field: value}))  # type: ignore[arg-type]
    assert not is_initialised(db)


def test_second_setup_is_refused(admin_ctx: Context) -> None:
    """A database is set up once."""
    with pytest.raises(Conflict):
        initialise(admin_ctx.db, **setup_values())  # type: ignore[arg-type]


def test_open_context_needs_a_set_up_database(db: Database) -> None:
    """Opening an empty database for work says what to do."""
    with pytest.raises(NotInitialised, match="reqdesk init"):
        open_context(db)
