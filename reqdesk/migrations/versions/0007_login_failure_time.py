"""login failure time: wrong passwords only add up to a lock-out within fifteen minutes

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-23

The count of wrong sign-in passwords starts again when the latest one is older than
the lock-out time, so mistakes spread over weeks never lock an account.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("app_user", schema=None) as batch_op:
        batch_op.add_column(sa.Column("login_failed_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("app_user", schema=None) as batch_op:
        batch_op.drop_column("login_failed_at")
