"""Printing the contract review record (合同评审表), audited."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from reqdesk.models import Review
from reqdesk.reports.pdf import Translate
from reqdesk.reports.review_record import ReviewSheet, write_review_record
from reqdesk.services import settings
from reqdesk.services.context import Context
from reqdesk.services.permissions import Permission, can, require
from reqdesk.services.printed import commit_print
from reqdesk.services.reviews.common import find_review, load_review
from reqdesk.services.reviews.views import view_review
from reqdesk.services.sla import BUSINESS_TZ

FORM_REVIEW_RECORD = "review_record"


def _require_printing(ctx: Context) -> None:
    """Whoever prints reports, and the reviewers and the GM who sign reviews."""
    if not can(ctx.actor, Permission.SIGN_OFF):
        require(ctx.actor, Permission.PRINT_REPORTS)


def _sheet(session: Session, ctx: Context, review: Review) -> ReviewSheet:
    actor = ctx.actor
    assert actor is not None
    return ReviewSheet(
        company=settings.company_name(session),
        logo=settings.company_logo(session),
        printed_by=actor.full_name,
        printed_at=ctx.clock().astimezone(BUSINESS_TZ),
        review=view_review(session, ctx, review),
    )


def print_review_record(
    ctx: Context,
    path: Path,
    translate: Translate,
    *,
    review_id: int | None = None,
    number: str | None = None,
) -> Path:
    """Write the contract review record of one review (by id, else by number) to ``path``."""
    _require_printing(ctx)
    with ctx.unit_of_work() as uow:
        session = uow.session
        review = (
            load_review(session, review_id)
            if review_id is not None
            else find_review(session, number or "")
        )
        write_review_record(path, _sheet(session, ctx, review), translate)
        return commit_print(
            uow, path, review, {"form": FORM_REVIEW_RECORD, "number": review.number}
        )
