"""The bad-input catalogue's shared parts: what a clear message is, a fingerprint of the
whole database, and the bad files and output paths the tests hand to the program."""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
import zipfile
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any

import pytest
from msoffcrypto.format.ooxml import OOXMLFile
from openpyxl import Workbook
from openpyxl.styles import Font
from reportlab.pdfgen import canvas

from reqdesk.db import open_database
from reqdesk.i18n import error_text
from reqdesk.services import auth
from reqdesk.services.context import Actor, Context
from reqdesk.services.customers.forms import FormInvalid
from reqdesk.services.demo import DEMO_PASSWORD
from reqdesk.services.errors import ReqdeskError
from reqdesk.services.setup import open_context
from tests.conftest import copy_db
from tests.services.registration_inputs import at_now

# Texts that betray a Python or database error instead of a message written for people.
TECHNICAL = (
    "Traceback",
    "sqlite3",
    "IntegrityError",
    "OperationalError",
    "DataError",
    "NoneType",
    "Errno",
    "object has no attribute",
    "KeyError",
    "ValueError",
    "TypeError",
    "InvalidOperation",
    "ParseError",
    "BadZipFile",
    "line 1, column",
)
PLACEHOLDER = re.compile(r"\{\w*\}")
EXCEL_ROWS = 1_048_576


def clear_text(text: str) -> str:
    """``text`` if it reads as a message for people: not empty, no error internals."""
    assert text.strip(), "an empty message"
    for word in TECHNICAL:
        assert word not in text, f"{word!r} in {text!r}"
    assert not PLACEHOLDER.search(text), f"an unfilled placeholder in {text!r}"
    return text


def assert_clear(
    error: BaseException, *fragments: str, field: str | None = None, source: str | None = None
) -> str:
    """The error is the program's own and its rendered text (and each field problem's) is
    clear and contains ``fragments``. ``field``: a problem names that field; ``source``: a
    problem's English source text contains this (whatever the language). Returns the text."""
    assert isinstance(error, ReqdeskError), f"{type(error).__name__}: {error}"
    problems = error.problems if isinstance(error, FormInvalid) else [error]
    texts = [clear_text(error_text(error)), *(clear_text(error_text(p)) for p in problems)]
    text = "\n".join(dict.fromkeys(texts))
    for fragment in fragments:
        assert fragment in text, f"{fragment!r} not in {text!r}"
    if field is not None:
        fields = [p.field for p in problems]
        assert field in fields, f"no problem for {field!r}: {fields} ({text})"
    if source is not None:
        sources = [p.message for p in problems]
        assert any(source in m for m in sources), f"{source!r} not in {sources}"
    return text


# --- the company: fixtures "company_actors" and "people" (import the functions) -------

PEOPLE = ("kefu", "zhuguan", "zongjingli", "admin")
People = Callable[[str], Context]


@pytest.fixture(name="company_actors", scope="session")
def company_actors_fixture(
    company_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Actor]:
    """The demo company's people, signed in once (every copy has the same users)."""
    database = open_database(copy_db(company_template, tmp_path_factory.mktemp("login") / "x.db"))
    try:
        ctx = open_context(database)
        return {name: auth.login(ctx, name, DEMO_PASSWORD) for name in PEOPLE}
    finally:
        database.dispose()


@pytest.fixture(name="people")
def people_fixture(company_file: Path, company_actors: dict[str, Actor]) -> Iterator[People]:
    """``people("kefu")``: that person's context on a fresh copy of the company, at a
    fixed Thursday morning (6 customers, no requirements yet)."""
    database = open_database(company_file)
    ctx = at_now(open_context(database))
    yield lambda name: ctx.as_actor(company_actors[name])
    database.dispose()


# --- the database -------------------------------------------------------------------


def fingerprint(path: Path, *, ignore_logins: bool = False) -> dict[str, tuple[int, str]]:
    """Every table's row count and a hash of its sorted rows (the audit log included).

    ``ignore_logins``: leave out what signing in writes (its audit entry, the sign-in
    columns of the user), which a command run with ``--user`` does before anything else.
    """
    result: dict[str, tuple[int, str]] = {}
    with closing(sqlite3.connect(path)) as conn:
        tables = [
            name
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        for table in tables:
            cursor = conn.execute(f'SELECT * FROM "{table}"')
            columns = [d[0] for d in cursor.description]
            rows = [dict(zip(columns, row, strict=True)) for row in cursor]
            if ignore_logins:
                rows = _without_logins(table, rows)
            digest = hashlib.sha256(repr(sorted(map(repr, rows))).encode()).hexdigest()
            result[table] = (len(rows), digest)
    return result


SIGN_IN_COLUMNS = (
    "last_login_at",
    "password_hash",
    "login_failures",
    "login_locked_until",
    "updated_at",
    "sync_vv",  # the change stamps every change gets (services/sync/tracking.py)
    "sync_at",
)


def _without_logins(table: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    if table == "audit_entry":
        return [r for r in rows if r["action"] != "login"]
    if table == "app_user":  # a sign-in stamps the time and may renew the hash's cost
        return [{**r, **dict.fromkeys(SIGN_IN_COLUMNS)} for r in rows]
    return rows


def db_file(ctx: Context) -> Path:
    path = ctx.db.sqlite_path
    assert path is not None
    return path


@contextmanager
def unchanged(path: Path, *, ignore_logins: bool = False) -> Iterator[None]:
    """The block leaves every table of the database as it was."""
    before = fingerprint(path, ignore_logins=ignore_logins)
    yield
    after = fingerprint(path, ignore_logins=ignore_logins)
    changed = sorted(t for t in before.keys() | after.keys() if before.get(t) != after.get(t))
    assert not changed, f"tables changed: {changed}"


def refused(ctx: Context, action: Callable[[], object], *fragments: str, **kw: Any) -> str:
    """``action`` is refused with a clear message and writes nothing; returns the text."""
    with unchanged(db_file(ctx)):
        try:
            action()
        except ReqdeskError as error:
            return assert_clear(error, *fragments, **kw)
    raise AssertionError("the bad input was accepted")


# --- bad files ----------------------------------------------------------------------


def workbook_file(path: Path, rows: list[list[Any]]) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def pdf_named_xlsx(path: Path) -> Path:
    """A real PDF that someone renamed to .xlsx."""
    page = canvas.Canvas(str(path))
    page.drawString(100, 750, "Customer list")
    page.save()
    return path


def text_named_xlsx(path: Path) -> Path:
    path.write_text("客户名称,联系电话\n苏州恒瑞,0512-62345678\n", encoding="utf-8")
    return path


def zero_bytes(path: Path) -> Path:
    path.write_bytes(b"")
    return path


def empty_workbook(path: Path) -> Path:
    return workbook_file(path, [])


def headers_only(path: Path) -> Path:
    return workbook_file(path, [["客户名称", "联系人", "手机"]])


def wrong_headers(path: Path) -> Path:
    return workbook_file(path, [["产品", "数量", "单价"], ["精密轴承", 2000, 128.5]])


def formatted_last_row(path: Path) -> Path:
    """A header, and one bold empty cell in Excel's last row: 1,048,576 rows of nothing."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["客户名称", "联系人", "手机"])
    sheet.cell(row=EXCEL_ROWS, column=3).font = Font(bold=True)
    workbook.save(path)
    return path


def claimed_dimension(path: Path) -> Path:
    """A header whose sheet claims the whole grid, A1:XFD1048576."""
    headers_only(path)
    return _rewrite_member(
        path,
        "xl/worksheets/sheet1.xml",
        lambda xml: re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:XFD1048576"/>', xml),
    )


def every_row_formatted(path: Path) -> Path:
    """A header and all 1,048,575 rows below it present in the file, each a styled blank."""
    headers_only(path)
    rows = b"".join(
        b'<row r="%d"><c r="A%d" s="0"/></row>' % (n, n) for n in range(2, EXCEL_ROWS + 1)
    )

    def grow(xml: bytes) -> bytes:
        xml = re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:C1048576"/>', xml)
        return xml.replace(b"</sheetData>", rows + b"</sheetData>")

    return _rewrite_member(path, "xl/worksheets/sheet1.xml", grow)


def truncated_xlsx(path: Path) -> Path:
    """A good workbook cut off half-way, as an interrupted copy leaves it."""
    workbook_file(path, [["客户名称"], ["苏州恒瑞精密机械有限公司"]])
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def damaged_sheet(path: Path) -> Path:
    """A sound zip whose worksheet XML stops in the middle."""
    workbook_file(path, [["客户名称", "联系人"], ["苏州恒瑞精密机械有限公司", "周工"]] * 20)
    return _rewrite_member(path, "xl/worksheets/sheet1.xml", lambda xml: xml[: len(xml) // 2])


def encrypted_zip(path: Path) -> Path:
    """A workbook whose zip entries are marked encrypted (a password-protected zip)."""
    workbook_file(path, [["客户名称"], ["甲公司"]])
    data = bytearray(path.read_bytes())
    for signature, flags in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = data.find(signature)
        while start >= 0:
            data[start + flags] |= 0x01  # general purpose bit 0: encrypted
            start = data.find(signature, start + 4)
    path.write_bytes(bytes(data))
    return path


def damaged_part(member: str) -> Callable[[Path], Path]:
    """A maker of a workbook whose ``member`` (workbook.xml, styles.xml …) stops half-way."""

    def make(path: Path) -> Path:
        workbook_file(path, [["客户名称"], ["苏州恒瑞精密机械有限公司"]])
        return _rewrite_member(path, member, lambda xml: xml[: len(xml) // 2])

    return make


def password_protected(path: Path) -> Path:
    """A workbook saved with a password in Excel (agile encryption)."""
    plain = workbook_file(path.with_name("plain-" + path.name), [["客户名称"], ["甲公司"]])
    with plain.open("rb") as source, path.open("wb") as target:
        OOXMLFile(source).encrypt("secret", target)
    plain.unlink()
    return path


def _rewrite_member(path: Path, member: str, change: Callable[[bytes], bytes]) -> Path:
    with zipfile.ZipFile(path) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    parts[member] = change(parts[member])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return path


# --- output paths -------------------------------------------------------------------


def missing_folder(tmp_path: Path, name: str) -> Path:
    return tmp_path / "没有这个文件夹" / name


def under_a_file(tmp_path: Path, name: str) -> Path:
    """A path whose "folder" is a regular file: no user, not even root, can write it."""
    plain = tmp_path / "a-file.txt"
    plain.write_text("not a folder", encoding="utf-8")
    return plain / name


def read_only_folder(tmp_path: Path, name: str) -> Path:
    """A path in a folder the user may not write; where root could, one under a file."""
    folder = tmp_path / "read-only"
    folder.mkdir(exist_ok=True)
    folder.chmod(0o500)
    if os.access(folder, os.W_OK):  # root ignores the mode
        return under_a_file(tmp_path, name)
    return folder / name


def an_existing_folder(tmp_path: Path, name: str) -> Path:
    folder = tmp_path / name
    folder.mkdir(exist_ok=True)
    return folder


def make_writable(tmp_path: Path) -> None:
    """Undo :func:`read_only_folder` so that the temporary folder can be removed."""
    folder = tmp_path / "read-only"
    if folder.exists():
        folder.chmod(0o700)


BAD_OUTPUTS: dict[str, Callable[[Path, str], Path]] = {
    "folder-does-not-exist": missing_folder,
    "folder-is-read-only": read_only_folder,
    "folder-is-a-file": under_a_file,
    "path-is-a-folder": an_existing_folder,
}


def nothing_written(tmp_path: Path, before: set[Path]) -> None:
    """No file appeared under ``tmp_path`` (no report, no half-written temporary file)."""
    after = {p for p in tmp_path.rglob("*") if p.is_file()}
    assert after <= before, sorted(map(str, after - before))
