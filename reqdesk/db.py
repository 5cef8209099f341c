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
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

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
HEAD_REVISION = "0009"

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


class DatabaseDamaged(DatabaseError):
    """The file is a SQLite database but fails its integrity check."""


class DatabaseReadOnly(DatabaseError):
    """The file or its folder cannot be written (reqdesk needs both)."""


# Files up to this size are checked with ``PRAGMA integrity_check`` at every start (well
# under a second); larger ones are checked by the daily backup, which reads every page.
STARTUP_CHECK_MAX_BYTES = 64 * 1024 * 1024
SQLITE_HEADER = b"SQLite format 3\x00"
PARTIAL_SUFFIX = ".partial"


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
        except (ArgumentError, ValueError):  # ValueError: a port that is not a number
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


PG_CONNECT_TIMEOUT_S = 8


def create_database_engine(url: URL) -> Engine:
    if url.get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _on_sqlite_connect)
        event.listen(engine, "begin", _on_sqlite_begin)
        log.info("SQLite library %s", sqlite3.sqlite_version)
        return engine
    # A server that cannot be reached is reported in seconds, not after the system's TCP
    # timeout (a minute or more on a dropped route); an address may set its own.
    connect_args: dict[str, Any] = {}
    if url.get_backend_name() == "postgresql" and "connect_timeout" not in url.query:
        connect_args["connect_timeout"] = PG_CONNECT_TIMEOUT_S
    return create_engine(url, pool_pre_ping=True, connect_args=connect_args)


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
    target: str | Path | None = None,
    *,
    migrate: bool = True,
    create: bool = True,
    verify: bool = True,
) -> Database:
    """Open a database and bring its schema up to date (backing it up before an upgrade).

    ``create=False`` refuses a file that does not exist yet (``reqdesk check``);
    ``verify=False`` skips the start-up integrity check (``reqdesk check`` runs its own).
    A file that is not a database, is damaged, is newer than this program or cannot be
    written raises a :class:`DatabaseError` saying so; nothing is created in its place.
    """
    db = connect(target, create=create)
    try:
        path = db.sqlite_path
        if path is not None and verify:
            verify_sqlite_file(db, path)
        if migrate:
            upgrade(db)
    except OperationalError as exc:
        db.dispose()
        reason = str(exc.orig) if exc.orig else str(exc)
        if "readonly" in reason or "read-only" in reason:
            raise _read_only(db) from None
        raise DatabaseUnavailable(
            QT_TRANSLATE_NOOP("Errors", "Cannot open the database {db}: {reason}"),
            db=db.describe(),
            reason=reason,
        ) from None
    except Exception:
        db.dispose()
        raise
    return db


def _read_only(db: Database) -> DatabaseReadOnly:
    return DatabaseReadOnly(
        QT_TRANSLATE_NOOP(
            "Errors",
            "{db} cannot be written (the file or its folder is read-only). Copy it to a "
            "folder you may write to, or ask your administrator for write access.",
        ),
        db=db.describe(),
    )


class NetworkShareWarning(ReqdeskError):
    """Not an error: the database works, but should not live where it is."""


def network_share_warning(db: Database) -> NetworkShareWarning | None:
    """SQLite's advice: no database on a network share (locking there is unreliable)."""
    path = db.sqlite_path
    kind = paths.network_filesystem(path) if path is not None else None
    if kind is None:
        return None
    return NetworkShareWarning(
        QT_TRANSLATE_NOOP(
            "Errors",
            "{db} is on a network share ({kind}). SQLite cannot lock files reliably over a "
            "network, so two PCs writing at once can damage it. Keep the database on this "
            "PC's own disk, or let several PCs share one PostgreSQL database "
            "(--db postgresql+psycopg://…).",
        ),
        db=db.describe(),
        kind=kind,
    )


def verify_sqlite_file(db: Database, path: Path) -> None:
    """Refuse a file that is not a reqdesk database, fails ``integrity_check`` (files up to
    :data:`STARTUP_CHECK_MAX_BYTES`) or cannot be written — before anything touches it.

    It is read through a separate read-only connection: the engine's connections switch
    the file to WAL, which would already change a file that is not ours.
    """
    if not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    not_ours = NotAReqdeskDatabase(
        QT_TRANSLATE_NOOP("Errors", "{db} is not a reqdesk database or is damaged."),
        db=db.describe(),
    )
    if header != SQLITE_HEADER:
        raise not_ours
    full_check = path.stat().st_size <= STARTUP_CHECK_MAX_BYTES
    try:
        problems, tables = _inspect_read_only(path, full_check)
    except sqlite3.Error as exc:
        if not is_damage(exc):  # busy, cannot open, a disk error: not the file's fault
            raise DatabaseUnavailable(
                QT_TRANSLATE_NOOP("Errors", "Cannot open the database {db}: {reason}"),
                db=db.describe(),
                reason=str(exc),
            ) from None
        problems, tables = [str(exc)], set()
    if problems != ["ok"]:
        log.info("Integrity check of %s failed: %s", path, problems)
        raise DatabaseDamaged(
            QT_TRANSLATE_NOOP(
                "Errors",
                "{db} is damaged (it fails SQLite's integrity check). Restore the latest "
                "good backup, or open another file.",
            ),
            db=db.describe(),
        )
    if tables and "alembic_version" not in tables:
        raise not_ours
    if not _writable(path):
        raise _read_only(db)


def sqlite_uri(path: Path, mode: str = "ro") -> str:
    """A ``file:`` URI SQLite accepts for any path, UNC shares included: the authority
    stays empty (``file:////server/share/…``), since SQLite rejects ``file://server/…``."""
    posix = path.resolve().as_posix()
    return f"file:{'//' if posix.startswith('/') else '///'}{quote(posix)}?mode={mode}"


# SQLite's primary result codes that mean "the file's content is broken".
SQLITE_CORRUPT, SQLITE_NOTADB = 11, 26


def is_damage(exc: sqlite3.Error) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    if code is None:
        return "malformed" in str(exc) or "not a database" in str(exc)
    return code & 0xFF in (SQLITE_CORRUPT, SQLITE_NOTADB)


def _inspect_read_only(path: Path, full_check: bool) -> tuple[list[str], set[str]]:
    conn = sqlite3.connect(sqlite_uri(path), uri=True)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        problems = ["ok"]
        if full_check:
            problems = [r[0] for r in conn.execute("PRAGMA integrity_check(5)")]
    finally:
        conn.close()
    return problems, tables


def _writable(path: Path) -> bool:
    """The file opens for writing and its folder takes new files (SQLite's -wal and -shm).

    SQLite itself would open a read-only file silently and fail only at the first save.
    """
    try:
        with path.open("r+b"):
            pass
        handle, probe = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    except OSError:
        return False
    os.close(handle)
    with suppress(OSError):  # a virus scanner may hold it a moment: harmless
        os.unlink(probe)
    return True


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

    config = alembic_config()
    if revision is not None and revision not in known_revisions():
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


def known_revisions() -> frozenset[str]:
    """Every schema revision this program can open (it upgrades the older ones)."""
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(alembic_config()).walk_revisions()
    return frozenset(script.revision for script in scripts)


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
    """Copy a live SQLite database in one step with the online backup API, then check it.

    One step (``pages=-1``) holds a read lock for the whole copy, so another process's
    writes cannot restart it; small steps may never finish while someone writes.
    """
    if not source.is_file():
        raise DatabaseUnavailable(
            QT_TRANSLATE_NOOP("Errors", "There is no database at {db}."), db=str(source)
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    # Written under a temporary name and renamed once checked: a backup cut short (the PC
    # switched off mid-copy) never looks like a finished one.
    partial = target.with_name(target.name + PARTIAL_SUFFIX)
    try:
        src = sqlite3.connect(source)
        try:
            dst = sqlite3.connect(partial)
            try:
                src.backup(dst, pages=-1)
                # A backup is one self-contained file, not a WAL database needing -wal/-shm.
                dst.execute("PRAGMA journal_mode=DELETE")
                result = dst.execute("PRAGMA integrity_check").fetchone()
            finally:
                dst.close()
        finally:
            src.close()
        if result is None or result[0] != "ok":
            raise DatabaseError(
                QT_TRANSLATE_NOOP("Errors", "The backup {backup} failed its integrity check."),
                backup=str(target),
            )
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    log.info("Backed up %s to %s", source, target)
    return target
