"""Settings, the holiday calendar, number sequences and the audit log."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from reqdesk.models.base import Base, Code, IntPk, Uuid, code_enum, utc_now
from reqdesk.models.enums import DayKind


class Setting(Base):
    """One setting as JSON text; typed access lives in ``services.settings``."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(default=utc_now, onupdate=utc_now)


class CalendarYear(Base):
    """A year whose official schedule is loaded; days of other years are provisional."""

    __tablename__ = "calendar_year"

    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    version: Mapped[int] = mapped_column(default=1)
    source: Mapped[str] = mapped_column(String(60))
    updated_at: Mapped[datetime] = mapped_column(default=utc_now, onupdate=utc_now)


class CalendarDay(Base):
    """A day that differs from the Monday–Friday rule: a holiday or a make-up working day."""

    __tablename__ = "calendar_day"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    kind: Mapped[DayKind] = mapped_column(code_enum(DayKind))
    name: Mapped[str] = mapped_column(String(60), default="")


class NumberSequence(Base):
    """The last number handed out per site, kind (RQ, RV, C) and year; never reused."""

    __tablename__ = "number_sequence"

    site_code: Mapped[Code] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(8), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last_value: Mapped[int] = mapped_column(default=0)


class AuditEntry(Base):
    """One audited action. ``entry_hash`` chains each entry to the one before it."""

    __tablename__ = "audit_entry"

    id: Mapped[IntPk]
    uuid: Mapped[Uuid]
    at: Mapped[datetime] = mapped_column(index=True)
    site_code: Mapped[Code]
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    username: Mapped[str] = mapped_column(String(64), default="")
    action: Mapped[str] = mapped_column(String(32))
    entity_type: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int | None]
    entity_uuid: Mapped[str] = mapped_column(String(36), default="")
    details: Mapped[str] = mapped_column(Text, default="{}")
    prev_hash: Mapped[str] = mapped_column(String(64))
    entry_hash: Mapped[str] = mapped_column(String(64), unique=True)
