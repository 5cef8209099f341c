"""Bad input through the services: customer files, registrations, transactions, reviews,
the holiday calendar. Each is refused with a clear message and changes nothing, or (where
the program accepts it) is stored exactly as typed."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import inspect

from reqdesk.models.enums import DayKind
from reqdesk.services.calendar import DayRow, import_calendar_file, save_year
from reqdesk.services.context import Context
from reqdesk.services.customers.files import (
    approve_customer,
    create_customer,
    get_customer,
    reject_customer,
    update_customer,
)
from reqdesk.services.customers.forms import ContactInput, CustomerInput
from reqdesk.services.customers.sections import (
    TransactionInput,
    open_transactions,
    save_transaction,
)
from reqdesk.services.requirements.registration import register_requirement, update_registration
from reqdesk.services.requirements.views import get_requirement
from reqdesk.services.reviews.opening import OpenReviewInput, open_review
from tests.reliability.bad_inputs import People, company_actors_fixture, people_fixture, refused  # noqa: F401
from tests.services.registration_inputs import NOW, form
from tests.services.review_inputs import items

LONG = "长" * 100_000
SQL = "x'); DROP TABLE customer; --"
GOOD_CODE = "91350100M000100Y43"


@pytest.fixture
def desk(people: People) -> Context:
    """The service desk's operator at a fixed Thursday morning."""
    return people("kefu")


# --- customer files -------------------------------------------------------------------

CUSTOMER_CASES: list[tuple[str, dict[str, Any], str, tuple[str, ...]]] = [
    ("name-empty", {"name": ""}, "name", ()),
    ("name-only-spaces", {"name": " \u3000\t "}, "name", ()),
    ("name-100000-characters", {"name": LONG}, "name", ("200", "100000")),
    ("name-NUL", {"name": "华东\x00精工"}, "name", ("U+0000",)),
    ("name-control-characters", {"name": "华东\x07精工\x1b"}, "name", ("U+0007", "U+001B")),
    ("name-emoji", {"name": "笑脸😀精工有限公司"}, "name", ("😀",)),
    ("name-right-to-left-override", {"name": "\u202e司公限有工精"}, "name", ("U+202E",)),
    ("name-zero-width-space", {"name": "华东\u200b精工"}, "name", ("U+200B",)),
    (
        "credit-code-wrong-check-character",
        {"credit_code": "91350100M000100Y44"},
        "credit_code",
        ("3",),
    ),
    ("credit-code-17-characters", {"credit_code": GOOD_CODE[:17]}, "credit_code", ("17",)),
    ("credit-code-letter-O", {"credit_code": "91350100M000100O43"}, "credit_code", ("O",)),
    ("credit-code-sql", {"credit_code": "' OR '1'='1' --    "}, "credit_code", ()),
    ("website-with-spaces", {"website": "www example com"}, "website", ()),
    ("address-100000-characters", {"address": LONG}, "address", ("300",)),
    (
        "qualifications-100000-characters",
        {"qualification_notes": LONG},
        "qualification_notes",
        ("4000",),
    ),
    ("industry-bell-character", {"industry": "机械\x07"}, "industry", ("U+0007",)),
    ("custodian-unknown", {"custodian_id": 999_999}, "custodian_id", ()),
    (
        "phone-of-letters",
        {"contacts": (ContactInput("王工", phone="abcdefgh"),)},
        "contacts[0].phone",
        (),
    ),
    (
        "mobile-too-short",
        {"contacts": (ContactInput("王工", mobile="1391234"),)},
        "contacts[0].mobile",
        (),
    ),
    (
        "mobile-of-chinese-digits",
        {"contacts": (ContactInput("王工", mobile="一三八一二三四五六七八"),)},
        "contacts[0].mobile",
        (),
    ),
    (
        "email-without-domain",
        {"contacts": (ContactInput("王工", email="wang@"),)},
        "contacts[0].email",
        (),
    ),
    (
        "email-sql",
        {"contacts": (ContactInput("王工", email="a@b.c'; --"),)},
        "contacts[0].email",
        (),
    ),
    (
        "contact-without-name",
        {"contacts": (ContactInput(phone="021-62345678"),)},
        "contacts[0].name",
        (),
    ),
]


@pytest.mark.parametrize(
    ("changes", "field", "fragments"),
    [case[1:] for case in CUSTOMER_CASES],
    ids=[case[0] for case in CUSTOMER_CASES],
)
def test_a_bad_customer_file_is_refused(
    desk: Context, changes: dict[str, Any], field: str, fragments: tuple[str, ...]
) -> None:
    """A new customer file with one bad field: a clear message for that field, nothing stored."""
    bad = replace(CustomerInput(name="绍兴新航精密机械有限公司"), **changes)
    refused(desk, lambda: create_customer(desk, bad), *fragments, field=field)


def test_a_bad_edit_keeps_the_stored_file(desk: Context) -> None:
    """Emptying the name, a NUL in the address, a stale edit, an unknown file: each refused."""
    stored = get_customer(desk, 1)
    good = stored.as_input()
    refused(desk, lambda: update_customer(desk, 1, replace(good, name="  ")), field="name")
    bad_address = replace(good, address="上海\x00市")
    refused(desk, lambda: update_customer(desk, 1, bad_address), "U+0000", field="address")
    stale = stored.updated_at - timedelta(seconds=1)
    edit = replace(good, industry="模具")
    refused(desk, lambda: update_customer(desk, 1, edit, seen=stale), stored.code)
    refused(desk, lambda: update_customer(desk, 999_999, good))
    assert get_customer(desk, 1) == stored


def test_a_bad_approval_note_is_refused(people: People) -> None:
    """The general manager's note with a NUL, or a 100,000-character reason: refused."""
    pending = create_customer(people("kefu"), CustomerInput(name="绍兴新航精密机械有限公司"))
    manager = people("zongjingli")
    refused(
        manager,
        lambda: approve_customer(manager, pending, "同意\x00"),
        "U+0000",
        field="approval_note",
    )
    refused(manager, lambda: reject_customer(manager, pending, LONG), "2000", field="approval_note")
    refused(manager, lambda: reject_customer(manager, pending, " \u3000 "), field="approval_note")


def test_sql_looking_text_is_stored_literally(desk: Context) -> None:
    """A name and contact that look like SQL are kept exactly as typed and never run."""
    tables = set(inspect(desk.db.engine).get_table_names())
    new_id = create_customer(
        desk,
        CustomerInput(
            name=SQL, address="1; DELETE FROM audit_entry", contacts=(ContactInput("'--"),)
        ),
    )
    stored = get_customer(desk, new_id)
    assert (stored.name, stored.address, stored.contacts[0].name) == (
        SQL,
        "1; DELETE FROM audit_entry",
        "'--",
    )
    assert set(inspect(desk.db.engine).get_table_names()) == tables


def test_printable_symbols_are_accepted_but_emoji_are_not(desk: Context) -> None:
    """Stated behaviour: ★ and ① print on the forms and are kept; 😀 cannot and is refused."""
    new_id = create_customer(desk, CustomerInput(name="星★精工①有限公司"))
    assert get_customer(desk, new_id).name == "星★精工①有限公司"
    emoji = CustomerInput(name="星精工有限公司", short_name="星星✅")
    refused(desk, lambda: create_customer(desk, emoji), "✅", field="short_name")


# --- requirement registration ----------------------------------------------------------

BEIJING_1900 = datetime(1900, 1, 1, 2, 0, tzinfo=UTC)
REGISTRATION_CASES: list[tuple[str, dict[str, Any], str, tuple[str, ...]]] = [
    ("title-empty", {"title": ""}, "title", ()),
    ("title-only-spaces", {"title": " \u3000 "}, "title", ()),
    ("title-100000-characters", {"title": LONG}, "title", ("200",)),
    ("title-NUL", {"title": "材质\x00证明"}, "title", ("U+0000",)),
    ("title-emoji", {"title": "材质证明👍"}, "title", ("👍",)),
    ("title-right-to-left-mark", {"title": "\u200f材质证明"}, "title", ("U+200F",)),
    ("description-100000-characters", {"description": "x" * 100_000}, "description", ("10000",)),
    ("description-escape-character", {"description": "见附件\x1b[31m"}, "description", ("U+001B",)),
    ("phone-of-letters", {"contact_phone": "abcdefghijk"}, "contact_phone", ()),
    ("phone-sql", {"contact_phone": "'; DROP TABLE requirement; --"}, "contact_phone", ()),
    ("expected-1900-01-01", {"expected_date": date(1900, 1, 1)}, "expected_date", ("1900-01-01",)),
    (
        "expected-9999-12-31",
        {"expected_date": date(9999, 12, 31)},
        "expected_date",
        ("9999-12-31",),
    ),
    ("received-1900-01-01", {"received_at": BEIJING_1900}, "received_at", ("1900-01-01",)),
    ("received-tomorrow", {"received_at": NOW + timedelta(days=1)}, "received_at", ()),
    ("customer-unknown", {"customer_id": 999_999}, "customer_id", ()),
    ("walk-in-without-name", {"customer_id": None}, "customer", ()),
    (
        "walk-in-without-phone",
        {"customer_id": None, "walk_in_name": "张先生", "contact_phone": ""},
        "contact_phone",
        (),
    ),
    ("department-unknown", {"department_id": 999_999}, "department_id", ()),
    ("person-without-department", {"assignee_id": 2}, "department_id", ()),
    ("contract-no-100000-characters", {"contract_no": LONG}, "contract_no", ("60",)),
]


@pytest.mark.parametrize(
    ("changes", "field", "fragments"),
    [case[1:] for case in REGISTRATION_CASES],
    ids=[case[0] for case in REGISTRATION_CASES],
)
def test_a_bad_registration_is_refused(
    desk: Context, changes: dict[str, Any], field: str, fragments: tuple[str, ...]
) -> None:
    """A registration with one bad field: a clear message for it, no number taken."""
    refused(desk, lambda: register_requirement(desk, form(**changes)), *fragments, field=field)


def test_a_bad_change_keeps_the_registration(desk: Context) -> None:
    """Changing a stored registration to a far-off year or a NUL title is refused."""
    done = register_requirement(desk, form())
    before = get_requirement(desk, done.id)
    far = form(expected_date=date(2126, 1, 1))
    refused(
        desk, lambda: update_registration(desk, done.id, far), "2126-01-01", field="expected_date"
    )
    nul = form(title="材质\x00证明")
    refused(desk, lambda: update_registration(desk, done.id, nul), "U+0000", field="title")
    refused(desk, lambda: update_registration(desk, 999_999, form()))
    assert get_requirement(desk, done.id) == before


def test_sql_looking_title_is_stored_literally(desk: Context) -> None:
    """A title that looks like SQL is a title."""
    title = "'; UPDATE requirement SET stage='closed'; --"
    done = register_requirement(desk, form(title=title))
    assert get_requirement(desk, done.id).title == title


# --- transactions (quantities and amounts) ---------------------------------------------

DEAL = TransactionInput("HT-2026-0901", date(2026, 10, 8), "精密轴承", "2000", "件", "256000.00")
TRANSACTION_CASES: list[tuple[str, dict[str, Any], str, tuple[str, ...]]] = [
    ("quantity-negative", {"quantity": "-5"}, "quantity", ()),
    ("quantity-huge", {"quantity": "1e30"}, "quantity", ("999,999,999,999.999",)),
    ("quantity-17-digits", {"quantity": "99999999999999999"}, "quantity", ("999,999,999,999.999",)),
    ("quantity-NaN", {"quantity": "NaN"}, "quantity", ()),
    ("quantity-infinity", {"quantity": "Infinity"}, "quantity", ()),
    ("quantity-text", {"quantity": "两千"}, "quantity", ()),
    ("quantity-five-decimals", {"quantity": "1.23456"}, "quantity", ("3",)),
    ("amount-three-decimals", {"amount": "1,234.567"}, "amount", ("2",)),
    ("amount-negative", {"amount": "-0.01"}, "amount", ()),
    ("contract-date-missing", {"contract_date": None}, "contract_date", ()),
    ("product-100000-characters", {"product": LONG}, "product", ("200",)),
]


@pytest.mark.parametrize(
    ("changes", "field", "fragments"),
    [case[1:] for case in TRANSACTION_CASES],
    ids=[case[0] for case in TRANSACTION_CASES],
)
def test_a_bad_transaction_is_refused(
    people: People, changes: dict[str, Any], field: str, fragments: tuple[str, ...]
) -> None:
    """Quantities and amounts the database could not hold exactly are refused, not rounded."""
    boss, bad = people("zhuguan"), replace(DEAL, **changes)
    refused(boss, lambda: save_transaction(boss, 1, bad), *fragments, field=field)


def test_zero_and_the_largest_quantity_are_stored_exactly(people: People) -> None:
    """Stated behaviour: 0 (a free sample) and 999,999,999,999.999 are kept to the last digit."""
    boss = people("zhuguan")
    for quantity, amount in (("0", "0"), ("999,999,999,999.999", "9999999999999.99")):
        saved = save_transaction(boss, 1, replace(DEAL, quantity=quantity, amount=amount))
        row = next(t for t in open_transactions(boss, 1) if t.id == saved)
        assert (row.quantity, row.amount) == (
            type(row.quantity)(quantity.replace(",", "")),
            type(row.amount)(amount),
        )


# --- review items ---------------------------------------------------------------------


def test_a_bad_review_quantity_is_refused(desk: Context) -> None:
    """Negative, too large, non-numeric and NaN quantities of a contract review are refused."""
    requirement = register_requirement(desk, form(title="新订单合同评审")).id
    for quantity in ("-1", "1e13", "两千", "NaN", "-Infinity"):
        opening = OpenReviewInput(requirement, items(quantity=quantity))
        refused(desk, partial(open_review, desk, opening), field="quantity")


# --- the holiday calendar -------------------------------------------------------------

CALENDAR_FILES: list[tuple[str, str | bytes | None, tuple[str, ...]]] = [
    ("date-2026-02-30", "2026-02-30,holiday,元旦\n", ("2026-02-30",)),
    ("date-1900-01-01", "1900-01-01,holiday,元旦\n", ("2000", "2100")),
    ("date-9999-12-31", "9999-12-31,holiday,元旦\n", ("2000", "2100")),
    ("weekday-as-make-up-day", "2027-01-04,workday,调休\n", ("2027-01-04",)),
    ("unknown-kind", "2027-01-01,maybe,元旦\n", ("maybe",)),
    ("empty-file", "", ()),
    ("pdf-named-csv", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", ("%PDF-1.4",)),
    ("field-over-csv-limit", '2027-01-01,holiday,"' + "x" * 200_000 + '"\n', ()),
    ("a-folder", None, ()),
]


@pytest.mark.parametrize(
    ("content", "fragments"),
    [case[1:] for case in CALENDAR_FILES],
    ids=[case[0] for case in CALENDAR_FILES],
)
def test_a_bad_calendar_file_is_refused(
    people: People, tmp_path: Path, content: str | bytes | None, fragments: tuple[str, ...]
) -> None:
    """Impossible dates, other files, a folder: a clear message and no calendar change."""
    admin = people("admin")
    path = tmp_path / "holidays.csv"
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif content is None:
        path.mkdir()
    else:
        path.write_text(content, encoding="utf-8")
    refused(admin, lambda: import_calendar_file(admin, path), *fragments)


def test_a_missing_calendar_file_and_a_bad_year_are_refused(people: People, tmp_path: Path) -> None:
    """No such file; a year outside 2000–2100 typed in the calendar dialog."""
    admin = people("admin")
    missing = tmp_path / "none.csv"
    refused(admin, lambda: import_calendar_file(admin, missing), str(missing))
    day = DayRow(date(1900, 1, 1), DayKind.HOLIDAY, "元旦")
    refused(admin, lambda: save_year(admin, 1900, [day]), "2000")
