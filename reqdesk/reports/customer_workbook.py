"""Customer spreadsheets: reqdesk's template and export, and reading the sheets companies keep.

Reading finds the header row even under a title row or merged cells, matches
column names in Chinese or English with common synonyms, and cleans cells that
are numbers, dates or text with stray spaces and full-width characters.
"""

from __future__ import annotations

import io
import unicodedata
import zipfile
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from reqdesk.reports.files import write_atomically
from reqdesk.reports.pdf import Translate
from reqdesk.services.errors import ReqdeskError
from reqdesk.textmarks import QT_TRANSLATE_NOOP

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
HEADER_SCAN_ROWS = 20
# What openpyxl raises on a damaged package or sheet (bad zip data, XML, numbers, indexes;
# zipfile: NotImplementedError for an unknown zip version, RuntimeError for encrypted parts;
# SyntaxError: the XML parsers' errors, ElementTree's ParseError and lxml's alike).
DAMAGED = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    NotImplementedError,
    RuntimeError,
    SyntaxError,
    InvalidFileException,
    KeyError,
    IndexError,
    ValueError,
    TypeError,
    OverflowError,
)


class WorkbookError(ReqdeskError):
    """The file cannot be read as a customer sheet; the message says why in one sentence."""


@dataclass(frozen=True)
class Column:
    key: str
    header: str  # English source text; translated in the "CustomerSheet" context
    synonyms: tuple[str, ...]
    width: int
    confidential: bool = False


COLUMNS: tuple[Column, ...] = (
    Column(
        "code",
        QT_TRANSLATE_NOOP("CustomerSheet", "Customer code"),
        ("客户编号", "客户代码", "客户编码", "customercode"),
        14,
    ),
    Column(
        "name",
        QT_TRANSLATE_NOOP("CustomerSheet", "Customer name"),
        (
            "客户名称",
            "公司名称",
            "单位名称",
            "企业名称",
            "客户全称",
            "名称",
            "客户",
            "customer",
            "company",
            "companyname",
            "name",
        ),
        34,
    ),
    Column(
        "short_name",
        QT_TRANSLATE_NOOP("CustomerSheet", "Short name"),
        ("简称", "客户简称", "shortname"),
        14,
    ),
    Column(
        "credit_code",
        QT_TRANSLATE_NOOP("CustomerSheet", "Unified social credit code"),
        (
            "统一社会信用代码",
            "社会信用代码",
            "信用代码",
            "税号",
            "纳税人识别号",
            "creditcode",
            "uscc",
        ),
        22,
    ),
    Column(
        "qualification_notes",
        QT_TRANSLATE_NOOP("CustomerSheet", "Qualifications"),
        ("资质", "资质说明", "法人资质", "营业执照", "qualifications"),
        24,
    ),
    Column(
        "address",
        QT_TRANSLATE_NOOP("CustomerSheet", "Address"),
        ("地址", "公司地址", "联系地址", "单位地址", "通讯地址", "address"),
        30,
    ),
    Column(
        "website",
        QT_TRANSLATE_NOOP("CustomerSheet", "Website"),
        ("网址", "网站", "公司网址", "website", "web"),
        22,
    ),
    Column(
        "industry",
        QT_TRANSLATE_NOOP("CustomerSheet", "Industry"),
        ("行业", "所属行业", "industry"),
        12,
    ),
    Column(
        "customer_class",
        QT_TRANSLATE_NOOP("CustomerSheet", "Class"),
        ("客户类别", "客户分类", "类别", "客户类型", "class", "category"),
        10,
    ),
    Column(
        "custodian",
        QT_TRANSLATE_NOOP("CustomerSheet", "Custodian"),
        ("管理人", "负责人", "客户经理", "业务员", "跟进人", "custodian", "owner"),
        10,
    ),
    Column(
        "contact_name",
        QT_TRANSLATE_NOOP("CustomerSheet", "Contact"),
        ("联系人", "联系人姓名", "姓名", "contact", "contactname"),
        10,
    ),
    Column(
        "contact_title",
        QT_TRANSLATE_NOOP("CustomerSheet", "Contact title"),
        ("职务", "职位", "联系人职务", "title"),
        10,
    ),
    Column(
        "phone",
        QT_TRANSLATE_NOOP("CustomerSheet", "Telephone"),
        ("联系电话", "电话", "座机", "固定电话", "办公电话", "phone", "tel", "telephone"),
        16,
    ),
    Column(
        "mobile",
        QT_TRANSLATE_NOOP("CustomerSheet", "Mobile"),
        ("手机", "手机号", "手机号码", "移动电话", "mobile", "cellphone"),
        14,
    ),
    Column(
        "email",
        QT_TRANSLATE_NOOP("CustomerSheet", "E-mail"),
        ("邮箱", "电子邮件", "电子邮箱", "email", "e-mail", "mail"),
        24,
    ),
    Column(
        "credit_grade",
        QT_TRANSLATE_NOOP("CustomerSheet", "Credit grade"),
        ("信用等级", "信用级别", "creditgrade"),
        8,
        True,
    ),
    Column(
        "credit_note",
        QT_TRANSLATE_NOOP("CustomerSheet", "Credit note"),
        ("信用状况", "信用说明", "信用情况", "creditnote"),
        20,
        True,
    ),
    Column(
        "production_process",
        QT_TRANSLATE_NOOP("CustomerSheet", "Production process"),
        ("生产工艺", "productionprocess", "process"),
        18,
        True,
    ),
    Column(
        "production_scale",
        QT_TRANSLATE_NOOP("CustomerSheet", "Production scale"),
        ("生产规模", "规模", "productionscale", "scale"),
        18,
        True,
    ),
    Column(
        "raw_materials",
        QT_TRANSLATE_NOOP("CustomerSheet", "Raw materials"),
        ("使用原料", "原料", "原材料", "rawmaterials"),
        16,
        True,
    ),
    Column(
        "production_investment",
        QT_TRANSLATE_NOOP("CustomerSheet", "Production investment"),
        ("企业生产投资", "生产投资", "投资", "investment"),
        18,
        True,
    ),
)
COLUMN_BY_KEY = {c.key: c for c in COLUMNS}


def header_key(text: Any) -> str:
    """A header cell reduced for matching: NFKC, no spaces or marks, lower case."""
    raw = unicodedata.normalize("NFKC", str(text or ""))
    for mark in ("*", "(必填)", "(选填)", ":", "#", "_"):
        raw = raw.replace(mark, "")
    return "".join(raw.split()).lower()


_SYNONYMS: dict[str, str] = {}
for _column in COLUMNS:
    for _name in (*_column.synonyms, _column.key, _column.header):
        _SYNONYMS.setdefault(header_key(_name), _column.key)


def match_header(text: Any, translate: Translate | None = None) -> str | None:
    key = header_key(text)
    if not key:
        return None
    if key in _SYNONYMS:
        return _SYNONYMS[key]
    if translate is not None:
        for column in COLUMNS:
            if header_key(translate("CustomerSheet", column.header)) == key:
                return column.key
    return None


MULTILINE_KEYS = frozenset(
    {
        "qualification_notes",
        "credit_note",
        "production_process",
        "production_scale",
        "raw_materials",
        "production_investment",
    }
)


def cell_text(value: Any, *, multiline: bool = False) -> str:
    """A cell as text: whole numbers without ".0", dates as YYYY-MM-DD, spaces cleaned.

    ``multiline`` keeps line breaks (Excel's Alt+Enter, and Word's soft breaks).
    """
    if multiline and isinstance(value, str):
        text = value.replace("\r\n", "\n").replace("\r", "\n").replace("\x0b", "\n")
        lines = (
            " ".join(line.replace("\u3000", " ").replace("\xa0", " ").split())
            for line in text.split("\n")
        )
        return "\n".join(lines).strip()
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else ""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else str(value)
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).replace("\u3000", " ").replace("\xa0", " ")
    return " ".join(text.split())


@dataclass
class SheetRows:
    sheet: str
    header_row: int
    columns: dict[int, str]  # position → field key
    headers: dict[str, str]  # field key → header text as in the file
    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    ignored_headers: list[str] = field(default_factory=list)


def _fail(message: str, **params: Any) -> WorkbookError:
    return WorkbookError(message, **params)


def _open(path: Path) -> Any:
    if not path.exists():
        raise _fail(QT_TRANSLATE_NOOP("Errors", "There is no file {file}."), file=str(path))
    if path.is_dir():
        raise _fail(
            QT_TRANSLATE_NOOP("Errors", "{file} is a folder, not a workbook."), file=str(path)
        )
    with path.open("rb") as handle:
        start = handle.read(8)
    if not start:
        raise _fail(QT_TRANSLATE_NOOP("Errors", "{file} is empty."), file=path.name)
    if start == OLE2_MAGIC:
        if path.suffix.lower() == ".xls":
            raise _fail(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "{file} is in the old Excel 97–2003 format. Open it in Excel and save it "
                    "as an .xlsx workbook.",
                ),
                file=path.name,
            )
        raise _fail(
            QT_TRANSLATE_NOOP(
                "Errors",
                "{file} is protected by a password. Open it in Excel, remove the password "
                "and save it again.",
            ),
            file=path.name,
        )
    try:
        return load_workbook(path, read_only=True, data_only=True)
    except (*DAMAGED, OSError):
        raise _fail(
            QT_TRANSLATE_NOOP(
                "Errors", "{file} is not an Excel workbook (.xlsx). Choose an .xlsx file."
            ),
            file=path.name,
        ) from None


def _rows(path: Path, sheet: Any, **bounds: int) -> Iterator[tuple[Any, ...]]:
    """The sheet's rows as values; a part openpyxl cannot parse is a damaged file."""
    try:
        yield from sheet.iter_rows(values_only=True, **bounds)
    except DAMAGED:
        raise _fail(
            QT_TRANSLATE_NOOP(
                "Errors",
                "{file} is damaged: part of it cannot be read. Open it in Excel, save it "
                "again and import the saved copy.",
            ),
            file=path.name,
        ) from None


def _find_header(
    path: Path, workbook: Any, translate: Translate | None
) -> tuple[Any, int, list[Any]]:
    """The first sheet with a usable header, its header row number and the row."""
    best: tuple[int, Any, int, list[Any]] | None = None
    for sheet in workbook.worksheets:
        for number, row in enumerate(_rows(path, sheet, max_row=HEADER_SCAN_ROWS), start=1):
            keys = [match_header(v, translate) for v in row]
            score = len({k for k in keys if k})
            if "name" in keys and (best is None or score > best[0]):
                best = (score, sheet, number, list(row))
        if best is not None:
            return best[1:]  # the first sheet with a usable header wins
    if not any(sheet.max_row for sheet in workbook.worksheets):
        raise _fail(QT_TRANSLATE_NOOP("Errors", "{file} has no rows."), file=path.name)
    raise _fail(
        QT_TRANSLATE_NOOP(
            "Errors",
            "No header row found in {file}: one of the first {n} rows must name the "
            "columns, including the customer name (客户名称).",
        ),
        file=path.name,
        n=HEADER_SCAN_ROWS,
    )


def read_customer_sheet(path: Path, translate: Translate | None = None) -> SheetRows:
    """Find the sheet and header row, and return each data row's cells by field key.

    Blank rows cost next to nothing, so a sheet that claims all 1,048,576 rows (one
    formatted cell at the bottom) is read in a moment; a sheet with no customer rows
    under its header is refused.
    """
    workbook = _open(path)
    try:
        sheet, header_row, header = _find_header(path, workbook, translate)
        result = SheetRows(sheet.title, header_row, {}, {})
        for position, value in enumerate(header):
            key = match_header(value, translate)
            if key and key not in result.headers:
                result.columns[position] = key
                result.headers[key] = cell_text(value)
            elif cell_text(value):
                result.ignored_headers.append(cell_text(value))
        width = max(result.columns) + 1  # the columns to the right are not read at all
        for number, row in enumerate(
            _rows(path, sheet, min_row=header_row + 1, max_col=width), start=header_row + 1
        ):
            if row.count(None) == len(row):
                continue
            cells = {
                key: cell_text(row[pos], multiline=key in MULTILINE_KEYS)
                for pos, key in result.columns.items()
                if pos < len(row)
            }
            if any(cells.values()):
                result.rows.append((number, cells))
        if not result.rows:
            raise _fail(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "Sheet {sheet} of {file} has no customer rows under its header (row {row}).",
                ),
                sheet=sheet.title,
                file=path.name,
                row=header_row,
            )
        return result
    finally:
        workbook.close()


def _safe_cell(sheet: Any, value: Any) -> Any:
    """Text is written as text: "=…" never becomes a live formula, and characters Excel
    refuses (old control characters) are dropped."""
    if not isinstance(value, str):
        return value
    value = ILLEGAL_CHARACTERS_RE.sub("", value)
    if value.startswith("="):
        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"
        return cell
    return value


def write_customer_sheet(
    path: Path,
    rows: Iterable[Sequence[Any]],
    translate: Translate,
    *,
    sheet_title: str,
    columns: Sequence[Column] = COLUMNS,
    instructions: list[str] | None = None,
) -> int:
    """Write a sheet with a styled header, frozen panes, a filter and column widths."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(sheet_title[:31])
    sheet.freeze_panes = "C2"
    for index, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    header_font = Font(bold=True, color="FFFFFF")
    header_fill = PatternFill("solid", fgColor="1F3A5F")
    header = []
    for column in columns:
        cell = WriteOnlyCell(sheet, value=translate("CustomerSheet", column.header))
        cell.font = header_font
        cell.fill = header_fill
        cell.alignment = Alignment(vertical="center")
        header.append(cell)
    sheet.append(header)
    count = 0
    for row in rows:
        sheet.append([_safe_cell(sheet, value) for value in row])
        count += 1
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{count + 1}"
    if instructions:
        notes = workbook.create_sheet(translate("CustomerSheet", "Instructions")[:31])
        notes.column_dimensions["A"].width = 100
        for line in instructions:
            notes.append([line])
    buffer = io.BytesIO()
    workbook.save(buffer)
    write_atomically(path, buffer.getvalue())
    return count
