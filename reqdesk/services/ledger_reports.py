"""Printing the ledger's reports (the weekly ledger, the monthly analysis): who may, what
heads every page, and the audit entry without which no copy is left."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from reqdesk.services import settings
from reqdesk.services.audit import Action
from reqdesk.services.context import Context
from reqdesk.services.permissions import Permission, require
from reqdesk.services.sla import BUSINESS_TZ

FORM_WEEKLY_LEDGER = "weekly_ledger"
FORM_MONTHLY_REPORT = "monthly_report"


@dataclass(frozen=True)
class ReportHeader:
    company: str
    printed_by: str
    printed_at: datetime  # business time
    logo: bytes | None = None  # the company's, for the header


def start_report(ctx: Context) -> ReportHeader:
    """Who prints, for the header and footer; refused without the right to print reports."""
    require(ctx.actor, Permission.VIEW_LEDGER)
    actor = require(ctx.actor, Permission.PRINT_REPORTS)
    with ctx.reading() as session:
        company = settings.company_name(session)
        logo = settings.company_logo(session)
    return ReportHeader(company, actor.full_name, ctx.clock().astimezone(BUSINESS_TZ), logo)


def record_report(ctx: Context, path: Path, form: str, details: dict[str, Any]) -> Path:
    """Audit the printed report; when the audit cannot be written the file goes too."""
    try:
        require(ctx.actor, Permission.PRINT_REPORTS)
        with ctx.unit_of_work() as uow:
            uow.audit(
                Action.PRINT,
                entity_type="report",
                details={"form": form, "file": path.name, **details},
            )
            uow.commit()
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return path
