"""The catalogue of ledger views, reports and exports, and the administrator's actions."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from reqdesk.models.enums import DayKind, Role
from reqdesk.reports.ledger_workbook import export_ledger
from reqdesk.reports.monthly_report import write_monthly_report
from reqdesk.reports.weekly_ledger import write_weekly_ledger
from reqdesk.services.analysis import month_counts, open_items, top_customers
from reqdesk.services.audit import Action as Audit
from reqdesk.services.backups import back_up_now, list_backups, restore_from
from reqdesk.services.calendar import (
    DayRow,
    import_calendar_file,
    restore_official_year,
    save_year,
    year_days,
)
from reqdesk.services.dashboard import DashboardCounts, dashboard_counts
from reqdesk.services.ledger_export import may_export, record_ledger_export
from reqdesk.services.ledger_list import LedgerFilter, count_ledger, ledger_batches, ledger_rows
from reqdesk.services.ledger_reports import record_report, start_report
from reqdesk.services.listing import Window
from reqdesk.services.metrics import metrics_by, period_metrics, weekly_trend
from reqdesk.services.permissions import Permission as P
from reqdesk.services.reviews.rules import ReviewRules, save_rules
from reqdesk.services.users import change_own_password, create_user, reset_password
from tests.services.permission_world import HELPER, PASSWORD, Action, World, registered

NOVEMBER = (date(2026, 11, 1), date(2026, 11, 30))
YEAR = 2026  # a year whose official schedule ships with the program
EXTRA_HOLIDAY = DayRow(date(YEAR, 12, 28), DayKind.HOLIDAY, "厂庆")


def with_extra_holiday(w: World) -> list[DayRow]:
    """The year's schedule as stored, plus a company holiday (what the admin would save)."""
    return [*year_days(w.as_role(Role.ADMIN), YEAR), EXTRA_HOLIDAY]


def changed_year(w: World) -> None:
    """The administrator has added a company holiday to the official schedule."""
    save_year(w.as_role(Role.ADMIN), YEAR, with_extra_holiday(w))


def registered_an_hour_ago(w: World) -> int:
    """A requirement open at the end of the period so far (which ends now)."""
    requirement_id = registered(w)
    w.clock.advance(hours=1)
    return requirement_id


def backup(w: World) -> Path:
    return back_up_now(w.as_role(Role.ADMIN))


def calendar_file(w: World) -> Path:
    path = w.file("calendar.csv")
    path.write_text(f"{EXTRA_HOLIDAY.day.isoformat()},holiday,厂庆\n", encoding="utf-8")
    return path


LEDGER = [
    Action(
        "dashboard_counts",
        dashboard_counts,
        P.VIEW_LEDGER,
        lambda ctx, w, s: dashboard_counts(ctx),
        registered,
        expect=lambda w, s, r: isinstance(r, DashboardCounts) and r.overdue == 0,
    ),
    Action(
        "count_ledger",
        count_ledger,
        P.VIEW_LEDGER,
        lambda ctx, w, s: count_ledger(ctx, LedgerFilter()),
        registered,
        expect=lambda w, s, r: r == 1,
    ),
    Action(
        "ledger_rows",
        ledger_rows,
        P.VIEW_LEDGER,
        lambda ctx, w, s: ledger_rows(ctx, LedgerFilter(), Window()),
        registered,
        expect=lambda w, s, r: [row.id for row in r] == [s],
    ),
    Action(
        "ledger_batches",
        ledger_batches,
        P.VIEW_LEDGER,
        lambda ctx, w, s: [
            row.id for batch in ledger_batches(ctx, LedgerFilter()) for row in batch
        ],
        registered,
        expect=lambda w, s, r: r == [s],
    ),
    Action(
        "period_metrics",
        period_metrics,
        P.VIEW_LEDGER,
        lambda ctx, w, s: period_metrics(ctx, *NOVEMBER),
        registered,
        expect=lambda w, s, r: r.registered == 1,
    ),
    Action(
        "metrics_by",
        metrics_by,
        P.VIEW_LEDGER,
        lambda ctx, w, s: metrics_by(ctx, *NOVEMBER, "urgency"),
        registered,
        expect=lambda w, s, r: sum(m.registered for _, m in r) == 1,
    ),
    Action(
        "weekly_trend",
        weekly_trend,
        P.VIEW_LEDGER,
        lambda ctx, w, s: weekly_trend(ctx, date(2026, 11, 16), 4),
        registered,
        expect=lambda w, s, r: [m.registered for _, m in r] == [0, 0, 0, 1],
    ),
    Action(
        "month_counts",
        month_counts,
        P.VIEW_LEDGER,
        lambda ctx, w, s: month_counts(ctx, *NOVEMBER),
        registered,
        expect=lambda w, s, r: r.received == 1,
    ),
    Action(
        "top_customers",
        top_customers,
        P.VIEW_LEDGER,
        lambda ctx, w, s: top_customers(ctx, *NOVEMBER),
        registered,
        expect=lambda w, s, r: [n for _, n in r] == [1],
    ),
    Action(
        "open_items",
        open_items,
        P.VIEW_LEDGER,
        lambda ctx, w, s: open_items(ctx, *NOVEMBER),
        registered_an_hour_ago,
        expect=lambda w, s, r: len(r.items) == 1,
    ),
]

REPORTS = [
    Action(
        "may_export",
        may_export,
        P.PRINT_REPORTS,
        lambda ctx, w, s: may_export(ctx),
        expect=lambda w, s, r: r.user_id > 0,
    ),
    Action(
        "record_ledger_export",
        record_ledger_export,
        P.PRINT_REPORTS,
        lambda ctx, w, s: record_ledger_export(
            ctx, LedgerFilter(), file_name="ledger.xlsx", rows=1
        ),
        audit=Audit.EXPORT,
    ),
    Action(
        "start_report",
        start_report,
        P.PRINT_REPORTS,
        lambda ctx, w, s: start_report(ctx),
        expect=lambda w, s, r: bool(r.printed_by),
    ),
    Action(
        "record_report",
        record_report,
        P.PRINT_REPORTS,
        lambda ctx, w, s: record_report(ctx, w.file("weekly.pdf"), "weekly_ledger", {}),
        audit=Audit.PRINT,
    ),
    Action(
        "export_ledger",
        export_ledger,
        P.PRINT_REPORTS,
        lambda ctx, w, s: export_ledger(ctx, LedgerFilter(), w.file("ledger.xlsx")),
        registered,
        audit=Audit.EXPORT,
        expect=lambda w, s, r: r == 1,
    ),
    Action(
        "write_weekly_ledger",
        write_weekly_ledger,
        P.PRINT_REPORTS,
        lambda ctx, w, s: write_weekly_ledger(ctx, 2026, 47, w.file("weekly.pdf")),
        registered,
        audit=Audit.PRINT,
    ),
    Action(
        "write_monthly_report",
        write_monthly_report,
        P.PRINT_REPORTS,
        lambda ctx, w, s: write_monthly_report(ctx, 2026, 11, w.file("monthly.pdf")),
        registered,
        audit=Audit.PRINT,
    ),
]

ADMIN = [
    Action(
        "save_year",
        save_year,
        P.MANAGE_CALENDAR,
        lambda ctx, w, s: save_year(ctx, YEAR, s),
        with_extra_holiday,
        audit=Audit.UPDATE,
    ),
    Action(
        "import_calendar_file",
        import_calendar_file,
        P.MANAGE_CALENDAR,
        lambda ctx, w, s: import_calendar_file(ctx, s),
        calendar_file,
        audit=Audit.UPDATE,
    ),
    Action(
        "restore_official_year",
        restore_official_year,
        P.MANAGE_CALENDAR,
        lambda ctx, w, s: restore_official_year(ctx, YEAR),
        changed_year,
        audit=Audit.UPDATE,
    ),
    Action(
        "save_rules",
        save_rules,
        P.MANAGE_SETTINGS,
        lambda ctx, w, s: save_rules(ctx, ReviewRules(answer_hours=24)),
        audit=Audit.UPDATE,
    ),
    Action(
        "create_user",
        create_user,
        P.MANAGE_USERS,
        lambda ctx, w, s: create_user(
            ctx,
            username="xinren",
            full_name="新同事",
            roles=[Role.OPERATOR],
            password="password-1",
            department_id=w.department("DESK"),
        ),
        audit=Audit.CREATE,
    ),
]

USERS_AND_BACKUPS = [
    Action(
        "reset_password",
        reset_password,
        P.MANAGE_USERS,
        lambda ctx, w, s: reset_password(ctx, w.user(HELPER), "password-2"),
        audit=Audit.PASSWORD_RESET,
    ),
    Action(
        "change_own_password",
        change_own_password,
        P.VIEW_LEDGER,
        lambda ctx, w, s: change_own_password(ctx, PASSWORD, "new-password-1"),
        audit=Audit.PASSWORD_CHANGE,
        rule="any signed-in user, for their own password (no permission of the matrix)",
    ),
    Action(
        "back_up_now",
        back_up_now,
        P.BACKUP_RESTORE,
        lambda ctx, w, s: back_up_now(ctx),
        audit=Audit.BACKUP,
        expect=lambda w, s, r: r.exists(),
    ),
    Action(
        "list_backups",
        list_backups,
        P.BACKUP_RESTORE,
        lambda ctx, w, s: list_backups(ctx),
        backup,
        expect=lambda w, s, r: [b.path for b in r] == [s],
    ),
    Action(
        "restore_from",
        restore_from,
        P.BACKUP_RESTORE,
        lambda ctx, w, s: restore_from(ctx, s),
        backup,
        expect=lambda w, s, r: r.source == s,  # audited in the restored file, by name
    ),
]

ADMIN_AND_LEDGER = [*LEDGER, *REPORTS, *ADMIN, *USERS_AND_BACKUPS]
