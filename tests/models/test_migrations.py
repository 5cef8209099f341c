"""The schema comes from Alembic migrations and equals the models exactly."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from reqdesk import db as dbmod
from reqdesk.db import (
    DatabaseTooNew,
    NotAReqdeskDatabase,
    alembic_config,
    current_revision,
    open_database,
)
from reqdesk.migrations.outside import include_name
from reqdesk.models import Base


def test_upgrade_of_an_empty_database_reaches_head(tmp_path: Path) -> None:
    """A new file is migrated from nothing to the newest revision."""
    database = open_database(tmp_path / "new.db")
    try:
        assert current_revision(database) == dbmod.HEAD_REVISION
        with database.engine.connect() as conn:
            tables = {
                row[0]
                for row in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'")
            }
        assert set(Base.metadata.tables) <= tables
    finally:
        database.dispose()


def test_migrations_produce_exactly_the_models_schema(db: dbmod.Database) -> None:
    """Autogenerate finds no difference between the migrated database and the models."""
    with db.engine.connect() as conn:
        context = MigrationContext.configure(
            conn,
            opts={
                "compare_type": True,
                "include_name": include_name,
            },
        )
        assert compare_metadata(context, Base.metadata) == []


def test_head_revision_constant_matches_the_scripts() -> None:
    """HEAD_REVISION, used to skip Alembic at start-up, is the scripts' head."""
    heads = ScriptDirectory.from_config(alembic_config()).get_heads()
    assert heads == [dbmod.HEAD_REVISION]


def test_database_newer_than_the_program_is_refused(db: dbmod.Database) -> None:
    """A schema revision this program does not know is refused with a clear message."""
    with db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num='9999_future'")
    address = db.url.render_as_string(hide_password=False)
    db.dispose()
    with pytest.raises(DatabaseTooNew, match="newer version of reqdesk"):
        open_database(address)


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    """Random bytes are not mistaken for an empty database."""
    path = tmp_path / "notes.db"
    path.write_bytes(b"these are not the droids you are looking for" * 100)
    with pytest.raises(NotAReqdeskDatabase):
        open_database(path)
    assert path.read_bytes().startswith(b"these are not")


def test_another_programs_database_is_refused(tmp_path: Path) -> None:
    """A SQLite file with foreign tables is not taken over."""
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    with pytest.raises(NotAReqdeskDatabase, match="not a reqdesk database"):
        open_database(path)


def test_upgrade_takes_a_checked_backup_first(
    tmp_path: Path, db: dbmod.Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before an upgrade the file is copied to backups/ and the copy passes integrity_check."""
    migrations = tmp_path / "migrations"
    shutil.copytree(dbmod.MIGRATIONS_DIR, migrations)
    (migrations / "versions" / "9001_test_column.py").write_text(
        '"""test revision"""\n'
        "import sqlalchemy as sa\nfrom alembic import op\n\n"
        f"revision = '9001'\ndown_revision = '{dbmod.HEAD_REVISION}'\n"
        "branch_labels = None\ndepends_on = None\n\n"
        "def upgrade():\n"
        "    with op.batch_alter_table('setting') as batch:\n"
        "        batch.add_column(sa.Column('note', sa.Text(), nullable=True))\n\n"
        "def downgrade():\n    pass\n"
    )
    path = db.sqlite_path
    assert path is not None
    db.dispose()
    old_head = dbmod.HEAD_REVISION
    monkeypatch.setattr(dbmod, "MIGRATIONS_DIR", migrations)
    monkeypatch.setattr(dbmod, "HEAD_REVISION", "9001")
    upgraded = open_database(path)
    try:
        assert current_revision(upgraded) == "9001"
    finally:
        upgraded.dispose()
    backups = list((path.parent / "backups").glob("*before-upgrade*.db"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (old_head,)


def test_reviews_written_before_rounds_get_round_one(demo_db: dbmod.Database) -> None:
    """0002 → 0003 on a database with reviews: each review gets its round-1 items, every
    old seal still verifies, and the sign-off guards are in place."""
    from alembic import command

    from reqdesk.services.check import run_check

    config = alembic_config()
    with dbmod._migration_connection(demo_db) as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0002")
    assert current_revision(demo_db) == "0002"
    address = demo_db.url.render_as_string(hide_password=False)
    demo_db.dispose()
    upgraded = open_database(address)
    try:
        assert current_revision(upgraded) == dbmod.HEAD_REVISION
        with upgraded.engine.connect() as conn:
            reviews = conn.exec_driver_sql("SELECT COUNT(*) FROM review").scalar()
            rounds = conn.exec_driver_sql(
                "SELECT COUNT(*) FROM review_round WHERE round = 1"
            ).scalar()
            sample = conn.exec_driver_sql("SELECT items FROM review_round LIMIT 1").scalar()
        assert reviews and rounds == reviews and '"product_name"' in str(sample)
        assert run_check(upgraded).ok, run_check(upgraded).problems
    finally:
        upgraded.dispose()
