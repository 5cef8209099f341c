"""Registering, changing, dispatching, merging and assessing requirements."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from reqdesk.models import (
    Customer,
    Department,
    Requirement,
    RequirementAssessment,
    RequirementEvent,
    User,
)
from reqdesk.models.enums import OPEN_STAGES, EventKind, Stage
from reqdesk.services import settings, sla
from reqdesk.services.audit import Action
from reqdesk.services.calendar import work_calendar
from reqdesk.services.context import Context, UnitOfWork
from reqdesk.services.customers.files import apply_values
from reqdesk.services.customers.forms import Problems
from reqdesk.services.errors import Conflict, NotFound, ValidationError
from reqdesk.services.numbering import REQUIREMENT, next_number
from reqdesk.services.permissions import Permission, require
from reqdesk.services.requirements.forms import (
    AssessmentInput,
    RegistrationInput,
    clean_assessment,
    clean_registration,
)
from reqdesk.textmarks import QT_TRANSLATE_NOOP

PLAN_WORKING_DAYS = 2  # seed 002 §5.2.3: 俩个工作日内提出问题处理计划
EARLIEST_RECEIVED = date(2000, 1, 1)  # the calendar's first year; before it, a typing slip
LATEST_YEAR = 2100  # the calendar's last year (and far from datetime's end in 9999)
EXPECTED_YEARS_AHEAD = 10

# Once dispatched, the registration is a record of what came in: these stay as they were.
FIXED_AFTER_DISPATCH = (
    "customer_id",
    "walk_in_name",
    "contact_name",
    "contact_phone",
    "received_at",
    "channel",
    "kind",
    "category",
    "category_detail",
    "nature",
    "urgency",
    "title",
    "description",
    "department_id",
    "assignee_id",
)


@dataclass(frozen=True)
class Registered:
    id: int
    number: str
    due: sla.DueTimes


def load_requirement(session: Session, requirement_id: int) -> Requirement:
    requirement = session.get(Requirement, requirement_id)
    if requirement is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "That requirement does not exist."))
    return requirement


def find_by_number(session: Session, number: str) -> Requirement:
    requirement = session.scalar(
        select(Requirement).where(Requirement.number == number.strip().upper())
    )
    if requirement is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("Errors", "There is no requirement numbered {number}."),
            number=number.strip(),
        )
    return requirement


def event(
    uow: UnitOfWork,
    requirement: Requirement,
    kind: EventKind,
    *,
    from_stage: Stage | None = None,
    to_stage: Stage | None = None,
    note: str = "",
    at: datetime | None = None,
) -> RequirementEvent:
    """Record one step in the requirement's life (the ledger is built from these)."""
    actor = uow.ctx.actor
    record = RequirementEvent(
        at=at or uow.now,
        actor_id=actor.user_id if actor else None,
        kind=kind,
        from_stage=from_stage,
        to_stage=to_stage,
        note=note,
    )
    requirement.events.append(uow.add(record))
    return record


def policy(session: Session) -> sla.SlaPolicy:
    return sla.policy_from_json(settings.read_setting(session, settings.Key.SLA_POLICY))


def compute_due(session: Session, received_at: datetime, values: dict[str, Any]) -> sla.DueTimes:
    return sla.due_times(received_at, values["urgency"], policy(session), work_calendar(session))


def due_values(session: Session, values: dict[str, Any]) -> dict[str, Any]:
    due = compute_due(session, values["received_at"], values)
    resolution = due.plan_due
    if resolution is None and values.get("expected_date"):
        resolution = datetime.combine(
            values["expected_date"], policy(session).workday_end, sla.BUSINESS_TZ
        )
    return {
        "first_response_due": due.first_response_due,
        "plan_due": due.plan_due,
        "resolution_due": resolution,
        "due_provisional": due.provisional,
    }


def _check_references(
    session: Session,
    values: dict[str, Any],
    keep: tuple[int | None, int | None] = (None, None),
) -> None:
    checks = (
        (
            "customer_id",
            Customer,
            QT_TRANSLATE_NOOP("Errors", "That customer file does not exist."),
        ),
        (
            "department_id",
            Department,
            QT_TRANSLATE_NOOP("Errors", "That department does not exist."),
        ),
        ("assignee_id", User, QT_TRANSLATE_NOOP("Errors", "That user does not exist.")),
    )
    for key, model, message in checks:
        if values.get(key) is not None and session.get(model, values[key]) is None:
            raise ValidationError(message, field=key)
    _check_active(session, values.get("department_id"), values.get("assignee_id"), keep)


def _check_active(
    session: Session,
    department_id: int | None,
    assignee_id: int | None,
    keep: tuple[int | None, int | None] = (None, None),
) -> None:
    """Work goes to active departments and users only (an administrator may have disabled
    them since the lists on screen were filled); ``keep``: what the record has already."""
    inactive = (
        (
            "department_id",
            department_id,
            keep[0],
            lambda: session.get(Department, department_id),
            QT_TRANSLATE_NOOP(
                "Errors",
                "The department {name} is no longer active. Choose another one "
                "(restart reqdesk to refresh the lists).",
            ),
        ),
        (
            "assignee_id",
            assignee_id,
            keep[1],
            lambda: session.get(User, assignee_id),
            QT_TRANSLATE_NOOP(
                "Errors",
                "{name} is disabled and cannot be given work. Choose another person "
                "(restart reqdesk to refresh the lists).",
            ),
        ),
    )
    for field, chosen, kept, load, message in inactive:
        record = load() if chosen is not None and chosen != kept else None
        if record is not None and not record.active:
            name = record.name if isinstance(record, Department) else record.full_name
            raise ValidationError(message, field=field, name=name)


def preview_due(
    ctx: Context, received_at: datetime, urgency: Any, expected_date: Any = None
) -> sla.DueTimes:
    """The due times a registration would get (for the form, before saving).

    Dates the registration would refuse anyway (received before 2000 or after the
    calendar's last year 2100, an expected date decades away) raise ValidationError
    instead of due times: the form says so.
    """
    values = {"received_at": received_at, "urgency": urgency, "expected_date": expected_date}
    if received_at.year > LATEST_YEAR:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "The received time is in the future."),
            field="received_at",
        )
    check_dates(values)
    with ctx.reading() as session:
        due = due_values(session, values)
        return sla.DueTimes(
            due["first_response_due"], due["resolution_due"], due["due_provisional"]
        )


def add_requirement(uow: UnitOfWork, values: dict[str, Any]) -> Requirement:
    session = uow.session
    actor = uow.ctx.actor
    assert actor is not None
    _check_references(session, values)
    year = values["received_at"].astimezone(sla.BUSINESS_TZ).year
    requirement = uow.add(
        Requirement(
            number=next_number(session, uow.ctx.site_code, REQUIREMENT, year),
            received_by_id=actor.user_id,
            stage=Stage.REGISTERED,
            **values,
            **due_values(session, values),
        )
    )
    event(uow, requirement, EventKind.REGISTERED, to_stage=Stage.REGISTERED)
    uow.audit(Action.CREATE, requirement, {"number": requirement.number, **values})
    return requirement


def check_dates(values: dict[str, Any], stored: Requirement | None = None) -> None:
    """Refuse the dates a slip of the keyboard gives (1900-01-01, 9999-12-31); a stored
    requirement keeps the dates it already has."""
    p = Problems()
    received = values["received_at"]
    day = received.astimezone(sla.BUSINESS_TZ).date()
    if day < EARLIEST_RECEIVED and (stored is None or received != stored.received_at):
        p.add(
            "received_at",
            QT_TRANSLATE_NOOP(
                "Errors", "The received time {day} lies before the year 2000: check the year."
            ),
            day=day.isoformat(),
        )
    expected = values["expected_date"]
    if (
        expected is not None
        and expected.year > day.year + EXPECTED_YEARS_AHEAD
        and (stored is None or expected != stored.expected_date)
    ):
        p.add(
            "expected_date",
            QT_TRANSLATE_NOOP(
                "Errors", "The expected date {day} is more than {years} years away: check the year."
            ),
            day=expected.isoformat(),
            years=EXPECTED_YEARS_AHEAD,
        )
    p.raise_if_any()


def register_requirement(
    ctx: Context, form: RegistrationInput, *, merge_into: int | None = None
) -> Registered:
    """Register a requirement: number, SLA due times, "registered" event, audit.

    ``merge_into``: register it and merge it at once into that open requirement.
    """
    require(ctx.actor, Permission.REGISTER_REQUIREMENTS)
    values = clean_registration(form, ctx.clock())
    check_dates(values)
    with ctx.unit_of_work() as uow:
        requirement = add_requirement(uow, values)
        if merge_into is not None:
            uow.session.flush()
            merge(uow, requirement, load_requirement(uow.session, merge_into))
        uow.commit()
        due = sla.DueTimes(
            requirement.first_response_due,  # type: ignore[arg-type]
            requirement.plan_due,
            requirement.due_provisional,
        )
        return Registered(requirement.id, requirement.number, due)


def _same_minute(a: datetime, b: datetime) -> bool:
    return a.replace(second=0, microsecond=0) == b.replace(second=0, microsecond=0)


def update_registration(ctx: Context, requirement_id: int, form: RegistrationInput) -> bool:
    """Change a registration; after dispatch only the expected date, contract no. and
    special flag may change. Returns False when nothing changed."""
    require(ctx.actor, Permission.EDIT_REQUIREMENTS)
    with ctx.unit_of_work() as uow:
        requirement = load_requirement(uow.session, requirement_id)
        previous = RegistrationInput(
            description=requirement.description, expected_date=requirement.expected_date
        )
        values = clean_registration(form, max(ctx.clock(), requirement.received_at), previous)
        if _same_minute(values["received_at"], requirement.received_at):
            values["received_at"] = requirement.received_at  # the form shows minutes only
        check_dates(values, requirement)
        if requirement.stage != Stage.REGISTERED:
            blocked = [
                key for key in FIXED_AFTER_DISPATCH if values[key] != getattr(requirement, key)
            ]
            if blocked:
                raise ValidationError(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "Requirement {number} has been dispatched: its registration is fixed. "
                        "Only the expected date, contract no. and special flag can change.",
                    ),
                    field=blocked[0],
                    number=requirement.number,
                )
        _check_references(
            uow.session, values, keep=(requirement.department_id, requirement.assignee_id)
        )
        changes = apply_values(requirement, values)
        if {"received_at", "urgency", "expected_date"} & set(changes):
            changes.update(apply_values(requirement, due_values(uow.session, values)))
        if not changes:
            return False
        requirement.updated_at = uow.now
        uow.audit(Action.UPDATE, requirement, {"number": requirement.number, **changes})
        uow.commit()
        return True


def dispatch_requirement(
    ctx: Context, requirement_id: int, department_id: int, assignee_id: int | None, note: str = ""
) -> None:
    """Send the requirement to a department and person (内部联络单); a "dispatched" event."""
    require(ctx.actor, Permission.DISPATCH)
    with ctx.unit_of_work() as uow:
        session = uow.session
        requirement = load_requirement(session, requirement_id)
        if requirement.stage not in (Stage.REGISTERED, Stage.DISPATCHED):
            raise Conflict(
                QT_TRANSLATE_NOOP(
                    "Errors", "Requirement {number} is {stage} and cannot be dispatched again."
                ),
                number=requirement.number,
                stage=stage_text(requirement.stage),
            )
        department = session.get(Department, department_id)
        if department is None:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "That department does not exist."),
                field="department_id",
            )
        person = session.get(User, assignee_id) if assignee_id is not None else None
        if assignee_id is not None and person is None:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "That user does not exist."), field="assignee_id"
            )
        _check_active(session, department_id, assignee_id)
        previous = requirement.stage
        changes = apply_values(
            requirement, {"department_id": department_id, "assignee_id": assignee_id}
        )
        text = " / ".join(x for x in (department.name, person.full_name if person else "") if x)
        text = f"{text}: {note.strip()}" if note.strip() else text
        if previous == Stage.REGISTERED:
            requirement.stage = Stage.DISPATCHED
            # a long item's processing plan is due two working days after dispatch
            plan_due = work_calendar(session).add_working_days(
                uow.now, PLAN_WORKING_DAYS, policy(session).workday_end
            )
            if requirement.plan_due is None or requirement.plan_due > plan_due:
                requirement.plan_due = plan_due
            event(
                uow,
                requirement,
                EventKind.STAGE_CHANGED,
                from_stage=previous,
                to_stage=Stage.DISPATCHED,
                note=text,
            )
        else:
            event(uow, requirement, EventKind.ASSIGNED, note=text)
        requirement.updated_at = uow.now
        uow.audit(
            Action.STAGE if previous == Stage.REGISTERED else Action.UPDATE,
            requirement,
            {"number": requirement.number, "stage": [previous, requirement.stage], **changes},
        )
        uow.commit()


def stage_text(stage: Stage) -> Any:
    from reqdesk.models.enums import label_source
    from reqdesk.services.errors import Text

    return Text(*label_source(stage))


def merge(uow: UnitOfWork, source: Requirement, target: Requirement) -> None:
    """Append ``source``'s text to ``target``; ``source`` keeps a link and becomes "merged"."""
    if source.id == target.id:
        raise Conflict(QT_TRANSLATE_NOOP("Errors", "A requirement cannot be merged into itself."))
    if target.stage not in OPEN_STAGES:
        raise Conflict(
            QT_TRANSLATE_NOOP("Errors", "Requirement {number} is closed; merge into an open one."),
            number=target.number,
        )
    if source.stage not in (Stage.REGISTERED, Stage.DISPATCHED):
        raise Conflict(
            QT_TRANSLATE_NOOP(
                "Errors", "Requirement {number} is already being handled and cannot be merged."
            ),
            number=source.number,
        )
    if source.customer_id != target.customer_id:
        raise Conflict(
            QT_TRANSLATE_NOOP("Errors", "Only requirements of the same customer can be merged.")
        )
    if source.customer_id is None and source.contact_phone != target.contact_phone:
        raise Conflict(
            QT_TRANSLATE_NOOP(
                "Errors",
                "Walk-in requirements can be merged only when they come from the same phone "
                "number.",
            )
        )
    received = source.received_at.astimezone(sla.BUSINESS_TZ).strftime("%Y-%m-%d %H:%M")
    addition = f"[{source.number} {received}] {source.title}"
    if source.description:
        addition += f"\n{source.description}"
    target.description = f"{target.description}\n\n{addition}".strip()
    target.updated_at = uow.now
    previous = source.stage
    source.stage = Stage.MERGED
    source.merged_into_id = target.id
    source.updated_at = uow.now
    source.closed_at = uow.now  # it left the ledger
    event(
        uow,
        source,
        EventKind.MERGED,
        from_stage=previous,
        to_stage=Stage.MERGED,
        note=target.number,
    )
    event(uow, target, EventKind.MERGED, note=source.number)
    uow.audit(Action.STAGE, source, {"merged_into": target.number, "stage": [previous, "merged"]})
    uow.audit(Action.UPDATE, target, {"merged_from": source.number, "description": "appended"})


def merge_requirements(ctx: Context, source_id: int, target_id: int) -> None:
    """Merge one open registration into another of the same customer (需求整合)."""
    require(ctx.actor, Permission.EDIT_REQUIREMENTS)
    with ctx.unit_of_work() as uow:
        merge(
            uow, load_requirement(uow.session, source_id), load_requirement(uow.session, target_id)
        )
        uow.commit()


def save_assessment(ctx: Context, requirement_id: int, form: AssessmentInput) -> bool:
    """需求评估: feasibility (technical, economic, time) and value, editable any time."""
    actor = require(ctx.actor, Permission.ASSESS)
    values = clean_assessment(form)
    with ctx.unit_of_work() as uow:
        requirement = load_requirement(uow.session, requirement_id)
        assessment = requirement.assessment
        if assessment is None:
            assessment = uow.add(RequirementAssessment(requirement_id=requirement.id))
            requirement.assessment = assessment
            changes = dict(values)
            apply_values(assessment, values)
        else:
            changes = apply_values(assessment, values)
        if not changes:
            return False
        assessment.assessed_by_id = actor.user_id
        assessment.assessed_at = uow.now
        uow.audit(Action.UPDATE, requirement, {"number": requirement.number, "assessment": changes})
        uow.commit()
        return True
