"""The tracking ledger tab on a database of 100,000 requirements.

    python bench/ledger_tab.py

Uses the demo database of bench/demo_generation.py (made first when missing), copied so
the benchmark leaves it as it was. Prints, each the median of several runs:

* first paint: building the ledger tab, counting, fetching the first page and painting;
* a search or filter change until the table is painted again (Chinese search of three
  characters or more through the FTS5 trigram index, one or two characters through LIKE,
  stage, department, overdue only, due soon, a received period);
* jumping to the last row;
* the whole program's resident memory with the main window open on the ledger.

Targets: first paint < 300 ms; a search or filter change < 100 ms; resident < 300 MB.
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from demo_generation import big_demo_copy
from PySide6.QtWidgets import QApplication

from reqdesk import i18n
from reqdesk.models.enums import Stage
from reqdesk.services.context import Context
from reqdesk.ui.ledger.tab import LedgerTab


def resident_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def painted(tab: LedgerTab) -> None:
    QApplication.processEvents()
    tab.panel.table.viewport().grab()  # paints the visible rows: fetches their page


def median_ms(call: Callable[[], object], times: int = 7) -> tuple[float, float]:
    samples = []
    for _ in range(times):
        started = time.perf_counter()
        call()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples), max(samples)


def first_paint(ctx: Context) -> LedgerTab:
    tab = LedgerTab(ctx)
    tab.resize(1400, 800)
    tab.show()
    painted(tab)
    return tab


def main() -> None:
    app = QApplication([])
    i18n.install("zh_CN")
    with big_demo_copy("zhuguan") as (_path, ctx):
        first_paint(ctx).deleteLater()  # warm the statement and page caches

        def build() -> None:
            tab = first_paint(ctx)
            tab.close()
            tab.deleteLater()

        median, worst = median_ms(build, 5)
        print(f"first paint: median {median:.0f} ms, worst {worst:.0f} ms (target < 300 ms)")

        tab = first_paint(ctx)
        print(f"rows: {tab.panel.model.rowCount():,}")
        bar = tab.filters

        def search(text: str) -> Callable[[], None]:
            def run() -> None:
                tab.panel.search.setText(text)  # type: ignore[union-attr]
                tab.panel._apply_search()
                painted(tab)

            return run

        def choose(action: Callable[[], None]) -> Callable[[], None]:
            def run() -> None:
                action()
                painted(tab)
                bar.clear()
                painted(tab)

            return run

        changes: list[tuple[str, Callable[[], None]]] = [
            ("search 质量检验 (FTS)", search("质量检验")),
            ("search 防锈处理 (FTS)", search("防锈处理")),
            ("search 报价 (2 chars, on the table)", search("报价")),
            ("search 包 (1 char, on the table)", search("包")),
            ("search number HQ-RQ-2026-0001", search("HQ-RQ-2026-0001")),
            ("search 2 words 交货 包装", search("交货 包装")),
        ]
        for label, run in changes:
            median, worst = median_ms(run)
            count = tab.panel.model.rowCount()
            print(
                f"{label}: median {median:.0f} ms, worst {worst:.0f} ms, "
                f"{count:,} rows (target < 100 ms)"
            )
        search("")()

        filters: list[tuple[str, Callable[[], None]]] = [
            (
                "stage = in progress",
                lambda: bar.stage.setCurrentIndex(bar.stage.findData(Stage.IN_PROGRESS)),
            ),
            ("department = 2nd", lambda: bar.department.setCurrentIndex(2)),
            ("overdue only", lambda: bar.overdue.setChecked(True)),
            ("due within 24 h", lambda: bar.due_soon.setChecked(True)),
            ("last month", lambda: bar.period.setCurrentIndex(4)),
        ]
        for label, action in filters:
            samples = []
            for _ in range(5):
                started = time.perf_counter()
                action()
                painted(tab)
                samples.append((time.perf_counter() - started) * 1000)
                count = tab.panel.model.rowCount()
                bar.clear()
                painted(tab)
            print(
                f"filter {label}: median {statistics.median(samples):.0f} ms, "
                f"worst {max(samples):.0f} ms, {count:,} rows (target < 100 ms)"
            )

        def jump() -> None:
            tab.panel.table.scrollToBottom()
            painted(tab)
            tab.panel.table.scrollToTop()
            painted(tab)

        median, worst = median_ms(jump)
        print(f"jump to the end and back: median {median:.0f} ms, worst {worst:.0f} ms")
        tab.close()

        from reqdesk.ui.main_window import MainWindow

        window = MainWindow(ctx, "演示公司")
        window.show()
        window.tabs.setCurrentWidget(window.ledger_tab)
        painted(window.ledger_tab)
        window.ledger_tab.panel.table.scrollToBottom()
        painted(window.ledger_tab)
        print(f"program resident with the ledger open: {resident_mb():.0f} MB (target < 300 MB)")
        window.close()
    app.quit()


if __name__ == "__main__":
    main()
