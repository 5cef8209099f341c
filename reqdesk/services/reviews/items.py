"""The review items (评审内容): what every department signs for, as a plain value."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, fields
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from reqdesk.services.customers.forms import Problems
from reqdesk.services.requirements.forms import text_field
from reqdesk.textmarks import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class ReviewItems:
    """Product, quality, price, quantity, delivery and the other terms of the contract."""

    contract_no: str = ""
    product_name: str = ""
    spec_model: str = ""
    drawing_no: str = ""
    quality_requirements: str = ""
    price: Decimal | None = None
    quantity: Decimal | None = None
    unit: str = ""
    delivery_date: date | None = None
    delivery_place: str = ""
    delivery_method: str = ""
    acceptance_standard: str = ""
    settlement_terms: str = ""
    attachments: str = ""
    is_new_product: bool = False
    above_top_precision: bool = False


ITEM_FIELDS = tuple(f.name for f in fields(ReviewItems))
TEXT_LIMITS = {
    "contract_no": 60,
    "product_name": 200,
    "spec_model": 120,
    "drawing_no": 60,
    "unit": 20,
    "delivery_place": 200,
    "delivery_method": 100,
    "quality_requirements": 2000,
    "acceptance_standard": 2000,
    "settlement_terms": 2000,
    "attachments": 2000,
}
MULTILINE = {"quality_requirements", "acceptance_standard", "settlement_terms", "attachments"}


def items_of(record: Any) -> ReviewItems:
    """The items of a review row (ORM object or anything with the same attributes)."""
    return ReviewItems(**{name: getattr(record, name) for name in ITEM_FIELDS})


def items_to_json(items: ReviewItems) -> str:
    def plain(value: Any) -> Any:
        if isinstance(value, Decimal | date):
            return str(value)
        return value

    return json.dumps(
        {k: plain(v) for k, v in asdict(items).items()}, ensure_ascii=False, sort_keys=True
    )


def items_digest(items: ReviewItems) -> str:
    """SHA-256 of the items in a canonical form (numbers without trailing zeros), so the
    same items give the same digest however the database stored them."""

    def canonical(value: Any) -> Any:
        if isinstance(value, Decimal):
            return f"{value.normalize():f}"
        if isinstance(value, date):
            return value.isoformat()
        return value

    text = json.dumps(
        {k: canonical(v) for k, v in asdict(items).items()}, ensure_ascii=False, sort_keys=True
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def items_from_json(text: str) -> ReviewItems:
    data = json.loads(text)
    values: dict[str, Any] = {}
    for name in ITEM_FIELDS:
        value = data.get(name)
        if name in ("price", "quantity"):
            value = None if value in (None, "") else Decimal(str(value))
        elif name == "delivery_date":
            value = None if not value else date.fromisoformat(value)
        elif name in ("is_new_product", "above_top_precision"):
            value = bool(value)
        else:
            value = "" if value is None else str(value)
        values[name] = value
    return ReviewItems(**values)


def clean_items(items: ReviewItems, *, today: date | None = None) -> ReviewItems:
    """Trimmed items; raises FormInvalid naming every problem."""
    p = Problems()
    values: dict[str, Any] = asdict(items)
    for name, limit in TEXT_LIMITS.items():
        values[name] = text_field(
            p, name, str(values[name] or ""), limit, multiline=name in MULTILINE
        )
    if not values["product_name"]:
        p.add("product_name", QT_TRANSLATE_NOOP("Errors", "Name the product to be reviewed."))
    for name in ("price", "quantity"):
        value = values[name]
        if value is None:
            continue
        try:
            number = Decimal(str(value))
        except InvalidOperation:
            number = Decimal("NaN")
        if not number.is_finite():  # "abc", NaN and Infinity alike
            p.add(name, QT_TRANSLATE_NOOP("Errors", "Enter a number."))
            continue
        if number < 0 or number >= Decimal("1e13"):
            p.add(name, QT_TRANSLATE_NOOP("Errors", "Enter a number from 0 to 9,999,999,999,999."))
        values[name] = number
    delivery = values["delivery_date"]
    if delivery is not None and today is not None and delivery < today:
        p.add(
            "delivery_date",
            QT_TRANSLATE_NOOP("Errors", "The delivery date {day} has already passed."),
            day=delivery.isoformat(),
        )
    p.raise_if_any()
    return ReviewItems(**values)
