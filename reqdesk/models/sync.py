"""Branch sync bookkeeping: peers, conflicts, deletions and other sites' audit entries."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from reqdesk.models.base import Base, Code, IntPk, UTCDateTime, Uuid


class SyncPeer(Base):
    """Another site this one exchanges packages with; ``""`` stands for "any site"."""

    __tablename__ = "sync_peer"

    site_code: Mapped[str] = mapped_column(String(32), primary_key=True)
    exported_until: Mapped[datetime | None]  # local change time covered by the last export
    audit_upto: Mapped[int] = mapped_column(default=0)  # this site's audit entries sent (id)
    exports: Mapped[int] = mapped_column(default=0)
    last_export_at: Mapped[datetime | None]
    imports: Mapped[int] = mapped_column(default=0)
    last_import_at: Mapped[datetime | None]
    last_import_sequence: Mapped[int | None]


class SyncConflict(Base):
    """A record changed at two sites since they last exchanged, or filed twice.

    ``kept`` is the version now in the database (chosen by the rule: the version with
    its home site's latest change wins, then the later change); ``other`` is the one
    set aside, as JSON, for the supervisor to review.
    """

    __tablename__ = "sync_conflict"

    id: Mapped[IntPk]
    table_name: Mapped[str] = mapped_column(String(40))
    record_uuid: Mapped[str] = mapped_column(String(36), index=True)
    label: Mapped[str] = mapped_column(String(200), default="")
    reason: Mapped[str] = mapped_column(String(24))  # "changed_twice" or "filed_twice"
    home_site: Mapped[Code]
    peer_site: Mapped[Code]  # the site whose package showed the conflict
    detected_at: Mapped[datetime]
    kept_from: Mapped[Code]
    kept: Mapped[str] = mapped_column(Text)
    other_from: Mapped[Code]
    other: Mapped[str] = mapped_column(Text)
    reviewed_at: Mapped[datetime | None]
    reviewed_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    review_note: Mapped[str] = mapped_column(Text, default="")


class SyncTombstone(Base):
    """A record deleted here or at another site; sync never brings it back."""

    __tablename__ = "sync_tombstone"

    uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    table_name: Mapped[str] = mapped_column(String(40))
    site_code: Mapped[Code]  # where it was deleted
    deleted_at: Mapped[datetime]
    sync_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)


class RemoteAuditEntry(Base):
    """Another site's audit entry, kept exactly as written there (its own hash chain)."""

    __tablename__ = "remote_audit_entry"

    id: Mapped[IntPk]
    uuid: Mapped[Uuid]
    at: Mapped[datetime]
    site_code: Mapped[Code] = mapped_column(index=True)
    user_id: Mapped[int | None]  # the other site's user id, as hashed there
    username: Mapped[str] = mapped_column(String(64), default="")
    action: Mapped[str] = mapped_column(String(32))
    entity_type: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int | None]
    entity_uuid: Mapped[str] = mapped_column(String(36), default="")
    details: Mapped[str] = mapped_column(Text, default="{}")
    prev_hash: Mapped[str] = mapped_column(String(64))
    entry_hash: Mapped[str] = mapped_column(String(64), unique=True)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
