"""The dashboard strip on a database of 100,000 requirements.

    python bench/dashboard.py

Uses the demo database of bench/demo_generation.py (made first when missing), copied so
the benchmark leaves it as it was. Prints, each the median and worst of several runs:

* the counts service (``dashboard_counts``) for a supervisor, the service desk, a
  department reviewer with many tasks and the general manager, and apart from it the
  three ledger counts (one pass) and the review task list it is made of;
* the strip's refresh: reading the counts and showing them, painted;
* a click on each ledger counter until the ledger shows its rows, painted.

Target: a refresh < 150 ms (it runs on the GUI thread after changes and every 2 minutes).
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from demo_generation import big_demo_copy
from PySide6.QtWidgets import QApplication, QWidget

from reqdesk import i18n
from reqdesk.services import auth
from reqdesk.services.context import Context
from reqdesk.services.dashboard import LEDGER_PRESETS, dashboard_counts
from reqdesk.services.demo import DEMO_PASSWORD
from reqdesk.services.ledger_list import counts_query
from reqdesk.services.reviews.queue import my_tasks
from reqdesk.ui.dashboard import DashboardStrip
from reqdesk.ui.ledger.tab import LedgerTab


def median_ms(call: Callable[[], object], times: int = 7) -> tuple[float, float]:
    samples = []
    for _ in range(times):
        started = time.perf_counter()
        call()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples), max(samples)


def report(label: str, call: Callable[[], object], times: int = 7) -> None:
    call()  # warm the statement and page caches
    median, worst = median_ms(call, times)
    print(f"{label}: median {median:.0f} ms, worst {worst:.0f} ms")


def painted(widget: QWidget) -> None:
    QApplication.processEvents()
    widget.grab()


def ledger_counts(ctx: Context) -> None:
    query = counts_query(list(LEDGER_PRESETS.values()), ctx.clock(), ctx.db.is_sqlite)
    with ctx.reading() as session:
        session.execute(query).one()


def main() -> None:
    app = QApplication([])
    i18n.install("zh_CN")
    with big_demo_copy("zhuguan") as (_path, supervisor):
        assert isinstance(supervisor, Context)
        people = {"zhuguan": supervisor}
        for username in ("kefu", "xiaoshou", "zongjingli"):
            people[username] = supervisor.as_actor(auth.login(supervisor, username, DEMO_PASSWORD))
        for username, ctx in people.items():
            counts = dashboard_counts(ctx)
            report(f"dashboard_counts as {username} {counts}", lambda c=ctx: dashboard_counts(c))
        report("  of which the three ledger counts (one pass)", lambda: ledger_counts(supervisor))
        reviewer = people["xiaoshou"]
        report(
            f"  of which my_tasks as xiaoshou ({len(my_tasks(reviewer))} tasks)",
            lambda: my_tasks(reviewer),
        )

        strip = DashboardStrip(reviewer)
        strip.show()
        painted(strip)

        def refresh() -> None:
            strip.refresh_now()
            painted(strip)

        report("strip refresh as xiaoshou, painted (target < 150 ms)", refresh)
        strip.close()

        tab = LedgerTab(supervisor)
        tab.resize(1400, 800)
        tab.show()
        painted(tab)
        for counter in LEDGER_PRESETS:
            samples = []
            for _ in range(5):
                tab.filters.clear()
                painted(tab)
                started = time.perf_counter()
                tab.show_preset(counter)
                painted(tab)
                samples.append((time.perf_counter() - started) * 1000)
            print(
                f"click {counter.value}: the ledger filtered and painted: median "
                f"{statistics.median(samples):.0f} ms, worst {max(samples):.0f} ms, "
                f"{tab.panel.model.rowCount():,} rows"
            )
        tab.close()
    app.quit()


if __name__ == "__main__":
    main()
