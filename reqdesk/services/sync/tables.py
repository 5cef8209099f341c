"""Which tables a sync package carries, and how their rows become package records.

Rows are read and written with Core (never through the ORM, so the change stamps of
``tracking`` are left alone). A foreign key travels as the ``uuid`` of the row it points
to, except a department, which travels as its code: every site has its own 销售部.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Column, Date, DateTime, Enum, Numeric, Table

from reqdesk.models import (
    Customer,
    CustomerContact,
    CustomerTransaction,
    ProcessingPlan,
    RelationshipLogEntry,
    Requirement,
    RequirementAssessment,
    RequirementEvent,
    RequirementResponse,
    ReturnVisit,
    Review,
    ReviewAmendment,
    ReviewNegotiation,
    ReviewNotice,
    ReviewParticipant,
    ReviewRound,
    SignOff,
)
from reqdesk.models.base import Base, UTCDateTime

# parents before children; departments and users are reference data (see applying)
RECORD_MODELS: tuple[type[Base], ...] = (
    Customer,
    CustomerContact,
    RelationshipLogEntry,
    CustomerTransaction,
    Requirement,
    RequirementEvent,
    RequirementAssessment,
    ProcessingPlan,
    RequirementResponse,
    ReturnVisit,
    Review,
    ReviewRound,
    ReviewParticipant,
    SignOff,
    ReviewNegotiation,
    ReviewAmendment,
    ReviewNotice,
)
RECORD_TABLES: dict[str, Table] = {
    m.__table__.name: m.__table__  # type: ignore[attr-defined, misc]
    for m in RECORD_MODELS
}
DEPARTMENT = "department"
USER = "app_user"
AUDIT = "audit_entry"
TOMBSTONE = "tombstone"
PACKAGE_TABLES = (DEPARTMENT, USER, *RECORD_TABLES, TOMBSTONE, AUDIT)

# identity and bookkeeping columns: carried by the record itself, not in ``data``
OWN_COLUMNS = frozenset({"id", "uuid", "site_code", "updated_at", "sync_vv", "sync_at"})
DEPARTMENT_FIELDS = ("code", "name", "review_aspect")
USER_FIELDS = ("username", "full_name")


@dataclass(frozen=True)
class Reference:
    column: str
    target: str  # a table name


def references(table: Table) -> list[Reference]:
    found = []
    for column in table.columns:
        for key in column.foreign_keys:
            found.append(Reference(column.name, key.column.table.name))
    return found


def data_columns(table: Table) -> list[Column[Any]]:
    return [column for column in table.columns if column.name not in OWN_COLUMNS]


def encode(value: Any) -> Any:
    """A column value as JSON: ISO dates and UTC times, decimals as strings."""
    if value is None or (isinstance(value, bool | int | str) and not isinstance(value, enum.Enum)):
        return value
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    raise TypeError(f"cannot put a {type(value).__name__} into a sync package")


def decode(column: Column[Any], value: Any) -> Any:
    """The inverse of :func:`encode` for this column's type; raises ValueError on nonsense."""
    if value is None:
        return None
    kind = column.type
    if isinstance(kind, UTCDateTime | DateTime):
        parsed = datetime.fromisoformat(str(value))
        if parsed.tzinfo is None:
            raise ValueError(f"{column.name}: a time without its UTC offset")
        return parsed
    if isinstance(kind, Date):
        return date.fromisoformat(str(value))
    if isinstance(kind, Numeric):
        return Decimal(str(value))
    if isinstance(kind, Enum) and kind.enum_class is not None:
        return kind.enum_class(value)
    if column.type.python_type is bool:
        if not isinstance(value, bool):
            raise ValueError(f"{column.name}: not true or false")
        return value
    return value
