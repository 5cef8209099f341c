"""Alembic environment: reqdesk hands in an open connection (see ``reqdesk.db.upgrade``)."""

from typing import Any

import sqlalchemy as sa
from alembic import context

from reqdesk.migrations.outside import include_name
from reqdesk.models import Base
from reqdesk.models.base import UTCDateTime

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("reqdesk migrations run from reqdesk.db.upgrade(), not the alembic CLI")


def render_item(type_: str, obj: Any, autogen_context: Any) -> str | bool:
    """Write plain SQL types into revisions so that old revisions never depend on models."""
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime()"
    if type_ == "type" and isinstance(obj, sa.Enum) and not obj.native_enum:
        return f"sa.String(length={obj.length})"
    return False


context.configure(
    connection=connection,
    include_name=include_name,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER columns or constraints: rebuild tables
    compare_type=True,
    render_item=render_item,
)
with context.begin_transaction():
    context.run_migrations()
