"""The PostgreSQL half of the test suite: which server, and cheap databases on it.

``REQDESK_TEST_BACKEND=postgresql`` runs the ``db``/``demo_db`` fixtures on PostgreSQL.
The server is ``REQDESK_TEST_PG_URL`` when set (any database on it the user may connect
to; the user needs CREATEDB), otherwise a private server from the pgserver package.
Each test gets its own database, copied from a template migrated once per session
(``CREATE DATABASE … TEMPLATE``), so a test costs a file copy on the server, not a migration.
"""

from __future__ import annotations

import itertools
import os
import shutil
import tempfile
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import URL, make_url

BACKEND_ENV = "REQDESK_TEST_BACKEND"
PG_URL_ENV = "REQDESK_TEST_PG_URL"
BACKENDS = ("sqlite", "postgresql")


def selected_backend() -> str:
    """``sqlite`` (the default) or ``postgresql``; anything else is a mistake worth stopping."""
    backend = os.environ.get(BACKEND_ENV, "sqlite").strip().lower() or "sqlite"
    if backend not in BACKENDS:
        raise RuntimeError(f"{BACKEND_ENV}={backend!r}: use one of {', '.join(BACKENDS)}")
    return backend


def with_psycopg(url: str) -> URL:
    """A server address as given (``postgresql://…``) made into a psycopg 3 URL."""
    parsed = make_url(url.strip())
    if parsed.get_backend_name() != "postgresql":
        raise RuntimeError(f"{PG_URL_ENV} must be a postgresql:// address, not {parsed.drivername}")
    return parsed.set(drivername="postgresql+psycopg")


@contextmanager
def pgserver_url() -> Iterator[str]:
    """A throw-away server from the pgserver package (its own PostgreSQL binaries).

    Its folder is not under pytest's temporary folders: another pytest run on the same
    machine deletes all but the newest three of those, server files included.
    """
    import pgserver  # type: ignore[import-untyped]

    warnings.filterwarnings("ignore", message=".*XDG_RUNTIME_DIR.*")
    folder = Path(tempfile.mkdtemp(prefix="reqdesk-pg-"))
    server = pgserver.get_server(folder, cleanup_mode="stop")
    try:
        yield server.get_uri()
    finally:
        server.cleanup()
        shutil.rmtree(folder, ignore_errors=True)


class DatabaseFactory:
    """Creates and drops databases on one server, names unique to this test session."""

    def __init__(self, server: URL) -> None:
        self.server = server
        self._admin = sa.create_engine(server, isolation_level="AUTOCOMMIT", poolclass=sa.NullPool)
        self._prefix = f"reqdesk_t{os.getpid()}_"
        self._numbers = itertools.count(1)
        self._made: set[str] = set()

    def url(self, name: str) -> URL:
        return self.server.set(database=name)

    def create(self, label: str, *, template: str | None = None) -> str:
        """A new database (empty, or a copy of ``template``); returns its name."""
        name = f"{self._prefix}{next(self._numbers)}_{_safe(label)}"[:63]
        copy = f' TEMPLATE "{template}"' if template else ""
        self._execute(f'CREATE DATABASE "{name}"{copy}')
        self._made.add(name)
        return name

    def drop(self, name: str) -> None:
        # FORCE (PostgreSQL 13+) ends connections a test left open, e.g. a leaked engine.
        self._execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        self._made.discard(name)

    def close(self) -> None:
        for name in sorted(self._made):
            self.drop(name)
        self._admin.dispose()

    def _execute(self, statement: str) -> None:
        with self._admin.connect() as conn:
            conn.exec_driver_sql(statement)


def _safe(label: str) -> str:
    return "".join(c if c.isalnum() else "_" for c in label.lower())[:40]


# Tests that check SQLite itself, marked ``sqlite_only`` from here (module → test → why).
# A name that no longer exists in its module stops the run, so the list cannot go stale.
_BACKUPS = "backups are SQLite file copies (PostgreSQL is backed up with pg_dump)"
_SEAL_TAMPERING = "tampers by dropping SQLite's triggers (PostgreSQL: test_postgresql_guards_*)"
_SITE_FILES = "its sites are copies of a SQLite file (the PostgreSQL office: test_sync_exchange)"
SQLITE_ONLY: dict[str, dict[str, str]] = {
    "tests/services/test_sync_property.py": {
        "test_three_offline_sites_end_with_the_same_records": _SITE_FILES,
    },
    "tests/models/test_database_settings.py": {
        "test_every_connection_gets_the_durable_settings": "SQLite pragmas (WAL, synchronous)",
        "test_writes_take_the_lock_at_begin": "SQLite's BEGIN IMMEDIATE",
        "test_foreign_keys_are_enforced": "SQLite's foreign_keys pragma (always on in PostgreSQL)",
    },
    "tests/models/test_migrations.py": {
        "test_upgrade_takes_a_checked_backup_first": "the pre-upgrade backup copies the file",
    },
    "tests/models/test_seal_check.py": {
        "test_changed_items_after_signing_are_named": _SEAL_TAMPERING,
        "test_a_recomputed_seal_does_not_match_the_audit_log": _SEAL_TAMPERING,
        "test_a_deleted_sign_off_and_a_hollow_guard_are_named": _SEAL_TAMPERING,
        "test_demo_sign_offs_are_covered_by_the_demo_entry": _SEAL_TAMPERING,
    },
    "tests/models/test_sign_off_guards.py": {
        "test_check_names_a_sign_off_altered_without_the_guards": _SEAL_TAMPERING,
    },
    "tests/services/test_lockout_and_reset.py": {
        "test_passwords_are_never_logged_or_stored_in_clear": "scans the SQLite file's bytes",
    },
    "tests/services/test_settings_admin.py": {
        "test_backups_go_to_the_chosen_folder_and_are_listed_from_both": _BACKUPS,
        "test_the_default_folder_is_stored_as_none": _BACKUPS,
        "test_bad_backup_settings_are_refused": _BACKUPS,
        "test_the_daily_backup_follows_the_folder_and_rotation": _BACKUPS,
        "test_an_unusable_folder_does_not_cost_the_days_backup": _BACKUPS,
        "test_the_start_up_lookup_reads_the_folder_from_a_damaged_file": _BACKUPS,
        "test_an_unreadable_file_falls_back_to_the_default_folder": _BACKUPS,
        "test_the_settings_table_holds_one_row_per_key": _BACKUPS,
        "test_probing_a_new_file_an_existing_database_and_a_stranger": "probes SQLite files",
    },
}
