"""The ledger and customer searches give the same rows on SQLite and PostgreSQL: those a
plain Python filter picks from the same data (REQDESK_TEST_BACKEND chooses the backend).

The rule (reqdesk/services/search.py): every character literally, ASCII letters in either
case; in ledger words of three characters or more every other letter too (Ａ/ａ, Ä/ä).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import event, select, text

from reqdesk.db import (
    HEAD_REVISION,
    Database,
    DatabaseUnavailable,
    _migration_connection,
    alembic_config,
    current_revision,
    open_database,
)
from reqdesk.models import Customer, CustomerContact, Requirement
from reqdesk.services.context import Context
from reqdesk.services.customers.files import create_customer
from reqdesk.services.customers.forms import ContactInput, CustomerInput
from reqdesk.services.customers.listing import (
    CustomerFilter,
    count_customers,
    customer_rows,
    search_customers,
)
from reqdesk.services.ledger_list import LedgerFilter, count_ledger, ledger_rows
from reqdesk.services.listing import Window
from reqdesk.services.requirements.registration import register_requirement
from reqdesk.services.search import trigram_index_problems
from reqdesk.services.setup import open_context
from tests.conftest import ON_POSTGRESQL, _pg_copy, copy_db
from tests.helpers import signed_in
from tests.postgres_backend import DatabaseFactory
from tests.services.registration_inputs import at_now, form

# Titles and descriptions added to the demo company: mixed case, full-width letters,
# accented letters, LIKE's wildcards and a backslash.
REQUIREMENTS = (
    ("Bearing NOISE check 轴承异响", "型号RD-620，客户要求 Quick Reply"),
    ("ＲＤ－６２０ 全角型号", "ｆｕｌｌ ｗｉｄｔｈ Ｌｅｔｔｅｒｓ，全角字母"),
    ("Müller GmbH 询价", "ÄBC-Teil 报价 über 5000"),
    ("按50%_预付款重新报价", "路径 C:\\data\\报价单.xlsx"),
)
CUSTOMERS = (
    CustomerInput(
        name="ABC 公司",
        short_name="ＡＢＣ",
        contacts=(ContactInput(name="Zhang Wei", phone="021-5555 0101", is_primary=True),),
    ),
    CustomerInput(
        name="Müller Präzision GmbH",
        short_name="Müller",
        contacts=(ContactInput(name="Jürgen MÜLLER", mobile="13900001111"),),
    ),
)
LEDGER_WORDS = [
    # Chinese: one, two, three and more characters; several words
    "轴",
    "报价",
    "全角型",
    "客户要求",
    "希望",
    "轴承 异响",
    "客户 要求 希望",
    "报价 Teil",
    # ASCII in any case, short and long
    "noise",
    "NoIsE",
    "rd",
    "Rd-6",
    "号r",
    "quick REPLY",
    "gmbh",
    "e",
    # requirement numbers
    "hq-rq",
    "RQ-2026-0000",
    "00004",
    "q-",
    # full-width and accented letters: folded in words of three or more only
    "ｌｅｔｔｅｒｓ",
    "ＬＥＴＴＥＲＳ",
    "ｌｅ",
    "Ｌｅ",
    "ＲＤ－６",
    "ｒｄ",
    "müller",
    "MÜLLER",
    "äbc",
    "Äb",
    "äb",
    "ÜBER",
    # literal wildcards and backslashes
    "50%",
    "%_预",
    "_",
    "\\data",
    "C:\\",
    "没有这样的需求",
]
CUSTOMER_TEXTS = [
    "abc",
    "ABC 公",
    "ａｂｃ",
    "ＡＢＣ",
    "公司",
    "有限公司",
    "司",
    "zhang",
    "ZHANG WEI",
    "5555 01",
    "0571",
    "hq-c-0000",
    "müller",
    "MÜLLER",
    "jürgen",
    "präzision",
    "%",
    "_",
    "没有这样的客户",
]
ASCII_FOLD = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


@dataclass
class Company:
    ctx: Context
    requirement_ids: list[int]
    customer_ids: list[int]


def demo_copy(request: pytest.FixtureRequest, folder: Path) -> Iterator[Database]:
    """A private copy of the small demo company on the backend under test."""
    if ON_POSTGRESQL:
        yield from _pg_copy(request, "pg_demo_template")
        return
    template: Path = request.getfixturevalue("demo_template")
    database = open_database(copy_db(template, folder / "demo.db"))
    yield database
    database.dispose()


@pytest.fixture(scope="module")
def company(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Company]:
    """The demo company (600 requirements, 40 customers) and the rows above, viewed by
    the supervisor; built once, as the tests here only search."""
    copies = demo_copy(request, tmp_path_factory.mktemp("search-backends"))
    demo_ctx = open_context(next(copies))
    desk = at_now(signed_in(demo_ctx, "kefu"))
    requirement_ids = [
        register_requirement(desk, form(title=title, description=description)).id
        for title, description in REQUIREMENTS
    ]
    customer_ids = [create_customer(desk, customer) for customer in CUSTOMERS]
    yield Company(signed_in(demo_ctx, "zhuguan"), requirement_ids, customer_ids)
    next(copies, None)


# --- what a plain filter finds ---------------------------------------------------


def holds(value: str, word: str, *, fold_every_letter: bool) -> bool:
    if fold_every_letter:
        return word.lower() in value.lower()
    return word.translate(ASCII_FOLD) in value.translate(ASCII_FOLD)


def ledger_expected(ctx: Context, text: str) -> set[int]:
    """Every word (up to eight) in the number, the title or the description."""
    with ctx.reading() as session:
        rows = session.execute(
            select(Requirement.id, Requirement.number, Requirement.title, Requirement.description)
        ).all()
    words = text.split()[:8]
    return {
        row.id
        for row in rows
        if all(
            any(holds(value, w, fold_every_letter=len(w) >= 3) for value in row[1:]) for w in words
        )
    }


def customer_expected(ctx: Context, text: str, *, contacts: bool = True) -> set[int]:
    """The whole text in the name, short name, code, credit code or (``contacts``) a
    contact's name, phone or mobile."""
    needle = text.strip()
    with ctx.reading() as session:
        values: dict[int, list[str]] = {}
        for row in session.execute(
            select(Customer.id, Customer.name, Customer.short_name, Customer.code)
        ):
            values[row.id] = [row.name, row.short_name, row.code]
        for customer_id, credit_code in session.execute(select(Customer.id, Customer.credit_code)):
            values[customer_id].append(credit_code or "")
        if contacts:
            for row in session.execute(
                select(
                    CustomerContact.customer_id,
                    CustomerContact.name,
                    CustomerContact.phone,
                    CustomerContact.mobile,
                )
            ):
                values[row.customer_id] += [row.name, row.phone, row.mobile]
    return {
        customer_id
        for customer_id, texts in values.items()
        if any(holds(v or "", needle, fold_every_letter=False) for v in texts)
    }


# --- what the services find --------------------------------------------------------


def ledger_found(ctx: Context, text: str) -> set[int]:
    rows = ledger_rows(ctx, LedgerFilter(text=text), Window(0, 1000))
    assert count_ledger(ctx, LedgerFilter(text=text)) == len(rows), text
    return {r.id for r in rows}


def customers_found(ctx: Context, text: str) -> set[int]:
    rows = customer_rows(ctx, CustomerFilter(text=text), Window(0, 1000))
    assert count_customers(ctx, CustomerFilter(text=text)) == len(rows), text
    return {r.id for r in rows}


@pytest.mark.parametrize("text", LEDGER_WORDS)
def test_ledger_search_finds_what_a_plain_filter_finds(company: Company, text: str) -> None:
    """Chinese, ASCII in any case, numbers, full-width and accented words, wildcards."""
    assert ledger_found(company.ctx, text) == ledger_expected(company.ctx, text)


def test_the_rule_spelt_out(company: Company) -> None:
    """The cases the comparison above rests on, stated once."""
    ctx = company.ctx
    english, full_width, accented, wildcards = company.requirement_ids
    assert ledger_found(ctx, "NoIsE") == ledger_found(ctx, "rd-620") == {english}
    assert (
        ledger_found(ctx, "ｌｅｔｔｅｒｓ") == ledger_found(ctx, "ＬＥＴＴＥＲＳ") == {full_width}
    )
    assert ledger_found(ctx, "ｌｅ") == set()  # two characters: only ASCII folds
    assert ledger_found(ctx, "Ｌｅ") == {full_width}
    assert ledger_found(ctx, "MÜLLER") == ledger_found(ctx, "müller") == {accented}
    assert ledger_found(ctx, "äb") == set() and ledger_found(ctx, "ÄB") == {accented}
    assert ledger_found(ctx, "%_预") == ledger_found(ctx, "\\data") == {wildcards}
    assert len(ledger_found(ctx, "希望")) > 50


LETTERS = "".join(sorted(set("".join(t + d for t, d in REQUIREMENTS)) - {" "})) + "希望客户ａＡäÄ"


@settings(max_examples=60, deadline=None)
@given(
    words=st.lists(st.text(alphabet=LETTERS + "希望客户ａＡäÄ", min_size=1, max_size=4), max_size=3)
)
def test_any_words_find_what_a_plain_filter_finds(company: Company, words: list[str]) -> None:
    """Whatever short words are typed, both backends show the plain filter's rows."""
    text = " ".join(words)
    assert ledger_found(company.ctx, text) == ledger_expected(company.ctx, text)


@pytest.mark.parametrize("text", CUSTOMER_TEXTS)
def test_customer_search_finds_what_a_plain_filter_finds(company: Company, text: str) -> None:
    """Names, short names, codes, credit codes, contacts' names and phones; ASCII letters
    in either case, other letters only as typed."""
    ctx = company.ctx
    assert customers_found(ctx, text) == customer_expected(ctx, text)
    choices = search_customers(ctx, text, limit=1000)
    assert {c.id for c in choices} == customer_expected(ctx, text, contacts=False)


def test_customer_search_ignores_ascii_case(company: Company) -> None:
    """ "abc" finds "ABC 公司" (PostgreSQL's LIKE alone would not); the type-ahead lists
    names that begin with the text first."""
    ctx = company.ctx
    abc, muller = company.customer_ids
    assert customers_found(ctx, "abc") == customers_found(ctx, "ABC") == {abc}
    assert customers_found(ctx, "zhang wei") == {abc}
    assert customers_found(ctx, "MÜLLER") == {muller}  # the contact Jürgen MÜLLER
    assert customers_found(ctx, "müller") == {muller}
    assert customers_found(ctx, "ａｂｃ") == set()  # full-width letters only as typed
    first = search_customers(ctx, "m", limit=1000)[0]
    assert first.id == muller


def test_a_long_credit_code_fragment_in_lower_case(company: Company) -> None:
    """A credit code is found from a fragment typed in lower case."""
    ctx = company.ctx
    with ctx.reading() as session:
        customer_id, code = session.execute(
            select(Customer.id, Customer.credit_code).where(Customer.credit_code != "").limit(1)
        ).one()
    fragment = code[4:12].lower()
    assert customer_id in customers_found(ctx, fragment)
    assert customers_found(ctx, fragment) == customer_expected(ctx, fragment)


# --- PostgreSQL: the trigram indexes ----------------------------------------------

postgresql_only = pytest.mark.skipif(not ON_POSTGRESQL, reason="PostgreSQL's pg_trgm indexes")
TRIGRAM_INDEXES = {
    f"ix_{table}_{column}_trgm"
    for table, columns in {
        "requirement": ("number", "title", "description"),
        "customer": ("name", "short_name", "code", "credit_code"),
        "customer_contact": ("name", "phone", "mobile"),
    }.items()
    for column in columns
}


def pg_trgm_available(db: Database) -> bool:
    with db.engine.connect() as conn:
        query = "SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'"
        return conn.exec_driver_sql(query).first() is not None


def trigram_indexes(db: Database) -> dict[str, str]:
    with db.engine.connect() as conn:
        query = text("SELECT indexname, indexdef FROM pg_indexes WHERE indexname LIKE :names")
        rows = conn.execute(query, {"names": "ix\\_%\\_trgm"})
        return {name: definition for name, definition in rows}


@contextmanager
def statements_sent(ctx: Context) -> Iterator[list[tuple[str, Any]]]:
    """The SQL (and its parameters) the block sends, as the driver gets it."""
    sent: list[tuple[str, Any]] = []

    def capture(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        sent.append((statement, parameters))

    event.listen(ctx.db.engine, "before_cursor_execute", capture)
    try:
        yield sent
    finally:
        event.remove(ctx.db.engine, "before_cursor_execute", capture)


def plan(ctx: Context, call: Callable[[], object]) -> str:
    """PostgreSQL's plan for the SELECT ``call`` sends, sequential scans disabled (the
    demo tables are small enough to read whole; the question is whether the index can
    answer at all)."""
    with statements_sent(ctx) as sent:
        call()
    statement, parameters = next(s for s in reversed(sent) if s[0].lstrip().startswith("SELECT"))
    with ctx.db.engine.connect() as conn:
        conn.exec_driver_sql("SET LOCAL enable_seqscan = off")
        lines = conn.exec_driver_sql("EXPLAIN " + statement, parameters).scalars().all()
        conn.rollback()
    return "\n".join(lines)


@postgresql_only
def test_the_migration_made_the_trigram_indexes_when_it_could(company: Company) -> None:
    """With pg_trgm on the server: ten GIN trigram indexes; without: none, and the
    database migrated all the same (searches above still pass)."""
    indexes = trigram_indexes(company.ctx.db)
    if not pg_trgm_available(company.ctx.db):
        assert indexes == {}
        return
    assert set(indexes) == TRIGRAM_INDEXES
    assert all("USING gin" in d and "gin_trgm_ops" in d for d in indexes.values()), indexes


@postgresql_only
def test_three_ascii_characters_or_more_are_answered_by_the_indexes(company: Company) -> None:
    """EXPLAIN: ledger words and a customer text of three ASCII characters or more (and
    Chinese, where the locale lets pg_trgm read it) can be answered by the trigram indexes
    of every column searched."""
    ctx = company.ctx
    if not pg_trgm_available(ctx.db):
        pytest.skip("the server has no pg_trgm: searches read every row")
    words = ["noise", "2026-0001"]  # ILIKE, and LIKE (nothing to fold)
    with ctx.db.engine.connect() as conn:
        if conn.exec_driver_sql("SELECT show_trgm('轴承异响')").scalar():
            words.append("轴承异响")  # this locale's LC_CTYPE counts Chinese as letters
    for word in words:
        ledger = plan(ctx, partial(count_ledger, ctx, LedgerFilter(text=word)))
        for column in ("number", "title", "description"):
            assert f"ix_requirement_{column}_trgm" in ledger, (word, ledger)
    customers = plan(ctx, lambda: count_customers(ctx, CustomerFilter(text="zhang")))
    for name in TRIGRAM_INDEXES - {i for i in TRIGRAM_INDEXES if "requirement" in i}:
        assert name in customers, customers


@postgresql_only
def test_results_do_not_change_when_the_indexes_answer(company: Company) -> None:
    """With sequential scans disabled every word goes through the indexes wherever they
    can answer; the rows are still the plain filter's."""
    ctx = company.ctx
    engine = ctx.db.engine

    def no_seqscan(dbapi_connection: Any, _record: Any) -> None:
        with dbapi_connection.cursor() as cursor:
            cursor.execute("SET enable_seqscan = off")

    engine.dispose()
    event.listen(engine, "connect", no_seqscan)
    try:
        for text in LEDGER_WORDS:
            assert ledger_found(ctx, text) == ledger_expected(ctx, text), text
        for text in CUSTOMER_TEXTS:
            assert customers_found(ctx, text) == customer_expected(ctx, text), text
    finally:
        event.remove(engine, "connect", no_seqscan)
        engine.dispose()


@postgresql_only
def test_downgrade_drops_the_indexes_and_upgrade_makes_them_again(db: Database) -> None:
    """0008 down: no trigram index left; up again: all of them (when pg_trgm is there)."""
    from alembic import command

    config = alembic_config()
    with _migration_connection(db) as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0007")
    assert current_revision(db) == "0007" and trigram_indexes(db) == {}
    with _migration_connection(db) as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
    expected = TRIGRAM_INDEXES if pg_trgm_available(db) else set()
    assert set(trigram_indexes(db)) == expected


@postgresql_only
def test_a_user_who_may_not_create_pg_trgm_still_migrates(pg_databases: DatabaseFactory) -> None:
    """CREATE EXTENSION refused (no CREATE right on the database): the migration goes on
    without indexes, and searching works."""
    admin = sa.create_engine(pg_databases.server, poolclass=sa.NullPool)
    role, password = f"reqdesk_noext_{os.getpid()}", "noext-secret-1"
    with admin.connect() as conn:
        may = conn.exec_driver_sql(
            "SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user"
        ).scalar()
        available = conn.exec_driver_sql(
            "SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'"
        ).first()
    if not (may and available):
        admin.dispose()
        pytest.skip("needs pg_trgm on the server and a user who may create roles")
    name = pg_databases.create("noext")
    with admin.connect() as conn:
        conn.exec_driver_sql(f"CREATE ROLE {role} LOGIN PASSWORD '{password}'")
        conn.commit()
    database: Database | None = None
    try:
        granting = sa.create_engine(pg_databases.url(name), poolclass=sa.NullPool)
        with granting.begin() as conn:  # tables, yes; extensions, no
            conn.exec_driver_sql(f"GRANT CREATE, USAGE ON SCHEMA public TO {role}")
        granting.dispose()
        url = pg_databases.url(name).set(username=role, password=password)
        try:
            database = open_database(url)
        except DatabaseUnavailable:
            pytest.skip("the server does not let a new role sign in with a password")
        assert current_revision(database) == HEAD_REVISION
        assert trigram_indexes(database) == {}
        with database.engine.connect() as conn:
            installed = "SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'"
            assert conn.exec_driver_sql(installed).first() is None
    finally:
        if database is not None:
            database.dispose()
        pg_databases.drop(name)
        with admin.connect() as conn:
            conn.exec_driver_sql(f"DROP ROLE IF EXISTS {role}")
            conn.commit()
        admin.dispose()


@postgresql_only
def test_check_helper_names_a_missing_trigram_index(db: Database) -> None:
    """trigram_index_problems: nothing when all are there (or pg_trgm is not), then the
    dropped one by name."""
    with db.engine.connect() as conn:
        assert trigram_index_problems(conn) == []
    if not pg_trgm_available(db):
        return
    with db.engine.begin() as conn:
        conn.exec_driver_sql("DROP INDEX ix_customer_contact_mobile_trgm")
    with db.engine.connect() as conn:
        problems = trigram_index_problems(conn)
    assert len(problems) == 1 and problems[0].startswith(
        "search index: ix_customer_contact_mobile_trgm is missing"
    )
