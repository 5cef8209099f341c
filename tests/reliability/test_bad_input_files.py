"""Bad files: workbooks that are not what they claim, 1,048,576 rows of nothing, and
report outputs that cannot be written, through the services and the ``reqdesk`` command.
Each gets one clear message, and neither the database nor the folder changes."""

from __future__ import annotations

import tracemalloc
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path

import pytest

from reqdesk import cli
from reqdesk.i18n import translate
from reqdesk.reports.ledger_workbook import export_ledger
from reqdesk.reports.monthly_report import write_monthly_report
from reqdesk.reports.weekly_ledger import write_weekly_ledger
from reqdesk.services.context import Context
from reqdesk.services.customers.card import print_customer_card
from reqdesk.services.customers.exporting import export_customers, write_template
from reqdesk.services.customers.importing import import_customers
from reqdesk.services.demo import DEMO_PASSWORD
from reqdesk.services.ledger_list import LedgerFilter
from reqdesk.services.requirements.printing import print_requirement_form
from reqdesk.services.requirements.registration import register_requirement
from tests.reliability import bad_inputs as bad
from tests.reliability.bad_inputs import (  # noqa: F401
    People,
    assert_clear,
    clear_text,
    company_actors_fixture,
    db_file,
    people_fixture,
    refused,
    unchanged,
)
from tests.services.registration_inputs import form

NO_ROWS = "no customer rows"
WORKBOOKS: dict[str, tuple[Callable[[Path], Path], str]] = {  # the file, the message's source
    "pdf-named-xlsx": (bad.pdf_named_xlsx, "not an Excel workbook"),
    "text-named-xlsx": (bad.text_named_xlsx, "not an Excel workbook"),
    "zero-bytes": (bad.zero_bytes, "is empty"),
    "empty-workbook": (bad.empty_workbook, "No header row"),
    "headers-only": (bad.headers_only, NO_ROWS),
    "wrong-headers": (bad.wrong_headers, "No header row"),
    "formatted-cell-in-row-1048576": (bad.formatted_last_row, NO_ROWS),
    "dimension-claims-A1-XFD1048576": (bad.claimed_dimension, NO_ROWS),
    "all-1048576-rows-styled-blanks": (bad.every_row_formatted, NO_ROWS),
    "truncated-zip": (bad.truncated_xlsx, "not an Excel workbook"),
    "damaged-sheet-xml": (bad.damaged_sheet, "damaged"),
    "damaged-workbook-xml": (bad.damaged_part("xl/workbook.xml"), "not an Excel workbook"),
    "damaged-styles-xml": (bad.damaged_part("xl/styles.xml"), "not an Excel workbook"),
    "damaged-content-types": (bad.damaged_part("[Content_Types].xml"), "not an Excel workbook"),
    "password-protected": (bad.password_protected, "password"),
    "encrypted-zip": (bad.encrypted_zip, "not an Excel workbook"),
}


@pytest.fixture
def desk(people: People) -> Context:
    return people("kefu")


@pytest.fixture
def password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REQDESK_PASSWORD", DEMO_PASSWORD)


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_clear_line(code: int, err: str, *fragments: str) -> None:
    """The command failed with one line on stderr, written for people."""
    assert code != 0
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("reqdesk: "), err
    clear_text(lines[0])
    for fragment in fragments:
        assert fragment in lines[0], (fragment, lines[0])


# --- the customer importer ------------------------------------------------------------


@pytest.mark.parametrize(("make", "source"), WORKBOOKS.values(), ids=WORKBOOKS.keys())
def test_a_bad_workbook_is_refused_by_the_importer(
    desk: Context, tmp_path: Path, make: Callable[[Path], Path], source: str
) -> None:
    """Not a workbook, or nothing to import: one sentence naming the file; nothing stored."""
    path = make(tmp_path / "客户名单.xlsx")
    refused(desk, lambda: import_customers(desk, path, translate), path.name, source=source)


@pytest.mark.parametrize("make", [bad.formatted_last_row, bad.claimed_dimension])
def test_a_million_empty_rows_take_little_memory(
    desk: Context, tmp_path: Path, make: Callable[[Path], Path]
) -> None:
    """Reading a sheet that spans all 1,048,576 rows holds no more than a few MB."""
    path = make(tmp_path / "客户名单.xlsx")
    tracemalloc.start()
    try:
        refused(desk, lambda: import_customers(desk, path, translate), source=NO_ROWS)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 30_000_000


def test_conflicting_duplicate_rows_are_reported_and_nothing_is_written(
    desk: Context, tmp_path: Path
) -> None:
    """The same customer twice with different addresses: the second row is named."""
    rows = [
        ["客户名称", "地址"],
        ["苏州恒瑞精密机械有限公司", "苏州"],
        ["苏州恒瑞精密机械有限公司", "无锡"],
    ]
    path = bad.workbook_file(tmp_path / "客户名单.xlsx", rows)
    with unchanged(db_file(desk)):
        report = import_customers(desk, path, translate)
    assert not report.written and [(i.row, i.column) for i in report.issues] == [(3, "地址")]
    assert_clear(report.issues[0].error, "2")


def test_identical_duplicate_rows_make_one_customer(desk: Context, tmp_path: Path) -> None:
    """Stated behaviour: a row repeated word for word is the same customer and contact."""
    row = ["苏州恒瑞精密机械有限公司", "周工", "13812345678"]
    path = bad.workbook_file(tmp_path / "客户名单.xlsx", [["客户名称", "联系人", "手机"], row, row])
    report = import_customers(desk, path, translate)
    assert (report.rows_read, report.new, report.written) == (2, 1, True)
    with unchanged(db_file(desk)):
        again = import_customers(desk, path, translate, dry_run=True)
    assert (again.new, again.unchanged) == (0, 1)


@pytest.mark.parametrize(
    "make", [bad.pdf_named_xlsx, bad.headers_only, bad.damaged_sheet], ids=lambda f: f.__name__
)
def test_the_import_command_prints_one_clear_line(  # type: ignore[no-untyped-def]
    people: People, tmp_path: Path, capsys, password, make
) -> None:
    """``reqdesk import customers`` on a bad file: exit 1, one line, no traceback."""
    path = make(tmp_path / "客户名单.xlsx")
    database = str(db_file(people("kefu")))
    with unchanged(Path(database), ignore_logins=True):
        code, out, err = run_cli(
            capsys, "import", "customers", str(path), "--db", database, "--user", "kefu"
        )
    assert_one_clear_line(code, err, path.name)
    assert not out


# --- report outputs ---------------------------------------------------------------------


@pytest.fixture
def place(tmp_path: Path) -> Iterator[Callable[[str, str], Path]]:
    """``place(kind, name)``: a bad output path of that kind (see BAD_OUTPUTS)."""
    yield lambda kind, name: bad.BAD_OUTPUTS[kind](tmp_path, name)
    bad.make_writable(tmp_path)


def _writers(ctx: Context) -> dict[str, Callable[[Path], object]]:
    requirement = register_requirement(ctx, form()).id
    return {
        "customer-card.pdf": lambda p: print_customer_card(ctx, p, translate, customer_id=1),
        "registration-form.pdf": lambda p: print_requirement_form(
            ctx, p, translate, requirement_id=requirement
        ),
        "weekly-ledger.pdf": lambda p: write_weekly_ledger(ctx, 2026, 47, p),
        "monthly-report.pdf": lambda p: write_monthly_report(ctx, 2026, 10, p),
        "customers.xlsx": lambda p: export_customers(ctx, p, translate),
        "ledger.xlsx": lambda p: export_ledger(ctx, LedgerFilter(), p),
        "template.xlsx": lambda p: write_template(p, translate),
    }


@pytest.mark.parametrize("kind", bad.BAD_OUTPUTS)
def test_a_report_that_cannot_be_written_is_explained(
    people: People, tmp_path: Path, place: Callable[[str, str], Path], kind: str
) -> None:
    """Every PDF and Excel output, to a folder that is missing, read-only, a file, or to a
    folder itself: the program's own message naming the place, no file, nothing audited."""
    boss = people("zhuguan")
    for name, write in _writers(boss).items():
        target = place(kind, name)
        before = {p for p in tmp_path.rglob("*") if p.is_file()}
        shown = target if kind == "path-is-a-folder" else target.parent
        refused(boss, partial(write, target), str(shown))
        bad.nothing_written(tmp_path, before)
        assert kind != "folder-does-not-exist" or not target.parent.exists()


@pytest.mark.parametrize(
    "command",
    [
        ("report", "card", "HQ-C-00001", "-o"),
        ("report", "weekly", "--week", "2026-W47", "-o"),
        ("export", "customers"),
        ("export", "ledger"),
    ],
    ids=lambda c: "-".join(c[:2]),
)
@pytest.mark.parametrize("kind", ["folder-does-not-exist", "folder-is-a-file", "path-is-a-folder"])
def test_a_command_with_an_output_it_cannot_write_prints_one_clear_line(  # type: ignore[no-untyped-def]
    people: People, tmp_path: Path, capsys, password, place, command: tuple[str, ...], kind: str
) -> None:
    """``reqdesk report …``/``export …`` to a bad place: exit 1, one line, nothing written."""
    database = db_file(people("zhuguan"))
    suffix = ".pdf" if command[0] == "report" else ".xlsx"
    target = place(kind, "out" + suffix)
    before = {p for p in tmp_path.rglob("*") if p.is_file()}
    with unchanged(database, ignore_logins=True):
        code, out, err = run_cli(
            capsys, *command, str(target), "--db", str(database), "--user", "zhuguan"
        )
    assert_one_clear_line(code, err)
    assert not out
    bad.nothing_written(tmp_path, before)


def test_the_template_command_to_a_missing_folder(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """``reqdesk export customers --template`` into a folder that does not exist."""
    target = bad.missing_folder(tmp_path, "template.xlsx")
    code, out, err = run_cli(capsys, "export", "customers", str(target), "--template")
    assert_one_clear_line(code, err, str(target.parent))
    assert not out and not target.parent.exists()
