"""How long ``reqdesk demo`` takes for 500 customers and 100,000 requirements.

    python bench/demo_generation.py [--customers N] [--requirements N]

Prints seconds; the target is under 60 s on a 2-core machine. The database is
kept in bench/out/ for bench/startup.py.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from _common import OUT, timed

BIG_DEMO = OUT / "demo-500-100000.db"


@contextmanager
def big_demo_copy(username: str) -> Iterator[tuple[Path, object]]:
    """A copy of the 100,000-requirement demo (made first when missing), opened and signed
    in as ``username``: (path, context). The copy sits next to the original, on the same
    disk (a tmpfs /tmp would hide the fsyncs), and goes afterwards."""
    from reqdesk.db import open_database
    from reqdesk.services import auth
    from reqdesk.services.demo import DEMO_PASSWORD
    from reqdesk.services.setup import open_context

    if not BIG_DEMO.exists():
        print("making the demo database (500 customers, 100,000 requirements)…")
        demo_database(500, 100_000)
    with tempfile.TemporaryDirectory(dir=OUT) as folder:
        path = Path(folder) / "bench.db"
        shutil.copyfile(BIG_DEMO, path)
        db = open_database(path)
        try:
            ctx = open_context(db)
            yield path, ctx.as_actor(auth.login(ctx, username, DEMO_PASSWORD))
        finally:
            db.dispose()


def demo_database(customers: int, requirements: int) -> tuple[str, float]:
    OUT.mkdir(exist_ok=True)
    path = OUT / f"demo-{customers}-{requirements}.db"
    for suffix in ("", "-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    seconds = timed(
        "demo",
        "--db",
        str(path),
        "--customers",
        str(customers),
        "--requirements",
        str(requirements),
        "--seed",
        "1",
    )
    return str(path), seconds


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--customers", type=int, default=500)
    parser.add_argument("--requirements", type=int, default=100_000)
    args = parser.parse_args()
    path, seconds = demo_database(args.customers, args.requirements)
    print(
        f"demo --customers {args.customers} --requirements {args.requirements}: "
        f"{seconds:.1f} s (whole command, target < 60 s) -> {path}"
    )


if __name__ == "__main__":
    main()
