"""login lock-out: wrong passwords in a row and the time the lock ends

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-22

Five wrong passwords in a row at sign-in lock the account for fifteen minutes; an
administrator's password reset ends the lock at once.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("app_user", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("login_failures", sa.Integer(), nullable=False, server_default="0")
        )
        batch_op.add_column(sa.Column("login_locked_until", sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("app_user", schema=None) as batch_op:
        batch_op.drop_column("login_locked_until")
        batch_op.drop_column("login_failures")
