"""Shared pieces of the windowed list queries behind the big tables."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, SQLColumnExpression

MAX_PAGE = 1000


@dataclass(frozen=True)
class Window:
    """Which rows a view wants: ``limit`` rows from ``offset`` in the order of ``sort_key``."""

    offset: int = 0
    limit: int = 200
    sort_key: str | None = None
    descending: bool = False


def apply_window(
    query: Select[Any],
    window: Window,
    sort_columns: Mapping[str, SQLColumnExpression[Any]],
    default_order: tuple[SQLColumnExpression[Any], ...],
    tiebreak: SQLColumnExpression[Any],
) -> Select[Any]:
    """Order by a whitelisted column (ties broken by id) and cut out one page."""
    column = sort_columns.get(window.sort_key or "")
    if column is None:
        query = query.order_by(*default_order, tiebreak.desc())
    elif window.descending:
        query = query.order_by(column.desc(), tiebreak.desc())
    else:
        query = query.order_by(column.asc(), tiebreak.asc())
    limit = max(0, min(window.limit, MAX_PAGE))
    return query.offset(max(0, window.offset)).limit(limit)


def like_pattern(text: str) -> str:
    """A LIKE pattern that matches ``text`` literally anywhere (escape char: backslash)."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
