"""A service desk at work, to be killed: real service calls in a loop.

    python crash_child.py DB_FILE --seed N [--register-only] [--count N] [--start-on-go]

After each call has committed, one line goes to stdout, flushed at once, naming what
the database now holds:

    requirement ID NUMBER     registered
    stage ID STAGE            the requirement moved to STAGE (an event records it)
    review ID REQUIREMENT_ID  a contract review opened
    signoff ID REVIEW_ID      a sealed sign-off
    concluded REVIEW_ID       Sales accepted the review

Without ``--count`` it runs until killed. ``--start-on-go``: sign in, print ``ready``
and wait for a line on stdin (so that two copies start together). It imports no Qt,
so it starts quickly.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import datetime, timedelta
from decimal import Decimal

from sqlalchemy import select

from reqdesk.db import open_database
from reqdesk.models import Department
from reqdesk.models.enums import ContactChannel, Decision, ReviewRouting, Stage
from reqdesk.services import auth
from reqdesk.services.context import Context
from reqdesk.services.demo import DEMO_PASSWORD
from reqdesk.services.requirements.forms import RegistrationInput
from reqdesk.services.requirements.registration import dispatch_requirement, register_requirement
from reqdesk.services.requirements.workflow import VisitInput, change_stage, record_return_visit
from reqdesk.services.reviews.conclusion import conclude
from reqdesk.services.reviews.items import ReviewItems
from reqdesk.services.reviews.opening import OpenReviewInput, open_review
from reqdesk.services.reviews.signing import SignInput, sign_as_general_manager, sign_for_department
from reqdesk.services.setup import open_context
from reqdesk.services.sla import BUSINESS_TZ

DESK = "kefu"
GM = "zongjingli"
REVIEWERS = {  # department code -> the demo user who signs for it
    "SALES": "xiaoshou",
    "TECH": "jishu",
    "PURCH": "caigou",
    "PROD": "shengchan",
    "QA": "zhiliang",
    "FIN": "caiwu",
}
MEETING = ("SALES", "TECH", "PURCH", "PROD", "QA")


def report(*words: object) -> None:
    """One line per committed call, written and flushed in one go."""
    sys.stdout.write(" ".join(str(w) for w in words) + "\n")
    sys.stdout.flush()


def untranslated(_context: str, text: str) -> str:
    return text


class Desk:
    """The people of the demo company, signed in when first needed."""

    def __init__(self, ctx: Context, rng: random.Random, pause: float = 0.0) -> None:
        self.ctx = ctx
        self.rng = rng
        self.pause = pause
        self._people: dict[str, Context] = {}
        with ctx.reading() as session:
            self.departments = {d.code: d.id for d in session.scalars(select(Department))}

    def person(self, username: str) -> Context:
        if username not in self._people:
            actor = auth.login(self.ctx, username, DEMO_PASSWORD)
            self._people[username] = self.ctx.as_actor(actor)
        return self._people[username]

    def done(self, *words: object) -> None:
        """Report a committed call, then pause as a person would before the next one."""
        report(*words)
        time.sleep(self.pause)

    def today(self) -> datetime:
        return datetime.now(BUSINESS_TZ)

    def register(self, serial: int) -> int:
        form = RegistrationInput(
            customer_id=self.rng.randint(1, 6),
            contact_name="周工",
            contact_phone="13812345678",
            title=f"崩溃测试需求 {serial}",
            description="客户来电，要求随货附材质证明。" * self.rng.randint(1, 20),
        )
        registered = register_requirement(self.person(DESK), form)
        self.done("requirement", registered.id, registered.number)
        return registered.id

    def stage(self, username: str, requirement_id: int, to: Stage) -> None:
        change_stage(self.person(username), requirement_id, to)
        self.done("stage", requirement_id, to.value)

    def handle(self, serial: int) -> None:
        """Registered, dispatched, worked on by the department, resolved, visited."""
        requirement_id = self.register(serial)
        code = self.rng.choice(sorted(REVIEWERS))
        worker = self.person(REVIEWERS[code])
        assert worker.actor is not None
        dispatch_requirement(
            self.person(DESK), requirement_id, self.departments[code], worker.actor.user_id
        )
        self.done("stage", requirement_id, Stage.DISPATCHED.value)
        self.stage(REVIEWERS[code], requirement_id, Stage.IN_PROGRESS)
        self.stage(REVIEWERS[code], requirement_id, Stage.RESOLVED)
        visit = VisitInput(self.today().date(), ContactChannel.CALL, self.rng.randint(3, 5))
        record_return_visit(self.person(DESK), requirement_id, visit)
        self.done("stage", requirement_id, Stage.CLOSED.value)

    def review(self, serial: int, *, meeting: bool) -> None:
        """A contract review: opened, signed by every department routed, accepted."""
        requirement_id = self.register(serial)
        if meeting:
            signers, routing = list(MEETING), ReviewRouting.MEETING
        else:
            others = self.rng.sample(["TECH", "PURCH", "PROD", "QA", "FIN"], 2)
            signers, routing = ["SALES", *others], ReviewRouting.COUNTERSIGN
        items = ReviewItems(
            contract_no=f"HT-CRASH-{serial}",
            product_name="精密轴承",
            price=Decimal("128.50"),
            quantity=Decimal(self.rng.randint(10, 5000)),
            unit="件",
            delivery_date=self.today().date() + timedelta(days=90),
            is_new_product=meeting,
        )
        form = OpenReviewInput(
            requirement_id=requirement_id,
            items=items,
            routing=routing,
            countersigners=tuple(self.departments[c] for c in signers[1:]),
        )
        review_id = open_review(self.person(DESK), form).id
        self.done("review", review_id, requirement_id)
        for code in signers:
            self.sign(code, review_id)
        if meeting:
            signed = SignInput(Decision.CAN_MEET)
            sign_off = sign_as_general_manager(
                self.person(GM), review_id, signed, DEMO_PASSWORD, untranslated
            )
            self.done("signoff", sign_off, review_id)
        conclude(self.person(REVIEWERS["SALES"]), review_id)
        self.done("concluded", review_id)

    def sign(self, code: str, review_id: int) -> None:
        if self.rng.random() < 0.3:
            form = SignInput(Decision.CONDITIONAL, "交期偏紧", "分两批交货")
        else:
            form = SignInput(Decision.CAN_MEET)
        sign_off = sign_for_department(
            self.person(REVIEWERS[code]), review_id, form, DEMO_PASSWORD, untranslated
        )
        self.done("signoff", sign_off, review_id)

    def work(self, serial: int) -> None:
        choice = self.rng.random()
        if choice < 0.4:
            self.handle(serial)
        elif choice < 0.8:
            self.review(serial, meeting=False)
        else:
            self.review(serial, meeting=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("db")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--register-only", action="store_true")
    parser.add_argument("--count", type=int, default=None, help="calls to make; none: forever")
    parser.add_argument("--start-on-go", action="store_true")
    parser.add_argument("--pause", type=float, default=0.0, help="seconds after each call")
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    db = open_database(args.db)
    desk = Desk(open_context(db), rng, args.pause)
    if args.start_on_go:
        desk.person(DESK)
        report("ready")
        sys.stdin.readline()
    serial = 0
    while args.count is None or serial < args.count:
        serial += 1
        if args.register_only:
            desk.register(serial)
        else:
            desk.work(serial)
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
