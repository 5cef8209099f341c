"""Saving a registration and the duplicate check on a database of 100,000 requirements.

    python bench/registration.py [--saves N]

Uses the demo database of bench/demo_generation.py (made first when missing), copied
so the benchmark leaves it as it was. Prints the median and 95th percentile of

* saving one registration through the service (validation, SLA due times, the next
  number, the "registered" event, the audit entry, one transaction), and
* the duplicate check the form runs before saving, for the customer with the most
  open requirements and for a walk-in contact's phone.

Targets: save < 20 ms median; duplicate check < 100 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections.abc import Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from demo_generation import big_demo_copy
from sqlalchemy import func, select

from reqdesk.models import Requirement
from reqdesk.models.enums import Urgency
from reqdesk.services.requirements.duplicates import OPEN_STAGES, find_duplicates
from reqdesk.services.requirements.forms import RegistrationInput
from reqdesk.services.requirements.registration import register_requirement

TITLES = [
    "要求提供产品合格证明原件",
    "法兰密封面划伤投诉",
    "咨询新型号交货周期",
    "建议改进包装防潮",
]


def figures(label: str, samples: list[float], target_ms: float) -> None:
    ms = sorted(s * 1000 for s in samples)
    p95 = ms[int(len(ms) * 0.95) - 1]
    print(
        f"{label}: median {statistics.median(ms):.1f} ms, p95 {p95:.1f} ms, "
        f"n={len(ms)} (target < {target_ms:.0f} ms)"
    )


def timed(call: Callable[[], object], times: int) -> list[float]:
    samples = []
    for _ in range(times):
        started = time.perf_counter()
        call()
        samples.append(time.perf_counter() - started)
    return samples


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--saves", type=int, default=300)
    args = parser.parse_args()
    with big_demo_copy("kefu") as (_path, ctx):
        db = ctx.db
        with db.read_sessions() as session:
            total = session.scalar(select(func.count(Requirement.id)))
            busiest, open_count = session.execute(
                select(Requirement.customer_id, func.count())
                .where(Requirement.stage.in_(OPEN_STAGES), Requirement.customer_id.is_not(None))
                .group_by(Requirement.customer_id)
                .order_by(func.count().desc())
                .limit(1)
            ).one()
        print(f"database: {total:,} requirements; busiest customer has {open_count} open")
        counter = iter(range(10**9))

        def save() -> None:
            n = next(counter)
            register_requirement(
                ctx,
                RegistrationInput(
                    customer_id=1 + n % 500,
                    contact_name="王工",
                    contact_phone="13812345678",
                    title=f"{TITLES[n % len(TITLES)]}（第{n}次）",
                    description="客户来电说明需求，要求尽快答复。",
                    urgency=Urgency.IMPORTANT,
                ),
            )

        timed(save, 10)  # warm caches (SLA policy, calendar, statements)
        figures("save registration", timed(save, args.saves), 20)

        def check() -> None:
            find_duplicates(
                ctx,
                customer_id=busiest,
                title="法兰密封面划伤，要求更换",
                description="第三批法兰密封面有划伤，客户要求更换。",
            )

        timed(check, 5)
        figures("duplicate check (busiest customer)", timed(check, 50), 100)

        def walk_in() -> None:
            find_duplicates(
                ctx, customer_id=None, contact_phone="13812345678", title="咨询新型号交货周期"
            )

        timed(walk_in, 5)
        figures("duplicate check (walk-in phone)", timed(walk_in, 50), 100)


if __name__ == "__main__":
    main()
