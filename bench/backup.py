"""Backups and the start-up file check, on a small and on the 100,000-requirement demo.

    python bench/backup.py [--runs N]

Prints, for each database: its size, the start-up check (integrity_check for files up to
64 MB, header and write checks above), one checked backup (online backup API in one
step, journal mode switched to DELETE, integrity_check of the copy) and a restore
(check of the backup, safety copy of the current file, copy back, integrity_check).
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from _common import OUT, median
from demo_generation import BIG_DEMO, demo_database

from reqdesk import backups
from reqdesk.db import connect, verify_sqlite_file


def _time(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return median(times)


def measure(source: Path, runs: int) -> None:
    with tempfile.TemporaryDirectory(dir=OUT) as folder:
        path = Path(folder) / "bench.db"
        shutil.copyfile(source, path)
        size = path.stat().st_size / 1e6
        db = connect(path)
        check = _time(lambda: verify_sqlite_file(db, path), runs)
        db.dispose()
        moments = iter(datetime(2026, 1, 1) + timedelta(days=n) for n in range(1000))
        made: list[Path] = []
        backup = _time(lambda: made.append(backups.take_backup(path, now=next(moments))), runs)
        restore = _time(lambda: backups.restore(path, made[0], now=next(moments)), runs)
    print(
        f"{source.name}: {size:.0f} MB; start-up check {check * 1000:.0f} ms; "
        f"checked backup {backup:.2f} s; restore {restore:.2f} s"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    small, _seconds = demo_database(200, 6000)
    measure(Path(small), args.runs)
    if not BIG_DEMO.exists():
        demo_database(500, 100_000)
    measure(BIG_DEMO, args.runs)


if __name__ == "__main__":
    main()
