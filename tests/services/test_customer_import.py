"""Importing customer sheets: the template, foreign layouts, bad rows, bad files, re-import."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from msoffcrypto.format.ooxml import OOXMLFile
from openpyxl import Workbook, load_workbook
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from reqdesk import i18n
from reqdesk.models import AuditEntry, Customer
from reqdesk.models.enums import ApprovalState, CreditGrade, CustomerClass, Role
from reqdesk.reports.customer_workbook import COLUMNS, WorkbookError
from reqdesk.services.context import Context
from reqdesk.services.customers.exporting import export_customers, write_template
from reqdesk.services.customers.importing import import_customers
from reqdesk.services.customers.listing import CustomerFilter, count_customers
from reqdesk.services.users import create_user, list_departments
from tests.helpers import signed_in

VALID_CODES = ["91350100M000100Y43", "913101151234567880"]
tr = i18n.translate


@pytest.fixture
def desk(admin_ctx: Context) -> dict[str, Context]:
    dept = next(d.id for d in list_departments(admin_ctx) if d.code == "DESK")
    for name, role in (("op", Role.OPERATOR), ("op2", Role.OPERATOR), ("boss", Role.SUPERVISOR)):
        create_user(
            admin_ctx,
            username=name,
            full_name=f"{name}姓名",
            roles=[role],
            password="password-1",
            department_id=dept,
        )
    return {n: signed_in(admin_ctx, n, "password-1") for n in ("op", "op2", "boss")}


def customers(ctx: Context) -> list[Customer]:
    with ctx.reading() as session:
        query = select(Customer).order_by(Customer.id).options(selectinload(Customer.contacts))
        return list(session.scalars(query))


def template_file(tmp_path: Path, rows: list[dict[str, object]]) -> Path:
    """The program's own template, filled in as a user would."""
    path = write_template(tmp_path / "template.xlsx", tr)
    workbook = load_workbook(path)
    sheet = workbook.worksheets[0]
    keys = [c.key for c in COLUMNS]
    for row in rows:
        sheet.append([row.get(k) for k in keys])
    workbook.save(path)
    return path


def foreign_file(tmp_path: Path) -> Path:
    """A company's own list: title row in merged cells, a blank row, Chinese synonyms,
    numbers for phones, a date, full-width characters and stray spaces."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "2026年客户名单"
    sheet["A1"] = "华东区客户联系表（2026年更新）"
    sheet.merge_cells("A1:G1")
    sheet.append([])
    sheet.append(
        ["序号", "单位名称 ", "信用代码", "客户分类", "联系人", "联系电话", "电子邮箱", "备注日期"]
    )
    sheet.append(
        [
            1,
            "  苏州恒瑞精密机械有限公司",
            "９１３５０１００Ｍ０００１００Ｙ４３",
            "重点客户",
            "周工",
            13812345678,
            "zhou@hr.example.cn",
            datetime(2026, 3, 1),
        ]
    )
    sheet.append([2, "苏州恒瑞精密机械有限公司", None, None, "钱经理", "0512-62345678", None, None])
    sheet.append(
        [3, "无锡盛丰新材料有限公司", VALID_CODES[1], "一般", "吴工", "139 0000 1234", None, None]
    )
    sheet.append([None, None, None, None, None, None, None, None])
    path = tmp_path / "客户名单.xlsx"
    workbook.save(path)
    return path


def test_template_rows_become_pending_customers(desk: dict[str, Context], tmp_path: Path) -> None:
    """Rows of the program's own template are created as pending files."""
    path = template_file(
        tmp_path,
        [
            {
                "name": "甲精密有限公司",
                "credit_code": VALID_CODES[0],
                "customer_class": "重点客户",
                "contact_name": "张工",
                "mobile": "13800001111",
                "credit_grade": "A",
                "credit_note": "回款及时",
            },
            {
                "name": "乙模具有限公司",
                "customer_class": "潜在客户",
                "contact_name": "李工",
                "phone": "021-62345678",
            },
        ],
    )
    report = import_customers(desk["op"], path, tr)
    assert report.ok and report.written and (report.new, report.updated) == (2, 0)
    stored = customers(desk["op"])
    assert [c.name for c in stored] == ["甲精密有限公司", "乙模具有限公司"]
    assert stored[0].customer_class == CustomerClass.KEY
    assert (
        stored[0].credit_grade == CreditGrade.A
        and stored[0].custodian_id == desk["op"].actor.user_id
    )  # type: ignore[union-attr]
    assert {c.approval_state for c in stored} == {ApprovalState.PENDING}


def test_foreign_layout_with_title_row_and_synonyms(
    desk: dict[str, Context], tmp_path: Path
) -> None:
    """Header under a merged title row, synonyms, numbers and full-width text are understood."""
    report = import_customers(desk["op"], foreign_file(tmp_path), tr)
    assert report.ok, [(i.row, i.column, str(i.error)) for i in report.issues]
    assert (report.header_row, report.rows_read, report.new) == (3, 3, 2)
    assert "序号" in report.ignored_headers
    first, second = customers(desk["op"])
    assert first.name == "苏州恒瑞精密机械有限公司" and first.credit_code == VALID_CODES[0]
    assert [(c.name, c.mobile, c.phone) for c in first.contacts] == [
        ("周工", "13812345678", ""),
        ("钱经理", "", "0512-62345678"),
    ]
    assert second.customer_class == CustomerClass.GENERAL
    assert second.contacts[0].mobile == "13900001234"


def test_bad_rows_are_reported_and_nothing_is_written(
    desk: dict[str, Context], tmp_path: Path
) -> None:
    """Each bad row is named with its reason; the database stays unchanged."""
    path = template_file(
        tmp_path,
        [
            {"name": "好公司甲", "contact_name": "甲"},
            {"name": "坏公司乙", "credit_code": "91350100M000100Y44"},
            {"contact_name": "没有客户名称"},
            {"name": "坏公司丙", "contact_name": "丙", "mobile": "12345"},
            {"name": "好公司丁", "customer_class": "VIP"},
        ],
    )
    report = import_customers(desk["op"], path, tr)
    assert not report.written and customers(desk["op"]) == []
    found = {(issue.row, issue.column) for issue in report.issues}
    assert found == {(3, "统一社会信用代码"), (4, "客户名称"), (5, "手机"), (6, "客户类别")}
    assert report.skipped_rows == [3, 4, 5, 6]
    with desk["op"].reading() as session:
        assert session.scalar(select(AuditEntry).where(AuditEntry.action == "import")) is None


def test_valid_only_imports_the_good_rows_and_lists_the_rest(
    desk: dict[str, Context], tmp_path: Path
) -> None:
    """With valid_only the good customers are stored and the skipped rows listed."""
    path = template_file(
        tmp_path,
        [
            {"name": "好公司甲"},
            {"name": "坏公司乙", "email": "x@"},
            {"name": "好公司丙"},
        ],
    )
    report = import_customers(desk["op"], path, tr, valid_only=True)
    assert report.written and report.new == 2 and report.skipped_rows == [3]
    assert [c.name for c in customers(desk["op"])] == ["好公司甲", "好公司丙"]


def test_dry_run_writes_nothing(desk: dict[str, Context], tmp_path: Path) -> None:
    """--dry-run reports what would happen and leaves the database alone."""
    report = import_customers(desk["op"], foreign_file(tmp_path), tr, dry_run=True)
    assert report.new == 2 and not report.written
    assert count_customers(desk["op"], CustomerFilter()) == 0


def test_importing_the_same_file_twice_creates_no_duplicates(
    desk: dict[str, Context], tmp_path: Path
) -> None:
    """The second import finds every customer unchanged."""
    path = foreign_file(tmp_path)
    import_customers(desk["op"], path, tr)
    before = [(c.id, c.updated_at, len(c.contacts)) for c in customers(desk["op"])]
    again = import_customers(desk["op"], path, tr)
    assert (again.new, again.updated, again.unchanged) == (0, 0, 2)
    assert [(c.id, c.updated_at, len(c.contacts)) for c in customers(desk["op"])] == before


def test_blank_cells_never_erase_stored_values(desk: dict[str, Context], tmp_path: Path) -> None:
    """A later sheet with fewer columns updates what it has and keeps the rest."""
    import_customers(desk["op"], foreign_file(tmp_path), tr)
    path = template_file(tmp_path, [{"name": "无锡盛丰新材料有限公司", "address": "无锡市新吴区"}])
    report = import_customers(desk["op"], path, tr)
    assert report.updated == 1
    stored = customers(desk["op"])[1]
    assert stored.address == "无锡市新吴区" and stored.credit_code == VALID_CODES[1]
    assert stored.contacts[0].name == "吴工"


def test_confidential_columns_need_access(desk: dict[str, Context], tmp_path: Path) -> None:
    """Another operator cannot write credit data into a file they may not open."""
    import_customers(desk["op"], foreign_file(tmp_path), tr)
    path = template_file(tmp_path, [{"name": "无锡盛丰新材料有限公司", "credit_grade": "D"}])
    report = import_customers(desk["op2"], path, tr)
    assert not report.written and report.issues[0].column == "信用等级"
    assert "confidential" in str(report.issues[0].error)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (
            lambda p: p.write_text("客户名称,电话\n甲,1\n", encoding="utf-8"),
            "not an Excel workbook",
        ),
        (lambda p: p.write_bytes(b""), "is empty"),
        (lambda p: Workbook().save(p), "No header row"),
    ],
)
def test_unreadable_files_get_one_sentence(
    desk: dict[str, Context],
    tmp_path: Path,
    make,  # type: ignore[no-untyped-def]
    message: str,
) -> None:
    """CSV text, an empty file and a sheet without a header are explained."""
    path = tmp_path / "客户.xlsx"
    make(path)
    with pytest.raises(WorkbookError, match=message):
        import_customers(desk["op"], path, tr)


def test_password_protected_and_old_xls_files(desk: dict[str, Context], tmp_path: Path) -> None:
    """A real encrypted workbook and an .xls file each get their own advice."""
    plain = template_file(tmp_path, [{"name": "甲公司"}])
    locked = tmp_path / "locked.xlsx"
    with plain.open("rb") as source, locked.open("wb") as target:
        OOXMLFile(source).encrypt("secret", target)
    with pytest.raises(WorkbookError, match="password"):
        import_customers(desk["op"], locked, tr)
    old = tmp_path / "old.xls"
    old.write_bytes(locked.read_bytes())
    with pytest.raises(WorkbookError, match="97–2003"):
        import_customers(desk["op"], old, tr)
    assert customers(desk["op"]) == []


def test_export_respects_confidentiality_and_reimports_unchanged(
    desk: dict[str, Context], tmp_path: Path
) -> None:
    """Exports have header, frozen panes, filter and widths; others' credit stays blank."""
    path = template_file(
        tmp_path,
        [
            {
                "name": "甲精密有限公司",
                "credit_grade": "B",
                "credit_note": "偶有延期",
                "contact_name": "张工",
            },
        ],
    )
    import_customers(desk["op"], path, tr)
    mine, theirs = tmp_path / "mine.xlsx", tmp_path / "theirs.xlsx"
    export_customers(desk["op"], mine, tr)
    counts = export_customers(desk["op2"], theirs, tr)
    assert counts == {"customers": 1, "confidential": 0, "rows": 1}
    sheet = load_workbook(mine).worksheets[0]
    header = [c.value for c in sheet[1]]
    assert header[:2] == ["客户编号", "客户名称"]
    assert sheet.freeze_panes == "C2" and sheet.auto_filter.ref == "A1:U2"
    assert sheet.column_dimensions["B"].width == 34
    grade = header.index("信用等级")
    assert sheet[2][grade].value == "B"
    assert load_workbook(theirs).worksheets[0][2][grade].value in (None, "")
    again = import_customers(desk["op"], mine, tr)
    assert (again.new, again.updated, again.unchanged) == (0, 0, 1)
    with desk["op"].reading() as session:
        exports = session.scalars(select(AuditEntry).where(AuditEntry.action == "export")).all()
    assert [e.username for e in exports] == ["op", "op2"]


def test_template_has_instructions(tmp_path: Path) -> None:
    """The downloadable template carries the header and an instructions sheet."""
    workbook = load_workbook(write_template(tmp_path / "t.xlsx", tr))
    assert workbook.sheetnames == ["客户", "填写说明"]
    assert workbook.worksheets[0]["B1"].value == "客户名称"
    assert date.today()  # the template has no data rows
    assert workbook.worksheets[0].max_row == 1


def test_multiline_notes_and_dashed_phones_reimport_unchanged(
    desk: dict[str, Context], tmp_path: Path
) -> None:
    """Line breaks survive an export and re-import; a dashed mobile adds no second contact."""
    path = template_file(
        tmp_path,
        [
            {
                "name": "甲精密有限公司",
                "qualification_notes": "营业执照已核验\n税务登记已核验",
                "contact_name": "张三",
                "mobile": "138-1234-5678",
            },
        ],
    )
    import_customers(desk["op"], path, tr)
    assert (
        import_customers(desk["op"], path, tr).unchanged,
        len(customers(desk["op"])[0].contacts),
    ) == (1, 1)
    exported = tmp_path / "out.xlsx"
    export_customers(desk["op"], exported, tr)
    again = import_customers(desk["op"], exported, tr)
    assert (again.updated, again.unchanged) == (0, 1)
    assert customers(desk["op"])[0].qualification_notes == "营业执照已核验\n税务登记已核验"


def test_custodians_are_matched_by_user_name(
    admin_ctx: Context, desk: dict[str, Context], tmp_path: Path
) -> None:
    """Two users share a full name: the export's user name keeps the right custodian,
    and a bare shared full name is refused as ambiguous."""
    from reqdesk.services.users import create_user

    dept = next(d.id for d in list_departments(admin_ctx) if d.code == "DESK")
    for name in ("zw1", "zw2"):
        create_user(
            admin_ctx,
            username=name,
            full_name="张伟",
            roles=[Role.OPERATOR],
            password="password-1",
            department_id=dept,
        )
    boss = desk["boss"]
    import_customers(boss, template_file(tmp_path, [{"name": "甲公司", "custodian": "zw2"}]), tr)
    owner = customers(boss)[0].custodian_id
    exported = tmp_path / "out.xlsx"
    export_customers(boss, exported, tr)
    assert import_customers(boss, exported, tr).unchanged == 1
    assert customers(boss)[0].custodian_id == owner
    report = import_customers(
        boss, template_file(tmp_path, [{"name": "乙公司", "custodian": "张伟"}]), tr
    )
    assert not report.written and "Several users" in str(report.issues[0].error)


def test_english_exports_reimport(desk: dict[str, Context], tmp_path: Path) -> None:
    """Class labels written in English are understood on import."""
    import_customers(
        desk["op"], template_file(tmp_path, [{"name": "甲公司", "customer_class": "重点"}]), tr
    )
    i18n.install("en")
    exported = tmp_path / "en.xlsx"
    export_customers(desk["op"], exported, i18n.translate)
    assert load_workbook(exported).worksheets[0]["I2"].value == "Key customer"
    assert import_customers(desk["op"], exported, i18n.translate).unchanged == 1


def test_text_starting_with_equals_stays_text(desk: dict[str, Context], tmp_path: Path) -> None:
    """An address typed as "=HYPERLINK(…)" is exported as text, never as a live formula."""
    from reqdesk.services.customers.files import create_customer
    from reqdesk.services.customers.forms import CustomerInput

    create_customer(
        desk["op"], CustomerInput(name="甲公司", address='=HYPERLINK("http://x.example","点我")')
    )
    exported = tmp_path / "out.xlsx"
    export_customers(desk["op"], exported, tr)
    cell = load_workbook(exported).worksheets[0]["F2"]
    assert cell.data_type in ("s", "inlineStr")  # a formula would be "f"
    assert cell.value.startswith("=HYPERLINK")


def test_a_serial_number_column_is_not_a_customer_code(
    desk: dict[str, Context], tmp_path: Path
) -> None:
    """Sheets often start with 编号 1, 2, 3 …: that is a row number, not a customer code."""
    workbook = Workbook()
    workbook.active.append(["编号", "客户名称", "联系人"])
    workbook.active.append([1, "甲公司", "张工"])
    path = tmp_path / "serial.xlsx"
    workbook.save(path)
    assert import_customers(desk["op"], path, tr).new == 1


def test_contact_problem_points_to_its_own_sheet_row(
    desk: dict[str, Context], tmp_path: Path
) -> None:
    """With a customer on file, a bad new contact is reported on the row that holds it."""
    import_customers(
        desk["op"], template_file(tmp_path, [{"name": "甲公司", "contact_name": "旧"}]), tr
    )
    path = template_file(
        tmp_path,
        [
            {"name": "甲公司", "contact_name": "新甲", "mobile": "13800001111"},
            {"name": "甲公司", "contact_name": "新乙", "mobile": "12"},
        ],
    )
    report = import_customers(desk["op"], path, tr)
    assert [(i.row, i.column) for i in report.issues] == [(3, "手机")]
