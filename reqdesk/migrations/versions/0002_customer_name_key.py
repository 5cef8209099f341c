"""customer.name_key: the normalised name duplicates are refused by

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

import unicodedata
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def name_key(name: str) -> str:
    """The normalisation of this revision (kept here so the revision never changes)."""
    text = " ".join(str(name).replace("\u3000", " ").split())
    return "".join(unicodedata.normalize("NFKC", text).split()).casefold()


def upgrade() -> None:
    with op.batch_alter_table("customer") as batch:
        batch.add_column(sa.Column("name_key", sa.String(length=200), nullable=True))
    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT id, name FROM customer")).all()
    for row_id, name in rows:
        conn.execute(
            sa.text("UPDATE customer SET name_key = :k WHERE id = :i"),
            {"k": name_key(name), "i": row_id},
        )
    with op.batch_alter_table("customer") as batch:
        batch.alter_column("name_key", existing_type=sa.String(length=200), nullable=False)
        batch.create_unique_constraint(batch.f("uq_customer_name_key"), ["name_key"])


def downgrade() -> None:
    with op.batch_alter_table("customer") as batch:
        batch.drop_constraint(batch.f("uq_customer_name_key"), type_="unique")
        batch.drop_column("name_key")
