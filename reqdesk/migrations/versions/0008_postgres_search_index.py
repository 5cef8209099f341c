"""postgres search index: trigram (pg_trgm) GIN indexes behind the searches on PostgreSQL

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-24

The ledger and customer searches are ILIKE '%word%' on PostgreSQL; a gin_trgm_ops index
lets a word of three or more characters read only the rows that hold its trigrams. The
index only speeds up the search, never changes its results: a server without pg_trgm, or
a user who may not create it, migrates all the same and searches by reading every row.
pg_trgm takes its letters from the database's LC_CTYPE: under "C" it finds no trigrams
in Chinese, so Chinese words scan the table there (see reqdesk/services/search.py).
SQLite keeps its FTS5 table (0004); nothing happens there.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# table -> the columns its searches read (names end in _trgm: the schema comparison and
# `reqdesk check` know them by that)
SEARCHED = {
    "requirement": ("number", "title", "description"),
    "customer": ("name", "short_name", "code", "credit_code"),
    "customer_contact": ("name", "phone", "mobile"),
}


def index_names() -> list[tuple[str, str, str]]:
    return [
        (f"ix_{table}_{column}_trgm", table, column)
        for table, columns in SEARCHED.items()
        for column in columns
    ]


def _pg_trgm_schema(conn: sa.Connection) -> str | None:
    """The schema pg_trgm is installed in, installing it if need be; None when the server
    lacks it or the user may not create it (PostgreSQL 13+ lets a database owner create
    this trusted extension)."""
    installed = (
        "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace "
        "WHERE e.extname = 'pg_trgm'"
    )
    schema = conn.execute(sa.text(installed)).scalar()
    if schema is not None:
        return str(schema)
    available = "SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'"
    if conn.execute(sa.text(available)).first() is None:
        return None
    try:
        with conn.begin_nested():  # a refusal must not abort the migration's transaction
            conn.execute(sa.text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
    except sa.exc.DBAPIError:
        return None
    return str(conn.execute(sa.text(installed)).scalar())


def upgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "postgresql":
        return
    schema = _pg_trgm_schema(conn)
    if schema is None:
        return
    opclass = f"{conn.dialect.identifier_preparer.quote(schema)}.gin_trgm_ops"
    for name, table, column in index_names():
        conn.execute(
            sa.text(f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin ({column} {opclass})")
        )


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "postgresql":
        return
    for name, _table, _column in index_names():
        conn.execute(sa.text(f"DROP INDEX IF EXISTS {name}"))
