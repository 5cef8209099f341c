"""SQLite connection settings and how values are stored."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import select, text

from reqdesk.db import Database, resolve_url
from reqdesk.models import Department, User
from reqdesk.models.enums import ReviewAspect
from reqdesk.services.context import Context


def test_every_connection_gets_the_durable_settings(db: Database) -> None:
    """WAL, synchronous=FULL, foreign keys and a busy timeout on every connection."""
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 10_000


def test_writes_take_the_lock_at_begin(db: Database) -> None:
    """A write session starts with BEGIN IMMEDIATE: a second writer waits, not fails later."""
    with db.write_sessions() as first:
        first.execute(text("SELECT 1"))
        raw = first.connection().connection.driver_connection
        assert raw.in_transaction
        other = db.engine.raw_connection()
        try:
            other.driver_connection.execute("PRAGMA busy_timeout=50")
            with pytest.raises(Exception, match="locked"):
                other.driver_connection.execute("BEGIN IMMEDIATE")
        finally:
            other.close()


def test_foreign_keys_are_enforced(db: Database) -> None:
    """A row pointing to nothing is refused by the database itself."""
    with db.engine.connect() as conn, pytest.raises(Exception, match="FOREIGN KEY"):
        conn.exec_driver_sql(
            "INSERT INTO app_user (username, full_name, department_id, password_hash, active,"
            " must_change_password, uuid, site_code, created_at, updated_at) VALUES"
            " ('x', 'x', 999, 'h', 1, 0, 'u-1', 'S', '2026-01-01', '2026-01-01')"
        )


def test_datetimes_round_trip_as_aware_utc(admin_ctx: Context) -> None:
    """A Beijing-time datetime is stored as UTC and comes back timezone-aware."""
    beijing = timezone(timedelta(hours=8))
    with admin_ctx.unit_of_work() as uow:
        user = uow.session.scalars(select(User)).first()
        assert user is not None
        user.last_login_at = datetime(2026, 3, 1, 9, 30, tzinfo=beijing)
        user_id = user.id
        uow.commit()
    with admin_ctx.reading() as session:
        stored = session.execute(
            text("SELECT last_login_at FROM app_user WHERE id=:i"), {"i": user_id}
        ).scalar()
        loaded = session.get(User, user_id)
        assert loaded is not None
        assert loaded.last_login_at == datetime(2026, 3, 1, 1, 30, tzinfo=UTC)
    assert str(stored).startswith("2026-03-01 01:30:00")


def test_enums_are_stored_as_stable_codes(admin_ctx: Context) -> None:
    """Enumerations are stored by code, not by Python name or label."""
    with admin_ctx.reading() as session:
        codes = set(session.scalars(text("SELECT review_aspect FROM department")))
    assert "technical" in codes
    assert ReviewAspect.TECHNICAL.name not in codes


def test_new_records_carry_uuid_site_and_times(admin_ctx: Context) -> None:
    """Every business record has a UUID, the creating site and created/updated times."""
    with admin_ctx.reading() as session:
        dept = session.scalars(select(Department)).first()
        assert dept is not None
        assert len(dept.uuid) == 36
        assert dept.site_code == "SH01"
        assert dept.created_at.tzinfo is not None


def test_db_option_accepts_paths_and_urls(tmp_path: object) -> None:
    """--db takes a file path or any SQLAlchemy URL."""
    assert resolve_url("x.db").get_backend_name() == "sqlite"
    assert resolve_url("postgresql+psycopg://u:p@h/db").get_backend_name() == "postgresql"
    assert resolve_url(None).database.endswith("reqdesk.db")  # type: ignore[union-attr]
