"""The weekly ledger PDF, the monthly analysis PDF and the metrics behind them, on a
database of 100,000 requirements.

    python bench/weekly_pdf.py [--skip-busiest]

Uses the demo database of bench/demo_generation.py (made first when missing), copied so
the benchmark leaves it as it was. Prints:

* how many requirements each week's ledger lists (open at some time in the week);
* the weekly ledger PDF for the week closest to 1,000 rows and for the busiest week,
  with milliseconds per 1,000 rows. The demo's backlog puts 3,000 to 19,000 rows in
  every week of that database, so a week of about 1,000 rows is also timed on a demo
  database of 6,000 requirements made for the purpose;
* the monthly analysis report of the last complete month;
* period_metrics for a week and a month, metrics_by each split, the 26-week trend.

Target: the weekly PDF of a week with 1,000 rows under 3 s.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from demo_generation import big_demo_copy
from sqlalchemy import func, select

from reqdesk import i18n
from reqdesk.db import open_database
from reqdesk.models import Requirement
from reqdesk.reports.monthly_report import write_monthly_report
from reqdesk.reports.weekly_ledger import write_weekly_ledger
from reqdesk.services import auth
from reqdesk.services.context import Context
from reqdesk.services.demo import DEMO_PASSWORD, generate_demo
from reqdesk.services.ledger_list import LedgerFilter, count_ledger
from reqdesk.services.metrics import metrics_by, period_metrics, weekly_trend
from reqdesk.services.periods import previous_month, week_of
from reqdesk.services.setup import open_context
from reqdesk.services.sla import BUSINESS_TZ


def seconds(call: Callable[[], object]) -> float:
    started = time.perf_counter()
    call()
    return time.perf_counter() - started


def median_ms(call: Callable[[], object], times: int = 5) -> float:
    call()  # warm the statement cache
    return statistics.median(seconds(call) for _ in range(times)) * 1000


def week_rows(ctx: Context) -> dict[date, int]:
    """Rows of each week's ledger, from the first requirement's week to this one."""
    with ctx.db.read_sessions() as session:
        first = session.scalar(select(func.min(Requirement.received_at)))
    assert first is not None
    monday = week_of(first.astimezone(BUSINESS_TZ).date())[0]
    this_monday = week_of(ctx.clock().astimezone(BUSINESS_TZ).date())[0]
    rows = {}
    while monday <= this_monday:
        flt = LedgerFilter(open_from=monday, open_to=monday + timedelta(days=6))
        rows[monday] = count_ledger(ctx, flt)
        monday += timedelta(weeks=1)
    return rows


def weekly_pdf(ctx: Context, monday: date, rows: int, folder: Path, label: str) -> None:
    year, week, _ = monday.isocalendar()
    took = seconds(lambda: write_weekly_ledger(ctx, year, week, folder / f"w{week}.pdf"))
    per_thousand = took / max(rows, 1) * 1000 * 1000
    print(
        f"weekly ledger PDF, {label} ({year}-W{week:02d}, {rows:,} rows): {took:.2f} s, "
        f"{per_thousand:.0f} ms per 1,000 rows (target < 3 s for 1,000 rows)"
    )


def thousand_row_week(folder: Path) -> None:
    """The weekly PDF of a week of about 1,000 rows, on a smaller demo database."""
    db = open_database(folder / "small.db")
    generate_demo(db, customers=200, requirements=6000, seed=1)
    ctx = open_context(db)
    ctx = ctx.as_actor(auth.login(ctx, "zhuguan", DEMO_PASSWORD))
    rows = week_rows(ctx)
    closest = min(rows, key=lambda monday: abs(rows[monday] - 1000))
    weekly_pdf(ctx, closest, rows[closest], folder, "6,000-requirement demo")
    db.dispose()


def metrics_figures(ctx: Context) -> None:
    today = ctx.clock().astimezone(BUSINESS_TZ).date()
    monday, sunday = week_of(today)
    first, last = previous_month(today)
    print(
        f"period_metrics, a week: {median_ms(lambda: period_metrics(ctx, monday, sunday)):.0f} ms"
    )
    print(f"period_metrics, a month: {median_ms(lambda: period_metrics(ctx, first, last)):.0f} ms")
    for dimension in ("department", "category", "urgency"):
        ms = median_ms(lambda d=dimension: metrics_by(ctx, first, last, d))  # type: ignore[misc]
        print(f"metrics_by {dimension}, a month: {ms:.0f} ms")
    print(f"weekly_trend, 26 weeks: {median_ms(lambda: weekly_trend(ctx, monday), 3):.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--skip-busiest", action="store_true", help="do not print the busiest week's PDF"
    )
    args = parser.parse_args()
    i18n.install("zh_CN")
    with big_demo_copy("zhuguan") as (path, ctx):
        folder = path.parent
        rows = week_rows(ctx)
        counts = sorted(rows.values())
        print(
            f"weekly ledgers: {len(rows)} weeks, {counts[0]:,} to {counts[-1]:,} rows "
            f"(median {statistics.median(counts):,.0f})"
        )
        closest = min(rows, key=lambda monday: abs(rows[monday] - 1000))
        weekly_pdf(ctx, closest, rows[closest], Path(folder), "week closest to 1,000 rows")
        busiest = max(rows, key=lambda monday: rows[monday])
        if not args.skip_busiest:
            weekly_pdf(ctx, busiest, rows[busiest], Path(folder), "busiest week")
        first = previous_month(ctx.clock().astimezone(BUSINESS_TZ).date())[0]
        took = seconds(
            lambda: write_monthly_report(ctx, first.year, first.month, Path(folder) / "m.pdf")
        )
        print(f"monthly analysis PDF ({first:%Y-%m}): {took:.2f} s")
        metrics_figures(ctx)
        thousand_row_week(Path(folder))
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak resident memory: {peak:.0f} MB")


if __name__ == "__main__":
    main()
