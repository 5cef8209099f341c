"""Record numbers: gap-free per site, kind and year, never reused."""

from __future__ import annotations

from reqdesk.services.context import Context
from reqdesk.services.numbering import REQUIREMENT, REVIEW, next_number


def take(ctx: Context, kind: str, year: int, *, commit: bool = True) -> str:
    with ctx.unit_of_work() as uow:
        number = next_number(uow.session, ctx.site_code, kind, year)
        if commit:
            uow.commit()
    return number


def test_numbers_count_up_per_kind_and_year(admin_ctx: Context) -> None:
    """Each kind and year has its own counter."""
    assert take(admin_ctx, REQUIREMENT, 2026) == "SH01-RQ-2026-00001"
    assert take(admin_ctx, REQUIREMENT, 2026) == "SH01-RQ-2026-00002"
    assert take(admin_ctx, REQUIREMENT, 2027) == "SH01-RQ-2027-00001"
    assert take(admin_ctx, REVIEW, 2026) == "SH01-RV-2026-00001"


def test_a_rolled_back_registration_leaves_no_gap(admin_ctx: Context) -> None:
    """A number taken in a transaction that rolls back is handed out again."""
    assert take(admin_ctx, REQUIREMENT, 2026) == "SH01-RQ-2026-00001"
    assert take(admin_ctx, REQUIREMENT, 2026, commit=False) == "SH01-RQ-2026-00002"
    assert take(admin_ctx, REQUIREMENT, 2026) == "SH01-RQ-2026-00002"
