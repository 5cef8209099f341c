"""reqdesk import/export customers and report card from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from reqdesk import cli
from tests.services.test_customer_import import foreign_file


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(["--lang", "zh_CN", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_template_export_and_reimport(demo_file: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """The template needs no database; an export re-imports as unchanged."""
    code, out, _ = run(capsys, "export", "customers", "--template", str(tmp_path / "t.xlsx"))
    assert code == 0 and "模板已写入" in out
    assert load_workbook(tmp_path / "t.xlsx").worksheets[0]["B1"].value == "客户名称"
    exported = tmp_path / "all.xlsx"
    code, out, _ = run(
        capsys, "export", "customers", "--db", str(demo_file), "--user", "zhuguan", str(exported)
    )
    assert code == 0 and "已将 40 个客户写入" in out
    code, out, _ = run(
        capsys, "import", "customers", "--db", str(demo_file), "--user", "zhuguan", str(exported)
    )
    assert code == 0 and "新增 0，更新 0，未变 40" in out


def test_import_dry_run_and_bad_rows(demo_file: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """--dry-run writes nothing; bad rows are listed with row and column, exit 1."""
    good = foreign_file(tmp_path)
    code, out, _ = run(
        capsys,
        "import",
        "customers",
        "--db",
        str(demo_file),
        "--user",
        "kefu",
        str(good),
        "--dry-run",
    )
    assert code == 0 and "新增 2" in out and "试运行" in out
    sheet = load_workbook(good)
    sheet.worksheets[0]["C4"] = "91350100M000100Y44"
    bad = tmp_path / "bad.xlsx"
    sheet.save(bad)
    code, out, err = run(
        capsys, "import", "customers", "--db", str(demo_file), "--user", "kefu", str(bad)
    )
    assert code == 1
    assert "第 4 行，信用代码：此信用代码的校验码" in out
    assert "未写入任何内容" in err
    code, out, _ = run(
        capsys,
        "import",
        "customers",
        "--db",
        str(demo_file),
        "--user",
        "kefu",
        str(bad),
        "--valid-only",
    )
    assert code == 0 and "未导入的行：4, 5" in out


def test_import_needs_a_user_and_a_workbook(demo_file: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """Missing --user and a non-workbook file each give one line."""
    code, _, err = run(capsys, "import", "customers", "--db", str(demo_file), str(tmp_path))
    assert code == 1 and "--user" in err
    text = tmp_path / "x.xlsx"
    text.write_text("hello", encoding="utf-8")
    code, _, err = run(
        capsys, "import", "customers", "--db", str(demo_file), "--user", "kefu", str(text)
    )
    assert (
        code == 1
        and err.strip() == "reqdesk: x.xlsx 不是 Excel 工作簿（.xlsx）。请选择 .xlsx 文件。"
    )


def test_report_card(demo_file: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """report card CODE -o FILE writes the PDF; an unknown code is one line."""
    pdf = tmp_path / "card.pdf"
    code, out, _ = run(
        capsys,
        "report",
        "card",
        "--db",
        str(demo_file),
        "--user",
        "zhuguan",
        "HQ-C-00004",
        "-o",
        str(pdf),
    )
    assert code == 0 and "已写入" in out
    assert "客户资料卡" in PdfReader(pdf).pages[0].extract_text()
    code, _, err = run(
        capsys,
        "report",
        "card",
        "--db",
        str(demo_file),
        "--user",
        "zhuguan",
        "HQ-C-404",
        "-o",
        str(pdf),
    )
    assert code == 1 and "HQ-C-404" in err
