"""Four copies of the program on one PostgreSQL database, registering and signing at once."""

from __future__ import annotations

import os
import random
from collections import Counter
from pathlib import Path

from sqlalchemy import select

from reqdesk.db import Database, open_database
from reqdesk.models import AuditEntry, Requirement, Review, ReviewParticipant, SignOff
from reqdesk.models.enums import ReviewState, SignOffKind
from reqdesk.services.audit import Action
from reqdesk.services.check import run_check
from reqdesk.services.demo import generate_demo
from tests.reliability.children import Child, Reports, missing, number_gaps

REVIEW_DESK = Path(__file__).with_name("review_desk_child.py")
PER_OPERATOR = 60
PER_REVIEW_DESK = 12
DEMO_REQUIREMENTS = 20


def start_children(url: str, seed: int, tmp_path: Path) -> list[Child]:
    """Two operators registering, two review desks opening reviews and signing them."""
    operators = [
        Child(
            url,
            f"--seed={seed + n}",
            "--register-only",
            f"--count={PER_OPERATOR}",
            "--start-on-go",
            stderr_file=tmp_path / f"operator-{n}.err",
        )
        for n in (1, 2)
    ]
    review_desks = [
        Child(
            url,
            f"--seed={seed + n}",
            f"--count={PER_REVIEW_DESK}",
            "--start-on-go",
            stderr_file=tmp_path / f"review-desk-{n}.err",
            script=REVIEW_DESK,
        )
        for n in (3, 4)
    ]
    return operators + review_desks


def run_together(children: list[Child]) -> list[str]:
    """Start every child at once; every line they reported, but ``ready``."""
    try:
        for child in children:
            child.wait_for_lines(1)  # connected, people signed in
        for child in children:
            child.go()
        return [line for child in children for line in child.finish() if line != "ready"]
    finally:
        for child in children:  # after a failure, the others need not run on
            if child.proc.poll() is None:
                child.proc.kill()
                child.proc.wait()


def review_problems(db: Database, reports: Reports) -> list[str]:
    """Every reported review accepted once, each routed department signed once."""
    problems: list[str] = []
    with db.read_sessions() as session:
        signed = Counter(
            session.execute(
                select(SignOff.review_id, SignOff.round, SignOff.department_id).where(
                    SignOff.kind == SignOffKind.DEPARTMENT, SignOff.supersedes_id.is_(None)
                )
            ).tuples()
        )
        problems += [
            f"review {key[0]} round {key[1]} department {key[2]}: signed {n} times"
            for key, n in signed.items()
            if n > 1
        ]
        routed = session.execute(
            select(ReviewParticipant.review_id, ReviewParticipant.department_id).where(
                ReviewParticipant.review_id.in_(reports.reviews), ReviewParticipant.required
            )
        ).tuples()
        problems += [
            f"review {r} department {d}: no sign-off" for r, d in routed if (r, 1, d) not in signed
        ]
        states = dict(session.execute(select(Review.id, Review.state)).tuples().all())
        problems += [
            f"review {r}: {states.get(r)}"
            for r in reports.reviews
            if states.get(r) != ReviewState.ACCEPTED
        ]
        concluded = Counter(
            session.scalars(
                select(AuditEntry.entity_id).where(
                    AuditEntry.action == Action.STAGE,
                    AuditEntry.entity_type == "review",
                    AuditEntry.entity_id.in_(reports.reviews),
                )
            )
        )
        problems += [f"review {r}: concluded {n} times" for r, n in concluded.items() if n > 1]
    return problems


def test_four_copies_register_and_sign_at_once(postgres_url: str, tmp_path: Path) -> None:
    """Numbers stay unique and gap-free, every sign-off is kept, none is doubled."""
    seed = int(os.environ.get("REQDESK_TEST_SEED") or random.randrange(10**6))
    print(f"seed {seed} (replay with REQDESK_TEST_SEED={seed})")
    db = open_database(postgres_url)
    try:
        generate_demo(db, customers=6, requirements=DEMO_REQUIREMENTS, seed=seed)
    finally:
        db.dispose()
    lines = run_together(start_children(postgres_url, seed, tmp_path))
    committed = [line for line in lines if not line.startswith("refused ")]
    print(f"{len(committed)} calls committed, {len(lines) - len(committed)} refused (done already)")
    # every line names a new id: one said twice is a call two copies both made
    assert not [line for line, n in Counter(committed).items() if n > 1]
    reports = Reports()
    reports.add(committed)
    registered = 2 * PER_OPERATOR + 2 * PER_REVIEW_DESK
    assert len(set(reports.requirements.values())) == len(reports.requirements) == registered
    assert len(reports.reviews) == 2 * PER_REVIEW_DESK
    db = open_database(postgres_url)
    try:
        problems = missing(db, reports) + number_gaps(db) + review_problems(db, reports)
        assert not problems, problems
        with db.read_sessions() as session:
            total = len(session.scalars(select(Requirement.id)).all())
        assert total == DEMO_REQUIREMENTS + registered
        check = run_check(db)
        assert check.ok, check.problems
    finally:
        db.dispose()
