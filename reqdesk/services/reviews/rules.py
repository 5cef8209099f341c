"""Which contract type a review is, and who signs it (seed 004 §4.1, §4.3).

Special (特殊合同): a new product, precision above the top grade, or at least 100 t
to deliver within 30 days (thresholds in settings). Temporary (临时合同): an order
taken orally, by phone or by letter, without a contract or order number. Anything
else is regular (常规合同).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from reqdesk.models import Department
from reqdesk.models.enums import Channel, ContractType, ReviewAspect, ReviewRouting, label_source
from reqdesk.services import settings
from reqdesk.services.audit import Action
from reqdesk.services.context import Context
from reqdesk.services.customers.forms import Problems
from reqdesk.services.errors import Text, ValidationError
from reqdesk.services.permissions import Permission, require
from reqdesk.services.reviews.items import ReviewItems
from reqdesk.textmarks import QT_TRANSLATE_NOOP

RULES_KEY = "review_rules"
TONNES = {"t": Decimal(1), "吨": Decimal(1), "公吨": Decimal(1), "kg": Decimal("0.001")}
TONNES.update({"千克": Decimal("0.001"), "公斤": Decimal("0.001")})
ORAL_CHANNELS = {Channel.VISIT, Channel.PHONE, Channel.LETTER_EMAIL, Channel.FAX}
MEETING_ASPECTS = (
    ReviewAspect.SALES,
    ReviewAspect.TECHNICAL,
    ReviewAspect.PURCHASING,
    ReviewAspect.PRODUCTION,
    ReviewAspect.QUALITY,
)


@dataclass(frozen=True)
class ReviewRules:
    special_quantity_t: Decimal = Decimal(100)
    special_delivery_days: int = 30
    answer_hours: int = 48  # the customer is answered within this many hours of the conclusion
    sign_working_days: int = 2  # each department signs within this many working days

    def to_json(self) -> dict[str, Any]:
        return {
            "special_quantity_t": str(self.special_quantity_t),
            "special_delivery_days": self.special_delivery_days,
            "answer_hours": self.answer_hours,
            "sign_working_days": self.sign_working_days,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> ReviewRules:
        """Stored rules; anything missing or unreadable falls back to the default."""
        stored = dict(cls().to_json())
        stored.update(data or {})
        return cls(
            special_quantity_t=Decimal(str(stored["special_quantity_t"])),
            special_delivery_days=int(stored["special_delivery_days"]),
            answer_hours=int(stored["answer_hours"]),
            sign_working_days=int(stored["sign_working_days"]),
        )


def read_rules(session: Session) -> ReviewRules:
    return ReviewRules.from_json(settings.read_setting(session, RULES_KEY))


def tonnes(items: ReviewItems) -> Decimal | None:
    factor = TONNES.get(items.unit.strip().casefold()) if items.quantity is not None else None
    return None if factor is None or items.quantity is None else items.quantity * factor


@dataclass(frozen=True)
class Proposal:
    contract_type: ContractType
    reasons: tuple[str, ...]  # source texts (context "ReviewRules") saying why


def propose_type(
    items: ReviewItems, rules: ReviewRules, *, opened: date, channel: Channel
) -> Proposal:
    """The contract type the rules give; the reasons say which rule applied."""
    reasons: list[str] = []
    if items.is_new_product:
        reasons.append(QT_TRANSLATE_NOOP("ReviewRules", "new product"))
    if items.above_top_precision:
        reasons.append(QT_TRANSLATE_NOOP("ReviewRules", "precision above the top grade"))
    weight = tonnes(items)
    if (
        weight is not None
        and weight >= rules.special_quantity_t
        and items.delivery_date is not None
        and (items.delivery_date - opened).days <= rules.special_delivery_days
    ):
        reasons.append(QT_TRANSLATE_NOOP("ReviewRules", "large quantity with short delivery"))
    if reasons:
        return Proposal(ContractType.SPECIAL, tuple(reasons))
    if not items.contract_no and channel in ORAL_CHANNELS:
        return Proposal(
            ContractType.TEMPORARY,
            (QT_TRANSLATE_NOOP("ReviewRules", "oral, phone or letter order without a contract"),),
        )
    return Proposal(ContractType.REGULAR, ())


def department_for(session: Session, aspect: ReviewAspect) -> Department:
    department = session.scalars(
        select(Department)
        .where(Department.review_aspect == aspect, Department.active.is_(True))
        .order_by(Department.id)
    ).first()
    if department is None:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "No active department answers for {aspect} in reviews. The administrator "
                "assigns one.",
            ),
            aspect=Text(*label_source(aspect)),
        )
    return department


def route(
    session: Session,
    contract_type: ContractType,
    routing: ReviewRouting,
    countersigners: tuple[int, ...] = (),
    with_finance: bool = False,
) -> list[Department]:
    """The departments that sign, Sales first.

    Special contracts go to a meeting review of Sales, Technical, Purchasing,
    Production and Quality (Finance when chosen), then the general manager. Regular
    and temporary ones go to the authorised sales planner alone, or to a countersign
    by Sales and the departments ticked.
    """
    sales = department_for(session, ReviewAspect.SALES)
    if contract_type == ContractType.SPECIAL:
        if routing != ReviewRouting.MEETING:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "A special contract is reviewed in a meeting."),
                field="routing",
            )
        aspects = MEETING_ASPECTS + ((ReviewAspect.FINANCE,) if with_finance else ())
        return [department_for(session, aspect) for aspect in aspects]
    if routing == ReviewRouting.MEETING:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "Only special contracts go to a meeting review; choose the planner or a "
                "countersign.",
            ),
            field="routing",
        )
    if routing == ReviewRouting.PLANNER:
        return [sales]
    others = [
        d
        for d in session.scalars(
            select(Department).where(Department.id.in_(countersigners)).order_by(Department.id)
        )
        if d.id != sales.id
    ]
    if not others:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Tick the departments that countersign."),
            field="countersigners",
        )
    inactive = [d.name for d in others if not d.active or d.review_aspect is None]
    if inactive:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "{names} cannot sign reviews."),
            names="、".join(inactive),
            field="countersigners",
        )
    return [sales, *others]


def get_rules(ctx: Context) -> ReviewRules:
    with ctx.reading() as session:
        return read_rules(session)


def save_rules(ctx: Context, rules: ReviewRules) -> None:
    """The administrator changes the thresholds (audited with the old and new values)."""
    require(ctx.actor, Permission.MANAGE_SETTINGS)
    p = Problems()
    if not Decimal(0) < rules.special_quantity_t < Decimal(1_000_000):
        p.add(
            "special_quantity_t",
            QT_TRANSLATE_NOOP("Errors", "Enter a quantity from 0.001 to 999,999 t."),
        )
    if not 1 <= rules.special_delivery_days <= 365:
        p.add("special_delivery_days", QT_TRANSLATE_NOOP("Errors", "Enter 1 to 365 days."))
    if not 1 <= rules.answer_hours <= 720:
        p.add("answer_hours", QT_TRANSLATE_NOOP("Errors", "Enter 1 to 720 hours."))
    if not 1 <= rules.sign_working_days <= 30:
        p.add("sign_working_days", QT_TRANSLATE_NOOP("Errors", "Enter 1 to 30 working days."))
    p.raise_if_any()
    with ctx.unit_of_work() as uow:
        before = settings.write_setting(uow.session, RULES_KEY, rules.to_json())
        uow.audit(
            Action.UPDATE,
            entity_type="setting",
            details={"key": RULES_KEY, "before": before, "after": rules.to_json()},
        )
        uow.commit()
