"""Deterministic row building for demo data, written with Core bulk inserts.

Everything random comes from one ``random.Random(seed)``, UUIDs included, so the
same seed and reference day give the same database.
"""

from __future__ import annotations

import random
from bisect import bisect
from collections import defaultdict
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from itertools import accumulate
from operator import itemgetter
from typing import Any

from sqlalchemy import Date, Numeric, Table, func, select, text
from sqlalchemy.orm import Session

from reqdesk.models import Base
from reqdesk.models.base import UTCDateTime

CHUNK = 5000


class RowBuilder:
    """Collects rows per table with explicit ids, then inserts them in chunks."""

    def __init__(self, session: Session, seed: int, site_code: str) -> None:
        self.session = session
        self.rng = random.Random(seed)
        self.site_code = site_code
        self.rows: dict[Table, list[dict[str, Any]]] = defaultdict(list)
        self._next_id: dict[Table, int] = {}
        self._weight_tables: dict[tuple[Any, ...], tuple[list[Any], list[float]]] = {}

    def uuid(self) -> str:
        """A random (version 4) UUID drawn from the seeded generator."""
        h = f"{self.rng.getrandbits(128):032x}"
        variant = "89ab"[int(h[16], 16) & 3]
        return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{variant}{h[17:20]}-{h[20:]}"

    def next_id(self, model: type[Base]) -> int:
        table = model.__table__
        assert isinstance(table, Table)
        if table not in self._next_id:
            current = self.session.scalar(select(func.max(table.c.id))) or 0
            self._next_id[table] = int(current) + 1
        value = self._next_id[table]
        self._next_id[table] = value + 1
        return value

    def add(self, model: type[Base], created_at: datetime, **values: Any) -> dict[str, Any]:
        """Queue one business record; id, uuid, site and times are filled in."""
        table = model.__table__
        assert isinstance(table, Table)
        row = {
            "id": self.next_id(model),
            "uuid": self.uuid(),
            "site_code": self.site_code,
            "created_at": created_at,
            "updated_at": created_at,
            **values,
        }
        self.rows[table].append(row)
        return row

    def flush(self) -> dict[str, int]:
        """Insert queued rows parents first; returns row counts per table.

        On SQLite the rows go straight to the driver's ``executemany`` in the storage
        format SQLAlchemy itself uses: for a million rows this is several times faster
        than Core's per-value bind processing.
        """
        connection = self.session.connection()
        raw = (
            connection.connection.driver_connection if connection.dialect.name == "sqlite" else None
        )
        counts: dict[str, int] = {}
        if raw is not None:
            raw.execute("PRAGMA cache_size=-262144")  # 256 MiB while the indexes fill
        for table in Base.metadata.sorted_tables:
            rows = self.rows.pop(table, [])
            if not rows:
                continue
            if raw is not None:
                _insert_raw(raw, table, rows)
            else:
                # One executemany needs the same keys in every row (a row may leave a
                # column to its default): fill them in as the SQLite path does.
                defaults = _scalar_defaults(table)
                complete = [{**defaults, **row} for row in rows]
                for start in range(0, len(complete), CHUNK):
                    self.session.execute(table.insert(), complete[start : start + CHUNK])
            counts[table.name] = len(rows)
        if raw is not None:
            raw.execute("PRAGMA cache_size=-2000")  # SQLite's default again
        elif connection.dialect.name == "postgresql":
            self._advance_sequences(counts)
        return counts

    def _advance_sequences(self, counts: dict[str, int]) -> None:
        """The rows came with their ids: move PostgreSQL's id sequences past them."""
        for name in counts:
            table = Base.metadata.tables[name]
            if "id" not in table.c or not table.c.id.autoincrement:
                continue
            self.session.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                    f"(SELECT MAX(id) FROM {name}))"
                )
            )

    # Small random helpers -------------------------------------------------------------

    def pick(self, seq: Any) -> Any:
        return seq[int(self.rng.random() * len(seq))]

    def weighted(self, options: dict[Any, float]) -> Any:
        """One of ``options``' keys, drawn with the values as weights."""
        key = tuple(options.items())
        table = self._weight_tables.get(key)
        if table is None:
            table = (list(options), list(accumulate(options.values())))
            self._weight_tables[key] = table
        values, cumulative = table
        return values[bisect(cumulative, self.rng.random() * cumulative[-1])]

    def chance(self, probability: float) -> bool:
        return self.rng.random() < probability

    def hours(self, low: float, high: float) -> timedelta:
        return timedelta(hours=self.rng.uniform(low, high))


def _sqlite_converter(column_type: Any) -> Callable[[Any], Any] | None:
    """How SQLAlchemy stores a value of this column type in SQLite (None: as it is).

    Enums are ``str`` and booleans ``int`` subclasses, which sqlite3 binds directly.
    """
    if isinstance(column_type, UTCDateTime):
        return _utc_text
    if isinstance(column_type, Numeric):
        return float
    if isinstance(column_type, Date):
        return date.isoformat
    return None


def _utc_text(value: datetime) -> str:
    return value.astimezone(UTC).isoformat(" ", "microseconds")[:26]


def _scalar_defaults(table: Table) -> dict[str, Any]:
    """Every column's value when a row leaves it out (its scalar default, else None)."""
    return {
        c.name: getattr(c.default, "arg", None)
        if c.default is not None and c.default.is_scalar
        else None
        for c in table.columns
    }


def _insert_raw(raw: Any, table: Table, rows: list[dict[str, Any]]) -> None:
    columns = list(table.columns)
    names = [c.name for c in columns]
    defaults = _scalar_defaults(table)
    get = itemgetter(*names)
    values = []
    for row in rows:
        try:
            values.append(list(get(row)))
        except KeyError:  # a column left to its default
            values.append(list(get({**defaults, **row})))
    memos: dict[Any, dict[Any, Any]] = {}  # a row's created_at is often its very "at" object
    for index, column in enumerate(columns):
        convert = _sqlite_converter(column.type)
        if convert is None:
            continue
        memo = memos.setdefault(convert, {})
        for record in values:
            value = record[index]
            if value is not None:
                text = memo.get(value)
                if text is None:
                    text = memo[value] = convert(value)
                record[index] = text
    sql = (
        f'INSERT INTO "{table.name}" ({", ".join(names)}) VALUES ({", ".join("?" for _ in names)})'
    )
    raw.executemany(sql, values)
