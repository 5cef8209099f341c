"""Shared fixtures: offscreen Qt, a private data folder, migrated and demo databases.

``db``, ``admin_ctx``, ``demo_db`` and ``demo_ctx`` are SQLite files by default and
PostgreSQL databases with ``REQDESK_TEST_BACKEND=postgresql`` (see tests/postgres_backend.py);
tests marked ``sqlite_only`` are skipped there.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.pop("REQDESK_LANG", None)
os.environ.pop("REQDESK_PASSWORD", None)
os.environ["REQDESK_DATA_DIR"] = tempfile.mkdtemp(prefix="reqdesk-test-data-")

import pytest
from PySide6.QtCore import QObject

from reqdesk import i18n
from reqdesk.db import Database, open_database
from reqdesk.services.context import Context
from reqdesk.services.demo import generate_demo
from reqdesk.services.setup import initialise, open_context
from reqdesk.ui.background import MainThreadGarbageCollector, collect_garbage_on_gui_thread
from reqdesk.ui.fonts import install_fonts
from tests import postgres_backend
from tests.postgres_backend import DatabaseFactory

ADMIN_PASSWORD = "admin-secret-1"
DEMO_AS_OF = date(2026, 11, 20)
FIXED_NOW = datetime(2026, 11, 20, 2, 0, tzinfo=UTC)
BACKEND = postgres_backend.selected_backend()
ON_POSTGRESQL = BACKEND == "postgresql"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "sqlite_only(reason): tests SQLite itself (files, backups, FTS5, WAL); "
        "skipped when REQDESK_TEST_BACKEND=postgresql",
    )


def pytest_report_header() -> str:
    return f"reqdesk test database: {BACKEND}"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    _mark_sqlite_only(config.rootpath, items)
    if not ON_POSTGRESQL:
        return
    for item in items:
        marker = item.get_closest_marker("sqlite_only")
        if marker is not None:
            reason = marker.kwargs.get("reason") or (marker.args[0] if marker.args else "")
            item.add_marker(pytest.mark.skip(reason=f"SQLite only: {reason}"))


def _mark_sqlite_only(root: Path, items: list[pytest.Item]) -> None:
    """Marks the tests listed in postgres_backend.SQLITE_ONLY; a stale name is an error."""
    seen: dict[str, set[str]] = {}
    for item in items:
        module = item.path.relative_to(root).as_posix() if item.path.is_relative_to(root) else ""
        name = getattr(item, "originalname", item.name)
        seen.setdefault(module, set()).add(name)
        reason = postgres_backend.SQLITE_ONLY.get(module, {}).get(name)
        if reason is not None:
            item.add_marker(pytest.mark.sqlite_only(reason=reason))
    for module, names in seen.items():
        stale = set(postgres_backend.SQLITE_ONLY.get(module, {})) - names
        if stale and len(names) > 1:  # a whole module collected, not one chosen test
            raise pytest.UsageError(f"SQLITE_ONLY names tests {module} no longer has: {stale}")


@pytest.fixture(scope="session", autouse=True)
def _chinese_by_default(qapp: object) -> None:
    """Simplified Chinese, installed into the test QApplication as the program does."""
    i18n.install("zh_CN")
    install_fonts(qapp)  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def _gui_thread_collector(qapp: QObject) -> MainThreadGarbageCollector:
    return collect_garbage_on_gui_thread(qapp)


@pytest.fixture(autouse=True)
def _collect_between_tests(_gui_thread_collector: MainThreadGarbageCollector) -> Iterator[None]:
    """As in the program, cycles are collected on the GUI thread only (here between tests)."""
    yield
    _gui_thread_collector.check()


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty database at the newest schema, migrated once and copied per test."""
    path = tmp_path_factory.mktemp("template") / "empty.db"
    open_database(path).dispose()
    return path


def copy_db(source: Path, target: Path) -> Path:
    shutil.copyfile(source, target)
    return target


@pytest.fixture
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """An empty database at the newest schema, private to the test."""
    if ON_POSTGRESQL:
        yield from _pg_copy(request, "pg_migrated_template")
        return
    template: Path = request.getfixturevalue("migrated_template")
    database = open_database(copy_db(template, tmp_path / "reqdesk.db"))
    yield database
    database.dispose()


@pytest.fixture
def admin_ctx(db: Database) -> Context:
    ctx, _actor = initialise(
        db,
        company_name="测试精密机械有限公司",
        site_code="SH01",
        admin_username="admin",
        admin_full_name="系统管理员",
        admin_password=ADMIN_PASSWORD,
        clock=lambda: FIXED_NOW,
    )
    return ctx


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small demo database (40 customers, 600 requirements), generated once."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    database = open_database(path)
    generate_demo(database, customers=40, requirements=600, seed=3, as_of=DEMO_AS_OF)
    database.dispose()
    return path


@pytest.fixture
def demo_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """A private copy of the small demo database."""
    if ON_POSTGRESQL:
        yield from _pg_copy(request, "pg_demo_template")
        return
    template: Path = request.getfixturevalue("demo_template")
    database = open_database(copy_db(template, tmp_path / "demo.db"))
    yield database
    database.dispose()


@pytest.fixture
def demo_ctx(demo_db: Database) -> Context:
    """A context on a copy of the demo database, signed in as nobody yet."""
    return open_context(demo_db)


@pytest.fixture(autouse=True)
def _restore_language() -> Iterator[None]:
    yield
    if i18n.current_language() != "zh_CN":
        i18n.install("zh_CN")


@pytest.fixture(scope="session")
def pg_databases() -> Iterator[DatabaseFactory]:
    """The PostgreSQL server of this session: ``REQDESK_TEST_PG_URL`` or a private pgserver."""
    given = os.environ.get(postgres_backend.PG_URL_ENV, "").strip()
    if given:
        factory = DatabaseFactory(postgres_backend.with_psycopg(given))
        yield factory
        factory.close()
        return
    pytest.importorskip("pgserver", reason=f"set {postgres_backend.PG_URL_ENV} or install pgserver")
    with postgres_backend.pgserver_url() as uri:
        factory = DatabaseFactory(postgres_backend.with_psycopg(uri))
        yield factory
        factory.close()


@pytest.fixture(scope="session")
def pg_migrated_template(pg_databases: DatabaseFactory) -> str:
    """The name of an empty PostgreSQL database at the newest schema, migrated once."""
    name = pg_databases.create("template")
    open_database(pg_databases.url(name)).dispose()
    return name


@pytest.fixture(scope="session")
def pg_demo_template(pg_databases: DatabaseFactory) -> str:
    """The small demo company on PostgreSQL (as ``demo_template``), generated once."""
    name = pg_databases.create("demo_template")
    database = open_database(pg_databases.url(name))
    generate_demo(database, customers=40, requirements=600, seed=3, as_of=DEMO_AS_OF)
    database.dispose()
    return name


def _pg_copy(request: pytest.FixtureRequest, template_fixture: str) -> Iterator[Database]:
    factory: DatabaseFactory = request.getfixturevalue("pg_databases")
    template: str = request.getfixturevalue(template_fixture)
    name = factory.create(request.node.name, template=template)
    database = open_database(factory.url(name))
    yield database
    database.dispose()
    factory.drop(name)


@pytest.fixture(scope="session")
def postgres_server(pg_databases: DatabaseFactory) -> str:
    """The session's PostgreSQL server as a SQLAlchemy URL (its maintenance database)."""
    return pg_databases.server.render_as_string(hide_password=False)


@pytest.fixture
def postgres_url(pg_databases: DatabaseFactory, request: pytest.FixtureRequest) -> Iterator[str]:
    """A new, empty PostgreSQL database for one test (as a SQLAlchemy URL)."""
    name = pg_databases.create(request.node.name)
    yield pg_databases.url(name).render_as_string(hide_password=False)
    pg_databases.drop(name)
