"""Contract reviews (合同评审): items, routed departments, sign-offs, negotiation, amendments."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from reqdesk.models.base import Base, IntPk, Money, Quantity, Record, ShortText, code_enum
from reqdesk.models.enums import (
    AmendmentKind,
    ContractType,
    Decision,
    ReviewAspect,
    ReviewRouting,
    ReviewState,
    SignOffKind,
)


class Review(Record, Base):
    __tablename__ = "review"

    id: Mapped[IntPk]
    number: Mapped[str] = mapped_column(String(40), unique=True)
    requirement_id: Mapped[int] = mapped_column(ForeignKey("requirement.id"), index=True)
    contract_no: Mapped[str] = mapped_column(String(60), default="")

    contract_type: Mapped[ContractType] = mapped_column(code_enum(ContractType))
    proposed_type: Mapped[ContractType] = mapped_column(code_enum(ContractType))
    type_reason: Mapped[str] = mapped_column(Text, default="")
    routing: Mapped[ReviewRouting] = mapped_column(code_enum(ReviewRouting))
    state: Mapped[ReviewState] = mapped_column(
        code_enum(ReviewState), default=ReviewState.SIGNING, index=True
    )
    round: Mapped[int] = mapped_column(default=1)

    product_name: Mapped[ShortText] = mapped_column(default="")
    spec_model: Mapped[str] = mapped_column(String(120), default="")
    drawing_no: Mapped[str] = mapped_column(String(60), default="")
    quality_requirements: Mapped[str] = mapped_column(Text, default="")
    price: Mapped[Money | None]
    quantity: Mapped[Quantity | None]
    unit: Mapped[str] = mapped_column(String(20), default="")
    delivery_date: Mapped[date | None] = mapped_column(Date)
    delivery_place: Mapped[str] = mapped_column(String(200), default="")
    delivery_method: Mapped[str] = mapped_column(String(100), default="")
    acceptance_standard: Mapped[str] = mapped_column(Text, default="")
    settlement_terms: Mapped[str] = mapped_column(Text, default="")
    attachments: Mapped[str] = mapped_column(Text, default="")
    is_new_product: Mapped[bool] = mapped_column(default=False)
    above_top_precision: Mapped[bool] = mapped_column(default=False)

    opened_by_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    opened_at: Mapped[datetime]
    concluded_at: Mapped[datetime | None]
    concluded_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    conclusion_note: Mapped[str] = mapped_column(Text, default="")
    handover_note: Mapped[str] = mapped_column(Text, default="")  # what Sales asks the GM
    customer_answer_due: Mapped[datetime | None]
    customer_answered_at: Mapped[datetime | None]
    customer_answered_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    customer_answer_note: Mapped[str] = mapped_column(Text, default="")
    supersedes_id: Mapped[int | None] = mapped_column(ForeignKey("review.id"))

    participants: Mapped[list[ReviewParticipant]] = relationship(
        cascade="all, delete-orphan", order_by="ReviewParticipant.id"
    )
    sign_offs: Mapped[list[SignOff]] = relationship(order_by="SignOff.id")
    rounds: Mapped[list[ReviewRound]] = relationship(order_by="ReviewRound.round")
    negotiations: Mapped[list[ReviewNegotiation]] = relationship(
        order_by="ReviewNegotiation.id", foreign_keys="ReviewNegotiation.review_id"
    )
    amendments: Mapped[list[ReviewAmendment]] = relationship(
        order_by="ReviewAmendment.id", foreign_keys="ReviewAmendment.review_id"
    )


class ReviewRound(Record, Base):
    """One round of signing: the review items as they were signed (a revision starts the next)."""

    __tablename__ = "review_round"
    __table_args__ = (UniqueConstraint("review_id", "round"),)

    id: Mapped[IntPk]
    review_id: Mapped[int] = mapped_column(ForeignKey("review.id"), index=True)
    round: Mapped[int]
    items: Mapped[str] = mapped_column(Text)  # JSON of the review items in this round
    started_at: Mapped[datetime]
    started_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    reason: Mapped[str] = mapped_column(Text, default="")


class ReviewParticipant(Record, Base):
    """A department the review is routed to, with the time its sign-off is due."""

    __tablename__ = "review_participant"

    id: Mapped[IntPk]
    review_id: Mapped[int] = mapped_column(ForeignKey("review.id"), index=True)
    department_id: Mapped[int] = mapped_column(ForeignKey("department.id"), index=True)
    aspect: Mapped[ReviewAspect | None] = mapped_column(code_enum(ReviewAspect))
    required: Mapped[bool] = mapped_column(default=True)
    due_at: Mapped[datetime | None]


class SignOff(Record, Base):
    """An electronic signature on a review. Never changed once written; corrections supersede.

    ``content_hash`` covers every signed field so that ``reqdesk check`` detects an
    alteration made outside the program.
    """

    __tablename__ = "sign_off"

    id: Mapped[IntPk]
    review_id: Mapped[int] = mapped_column(ForeignKey("review.id"), index=True)
    round: Mapped[int] = mapped_column(default=1)
    kind: Mapped[SignOffKind] = mapped_column(code_enum(SignOffKind))
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id"))
    signer_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    decision: Mapped[Decision] = mapped_column(code_enum(Decision))
    comment: Mapped[str] = mapped_column(Text, default="")
    conditions: Mapped[str] = mapped_column(Text, default="")
    meaning: Mapped[str] = mapped_column(Text)
    signed_at: Mapped[datetime]
    supersedes_id: Mapped[int | None] = mapped_column(ForeignKey("sign_off.id"))
    supersede_reason: Mapped[str] = mapped_column(Text, default="")
    content_hash: Mapped[str] = mapped_column(String(64))


class ReviewNegotiation(Record, Base):
    """Sales' negotiation with the customer after a "cannot meet" (recorded)."""

    __tablename__ = "review_negotiation"

    id: Mapped[IntPk]
    review_id: Mapped[int] = mapped_column(ForeignKey("review.id"), index=True)
    round: Mapped[int] = mapped_column(default=1)
    at: Mapped[datetime]
    by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    contact: Mapped[str] = mapped_column(String(100), default="")
    summary: Mapped[str] = mapped_column(Text)
    outcome: Mapped[str] = mapped_column(Text, default="")


class ReviewAmendment(Record, Base):
    """合同修订: void and re-sign, change a clause, or change time/quantity only."""

    __tablename__ = "review_amendment"

    id: Mapped[IntPk]
    review_id: Mapped[int] = mapped_column(ForeignKey("review.id"), index=True)
    kind: Mapped[AmendmentKind] = mapped_column(code_enum(AmendmentKind))
    description: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime]
    by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    notified_departments: Mapped[str] = mapped_column(Text, default="")
    new_review_id: Mapped[int | None] = mapped_column(ForeignKey("review.id"))
    customer_signatory: Mapped[str] = mapped_column(String(100), default="")
    changes: Mapped[str] = mapped_column(Text, default="{}")  # JSON {field: [old, new]}


class ReviewNotice(Record, Base):
    """A department is told of an amendment to a review it signed; acknowledged once read."""

    __tablename__ = "review_notice"

    id: Mapped[IntPk]
    review_id: Mapped[int] = mapped_column(ForeignKey("review.id"), index=True)
    amendment_id: Mapped[int | None] = mapped_column(ForeignKey("review_amendment.id"))
    department_id: Mapped[int] = mapped_column(ForeignKey("department.id"), index=True)
    text: Mapped[str] = mapped_column(Text)
    acknowledged_at: Mapped[datetime | None]
    acknowledged_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
