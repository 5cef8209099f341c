"""Declarative base, column kinds and the mixin every business record shares."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any, ClassVar

from sqlalchemy import DateTime, Dialect, Enum, MetaData, Numeric, String, Text, TypeDecorator
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utc_now() -> datetime:
    return datetime.now(UTC)


def new_uuid() -> str:
    return str(uuid.uuid4())


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware datetimes stored as naive UTC (portable across SQLite and PostgreSQL)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("reqdesk stores only timezone-aware datetimes")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC)


def code_enum(enum_cls: type[StrEnum]) -> Enum:
    """Store a StrEnum by its stable code (the value), never by the Python name."""
    return Enum(
        enum_cls,
        native_enum=False,
        create_constraint=False,
        length=24,
        values_callable=lambda cls: [member.value for member in cls],
        validate_strings=True,
    )


IntPk = Annotated[int, mapped_column(primary_key=True)]
Uuid = Annotated[str, mapped_column(String(36), unique=True, default=new_uuid)]
Timestamp = Annotated[datetime, mapped_column(UTCDateTime())]
Code = Annotated[str, mapped_column(String(32))]
ShortText = Annotated[str, mapped_column(String(200))]
Money = Annotated[Decimal, mapped_column(Numeric(16, 2))]
Quantity = Annotated[Decimal, mapped_column(Numeric(16, 3))]


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UTCDateTime()}


class Record:
    """What every business record carries so that sites can exchange it later.

    ``uuid`` identifies the record across sites, ``site_code`` names the site that
    created it (its home site), ``updated_at`` is the time of its latest change.
    """

    uuid: Mapped[Uuid]
    site_code: Mapped[Code]
    created_at: Mapped[Timestamp] = mapped_column(default=utc_now)
    # moved forward on every change by services/sync/tracking.py (never by the clock
    # alone: a record sync writes keeps the change time it came with)
    updated_at: Mapped[Timestamp] = mapped_column(default=utc_now)
    # branch sync (services/sync): how many changes each site has made to this record,
    # as JSON {site: count}, and when this copy last changed here (made or received)
    sync_vv: Mapped[str] = mapped_column(Text, default="{}", server_default="{}")
    sync_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), index=True)
