"""Customer files (客户档案): identity, contacts, credit, production, log, transactions."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from reqdesk.models.base import Base, Code, IntPk, Money, Quantity, Record, ShortText, code_enum
from reqdesk.models.enums import ApprovalState, ContactChannel, CreditGrade, CustomerClass


class Customer(Record, Base):
    __tablename__ = "customer"
    __table_args__ = (
        Index("ix_customer_class_custodian", "customer_class", "custodian_id"),
        # unique per home site: two branches may each have filed the same company before
        # they exchanged; sync keeps both and lists them (services/sync)
        UniqueConstraint("site_code", "name", name="uq_customer_site_name"),
        UniqueConstraint("site_code", "name_key", name="uq_customer_site_name_key"),
        UniqueConstraint("site_code", "credit_code", name="uq_customer_site_credit_code"),
        Index("ix_customer_name_key", "name_key"),
        Index("ix_customer_credit_code", "credit_code"),
    )

    id: Mapped[IntPk]
    code: Mapped[Code] = mapped_column(unique=True)
    name: Mapped[ShortText]
    name_key: Mapped[ShortText]
    short_name: Mapped[str] = mapped_column(String(60), default="")
    credit_code: Mapped[str | None] = mapped_column(String(18))
    qualification_notes: Mapped[str] = mapped_column(Text, default="")
    address: Mapped[str] = mapped_column(String(300), default="")
    website: Mapped[str] = mapped_column(String(200), default="")
    industry: Mapped[str] = mapped_column(String(100), default="")

    credit_grade: Mapped[CreditGrade | None] = mapped_column(code_enum(CreditGrade))
    credit_note: Mapped[str] = mapped_column(Text, default="")

    production_process: Mapped[str] = mapped_column(Text, default="")
    production_scale: Mapped[str] = mapped_column(Text, default="")
    raw_materials: Mapped[str] = mapped_column(Text, default="")
    production_investment: Mapped[str] = mapped_column(Text, default="")

    customer_class: Mapped[CustomerClass] = mapped_column(
        code_enum(CustomerClass), default=CustomerClass.GENERAL
    )
    custodian_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))

    approval_state: Mapped[ApprovalState] = mapped_column(
        code_enum(ApprovalState), default=ApprovalState.PENDING, index=True
    )
    approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    approved_at: Mapped[datetime | None]
    approval_note: Mapped[str] = mapped_column(Text, default="")

    contacts: Mapped[list[CustomerContact]] = relationship(
        cascade="all, delete-orphan", back_populates="customer", order_by="CustomerContact.id"
    )
    relationship_log: Mapped[list[RelationshipLogEntry]] = relationship(
        cascade="all, delete-orphan", order_by="RelationshipLogEntry.contact_date"
    )
    transactions: Mapped[list[CustomerTransaction]] = relationship(
        cascade="all, delete-orphan", order_by="CustomerTransaction.contract_date"
    )


class CustomerContact(Record, Base):
    __tablename__ = "customer_contact"

    id: Mapped[IntPk]
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"), index=True)
    name: Mapped[str] = mapped_column(String(60))
    title: Mapped[str] = mapped_column(String(60), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    mobile: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(120), default="")
    is_primary: Mapped[bool] = mapped_column(default=False)

    customer: Mapped[Customer] = relationship(back_populates="contacts")


class RelationshipLogEntry(Record, Base):
    """One contact with the customer: visit, call, e-mail, survey (客户关系维护记录)."""

    __tablename__ = "relationship_log_entry"
    __table_args__ = (Index("ix_relationship_log_customer_date", "customer_id", "contact_date"),)

    id: Mapped[IntPk]
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"))
    contact_date: Mapped[date] = mapped_column(Date)
    person: Mapped[str] = mapped_column(String(60))
    channel: Mapped[ContactChannel] = mapped_column(code_enum(ContactChannel))
    summary: Mapped[str] = mapped_column(Text, default="")


class CustomerTransaction(Record, Base):
    """A past deal (以往交易记录)."""

    __tablename__ = "customer_transaction"

    id: Mapped[IntPk]
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"), index=True)
    contract_no: Mapped[str] = mapped_column(String(60))
    contract_date: Mapped[date] = mapped_column(Date)
    product: Mapped[ShortText]
    quantity: Mapped[Quantity]
    unit: Mapped[str] = mapped_column(String(20), default="")
    amount: Mapped[Money]


class CustomerAccessGrant(Record, Base):
    """A user allowed to open a customer's confidential sections (granted by the GM)."""

    __tablename__ = "customer_access_grant"

    id: Mapped[IntPk]
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"), index=True)
    granted_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    note: Mapped[str] = mapped_column(String(200), default="")
