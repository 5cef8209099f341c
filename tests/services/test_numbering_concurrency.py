"""Concurrent registrations from several processes on one SQLite file share no number."""

from __future__ import annotations

import multiprocessing
from datetime import datetime
from pathlib import Path

from reqdesk.db import open_database
from reqdesk.models.enums import Urgency
from reqdesk.services import auth
from reqdesk.services.demo import DEMO_PASSWORD
from reqdesk.services.requirements.forms import RegistrationInput
from reqdesk.services.requirements.registration import register_requirement
from reqdesk.services.setup import open_context
from reqdesk.services.sla import BUSINESS_TZ

RECEIVED = datetime(2026, 11, 20, 9, 30, tzinfo=BUSINESS_TZ)  # numbered in the demo's year
PER_PROCESS = 12
PROCESSES = 4


def register_many(db_file: str, start_barrier) -> list[str]:  # type: ignore[no-untyped-def]
    db = open_database(db_file)
    ctx = open_context(db)
    ctx = ctx.as_actor(auth.login(ctx, "kefu", DEMO_PASSWORD))
    start_barrier.wait()
    numbers = [
        register_requirement(
            ctx,
            RegistrationInput(
                customer_id=1,
                title=f"并发登记 {i}",
                contact_phone="13812345678",
                urgency=Urgency.GENERAL,
                received_at=RECEIVED,
            ),
        ).number
        for i in range(PER_PROCESS)
    ]
    db.dispose()
    return numbers


def test_concurrent_saves_never_share_a_number(demo_template: Path, tmp_path: Path) -> None:
    """4 processes × 12 saves at once: 48 distinct numbers continuing without a gap."""
    db_file = tmp_path / "shared.db"
    db_file.write_bytes(demo_template.read_bytes())
    spawn = multiprocessing.get_context("spawn")
    with spawn.Manager() as manager:
        barrier = manager.Barrier(PROCESSES)
        with spawn.Pool(PROCESSES) as pool:
            results = pool.starmap(register_many, [(str(db_file), barrier)] * PROCESSES)
    numbers = [n for batch in results for n in batch]
    assert len(numbers) == len(set(numbers)) == PROCESSES * PER_PROCESS
    values = sorted(int(n.rsplit("-", 1)[1]) for n in numbers)
    assert values == list(range(601, 601 + PROCESSES * PER_PROCESS))
