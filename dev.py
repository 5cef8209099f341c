#!/usr/bin/env python3
"""Developer entry point for reqdesk: set up the environment, run, test, build.

Needs only Python 3.11+ and pip. Works the same on Windows (``py dev.py run``).

    python3 dev.py run [reqdesk options]   set up .venv and start the program
                                           (on a demo database the first time)
    python3 dev.py test [pytest options]   set up .venv with the test extra, lint, run all tests;
                                           then the service tests on PostgreSQL when
                                           REQDESK_TEST_PG_URL is set (CI: a throw-away server)
    python3 dev.py lint                    ruff check and format check only
    python3 dev.py i18n                    refresh the .ts sources and compile the .qm files
    python3 dev.py screenshot              regenerate the pictures in docs/screenshots/
    python3 dev.py build [--smoke]         build the one-folder application with PyInstaller
                                           (dist/reqdesk/); --smoke then runs the built program
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tempfile
import time
import venv
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".reqdesk-install-stamp"

if sys.version_info < (3, 11):  # noqa: UP036 - dev.py may run on an older python3
    sys.exit("reqdesk needs Python 3.11 or newer; this is " + sys.version.split()[0])


def venv_python() -> Path:
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def venv_tool(name: str) -> Path:
    folder = VENV / ("Scripts" if os.name == "nt" else "bin")
    return folder / (name + (".exe" if os.name == "nt" else ""))


def run(cmd: list[str | Path], **kwargs: object) -> int:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    return subprocess.call([str(c) for c in cmd], cwd=ROOT, **kwargs)  # type: ignore[arg-type]


def check(cmd: list[str | Path], **kwargs: object) -> None:
    code = run(cmd, **kwargs)
    if code != 0:
        sys.exit(code)


def ensure_env(extras: str = "") -> Path:
    """Create .venv and (re)install the project when pyproject.toml or the extras changed."""
    if not venv_python().exists():
        print(f"Creating virtual environment in {VENV.name}/ ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    key = f"{digest} {extras or 'base'}"
    done = [
        line
        for line in (STAMP.read_text().splitlines() if STAMP.exists() else [])
        if line.startswith(digest)
    ]
    if key not in done and not (not extras and done):
        target = f".[{extras}]" if extras else "."
        check(
            [
                venv_python(),
                "-m",
                "pip",
                "install",
                "--disable-pip-version-check",
                "-q",
                "-e",
                target,
            ]
        )
        STAMP.write_text("\n".join([*done, key]) + "\n")
    return venv_python()


def cmd_run(args: list[str]) -> int:
    python = ensure_env()
    if "--db" not in args and not any(a.startswith("--db=") for a in args):
        # First start from a checkout: fill the default database with demo data.
        check([python, "-m", "reqdesk", "demo", "--if-new"])
    return run([python, "-m", "reqdesk", *args])


def test_env() -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.setdefault("PYTHONFAULTHANDLER", "1")
    return env


def cmd_lint(_: list[str]) -> int:
    ensure_env("test")
    code = run([venv_tool("ruff"), "check", "."])
    code = code or run([venv_tool("ruff"), "format", "--check", "."])
    return code or run([venv_python(), "-m", "mypy"])  # models, services, db (pyproject)


def cmd_test(args: list[str]) -> int:
    python = ensure_env("test")
    code = cmd_lint([])
    if code:
        print("Lint failed: fix the findings above (`ruff format .` formats).", file=sys.stderr)
        return code
    code = run([python, "-m", "pytest", *args], env=test_env())
    return code or postgres_half(python, args)


PG_URL_ENV = "REQDESK_TEST_PG_URL"
PG_CI_ENV = "REQDESK_TEST_POSTGRES"  # .ci/run: on a throw-away server (pgserver)
POSTGRES_HALF = ["tests/services", "tests/models"]


def postgres_half(python: Path, args: list[str]) -> int:
    """The service and model tests again on PostgreSQL: the server in REQDESK_TEST_PG_URL,
    or (REQDESK_TEST_POSTGRES=1, as CI sets) a throw-away server of the pgserver package."""
    if not os.environ.get(PG_URL_ENV) and os.environ.get(PG_CI_ENV) != "1":
        print(
            f"PostgreSQL half skipped: set {PG_URL_ENV}=postgresql://USER@HOST/DB (a user "
            "who may create databases) to run the service tests on PostgreSQL too.",
            flush=True,
        )
        return 0
    print("Running the service and model tests on PostgreSQL …", flush=True)
    env = dict(test_env(), REQDESK_TEST_BACKEND="postgresql")
    return run([python, "-m", "pytest", *args, *POSTGRES_HALF], env=env)


def cmd_i18n(_: list[str]) -> int:
    ensure_env()
    python = venv_python()
    return run([python, "-m", "reqdesk.i18n_tool"])


def cmd_screenshot(_: list[str]) -> int:
    python = ensure_env()
    return run(
        [python, "-m", "reqdesk.ui.screenshot", str(ROOT / "docs" / "screenshots")],
        env=test_env(),
    )


PYINSTALLER = "pyinstaller>=6.6,<7"
BUILT = ROOT / "dist" / "reqdesk"
SMOKE_PASSWORD = "demo1234"  # the demo users' password
SMOKE_TIMEOUT_S = 300


def cmd_build(args: list[str]) -> int:
    """Build dist/reqdesk/ with PyInstaller; ``--smoke`` then runs the built program."""
    python = ensure_env()
    check([python, "-m", "pip", "install", "--disable-pip-version-check", "-q", PYINSTALLER])
    started = time.monotonic()
    code = run([python, "-m", "PyInstaller", "--noconfirm", "--clean", "build.spec"])
    if code:
        return code
    size = sum(f.stat().st_size for f in BUILT.rglob("*") if f.is_file() and not f.is_symlink())
    print(
        f"Built {BUILT.relative_to(ROOT)} in {time.monotonic() - started:.0f} s, "
        f"{size / 2**20:.0f} MB.",
        flush=True,
    )
    return smoke_test(BUILT) if "--smoke" in args else 0


def program(built: Path, name: str) -> Path:
    return built / (name + (".exe" if os.name == "nt" else ""))


def smoke_test(built: Path) -> int:
    """Run the built programs on a new database in a temporary folder; PASS or FAIL."""
    with tempfile.TemporaryDirectory(prefix="reqdesk-smoke-", ignore_cleanup_errors=True) as tmp:
        folder = Path(tmp)
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", REQDESK_PASSWORD=SMOKE_PASSWORD)
        env["REQDESK_DATA_DIR"] = str(folder / "data")  # logs and settings stay in here
        db = str(folder / "smoke.db")
        cli, gui = program(built, "reqdesk-cli"), program(built, "reqdesk")
        supervisor = ["--db", db, "--user", "zhuguan"]  # may print reports
        steps: list[tuple[str, list[str | Path], Callable[[str], bool]]] = [
            ("version", [cli, "--version"], lambda out: out.startswith("reqdesk ")),
            ("new database", [cli, "demo", "--db", db, "--requirements", "200"], exit_zero),
            ("check", [cli, "check", "--db", db], exit_zero),
            ("backup", [cli, "backup", "--db", db, "-o", folder / "b.db"], exit_zero),
            (
                "PDF report",
                [cli, "report", "weekly", *supervisor, "-o", folder / "week.pdf"],
                produced(folder / "week.pdf", b"%PDF"),
            ),
            (
                "Excel export",
                [cli, "export", "ledger", folder / "ledger.xlsx", *supervisor],
                produced(folder / "ledger.xlsx", b"PK"),
            ),
            ("first paint", [gui, "--smoke", *supervisor], painted),
        ]
        done = 0
        for title, cmd, passed in steps:
            if not smoke_step(title, cmd, env, passed):
                return smoke_result(done, failed=title)
            done += 1
        if not windowed_step([gui, "--smoke", *supervisor], env):
            return smoke_result(done, failed="windowed start (no stdout/stderr)")
    return smoke_result(done + 1, failed=None)


def smoke_result(passed: int, *, failed: str | None) -> int:
    if failed:
        print(f"SMOKE FAIL: {failed}")
    else:
        print("SMOKE PASS: the built program migrates a new database, signs in, paints its window")
    print(f"smoke: {passed} passed, {int(failed is not None)} failed", flush=True)
    return 1 if failed else 0


def exit_zero(_out: str) -> bool:
    return True


def produced(path: Path, start: bytes) -> Callable[[str], bool]:
    """A check that the step wrote ``path`` and that it begins with ``start``."""
    return lambda _out: path.is_file() and path.read_bytes().startswith(start)


def smoke_step(
    title: str, cmd: list[str | Path], env: dict[str, str], passed: Callable[[str], bool]
) -> bool:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    try:
        done = subprocess.run(
            [str(c) for c in cmd],
            env=env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=SMOKE_TIMEOUT_S,
        )
    except subprocess.TimeoutExpired:
        print(f"  {title}: no answer within {SMOKE_TIMEOUT_S} s", flush=True)
        return False
    out = done.stdout.strip()
    ok = done.returncode == 0 and passed(out)
    detail = f"first paint {first_paint(out)} ms" if title == "first paint" and ok else out
    print(f"  {'ok' if ok else 'FAILED'} ({title}, exit {done.returncode}): {detail}", flush=True)
    if not ok and done.stderr.strip():
        print(done.stderr.strip(), flush=True)
    return ok


def painted(out: str) -> bool:
    return first_paint(out) is not None


def first_paint(out: str) -> int | None:
    """The milliseconds ``--smoke`` prints as its last line, if it did."""
    last = out.splitlines()[-1] if out else ""
    return int(last) if last.isdigit() else None


def windowed_step(cmd: list[str | Path], env: dict[str, str]) -> bool:
    """The windowed program as Windows starts it: no standard streams at all."""
    print("+", " ".join(str(c) for c in cmd), "(no stdin/stdout/stderr)", flush=True)
    # A windowed .exe started without redirection has none; elsewhere close them.
    closing = None if os.name == "nt" else _close_std_fds
    try:
        code = subprocess.call(
            [str(c) for c in cmd], env=env, timeout=SMOKE_TIMEOUT_S, preexec_fn=closing
        )
    except subprocess.TimeoutExpired:
        code = -1
    print(f"  {'ok' if code == 0 else 'FAILED'} (windowed start, exit {code})", flush=True)
    return code == 0


def _close_std_fds() -> None:
    for fd in (0, 1, 2):
        os.close(fd)


COMMANDS = {
    "run": cmd_run,
    "test": cmd_test,
    "lint": cmd_lint,
    "i18n": cmd_i18n,
    "screenshot": cmd_screenshot,
    "build": cmd_build,
}


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in COMMANDS:
        print(__doc__)
        return 2
    return COMMANDS[argv[0]](argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
