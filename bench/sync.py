"""Branch sync on a big database: the first full package, a repeat, and a small one.

Copies bench/out/demo-500-100000.db (made by bench/demo_generation.py; 500 customers,
100,000 requirements), migrates the copy, exports everything for a new site, imports
it there, imports it again, then registers 20 requirements and exchanges only those.

    python bench/sync.py [--db bench/out/demo-500-100000.db]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _common import DEMO_PASSWORD, OUT

from reqdesk.db import open_database
from reqdesk.services import auth
from reqdesk.services.requirements.forms import RegistrationInput
from reqdesk.services.requirements.registration import register_requirement
from reqdesk.services.setup import initialise, open_context
from reqdesk.services.sync.exporting import export_package
from reqdesk.services.sync.importing import import_package


def seconds(started: float) -> str:
    return f"{time.perf_counter() - started:.1f} s"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, default=OUT / "demo-500-100000.db")
    source: Path = parser.parse_args().db
    folder = Path(tempfile.mkdtemp(prefix="reqdesk-sync-bench-"))
    try:
        branch_file = folder / "branch.db"
        shutil.copyfile(source, branch_file)
        started = time.perf_counter()
        branch_db = open_database(branch_file)
        print(f"migrate the copy to the sync schema: {seconds(started)}")
        branch = open_context(branch_db)
        branch = branch.as_actor(auth.login(branch, "zhuguan", DEMO_PASSWORD))
        office_db = open_database(folder / "office.db")
        office, admin = initialise(
            office_db,
            company_name="同步测试总部",
            site_code="SZ",
            admin_username="admin",
            admin_full_name="管理员",
            admin_password=DEMO_PASSWORD,
        )
        office = office.as_actor(admin)

        package = folder / "full.reqsync"
        started = time.perf_counter()
        result = export_package(branch, package, "SZ")
        size = package.stat().st_size / 1024**2
        print(f"full export: {result.records:,} records, {size:.1f} MB, {seconds(started)}")
        started = time.perf_counter()
        summary = import_package(office, package)
        print(f"full import: {summary.new:,} new, {summary.people} people, {seconds(started)}")
        started = time.perf_counter()
        again = import_package(office, package)
        print(f"same package again: {again.skipped:,} skipped, {again.new} new, {seconds(started)}")

        desk = branch.as_actor(auth.login(branch, "kefu", DEMO_PASSWORD))
        for n in range(20):
            register_requirement(
                desk, RegistrationInput(customer_id=1, contact_name="周工", title=f"增量同步 {n}")
            )
        small = folder / "small.reqsync"
        started = time.perf_counter()
        result = export_package(branch, small, "SZ")
        print(f"next export (20 new requirements): {result.records:,} records, {seconds(started)}")
        started = time.perf_counter()
        summary = import_package(office, small)
        print(f"next import: {summary.new} new, {summary.skipped} skipped, {seconds(started)}")
        branch_db.dispose()
        office_db.dispose()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
