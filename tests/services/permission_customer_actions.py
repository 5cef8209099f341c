"""The catalogue of actions on customer files: create, edit, approve, the confidential
sections, access grants, import, export and the printed card."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

from openpyxl import load_workbook

from reqdesk.models.enums import ContactChannel, CreditGrade, Role
from reqdesk.reports.customer_workbook import COLUMNS
from reqdesk.services.audit import Action as Audit
from reqdesk.services.context import Context
from reqdesk.services.customers.card import print_customer_card
from reqdesk.services.customers.exporting import export_customers, write_template
from reqdesk.services.customers.files import (
    approve_customer,
    count_pending,
    create_customer,
    get_customer,
    reject_customer,
    update_customer,
)
from reqdesk.services.customers.forms import CreditInput, CustomerInput
from reqdesk.services.customers.importing import import_customers
from reqdesk.services.customers.listing import (
    CustomerFilter,
    count_customers,
    customer_rows,
    search_customers,
)
from reqdesk.services.customers.sections import (
    LogInput,
    TransactionInput,
    customer_requirements,
    delete_log_entry,
    delete_transaction,
    grant_access,
    granted_users,
    open_credit,
    open_production,
    open_transactions,
    relationship_log,
    revoke_access,
    save_log_entry,
    save_transaction,
    set_access,
)
from reqdesk.services.listing import Window
from reqdesk.services.permissions import Permission as P
from tests.services.permission_world import (
    HELPER,
    ROLE_USERS,
    Action,
    World,
    customer,
    holders,
    registered,
    translate,
)

CONFIDENTIAL = "confidential sections: also the custodian and users the GM granted access"
HANDOVER = "handing a file on: also its custodian (a grant is not enough)"
EDIT_CONFIDENTIAL = holders(P.EDIT_CUSTOMERS) & holders(P.VIEW_ALL_CONFIDENTIAL)


def identity(w: World, customer_id: int, **changes: object) -> CustomerInput:
    """The file's identity as stored, with ``changes`` (confidential sections untouched)."""
    stored = get_customer(w.as_(HELPER), customer_id)
    return replace(CustomerInput(name=stored.name), **changes)  # type: ignore[arg-type]


def with_log_entry(w: World) -> tuple[int, int]:
    customer_id = customer(w)
    entry = LogInput(date(2026, 11, 18), "周工", ContactChannel.CALL, "询问交期")
    return customer_id, save_log_entry(w.as_(w.custodian), customer_id, entry)


def with_transaction(w: World) -> tuple[int, int]:
    customer_id = customer(w)
    deal = TransactionInput("HT-2026-0001", date(2026, 3, 1), "轴承", "100", "件", "12000")
    return customer_id, save_transaction(w.as_(w.custodian), customer_id, deal)


def with_grant(w: World) -> int:
    customer_id = customer(w)
    grant_access(w.as_role(Role.GENERAL_MANAGER), customer_id, w.user(ROLE_USERS[Role.OPERATOR]))
    return customer_id


def customer_sheet(w: World) -> Path:
    """The program's import template with one new customer filled in."""
    path = write_template(w.file("import.xlsx"), translate)
    workbook = load_workbook(path)
    workbook.worksheets[0].append(
        ["无锡盛丰新材料有限公司" if c.key == "name" else None for c in COLUMNS]
    )
    workbook.save(path)
    return path


def opening(section: Callable[[Context, int], object]) -> Action:
    """Opening a confidential section, which is audited each time."""
    return Action(
        section.__name__,
        section,
        P.VIEW_ALL_CONFIDENTIAL,
        lambda ctx, w, s: section(ctx, s),
        customer,
        audit=Audit.VIEW_CONFIDENTIAL,
        rule=CONFIDENTIAL,
        owner="custodian_or_grant",
    )


CUSTOMERS = [
    Action(
        "create_customer",
        create_customer,
        P.EDIT_CUSTOMERS,
        lambda ctx, w, s: create_customer(ctx, CustomerInput(name="新建权限客户有限公司")),
        audit=Audit.CREATE,
    ),
    Action(
        "update_customer",
        update_customer,
        P.EDIT_CUSTOMERS,
        lambda ctx, w, s: update_customer(ctx, s, identity(w, s, address="苏州工业园区")),
        customer,
        audit=Audit.UPDATE,
    ),
    Action(
        "hand_over_customer",
        update_customer,
        P.EDIT_CUSTOMERS,
        lambda ctx, w, s: update_customer(
            ctx, s, identity(w, s, custodian_id=w.user(ROLE_USERS[Role.SUPERVISOR]))
        ),
        customer,
        audit=Audit.UPDATE,
        allowed=EDIT_CONFIDENTIAL,
        rule=HANDOVER,
        owner="custodian",
    ),
    Action(
        "edit_customer_credit",
        update_customer,
        P.EDIT_CUSTOMERS,
        lambda ctx, w, s: update_customer(
            ctx, s, identity(w, s, credit=CreditInput(CreditGrade.A, "回款及时"))
        ),
        customer,
        audit=Audit.UPDATE,
        allowed=EDIT_CONFIDENTIAL,
        rule=CONFIDENTIAL,
        owner="custodian_or_grant",
    ),
    Action(
        "approve_customer",
        approve_customer,
        P.APPROVE_CUSTOMERS,
        lambda ctx, w, s: approve_customer(ctx, s),
        customer,
        audit=Audit.APPROVE,
    ),
    Action(
        "reject_customer",
        reject_customer,
        P.APPROVE_CUSTOMERS,
        lambda ctx, w, s: reject_customer(ctx, s, "资料不全"),
        customer,
        audit=Audit.REJECT,
    ),
    Action(
        "get_customer",
        get_customer,
        P.VIEW_CUSTOMERS,
        lambda ctx, w, s: get_customer(ctx, s),
        customer,
        expect=lambda w, s, r: r.id == s,
    ),
    Action(
        "count_pending",
        count_pending,
        P.VIEW_CUSTOMERS,
        lambda ctx, w, s: count_pending(ctx),
        customer,
        expect=lambda w, s, r: r >= 1,
    ),
    Action(
        "count_customers",
        count_customers,
        P.VIEW_CUSTOMERS,
        lambda ctx, w, s: count_customers(ctx, CustomerFilter(text="权限测试")),
        customer,
        expect=lambda w, s, r: r == 1,
    ),
    Action(
        "customer_rows",
        customer_rows,
        P.VIEW_CUSTOMERS,
        lambda ctx, w, s: customer_rows(ctx, CustomerFilter(text="权限测试"), Window()),
        customer,
        expect=lambda w, s, r: [row.id for row in r] == [s],
    ),
    Action(
        "search_customers",
        search_customers,
        P.VIEW_CUSTOMERS,
        lambda ctx, w, s: search_customers(ctx, "权限测试"),
        customer,
        expect=lambda w, s, r: [c.id for c in r] == [s],
    ),
    Action(
        "customer_requirements",
        customer_requirements,
        P.VIEW_LEDGER,
        lambda ctx, w, s: customer_requirements(ctx, 1),
        registered,
        expect=lambda w, s, r: [x.id for x in r] == [s],
    ),
    opening(open_credit),
    opening(open_production),
    opening(open_transactions),
    Action(
        "relationship_log",
        relationship_log,
        P.VIEW_ALL_CONFIDENTIAL,
        lambda ctx, w, s: relationship_log(ctx, s[0]),
        with_log_entry,
        expect=lambda w, s, r: [e.id for e in r] == [s[1]],
        rule=CONFIDENTIAL,
        owner="custodian_or_grant",
    ),
    Action(
        "save_log_entry",
        save_log_entry,
        P.EDIT_CUSTOMERS,
        lambda ctx, w, s: save_log_entry(
            ctx, s, LogInput(date(2026, 11, 19), "周工", ContactChannel.VISIT, "上门拜访")
        ),
        customer,
        audit=Audit.CREATE,
        allowed=EDIT_CONFIDENTIAL,
        rule=CONFIDENTIAL,
        owner="custodian_or_grant",
    ),
    Action(
        "delete_log_entry",
        delete_log_entry,
        P.EDIT_CUSTOMERS,
        lambda ctx, w, s: delete_log_entry(ctx, *s),
        with_log_entry,
        audit=Audit.DELETE,
        allowed=EDIT_CONFIDENTIAL,
        rule=CONFIDENTIAL,
        owner="custodian_or_grant",
    ),
    Action(
        "save_transaction",
        save_transaction,
        P.EDIT_CUSTOMERS,
        lambda ctx, w, s: save_transaction(
            ctx, s, TransactionInput("HT-2026-0002", date(2026, 5, 8), "轴承", "50", "件", "6000")
        ),
        customer,
        audit=Audit.CREATE,
        allowed=EDIT_CONFIDENTIAL,
        rule=CONFIDENTIAL,
        owner="custodian_or_grant",
    ),
    Action(
        "delete_transaction",
        delete_transaction,
        P.EDIT_CUSTOMERS,
        lambda ctx, w, s: delete_transaction(ctx, *s),
        with_transaction,
        audit=Audit.DELETE,
        allowed=EDIT_CONFIDENTIAL,
        rule=CONFIDENTIAL,
        owner="custodian_or_grant",
    ),
    Action(
        "grant_access",
        grant_access,
        P.GRANT_CUSTOMER_ACCESS,
        lambda ctx, w, s: grant_access(ctx, s, w.user(ROLE_USERS[Role.OPERATOR])),
        customer,
        audit=Audit.CREATE,
    ),
    Action(
        "set_access",
        set_access,
        P.GRANT_CUSTOMER_ACCESS,
        lambda ctx, w, s: set_access(ctx, s, {w.user(ROLE_USERS[Role.OPERATOR])}),
        customer,
        audit=Audit.CREATE,
    ),
    Action(
        "revoke_access",
        revoke_access,
        P.GRANT_CUSTOMER_ACCESS,
        lambda ctx, w, s: revoke_access(ctx, s, w.user(ROLE_USERS[Role.OPERATOR])),
        with_grant,
        audit=Audit.DELETE,
    ),
    Action(
        "granted_users",
        granted_users,
        P.GRANT_CUSTOMER_ACCESS,
        lambda ctx, w, s: granted_users(ctx, s),
        with_grant,
        expect=lambda w, s, r: r == {w.user(ROLE_USERS[Role.OPERATOR])},
    ),
    Action(
        "import_customers",
        import_customers,
        P.EDIT_CUSTOMERS,
        lambda ctx, w, s: import_customers(ctx, s, translate),
        customer_sheet,
        audit=Audit.IMPORT,
        expect=lambda w, s, r: r.written and r.new == 1,
    ),
    Action(
        "export_customers",
        export_customers,
        P.PRINT_REPORTS,
        lambda ctx, w, s: export_customers(ctx, w.file("customers.xlsx"), translate),
        audit=Audit.EXPORT,
        expect=lambda w, s, r: w.file("customers.xlsx").exists(),
    ),
    Action(
        "print_customer_card",
        print_customer_card,
        P.PRINT_REPORTS,
        lambda ctx, w, s: print_customer_card(ctx, w.file("card.pdf"), translate, customer_id=s),
        customer,
        audit=Audit.PRINT,
    ),
]
