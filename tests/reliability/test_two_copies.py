"""Two copies of the program on one SQLite file: both write, and readers are not held up."""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from reqdesk.db import open_database
from reqdesk.services.check import run_check
from reqdesk.services.ledger_list import LedgerFilter, count_ledger, ledger_rows
from reqdesk.services.listing import Window
from reqdesk.services.setup import open_context
from tests.helpers import signed_in
from tests.reliability.children import ROOT, Child, Reports, reopen_and_check

PER_WRITER = 100
PAUSE_S = 0.02  # the busy writer's pause after each call: a brisk user, not a loop
HOLD_S = 3.0  # a save in progress holds the write lock this long at most
WRITES_DURING_READS = 10  # reads go on until the other copy has committed this many more
MAX_READ_ROUNDS = 200


def test_two_copies_register_at_once(company_file: Path, tmp_path: Path) -> None:
    """Two processes registering at once: both finish, numbers unique and gap-free, none lost."""
    writers = [
        Child(
            company_file,
            f"--seed={n}",
            "--register-only",
            f"--count={PER_WRITER}",
            "--start-on-go",
            stderr_file=tmp_path / f"writer-{n}.err",
        )
        for n in (1, 2)
    ]
    for writer in writers:
        writer.wait_for_lines(1)  # both have the file open and a user signed in
    for writer in writers:
        writer.go()
    # SQLite's lock is not fair: one copy may register a few hundred in a row while the
    # other waits in its busy timeout, so how their numbers interleave is not asserted
    each = [Reports() for _ in writers]
    for writer, reports in zip(writers, each, strict=True):
        reports.add(writer.finish())
    numbers = [n for r in each for n in r.requirements.values()]
    assert len(numbers) == len(set(numbers)) == 2 * PER_WRITER
    merged = Reports()
    for writer in writers:
        merged.add(writer.lines)
    problems, requirements = reopen_and_check(company_file, merged)  # includes the gap check
    assert not problems, problems
    assert requirements == 2 * PER_WRITER


@pytest.fixture
def busy_writer(company_file: Path, tmp_path: Path) -> Iterator[Child]:
    """Another copy registering, dispatching and signing at a brisk pace, until killed."""
    writer = Child(
        company_file, "--seed=5", f"--pause={PAUSE_S}", stderr_file=tmp_path / "writer.err"
    )
    writer.wait_for_lines(5)
    yield writer
    reports = Reports()
    reports.add(writer.kill())
    problems, _requirements = reopen_and_check(company_file, reports)
    assert not problems, problems


@contextmanager
def save_in_progress(db_file: Path) -> Iterator[None]:
    """A copy in the middle of a save holds SQLite's write lock (``BEGIN IMMEDIATE``)
    until the block ends, or for HOLD_S at most: less than the busy timeout."""
    held, release = threading.Event(), threading.Event()

    def hold() -> None:
        db = open_database(db_file)
        try:
            with open_context(db).unit_of_work() as uow:
                uow.session.connection()  # begins the write transaction
                held.set()
                release.wait(HOLD_S)
        finally:
            db.dispose()

    thread = threading.Thread(target=hold)
    thread.start()
    try:
        assert held.wait(HOLD_S), "the save never started"
        yield
    finally:
        release.set()
        thread.join()


def keep_reading_while(writer: Child, read: Callable[[], None], min_rounds: int) -> None:
    """Call ``read()`` until the writer has committed more and at least ``min_rounds``."""
    target = len(writer.lines) + WRITES_DURING_READS
    rounds = 0
    while len(writer.lines) < target or rounds < min_rounds:
        assert rounds < MAX_READ_ROUNDS, "the writer stopped reporting while others read"
        if writer.proc.poll() is not None:
            raise writer.failure("the writer ended while others read")
        read()
        rounds += 1


def test_ledger_reads_while_another_copy_writes(busy_writer: Child, company_file: Path) -> None:
    """The ledger and a full-text search answer during another copy's saves, mid-save too."""
    db = open_database(company_file)
    try:
        ctx = signed_in(open_context(db), "zhuguan")

        def read() -> None:
            rows = ledger_rows(ctx, LedgerFilter(), Window(limit=100))
            assert rows and rows[0].number.startswith("HQ-RQ-")
            assert count_ledger(ctx, LedgerFilter(text="崩溃测试")) >= 1

        with save_in_progress(company_file):
            read()
        keep_reading_while(busy_writer, read, min_rounds=5)
    finally:
        db.dispose()


def test_check_passes_while_another_copy_writes(busy_writer: Child, company_file: Path) -> None:
    """The full check finds no problem during another copy's saves, mid-save too."""
    db = open_database(company_file)
    try:

        def check() -> None:
            report = run_check(db)
            assert report.ok, report.problems

        with save_in_progress(company_file):
            check()
        keep_reading_while(busy_writer, check, min_rounds=5)
    finally:
        db.dispose()


def test_check_command_passes_while_another_copy_writes(
    busy_writer: Child, company_file: Path
) -> None:
    """`reqdesk check --db FILE` exits 0 during another copy's saves, mid-save too."""

    def check() -> None:
        done = subprocess.run(
            [sys.executable, "-m", "reqdesk", "check", "--db", str(company_file)],
            capture_output=True,
            text=True,
            encoding="utf-8",
            cwd=ROOT,
            timeout=120,
        )
        assert done.returncode == 0, done.stdout + done.stderr

    with save_in_progress(company_file):
        check()
    keep_reading_while(busy_writer, check, min_rounds=2)
