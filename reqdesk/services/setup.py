"""First start: company, site and the administrator; and opening a set-up database."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from reqdesk.db import Database
from reqdesk.models import Department
from reqdesk.models.base import utc_now
from reqdesk.models.enums import ReviewAspect, Role
from reqdesk.services import settings, sla
from reqdesk.services.audit import Action
from reqdesk.services.calendar import ensure_official_years
from reqdesk.services.context import Actor, Context
from reqdesk.services.errors import Conflict, ReqdeskError
from reqdesk.services.users import actor_of, add_user
from reqdesk.textmarks import QT_TRANSLATE_NOOP


class NotInitialised(ReqdeskError):
    pass


@dataclass(frozen=True)
class DepartmentSeed:
    code: str
    name: str
    review_aspect: ReviewAspect | None


# English source names; the caller passes them through its translator, so a Chinese
# installation starts with 销售部, 技术部 … Departments are data and can be renamed.
DEFAULT_DEPARTMENTS: tuple[DepartmentSeed, ...] = (
    DepartmentSeed("SALES", QT_TRANSLATE_NOOP("Department", "Sales"), ReviewAspect.SALES),
    DepartmentSeed("TECH", QT_TRANSLATE_NOOP("Department", "Technical"), ReviewAspect.TECHNICAL),
    DepartmentSeed("PURCH", QT_TRANSLATE_NOOP("Department", "Purchasing"), ReviewAspect.PURCHASING),
    DepartmentSeed("PROD", QT_TRANSLATE_NOOP("Department", "Production"), ReviewAspect.PRODUCTION),
    DepartmentSeed("QA", QT_TRANSLATE_NOOP("Department", "Quality"), ReviewAspect.QUALITY),
    DepartmentSeed("FIN", QT_TRANSLATE_NOOP("Department", "Finance"), ReviewAspect.FINANCE),
    DepartmentSeed("DESK", QT_TRANSLATE_NOOP("Department", "Customer service"), None),
)


def is_initialised(db: Database) -> bool:
    with db.read_sessions() as session:
        return settings.read_setting(session, settings.Key.SITE_CODE) is not None


def company_name(ctx: Context) -> str:
    with ctx.reading() as session:
        return settings.company_name(session)


def open_context(db: Database, *, clock: Callable[[], datetime] = utc_now) -> Context:
    """A context for a set-up database (no one signed in yet)."""
    with db.read_sessions() as session:
        site_code = settings.read_setting(session, settings.Key.SITE_CODE)
    if site_code is None:
        raise NotInitialised(
            QT_TRANSLATE_NOOP(
                "Errors", "This database is not set up yet. Run reqdesk init or start the program."
            )
        )
    ctx = Context(db=db, site_code=site_code, clock=clock)
    ensure_official_years(ctx)
    return ctx


def initialise(
    db: Database,
    *,
    company_name: str,
    site_code: str,
    admin_username: str,
    admin_full_name: str,
    admin_password: str,
    department_name: Callable[[DepartmentSeed], str] = lambda seed: seed.name,
    clock: Callable[[], datetime] = utc_now,
) -> tuple[Context, Actor]:
    """Set up an empty database; returns a context signed in as the new administrator."""
    company = settings.normalise_company_name(company_name)
    site = settings.normalise_site_code(site_code)
    if is_initialised(db):
        raise Conflict(QT_TRANSLATE_NOOP("Errors", "This database is already set up."))
    ctx = Context(db=db, site_code=site, clock=clock)
    with ctx.unit_of_work() as uow:
        settings.write_setting(uow.session, settings.Key.COMPANY_NAME, company)
        settings.write_setting(uow.session, settings.Key.SITE_CODE, site)
        settings.write_setting(
            uow.session, settings.Key.SLA_POLICY, sla.policy_to_json(sla.DEFAULT_POLICY)
        )
        for seed in DEFAULT_DEPARTMENTS:
            uow.add(
                Department(
                    code=seed.code,
                    name=department_name(seed),
                    review_aspect=seed.review_aspect,
                )
            )
        admin = add_user(
            uow,
            username=admin_username,
            full_name=admin_full_name,
            roles=[Role.ADMIN],
            password=admin_password,
        )
        actor = actor_of(admin)
        uow.audit(
            Action.SETUP,
            entity_type="setting",
            details={"company_name": company, "site_code": site},
            actor=actor,
        )
        uow.commit()
    ensure_official_years(ctx)
    return ctx.as_actor(actor), actor
