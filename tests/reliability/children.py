"""Running crash_child.py, reading what it reports, and checking the database against it."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, select

from reqdesk.db import Database, open_database
from reqdesk.models import NumberSequence, Requirement, RequirementEvent, Review, SignOff
from reqdesk.models.enums import EventKind, ReviewState
from reqdesk.services import auth
from reqdesk.services.check import run_check
from reqdesk.services.demo import DEMO_PASSWORD
from reqdesk.services.numbering import REQUIREMENT, REVIEW
from reqdesk.services.setup import open_context

CHILD = Path(__file__).with_name("crash_child.py")
ROOT = Path(__file__).resolve().parents[2]
START_TIMEOUT_S = 60  # a generous bound for a stuck child, never a measurement


class ChildFailed(AssertionError):
    pass


class Child:
    """A child script (crash_child.py unless told) in its own process, on a database file
    or URL; a thread collects its complete stdout lines."""

    def __init__(
        self, db_file: Path | str, *args: str, stderr_file: Path, script: Path = CHILD
    ) -> None:
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
        self.stderr_file = stderr_file
        with stderr_file.open("wb") as err:
            self.proc = subprocess.Popen(
                [sys.executable, str(script), str(db_file), *args],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=err,
                cwd=ROOT,
                env=env,
                text=True,
                encoding="utf-8",
            )
        self.lines: list[str] = []
        self._changed = threading.Condition()
        self._ended = False
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            with self._changed:
                if line.endswith("\n"):  # a torn last line was never reported
                    self.lines.append(line.rstrip("\n"))
                self._changed.notify_all()
        with self._changed:
            self._ended = True
            self._changed.notify_all()

    def failure(self, what: str) -> ChildFailed:
        stderr = self.stderr_file.read_text(encoding="utf-8", errors="replace")
        return ChildFailed(f"{what} (exit code {self.proc.poll()}):\n{stderr[-3000:]}")

    def wait_for_lines(self, count: int) -> None:
        """Until the child has reported ``count`` lines; it must not end before."""
        with self._changed:
            self._changed.wait_for(
                lambda: len(self.lines) >= count or self._ended, timeout=START_TIMEOUT_S
            )
            if len(self.lines) < count:
                raise self.failure(f"the child reported {len(self.lines)} of {count} lines")

    def go(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write("go\n")
        self.proc.stdin.flush()

    def kill(self) -> list[str]:
        """SIGKILL (TerminateProcess on Windows) a running child; every line it reported."""
        if self.proc.poll() is not None:
            raise self.failure("the child ended before it was killed")
        self.proc.kill()
        return self._collect()

    def finish(self) -> list[str]:
        """Wait for a child given ``--count`` to end by itself, successfully."""
        try:
            self.proc.wait(timeout=START_TIMEOUT_S * 5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            raise self.failure("the child did not finish") from None
        if self.proc.returncode != 0:
            raise self.failure("the child failed")
        return self._collect()

    def _collect(self) -> list[str]:
        self.proc.wait()
        self._reader.join()
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        return list(self.lines)


@dataclass
class Reports:
    """What children said was committed, by kind."""

    requirements: dict[int, str] = field(default_factory=dict)  # id -> number
    stages: set[tuple[int, str]] = field(default_factory=set)  # (requirement id, stage)
    reviews: dict[int, int] = field(default_factory=dict)  # id -> requirement id
    sign_offs: dict[int, int] = field(default_factory=dict)  # id -> review id
    concluded: set[int] = field(default_factory=set)
    lines: int = 0

    def add(self, lines: list[str]) -> None:
        for line in lines:
            kind, *words = line.split()
            if kind == "ready":
                continue
            self.lines += 1
            if kind == "requirement":
                self.requirements[int(words[0])] = words[1]
            elif kind == "stage":
                self.stages.add((int(words[0]), words[1]))
            elif kind == "review":
                self.reviews[int(words[0])] = int(words[1])
            elif kind == "signoff":
                self.sign_offs[int(words[0])] = int(words[1])
            elif kind == "concluded":
                self.concluded.add(int(words[0]))
            else:
                raise AssertionError(f"the child reported an unknown line: {line!r}")


def missing(db: Database, reports: Reports) -> list[str]:
    """Every reported record that the database does not hold as reported."""
    problems: list[str] = []
    with db.read_sessions() as session:
        found = dict(session.execute(select(Requirement.id, Requirement.number)).tuples().all())
        problems += [
            f"requirement {i} {number}: found {found.get(i)}"
            for i, number in reports.requirements.items()
            if found.get(i) != number
        ]
        moves = set(
            session.execute(
                select(RequirementEvent.requirement_id, RequirementEvent.to_stage).where(
                    RequirementEvent.kind == EventKind.STAGE_CHANGED
                )
            ).tuples()
        )
        problems += [
            f"stage {i} {stage}: no such move recorded"
            for i, stage in reports.stages
            if (i, stage) not in moves
        ]
        reviews = dict(session.execute(select(Review.id, Review.requirement_id)).tuples().all())
        problems += [
            f"review {i} of requirement {req}: found {reviews.get(i)}"
            for i, req in reports.reviews.items()
            if reviews.get(i) != req
        ]
        signed = dict(session.execute(select(SignOff.id, SignOff.review_id)).tuples().all())
        problems += [
            f"sign-off {i} on review {rev}: found {signed.get(i)}"
            for i, rev in reports.sign_offs.items()
            if signed.get(i) != rev
        ]
        accepted = set(
            session.scalars(select(Review.id).where(Review.state == ReviewState.ACCEPTED))
        )
        problems += [f"review {i}: not accepted" for i in reports.concluded - accepted]
    return problems


def number_gaps(db: Database) -> list[str]:
    """Requirement and review numbers run 1..n per site and year, n being the counter."""
    problems: list[str] = []
    with db.read_sessions() as session:
        for model, kind in ((Requirement, REQUIREMENT), (Review, REVIEW)):
            numbers = list(session.scalars(select(model.number)))
            counters = session.execute(
                select(
                    NumberSequence.site_code, NumberSequence.year, NumberSequence.last_value
                ).where(NumberSequence.kind == kind)
            ).tuples()
            counted = 0
            for site, year, last in counters:
                prefix = f"{site}-{kind}-{year:04d}-"
                values = sorted(
                    int(n.removeprefix(prefix)) for n in numbers if n.startswith(prefix)
                )
                counted += len(values)
                if values != list(range(1, last + 1)):
                    problems.append(f"{prefix}: numbers {values[:5]}… do not run 1..{last}")
            if counted != len(numbers):
                problems.append(f"{kind}: {len(numbers) - counted} numbers outside any counter")
    return problems


def requirement_count(db: Database) -> int:
    with db.read_sessions() as session:
        return int(session.scalar(select(func.count(Requirement.id))) or 0)


def sqlite_integrity(db_file: Path) -> str:
    """``PRAGMA integrity_check`` straight from sqlite3, before reqdesk touches the file."""
    conn = sqlite3.connect(db_file)
    try:
        return "\n".join(row[0] for row in conn.execute("PRAGMA integrity_check"))
    finally:
        conn.close()


def reopen_and_check(db_file: Path, reports: Reports) -> tuple[list[str], int]:
    """Reopen as the program does: (problems found, requirements in the database).

    The program starts: the database opens (migrating if need be), a context opens and
    a user signs in.
    """
    integrity = sqlite_integrity(db_file)
    if integrity != "ok":
        return [f"integrity_check: {integrity}"], -1
    db = open_database(db_file)
    try:
        problems = missing(db, reports)
        problems += number_gaps(db)
        problems += run_check(db).problems
        ctx = open_context(db)
        auth.login(ctx, "admin", DEMO_PASSWORD)
        return problems, requirement_count(db)
    finally:
        db.dispose()
