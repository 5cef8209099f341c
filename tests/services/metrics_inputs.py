"""A hand-made ledger with known metrics, built through the real services on a clock
that is moved for each step.

The week under test is 2026-W46 (Mon 2026-11-09 .. Sun 11-15); "now" is Thursday
2026-11-19 10:00 in week 47. Times are business times (UTC+08:00).

=== ========================= ======== ===== =====================================
key received                  urgency  dept  what happens
=== ========================= ======== ===== =====================================
L   Tue 10-20 09:00           urgent   SALES answered 10:00, resolved 10-21, visit 10-22 (4)
H   Wed 11-04 09:00           import.  QA    answered 15:00, resolved 11-06, visit 11-10 (3)
I   Fri 11-06 16:00           general  PROD  started 11-09, resolved only Mon 11-16 10:00
A   Mon 11-09 09:00           urgent   TECH  answered 10:00 (due 13:00), resolved 11-11,
                                             visit 11-13 (5)
B   Mon 11-09 10:00           import.  SALES answered Thu 11-12 09:00 (late), still open
C   Tue 11-10 09:00           general  TECH  never answered
D   Wed 11-11 14:00           general  SALES answered Thu 11-12; expected 11-30
E   Thu 11-12 09:00           urgent   —     rejected 10:00 (its answer, on time)
F   Thu 11-12 11:00           general  —     merged into B at 11:30
G   Fri 11-13 09:00           urgent   —     cancelled at 09:30
J   Sun 11-15 20:00           urgent   —     nothing yet (first response due 11-16 00:00)
K   Tue 11-17 09:00           general  —     nothing yet (response due Fri 11-20)
=== ========================= ======== ===== =====================================
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from reqdesk.models.enums import Category, ContactChannel, Role, Stage, Urgency
from reqdesk.services.context import Context
from reqdesk.services.customers.files import create_customer
from reqdesk.services.customers.forms import CustomerInput
from reqdesk.services.requirements.forms import RegistrationInput
from reqdesk.services.requirements.registration import (
    dispatch_requirement,
    merge_requirements,
    register_requirement,
)
from reqdesk.services.requirements.workflow import (
    ResponseInput,
    VisitInput,
    change_stage,
    log_response,
    record_return_visit,
)
from reqdesk.services.sla import BUSINESS_TZ
from reqdesk.services.users import actor_of, add_user
from tests.services.review_inputs import at, department_id

NOW = datetime(2026, 11, 19, 2, 0, tzinfo=UTC)  # Thursday 10:00 business time
WEEK = (date(2026, 11, 9), date(2026, 11, 15))  # 2026-W46
PREVIOUS_WEEK = (date(2026, 11, 2), date(2026, 11, 8))
CUSTOMER_1 = "甲方精密机械有限公司"
CUSTOMER_2 = "乙方液压设备有限公司"


def b(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    """A business time in 2026."""
    return datetime(2026, month, day, hour, minute, tzinfo=BUSINESS_TZ)


@dataclass(frozen=True)
class Ledger:
    ctx: Context  # the supervisor, at NOW
    ids: dict[str, int]
    numbers: dict[str, str]


def supervisor(admin_ctx: Context) -> Context:
    with admin_ctx.unit_of_work() as uow:
        user = add_user(
            uow,
            username="zhu",
            full_name="朱主管",
            roles={Role.SUPERVISOR},
            password="supervisor-pass-1",
        )
        uow.commit()
        return at(admin_ctx.as_actor(actor_of(user)), NOW)


class _Builder:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.ids: dict[str, int] = {}
        self.numbers: dict[str, str] = {}
        self.customers = {
            name: create_customer(ctx, CustomerInput(name=name))
            for name in (CUSTOMER_1, CUSTOMER_2)
        }

    def register(self, key: str, when: datetime, urgency: Urgency, **values: object) -> None:
        customer = values.pop("customer", None)
        who: dict[str, object] = (
            {"customer_id": self.customers[str(customer)]}
            if customer
            else {"walk_in_name": "王先生"}
        )
        form = RegistrationInput(
            **who,  # type: ignore[arg-type]
            contact_phone="13812345678",
            received_at=when,
            urgency=urgency,
            title=f"需求{key}：要求提供材质证明",
            **values,  # type: ignore[arg-type]
        )
        registered = register_requirement(at(self.ctx, when), form)
        self.ids[key], self.numbers[key] = registered.id, registered.number

    def dispatch(self, key: str, when: datetime, code: str) -> None:
        dispatch_requirement(at(self.ctx, when), self.ids[key], department_id(self.ctx, code), None)

    def answer(self, key: str, when: datetime) -> None:
        form = ResponseInput(when, ContactChannel.CALL, "已电话答复客户")
        log_response(at(self.ctx, when), self.ids[key], form)

    def move(self, key: str, when: datetime, stage: Stage, note: str = "") -> None:
        change_stage(at(self.ctx, when), self.ids[key], stage, note)

    def visit(self, key: str, when: datetime, satisfaction: int) -> None:
        form = VisitInput(when.date(), ContactChannel.CALL, satisfaction)
        record_return_visit(at(self.ctx, when), self.ids[key], form)


def build_ledger(admin_ctx: Context) -> Ledger:
    """The data set of the module docstring."""
    x = _Builder(supervisor(admin_ctx))
    p, s, o = Category.PRODUCT, Category.SERVICE, Category.OTHER
    x.register("L", b(10, 20, 9), Urgency.URGENT, category=s)
    x.dispatch("L", b(10, 20, 9, 5), "SALES")
    x.answer("L", b(10, 20, 10))
    x.move("L", b(10, 21, 9), Stage.RESOLVED)
    x.visit("L", b(10, 22, 9), 4)

    x.register("H", b(11, 4, 9), Urgency.IMPORTANT, category=o)
    x.dispatch("H", b(11, 4, 9, 10), "QA")
    x.answer("H", b(11, 4, 15))
    x.move("H", b(11, 6, 9), Stage.RESOLVED)
    x.visit("H", b(11, 10, 9), 3)

    x.register("I", b(11, 6, 16), Urgency.GENERAL, category=o)
    x.dispatch("I", b(11, 6, 16, 30), "PROD")
    x.move("I", b(11, 9, 9), Stage.IN_PROGRESS)

    x.register("A", b(11, 9, 9), Urgency.URGENT, category=p, customer=CUSTOMER_1)
    x.dispatch("A", b(11, 9, 9, 10), "TECH")
    x.answer("A", b(11, 9, 10))
    x.move("A", b(11, 11, 10), Stage.RESOLVED)
    x.visit("A", b(11, 13, 10), 5)

    x.register("B", b(11, 9, 10), Urgency.IMPORTANT, category=s, customer=CUSTOMER_1)
    x.dispatch("B", b(11, 9, 10, 30), "SALES")
    x.answer("B", b(11, 12, 9))

    x.register("C", b(11, 10, 9), Urgency.GENERAL, category=Category.PRICE, customer=CUSTOMER_2)
    x.dispatch("C", b(11, 10, 9, 30), "TECH")

    x.register(
        "D",
        b(11, 11, 14),
        Urgency.GENERAL,
        category=p,
        customer=CUSTOMER_2,
        expected_date=date(2026, 11, 30),
    )
    x.dispatch("D", b(11, 11, 14, 30), "SALES")
    x.answer("D", b(11, 12, 11))

    x.register("E", b(11, 12, 9), Urgency.URGENT, category=p)
    x.move("E", b(11, 12, 10), Stage.REJECTED, "不属于本公司业务范围")

    x.register("F", b(11, 12, 11), Urgency.GENERAL, category=p, customer=CUSTOMER_1)
    merge_requirements(at(x.ctx, b(11, 12, 11, 30)), x.ids["F"], x.ids["B"])

    x.register("G", b(11, 13, 9), Urgency.URGENT, category=p)
    x.move("G", b(11, 13, 9, 30), Stage.CANCELLED, "客户撤回")

    x.register("J", b(11, 15, 20), Urgency.URGENT, category=s)
    x.move("I", b(11, 16, 10), Stage.RESOLVED)
    x.register("K", b(11, 17, 9), Urgency.GENERAL, category=s, customer=CUSTOMER_1)
    return Ledger(x.ctx, x.ids, x.numbers)


def walk_in(ctx: Context, when: datetime, title: str) -> str:
    """One more requirement of a walk-in customer, received ``when``; its number."""
    form = RegistrationInput(
        walk_in_name="李先生", contact_phone="13812345678", title=title, received_at=when
    )
    return register_requirement(at(ctx, when), form).number
