"""The dashboard strip above the tabs: four counts for the signed-in user, each the row
count of a view one click away.

Overdue, due today and awaiting return visit are the ledger's own filters
(:data:`LEDGER_PRESETS`), counted on the very conditions the ledger filters with, so a
counter and the ledger it opens cannot disagree. Awaiting my sign-off is the length of
the review tab's "my sign-offs" list (:func:`~reqdesk.services.reviews.queue.my_tasks`).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from reqdesk.services.context import Context
from reqdesk.services.ledger_list import AWAITING_RETURN_VISIT, LedgerFilter, counts_query
from reqdesk.services.permissions import Permission, require
from reqdesk.services.reviews.queue import my_tasks


class Counter(StrEnum):
    OVERDUE = "overdue"
    DUE_TODAY = "due_today"
    MY_SIGN_OFFS = "my_sign_offs"
    RETURN_VISITS = "return_visits"


LEDGER_PRESETS: dict[Counter, LedgerFilter] = {
    Counter.OVERDUE: LedgerFilter(overdue_only=True),
    Counter.DUE_TODAY: LedgerFilter(due_today=True),
    Counter.RETURN_VISITS: LedgerFilter(stages=AWAITING_RETURN_VISIT),
}


@dataclass(frozen=True)
class DashboardCounts:
    overdue: int
    due_today: int
    my_sign_offs: int
    return_visits: int

    def of(self, counter: Counter) -> int:
        return int(getattr(self, counter.value))


def dashboard_counts(ctx: Context) -> DashboardCounts:
    """The four counts as of the context's clock: three ledger filters counted in one
    pass over the requirements, and the user's review tasks."""
    require(ctx.actor, Permission.VIEW_LEDGER)
    kinds = list(LEDGER_PRESETS)
    query = counts_query([LEDGER_PRESETS[k] for k in kinds], ctx.clock(), ctx.db.is_sqlite)
    with ctx.reading() as session:
        row = session.execute(query).one()
    ledger = {kind: int(value or 0) for kind, value in zip(kinds, row, strict=True)}
    return DashboardCounts(
        overdue=ledger[Counter.OVERDUE],
        due_today=ledger[Counter.DUE_TODAY],
        my_sign_offs=len(my_tasks(ctx)),
        return_visits=ledger[Counter.RETURN_VISITS],
    )
