"""Hypothesis fuzzes the validators and the customer importer: whatever is typed, pasted
or sits in a cell, the only error that comes out is the program's own (with a clear
message), and whatever is accepted comes back unchanged when it is saved again."""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from sqlalchemy import select

from reqdesk.i18n import translate
from reqdesk.models import Customer
from reqdesk.models.enums import Urgency
from reqdesk.reports.customer_workbook import cell_text, read_customer_sheet
from reqdesk.services import credit_code as uscc
from reqdesk.services.customers import forms
from reqdesk.services.customers.files import create_customer, get_customer, update_customer
from reqdesk.services.customers.importing import import_customers
from reqdesk.services.customers.sections import (
    TransactionInput,
    open_transactions,
    save_transaction,
)
from reqdesk.services.errors import ReqdeskError, ValidationError
from reqdesk.services.normalise import clean_text, half_width, name_key
from reqdesk.services.requirements import forms as registration_forms
from reqdesk.services.requirements.forms import RegistrationInput
from reqdesk.services.requirements.registration import register_requirement, update_registration
from reqdesk.services.requirements.views import get_requirement
from reqdesk.services.sla import BUSINESS_TZ
from tests.reliability.bad_inputs import (  # noqa: F401
    People,
    assert_clear,
    company_actors_fixture,
    people_fixture,
)

WITH_DATABASE = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

TEXT = st.text()  # any code point: control characters, emoji, marks, full-width …
PLAIN = st.text(  # what people mostly type: letters, digits, spaces, dashes, brackets
    alphabet=st.characters(categories=["Lu", "Ll", "Lo", "Nd", "Zs", "Pd", "Ps", "Pe"]),
    max_size=40,
)
DIGIT = st.sampled_from(
    "0123456789" * 8 + "０１２３４５６７８９" + "٣०๓"
)  # a few from other scripts
PHONE_LIKE = st.one_of(
    st.text(alphabet=st.one_of(DIGIT, st.sampled_from("+-() 转extx.\u3000")), max_size=24),
    st.builds(
        "{}-{}{}".format,
        st.text(alphabet=DIGIT, min_size=3, max_size=4),
        st.text(alphabet=DIGIT, min_size=6, max_size=9),
        st.sampled_from(["", "转801", " ext 12", "x3"]),
    ),
)
NINE = st.text(alphabet="0123456789", min_size=9, max_size=9)
MOBILE_LIKE = st.builds(
    "{}1{}{}".format,
    st.sampled_from(["", "+86", "0086", "+86 ", "+"]),
    st.sampled_from("3456789"),
    st.one_of(  # the nine digits: plain, full-width, one from another script, any length
        NINE,
        NINE.map(
            lambda digits: digits.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
        ),
        st.builds(lambda digits, d: digits[:4] + d + digits[5:], NINE, st.sampled_from("٣०๓")),
        st.text(alphabet=DIGIT, min_size=8, max_size=10),
    ),
)
FULL_WIDTH = str.maketrans({chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F)})
CODE_LIKE = st.one_of(
    st.text(alphabet=uscc.ALPHABET + "IOZSVaz０９ \u3000-", min_size=16, max_size=20),
    st.builds(  # a real code, as people paste it: lower case, spaced, full-width
        lambda code, how: {
            "as is": code,
            "lower": code.lower(),
            "spaced": f" {code[:6]} {code[6:]} ",
            "full-width": code.translate(FULL_WIDTH),
        }[how],
        st.builds(
            uscc.make_code,
            st.text(alphabet="0123456789", min_size=6, max_size=6),
            st.text(alphabet=uscc.ALPHABET, min_size=8, max_size=8),
        ),
        st.sampled_from(["as is", "lower", "spaced", "full-width"]),
    ),
)
MAIL_LIKE = st.one_of(
    st.from_regex(r"[\w.+'-]{0,10}@?[\w-]{0,8}\.?[A-Za-z٣]{0,4}", fullmatch=True),
    st.emails().map(str),
)
WEBSITE_LIKE = st.from_regex(r"(https?://)?[\w.-]{1,20}\.[a-z]{2,3}", fullmatch=True)
TYPED = st.one_of(TEXT, PLAIN, PHONE_LIKE, MOBILE_LIKE, CODE_LIKE, MAIL_LIKE)
NUMBER_LIKE = st.one_of(
    TEXT,
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
    st.floats().map(str),
    st.integers().map(str),
    st.from_regex(r"-?[0-9０-９,，]{0,18}(\.[0-9]{0,5})?([eE]-?[0-9]{1,3})?", fullmatch=True),
)

VALIDATORS = {  # each with what people type into it, and anything at all
    "credit_code": (forms.credit_code, CODE_LIKE),
    "mobile": (forms.mobile, MOBILE_LIKE),
    "phone": (forms.phone, PHONE_LIKE),
    "email": (forms.email, MAIL_LIKE),
    "website": (forms.website, WEBSITE_LIKE),
    "short_text": (lambda text: forms.limited(text, 60), PLAIN),
    "notes": (forms.multiline, PLAIN),
    "contact_phone": (registration_forms.contact_phone, st.one_of(MOBILE_LIKE, PHONE_LIKE)),
}


def accepted(validate: Any, text: str) -> Any:
    """The validated value, or None after checking the refusal is clear."""
    try:
        value = validate(text)
    except ValidationError as error:
        assert_clear(error)
        event("refused")
        return None
    event("accepted")
    return value


@pytest.mark.parametrize("name", VALIDATORS)
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_a_validator_accepts_or_explains(name: str, data: st.DataObject) -> None:
    """A validator returns a value that validates to itself, or a clear ValidationError."""
    validate, typical = VALIDATORS[name]
    text = data.draw(st.one_of(typical, TYPED), label="text")
    value = accepted(validate, text)
    if value is None:
        return
    assert validate(value) == value
    if name == "credit_code" and value:
        assert uscc.is_valid(value)
    if name in ("mobile", "phone", "contact_phone"):
        assert all(ch.isascii() for ch in value if ch.isdigit()), value  # 0-9 only


def mostly(typical: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """Usually blank or a typical entry, sometimes anything at all."""
    return st.one_of(st.just(""), st.just(""), typical, typical, typical, TEXT)


CONTACTS = st.lists(
    st.builds(
        forms.ContactInput,
        name=PLAIN,
        phone=mostly(PHONE_LIKE),
        mobile=mostly(MOBILE_LIKE),
        email=mostly(MAIL_LIKE),
    ),
    max_size=1,
)


@WITH_DATABASE
@given(
    name=st.one_of(PLAIN, PLAIN, TEXT),
    short_name=mostly(PLAIN),
    code=mostly(CODE_LIKE),
    website=mostly(WEBSITE_LIKE),
    contacts=CONTACTS,
)
def test_a_customer_form_is_stored_as_cleaned_or_refused(
    people: People, name: str, short_name: str, code: str, website: str, contacts: list[Any]
) -> None:
    """A new file from random fields: refused clearly, or stored so that saving the
    stored file again changes nothing."""
    desk = people("kefu")
    form = forms.CustomerInput(
        name=name,
        short_name=short_name,
        credit_code=code,
        website=website,
        contacts=tuple(contacts),
    )
    try:
        customer_id = create_customer(desk, form)
    except ReqdeskError as error:
        event(assert_clear(error).splitlines()[-1][:30])
        return
    event("accepted")
    stored = get_customer(desk, customer_id)
    assert stored.name == forms.clean(form).values["name"]
    assert not update_customer(desk, customer_id, stored.as_input())


@WITH_DATABASE
@given(
    title=st.one_of(PLAIN, TEXT),
    description=mostly(PLAIN),
    contact=mostly(PLAIN),
    phone=mostly(st.one_of(MOBILE_LIKE, PHONE_LIKE)),
    received=st.one_of(  # anything the date field can hold, and mostly recent times
        st.datetimes(min_value=datetime(1752, 9, 14), max_value=datetime(9999, 12, 31, 23, 59)),
        st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2026, 11, 19, 9)),
    ),
    expected=st.one_of(st.none(), st.dates(), st.dates(date(2026, 11, 19), date(2040, 1, 1))),
    walk_in=st.one_of(st.none(), st.none(), PLAIN, TEXT),
)
def test_a_registration_is_stored_as_cleaned_or_refused(
    people: People,
    title: str,
    description: str,
    contact: str,
    phone: str,
    received: datetime,
    expected: date | None,
    walk_in: str | None,
) -> None:
    """A registration from random fields and any date the form's date fields can hold."""
    desk = people("kefu")
    form = RegistrationInput(
        customer_id=None if walk_in is not None else 1,
        walk_in_name=walk_in or "",
        contact_name=contact,
        contact_phone=phone,
        received_at=received.replace(tzinfo=BUSINESS_TZ),
        urgency=Urgency.URGENT,
        title=title,
        description=description,
        expected_date=expected,
    )
    try:
        done = register_requirement(desk, form)
    except ReqdeskError as error:
        event(assert_clear(error).splitlines()[-1][:30])
        return
    event("accepted")
    view = get_requirement(desk, done.id)
    assert view.title == clean_text(title)
    assert not update_registration(desk, done.id, view.as_input())


def _number(text: str) -> Decimal | None:
    try:
        return Decimal(half_width(text).replace(",", "").replace("，", ""))
    except InvalidOperation:
        return None


@WITH_DATABASE
@given(quantity=NUMBER_LIKE, amount=NUMBER_LIKE)
def test_a_transaction_keeps_its_numbers_exactly_or_is_refused(
    people: People, quantity: str, amount: str
) -> None:
    """Any quantity and amount text: refused clearly, or stored to the last digit."""
    boss = people("zhuguan")
    deal = TransactionInput("HT-1", date(2026, 10, 8), "精密轴承", quantity, "件", amount)
    try:
        saved = save_transaction(boss, 1, deal)
    except ReqdeskError as error:
        assert_clear(error)
        event("refused")
        return
    event("accepted")
    row = next(t for t in open_transactions(boss, 1) if t.id == saved)
    assert (row.quantity, row.amount) == (_number(quantity), _number(amount))


# --- the Excel importer -----------------------------------------------------------------

CELL_TEXT = st.text(max_size=40).map(lambda t: ILLEGAL_CHARACTERS_RE.sub("", t))
CELL = st.one_of(  # anything a cell can hold
    st.none(),
    CELL_TEXT,
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=False, allow_infinity=False),
    st.dates(min_value=date(1900, 1, 1)),
    # whole seconds: Excel keeps a time as a fraction of a day, so microseconds do not
    # survive the file (a sheet with 00:00:00.000001 reads back as 00:00:00)
    st.datetimes(min_value=datetime(1900, 1, 1)).map(lambda d: d.replace(microsecond=0)),
    st.times().map(lambda t: t.replace(microsecond=0)),
    st.booleans(),
    st.sampled_from(["=1+1", "#REF!", "  ", "\u3000"]),
)


VALID_CODE = st.builds(
    uscc.make_code,
    st.text(alphabet="0123456789", min_size=6, max_size=6),
    st.text(alphabet=uscc.ALPHABET, min_size=8, max_size=8),
)
COLUMNS = {  # header: what its cells typically hold
    "客户名称": PLAIN.filter(str.strip),
    "信用代码": st.one_of(st.none(), VALID_CODE, CODE_LIKE),
    "联系人": PLAIN,
    "手机": st.one_of(st.none(), MOBILE_LIKE, st.integers(13_000_000_000, 19_999_999_999)),
    "联系电话": st.one_of(st.none(), PHONE_LIKE),
    "邮箱": st.one_of(st.none(), st.emails().map(str)),
    "网址": st.one_of(st.none(), WEBSITE_LIKE),
    "地址": st.one_of(st.none(), PLAIN),
    "客户类别": st.sampled_from([None, "重点", "一般客户", "潜在", "A类", "key", "VIP"]),
}
HEADERS = list(COLUMNS)
TYPICAL_ROW = st.tuples(*COLUMNS.values()).map(list)
WILD_ROW = st.lists(CELL, min_size=len(HEADERS), max_size=len(HEADERS))
ROWS = st.lists(st.one_of(TYPICAL_ROW, TYPICAL_ROW, WILD_ROW), min_size=1, max_size=4)


def sheet_file(path: Path, rows: list[list[Any]]) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADERS)
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def stored_names(people: People) -> dict[str, str]:
    with people("kefu").reading() as session:
        return {k: n for k, n in session.execute(select(Customer.name_key, Customer.name))}


@WITH_DATABASE
@given(rows=ROWS)
def test_the_importer_stores_what_it_reads_or_explains(
    people: People, tmp_path_factory: pytest.TempPathFactory, rows: list[list[Any]]
) -> None:
    """A sheet of random cells: a clear refusal, clear row problems, or customers stored
    with the names as read; importing the same file again changes nothing."""
    desk = people("kefu")
    path = sheet_file(tmp_path_factory.mktemp("sheet") / "客户.xlsx", rows)
    try:
        report = import_customers(desk, path, translate)
    except ReqdeskError as error:
        assert_clear(error)
        event("file refused")
        return
    for issue in report.issues:
        assert_clear(issue.error)
    event("written" if report.written else "rows refused")
    if not report.written:
        return
    names = stored_names(people)  # written: every row with a name is on file, as read
    for name in filter(None, (cell_text(row[0]) for row in rows)):
        assert names.get(name_key(name)) == forms.limited(name, 200)
    again = import_customers(desk, path, translate, dry_run=True)
    assert (again.new, again.updated) == (0, 0), again.outcomes


VALID_SHEET = io.BytesIO()
_workbook = Workbook()
_workbook.active.append(HEADERS)
_workbook.active.append(["苏州恒瑞精密机械有限公司", "91350100M000100Y43", "周工", "13812345678"])
_workbook.save(VALID_SHEET)


@settings(max_examples=60, deadline=None)
@given(
    data=st.one_of(
        st.binary(max_size=3000), st.binary(min_size=4, max_size=4).map(b"PK\x03\x04".__add__)
    )
)
def test_random_bytes_named_xlsx_are_refused_clearly(
    tmp_path_factory: pytest.TempPathFactory, data: bytes
) -> None:
    """Any bytes in a file named .xlsx: the program's own error, never another."""
    path = tmp_path_factory.mktemp("bytes") / "客户.xlsx"
    path.write_bytes(data)
    try:
        read_customer_sheet(path, translate)
    except ReqdeskError as error:
        assert_clear(error, path.name)


@settings(max_examples=60, deadline=None)
@given(
    changes=st.lists(
        st.tuples(st.integers(min_value=0), st.integers(0, 255)), min_size=1, max_size=8
    )
)
def test_a_damaged_workbook_is_refused_clearly(
    tmp_path_factory: pytest.TempPathFactory, changes: list[tuple[int, int]]
) -> None:
    """A real workbook with a few bytes changed: read as it was, or a clear refusal."""
    data = bytearray(VALID_SHEET.getvalue())
    for position, value in changes:
        data[position % len(data)] = value
    path = tmp_path_factory.mktemp("damaged") / "客户.xlsx"
    path.write_bytes(bytes(data))
    try:
        sheet = read_customer_sheet(path, translate)
    except ReqdeskError as error:
        assert_clear(error, path.name)
        return
    assert len(sheet.rows) <= 1


PARTS = zipfile.ZipFile(VALID_SHEET).namelist()


@settings(max_examples=80, deadline=None)
@given(
    member=st.sampled_from(PARTS),
    cut=st.floats(0, 1),
    junk=st.binary(max_size=12),
)
def test_a_workbook_with_a_damaged_part_is_refused_clearly(
    tmp_path_factory: pytest.TempPathFactory, member: str, cut: float, junk: bytes
) -> None:
    """A sound zip with one XML part cut short and junk appended: a clear refusal or the
    rows as they were."""
    with zipfile.ZipFile(VALID_SHEET) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    xml = parts[member]
    parts[member] = xml[: int(len(xml) * cut)] + junk
    path = tmp_path_factory.mktemp("part") / "客户.xlsx"
    with zipfile.ZipFile(path, "w") as package:
        for name, data in parts.items():
            package.writestr(name, data)
    try:
        sheet = read_customer_sheet(path, translate)
    except ReqdeskError as error:
        assert_clear(error, path.name)
        return
    assert len(sheet.rows) <= 1
