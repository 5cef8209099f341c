"""Record numbers: ``<site>-RQ-<yyyy>-<nnnnn>``, gap-free per site, kind and year, never reused.

The counter row is created if missing and incremented in the caller's transaction,
so a rolled-back registration gives its number back and two writers never share one.
"""

from __future__ import annotations

from sqlalchemy import update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from reqdesk.models import NumberSequence

REQUIREMENT = "RQ"
REVIEW = "RV"
CUSTOMER = "C"


def next_value(session: Session, site_code: str, kind: str, year: int, count: int = 1) -> int:
    """Take ``count`` numbers; returns the last one taken (the first is last - count + 1)."""
    # Straight on the connection: the counter needs no flush of pending ORM objects.
    connection = session.connection()
    bump = (
        update(NumberSequence)
        .where(
            NumberSequence.site_code == site_code,
            NumberSequence.kind == kind,
            NumberSequence.year == year,
        )
        .values(last_value=NumberSequence.last_value + count)
        .returning(NumberSequence.last_value)
    )
    value = connection.execute(bump).scalar()
    if value is None:  # the first number of this site, kind and year
        insert = pg_insert if connection.dialect.name == "postgresql" else sqlite_insert
        connection.execute(
            insert(NumberSequence)
            .values(site_code=site_code, kind=kind, year=year, last_value=0)
            .on_conflict_do_nothing()
        )
        value = connection.execute(bump).scalar_one()
    return int(value)


def format_number(site_code: str, kind: str, year: int, value: int) -> str:
    if kind == CUSTOMER:
        return f"{site_code}-C-{value:05d}"
    return f"{site_code}-{kind}-{year:04d}-{value:05d}"


def next_number(session: Session, site_code: str, kind: str, year: int) -> str:
    counter_year = 0 if kind == CUSTOMER else year
    return format_number(site_code, kind, year, next_value(session, site_code, kind, counter_year))


def next_numbers(session: Session, site_code: str, kind: str, year: int, count: int) -> list[str]:
    """``count`` consecutive numbers in one step (a whole import's worth)."""
    if count <= 0:
        return []
    counter_year = 0 if kind == CUSTOMER else year
    last = next_value(session, site_code, kind, counter_year, count)
    return [
        format_number(site_code, kind, year, value) for value in range(last - count + 1, last + 1)
    ]
