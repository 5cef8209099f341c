"""``reqdesk check`` is not fooled: changed review items, a recomputed seal, a deleted
sign-off, a guard replaced by one that does nothing, or a disabled PostgreSQL guard."""

from __future__ import annotations

import contextlib
import threading

import pytest
import sqlalchemy as sa

from reqdesk import i18n
from reqdesk.db import open_database
from reqdesk.models import Review, ReviewRound, SignOff
from reqdesk.models.enums import Decision, ReviewRouting
from reqdesk.services.check import run_check
from reqdesk.services.context import Context
from reqdesk.services.demo import generate_demo
from reqdesk.services.errors import Conflict
from reqdesk.services.reviews import signing
from reqdesk.services.reviews.items import items_digest, items_from_json
from reqdesk.services.reviews.signing import SignInput, sign_for_department
from reqdesk.services.setup import open_context
from reqdesk.services.signatures import sealed_hash_of
from tests.conftest import DEMO_AS_OF
from tests.services.review_inputs import PASSWORD, open_for, person, sign


def signed(ctx: Context) -> tuple[int, int]:
    review_id, _ = open_for(ctx, ReviewRouting.COUNTERSIGN, ("TECH",))
    return review_id, sign(ctx, review_id, "TECH", Decision.CANNOT_MEET, "交期不够")


def problems(ctx: Context) -> str:
    return "\n".join(run_check(ctx.db).problems)


def without_guards(conn: sa.Connection, statement: str, **params: object) -> None:
    """What someone with a database tool could do: drop the guards, edit, put them back."""
    rows = conn.exec_driver_sql("SELECT name, sql FROM sqlite_master WHERE type='trigger'").all()
    for name, _sql in rows:
        conn.exec_driver_sql(f"DROP TRIGGER {name}")
    conn.execute(sa.text(statement), params)
    for _name, sql in rows:
        conn.exec_driver_sql(sql)


def test_changed_items_after_signing_are_named(demo_ctx: Context) -> None:
    review_id, _ = signed(demo_ctx)
    assert run_check(demo_ctx.db).ok
    with demo_ctx.db.engine.begin() as conn:
        conn.execute(sa.text("UPDATE review SET price = 1 WHERE id = :id"), {"id": review_id})
    assert "differ from those signed" in problems(demo_ctx)
    with demo_ctx.db.engine.begin() as conn:
        without_guards(
            conn,
            "UPDATE review_round SET items = replace(items, '128.50', '1.00') "
            "WHERE review_id = :id",
            id=review_id,
        )
    assert "its seal does not match" in problems(demo_ctx)


def test_a_recomputed_seal_does_not_match_the_audit_log(demo_ctx: Context) -> None:
    review_id, sign_off_id = signed(demo_ctx)
    with demo_ctx.db.engine.begin() as conn:
        without_guards(
            conn, "UPDATE sign_off SET decision = 'can_meet' WHERE id = :id", id=sign_off_id
        )
    with demo_ctx.db.write_sessions() as session:
        row = session.get(SignOff, sign_off_id)
        review = session.get(Review, review_id)
        assert row is not None and review is not None
        first = session.scalars(
            sa.select(ReviewRound).where(ReviewRound.review_id == review_id)
        ).one()
        resealed = sealed_hash_of(row, review.uuid, items_digest(items_from_json(first.items)))
    with demo_ctx.db.engine.begin() as conn:
        without_guards(
            conn, "UPDATE sign_off SET content_hash = :h WHERE id = :id", h=resealed, id=sign_off_id
        )
    report = problems(demo_ctx)
    assert f"sign-off #{sign_off_id} does not carry the seal its audit entry recorded" in report


def test_a_deleted_sign_off_and_a_hollow_guard_are_named(demo_ctx: Context) -> None:
    _review_id, sign_off_id = signed(demo_ctx)
    with demo_ctx.db.engine.begin() as conn:
        conn.exec_driver_sql("DROP TRIGGER sign_off_no_delete")
        conn.exec_driver_sql(
            "CREATE TRIGGER sign_off_no_delete BEFORE DELETE ON sign_off BEGIN SELECT 1; END"
        )
        conn.execute(sa.text("DELETE FROM sign_off WHERE id = :id"), {"id": sign_off_id})
    report = problems(demo_ctx)
    assert f"sign-off #{sign_off_id} recorded in the audit log is missing" in report
    assert "sign_off_no_delete on sign_off is missing or does nothing" in report


def test_demo_sign_offs_are_covered_by_the_demo_entry(demo_ctx: Context) -> None:
    """A demo sign-off edited and resealed: the digest in the demo's audit entry differs."""
    with demo_ctx.db.write_sessions() as session:
        row = session.scalars(sa.select(SignOff).order_by(SignOff.id)).first()
        assert row is not None
        review = session.get(Review, row.review_id)
        signed_items = session.scalars(
            sa.select(ReviewRound).where(
                ReviewRound.review_id == row.review_id, ReviewRound.round == row.round
            )
        ).one()
        row_id = row.id
        row.comment = "改过了"
        resealed = sealed_hash_of(
            row, review.uuid, items_digest(items_from_json(signed_items.items))
        )  # type: ignore[union-attr]
        session.rollback()
    with demo_ctx.db.engine.begin() as conn:
        without_guards(
            conn,
            "UPDATE sign_off SET comment = '改过了', content_hash = :h WHERE id = :id",
            h=resealed,
            id=row_id,
        )
    report = problems(demo_ctx)
    assert "written with the demo data were altered" in report
    assert "its seal does not match" not in report


def test_postgresql_guards_and_row_locks(postgres_url: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A disabled guard is named; two people signing for one department at once on
    PostgreSQL give one sign-off and one clear refusal (the review row is locked)."""
    db = open_database(postgres_url)
    try:
        generate_demo(db, customers=4, requirements=12, seed=5, as_of=DEMO_AS_OF)
        ctx = open_context(db)
        review_id, _ = open_for(ctx, ReviewRouting.COUNTERSIGN, ("TECH",))
        barrier = threading.Barrier(2, timeout=3)
        settle = signing.settle_state

        def slow_settle(review: Review) -> None:  # both inside their transaction at once
            with contextlib.suppress(threading.BrokenBarrierError):
                barrier.wait()  # times out when the other waits on the row lock, as it should
            settle(review)

        monkeypatch.setattr(signing, "settle_state", slow_settle)
        outcomes: list[str] = []

        def attempt() -> None:
            try:
                sign_for_department(
                    person(ctx, "jishu"),
                    review_id,
                    SignInput(Decision.CAN_MEET),
                    PASSWORD,
                    i18n.translate,
                )
                outcomes.append("signed")
            except Conflict:
                outcomes.append("refused")

        threads = [threading.Thread(target=attempt) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
        assert sorted(outcomes) == ["refused", "signed"]
        with db.engine.begin() as conn:
            conn.exec_driver_sql("ALTER TABLE sign_off DISABLE TRIGGER sign_off_immutable")
        assert any("sign_off_immutable" in p for p in run_check(db).problems)
    finally:
        db.dispose()


def test_sqlite_guards_review_rounds(demo_ctx: Context) -> None:
    review_id, _ = signed(demo_ctx)
    with pytest.raises(sa.exc.DatabaseError, match="cannot be"), demo_ctx.db.engine.begin() as conn:
        conn.execute(sa.text("DELETE FROM review_round WHERE review_id = :id"), {"id": review_id})
