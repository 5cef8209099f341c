"""Ledger metrics on a hand-made data set with known answers (see metrics_inputs)."""

from __future__ import annotations

from dataclasses import fields
from datetime import date, timedelta

import pytest
from sqlalchemy import event

from reqdesk import i18n
from reqdesk.db import open_database
from reqdesk.models.enums import Category, Urgency
from reqdesk.services.context import Context
from reqdesk.services.errors import PermissionDenied, ValidationError
from reqdesk.services.ledger_list import LedgerFilter, count_ledger, ledger_batches
from reqdesk.services.metrics import (
    Metrics,
    metrics_by,
    overdue_at_end,
    period,
    period_metrics,
    weekly_trend,
)
from reqdesk.services.setup import initialise
from tests.conftest import ADMIN_PASSWORD
from tests.services.metrics_inputs import NOW, PREVIOUS_WEEK, WEEK, Ledger, build_ledger

COUNTS = [f.name for f in fields(Metrics) if f.name != "satisfaction_mean"]
# due A B C E I, on time A and E (rejected in time); registered A B C D J, resolved A;
# visits A (5) and H (3); open at the end B C D I J, overdue B C I
WEEK_46 = Metrics(
    responses_due=5,
    responses_on_time=2,
    registered=5,
    resolved=1,
    visits=2,
    satisfaction_mean=4.0,
    satisfied=1,
    open_count=5,
    overdue_count=3,
)


@pytest.fixture
def ledger(admin_ctx: Context) -> Ledger:
    return build_ledger(admin_ctx)


def test_week_figures(ledger: Ledger) -> None:
    """Week 46: every metric as worked out by hand from the data set."""
    m = period_metrics(ledger.ctx, *WEEK)
    assert m == WEEK_46
    assert (m.timeliness, m.completion, m.satisfied_share) == (0.4, 0.2, 0.5)


def test_previous_week(ledger: Ledger) -> None:
    """Week 45: H on time, H and I registered, H resolved, I open but not yet overdue."""
    m = period_metrics(ledger.ctx, *PREVIOUS_WEEK)
    assert m == Metrics(
        responses_due=1, responses_on_time=1, registered=2, resolved=1, open_count=1
    )
    assert m.satisfaction_mean is None and m.satisfied_share is None


def test_week_under_way_counts_up_to_now(ledger: Ledger) -> None:
    """Week 47 is not over: K's response is not due yet; open and overdue are as of now."""
    m = period_metrics(ledger.ctx, date(2026, 11, 16), date(2026, 11, 22))
    assert (m.responses_due, m.responses_on_time) == (2, 1)  # D on time, J late; not K
    assert (m.registered, m.resolved) == (1, 0)  # K (I was received in week 45)
    assert (m.open_count, m.overdue_count) == (5, 3)  # B C D J K; B C J overdue


def test_merged_cancelled_and_rejected(ledger: Ledger) -> None:
    """Merged F and cancelled G count nowhere; rejected E answers on time, is not registered."""
    urgent = period_metrics(ledger.ctx, *WEEK, urgency=Urgency.URGENT)  # A E G J
    assert urgent == Metrics(
        responses_due=2,
        responses_on_time=2,
        registered=2,
        resolved=1,
        visits=1,
        satisfaction_mean=5.0,
        satisfied=1,
        open_count=1,
    )
    products = period_metrics(ledger.ctx, *WEEK, category=Category.PRODUCT)  # A D E F G
    assert (products.responses_due, products.registered, products.open_count) == (2, 2, 1)
    assert products.overdue_count == 0


def test_one_department(ledger: Ledger) -> None:
    """The department filter: Technical handles A (on time, resolved) and C (late, open)."""
    technical = next(d for d in metrics_by(ledger.ctx, *WEEK, "department") if d[0] == "Technical")
    assert technical[1] == Metrics(
        responses_due=2,
        responses_on_time=1,
        registered=2,
        resolved=1,
        visits=1,
        satisfaction_mean=5.0,
        satisfied=1,
        open_count=1,
        overdue_count=1,
    )


def test_split_by_department(ledger: Ledger) -> None:
    """Every department is listed, then "no department" because E and J have none."""
    rows = dict(metrics_by(ledger.ctx, *WEEK, "department"))
    no_department = i18n.translate("Metrics", "No department")
    assert list(rows)[-1] == no_department
    assert rows[no_department] == Metrics(
        responses_due=1, responses_on_time=1, registered=1, open_count=1
    )
    assert rows["Sales"] == Metrics(responses_due=1, registered=2, open_count=2, overdue_count=1)
    assert rows["Purchasing"] == Metrics() and rows["Purchasing"].timeliness is None


def test_no_department_row_only_with_data(ledger: Ledger) -> None:
    """In week 45 every requirement had a department: no "no department" row."""
    labels = [label for label, _ in metrics_by(ledger.ctx, *PREVIOUS_WEEK, "department")]
    assert i18n.translate("Metrics", "No department") not in labels
    assert "Quality" in labels and len(labels) == 7


@pytest.mark.parametrize("dimension", ["department", "category", "urgency"])
def test_splits_add_up(ledger: Ledger, dimension: str) -> None:
    """The counts of a split add up to the period's; the satisfaction sum too."""
    total = period_metrics(ledger.ctx, *WEEK)
    rows = metrics_by(ledger.ctx, *WEEK, dimension)  # type: ignore[arg-type]
    for name in COUNTS:
        assert sum(getattr(m, name) for _, m in rows) == getattr(total, name), name
    satisfaction = sum((m.satisfaction_mean or 0) * m.visits for _, m in rows)
    assert satisfaction == pytest.approx((total.satisfaction_mean or 0) * total.visits)


def test_enum_rows_are_translated_and_complete(ledger: Ledger) -> None:
    """Category and urgency rows: every member, in order, labelled in the UI language."""
    categories = metrics_by(ledger.ctx, *WEEK, "category")
    assert [label for label, _ in categories] == [i18n.enum_label(c) for c in Category]
    assert categories[0][0] == "产品需求"
    urgency = dict(metrics_by(ledger.ctx, *WEEK, "urgency"))
    assert urgency[i18n.enum_label(Urgency.GENERAL)].registered == 2  # C D


def test_weekly_trend(ledger: Ledger) -> None:
    """The trend's weeks, oldest first, equal each week's own metrics."""
    trend = weekly_trend(ledger.ctx, date(2026, 11, 18), weeks=3)  # a Wednesday of week 47
    assert [monday for monday, _ in trend] == [
        date(2026, 11, 2),
        date(2026, 11, 9),
        date(2026, 11, 16),
    ]
    for monday, m in trend:
        assert m == period_metrics(ledger.ctx, monday, monday + timedelta(days=6)), monday


def test_half_year_trend_in_a_handful_of_queries(ledger: Ledger) -> None:
    """26 weeks: each week right, and the whole trend read with a few statements."""
    statements: list[str] = []

    def count(*args: object) -> None:
        statements.append(str(args[2]))

    engine = ledger.ctx.db.engine
    event.listen(engine, "before_cursor_execute", count)
    try:
        trend = weekly_trend(ledger.ctx, date(2026, 11, 16))
    finally:
        event.remove(engine, "before_cursor_execute", count)
    assert len(trend) == 26 and trend[0][0] == date(2026, 5, 25)
    assert len(statements) <= 6
    for monday, m in trend:
        assert m == period_metrics(ledger.ctx, monday, monday + timedelta(days=6)), monday
    assert sum(m.visits for _, m in trend) == 3  # L, H, A


def test_empty_period(ledger: Ledger) -> None:
    """A month without requirements: zeros, and no rates rather than 0 %."""
    m = period_metrics(ledger.ctx, date(2026, 1, 1), date(2026, 1, 31))
    assert m == Metrics() and not m.has_data
    assert (m.timeliness, m.completion, m.satisfied_share, m.satisfaction_mean) == (None,) * 4
    rows = metrics_by(ledger.ctx, date(2026, 1, 1), date(2026, 1, 31), "urgency")
    assert len(rows) == 3 and all(not m.has_data for _, m in rows)


def test_period_checks(ledger: Ledger) -> None:
    """A period ending before it starts is refused; signing in is required."""
    with pytest.raises(ValidationError):
        period_metrics(ledger.ctx, date(2026, 11, 15), date(2026, 11, 9))
    with pytest.raises(PermissionDenied):
        period_metrics(ledger.ctx.as_actor(None), *WEEK)
    with pytest.raises(PermissionDenied):
        weekly_trend(ledger.ctx.as_actor(None), date(2026, 11, 16))


def test_printed_marks_agree_with_the_count(ledger: Ledger) -> None:
    """The weekly ledger's overdue marks (one test per row) equal the SQL count: B, C, I."""
    flt = LedgerFilter(open_from=WEEK[0], open_to=WEEK[1])
    rows = [row for batch in ledger_batches(ledger.ctx, flt) for row in batch]
    assert len(rows) == count_ledger(ledger.ctx, flt) == 10  # A-J: all but L and K
    cutoff = period(*WEEK, NOW).cutoff
    marked = {row.number for row in rows if overdue_at_end(row, cutoff)}
    assert marked == {ledger.numbers[key] for key in "BCI"}
    assert len(marked) == period_metrics(ledger.ctx, *WEEK).overdue_count


def test_postgresql_gives_the_same_figures(postgres_url: str) -> None:
    """The same queries on PostgreSQL (a multi-seat office's database)."""
    db = open_database(postgres_url)
    try:
        admin, _ = initialise(
            db,
            company_name="测试精密机械有限公司",
            site_code="SH01",
            admin_username="admin",
            admin_full_name="系统管理员",
            admin_password=ADMIN_PASSWORD,
            clock=lambda: NOW,
        )
        ledger = build_ledger(admin)
        assert period_metrics(ledger.ctx, *WEEK) == WEEK_46
        trend = weekly_trend(ledger.ctx, date(2026, 11, 16), weeks=3)
        assert trend[1] == (date(2026, 11, 9), WEEK_46)
        rows = dict(metrics_by(ledger.ctx, *WEEK, "department"))
        assert rows["Technical"].responses_due == 2 and rows["Sales"].open_count == 2
    finally:
        db.dispose()
