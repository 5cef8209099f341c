"""Searching on PostgreSQL, with and without the pg_trgm indexes of migration 0008.

    python bench/pg_search.py [--customers 500] [--requirements 100000] [--keep] [--sqlite]

The server is REQDESK_BENCH_PG_URL (postgresql://USER@HOST/DB, a user who may create
databases), else a throw-away server of the pgserver package (built without pg_trgm:
then there are only the figures without the index). The demo company is generated into
a new database on it (--keep leaves it there and uses it again next time).

For each search, what the ledger tab and the customer list do (count, then the first
page of 200 rows, through the services): median and worst milliseconds of several runs,
and which trigram indexes PostgreSQL's plan reads. First with the indexes, then with
them dropped (they are made again afterwards, timed: what the migration costs on an
existing database of that size). --sqlite adds the same searches on the
SQLite demo (FTS5) for reference. Figures only, never pass or fail.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import tempfile
import time
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import URL, make_url

from reqdesk.db import HEAD_REVISION, Database, current_revision, open_database
from reqdesk.services import auth
from reqdesk.services.context import Context
from reqdesk.services.customers.listing import (
    CustomerFilter,
    count_customers,
    customer_rows,
    search_customers,
)
from reqdesk.services.demo import DEMO_PASSWORD, generate_demo
from reqdesk.services.ledger_list import LedgerFilter, count_ledger, ledger_rows
from reqdesk.services.listing import Window
from reqdesk.services.setup import open_context

URL_ENV = "REQDESK_BENCH_PG_URL"
LEDGER_SEARCHES = [
    ("Chinese, 2 characters", "报价"),
    ("Chinese, 4 characters", "质量检验"),
    ("Chinese, 2 words", "交货 包装"),
    ("ASCII word, 2 characters", "mm"),
    ("ASCII word, 4 characters, no hit", "PPAP"),
    ("number fragment", "2026-0123"),
    ("whole number, lower case", "hq-rq-2026-04567"),
]
CUSTOMER_SEARCHES = [
    ("customers: Chinese, 4 characters", "有限公司"),
    ("customers: Chinese, 2 characters", "安润"),
    ("customers: phone fragment", "0571-26"),
    ("customers: credit code, lower case", "91330106peb"),
]
INDEX_NAME = re.compile(r"ix_\w+_trgm")


def median_ms(call: Callable[[], object], times: int = 7) -> tuple[float, float]:
    call()  # warm the plan and page caches
    samples = []
    for _ in range(times):
        started = time.perf_counter()
        call()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples), max(samples)


def ledger_search(ctx: Context, text: str) -> Callable[[], int]:
    def run() -> int:
        total = count_ledger(ctx, LedgerFilter(text=text))
        ledger_rows(ctx, LedgerFilter(text=text), Window(0, 200))
        return total

    return run


def customer_search(ctx: Context, text: str) -> Callable[[], int]:
    def run() -> int:
        total = count_customers(ctx, CustomerFilter(text=text))
        customer_rows(ctx, CustomerFilter(text=text), Window(0, 200))
        return total

    return run


def indexes_read(ctx: Context, call: Callable[[], object]) -> str:
    """The trigram indexes in the plans of the SELECTs ``call`` sends ("-": none)."""
    sent: list[tuple[str, Any]] = []

    def capture(_c: Any, _cur: Any, statement: str, parameters: Any, *_: Any) -> None:
        if statement.lstrip().startswith("SELECT"):
            sent.append((statement, parameters))

    sa.event.listen(ctx.db.engine, "before_cursor_execute", capture)
    try:
        call()
    finally:
        sa.event.remove(ctx.db.engine, "before_cursor_execute", capture)
    names: set[str] = set()
    with ctx.db.engine.connect() as conn:
        for statement, parameters in sent:
            plan = conn.exec_driver_sql("EXPLAIN " + statement, parameters).scalars().all()
            names.update(INDEX_NAME.findall("\n".join(plan)))
    return ", ".join(sorted(n.removeprefix("ix_").removesuffix("_trgm") for n in names)) or "-"


def measure(ctx: Context, explain: bool) -> None:
    searches = [(label, ledger_search(ctx, text)) for label, text in LEDGER_SEARCHES]
    searches += [(label, customer_search(ctx, text)) for label, text in CUSTOMER_SEARCHES]
    for label, run in searches:
        median, worst = median_ms(run)
        plan = f", indexes read: {indexes_read(ctx, run)}" if explain else ""
        print(f"  {label}: median {median:.0f} ms, worst {worst:.0f} ms, {run():,} rows{plan}")
    median, worst = median_ms(lambda: search_customers(ctx, "杭州"))
    print(f"  customer type-ahead 杭州: median {median:.1f} ms, worst {worst:.1f} ms")


@contextmanager
def server() -> Iterator[URL]:
    given = os.environ.get(URL_ENV, "").strip()
    if given:
        yield make_url(given).set(drivername="postgresql+psycopg")
        return
    import pgserver

    warnings.filterwarnings("ignore", message=".*XDG_RUNTIME_DIR.*")
    folder = Path(tempfile.mkdtemp(prefix="reqdesk-bench-pg-"))
    pg = pgserver.get_server(folder, cleanup_mode="stop")
    try:
        yield make_url(pg.get_uri()).set(drivername="postgresql+psycopg")
    finally:
        pg.cleanup()
        shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def demo_on(address: URL, customers: int, requirements: int, keep: bool) -> Iterator[Database]:
    """The demo company in its own database on the server (dropped afterwards unless kept)."""
    name = f"reqdesk_bench_search_{customers}_{requirements}"
    admin = sa.create_engine(address, isolation_level="AUTOCOMMIT", poolclass=sa.NullPool)
    with admin.connect() as conn:
        exists = conn.exec_driver_sql(
            "SELECT 1 FROM pg_database WHERE datname = %(name)s", {"name": name}
        ).first()
        if exists and not keep:
            conn.exec_driver_sql(f'DROP DATABASE "{name}" WITH (FORCE)')
        if not exists or not keep:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    database = open_database(address.set(database=name).render_as_string(hide_password=False))
    try:
        if not (exists and keep and current_revision(database) == HEAD_REVISION):
            started = time.perf_counter()
            generate_demo(
                database,
                customers=customers,
                requirements=requirements,
                seed=1,
                as_of=date(2026, 11, 20),
            )
            print(f"demo generated in {time.perf_counter() - started:.0f} s")
            with database.engine.connect() as conn:
                conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("ANALYZE")
        yield database
    finally:
        database.dispose()
        if not keep:
            with admin.connect() as conn:
                conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


def describe(database: Database) -> dict[str, str]:
    """Server version, locale, and what pg_trgm makes of Chinese; the trigram indexes."""
    with database.engine.connect() as conn:
        version = conn.exec_driver_sql("SHOW server_version").scalar()
        ctype = conn.exec_driver_sql(
            "SELECT datctype FROM pg_database WHERE datname = current_database()"
        ).scalar()
        trgm = conn.exec_driver_sql("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'").first()
        chinese = conn.exec_driver_sql("SELECT show_trgm('质量检验')").scalar() if trgm else None
        rows = conn.exec_driver_sql(
            "SELECT indexname, indexdef FROM pg_indexes WHERE indexdef LIKE '%%gin_trgm_ops%%'"
        )
        indexes: dict[str, str] = {name: definition for name, definition in rows}
    print(f"PostgreSQL {version}, LC_CTYPE {ctype}, pg_trgm {'installed' if trgm else 'missing'}")
    if trgm:
        print(f"trigrams pg_trgm finds in 质量检验: {len(chinese or [])}")
    print(f"trigram indexes: {len(indexes)}")
    return indexes


def compare(database: Database) -> None:
    base = open_context(database)
    ctx = base.as_actor(auth.login(base, "zhuguan", DEMO_PASSWORD))
    indexes = describe(database)
    if indexes:
        print("with the trigram indexes:")
        measure(ctx, explain=True)
        with database.engine.begin() as conn:
            for name in indexes:
                conn.exec_driver_sql(f"DROP INDEX {name}")
    print("without them (every search reads the tables):" if indexes else "without indexes:")
    try:
        assert isinstance(ctx, Context)
        measure(ctx, explain=False)
    finally:
        started = time.perf_counter()
        with database.engine.begin() as conn:
            for definition in indexes.values():
                conn.exec_driver_sql(definition)
        if indexes:
            seconds = time.perf_counter() - started
            print(f"indexes made again in {seconds:.1f} s (what 0008 costs on this database)")


def sqlite_reference() -> None:
    from demo_generation import big_demo_copy

    with big_demo_copy("zhuguan") as (_path, ctx):
        print("SQLite (FTS5 trigram table), for reference:")
        assert isinstance(ctx, Context)
        measure(ctx, explain=False)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--customers", type=int, default=500)
    parser.add_argument("--requirements", type=int, default=100_000)
    parser.add_argument("--keep", action="store_true", help="keep the database for next time")
    parser.add_argument("--sqlite", action="store_true", help="also the SQLite demo")
    args = parser.parse_args()
    with (
        server() as address,
        demo_on(address, args.customers, args.requirements, args.keep) as database,
    ):
        rows = count_ledger_rows(database)
        print(f"{args.customers:,} customers, {rows:,} requirements")
        compare(database)
    if args.sqlite:
        sqlite_reference()


def count_ledger_rows(database: Database) -> int:
    with database.engine.connect() as conn:
        return int(conn.exec_driver_sql("SELECT COUNT(*) FROM requirement").scalar() or 0)


if __name__ == "__main__":
    main()
