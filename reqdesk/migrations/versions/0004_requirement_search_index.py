"""requirement_fts: full-text search of numbers, titles and descriptions (SQLite FTS5, trigram)

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22

The trigram tokenizer finds any run of three or more characters, Chinese included;
shorter searches use LIKE on the requirement table itself (SQLite before 3.41 answers
LIKE on a trigram table wrongly for Chinese). Triggers keep the index in step with
every insert, change and delete. PostgreSQL searches with ILIKE and needs no index here.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

STATEMENTS = (
    """CREATE VIRTUAL TABLE requirement_fts USING fts5(
        number, title, description,
        content='requirement', content_rowid='id', tokenize='trigram'
    )""",
    """CREATE TRIGGER requirement_fts_insert AFTER INSERT ON requirement BEGIN
        INSERT INTO requirement_fts(rowid, number, title, description)
        VALUES (new.id, new.number, new.title, new.description);
    END""",
    """CREATE TRIGGER requirement_fts_delete AFTER DELETE ON requirement BEGIN
        INSERT INTO requirement_fts(requirement_fts, rowid, number, title, description)
        VALUES ('delete', old.id, old.number, old.title, old.description);
    END""",
    """CREATE TRIGGER requirement_fts_update AFTER UPDATE OF number, title, description ON requirement
    BEGIN
        INSERT INTO requirement_fts(requirement_fts, rowid, number, title, description)
        VALUES ('delete', old.id, old.number, old.title, old.description);
        INSERT INTO requirement_fts(rowid, number, title, description)
        VALUES (new.id, new.number, new.title, new.description);
    END""",
    "INSERT INTO requirement_fts(requirement_fts) VALUES ('rebuild')",
)


def upgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "sqlite":
        return
    for statement in STATEMENTS:
        conn.execute(sa.text(statement))


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "sqlite":
        return
    for name in ("requirement_fts_insert", "requirement_fts_delete", "requirement_fts_update"):
        conn.execute(sa.text(f"DROP TRIGGER IF EXISTS {name}"))
    conn.execute(sa.text("DROP TABLE IF EXISTS requirement_fts"))
