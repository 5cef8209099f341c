"""branch sync: version and change time on every business record, peers, conflicts,
deletions, other sites' audit entries; customer names unique per home site

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-23

``sync_vv`` counts each site's changes to a record (a version vector) and ``sync_at``
is when the copy in this database last changed; both drive ``reqdesk sync``. Records
that existed before have no ``sync_at``: the first package to a peer sends everything.
Customer names, name keys and credit codes become unique per home site, because two
branches may each have filed the same company before they exchanged packages.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

RECORD_TABLES = (
    "department",
    "app_user",
    "customer",
    "customer_contact",
    "relationship_log_entry",
    "customer_transaction",
    "customer_access_grant",
    "requirement",
    "requirement_event",
    "requirement_assessment",
    "processing_plan",
    "requirement_response",
    "return_visit",
    "review",
    "review_round",
    "review_participant",
    "sign_off",
    "review_negotiation",
    "review_amendment",
    "review_notice",
)
CUSTOMER_UNIQUE = (("name", "uq_customer_site_name"), ("name_key", "uq_customer_site_name_key"))


def upgrade() -> None:
    for table in RECORD_TABLES:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("sync_vv", sa.Text(), server_default="{}", nullable=False))
            batch.add_column(sa.Column("sync_at", sa.DateTime(), nullable=True))
            batch.create_index(f"ix_{table}_sync_at", ["sync_at"], unique=False)
    with op.batch_alter_table("customer") as batch:
        for column, name in CUSTOMER_UNIQUE:
            batch.drop_constraint(f"uq_customer_{column}", type_="unique")
            batch.create_unique_constraint(name, ["site_code", column])
        batch.drop_constraint("uq_customer_credit_code", type_="unique")
        batch.create_unique_constraint("uq_customer_site_credit_code", ["site_code", "credit_code"])
        batch.create_index("ix_customer_name_key", ["name_key"], unique=False)
        batch.create_index("ix_customer_credit_code", ["credit_code"], unique=False)
    _create_sync_tables()


def _create_sync_tables() -> None:
    op.create_table(
        "sync_peer",
        sa.Column("site_code", sa.String(length=32), nullable=False),
        sa.Column("exported_until", sa.DateTime(), nullable=True),
        sa.Column("audit_upto", sa.Integer(), nullable=False),
        sa.Column("exports", sa.Integer(), nullable=False),
        sa.Column("last_export_at", sa.DateTime(), nullable=True),
        sa.Column("imports", sa.Integer(), nullable=False),
        sa.Column("last_import_at", sa.DateTime(), nullable=True),
        sa.Column("last_import_sequence", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("site_code", name=op.f("pk_sync_peer")),
    )
    op.create_table(
        "sync_conflict",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("record_uuid", sa.String(length=36), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("reason", sa.String(length=24), nullable=False),
        sa.Column("home_site", sa.String(length=32), nullable=False),
        sa.Column("peer_site", sa.String(length=32), nullable=False),
        sa.Column("detected_at", sa.DateTime(), nullable=False),
        sa.Column("kept_from", sa.String(length=32), nullable=False),
        sa.Column("kept", sa.Text(), nullable=False),
        sa.Column("other_from", sa.String(length=32), nullable=False),
        sa.Column("other", sa.Text(), nullable=False),
        sa.Column("reviewed_at", sa.DateTime(), nullable=True),
        sa.Column("reviewed_by_id", sa.Integer(), nullable=True),
        sa.Column("review_note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["reviewed_by_id"],
            ["app_user.id"],
            name=op.f("fk_sync_conflict_reviewed_by_id_app_user"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_conflict")),
    )
    op.create_index(
        op.f("ix_sync_conflict_record_uuid"), "sync_conflict", ["record_uuid"], unique=False
    )
    op.create_table(
        "sync_tombstone",
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("site_code", sa.String(length=32), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=False),
        sa.Column("sync_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("uuid", name=op.f("pk_sync_tombstone")),
    )
    op.create_index(op.f("ix_sync_tombstone_sync_at"), "sync_tombstone", ["sync_at"], unique=False)
    op.create_table(
        "remote_audit_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("site_code", sa.String(length=32), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("entity_type", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=True),
        sa.Column("entity_uuid", sa.String(length=36), nullable=False),
        sa.Column("details", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("entry_hash", sa.String(length=64), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_remote_audit_entry")),
        sa.UniqueConstraint("entry_hash", name=op.f("uq_remote_audit_entry_entry_hash")),
        sa.UniqueConstraint("uuid", name=op.f("uq_remote_audit_entry_uuid")),
    )
    for column in ("site_code", "received_at"):
        op.create_index(
            op.f(f"ix_remote_audit_entry_{column}"), "remote_audit_entry", [column], unique=False
        )


def downgrade() -> None:
    for table in ("remote_audit_entry", "sync_tombstone", "sync_conflict", "sync_peer"):
        op.drop_table(table)
    with op.batch_alter_table("customer") as batch:
        batch.drop_index("ix_customer_credit_code")
        batch.drop_index("ix_customer_name_key")
        batch.drop_constraint("uq_customer_site_credit_code", type_="unique")
        batch.create_unique_constraint("uq_customer_credit_code", ["credit_code"])
        for column, name in CUSTOMER_UNIQUE:
            batch.drop_constraint(name, type_="unique")
            batch.create_unique_constraint(f"uq_customer_{column}", [column])
    for table in RECORD_TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_index(f"ix_{table}_sync_at")
            batch.drop_column("sync_at")
            batch.drop_column("sync_vv")
