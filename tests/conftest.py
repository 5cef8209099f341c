"""Shared fixtures: offscreen Qt, a private data folder, migrated and demo databases."""

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

ADMIN_PASSWORD = "admin-secret-1"
DEMO_AS_OF = date(2026, 11, 20)
FIXED_NOW = datetime(2026, 11, 20, 2, 0, tzinfo=UTC)


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
def db(migrated_template: Path, tmp_path: Path) -> Iterator[Database]:
    database = open_database(copy_db(migrated_template, tmp_path / "reqdesk.db"))
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
def demo_db(demo_template: Path, tmp_path: Path) -> Iterator[Database]:
    database = open_database(copy_db(demo_template, tmp_path / "demo.db"))
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
def postgres_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A private PostgreSQL server (the pgserver package's own binaries), for the session."""
    import warnings

    warnings.filterwarnings("ignore", message=".*XDG_RUNTIME_DIR.*")
    pgserver = pytest.importorskip("pgserver")
    server = pgserver.get_server(tmp_path_factory.mktemp("pg"), cleanup_mode="stop")
    yield server.get_uri()
    server.cleanup()


@pytest.fixture
def postgres_url(postgres_server: str, request: pytest.FixtureRequest) -> str:
    """A new, empty PostgreSQL database for one test (as a SQLAlchemy URL)."""
    import re

    import sqlalchemy as sa

    name = "t_" + re.sub(r"\W", "_", request.node.name)[:50].lower()
    base = postgres_server.replace("postgresql://", "postgresql+psycopg://")
    engine = sa.create_engine(base, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}"')
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    engine.dispose()
    return base.replace("/postgres?", f"/{name}?")
