"""How long ``reqdesk demo`` takes for 500 customers and 100,000 requirements.

    python bench/demo_generation.py [--customers N] [--requirements N]

Prints seconds; the target is under 60 s on a 2-core machine. The database is
kept in bench/out/ for bench/startup.py.
"""

from __future__ import annotations

import argparse

from _common import OUT, timed


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
