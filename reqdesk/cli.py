"""The ``reqdesk`` command: start the GUI, or run a sub-command.

    reqdesk [--db DB] [--lang zh_CN|en] [--user NAME] [--smoke]
    reqdesk demo  [--db DB] [--customers N] [--requirements N] [--seed S] [--as-of DAY] [--if-new]
    reqdesk init  [--db DB] --company NAME --site CODE --admin NAME [--admin-name FULL]
    reqdesk check [--db DB]
    reqdesk import customers FILE.xlsx [--dry-run] [--valid-only]   (all these: --db, --user)
    reqdesk export customers FILE.xlsx [--template]
    reqdesk report card CODE -o FILE.pdf
    reqdesk report form|liaison NUMBER -o FILE.pdf
    reqdesk report review NUMBER -o FILE.pdf
    reqdesk report weekly [--week 2026-W47] -o FILE.pdf     (default: this week)
    reqdesk report monthly [--month 2026-10] -o FILE.pdf    (default: last month)
    reqdesk import calendar FILE.csv [--replace]
    reqdesk backup [-o FILE] [--list]
    reqdesk restore (FILE | --latest)
    reqdesk user reset-password NAME --user ADMIN   (new password from REQDESK_NEW_PASSWORD)
    reqdesk sync export -o FILE.reqsync [--to SITE] | sync import FILE.reqsync | sync conflicts

A user's mistake prints one clear line and exits non-zero, never a traceback.
"""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import sys
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from reqdesk import __version__, i18n
from reqdesk.i18n import translate

if TYPE_CHECKING:
    from reqdesk.db import Database
    from reqdesk.services.context import Context

PASSWORD_ENV = "REQDESK_PASSWORD"
START = time.perf_counter()

log = logging.getLogger("reqdesk")


class UsageError(Exception):
    """A mistake on the command line, already translated."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"reqdesk: {message}\n")


def _add_db(parser: argparse.ArgumentParser, *, top: bool = False) -> None:
    parser.add_argument(
        "--db",
        default=None if top else argparse.SUPPRESS,
        metavar="DB",
        help=translate(
            "Cli",
            "database file or SQLAlchemy URL (default: REQDESK_DB, else the database chosen "
            "in Settings, else reqdesk.db in the data folder)",
        ),
    )


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="reqdesk", description=translate("Cli", "Customer requirement management.")
    )
    parser.add_argument("--version", action="version", version=f"reqdesk {__version__}")
    _add_db(parser, top=True)
    parser.add_argument(
        "--lang", choices=i18n.LANGUAGES, help=translate("Cli", "user interface language")
    )
    parser.add_argument(
        "--user", help=translate("Cli", "sign in as this user (password from REQDESK_PASSWORD)")
    )
    parser.add_argument(
        "--smoke",
        action="store_true",
        help=translate(
            "Cli", "start, sign in, paint the first tab, print the milliseconds taken and exit"
        ),
    )
    commands = parser.add_subparsers(dest="command", parser_class=_Parser)

    demo = commands.add_parser(
        "demo", help=translate("Cli", "create a database filled with demo data")
    )
    _add_db(demo)
    demo.add_argument("--customers", type=_count, default=200, metavar="N")
    demo.add_argument("--requirements", type=_count, default=3000, metavar="N")
    demo.add_argument("--seed", type=int, default=1, metavar="S")
    demo.add_argument("--as-of", type=_day, default=None, metavar="YYYY-MM-DD")
    demo.add_argument(
        "--if-new",
        action="store_true",
        help=translate("Cli", "do nothing when the database is already set up"),
    )

    init = commands.add_parser(
        "init", help=translate("Cli", "set up a new database without the GUI")
    )
    _add_db(init)
    init.add_argument("--company", required=True, metavar="NAME")
    init.add_argument("--site", required=True, metavar="CODE")
    init.add_argument(
        "--admin", required=True, metavar="NAME", help=translate("Cli", "administrator user name")
    )
    init.add_argument(
        "--admin-name", metavar="FULL_NAME", help=translate("Cli", "administrator's full name")
    )

    check = commands.add_parser(
        "check", help=translate("Cli", "verify the database and the audit chain")
    )
    _add_db(check)
    _add_data_commands(commands)
    from reqdesk import cli_admin

    cli_admin.add_commands(commands, add_db=_add_db, add_user=_add_user, parser_class=_Parser)
    from reqdesk import cli_sync

    cli_sync.add_commands(commands, add_user=_add_user, parser_class=_Parser)
    return parser


def _add_user(parser: argparse.ArgumentParser) -> None:
    _add_db(parser)
    parser.add_argument(
        "--user",
        default=argparse.SUPPRESS,
        help=translate("Cli", "act as this user (password from REQDESK_PASSWORD)"),
    )


def _add_data_commands(commands: Any) -> None:
    importing = commands.add_parser("import", help=translate("Cli", "import records from a file"))
    what = importing.add_subparsers(dest="what", required=True, parser_class=_Parser)
    customers = what.add_parser("customers", help=translate("Cli", "customer files from .xlsx"))
    _add_user(customers)
    customers.add_argument("file", type=Path, metavar="FILE.xlsx")
    customers.add_argument(
        "--dry-run", action="store_true", help=translate("Cli", "check the file, write nothing")
    )
    customers.add_argument(
        "--valid-only",
        action="store_true",
        help=translate("Cli", "import the valid rows even when others are wrong"),
    )
    calendar = what.add_parser(
        "calendar",
        help=translate("Cli", "holidays and make-up working days from a date,kind,name file"),
    )
    _add_user(calendar)
    calendar.add_argument("file", type=Path, metavar="FILE.csv")
    calendar.add_argument(
        "--replace",
        action="store_true",
        help=translate("Cli", "the file is each year's whole schedule: remove days it omits"),
    )

    exporting = commands.add_parser("export", help=translate("Cli", "export records to a file"))
    what = exporting.add_subparsers(dest="what", required=True, parser_class=_Parser)
    customers = what.add_parser("customers", help=translate("Cli", "customer files to .xlsx"))
    _add_user(customers)
    customers.add_argument("file", type=Path, metavar="FILE.xlsx")
    customers.add_argument(
        "--template",
        action="store_true",
        help=translate("Cli", "write the empty import template instead"),
    )
    ledger = what.add_parser("ledger", help=translate("Cli", "the tracking ledger to .xlsx"))
    _add_user(ledger)
    ledger.add_argument("file", type=Path, metavar="FILE.xlsx")
    ledger.add_argument(
        "--from",
        dest="received_from",
        type=_day,
        metavar="DATE",
        help=translate("Cli", "received on or after this day (YYYY-MM-DD)"),
    )
    ledger.add_argument(
        "--to",
        dest="received_to",
        type=_day,
        metavar="DATE",
        help=translate("Cli", "received on or before this day (YYYY-MM-DD)"),
    )

    report = commands.add_parser("report", help=translate("Cli", "print a form to PDF"))
    what = report.add_subparsers(dest="what", required=True, parser_class=_Parser)
    card = what.add_parser("card", help=translate("Cli", "the customer data card"))
    _add_user(card)
    card.add_argument("code", metavar="CODE")
    card.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf")
    for name, text in (
        ("form", translate("Cli", "the registration form of a requirement")),
        ("liaison", translate("Cli", "the internal liaison form of a dispatched requirement")),
        ("review", translate("Cli", "the contract review record of a review")),
    ):
        sheet = what.add_parser(name, help=text)
        _add_user(sheet)
        sheet.add_argument("code", metavar="NUMBER")
        sheet.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf")
    _add_ledger_reports(what)


def _add_ledger_reports(what: Any) -> None:
    weekly = what.add_parser("weekly", help=translate("Cli", "the weekly tracking ledger"))
    _add_user(weekly)
    weekly.add_argument(
        "--week", metavar="YYYY-Www", help=translate("Cli", "ISO week (default: this week)")
    )
    weekly.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf")
    monthly = what.add_parser(
        "monthly", help=translate("Cli", "the monthly requirement analysis report")
    )
    _add_user(monthly)
    monthly.add_argument(
        "--month", metavar="YYYY-MM", help=translate("Cli", "month (default: last month)")
    )
    monthly.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf")


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(translate("Cli", "must be a whole number")) from None
    if value < 0:
        raise argparse.ArgumentTypeError(translate("Cli", "must be 0 or more"))
    return value


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(translate("Cli", "use the form YYYY-MM-DD")) from None


def read_password(prompt_user: str) -> str:
    """The password from ``REQDESK_PASSWORD``, else a prompt (never an argument)."""
    password = os.environ.get(PASSWORD_ENV)
    if password is not None:
        return password
    if sys.stdin is None or not sys.stdin.isatty():
        raise UsageError(
            translate("Cli", "Set REQDESK_PASSWORD or run in a terminal to type the password.")
        )
    return getpass.getpass(translate("Cli", "Password for {user}: ").format(user=prompt_user))


def _peek_language(argv: Sequence[str]) -> str:
    """The language, read before parsing so that help and errors are translated too."""
    requested = None
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            requested = argv[index + 1]
        elif arg.startswith("--lang="):
            requested = arg.partition("=")[2]
    try:
        return i18n.choose_language(requested)
    except ValueError:
        return i18n.DEFAULT_LANGUAGE  # argparse reports the bad choice


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    _configure_logging()
    language = i18n.install(_peek_language(arguments))
    from reqdesk import cli_admin, cli_sync

    args = build_parser().parse_args(arguments)
    from reqdesk import local_settings

    args.db = local_settings.choose_database(args.db)  # --db, REQDESK_DB, Settings, default
    handlers: dict[str | None, Callable[[argparse.Namespace], int]] = {
        None: _run_gui,
        "demo": _cmd_demo,
        "init": _cmd_init,
        "check": _cmd_check,
        "import": _cmd_import,
        "export": _cmd_export,
        "report": _cmd_report,
        "backup": cli_admin.cmd_backup,
        "restore": cli_admin.cmd_restore,
        "user": cli_admin.cmd_user,
        "sync": cli_sync.cmd_sync,
    }
    log.info("reqdesk %s, language %s, command %s", __version__, language, args.command or "gui")
    return _guarded(handlers[args.command], args)


def gui_main() -> int:
    """Entry point of the windowed build (no console)."""
    return main(sys.argv[1:])


def _guarded(handler: Callable[[argparse.Namespace], int], args: argparse.Namespace) -> int:
    from reqdesk.db import DatabaseDamaged, NotAReqdeskDatabase
    from reqdesk.services.errors import ReqdeskError

    try:
        return handler(args)
    except ReqdeskError as error:
        _fail(i18n.error_text(error))
        if isinstance(error, (DatabaseDamaged, NotAReqdeskDatabase)):
            _fail(translate("Cli", "To put the newest good backup back: reqdesk restore --latest"))
    except UsageError as error:
        _fail(str(error))
    except OSError as error:  # a file the user named cannot be read or written
        _fail(
            translate("Cli", "Cannot use {file}: {reason}").format(
                file=error.filename or "", reason=error.strerror or error
            )
        )
    except KeyboardInterrupt:
        _fail(translate("Cli", "Interrupted."))
    return 1


def _fail(message: str) -> None:
    print(f"reqdesk: {message}", file=sys.stderr)


def _configure_logging() -> None:
    from reqdesk.logsetup import configure_logging

    configure_logging()


def _open(args: argparse.Namespace, *, create: bool = True) -> Database:
    from reqdesk.db import open_database

    return open_database(args.db, create=create)


def _cmd_demo(args: argparse.Namespace) -> int:
    from reqdesk.services.demo import DEMO_PASSWORD, DEMO_USERS, generate_demo
    from reqdesk.services.setup import is_initialised

    db = _open(args)
    try:
        if is_initialised(db):
            if args.if_new:
                return 0
            raise UsageError(
                translate(
                    "Cli",
                    "{db} is already set up. Demo data go only into a new database: "
                    "choose another file with --db.",
                ).format(db=db.describe())
            )
        started = time.perf_counter()
        summary = generate_demo(
            db,
            customers=args.customers,
            requirements=args.requirements,
            seed=args.seed,
            as_of=args.as_of,
        )
        elapsed = time.perf_counter() - started
    finally:
        db.dispose()
    print(
        translate(
            "Cli",
            "Demo database {db}: {customers} customers, {requirements} requirements "
            "in {seconds:.1f} s.",
        ).format(
            db=db.describe(),
            customers=summary.rows.get("customer", 0),
            requirements=summary.rows.get("requirement", 0),
            seconds=elapsed,
        )
    )
    users = ", ".join(user.username for user in DEMO_USERS)
    print(
        translate("Cli", "Demo users: {users}; password: {password}").format(
            users=users, password=DEMO_PASSWORD
        )
    )
    return 0


def _cmd_init(args: argparse.Namespace) -> int:
    from reqdesk.services.setup import DepartmentSeed, initialise

    password = read_password(args.admin)

    def department_name(seed: DepartmentSeed) -> str:
        return translate("Department", seed.name)

    db = _open(args)
    try:
        initialise(
            db,
            company_name=args.company,
            site_code=args.site,
            admin_username=args.admin,
            admin_full_name=args.admin_name or args.admin,
            admin_password=password,
            department_name=department_name,
        )
    finally:
        db.dispose()
    print(
        translate("Cli", "{db} is set up. Sign in as {user}.").format(
            db=db.describe(), user=args.admin.strip().casefold()
        )
    )
    return 0


def _cmd_check(args: argparse.Namespace) -> int:
    from reqdesk.db import open_database
    from reqdesk.services.check import run_check

    db = open_database(args.db, create=False, verify=False)
    try:
        report = run_check(db)
    finally:
        db.dispose()
    for problem in report.problems:
        print(problem)
    if report.ok:
        print(translate("Cli", "{db}: no problems found.").format(db=db.describe()))
        return 0
    print(
        translate("Cli", "{db}: {n} problem(s) found.").format(
            db=db.describe(), n=len(report.problems)
        ),
        file=sys.stderr,
    )
    return 1


def _run_gui(args: argparse.Namespace) -> int:
    from reqdesk.ui.app import run

    if args.smoke and not args.user:
        raise UsageError(translate("Cli", "--smoke needs --user (password from REQDESK_PASSWORD)."))
    # The window's own sign-in dialog asks unless a smoke run or REQDESK_PASSWORD gives it.
    given = args.user and (args.smoke or PASSWORD_ENV in os.environ)
    password = read_password(args.user) if given else None
    return run(
        db_target=args.db,
        username=args.user,
        password=password,
        smoke=args.smoke,
        started=START,
    )


def _signed_in(args: argparse.Namespace, db: Database) -> Context:
    """The context of the user named by --user, after checking the password."""
    from reqdesk.services import auth
    from reqdesk.services.setup import open_context
    from reqdesk.services.users import must_change_password

    username = getattr(args, "user", None)
    if not username:
        raise UsageError(translate("Cli", "Name the user to act as with --user NAME."))
    ctx = open_context(db).as_actor(None)
    signed_in = ctx.as_actor(auth.login(ctx, username, read_password(username)))
    if must_change_password(signed_in):
        raise UsageError(
            translate(
                "Cli",
                "The password of {user} was reset: start reqdesk and choose a new password first.",
            ).format(user=username)
        )
    return signed_in


def _cmd_import(args: argparse.Namespace) -> int:
    return _import_calendar(args) if args.what == "calendar" else _import_customers(args)


def _import_calendar(args: argparse.Namespace) -> int:
    from reqdesk.services.calendar import import_calendar_file

    db = _open(args, create=False)
    try:
        versions = import_calendar_file(_signed_in(args, db), args.file, replace=args.replace)
    finally:
        db.dispose()
    for year, version in sorted(versions.items()):
        print(
            translate("Cli", "{year}: calendar version {version}.").format(
                year=year, version=version
            )
        )
    return 0


def _import_customers(args: argparse.Namespace) -> int:
    from reqdesk.services.customers.importing import import_customers

    db = _open(args, create=False)
    try:
        ctx = _signed_in(args, db)
        report = import_customers(
            ctx, args.file, translate, dry_run=args.dry_run, valid_only=args.valid_only
        )
    finally:
        db.dispose()
    for issue in report.issues:
        print(
            translate("Cli", "Row {row}, {column}: {message}").format(
                row=issue.row, column=issue.column or "-", message=i18n.error_text(issue.error)
            )
        )
    summary = translate(
        "Cli", "{file}: {rows} rows, {new} new, {updated} updated, {unchanged} unchanged."
    ).format(
        file=report.file,
        rows=report.rows_read,
        new=report.new,
        updated=report.updated,
        unchanged=report.unchanged,
    )
    print(summary)
    if report.dry_run:
        print(translate("Cli", "Dry run: nothing was written."))
    elif not report.written:
        print(
            translate(
                "Cli",
                "Nothing was written: correct the rows above, or use "
                "--valid-only to import only the valid rows.",
            ),
            file=sys.stderr,
        )
        return 1
    elif report.skipped_rows:
        print(
            translate("Cli", "Rows left out: {rows}").format(
                rows=", ".join(map(str, report.skipped_rows))
            )
        )
    return 1 if report.issues and report.dry_run else 0


def _cmd_export(args: argparse.Namespace) -> int:
    from reqdesk.services.customers.exporting import export_customers, write_template

    if args.what == "ledger":
        return _export_ledger(args)
    if args.template:
        write_template(args.file, translate)
        print(translate("Cli", "Template written to {file}.").format(file=args.file))
        return 0
    db = _open(args, create=False)
    try:
        counts = export_customers(_signed_in(args, db), args.file, translate)
    finally:
        db.dispose()
    print(
        translate("Cli", "{n} customers written to {file}.").format(
            n=counts["customers"], file=args.file
        )
    )
    return 0


def _export_ledger(args: argparse.Namespace) -> int:
    from reqdesk.reports.ledger_workbook import export_ledger
    from reqdesk.services.ledger_list import LedgerFilter

    if args.file.suffix.lower() != ".xlsx":
        args.file = args.file.with_name(args.file.name + ".xlsx")
    first, last = args.received_from, args.received_to
    if first is not None and last is not None and first > last:
        _fail(
            translate("Cli", "--from {first} lies after --to {last}.").format(
                first=first, last=last
            )
        )
        return 1
    db = _open(args, create=False)
    try:
        ctx = _signed_in(args, db)
        rows = export_ledger(ctx, LedgerFilter(received_from=first, received_to=last), args.file)
    finally:
        db.dispose()
    print(translate("Cli", "{n} requirements written to {file}.").format(n=rows, file=args.file))
    return 0


def _cmd_report(args: argparse.Namespace) -> int:
    from reqdesk.services.customers.card import print_customer_card
    from reqdesk.services.requirements.printing import (
        FORM_LIAISON,
        FORM_REGISTRATION,
        print_requirement_form,
    )
    from reqdesk.services.reviews.printing import print_review_record

    if args.what in ("weekly", "monthly"):
        return _ledger_report(args)
    db = _open(args, create=False)
    try:
        ctx = _signed_in(args, db)
        if args.what == "card":
            path = print_customer_card(ctx, args.output, translate, code=args.code)
        elif args.what == "review":
            path = print_review_record(ctx, args.output, translate, number=args.code)
        else:
            form = FORM_LIAISON if args.what == "liaison" else FORM_REGISTRATION
            path = print_requirement_form(ctx, args.output, translate, form=form, number=args.code)
    finally:
        db.dispose()
    print(translate("Cli", "Written to {file}.").format(file=path))
    return 0


def _report_target(path: Path) -> Path:
    """A PDF file that can be written: its folder exists, it is no folder, not read-only."""
    import stat

    if not path.parent.is_dir():
        raise UsageError(
            translate("Cli", "The folder {folder} does not exist.").format(folder=path.parent)
        )
    if path.is_dir():
        raise UsageError(translate("Cli", "{file} is a folder.").format(file=path))
    if path.exists() and not (os.access(path, os.W_OK) and path.stat().st_mode & stat.S_IWUSR):
        raise UsageError(translate("Cli", "{file} is read-only.").format(file=path))
    return path


def _ledger_period(args: argparse.Namespace) -> tuple[int, int]:
    """(year, week) or (year, month) from --week/--month, by default this week/last month."""
    from datetime import datetime

    from reqdesk.services.periods import parse_month, parse_week, previous_month
    from reqdesk.services.sla import BUSINESS_TZ

    today = datetime.now(BUSINESS_TZ).date()
    if args.what == "weekly":
        if args.week is None:
            year, week, _ = today.isocalendar()
            return year, week
        parsed = parse_week(args.week)
        if parsed is None:
            raise UsageError(
                translate("Cli", "{text} is not a week: write it as 2026-W47.").format(
                    text=args.week
                )
            )
        return parsed
    if args.month is None:
        first = previous_month(today)[0]
        return first.year, first.month
    parsed = parse_month(args.month)
    if parsed is None:
        raise UsageError(
            translate("Cli", "{text} is not a month: write it as 2026-10.").format(text=args.month)
        )
    return parsed


def _ledger_report(args: argparse.Namespace) -> int:
    """The weekly ledger or the monthly analysis: no window is opened (Task Scheduler)."""
    from reqdesk.reports.monthly_report import write_monthly_report
    from reqdesk.reports.weekly_ledger import write_weekly_ledger

    year, number = _ledger_period(args)
    target = _report_target(args.output)
    write = write_weekly_ledger if args.what == "weekly" else write_monthly_report
    db = _open(args, create=False)
    try:
        path = write(_signed_in(args, db), year, number, target)
    finally:
        db.dispose()
    print(translate("Cli", "Written to {file}.").format(file=path))
    return 0
