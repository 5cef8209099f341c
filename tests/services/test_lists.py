"""The windowed list queries behind the big tables: counts, pages, sorting, search."""

from __future__ import annotations

from reqdesk.models.enums import Stage
from reqdesk.services.context import Context
from reqdesk.services.customers.listing import CustomerFilter, count_customers, customer_rows
from reqdesk.services.ledger_list import LedgerFilter, count_ledger, ledger_rows
from reqdesk.services.listing import Window, like_pattern
from reqdesk.services.review_list import count_reviews, review_rows
from tests.helpers import signed_in


def test_customer_pages_cover_every_row_once(demo_ctx: Context) -> None:
    """Paging through the list yields each customer exactly once."""
    ctx = signed_in(demo_ctx, "kefu")
    total = count_customers(ctx, CustomerFilter())
    seen = []
    for offset in range(0, total, 7):
        seen += [r.id for r in customer_rows(ctx, CustomerFilter(), Window(offset, 7))]
    assert total == 40 and sorted(seen) == sorted(set(seen)) and len(seen) == total


def test_customer_search_finds_chinese_text_and_phone(demo_ctx: Context) -> None:
    """Searching a Chinese fragment of a name or a contact's phone finds the customer."""
    ctx = signed_in(demo_ctx, "kefu")
    first = customer_rows(ctx, CustomerFilter(), Window(0, 1))[0]
    fragment = first.name[2:5]
    found = customer_rows(ctx, CustomerFilter(text=fragment), Window(0, 100))
    assert first.id in {r.id for r in found}
    assert all(fragment in r.name or fragment in r.short_name for r in found)
    by_phone = customer_rows(ctx, CustomerFilter(text=first.contact_phone), Window(0, 10))
    assert [r.id for r in by_phone] == [first.id]
    assert count_customers(ctx, CustomerFilter(text="没有这样的客户")) == 0


def test_search_text_is_matched_literally(demo_ctx: Context) -> None:
    """% and _ in the search box are not wildcards."""
    ctx = signed_in(demo_ctx, "kefu")
    assert count_customers(ctx, CustomerFilter(text="%")) == 0
    assert like_pattern("a_b%") == "%a\\_b\\%%"


def test_ledger_sorting_and_stage_filter(demo_ctx: Context) -> None:
    """Sorting happens in SQL over all rows; the stage filter counts in SQL."""
    ctx = signed_in(demo_ctx, "zhuguan")
    total = count_ledger(ctx, LedgerFilter())
    assert total == 600
    newest = ledger_rows(ctx, LedgerFilter(), Window(0, 5))
    assert [r.received_at for r in newest] == sorted((r.received_at for r in newest), reverse=True)
    by_number = ledger_rows(ctx, LedgerFilter(), Window(total - 1, 5, "number", False))
    assert len(by_number) == 1 and by_number[0].number.endswith("00600")
    closed = count_ledger(ctx, LedgerFilter(stage=Stage.CLOSED))
    rows = ledger_rows(ctx, LedgerFilter(stage=Stage.CLOSED), Window(0, 1000))
    assert closed == len(rows) > 0 and {r.stage for r in rows} == {Stage.CLOSED}


def test_ledger_text_search(demo_ctx: Context) -> None:
    """A title fragment in Chinese finds matching requirements."""
    ctx = signed_in(demo_ctx, "zhuguan")
    rows = ledger_rows(ctx, LedgerFilter(text="毛刺"), Window(0, 1000))
    assert rows and all("毛刺" in r.title for r in rows)


def test_unknown_sort_keys_fall_back_to_the_default_order(demo_ctx: Context) -> None:
    """A sort key is whitelisted, never pasted into SQL."""
    ctx = signed_in(demo_ctx, "zhuguan")
    rows = ledger_rows(ctx, LedgerFilter(), Window(0, 3, "1; DROP TABLE requirement", False))
    assert len(rows) == 3


def test_review_list(demo_ctx: Context) -> None:
    """Reviews come with their requirement's number, newest first."""
    ctx = signed_in(demo_ctx, "zhuguan")
    total = count_reviews(ctx)
    rows = review_rows(ctx, Window(0, total))
    assert total == len(rows) > 0
    assert all(r.requirement_number.startswith("HQ-RQ-") for r in rows)
