"""Start-up to first paint, via ``reqdesk --smoke``, against a bare PySide6 window.

    python bench/startup.py [--runs N] [--big PATH]

Measures, in one run: a bare PySide6 window with one QTableView; reqdesk on an
empty database; reqdesk on 500 customers / 100,000 requirements (made with
bench/demo_generation.py unless --big names one). Prints medians and the ratios.
Target: reqdesk on the big database within 2x the bare window.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from _common import DEMO_PASSWORD, OUT, env, last_number, median, reqdesk
from demo_generation import demo_database

HERE = Path(__file__).resolve().parent


def bare_ms() -> float:
    done = subprocess.run(
        [sys.executable, str(HERE / "bare_window.py")],
        capture_output=True,
        text=True,
        env=env(),
        check=True,
    )
    return last_number(done)


def smoke_ms(db: str) -> float:
    return last_number(reqdesk("--db", db, "--user", "admin", "--smoke", password=DEMO_PASSWORD))


def import_costs(db: str) -> dict[str, float]:
    """Cumulative import milliseconds of the heavy packages in one smoke start."""
    done = subprocess.run(
        [
            sys.executable,
            "-X",
            "importtime",
            "-m",
            "reqdesk",
            "--db",
            db,
            "--user",
            "admin",
            "--smoke",
        ],
        capture_output=True,
        text=True,
        env=env(REQDESK_PASSWORD=DEMO_PASSWORD),
        check=True,
    )
    wanted = ("PySide6.QtWidgets", "PySide6.QtCore", "sqlalchemy", "reqdesk.models", "argon2")
    costs: dict[str, float] = {}
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "|" not in line:
            continue
        _, cumulative, name = (part.strip() for part in line.split("|"))
        if name in wanted and cumulative.isdigit():
            costs[name] = costs.get(name, 0) + int(cumulative) / 1000
    return costs


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--big", help="an existing 500/100,000 demo database")
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    empty = OUT / "startup-empty.db"
    if not empty.exists():
        reqdesk("demo", "--db", str(empty), "--customers", "0", "--requirements", "0")
    big = args.big or demo_database(500, 100_000)[0]
    smoke_ms(big)  # warm the file cache once, as a second start of the day would be
    results: dict[str, list[float]] = {
        "bare PySide6 window": [],
        "reqdesk, empty": [],
        "reqdesk, 500 / 100,000": [],
    }
    for _ in range(args.runs):
        results["bare PySide6 window"].append(bare_ms())
        results["reqdesk, empty"].append(smoke_ms(str(empty)))
        results["reqdesk, 500 / 100,000"].append(smoke_ms(big))
    base = median(results["bare PySide6 window"])
    print(f"start-up to first paint, median of {args.runs} runs:")
    for name, values in results.items():
        low, high = min(values), max(values)
        print(
            f"  {name:<26} {median(values):7.0f} ms  (min {low:.0f}, max {high:.0f})"
            f"  ratio {median(values) / base:4.2f}"
        )
    print("import cost inside one reqdesk start (cumulative ms, python -X importtime):")
    for name, ms in import_costs(big).items():
        print(f"  {name:<26} {ms:7.0f} ms")


if __name__ == "__main__":
    main()
