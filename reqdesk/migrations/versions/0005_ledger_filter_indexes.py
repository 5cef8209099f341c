"""ledger filter indexes: department, customer and person each with the receipt time

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22

The ledger lists newest first; filtering by department, customer or person then reads
one index in order instead of sorting tens of thousands of rows. The person index
replaces the single-column one.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEXES = {
    "ix_requirement_department_received": ["department_id", "received_at"],
    "ix_requirement_customer_received": ["customer_id", "received_at"],
    "ix_requirement_assignee_received": ["assignee_id", "received_at"],
}


def upgrade() -> None:
    for name, columns in INDEXES.items():
        op.create_index(name, "requirement", columns)
    op.drop_index("ix_requirement_assignee_id", table_name="requirement")


def downgrade() -> None:
    op.create_index("ix_requirement_assignee_id", "requirement", ["assignee_id"])
    for name in INDEXES:
        op.drop_index(name, table_name="requirement")
