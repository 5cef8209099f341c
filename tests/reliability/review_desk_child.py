"""A review desk at work beside others: opens reviews and signs whatever waits.

    python review_desk_child.py DB --seed N --count N [--start-on-go]

``--count`` times: the service desk registers a requirement and opens a countersign
review (Sales and two other departments); then every department's reviewer, in a random
order, signs the first review waiting in their "My sign-offs" list, and Sales concludes
the first one ready. Another copy works the same lists, so two reviewers often reach for
the same review at once; the loser's call is refused (``Conflict``). Once its own reviews
are open it keeps working the lists until nothing waits for anyone.

Besides crash_child.py's lines (``requirement``, ``review``, ``signoff``, ``concluded``)
it prints ``refused REVIEW_ID`` for a call another copy had already made.
"""

from __future__ import annotations

import argparse
import random
import sys
from datetime import timedelta
from decimal import Decimal

from reqdesk.db import open_database
from reqdesk.models.enums import Decision, ReviewRouting
from reqdesk.services.demo import DEMO_PASSWORD
from reqdesk.services.errors import Conflict
from reqdesk.services.reviews.conclusion import conclude
from reqdesk.services.reviews.items import ReviewItems
from reqdesk.services.reviews.opening import OpenReviewInput, open_review
from reqdesk.services.reviews.queue import TaskKind, my_tasks
from reqdesk.services.reviews.signing import SignInput, sign_for_department
from reqdesk.services.setup import open_context
from tests.reliability.crash_child import DESK, REVIEWERS, Desk, report, untranslated

OTHERS = ("TECH", "PURCH", "PROD", "QA", "FIN")


def open_one(desk: Desk, serial: int) -> None:
    requirement_id = desk.register(serial)
    signers = desk.rng.sample(OTHERS, 2)
    items = ReviewItems(
        contract_no=f"HT-PG-{serial}",
        product_name="精密轴承",
        price=Decimal("128.50"),
        quantity=Decimal(desk.rng.randint(10, 5000)),
        unit="件",
        delivery_date=desk.today().date() + timedelta(days=90),
    )
    form = OpenReviewInput(
        requirement_id=requirement_id,
        items=items,
        routing=ReviewRouting.COUNTERSIGN,
        countersigners=tuple(desk.departments[code] for code in signers),
    )
    desk.done("review", open_review(desk.person(DESK), form).id, requirement_id)


def first_task(desk: Desk, code: str, kind: TaskKind) -> int | None:
    tasks = my_tasks(desk.person(REVIEWERS[code]))
    return next((t.review_id for t in tasks if t.kind == kind), None)


def sign_first(desk: Desk, code: str) -> bool:
    """The department signs the first review waiting for it; False: nothing waits."""
    review_id = first_task(desk, code, TaskKind.SIGN)
    if review_id is None:
        return False
    if desk.rng.random() < 0.3:
        form = SignInput(Decision.CONDITIONAL, "交期偏紧", "分两批交货")
    else:
        form = SignInput(Decision.CAN_MEET)
    try:
        sign_off = sign_for_department(
            desk.person(REVIEWERS[code]), review_id, form, DEMO_PASSWORD, untranslated
        )
    except Conflict:
        desk.done("refused", review_id)
    else:
        desk.done("signoff", sign_off, review_id)
    return True


def conclude_first(desk: Desk) -> bool:
    """Sales concludes the first review everyone has signed; False: none is ready."""
    review_id = first_task(desk, "SALES", TaskKind.CONCLUDE)
    if review_id is None:
        return False
    try:
        conclude(desk.person(REVIEWERS["SALES"]), review_id)
    except Conflict:
        desk.done("refused", review_id)
    else:
        desk.done("concluded", review_id)
    return True


def work_lists(desk: Desk) -> bool:
    """One pass over every department's list; False: nothing waited for anyone."""
    codes = list(REVIEWERS)
    desk.rng.shuffle(codes)
    busy = [sign_first(desk, code) for code in codes]
    return conclude_first(desk) or any(busy)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("db")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--start-on-go", action="store_true")
    args = parser.parse_args(argv)
    db = open_database(args.db)
    desk = Desk(open_context(db), random.Random(args.seed))
    for username in (DESK, *REVIEWERS.values()):
        desk.person(username)  # signed in before the start, as people at their desks
    if args.start_on_go:
        report("ready")
        sys.stdin.readline()
    for serial in range(1, args.count + 1):
        open_one(desk, serial)
        work_lists(desk)
    while work_lists(desk):
        pass
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
