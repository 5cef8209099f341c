"""The demo generator: realistic, complete, consistent and deterministic."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from reqdesk.db import Database, open_database
from reqdesk.models import (
    Customer,
    Requirement,
    RequirementEvent,
    User,
)
from reqdesk.models.enums import Role, Stage
from reqdesk.services import credit_code
from reqdesk.services.check import run_check
from reqdesk.services.context import Context
from reqdesk.services.demo import DEMO_USERS, generate_demo
from reqdesk.services.errors import Conflict
from reqdesk.services.numbering import REQUIREMENT, next_number
from reqdesk.services.seal_check import seal_problems
from tests.conftest import DEMO_AS_OF


def dump(database: Database, table: str) -> list[tuple[object, ...]]:
    with database.engine.connect() as conn:
        return list(conn.exec_driver_sql(f"SELECT * FROM {table} ORDER BY id"))


def test_same_seed_and_day_give_the_same_data(tmp_path: Path) -> None:
    """Two runs with one seed produce identical business rows, UUIDs included."""
    first, second = open_database(tmp_path / "a.db"), open_database(tmp_path / "b.db")
    other = open_database(tmp_path / "c.db")
    try:
        for database in (first, second):
            generate_demo(database, customers=12, requirements=150, seed=9, as_of=DEMO_AS_OF)
        generate_demo(other, customers=12, requirements=150, seed=10, as_of=DEMO_AS_OF)
        for table in (
            "customer",
            "customer_contact",
            "requirement",
            "requirement_event",
            "review",
            "sign_off",
        ):
            assert dump(first, table) == dump(second, table), table
        assert dump(first, "requirement") != dump(other, "requirement")
    finally:
        for database in (first, second, other):
            database.dispose()


def test_every_stage_and_one_user_per_role(demo_ctx: Context) -> None:
    """The demo shows requirements in every stage and has a user for every role."""
    with demo_ctx.reading() as session:
        stages = set(session.scalars(select(Requirement.stage).distinct()))
        roles = {role for user in session.scalars(select(User)) for role in user.roles}
    assert stages == set(Stage)
    assert roles == set(Role)


def test_data_is_consistent(demo_ctx: Context) -> None:
    """Valid credit codes, stage matching the last event, sealed sign-offs, clean check."""
    with demo_ctx.reading() as session:
        codes = list(session.scalars(select(Customer.credit_code)))
        assert codes and all(credit_code.is_valid(c) for c in codes if c)
        last_stage = dict(
            session.execute(
                select(RequirementEvent.requirement_id, RequirementEvent.to_stage)
                .where(RequirementEvent.to_stage.is_not(None))
                .order_by(RequirementEvent.at)
            ).all()
        )
        for req in session.scalars(select(Requirement)):
            assert last_stage[req.id] == req.stage, req.number
            assert req.received_at <= req.updated_at
        assert list(seal_problems(session)) == []  # every demo seal verifies
    assert run_check(demo_ctx.db).ok


def test_requirements_spread_over_the_last_26_weeks(demo_ctx: Context) -> None:
    """Received dates lie within 182 days before the reference day, in every month."""
    with demo_ctx.reading() as session:
        first = session.scalar(select(func.min(Requirement.received_at)))
        last = session.scalar(select(func.max(Requirement.received_at)))
        months = Counter(r.received_at.month for r in session.scalars(select(Requirement)))
    assert first is not None and last is not None
    assert (DEMO_AS_OF - first.date()).days <= 183
    assert len(months) >= 6


def test_numbering_continues_after_the_demo(demo_ctx: Context) -> None:
    """The next registration gets the number after the demo's last one."""
    with demo_ctx.reading() as session:
        count = session.scalar(select(func.count()).where(Requirement.number.like("HQ-RQ-2026-%")))
    with demo_ctx.unit_of_work() as uow:
        number = next_number(uow.session, "HQ", REQUIREMENT, 2026)
    assert number == f"HQ-RQ-2026-{count + 1:05d}"


def test_empty_demo_still_has_company_and_users(tmp_path: Path) -> None:
    """--customers 0 --requirements 0 gives settings and all demo users."""
    database = open_database(tmp_path / "empty-demo.db")
    try:
        generate_demo(database, customers=0, requirements=0, seed=1, as_of=DEMO_AS_OF)
        with database.engine.connect() as conn:
            users = conn.execute(text("SELECT count(*) FROM app_user")).scalar()
            company = conn.execute(
                text("SELECT value FROM setting WHERE key='company_name'")
            ).scalar()
        assert users == len(DEMO_USERS)
        assert company is not None and "示范" in company
    finally:
        database.dispose()


def test_demo_never_touches_a_database_already_set_up(admin_ctx: Context) -> None:
    """Demo data go only into a new database."""
    with pytest.raises(Conflict):
        generate_demo(admin_ctx.db, customers=1, requirements=1, seed=1)
