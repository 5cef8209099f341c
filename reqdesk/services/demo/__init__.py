"""``reqdesk demo``: a new database filled with realistic, invented Simplified Chinese data.

The same seed and reference day always give the same data. Demo data go only
into a database that is not set up yet, so a real database is never touched.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time

from sqlalchemy import select

from reqdesk.db import Database
from reqdesk.models import Department, NumberSequence
from reqdesk.models.enums import Role
from reqdesk.services import sla
from reqdesk.services.audit import Action
from reqdesk.services.calendar import work_calendar
from reqdesk.services.context import Context
from reqdesk.services.demo.builder import RowBuilder
from reqdesk.services.demo.customers import generate_customers
from reqdesk.services.demo.requirements import Counters, DemoStaff, generate_requirements
from reqdesk.services.numbering import CUSTOMER, REQUIREMENT, REVIEW
from reqdesk.services.seal_check import demo_coverage
from reqdesk.services.settings import Key, read_setting
from reqdesk.services.setup import DepartmentSeed, initialise
from reqdesk.services.users import add_user

DEMO_PASSWORD = "demo1234"
DEMO_COMPANY = "华东精工示范有限公司"
DEMO_SITE = "HQ"


@dataclass(frozen=True)
class DemoUser:
    username: str
    full_name: str
    role: Role
    department: str | None


DEMO_USERS: tuple[DemoUser, ...] = (
    DemoUser("admin", "系统管理员", Role.ADMIN, None),
    DemoUser("kefu", "李静", Role.OPERATOR, "DESK"),
    DemoUser("kefu2", "王芳", Role.OPERATOR, "DESK"),
    DemoUser("zhuguan", "陈明", Role.SUPERVISOR, "DESK"),
    DemoUser("zongjingli", "赵建国", Role.GENERAL_MANAGER, None),
    DemoUser("xiaoshou", "刘洋", Role.REVIEWER, "SALES"),
    DemoUser("jishu", "周伟", Role.REVIEWER, "TECH"),
    DemoUser("caigou", "吴磊", Role.REVIEWER, "PURCH"),
    DemoUser("shengchan", "孙强", Role.REVIEWER, "PROD"),
    DemoUser("zhiliang", "黄丽", Role.REVIEWER, "QA"),
    DemoUser("caiwu", "徐敏", Role.REVIEWER, "FIN"),
)
DEMO_DEPARTMENT_NAMES = {
    "SALES": "销售部",
    "TECH": "技术部",
    "PURCH": "采购部",
    "PROD": "生产部",
    "QA": "质量部",
    "FIN": "财务部",
    "DESK": "客服中心",
}


@dataclass
class DemoSummary:
    company: str
    site_code: str
    rows: dict[str, int] = field(default_factory=dict)


def generate_demo(
    db: Database,
    *,
    customers: int,
    requirements: int,
    seed: int = 1,
    as_of: date | None = None,
) -> DemoSummary:
    """Set up ``db`` as the demo company and fill it; refuses a database already set up."""
    day = as_of or datetime.now(sla.BUSINESS_TZ).date()
    now = datetime.combine(day, time(18), sla.BUSINESS_TZ)

    def department_name(seed_row: DepartmentSeed) -> str:
        return DEMO_DEPARTMENT_NAMES[seed_row.code]

    ctx, _admin = initialise(
        db,
        company_name=DEMO_COMPANY,
        site_code=DEMO_SITE,
        admin_username="admin",
        admin_full_name="系统管理员",
        admin_password=DEMO_PASSWORD,
        department_name=department_name,
        clock=lambda: now,
    )
    staff = _create_users(ctx)
    summary = DemoSummary(company=DEMO_COMPANY, site_code=DEMO_SITE)
    with ctx.unit_of_work() as uow:
        b = RowBuilder(uow.session, seed, DEMO_SITE)
        made = generate_customers(
            b,
            customers,
            now=now,
            custodian_ids=[*staff.operator_ids, staff.supervisor_id],
            gm_id=staff.gm_id,
        )
        counters = Counters()
        generate_requirements(
            b,
            requirements,
            now=now,
            customers=made,
            staff=staff,
            policy=sla.policy_from_json(read_setting(uow.session, Key.SLA_POLICY)),
            calendar=work_calendar(uow.session),
            counters=counters,
        )
        summary.rows = b.flush()
        _store_sequences(uow.session, counters, customers)
        uow.audit(
            Action.DEMO,
            entity_type="database",
            details={
                "seed": seed,
                "as_of": day,
                **summary.rows,
                "sign_offs": demo_coverage(uow.session),
            },
        )
        uow.commit()
    return summary


def _create_users(ctx: Context) -> DemoStaff:
    with ctx.unit_of_work() as uow:
        departments = {d.code: d for d in uow.session.scalars(select(Department))}
        ids: dict[str, int] = {}
        for user in DEMO_USERS:
            if user.username == "admin":
                continue
            created = add_user(
                uow,
                username=user.username,
                full_name=user.full_name,
                roles=[user.role],
                password=DEMO_PASSWORD,
                department_id=departments[user.department].id if user.department else None,
            )
            ids[user.username] = created.id
        uow.commit()
    return DemoStaff(
        operator_ids=[ids["kefu"], ids["kefu2"]],
        supervisor_id=ids["zhuguan"],
        gm_id=ids["zongjingli"],
        reviewer_by_department={
            u.department: ids[u.username]
            for u in DEMO_USERS
            if u.role == Role.REVIEWER and u.department
        },
        department_ids={code: d.id for code, d in departments.items()},
        department_names={code: d.name for code, d in departments.items()},
    )


def _store_sequences(session: object, counters: Counters, customers: int) -> None:
    rows = [
        NumberSequence(site_code=DEMO_SITE, kind=REQUIREMENT, year=year, last_value=value)
        for year, value in counters.requirement_numbers.items()
    ]
    rows += [
        NumberSequence(site_code=DEMO_SITE, kind=REVIEW, year=year, last_value=value)
        for year, value in counters.review_numbers.items()
    ]
    if customers:
        rows.append(
            NumberSequence(site_code=DEMO_SITE, kind=CUSTOMER, year=0, last_value=customers)
        )
    session.add_all(rows)  # type: ignore[attr-defined]
