"""The ledger's search box: Chinese anywhere in title and description through the FTS5
trigram index (three characters or more) or LIKE on the requirement table (one or two),
words ANDed, literal in every character; the index kept in step by triggers and checked
by ``reqdesk check``."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from reqdesk.models import Requirement
from reqdesk.services.check import run_check
from reqdesk.services.ledger_list import LedgerFilter, count_ledger, ledger_rows
from reqdesk.services.listing import Window
from reqdesk.services.requirements.registration import merge_requirements, update_registration
from tests.services.registration_inputs import form
from tests.services.workflow_inputs import Company, empty_template, opened_company

TEXTS = {
    "bearing": ("要求提供精密轴承材质证明", "客户来电，要求随货附材质证明。"),
    "noise": ("RD-620 轴承异响投诉", "Customer reports NOISE at 3000 rpm; 型号RD-620"),
    "price": ("报价单价格调整", "按50%_预付款重新报价，单价含税"),
    "delay": ("交货期延迟", "物流延误，客户要求说明原因"),
    "quote": ('包装要求"防潮"加强', "客户说:*不要* 用 AND 木箱 NEAR(海运) - 改用纸箱 备注:title"),
    "english": ("Spare parts catalogue request", "Send the PDF catalogue by e-mail."),
}
SYNTAX = [
    '"',
    '""',
    '"防潮"',
    '防潮"',
    '"防潮',
    "*",
    "木箱*",
    "*不要*",
    "AND",
    "木箱 AND 纸箱",
    "NEAR(",
    "NEAR(海运)",
    "NEAR(海运",
    "-",
    "- 改用",
    "-改用",
    ":",
    "title:防潮",
    "备注:title",
    "title:",
    "(",
    ")",
    "^",
    "'",
    "\\",
    "OR",
    "NOT",
    "{title}",
    "+",
    ".",
]


def fill(company: Company) -> dict[str, int]:
    return {
        name: company.register(title=title, description=description)
        for name, (title, description) in TEXTS.items()
    }


@pytest.fixture(scope="module")
def searched(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Company, dict[str, int]]]:
    """The six requirements above, built once; these tests only search."""
    folder = tmp_path_factory.mktemp("ledger-search")
    with opened_company(empty_template(tmp_path_factory), folder) as company:
        yield company, fill(company)


@pytest.fixture
def company(tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> Iterator[Company]:
    """A fresh copy, for tests that change requirements or the index."""
    with opened_company(empty_template(tmp_path_factory), tmp_path) as opened:
        yield opened


def found(company: Company, text: str) -> set[int]:
    """The ids a search shows; its count must agree with its rows."""
    ctx = company.as_("zhuguan")
    rows = ledger_rows(ctx, LedgerFilter(text=text), Window(0, 1000))
    assert count_ledger(ctx, LedgerFilter(text=text)) == len(rows), text
    return {r.id for r in rows}


def literal(company: Company, text: str) -> set[int]:
    """What the search should find: every word (up to eight) literally, ASCII case aside,
    in the number, title or description."""
    with company.base.reading() as session:
        stored = session.execute(
            select(Requirement.id, Requirement.number, Requirement.title, Requirement.description)
        ).all()
    words = [w.lower() for w in text.split()[:8]]
    return {
        row.id
        for row in stored
        if all(w in f"{row.number}\n{row.title}\n{row.description}".lower() for w in words)
    }


def names(ids: dict[str, int], *chosen: str) -> set[int]:
    return {ids[n] for n in chosen}


def test_three_characters_or_more_match_title_and_description(
    searched: tuple[Company, dict[str, int]],
) -> None:
    """Chinese runs of three or more are found anywhere in the title or the description."""
    company, ids = searched
    assert found(company, "材质证明") == names(ids, "bearing")
    assert found(company, "精密轴承") == names(ids, "bearing")
    assert found(company, "随货附") == names(ids, "bearing")  # description only
    assert found(company, "物流延误") == names(ids, "delay")
    assert found(company, "没有这样的需求") == set()


def test_one_or_two_characters(searched: tuple[Company, dict[str, int]]) -> None:
    """Single characters and pairs are found too (LIKE on the requirement table)."""
    company, ids = searched
    assert found(company, "轴") == names(ids, "bearing", "noise")
    assert found(company, "延误") == names(ids, "delay")
    assert found(company, "报价") == names(ids, "price")
    assert found(company, "价") == names(ids, "price")
    assert found(company, "鲸") == set()


def test_several_words_must_all_be_there(searched: tuple[Company, dict[str, int]]) -> None:
    """Words separated by spaces (also full-width ones) are ANDed, in any order."""
    company, ids = searched
    assert found(company, "轴承 投诉") == names(ids, "noise")
    assert found(company, "投诉 轴承") == names(ids, "noise")
    assert found(company, "轴承 证明") == names(ids, "bearing")
    assert found(company, "轴承 延误") == set()
    assert found(company, "客户 要求 原因") == names(ids, "delay")
    assert found(company, "轴承\u3000投诉") == names(ids, "noise")


def test_mixed_chinese_ascii_and_case(searched: tuple[Company, dict[str, int]]) -> None:
    """ASCII is found whatever its case; Chinese and ASCII mix within a word."""
    company, ids = searched
    assert found(company, "型号RD") == names(ids, "noise")
    assert found(company, "620 轴承") == names(ids, "noise")
    for text in ("noise", "NoIsE", "NOISE"):
        assert found(company, text) == names(ids, "noise")
    assert found(company, "CATALOGUE") == names(ids, "english")
    assert found(company, "rd") == found(company, "RD") == names(ids, "noise")
    assert found(company, "pd") == names(ids, "english")
    assert found(company, "3000") == names(ids, "noise")


def test_requirement_numbers(searched: tuple[Company, dict[str, int]]) -> None:
    """A number, whole or in part, in any case, finds its requirement."""
    company, ids = searched
    number = company.requirement(ids["price"]).number
    assert found(company, number) == names(ids, "price")
    assert found(company, number.lower()) == names(ids, "price")
    assert found(company, number[-3:]) == names(ids, "price")
    assert found(company, "RQ-2026") == set(ids.values())
    assert found(company, "Q-") == set(ids.values())


@pytest.mark.parametrize("text", SYNTAX)
def test_search_syntax_characters_are_plain_text(
    searched: tuple[Company, dict[str, int]], text: str
) -> None:
    """Quotes, *, AND, NEAR(, -, : and brackets never raise and only match themselves."""
    company, _ids = searched
    assert found(company, text) == literal(company, text)


def test_like_wildcards_are_literal(searched: tuple[Company, dict[str, int]]) -> None:
    """% and _ match only themselves, short or long."""
    company, ids = searched
    for text in ("%", "_", "%_", "50%", "_预", "%_预付"):
        assert found(company, text) == names(ids, "price"), text
    assert found(company, "%%") == set()
    assert found(company, "5_%") == set()


ALPHABET = "".join(sorted(set("".join(t + d for t, d in TEXTS.values())))) + '%_\\"*():-^'


@settings(max_examples=150, deadline=None)
@given(text=st.text(alphabet=ALPHABET + "  ", max_size=12))
def test_any_search_finds_exactly_the_literal_matches(
    searched: tuple[Company, dict[str, int]], text: str
) -> None:
    """Whatever is typed, the ledger shows the rows that contain every word literally."""
    company, _ids = searched
    assert found(company, text) == literal(company, text)


def test_edits_and_deletes_reach_the_index(company: Company) -> None:
    """A changed title is found by its new words only; a deleted requirement is gone."""
    ids = fill(company)
    bearing = company.requirement(ids["bearing"])
    changed = form(
        title="要求提供不锈钢法兰检验报告",
        description="出口件需附第三方报告",
        received_at=bearing.received_at,
    )
    assert update_registration(company.as_("kefu"), bearing.id, changed)
    assert found(company, "不锈钢法兰") == {bearing.id}
    assert found(company, "精密轴承") == set()
    assert found(company, "随货附") == set()
    assert found(company, "第三方报告") == {bearing.id}
    with company.db.write_sessions() as session:
        session.delete(session.get(Requirement, ids["delay"]))
        session.commit()
    assert found(company, "物流延误") == found(company, "延误") == set()
    assert run_check(company.db).ok, run_check(company.db).problems


def test_a_merged_requirement_s_text_is_found_in_its_target(company: Company) -> None:
    """Merging appends the source's title and description to the target: both are found."""
    target = company.register(title="齿轮箱漏油", description="现场发现渗油")
    source = company.register(title="不锈钢螺栓防锈处理", description="海边工况，需盐雾试验")
    merge_requirements(company.as_("kefu"), source, target)
    assert found(company, "螺栓防锈") == {source, target}
    assert found(company, "盐雾试验") == {source, target}
    assert found(company, "漏油 盐雾") == {target}


def raw(company: Company, statement: str, *params: object) -> None:
    """SQL run behind the program's back, as another tool would."""
    assert company.db.sqlite_path is not None
    with sqlite3.connect(company.db.sqlite_path) as conn:
        conn.execute(statement, params)
    conn.close()


def test_check_reports_an_index_out_of_step(company: Company) -> None:
    """An index entry removed behind reqdesk's back: three-character searches miss the row,
    short ones still find it, and check names the search index."""
    ids = fill(company)
    clean = run_check(company.db)
    assert clean.ok and "search index" in clean.checked
    title, description = TEXTS["bearing"]
    raw(
        company,
        "INSERT INTO requirement_fts(requirement_fts, rowid, title, description) "
        "VALUES ('delete', ?, ?, ?)",
        ids["bearing"],
        title,
        description,
    )
    assert found(company, "材质证明") == set()  # the index answers three or more
    assert found(company, "材质") == {ids["bearing"]}  # the table itself answers two
    problems = run_check(company.db).problems
    assert len(problems) == 1 and problems[0].startswith("search index: requirement_fts does")
    raw(company, "INSERT INTO requirement_fts(requirement_fts) VALUES ('rebuild')")
    assert run_check(company.db).ok
    assert found(company, "材质证明") == {ids["bearing"]}


def test_check_reports_a_missing_index(company: Company) -> None:
    """A dropped search table is named."""
    raw(company, "DROP TABLE requirement_fts")
    problems = run_check(company.db).problems
    assert problems == ["search index: the table requirement_fts is missing; searches cannot run"]
