"""reqdesk sync export / import / conflicts from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from reqdesk import cli
from tests.services.sync_world import Site
from tests.services.workflow_inputs import empty_template


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(["--lang", "zh_CN", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def branch_and_office(
    tmp_path: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> tuple[Site, Site]:
    monkeypatch.setenv("REQDESK_PASSWORD", "demo1234")
    template = empty_template(tmp_path_factory)
    return Site.copied(template, tmp_path / "BJ", "BJ"), Site.copied(
        template, tmp_path / "HQ", "HQ"
    )


def sqlite_file(site: Site) -> str:
    assert site.db.sqlite_path is not None
    site.db.dispose()
    return str(site.db.sqlite_path)


def test_export_then_import_then_again(
    branch_and_office: tuple[Site, Site], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bj, hq = branch_and_office
    bj.register(bj.new_customer("命令行同步测试有限公司"))
    branch, office = sqlite_file(bj), sqlite_file(hq)
    package = tmp_path / "bj-to-hq"
    code, out, err = run(
        capsys,
        "sync",
        "export",
        "--db",
        branch,
        "--user",
        "zhuguan",
        "-o",
        str(package),
        "--to",
        "hq",
    )
    assert code == 0, err
    assert "HQ" in out and (tmp_path / "bj-to-hq.reqsync").exists()
    args = (
        "sync",
        "import",
        "--db",
        office,
        "--user",
        "zhuguan",
        str(tmp_path / "bj-to-hq.reqsync"),
    )
    code, out, err = run(capsys, *args)
    assert code == 0, err
    assert "来自 BJ" in out and "新增 3" in out  # the customer, the requirement, its event
    code, out, _ = run(capsys, *args)
    assert code == 0 and "新增 0" in out and "更新 0" in out
    code, out, _ = run(capsys, "sync", "conflicts", "--db", office, "--user", "zhuguan")
    assert code == 0 and "0 个冲突" in out


def test_a_bad_file_or_role_gets_one_line_and_exit_1(
    branch_and_office: tuple[Site, Site], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _bj, hq = branch_and_office
    office = sqlite_file(hq)
    junk = tmp_path / "notes.reqsync"
    junk.write_text("not a package", encoding="utf-8")
    code, _out, err = run(capsys, "sync", "import", "--db", office, "--user", "zhuguan", str(junk))
    assert code == 1 and "Traceback" not in err and err.startswith("reqdesk: ")
    assert "notes.reqsync" in err
    code, _out, err = run(
        capsys, "sync", "export", "--db", office, "--user", "kefu", "-o", str(tmp_path / "x")
    )
    assert code == 1 and "Traceback" not in err
    assert not (tmp_path / "x.reqsync").exists()
    code, _out, err = run(
        capsys,
        "sync",
        "export",
        "--db",
        office,
        "--user",
        "zhuguan",
        "-o",
        str(tmp_path / "y"),
        "--to",
        "HQ",
    )
    assert code == 1 and "HQ" in err
