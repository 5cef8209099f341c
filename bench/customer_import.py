"""Import of 10,000 customer rows (with validation), and the list of 10,000 customers.

    python bench/customer_import.py [--rows N]

Prints: the time to import N rows from an .xlsx through the service (read, validate,
store, audit), and, on the resulting database, the customer list's first page and
each keystroke of a search typed one character at a time (count + first page, as the
table view asks). Targets: import < 10 s; list < 100 ms per keystroke.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from openpyxl import Workbook

from reqdesk import i18n
from reqdesk.db import open_database
from reqdesk.reports.customer_workbook import COLUMNS
from reqdesk.services import auth, credit_code
from reqdesk.services.customers.importing import import_customers
from reqdesk.services.customers.listing import CustomerFilter
from reqdesk.services.demo import DEMO_PASSWORD, generate_demo, pools
from reqdesk.services.setup import open_context


def make_sheet(path: Path, rows: int, seed: int = 5) -> list[str]:
    rng = random.Random(seed)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("客户")
    sheet.append([i18n.translate("CustomerSheet", c.header) for c in COLUMNS])
    keys = [c.key for c in COLUMNS]
    names: set[str] = set()
    while len(names) < rows:
        city, area, region = rng.choice(pools.CITIES)
        brand = "".join(rng.sample(pools.BRAND_CHARS, 2))
        trade, industry = rng.choice(pools.TRADES)
        name = f"{city}{brand}{trade}{rng.choice(pools.COMPANY_FORMS)}{rng.randrange(1, 99)}号厂"
        if name in names:
            continue
        names.add(name)
        body = "".join(rng.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(8))
        values = {
            "name": name,
            "credit_code": credit_code.make_code(region, body),
            "address": f"{city}市{rng.choice(pools.ROADS)}{rng.randrange(1, 999)}号",
            "industry": industry,
            "customer_class": rng.choice(["重点客户", "一般客户", "潜在客户"]),
            "contact_name": rng.choice(pools.SURNAMES) + rng.choice(pools.GIVEN_CHARS),
            "mobile": f"139{rng.randrange(10**8):08d}",
            "phone": f"{area}-6{rng.randrange(10**6):06d}1",
        }
        sheet.append([values.get(k, "") for k in keys])
    workbook.save(path)
    return sorted(names)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10_000)
    args = parser.parse_args()
    i18n.install("zh_CN")
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(Path(folder) / "bench.db")
        generate_demo(db, customers=0, requirements=0, seed=1)
        ctx = open_context(db)
        ctx = ctx.as_actor(auth.login(ctx, "zhuguan", DEMO_PASSWORD))
        sheet = Path(folder) / "customers.xlsx"
        names = make_sheet(sheet, args.rows)
        started = time.perf_counter()
        report = import_customers(ctx, sheet, i18n.translate)
        seconds = time.perf_counter() - started
        assert report.written and report.new == args.rows, report.issues[:3]
        print(
            f"import of {args.rows} customer rows (read, validate, store, audit): "
            f"{seconds:.1f} s (target < 10 s)"
        )
        list_keystrokes(ctx, names[len(names) // 2])
        db.dispose()


def list_keystrokes(ctx, name: str) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    from reqdesk.ui.customers.tab import CustomersTab

    app = QApplication.instance() or QApplication([])
    tab = CustomersTab(ctx)
    started = time.perf_counter()
    tab.panel.reload()
    visible = 30
    for row in range(visible):
        tab.panel.model.data(tab.panel.model.index(row, 1))
    first = (time.perf_counter() - started) * 1000
    print(f"customer list, {tab.panel.model.rowCount()} customers: first page in {first:.0f} ms")
    timings = []
    for length in range(1, len(name) + 1):
        started = time.perf_counter()
        tab.source.filter = CustomerFilter(text=name[:length])
        tab.panel.reload()
        for row in range(min(visible, tab.panel.model.rowCount())):
            tab.panel.model.data(tab.panel.model.index(row, 1))
        timings.append((time.perf_counter() - started) * 1000)
    print(
        f"search typed one character at a time ({len(name)} keystrokes, '{name}'): "
        f"median {statistics.median(timings):.0f} ms, worst {max(timings):.0f} ms per keystroke "
        f"(target < 100 ms)"
    )
    started = time.perf_counter()
    tab.source.filter = CustomerFilter(due_for_contact=True)
    tab.panel.reload()
    tab.panel.model.data(tab.panel.model.index(0, 1))
    print(f"'due for contact' filter: {(time.perf_counter() - started) * 1000:.0f} ms")
    tab.source.filter = CustomerFilter()
    tab.panel.reload()
    started = time.perf_counter()
    last = tab.panel.model.rowCount() - 1
    tab.panel.model.data(tab.panel.model.index(last, 1))
    print(f"jump to the last row: {(time.perf_counter() - started) * 1000:.0f} ms")
    del app


if __name__ == "__main__":
    main()
