"""What lives in the database outside the models, for Alembic's comparisons."""

from __future__ import annotations

from typing import Any


def include_name(name: str | None, type_: str, _parents: Any) -> bool:
    """The search indexes: SQLite FTS5 and its shadow tables (0004), PostgreSQL's trigram
    indexes (0008)."""
    if name is None:
        return True
    if type_ == "table" and name.startswith("requirement_fts"):
        return False
    return not (type_ == "index" and name.endswith("_trgm"))
