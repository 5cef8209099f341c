#!/usr/bin/env python3
"""Developer entry point for reqdesk: set up the environment, run, test, build.

Needs only Python 3.11+ and pip. Works the same on Windows (``py dev.py run``).

    python3 dev.py run [reqdesk options]   set up .venv and start the program
                                           (on a demo database the first time)
    python3 dev.py test [pytest options]   set up .venv with the test extra, lint, run all tests
    python3 dev.py lint                    ruff check and format check only
    python3 dev.py i18n                    refresh the .ts sources and compile the .qm files
    python3 dev.py screenshot              regenerate docs/main-window.png
    python3 dev.py build                   build the one-folder application with PyInstaller
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
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
    return run([python, "-m", "pytest", *args], env=test_env())


def cmd_i18n(_: list[str]) -> int:
    ensure_env()
    python = venv_python()
    return run([python, "-m", "reqdesk.i18n_tool"])


def cmd_screenshot(_: list[str]) -> int:
    python = ensure_env()
    return run(
        [python, "-m", "reqdesk.ui.screenshot", str(ROOT / "docs" / "main-window.png")],
        env=test_env(),
    )


def cmd_build(_: list[str]) -> int:
    python = ensure_env()
    check([python, "-m", "pip", "install", "-q", "pyinstaller>=6.6,<7"])
    return run([python, "-m", "PyInstaller", "--noconfirm", "--clean", "build.spec"])


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
