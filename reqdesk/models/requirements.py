"""Requirements (顾客服务信息登记表), their events, assessment, plan, responses, return visit."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, SmallInteger, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from reqdesk.models.base import Base, IntPk, Record, ShortText, code_enum
from reqdesk.models.enums import (
    Category,
    CategoryDetail,
    Channel,
    ContactChannel,
    EventKind,
    Feasibility,
    Kind,
    Nature,
    Stage,
    Urgency,
)


class Requirement(Record, Base):
    __tablename__ = "requirement"
    __table_args__ = (
        Index("ix_requirement_stage_received", "stage", "received_at"),
        Index("ix_requirement_department_stage", "department_id", "stage"),
        Index("ix_requirement_customer_stage", "customer_id", "stage"),
        # the ledger's filters in its default order (newest first)
        Index("ix_requirement_department_received", "department_id", "received_at"),
        Index("ix_requirement_customer_received", "customer_id", "received_at"),
        Index("ix_requirement_assignee_received", "assignee_id", "received_at"),
    )

    id: Mapped[IntPk]
    number: Mapped[str] = mapped_column(String(40), unique=True)

    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customer.id"))
    walk_in_name: Mapped[str] = mapped_column(String(100), default="")
    contact_name: Mapped[str] = mapped_column(String(60), default="")
    contact_phone: Mapped[str] = mapped_column(String(40), default="")

    received_at: Mapped[datetime] = mapped_column(index=True)
    received_by_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    channel: Mapped[Channel] = mapped_column(code_enum(Channel))
    kind: Mapped[Kind] = mapped_column(code_enum(Kind))
    category: Mapped[Category] = mapped_column(code_enum(Category))
    category_detail: Mapped[CategoryDetail | None] = mapped_column(code_enum(CategoryDetail))
    nature: Mapped[Nature] = mapped_column(code_enum(Nature))
    urgency: Mapped[Urgency] = mapped_column(code_enum(Urgency))

    title: Mapped[ShortText]
    description: Mapped[str] = mapped_column(Text, default="")
    expected_date: Mapped[date | None] = mapped_column(Date)
    is_special: Mapped[bool] = mapped_column(default=False)
    contract_no: Mapped[str] = mapped_column(String(60), default="")

    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id"))
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    stage: Mapped[Stage] = mapped_column(code_enum(Stage), default=Stage.REGISTERED)

    first_response_due: Mapped[datetime | None]
    first_response_at: Mapped[datetime | None]
    plan_due: Mapped[datetime | None]
    resolution_due: Mapped[datetime | None]
    resolved_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]
    due_provisional: Mapped[bool] = mapped_column(default=False)

    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("requirement.id"))
    satisfaction: Mapped[int | None] = mapped_column(SmallInteger)

    events: Mapped[list[RequirementEvent]] = relationship(
        cascade="all, delete-orphan", order_by="RequirementEvent.at"
    )
    assessment: Mapped[RequirementAssessment | None] = relationship(
        cascade="all, delete-orphan", uselist=False
    )


class RequirementEvent(Record, Base):
    """One step in a requirement's life; append-only. The ledger is built from these."""

    __tablename__ = "requirement_event"
    __table_args__ = (Index("ix_requirement_event_requirement_at", "requirement_id", "at"),)

    id: Mapped[IntPk]
    requirement_id: Mapped[int] = mapped_column(ForeignKey("requirement.id"))
    at: Mapped[datetime]
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    kind: Mapped[EventKind] = mapped_column(code_enum(EventKind))
    from_stage: Mapped[Stage | None] = mapped_column(code_enum(Stage))
    to_stage: Mapped[Stage | None] = mapped_column(code_enum(Stage))
    note: Mapped[str] = mapped_column(Text, default="")


class RequirementAssessment(Record, Base):
    """需求评估: feasibility (technical, economic, time) and value 1–5."""

    __tablename__ = "requirement_assessment"

    id: Mapped[IntPk]
    requirement_id: Mapped[int] = mapped_column(ForeignKey("requirement.id"), unique=True)
    technical: Mapped[Feasibility | None] = mapped_column(code_enum(Feasibility))
    economic: Mapped[Feasibility | None] = mapped_column(code_enum(Feasibility))
    timing: Mapped[Feasibility | None] = mapped_column(code_enum(Feasibility))
    value_score: Mapped[int | None] = mapped_column(SmallInteger)
    note: Mapped[str] = mapped_column(Text, default="")
    assessed_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    assessed_at: Mapped[datetime | None]


class ProcessingPlan(Record, Base):
    """处理计划 (method, schedule, commitment) a department owes for long items."""

    __tablename__ = "processing_plan"

    id: Mapped[IntPk]
    requirement_id: Mapped[int] = mapped_column(ForeignKey("requirement.id"), index=True)
    method: Mapped[str] = mapped_column(Text, default="")
    schedule: Mapped[str] = mapped_column(Text, default="")
    commitment: Mapped[str] = mapped_column(Text, default="")
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    recorded_at: Mapped[datetime]


class RequirementResponse(Record, Base):
    """A response given to the customer (答复)."""

    __tablename__ = "requirement_response"

    id: Mapped[IntPk]
    requirement_id: Mapped[int] = mapped_column(ForeignKey("requirement.id"), index=True)
    responded_at: Mapped[datetime]
    responded_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    channel: Mapped[ContactChannel] = mapped_column(code_enum(ContactChannel))
    content: Mapped[str] = mapped_column(Text, default="")


class ReturnVisit(Record, Base):
    """回访: the customer's satisfaction after resolution; closes the requirement."""

    __tablename__ = "return_visit"

    id: Mapped[IntPk]
    requirement_id: Mapped[int] = mapped_column(ForeignKey("requirement.id"), unique=True)
    visit_date: Mapped[date] = mapped_column(Date)
    visited_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    channel: Mapped[ContactChannel] = mapped_column(code_enum(ContactChannel))
    satisfaction: Mapped[int] = mapped_column(SmallInteger)
    comments: Mapped[str] = mapped_column(Text, default="")
