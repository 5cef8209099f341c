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


def next_value(session: Session, site_code: str, kind: str, year: int) -> int:
    dialect = session.get_bind().dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    session.execute(
        insert(NumberSequence)
        .values(site_code=site_code, kind=kind, year=year, last_value=0)
        .on_conflict_do_nothing()
    )
    value = session.execute(
        update(NumberSequence)
        .where(
            NumberSequence.site_code == site_code,
            NumberSequence.kind == kind,
            NumberSequence.year == year,
        )
        .values(last_value=NumberSequence.last_value + 1)
        .returning(NumberSequence.last_value)
    ).scalar_one()
    return int(value)


def format_number(site_code: str, kind: str, year: int, value: int) -> str:
    if kind == CUSTOMER:
        return f"{site_code}-C-{value:05d}"
    return f"{site_code}-{kind}-{year:04d}-{value:05d}"


def next_number(session: Session, site_code: str, kind: str, year: int) -> str:
    counter_year = 0 if kind == CUSTOMER else year
    return format_number(site_code, kind, year, next_value(session, site_code, kind, counter_year))
