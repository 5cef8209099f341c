"""Engine and session factories, SQLite settings, migrations at start-up.

A reqdesk database is a SQLite file (the default, in the user's data folder) or
any SQLAlchemy URL (PostgreSQL for a multi-seat office). Every SQLite connection
gets the same settings from one connect event: WAL with ``synchronous=FULL``
(WAL with NORMAL may lose the last commits when the power fails), foreign keys
on and a busy timeout. Writes start with ``BEGIN IMMEDIATE`` so that two writers
queue on the lock instead of failing half-way through a transaction.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.orm import Session, sessionmaker

from reqdesk import paths
from reqdesk.services.errors import ReqdeskError
from reqdesk.textmarks import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# The newest migration this program knows. Start-up compares it with the database's
# revision so that an up-to-date database never needs Alembic imported (a test keeps
# it equal to the head of reqdesk/migrations/versions).
HEAD_REVISION = "0005"

BUSY_TIMEOUT_MS = 10_000
SQLITE_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    "PRAGMA foreign_keys=ON",
    f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",
)


class DatabaseError(ReqdeskError):
    """The database cannot be used as it is; the message says what to do."""


class NotAReqdeskDatabase(DatabaseError):
    pass


class DatabaseTooNew(DatabaseError):
    pass


class DatabaseUnavailable(DatabaseError):
    """The file cannot be opened or created, or the server does not answer."""


@dataclass(frozen=True)
class Database:
    """An open reqdesk database: the engine and the two session factories."""

    url: URL
    engine: Engine
    write_sessions: sessionmaker[Session]
    read_sessions: sessionmaker[Session]

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"

    @property
    def sqlite_path(self) -> Path | None:
        if not self.is_sqlite or not self.url.database or self.url.database == ":memory:":
            return None
        return Path(self.url.database)

    def describe(self) -> str:
        """A short description for the status bar (never shows a password)."""
        path = self.sqlite_path
        if path is not None:
            return str(path)
        return self.url.render_as_string(hide_password=True)

    def dispose(self) -> None:
        self.engine.dispose()


def resolve_url(target: str | Path | None) -> URL:
    """``--db`` accepts a file path or a SQLAlchemy URL; nothing means the default file."""
    if target is None:
        return URL.create("sqlite", database=str(paths.default_db_path()))
    text_target = str(target).strip()
    if not text_target:
        raise DatabaseUnavailable(
            QT_TRANSLATE_NOOP("Errors", "No database given. Name a file or a database address.")
        )
    if "://" in text_target:
        try:
            return make_url(text_target)
        except ArgumentError:
            raise DatabaseUnavailable(
                QT_TRANSLATE_NOOP("Errors", "{db} is not a valid database address."),
                db=text_target,
            ) from None
    path = Path(text_target).expanduser().resolve()
    if path.is_dir():
        raise DatabaseUnavailable(
            QT_TRANSLATE_NOOP("Errors", "{db} is a folder. Name a database file inside it."),
            db=str(path),
        )
    return URL.create("sqlite", database=str(path))


def _on_sqlite_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # Let SQLAlchemy's "begin" event own transactions (pysqlite would defer BEGIN).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        for pragma in SQLITE_PRAGMAS:
            cursor.execute(pragma)
    finally:
        cursor.close()


def _on_sqlite_begin(connection: Connection) -> None:
    immediate = connection.get_execution_options().get("reqdesk_write", False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def create_database_engine(url: URL) -> Engine:
    if url.get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _on_sqlite_connect)
        event.listen(engine, "begin", _on_sqlite_begin)
        log.info("SQLite library %s", sqlite3.sqlite_version)
        return engine
    return create_engine(url, pool_pre_ping=True)


def connect(target: str | Path | None = None, *, create: bool = True) -> Database:
    """Open the engine without touching the schema (see :func:`open_database`)."""
    url = resolve_url(target)
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        path = Path(url.database)
        if not create and not path.exists():
            raise DatabaseUnavailable(
                QT_TRANSLATE_NOOP("Errors", "There is no database at {db}."), db=str(path)
            )
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseUnavailable(
                QT_TRANSLATE_NOOP("Errors", "Cannot create the folder {folder}: {reason}"),
                folder=str(path.parent),
                reason=exc.strerror or str(exc),
            ) from None
    try:
        engine = create_database_engine(url)
    except NoSuchModuleError:
        raise DatabaseUnavailable(
            QT_TRANSLATE_NOOP(
                "Errors",
                "reqdesk cannot use {backend} databases. Use a SQLite file or PostgreSQL.",
            ),
            backend=url.get_backend_name(),
        ) from None
    except ImportError as exc:
        raise DatabaseUnavailable(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The database driver {driver} is not installed. For PostgreSQL use an "
                "address that starts with postgresql+psycopg://",
            ),
            driver=exc.name or url.drivername,
        ) from None
    writer = engine.execution_options(reqdesk_write=True)
    return Database(
        url=url,
        engine=engine,
        write_sessions=sessionmaker(bind=writer, expire_on_commit=False),
        read_sessions=sessionmaker(bind=engine, expire_on_commit=False),
    )


def open_database(
    target: str | Path | None = None, *, migrate: bool = True, create: bool = True
) -> Database:
    """Open a database and bring its schema up to date (backing it up before an upgrade).

    ``create=False`` refuses a file that does not exist yet (``reqdesk check``).
    """
    db = connect(target, create=create)
    if migrate:
        try:
            upgrade(db)
        except OperationalError as exc:
            db.dispose()
            raise DatabaseUnavailable(
                QT_TRANSLATE_NOOP("Errors", "Cannot open the database {db}: {reason}"),
                db=db.describe(),
                reason=str(exc.orig) if exc.orig else str(exc),
            ) from None
        except Exception:
            db.dispose()
            raise
    return db


def current_revision(db: Database) -> str | None:
    with db.engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            if inspect(conn).get_table_names():
                raise NotAReqdeskDatabase(
                    QT_TRANSLATE_NOOP(
                        "Errors", "{db} is not a reqdesk database. Choose another file."
                    ),
                    db=db.describe(),
                )
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(db: Database) -> None:
    """Apply pending migrations; a database newer than this program is refused."""
    try:
        revision = current_revision(db)
    except SADatabaseError as exc:
        if "file is not a database" in str(exc) or "malformed" in str(exc):
            raise NotAReqdeskDatabase(
                QT_TRANSLATE_NOOP("Errors", "{db} is not a reqdesk database or is damaged."),
                db=db.describe(),
            ) from None
        raise
    if revision == HEAD_REVISION:
        return
    from alembic import command
    from alembic.script import ScriptDirectory

    config = alembic_config()
    known = {script.revision for script in ScriptDirectory.from_config(config).walk_revisions()}
    if revision is not None and revision not in known:
        raise DatabaseTooNew(
            QT_TRANSLATE_NOOP(
                "Errors",
                "{db} was written by a newer version of reqdesk (schema {revision}). "
                "Install the newer reqdesk to open it.",
            ),
            db=db.describe(),
            revision=revision,
        )
    if revision is not None and db.sqlite_path is not None:
        backup_sqlite(db.sqlite_path, pre_upgrade_backup_path(db.sqlite_path, revision))
    log.info("Migrating %s from %s to %s", db.describe(), revision, HEAD_REVISION)
    with _migration_connection(db) as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")


def alembic_config() -> Any:
    """An Alembic ``Config`` built in code: no alembic.ini needed, works when frozen."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


@contextmanager
def _migration_connection(db: Database) -> Iterator[Connection]:
    """A connection for migrations: on SQLite, foreign keys off while tables are rebuilt.

    The pragma only works outside a transaction, so it goes to the driver connection
    before SQLAlchemy begins one; foreign keys are checked before the commit.
    """
    with db.engine.connect() as conn:
        raw = conn.connection.driver_connection if db.is_sqlite else None
        if raw is not None:
            raw.execute("PRAGMA foreign_keys=OFF")
            conn.execution_options(reqdesk_write=True)
        try:
            with conn.begin():
                yield conn
                if raw is not None:
                    problems = conn.exec_driver_sql("PRAGMA foreign_key_check").all()
                    if problems:
                        raise RuntimeError(f"A migration broke foreign keys: {problems[:5]}")
        finally:
            if raw is not None:
                raw.execute("PRAGMA foreign_keys=ON")


def pre_upgrade_backup_path(db_file: Path, revision: str) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return paths.backups_dir(db_file) / f"{db_file.stem}-before-upgrade-{revision}-{stamp}.db"


def backup_sqlite(source: Path, target: Path) -> Path:
    """Copy a live SQLite database in one step with the online backup API, then check it."""
    target.parent.mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(source)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst, pages=-1)
            result = dst.execute("PRAGMA integrity_check").fetchone()
        finally:
            dst.close()
    finally:
        src.close()
    if result is None or result[0] != "ok":
        target.unlink(missing_ok=True)
        raise DatabaseError(
            QT_TRANSLATE_NOOP("Errors", "The backup {backup} failed its integrity check."),
            backup=str(target),
        )
    log.info("Backed up %s to %s", source, target)
    return target
