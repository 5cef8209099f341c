"""Reviews as the demo company's people open and sign them, at a fixed moment."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import select

from reqdesk import i18n
from reqdesk.models import Department
from reqdesk.models.enums import Decision, ReviewRouting
from reqdesk.services.context import Context
from reqdesk.services.requirements.registration import register_requirement
from reqdesk.services.reviews.items import ReviewItems
from reqdesk.services.reviews.opening import OpenReviewInput, open_review
from reqdesk.services.reviews.signing import SignInput, sign_for_department
from tests.helpers import signed_in
from tests.services.registration_inputs import NOW, form

PASSWORD = "demo1234"
SIGNERS = {
    "SALES": "xiaoshou",
    "TECH": "jishu",
    "PURCH": "caigou",
    "PROD": "shengchan",
    "QA": "zhiliang",
    "FIN": "caiwu",
}


def at(ctx: Context, moment: datetime = NOW) -> Context:
    return ctx.__class__(db=ctx.db, site_code=ctx.site_code, actor=ctx.actor, clock=lambda: moment)


def person(demo_ctx: Context, username: str, moment: datetime = NOW) -> Context:
    return at(signed_in(demo_ctx, username), moment)


def department_id(ctx: Context, code: str) -> int:
    with ctx.reading() as session:
        value = session.scalar(select(Department.id).where(Department.code == code))
    assert value is not None
    return value


def items(**overrides: object) -> ReviewItems:
    values: dict[str, object] = {
        "contract_no": "HT-2026-0901",
        "product_name": "精密轴承",
        "spec_model": "RD-620",
        "drawing_no": "DWG-6201",
        "quality_requirements": "按GB/T 307.1 P5级",
        "price": Decimal("128.50"),
        "quantity": Decimal(2000),
        "unit": "件",
        "delivery_date": date(2027, 1, 20),
        "delivery_place": "客户苏州仓库",
        "delivery_method": "汽运",
        "acceptance_standard": "按技术协议验收",
        "settlement_terms": "月结60天",
        "attachments": "技术协议；图纸",
    }
    values.update(overrides)
    return ReviewItems(**values)  # type: ignore[arg-type]


def new_requirement(demo_ctx: Context) -> int:
    return register_requirement(person(demo_ctx, "kefu"), form(title="新订单合同评审")).id


def open_for(
    demo_ctx: Context,
    routing: ReviewRouting = ReviewRouting.PLANNER,
    countersign: tuple[str, ...] = (),
    **item_overrides: object,
) -> tuple[int, int]:
    """Register a requirement and open a review on it as the service desk; (review, req)."""
    requirement_id = new_requirement(demo_ctx)
    desk = person(demo_ctx, "kefu")
    opened = open_review(
        desk,
        OpenReviewInput(
            requirement_id=requirement_id,
            items=items(**item_overrides),
            routing=routing,
            countersigners=tuple(department_id(desk, c) for c in countersign),
        ),
    )
    return opened.id, requirement_id


def sign(
    demo_ctx: Context,
    review_id: int,
    code: str,
    decision: Decision = Decision.CAN_MEET,
    comment: str = "",
    moment: datetime = NOW + timedelta(hours=1),
) -> int:
    return sign_for_department(
        person(demo_ctx, SIGNERS[code], moment),
        review_id,
        SignInput(decision, comment or ("" if decision == Decision.CAN_MEET else "交期偏紧")),
        PASSWORD,
        i18n.translate,
    )


def special(**overrides: object) -> ReviewItems:
    return replace(items(**overrides), is_new_product=True)
