"""A signed sign-off never changes: the database refuses an UPDATE or DELETE (SQLite and
PostgreSQL), and ``reqdesk check`` names a sign-off altered behind the guards' back."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import DatabaseError

from reqdesk.db import Database, open_database
from reqdesk.models.enums import Decision, ReviewRouting
from reqdesk.services.check import run_check
from reqdesk.services.context import Context
from reqdesk.services.demo import generate_demo
from reqdesk.services.setup import open_context
from tests.conftest import DEMO_AS_OF
from tests.services.review_inputs import open_for, sign


def signed(demo_ctx: Context) -> int:
    review_id, _ = open_for(demo_ctx, ReviewRouting.COUNTERSIGN, ("TECH",))
    return sign(demo_ctx, review_id, "TECH", Decision.CONDITIONAL, "需确认图纸")


def refuses_changes(db: Database, sign_off_id: int) -> None:
    for statement in (
        "UPDATE sign_off SET decision = 'can_meet' WHERE id = :id",
        "UPDATE sign_off SET comment = '改过了' WHERE id = :id",
        "DELETE FROM sign_off WHERE id = :id",
    ):
        with pytest.raises(DatabaseError, match="cannot be"), db.engine.begin() as conn:
            conn.execute(sa.text(statement), {"id": sign_off_id})
    with db.engine.connect() as conn:
        decision = conn.execute(
            sa.text("SELECT decision FROM sign_off WHERE id = :id"), {"id": sign_off_id}
        ).scalar()
    assert decision == "conditional"


def test_sqlite_refuses_to_change_a_sign_off(demo_ctx: Context) -> None:
    refuses_changes(demo_ctx.db, signed(demo_ctx))
    assert run_check(demo_ctx.db).ok


def test_check_names_a_sign_off_altered_without_the_guards(demo_ctx: Context) -> None:
    sign_off_id = signed(demo_ctx)
    with demo_ctx.db.engine.begin() as conn:
        conn.exec_driver_sql("DROP TRIGGER sign_off_no_update")
        conn.execute(
            sa.text("UPDATE sign_off SET decision = 'can_meet' WHERE id = :id"), {"id": sign_off_id}
        )
    report = run_check(demo_ctx.db)
    assert any(f"sign-off #{sign_off_id}" in p and "altered" in p for p in report.problems)
    assert any("sign_off_no_update" in p and "missing" in p for p in report.problems)


def test_postgresql_refuses_to_change_a_sign_off(postgres_url: str) -> None:
    db = open_database(postgres_url)
    try:
        generate_demo(db, customers=4, requirements=12, seed=5, as_of=DEMO_AS_OF)
        ctx = open_context(db)
        refuses_changes(db, signed(ctx))
        assert run_check(db).ok
        with db.engine.begin() as conn:
            conn.exec_driver_sql("DROP TRIGGER sign_off_immutable ON sign_off")
        assert any("sign_off_immutable" in p for p in run_check(db).problems)
    finally:
        db.dispose()
