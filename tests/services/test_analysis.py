"""The monthly analysis figures on the hand-made data set (see metrics_inputs)."""

from __future__ import annotations

from datetime import date

import pytest

from reqdesk import i18n
from reqdesk.models.enums import Category, Channel, Stage, Urgency
from reqdesk.services.analysis import month_counts, open_items, top_customers
from reqdesk.services.context import Context
from reqdesk.services.errors import PermissionDenied
from reqdesk.services.metrics import period_metrics
from tests.services.metrics_inputs import CUSTOMER_1, CUSTOMER_2, WEEK, Ledger, build_ledger

NOVEMBER = (date(2026, 11, 1), date(2026, 11, 30))


@pytest.fixture
def ledger(admin_ctx: Context) -> Ledger:
    return build_ledger(admin_ctx)


def label(member: object) -> str:
    return i18n.enum_label(member)  # type: ignore[arg-type]


def test_month_counts(ledger: Ledger) -> None:
    """November: 11 received, merged F and cancelled G apart, the other nine split four ways."""
    intake = month_counts(ledger.ctx, *NOVEMBER)
    assert (intake.received, intake.merged, intake.cancelled, intake.rejected) == (11, 1, 1, 1)
    assert intake.counted == 9
    assert intake.by_category == [
        (label(Category.PRODUCT), 3),  # A D E
        (label(Category.SERVICE), 3),  # B J K
        (label(Category.PRICE), 1),  # C
        (label(Category.OTHER), 2),  # H I
    ]
    assert intake.by_urgency == [
        (label(Urgency.URGENT), 3),
        (label(Urgency.IMPORTANT), 2),
        (label(Urgency.GENERAL), 4),
    ]
    assert intake.by_channel == [(label(Channel.PHONE), 9)]  # channels without any left out
    assert intake.by_department == [
        ("Sales", 2),
        ("Technical", 2),
        ("Production", 1),
        ("Quality", 1),
        (i18n.translate("Metrics", "No department"), 3),
    ]


def test_an_empty_month(ledger: Ledger) -> None:
    """Nothing received: zero counts, every category and urgency still listed."""
    intake = month_counts(ledger.ctx, date(2026, 1, 1), date(2026, 1, 31))
    assert intake.received == intake.counted == 0
    assert [n for _, n in intake.by_category] == [0, 0, 0, 0]
    assert intake.by_channel == intake.by_department == []
    assert top_customers(ledger.ctx, date(2026, 1, 1), date(2026, 1, 31)) == []


def test_top_customers(ledger: Ledger) -> None:
    """A B K for the first customer (merged F not counted), C D for the second."""
    assert top_customers(ledger.ctx, *NOVEMBER) == [(CUSTOMER_1, 3), (CUSTOMER_2, 2)]
    assert top_customers(ledger.ctx, *NOVEMBER, limit=1) == [(CUSTOMER_1, 3)]


def test_open_items_at_the_end(ledger: Ledger) -> None:
    """Open at the end of week 46: overdue I, B, C first (oldest first), then D and J."""
    items = open_items(ledger.ctx, *WEEK)
    numbers = [item.number for item in items.items]
    assert numbers == [ledger.numbers[key] for key in "IBCDJ"]
    assert [item.overdue for item in items.items] == [True, True, True, False, False]
    figures = period_metrics(ledger.ctx, *WEEK)
    assert (items.total, items.overdue) == (figures.open_count, figures.overdue_count)
    assert items.items[0].stage == Stage.RESOLVED  # the stage now: resolved after the week
    assert items.items[1].customer == CUSTOMER_1 and items.items[1].department == "Sales"


def test_open_items_are_capped(ledger: Ledger) -> None:
    """The list stops at the limit; the totals still count every open requirement."""
    items = open_items(ledger.ctx, *WEEK, limit=2)
    assert len(items.items) == 2 and (items.total, items.overdue) == (5, 3)


def test_sign_in_required(ledger: Ledger) -> None:
    """Nobody signed in: refused."""
    with pytest.raises(PermissionDenied):
        month_counts(ledger.ctx.as_actor(None), *NOVEMBER)
