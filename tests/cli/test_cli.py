"""The reqdesk command: init, demo, check, --smoke, and one clear line for mistakes."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from reqdesk import cli
from reqdesk.services.demo import DEMO_PASSWORD


def run_cli(
    *args: str, password: str | None = None, lang: str = "en"
) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("REQDESK_PASSWORD", None)
    if password is not None:
        env["REQDESK_PASSWORD"] = password
    return subprocess.run(
        [sys.executable, "-m", "reqdesk", "--lang", lang, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


def test_init_sets_up_a_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """init takes company, site and admin; the password comes from the environment."""
    monkeypatch.setenv("REQDESK_PASSWORD", "admin-pass-9")
    db = tmp_path / "x.db"
    code = cli.main(
        ["init", "--db", str(db), "--company", "甲公司", "--site", "gz1", "--admin", "boss"]
    )
    assert code == 0
    assert "boss" in capsys.readouterr().out
    with sqlite3.connect(db) as conn:
        site = conn.execute("SELECT value FROM setting WHERE key='site_code'").fetchone()
        user = conn.execute("SELECT username FROM app_user").fetchone()
    assert site == ('"GZ1"',) and user == ("boss",)


def test_init_mistakes_give_one_line_in_chinese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bad site code is one translated line on stderr and a non-zero exit."""
    monkeypatch.setenv("REQDESK_PASSWORD", "admin-pass-9")
    code = cli.main(
        [
            "--lang",
            "zh_CN",
            "init",
            "--db",
            str(tmp_path / "y.db"),
            "--company",
            "乙",
            "--site",
            "x",
            "--admin",
            "boss",
        ]
    )
    err = capsys.readouterr().err
    assert code == 1
    assert err.strip() == "reqdesk: 站点代码须为 2 到 8 位字母或数字，例如 SH01。"


def test_init_without_a_password_source_says_what_to_do(tmp_path: Path) -> None:
    """No REQDESK_PASSWORD and no terminal: a clear message, not a hang or traceback."""
    result = run_cli(
        "init", "--db", str(tmp_path / "z.db"), "--company", "丙", "--site", "SZ", "--admin", "boss"
    )
    assert result.returncode == 1
    assert "REQDESK_PASSWORD" in result.stderr and "Traceback" not in result.stderr


def test_bad_arguments_are_one_usage_error(tmp_path: Path) -> None:
    """argparse mistakes print usage and one error line, exit 2."""
    result = run_cli("demo", "--db", str(tmp_path / "d.db"), "--customers", "lots")
    assert result.returncode == 2
    assert "must be a whole number" in result.stderr and "Traceback" not in result.stderr


def test_demo_then_check_then_tamper(tmp_path: Path) -> None:
    """demo fills a new file; check is clean (exit 0); a row edited in SQL is named (exit 1)."""
    db = tmp_path / "demo.db"
    made = run_cli(
        "demo",
        "--db",
        str(db),
        "--customers",
        "5",
        "--requirements",
        "40",
        "--seed",
        "2",
        "--as-of",
        "2026-11-20",
    )
    assert made.returncode == 0, made.stderr
    assert "5 customers, 40 requirements" in made.stdout and DEMO_PASSWORD in made.stdout
    clean = run_cli("check", "--db", str(db))
    assert clean.returncode == 0 and "no problems found" in clean.stdout
    with sqlite3.connect(db) as conn:
        victim = conn.execute("SELECT max(id) FROM audit_entry WHERE action='create'").fetchone()[0]
        conn.execute("UPDATE audit_entry SET username='mallory' WHERE id=?", (victim,))
    broken = run_cli("check", "--db", str(db))
    assert broken.returncode == 1
    assert f"audit entry #{victim}: content was altered outside reqdesk" in broken.stdout
    again = run_cli("demo", "--db", str(db))
    assert again.returncode == 1 and "already set up" in again.stderr
    assert run_cli("demo", "--db", str(db), "--if-new").returncode == 0


def test_check_names_a_damaged_file(tmp_path: Path) -> None:
    """A file that is not a database is reported in one line, exit 1."""
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"\x00garbage" * 512)
    result = run_cli("check", "--db", str(bad))
    assert result.returncode == 1
    assert "not a reqdesk database" in result.stderr and "Traceback" not in result.stderr


def test_smoke_starts_signs_in_and_paints(demo_template: Path, tmp_path: Path) -> None:
    """--smoke prints the milliseconds to the first painted tab and exits 0."""
    db = tmp_path / "smoke.db"
    db.write_bytes(demo_template.read_bytes())
    result = run_cli("--db", str(db), "--user", "kefu", "--smoke", password=DEMO_PASSWORD)
    assert result.returncode == 0, result.stderr
    assert 0 < float(result.stdout.strip().splitlines()[-1]) < 120_000
    refused = run_cli("--db", str(db), "--user", "kefu", "--smoke", password="wrong-one")
    assert refused.returncode == 1 and "wrong password" in refused.stderr


def test_smoke_needs_a_user(tmp_path: Path) -> None:
    """--smoke without --user explains itself."""
    result = run_cli("--db", str(tmp_path / "n.db"), "--smoke")
    assert result.returncode == 1 and "--smoke needs --user" in result.stderr


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("{tmp}", "is a folder"),
        ("{tmp}/missing.db", "There is no database at"),
        ("", "No database given"),
        ("bogus://x", "cannot use bogus databases"),
        ("postgresql://u:p@127.0.0.1:1/x", "driver psycopg2 is not installed"),
        ("postgresql+psycopg://u@host:port/x", "is not a valid database address"),
    ],
)
def test_bad_database_targets_are_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], target: str, message: str
) -> None:
    """Folders, missing files, unknown engines and missing drivers: one line, exit 1."""
    code = cli.main(["--lang", "en", "check", "--db", target.format(tmp=tmp_path)])
    err = capsys.readouterr().err
    assert code == 1
    assert message in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "missing.db").exists()


def test_gui_start_on_an_unopenable_database_says_why(tmp_path: Path) -> None:
    """The GUI path (here via --smoke) reports a folder given as database in one line."""
    result = run_cli("--db", str(tmp_path), "--user", "admin", "--smoke", password="x")
    assert result.returncode == 1
    assert "is a folder" in result.stderr and "Traceback" not in result.stderr
