"""Importing customer files from a spreadsheet: all or nothing, or only the valid rows.

Rows are grouped into customers (by code, credit code or name): extra rows of one
customer add contacts. A row for a customer already on file updates it, and blank
cells never erase what is stored, so importing the same file twice changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from reqdesk.models import Customer, User
from reqdesk.models.enums import CreditGrade, CustomerClass
from reqdesk.reports.customer_workbook import SheetRows, read_customer_sheet
from reqdesk.reports.pdf import Translate
from reqdesk.services.audit import Action
from reqdesk.services.context import Actor, Context, UnitOfWork
from reqdesk.services.customers import forms as shapes
from reqdesk.services.customers.access import may_open_confidential
from reqdesk.services.customers.files import add_customer, change_customer, file_view
from reqdesk.services.customers.forms import (
    MOBILE,
    CleanCustomer,
    ContactInput,
    CreditInput,
    CustomerInput,
    FormInvalid,
    ProductionInput,
    clean,
)
from reqdesk.services.errors import ReqdeskError, ValidationError
from reqdesk.services.normalise import clean_text, half_width, name_key
from reqdesk.services.numbering import CUSTOMER, next_numbers
from reqdesk.services.permissions import Permission, can, require
from reqdesk.textmarks import QT_TRANSLATE_NOOP

CLASS_WORDS = {  # what people write, reqdesk's own Chinese and English labels, the codes
    CustomerClass.KEY: ("重点", "重点客户", "关键客户", "key", "keycustomer", "a", "a类"),
    CustomerClass.GENERAL: (
        "一般",
        "一般客户",
        "普通",
        "普通客户",
        "general",
        "generalcustomer",
        "b",
        "b类",
    ),
    CustomerClass.POTENTIAL: (
        "潜在",
        "潜在客户",
        "意向客户",
        "potential",
        "potentialcustomer",
        "c",
        "c类",
    ),
}
IDENTITY_KEYS = (
    "short_name",
    "credit_code",
    "qualification_notes",
    "address",
    "website",
    "industry",
    "customer_class",
    "custodian",
)
FORM_TO_SHEET = {"custodian_id": "custodian", "production_raw_materials": "raw_materials"}
CONFIDENTIAL_KEYS = (
    "credit_grade",
    "credit_note",
    "production_process",
    "production_scale",
    "raw_materials",
    "production_investment",
)


@dataclass(frozen=True)
class RowIssue:
    row: int
    column: str
    error: ReqdeskError


@dataclass(frozen=True)
class RowOutcome:
    """What happens to one customer of the sheet (for the preview)."""

    row: int
    name: str
    outcome: str  # "new", "updated", "unchanged" or "invalid"


@dataclass
class ImportReport:
    file: str
    sheet: str = ""
    header_row: int = 0
    rows_read: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    issues: list[RowIssue] = field(default_factory=list)
    skipped_rows: list[int] = field(default_factory=list)
    written: bool = False
    dry_run: bool = False
    valid_only: bool = False
    ignored_headers: list[str] = field(default_factory=list)
    outcomes: list[RowOutcome] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.issues


@dataclass
class _Group:
    """The rows of one customer in the sheet."""

    first_row: int
    existing_id: int | None
    cells: dict[str, str]
    contacts: list[tuple[int, ContactInput]] = field(default_factory=list)
    rows: list[int] = field(default_factory=list)
    bad: bool = False
    stored_contacts: int = 0  # contacts already on file, before the sheet's new ones
    extra_rows: list[int] = field(default_factory=list)  # sheet row of each new contact


class _Lookup:
    """Existing customers and users, loaded once for the whole sheet."""

    def __init__(self, session: Session) -> None:
        self.by_code: dict[str, int] = {}
        self.by_credit: dict[str, int] = {}
        self.by_name: dict[str, int] = {}
        for cid, code, credit, key in session.execute(
            select(Customer.id, Customer.code, Customer.credit_code, Customer.name_key)
        ):
            self.by_code[code] = cid
            if credit:
                self.by_credit[credit] = cid
            self.by_name[key] = cid
        self.usernames: dict[str, int] = {}
        self.full_names: dict[str, list[int]] = {}
        for uid, username, full_name in session.execute(
            select(User.id, User.username, User.full_name).where(User.active.is_(True))
        ):
            self.usernames[username.casefold()] = uid
            self.full_names.setdefault(full_name.casefold(), []).append(uid)
        self.user_ids = set(self.usernames.values())

    def user(self, text: str) -> int | str | None:
        """The active user a Custodian cell names: by user name, or by a unique full name.

        Returns the id, None when unknown, or "ambiguous" for a shared full name.
        """
        key = text.strip().casefold()
        if key.endswith(")") and "(" in key:  # "张伟 (zhangwei)", as reqdesk exports it
            key = key[key.rindex("(") + 1 : -1].strip()
        if key in self.usernames:
            return self.usernames[key]
        matches = self.full_names.get(key, [])
        if len(matches) > 1:
            return "ambiguous"
        return matches[0] if matches else None


def _issue(report: ImportReport, row: int, column: str, message: str, **params: Any) -> None:
    report.issues.append(RowIssue(row, column, ValidationError(message, **params)))


def _match(cells: dict[str, str], lookup: _Lookup) -> tuple[int | None, ReqdeskError | None]:
    """The existing customer a row names, by code, credit code or name."""
    code = half_width(cells.get("code", "")).upper()
    credit, key = _keys(cells)
    found = {
        "code": lookup.by_code.get(code) if code else None,
        "credit_code": lookup.by_credit.get(credit) if credit else None,
        "name": lookup.by_name.get(key) if key else None,
    }
    ids = {v for v in found.values() if v is not None}
    if code and found["code"] is None:
        return None, ValidationError(
            QT_TRANSLATE_NOOP("Errors", "There is no customer file with the code {code}."),
            field="code",
            code=code,
        )
    if len(ids) > 1:
        return None, ValidationError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The code, credit code and name of this row point to different customer files.",
            ),
            field="credit_code",
        )
    return (ids.pop() if ids else None), None


def _keys(cells: dict[str, str]) -> tuple[str, str]:
    """A row's credit code and name key, as the grouping compares them."""
    credit = "".join(half_width(cells.get("credit_code", "")).split()).upper()
    return credit, name_key(cells.get("name", ""))


def _contact(cells: dict[str, str]) -> ContactInput:
    phone, mobile = cells.get("phone", ""), cells.get("mobile", "")
    digits = "".join(ch for ch in half_width(phone) if ch.isdigit())
    if not mobile and MOBILE.match(digits):  # a mobile number in the telephone column
        phone, mobile = "", phone
    return ContactInput(
        name=cells.get("contact_name", ""),
        title=cells.get("contact_title", ""),
        phone=phone,
        mobile=mobile,
        email=cells.get("email", ""),
    )


def _group_rows(sheet: SheetRows, lookup: _Lookup, report: ImportReport) -> list[_Group]:
    """Rows of one customer (same file, credit code or name) form one group."""
    groups: list[_Group] = []
    index: dict[str, _Group] = {}
    for number, cells in sheet.rows:
        if not cells.get("name") and not cells.get("code"):
            _issue(
                report,
                number,
                sheet.headers.get("name", ""),
                QT_TRANSLATE_NOOP("Errors", "The customer name is required."),
            )
            continue
        existing, problem = _match(cells, lookup)
        if problem is not None:
            report.issues.append(
                RowIssue(number, sheet.headers.get(problem.field or "", ""), problem)
            )
            continue
        credit, key = _keys(cells)
        keys = [f"id:{existing}"] if existing else []
        keys += [f"credit:{credit}"] if credit else []
        keys += [f"name:{key}"] if key else []
        matches = {id(index[k]): index[k] for k in keys if k in index}
        if len(matches) > 1:
            _issue(
                report,
                number,
                sheet.headers.get("credit_code", ""),
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "The code, credit code and name of this row point to different customer files.",
                ),
            )
            continue
        group = next(iter(matches.values()), None)
        if group is None:
            group = _Group(number, existing, dict(cells))
            groups.append(group)
        else:
            for column in ("name", *IDENTITY_KEYS, *CONFIDENTIAL_KEYS):
                value = cells.get(column, "")
                if value and group.cells.get(column) and value != group.cells[column]:
                    _issue(
                        report,
                        number,
                        sheet.headers.get(column, ""),
                        QT_TRANSLATE_NOOP(
                            "Errors",
                            "Row {first} gives this customer a different value here.",
                        ),
                        first=group.first_row,
                    )
                    group.bad = True
                elif value:
                    group.cells[column] = value
        for k in keys:
            index.setdefault(k, group)
        group.rows.append(number)
        contact = _contact(cells)
        if not contact.is_blank():
            group.contacts.append((number, contact))
    return groups


def _contact_key(contact: ContactInput) -> tuple[str, str, str]:
    """A contact as the form would store it, so a re-imported contact matches itself."""

    def cleaned(func: Any, text: str) -> str:
        try:
            return str(func(text))
        except ValidationError:
            return half_width(text)

    return (
        clean_text(contact.name),
        cleaned(shapes.mobile, contact.mobile),
        cleaned(shapes.phone, contact.phone),
    )


def _choice(text: str, words: dict[Any, tuple[str, ...]]) -> Any:
    key = half_width(text).lower().replace(" ", "")
    return next((value for value, names in words.items() if key in names), None)


def _form_for(
    group: _Group,
    session: Session,
    ctx: Context,
    lookup: _Lookup,
    report: ImportReport,
    headers: dict[str, str],
) -> CustomerInput | None:
    """The group's cells over what is stored (blank cells keep stored values)."""
    actor = ctx.actor
    assert actor is not None
    cells = group.cells
    base = CustomerInput(name=cells.get("name", ""))
    customer = session.get(Customer, group.existing_id) if group.existing_id else None
    if customer is not None:
        base = file_view(session, ctx, customer).as_input()
    values: dict[str, Any] = {
        key: cells[key]
        for key in (
            "name",
            "short_name",
            "credit_code",
            "qualification_notes",
            "address",
            "website",
            "industry",
        )
        if cells.get(key)
    }
    if cells.get("customer_class"):
        chosen = _choice(cells["customer_class"], CLASS_WORDS)
        if chosen is None:
            _issue(
                report,
                group.first_row,
                headers.get("customer_class", ""),
                QT_TRANSLATE_NOOP("Errors", "Use 重点, 一般 or 潜在 (key, general, potential)."),
            )
            return None
        values["customer_class"] = chosen
    if cells.get("custodian"):
        custodian = lookup.user(cells["custodian"])
        if custodian == "ambiguous":
            _issue(
                report,
                group.first_row,
                headers.get("custodian", ""),
                QT_TRANSLATE_NOOP(
                    "Errors", "Several users are called {name}: give the user name instead."
                ),
                name=cells["custodian"],
            )
            return None
        if custodian is None:
            _issue(
                report,
                group.first_row,
                headers.get("custodian", ""),
                QT_TRANSLATE_NOOP("Errors", "There is no user called {name}."),
                name=cells["custodian"],
            )
            return None
        values["custodian_id"] = custodian
    merged = replace(base, **values)
    known = {_contact_key(c) for c in merged.contacts}
    group.stored_contacts = len(merged.contacts)
    group.extra_rows = []
    extra = []
    for row, contact in group.contacts:
        key = _contact_key(contact)
        if key not in known:
            known.add(key)
            extra.append(contact)
            group.extra_rows.append(row)
    merged = replace(merged, contacts=(*merged.contacts, *extra))
    if any(cells.get(k) for k in CONFIDENTIAL_KEYS):
        return _confidential(group, merged, customer, session, actor, report, headers)
    return merged


def _confidential(
    group: _Group,
    merged: CustomerInput,
    customer: Customer | None,
    session: Session,
    actor: Actor,
    report: ImportReport,
    headers: dict[str, str],
) -> CustomerInput | None:
    cells = group.cells
    custodian = merged.custodian_id or actor.user_id
    allowed = (
        may_open_confidential(session, actor, customer)
        if customer is not None
        else can(actor, Permission.VIEW_ALL_CONFIDENTIAL) or custodian == actor.user_id
    )
    column = next(headers.get(k, "") for k in CONFIDENTIAL_KEYS if cells.get(k))
    if not allowed:
        _issue(
            report,
            group.first_row,
            column,
            QT_TRANSLATE_NOOP(
                "Errors", "You may not fill in the confidential columns of this customer's file."
            ),
        )
        return None
    grade_text = half_width(cells.get("credit_grade", "")).upper().rstrip("级")
    grade = customer.credit_grade if customer is not None else None
    if grade_text:
        if grade_text not in CreditGrade.__members__:
            _issue(
                report,
                group.first_row,
                headers.get("credit_grade", ""),
                QT_TRANSLATE_NOOP("Errors", "The credit grade is A, B, C or D."),
            )
            return None
        grade = CreditGrade(grade_text)

    def keep(key: str, stored: str) -> str:
        return cells.get(key) or stored

    stored = customer
    return replace(
        merged,
        credit=CreditInput(grade, keep("credit_note", stored.credit_note if stored else "")),
        production=ProductionInput(
            keep("production_process", stored.production_process if stored else ""),
            keep("production_scale", stored.production_scale if stored else ""),
            keep("raw_materials", stored.raw_materials if stored else ""),
            keep("production_investment", stored.production_investment if stored else ""),
        ),
    )


def _column_of(problem: ValidationError, group: _Group, headers: dict[str, str]) -> tuple[int, str]:
    """The sheet row and column a form problem belongs to."""
    name = problem.field or ""
    if name.startswith("contacts["):
        index = int(name[9 : name.index("]")]) - group.stored_contacts
        key = name.rsplit(".", 1)[1]
        column = {"name": "contact_name", "title": "contact_title"}.get(key, key)
        row = group.extra_rows[index] if 0 <= index < len(group.extra_rows) else group.first_row
        return row, headers.get(column, "")
    column = FORM_TO_SHEET.get(name, name)
    return group.first_row, headers.get(column, "")


def _check_new(data: CleanCustomer, lookup: _Lookup) -> None:
    """Custodian and uniqueness for a new customer, against the sheet-wide lookup."""
    custodian = data.values.get("custodian_id")
    if custodian is not None and custodian not in lookup.user_ids:
        raise FormInvalid(
            [
                ValidationError(
                    QT_TRANSLATE_NOOP("Errors", "Choose an existing user."), field="custodian_id"
                )
            ]
        )
    key = name_key(data.values["name"])
    credit = data.values.get("credit_code")
    if key in lookup.by_name or (credit and credit in lookup.by_credit):
        raise FormInvalid(
            [
                ValidationError(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "The code, credit code and name of this row point to different "
                        "customer files.",
                    ),
                    field="credit_code",
                )
            ]
        )
    lookup.by_name[key] = -1  # taken from now on
    if credit:
        lookup.by_credit[credit] = -1


def _apply(
    uow: UnitOfWork,
    groups: list[_Group],
    sheet: SheetRows,
    lookup: _Lookup,
    report: ImportReport,
) -> None:
    """Validate every customer of the sheet, then store the valid ones.

    New customers get their codes in one step once all of them are known to be valid,
    so a refused row never takes a number.
    """
    session = uow.session
    new: list[tuple[_Group, CleanCustomer]] = []
    for group in groups:
        if group.bad:
            continue
        form = _form_for(group, session, uow.ctx, lookup, report, sheet.headers)
        if form is None:
            group.bad = True
            continue
        try:
            data = clean(form)
            if group.existing_id is None:
                _check_new(data, lookup)
                new.append((group, data))
                continue
            customer = session.get(Customer, group.existing_id)
            assert customer is not None
            if change_customer(uow, customer, data):
                report.updated += 1
                outcome = "updated"
            else:
                report.unchanged += 1
                outcome = "unchanged"
            report.outcomes.append(RowOutcome(group.first_row, data.values["name"], outcome))
        except FormInvalid as invalid:
            group.bad = True
            for problem in invalid.problems:
                row, column = _column_of(problem, group, sheet.headers)
                report.issues.append(RowIssue(row, column, problem))
    codes = next_numbers(session, uow.ctx.site_code, CUSTOMER, 0, len(new))
    for (group, data), code in zip(new, codes, strict=True):
        add_customer(uow, data, verified=True, code=code)
        report.new += 1
        report.outcomes.append(RowOutcome(group.first_row, data.values["name"], "new"))
    bad_rows = {issue.row for issue in report.issues}
    for group in groups:
        if group.bad:
            bad_rows.update(group.rows)
            report.outcomes.append(
                RowOutcome(group.first_row, group.cells.get("name", ""), "invalid")
            )
    report.outcomes.sort(key=lambda o: o.row)
    report.skipped_rows = sorted(bad_rows)


def import_customers(
    ctx: Context,
    path: Path,
    translate: Translate,
    *,
    dry_run: bool = False,
    valid_only: bool = False,
) -> ImportReport:
    """Read, check and (unless ``dry_run``) store a customer sheet in one transaction.

    With problems, nothing is written unless ``valid_only``: then the valid customers
    are stored and the report lists the rows left out.
    """
    require(ctx.actor, Permission.EDIT_CUSTOMERS)
    sheet = read_customer_sheet(path, translate)
    report = ImportReport(
        file=path.name,
        sheet=sheet.sheet,
        header_row=sheet.header_row,
        rows_read=len(sheet.rows),
        dry_run=dry_run,
        valid_only=valid_only,
        ignored_headers=sheet.ignored_headers,
    )
    with ctx.unit_of_work() as uow:
        lookup = _Lookup(uow.session)
        groups = _group_rows(sheet, lookup, report)
        _apply(uow, groups, sheet, lookup, report)
        if dry_run or (report.issues and not valid_only):
            return report  # leaving the block rolls everything back
        uow.audit(
            Action.IMPORT,
            entity_type="customer",
            details={
                "file": path.name,
                "new": report.new,
                "updated": report.updated,
                "unchanged": report.unchanged,
                "skipped_rows": report.skipped_rows,
            },
        )
        uow.commit()
        report.written = True
    return report
