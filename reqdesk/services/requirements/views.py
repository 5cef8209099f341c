"""Reading one requirement for its form, its detail and its printed forms."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy.orm import Session

from reqdesk.models import Customer, Department, Requirement, User
from reqdesk.models.enums import (
    Category,
    CategoryDetail,
    Channel,
    EventKind,
    Kind,
    Nature,
    Stage,
    Urgency,
)
from reqdesk.services.context import Context
from reqdesk.services.permissions import Permission, require
from reqdesk.services.requirements.forms import AssessmentInput, RegistrationInput
from reqdesk.services.requirements.registration import find_by_number, load_requirement


@dataclass(frozen=True)
class EventView:
    at: datetime
    kind: EventKind
    from_stage: Stage | None
    to_stage: Stage | None
    actor: str
    note: str


@dataclass(frozen=True)
class RequirementView:
    id: int
    number: str
    stage: Stage
    customer_id: int | None
    customer_name: str
    customer_code: str
    walk_in_name: str
    contact_name: str
    contact_phone: str
    received_at: datetime
    received_by: str
    channel: Channel
    kind: Kind
    category: Category
    category_detail: CategoryDetail | None
    nature: Nature
    urgency: Urgency
    title: str
    description: str
    expected_date: date | None
    is_special: bool
    contract_no: str
    department_id: int | None
    department: str
    assignee_id: int | None
    assignee: str
    first_response_due: datetime | None
    plan_due: datetime | None
    resolution_due: datetime | None
    due_provisional: bool
    merged_into: str
    assessment: AssessmentInput | None
    assessed_by: str
    events: list[EventView] = field(default_factory=list)

    @property
    def dispatched(self) -> bool:
        return self.stage != Stage.REGISTERED

    def as_input(self) -> RegistrationInput:
        return RegistrationInput(
            customer_id=self.customer_id,
            walk_in_name=self.walk_in_name,
            contact_name=self.contact_name,
            contact_phone=self.contact_phone,
            received_at=self.received_at,
            channel=self.channel,
            kind=self.kind,
            category=self.category,
            category_detail=self.category_detail,
            nature=self.nature,
            urgency=self.urgency,
            title=self.title,
            description=self.description,
            expected_date=self.expected_date,
            is_special=self.is_special,
            contract_no=self.contract_no,
            department_id=self.department_id,
            assignee_id=self.assignee_id,
        )


def user_name(session: Session, key: int | None) -> str:
    user = session.get(User, key) if key is not None else None
    return user.full_name if user else ""


def department_name(session: Session, key: int | None) -> str:
    department = session.get(Department, key) if key is not None else None
    return department.name if department else ""


def view_of(session: Session, r: Requirement) -> RequirementView:
    customer = session.get(Customer, r.customer_id) if r.customer_id else None
    merged = session.get(Requirement, r.merged_into_id) if r.merged_into_id else None
    a = r.assessment
    return RequirementView(
        id=r.id,
        number=r.number,
        stage=r.stage,
        customer_id=r.customer_id,
        customer_name=customer.name if customer else r.walk_in_name,
        customer_code=customer.code if customer else "",
        walk_in_name=r.walk_in_name,
        contact_name=r.contact_name,
        contact_phone=r.contact_phone,
        received_at=r.received_at,
        received_by=user_name(session, r.received_by_id),
        channel=r.channel,
        kind=r.kind,
        category=r.category,
        category_detail=r.category_detail,
        nature=r.nature,
        urgency=r.urgency,
        title=r.title,
        description=r.description,
        expected_date=r.expected_date,
        is_special=r.is_special,
        contract_no=r.contract_no,
        department_id=r.department_id,
        department=department_name(session, r.department_id),
        assignee_id=r.assignee_id,
        assignee=user_name(session, r.assignee_id),
        first_response_due=r.first_response_due,
        plan_due=r.plan_due,
        resolution_due=r.resolution_due,
        due_provisional=r.due_provisional,
        merged_into=merged.number if merged else "",
        assessment=AssessmentInput(a.technical, a.economic, a.timing, a.value_score, a.note)
        if a
        else None,
        assessed_by=user_name(session, a.assessed_by_id) if a else "",
        events=[
            EventView(
                e.at, e.kind, e.from_stage, e.to_stage, user_name(session, e.actor_id), e.note
            )
            for e in r.events
        ],
    )


def get_requirement(ctx: Context, requirement_id: int) -> RequirementView:
    require(ctx.actor, Permission.VIEW_LEDGER)
    with ctx.reading() as session:
        return view_of(session, load_requirement(session, requirement_id))


def get_requirement_by_number(ctx: Context, number: str) -> RequirementView:
    require(ctx.actor, Permission.VIEW_LEDGER)
    with ctx.reading() as session:
        return view_of(session, find_by_number(session, number))
