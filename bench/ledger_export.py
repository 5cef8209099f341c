"""Excel export of the whole tracking ledger (100,000 requirements).

    python bench/ledger_export.py [--tracemalloc]

Uses the demo database of bench/demo_generation.py (made first when missing), copied
so the benchmark leaves it as it was. The export runs in a fresh process, as the
command line would run it, signed in as the supervisor; prints its time, the rows and
file size, and the child's peak resident memory (ru_maxrss). ``--tracemalloc`` adds a
second run that traces Python's allocations for their peak (much slower: its time is
not the figure). Targets: under 20 s, peak under 400 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def child(database: Path, target: Path, trace: bool) -> None:
    """The measured process: open, sign in, export, report figures as JSON."""
    import tracemalloc

    from reqdesk import i18n
    from reqdesk.db import open_database
    from reqdesk.reports.ledger_workbook import export_ledger
    from reqdesk.services import auth
    from reqdesk.services.demo import DEMO_PASSWORD
    from reqdesk.services.ledger_list import LedgerFilter
    from reqdesk.services.setup import open_context

    i18n.install("zh_CN")
    db = open_database(database)
    ctx = open_context(db)
    ctx = ctx.as_actor(auth.login(ctx, "zhuguan", DEMO_PASSWORD))
    if trace:
        tracemalloc.start()
    started = time.perf_counter()
    cpu = time.process_time()
    rows = export_ledger(ctx, LedgerFilter(), target)
    figures = {
        "rows": rows,
        "seconds": time.perf_counter() - started,
        "cpu": time.process_time() - cpu,
        "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "traced_peak_mb": tracemalloc.get_traced_memory()[1] / 2**20 if trace else None,
        "bytes": target.stat().st_size,
    }
    db.dispose()
    print(json.dumps(figures))


def run_child(database: Path, target: Path, trace: bool) -> dict[str, float]:
    command = [sys.executable, __file__, "--child", str(database), str(target)]
    completed = subprocess.run(
        command + (["--trace"] if trace else []), capture_output=True, text=True, check=True
    )
    figures: dict[str, float] = json.loads(completed.stdout.strip().splitlines()[-1])
    target.unlink()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tracemalloc", action="store_true")
    parser.add_argument("--child", nargs=2, type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--trace", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child, trace=args.trace)
        return

    from _common import OUT
    from demo_generation import demo_database

    try:
        import lxml  # noqa: F401  (openpyxl streams rows through lxml when it is there)

        writer = "lxml"
    except ImportError:
        writer = "et_xmlfile (no lxml: slower)"
    source = OUT / "demo-500-100000.db"
    if not source.exists():
        print("making the demo database (500 customers, 100,000 requirements)…")
        demo_database(500, 100_000)
    with tempfile.TemporaryDirectory(dir=OUT) as folder:
        database = Path(folder) / "bench.db"
        shutil.copyfile(source, database)
        figures = run_child(database, Path(folder) / "ledger.xlsx", trace=False)
        print(
            f"export of {figures['rows']:,} ledger rows to Excel ({writer}): "
            f"{figures['seconds']:.1f} s (cpu {figures['cpu']:.1f} s, target < 20 s), "
            f"peak resident {figures['maxrss_mb']:.0f} MB (target < 400 MB), "
            f"file {figures['bytes'] / 2**20:.1f} MB"
        )
        if args.tracemalloc:
            traced = run_child(database, Path(folder) / "ledger.xlsx", trace=True)
            print(
                f"Python allocations traced (tracemalloc): peak {traced['traced_peak_mb']:.0f} MB "
                f"(that run took {traced['seconds']:.0f} s)"
            )


if __name__ == "__main__":
    main()
