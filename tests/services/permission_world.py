"""The world the permission matrix is tested in: the demo company's people (one user per
role), a catalogue entry's shape, and the situations the actions are tried on.

Situations are built through services by people who are not the one being tested
(the second operator 王芳 keeps the customer files and registers; the departments'
reviewers sign), so that whatever the tested user may do is decided by the matrix.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select

from reqdesk import i18n
from reqdesk.models import ReviewNotice
from reqdesk.models.enums import (
    AmendmentKind,
    CreditGrade,
    Decision,
    ReviewRouting,
    Role,
    Stage,
)
from reqdesk.services.context import Context
from reqdesk.services.customers.files import create_customer
from reqdesk.services.customers.forms import (
    ContactInput,
    CreditInput,
    CustomerInput,
    ProductionInput,
)
from reqdesk.services.customers.sections import grant_access
from reqdesk.services.demo import DEMO_PASSWORD
from reqdesk.services.permissions import ROLE_PERMISSIONS, Permission
from reqdesk.services.requirements.registration import dispatch_requirement, register_requirement
from reqdesk.services.requirements.workflow import change_stage
from reqdesk.services.reviews.amendments import AmendmentInput, amend_review
from reqdesk.services.reviews.conclusion import (
    NegotiationInput,
    conclude,
    hand_to_general_manager,
    record_negotiation,
)
from reqdesk.services.reviews.opening import OpenReviewInput, open_review
from reqdesk.services.reviews.signing import SignInput, sign_for_department
from tests.services.registration_inputs import form
from tests.services.review_inputs import SIGNERS, items, special
from tests.services.workflow_inputs import Company

# One demo user per role, each holding that role alone.
ROLE_USERS: dict[Role, str] = {
    Role.OPERATOR: "kefu",
    Role.REVIEWER: "xiaoshou",  # of the Sales department
    Role.SUPERVISOR: "zhuguan",
    Role.GENERAL_MANAGER: "zongjingli",
    Role.ADMIN: "admin",
}
OTHER_REVIEWER = "jishu"  # a reviewer of the Technical department
HELPER = "kefu2"  # the second operator: prepares, keeps the files, never the tested user
PASSWORD = DEMO_PASSWORD
translate = i18n.translate


@dataclass
class World(Company):
    """A private copy of the demo company (no requirements yet) at a fixed moment."""

    out: Path = field(default_factory=Path)  # where printed and exported files go
    custodian: str = HELPER  # who keeps the customer files the situations create
    grantee: str | None = None  # who the general manager grants access to those files

    def as_role(self, role: Role | None) -> Context:
        """The user holding only ``role``; None: nobody signed in."""
        if role is None:
            return Context(self.db, self.base.site_code, None, self.clock)
        return self.as_(ROLE_USERS[role])

    def file(self, name: str) -> Path:
        return self.out / name


def holders(*permissions: Permission) -> frozenset[Role]:
    """The roles the matrix gives any of ``permissions``."""
    wanted = set(permissions)
    return frozenset(role for role, granted in ROLE_PERMISSIONS.items() if granted & wanted)


Prepare = Callable[[World], Any]
Act = Callable[[Context, World, Any], Any]
Expect = Callable[[World, Any, Any], bool]


def nothing(w: World) -> None:
    return None


@dataclass(frozen=True)
class Action:
    """One thing a user can do: the service, the permission it needs, and how to try it.

    ``prepare(world)`` builds a situation in which the action is valid; ``act(ctx, world,
    situation)`` performs it. A successful call records ``audit`` (an audit action, by
    the acting user) and/or satisfies ``expect(world, situation, result)``.
    ``allowed`` overrides the matrix's holders of ``permission`` where a rule beyond
    the role decides; ``rule`` says which. ``department_bound``: a reviewer of another
    department is refused. ``owner``: "custodian" or "custodian_or_grant" may act besides
    the matrix. ``gap``: the service does not refuse yet (those cases are expected to fail).
    """

    name: str
    service: Callable[..., Any]
    permission: Permission
    act: Act
    prepare: Prepare = nothing
    audit: str | None = None
    expect: Expect | None = None
    allowed: frozenset[Role] | None = None
    rule: str = ""
    department_bound: bool = False
    owner: str = ""
    gap: str = ""

    @property
    def roles(self) -> frozenset[Role]:
        """The roles that may perform the action in the prepared situation."""
        return holders(self.permission) if self.allowed is None else self.allowed


# --- customer files -------------------------------------------------------------------

_names = itertools.count(1)


def customer(w: World) -> int:
    """A new, pending customer file kept by ``w.custodian``, with its confidential parts."""
    n = next(_names)
    customer_id = create_customer(
        w.as_(w.custodian),
        CustomerInput(
            name=f"权限测试机械有限公司{n}",
            contacts=(ContactInput(name="周工", mobile="13812345678"),),
            credit=CreditInput(CreditGrade.B, "回款偶有延迟"),
            production=ProductionInput("机加工", "200人", "钢材", "300万元"),
        ),
    )
    if w.grantee is not None:
        gm = w.as_role(Role.GENERAL_MANAGER)
        grant_access(gm, customer_id, w.user(w.grantee))
    return customer_id


# --- requirements ---------------------------------------------------------------------


def registered(w: World, title: str = "要求提供精密轴承材质证明") -> int:
    return register_requirement(w.as_(HELPER), form(title=title)).id


def dispatched(w: World, code: str = "SALES") -> int:
    """A requirement sent to ``code`` (Sales: the tested reviewer's department)."""
    requirement_id = registered(w)
    dispatch_requirement(w.as_(HELPER), requirement_id, w.department(code), None)
    return requirement_id


def resolved(w: World) -> int:
    requirement_id = dispatched(w)
    change_stage(w.as_(HELPER), requirement_id, Stage.IN_PROGRESS)
    change_stage(w.as_(HELPER), requirement_id, Stage.RESOLVED)
    return requirement_id


# --- reviews --------------------------------------------------------------------------


def review(w: World, *, meeting: bool = False) -> int:
    """A review opened by the desk: Sales alone (the planner), or a meeting review."""
    opened = open_review(
        w.as_(HELPER),
        OpenReviewInput(
            requirement_id=registered(w, "新订单合同评审"),
            items=special() if meeting else items(),
            routing=ReviewRouting.MEETING if meeting else ReviewRouting.PLANNER,
        ),
    )
    return opened.id


def sign(w: World, review_id: int, code: str, decision: Decision = Decision.CAN_MEET) -> int:
    comment = "" if decision == Decision.CAN_MEET else "交期偏紧"
    return sign_for_department(
        w.as_(SIGNERS[code]), review_id, SignInput(decision, comment), PASSWORD, translate
    )


def signed_by_sales(w: World) -> int:
    """A review Sales has signed "can meet": ready to conclude, its sign-off correctable."""
    review_id = review(w)
    sign(w, review_id, "SALES")
    return review_id


def meeting_signed(w: World) -> int:
    """A meeting review every department has signed: waiting for the general manager."""
    review_id = review(w, meeting=True)
    for code in ("SALES", "TECH", "PURCH", "PROD", "QA"):
        sign(w, review_id, code)
    return review_id


def negotiating(w: World) -> int:
    review_id = review(w)
    sign(w, review_id, "SALES", Decision.CANNOT_MEET)
    return review_id


def negotiated(w: World) -> int:
    """Negotiating, the talk with the customer recorded: terms may be revised or handed on."""
    review_id = negotiating(w)
    record_negotiation(
        w.as_(SIGNERS["SALES"]),
        review_id,
        NegotiationInput(w.clock(), "王经理", "协商交期", "客户坚持原交期"),
    )
    return review_id


def in_arbitration(w: World) -> int:
    review_id = negotiated(w)
    hand_to_general_manager(w.as_(SIGNERS["SALES"]), review_id, "请总经理裁定")
    return review_id


def accepted(w: World) -> int:
    review_id = signed_by_sales(w)
    conclude(w.as_(SIGNERS["SALES"]), review_id)
    return review_id


def notice(w: World) -> int:
    """An amendment notice for Sales, which signed the amended review."""
    review_id = accepted(w)
    amend_review(
        w.as_(SIGNERS["SALES"]),
        review_id,
        AmendmentInput(AmendmentKind.TIME_QUANTITY, "客户要求减量", quantity=Decimal(1500)),
        translate,
    )
    with w.base.reading() as session:
        notice_id = session.scalar(
            select(ReviewNotice.id).where(ReviewNotice.review_id == review_id)
        )
    assert notice_id is not None
    return notice_id
