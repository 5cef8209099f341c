"""Developer tool: refresh the .ts sources from the code and compile the .qm files.

    python -m reqdesk.i18n_tool          (what ``python3 dev.py i18n`` runs)

Translations are edited in ``resources/translations/reqdesk_zh_CN.ts`` (Qt Linguist
or any editor); this tool keeps existing translations and adds new source texts.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from reqdesk import paths

PACKAGE = Path(__file__).resolve().parent
TRANSLATED = ("zh_CN",)


def tool(name: str) -> str:
    folder = Path(sys.executable).parent
    for candidate in (folder / name, folder / f"{name}.exe"):
        if candidate.exists():
            return str(candidate)
    return name


def sources() -> list[str]:
    return sorted(
        str(p)
        for p in PACKAGE.rglob("*.py")
        if "migrations" not in p.parts and p.name != "i18n_tool.py"
    )


def update_ts(ts_file: Path) -> None:
    subprocess.run(
        [
            tool("pyside6-lupdate"),
            *sources(),
            "-no-obsolete",
            "-locations",
            "none",
            "-ts",
            str(ts_file),
        ],
        check=True,
    )


def release(ts_file: Path, qm_file: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), str(ts_file), "-qm", str(qm_file)], check=True)


def main() -> int:
    folder = paths.resources_dir() / "translations"
    for language in TRANSLATED:
        ts_file = folder / f"reqdesk_{language}.ts"
        update_ts(ts_file)
        release(ts_file, ts_file.with_suffix(".qm"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
