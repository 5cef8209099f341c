"""A small demo company with no requirements yet, a clock that moves, and its people.

The ledger tests count every row, so they start from a database that holds the demo
users, departments and three customers but no requirement at all.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from reqdesk.db import Database, open_database
from reqdesk.models import AuditEntry, Department, Requirement, RequirementEvent, User
from reqdesk.models.enums import Stage, Urgency
from reqdesk.services import auth
from reqdesk.services.context import Actor, Context
from reqdesk.services.demo import DEMO_PASSWORD, generate_demo
from reqdesk.services.requirements.registration import dispatch_requirement, register_requirement
from reqdesk.services.setup import open_context
from tests.conftest import DEMO_AS_OF
from tests.services.registration_inputs import NOW, form

_ACTORS: dict[str, Actor] = {}  # the same in every copy of the template


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, start: datetime = NOW) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now


def empty_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo company without requirements, built once per test session."""
    path = tmp_path_factory.getbasetemp() / "workflow-template" / "empty.db"
    if not path.exists():
        path.parent.mkdir(exist_ok=True)
        database = open_database(path)
        generate_demo(database, customers=3, requirements=0, seed=3, as_of=DEMO_AS_OF)
        database.dispose()
    return path


@dataclass
class Company:
    """A private copy of the template, with a movable clock shared by everyone's context."""

    db: Database
    base: Context
    clock: Clock = field(default_factory=Clock)

    def as_(self, username: str) -> Context:
        if username not in _ACTORS:
            _ACTORS[username] = auth.login(self.base, username, DEMO_PASSWORD)
        return Context(self.db, self.base.site_code, _ACTORS[username], self.clock)

    def department(self, code: str) -> int:
        with self.base.reading() as session:
            value = session.scalar(select(Department.id).where(Department.code == code))
        assert value is not None
        return value

    def user(self, username: str) -> int:
        with self.base.reading() as session:
            value = session.scalar(select(User.id).where(User.username == username))
        assert value is not None
        return value

    def register(self, **overrides: Any) -> int:
        """A requirement registered by the service desk now (GENERAL unless told)."""
        values: dict[str, Any] = {"urgency": Urgency.GENERAL, **overrides}
        return register_requirement(self.as_("kefu"), form(**values)).id

    def dispatch(self, requirement_id: int, code: str = "SALES", assignee: str = "") -> None:
        assignee_id = self.user(assignee) if assignee else None
        dispatch_requirement(self.as_("kefu"), requirement_id, self.department(code), assignee_id)

    def requirement(self, requirement_id: int) -> Requirement:
        with self.base.reading() as session:
            requirement = session.get(Requirement, requirement_id)
        assert requirement is not None
        return requirement

    def stage(self, requirement_id: int) -> Stage:
        return self.requirement(requirement_id).stage

    def stages(self) -> dict[int, Stage]:
        with self.base.reading() as session:
            return dict(session.execute(select(Requirement.id, Requirement.stage)).tuples().all())

    def events(self, requirement_id: int) -> list[RequirementEvent]:
        with self.base.reading() as session:
            return list(
                session.scalars(
                    select(RequirementEvent)
                    .where(RequirementEvent.requirement_id == requirement_id)
                    .order_by(RequirementEvent.at, RequirementEvent.id)
                )
            )

    def all_events(self) -> list[RequirementEvent]:
        """Every requirement's events in the order they happened."""
        with self.base.reading() as session:
            return list(
                session.scalars(
                    select(RequirementEvent).order_by(RequirementEvent.at, RequirementEvent.id)
                )
            )

    def audit_count(self) -> int:
        with self.base.reading() as session:
            return int(session.scalar(select(func.count(AuditEntry.id))) or 0)

    def last_audit(self) -> AuditEntry:
        with self.base.reading() as session:
            entry = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
        assert entry is not None
        return entry


@contextmanager
def opened_company(template: Path, folder: Path, start: datetime = NOW) -> Iterator[Company]:
    """A fresh copy of the template in ``folder``, open for the length of the block."""
    path = folder / "company.db"
    shutil.copyfile(template, path)
    db = open_database(path)
    try:
        yield Company(db, open_context(db), Clock(start))
    finally:
        db.dispose()
