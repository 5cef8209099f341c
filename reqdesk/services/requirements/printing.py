"""Printing the registration form and the internal liaison form (audited)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from reqdesk.formatting import english, labelled
from reqdesk.models import Department, Requirement, RequirementEvent, User
from reqdesk.models.enums import EventKind, Stage, label_source
from reqdesk.reports.pdf import Translate
from reqdesk.reports.requirement_forms import (
    RequirementSheet,
    write_liaison_form,
    write_registration_form,
)
from reqdesk.services import settings
from reqdesk.services.context import Context
from reqdesk.services.errors import Conflict
from reqdesk.services.permissions import Permission, require
from reqdesk.services.printed import commit_print
from reqdesk.services.requirements.registration import find_by_number, load_requirement
from reqdesk.services.requirements.views import RequirementView, view_of
from reqdesk.services.sla import BUSINESS_TZ
from reqdesk.textmarks import QT_TRANSLATE_NOOP

FORM_REGISTRATION = "registration_form"
FORM_LIAISON = "liaison_form"


def _assessment_text(view: RequirementView, translate: Translate) -> str:
    a = view.assessment
    if a is None:
        return ""

    def label(member: object) -> str:
        return translate(*label_source(member)) if member is not None else "—"  # type: ignore[arg-type]

    technical = translate("RegistrationForm", "Technical")
    economic = translate("RegistrationForm", "Economic")
    timing = translate("RegistrationForm", "Time")
    value = translate("RegistrationForm", "Value")
    parts = [
        labelled(technical, label(a.technical)),
        labelled(economic, label(a.economic)),
        labelled(timing, label(a.timing)),
        labelled(value, f"{a.value_score or '—'}/5"),
    ]
    text = ("; " if english() else "；").join(parts)
    return f"{text}\n{a.note}" if a.note else text


def _dispatch_event(requirement: Requirement) -> RequirementEvent | None:
    """The latest sending to a department (dispatch or re-assignment)."""
    return next(
        (
            e
            for e in reversed(requirement.events)
            if e.kind == EventKind.ASSIGNED or e.to_stage == Stage.DISPATCHED
        ),
        None,
    )


def _sheet(
    session: Session, ctx: Context, requirement: Requirement, translate: Translate
) -> RequirementSheet:
    view = view_of(session, requirement)
    actor = ctx.actor
    assert actor is not None
    dispatch = _dispatch_event(requirement)
    sender = session.get(User, dispatch.actor_id) if dispatch and dispatch.actor_id else None
    sender_department = (
        session.get(Department, sender.department_id) if sender and sender.department_id else None
    )
    return RequirementSheet(
        company=settings.company_name(session),
        logo=settings.company_logo(session),
        printed_by=actor.full_name,
        printed_at=ctx.clock().astimezone(BUSINESS_TZ),
        number=view.number,
        customer=view.customer_name,
        contact_name=view.contact_name,
        contact_phone=view.contact_phone,
        received_at=view.received_at,
        received_by=view.received_by,
        channel=view.channel,
        kind=view.kind,
        category=view.category,
        category_detail=view.category_detail,
        nature=view.nature,
        urgency=view.urgency,
        title=view.title,
        description=view.description,
        expected_date=view.expected_date,
        is_special=view.is_special,
        contract_no=view.contract_no,
        department=view.department,
        assignee=view.assignee,
        first_response_due=view.first_response_due,
        plan_due=view.plan_due,
        due_provisional=view.due_provisional,
        assessment=_assessment_text(view, translate),
        dispatched_at=dispatch.at if dispatch else None,
        dispatched_by=sender.full_name if sender else "",
        dispatch_note=dispatch.note if dispatch else "",
        sender_department=sender_department.name if sender_department else "",
    )


def print_requirement_form(
    ctx: Context,
    path: Path,
    translate: Translate,
    *,
    form: str = FORM_REGISTRATION,
    requirement_id: int | None = None,
    number: str | None = None,
) -> Path:
    """Write the registration form or the liaison form for one requirement."""
    require(ctx.actor, Permission.PRINT_REPORTS)
    with ctx.unit_of_work() as uow:
        session = uow.session
        requirement = (
            load_requirement(session, requirement_id)
            if requirement_id is not None
            else find_by_number(session, number or "")
        )
        if form == FORM_LIAISON and _dispatch_event(requirement) is None:
            raise Conflict(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "Requirement {number} has not been dispatched yet: there is no liaison form.",
                ),
                number=requirement.number,
            )
        sheet = _sheet(session, ctx, requirement, translate)
        writer = write_liaison_form if form == FORM_LIAISON else write_registration_form
        writer(path, sheet, translate)
        return commit_print(uow, path, requirement, {"form": form, "number": requirement.number})
