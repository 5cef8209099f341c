"""Who acts, on which database, and the unit of work every service call runs in."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import datetime
from types import TracebackType
from typing import Any, TypeVar

from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from reqdesk.db import Database
from reqdesk.models.base import Base, utc_now
from reqdesk.models.enums import Role
from reqdesk.services.errors import ReqdeskError
from reqdesk.services.sync.tracking import SITE_KEY, install
from reqdesk.textmarks import QT_TRANSLATE_NOOP

install()

RecordT = TypeVar("RecordT", bound=Base)


class DatabaseBusy(ReqdeskError):
    """The write lock stayed taken (by another copy of reqdesk) past the busy timeout."""


@dataclass(frozen=True)
class Actor:
    """The signed-in user as services see them: plain values, no ORM object."""

    user_id: int
    username: str
    full_name: str
    roles: frozenset[Role]
    department_id: int | None = None

    def has_role(self, role: Role) -> bool:
        return role in self.roles


@dataclass(frozen=True)
class Context:
    """What a service call needs besides its arguments: database, site, actor and clock."""

    db: Database
    site_code: str
    actor: Actor | None = None
    clock: Callable[[], datetime] = field(default=utc_now)

    def as_actor(self, actor: Actor | None) -> Context:
        return replace(self, actor=actor)

    def unit_of_work(self) -> UnitOfWork:
        return UnitOfWork(self)

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A short read-only session (no write lock taken)."""
        session = self.db.read_sessions()
        try:
            yield session
        finally:
            session.close()  # ends the transaction; loaded objects stay readable


class UnitOfWork:
    """One user action = one transaction: ``with ctx.unit_of_work() as uow: ...; uow.commit()``.

    Leaving the block without ``commit()`` rolls everything back. Audit entries
    recorded with :meth:`audit` are chained and written in the same transaction.
    """

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.now = ctx.clock()
        self._session: Session | None = None
        self._pending_audit: list[Any] = []

    @property
    def session(self) -> Session:
        if self._session is None:
            raise RuntimeError("UnitOfWork used outside its with-block")
        return self._session

    def __enter__(self) -> UnitOfWork:
        self._session = self.ctx.db.write_sessions()
        self._session.info[SITE_KEY] = self.ctx.site_code
        self._pending_audit = []
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        session = self.session
        try:
            session.rollback()
        finally:
            session.close()
            self._session = None
        if isinstance(exc, OperationalError) and "database is locked" in str(exc):
            raise DatabaseBusy(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "Another copy of reqdesk is saving to the database and did not finish "
                    "within 10 seconds. Nothing was saved; please try again.",
                )
            ) from exc

    def add(self, record: RecordT) -> RecordT:
        """Add a new record, stamping the site that created it."""
        if hasattr(record, "site_code") and not getattr(record, "site_code", None):
            record.site_code = self.ctx.site_code
        self.session.add(record)
        return record

    def audit(
        self,
        action: str,
        entity: Base | None = None,
        details: dict[str, Any] | None = None,
        *,
        entity_type: str | None = None,
        entity_id: int | None = None,
        actor: Actor | None = None,
    ) -> None:
        """Record an audited action; the entity's id is read at commit, after the flush.

        ``actor`` defaults to the context's actor (sign-in records the user signing in).
        """
        from reqdesk.services.audit import PendingAudit

        self._pending_audit.append(
            PendingAudit(
                action=action,
                entity=entity,
                entity_type=entity_type,
                entity_id=entity_id,
                details=details or {},
                at=self.now,
                actor=actor or self.ctx.actor,
                site_code=self.ctx.site_code,
            )
        )

    def commit(self) -> None:
        from reqdesk.services.audit import append_entries

        session = self.session
        session.flush()
        if self._pending_audit:
            append_entries(session, self._pending_audit)
            self._pending_audit = []
        session.commit()
