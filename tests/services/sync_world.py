"""Sites that work offline and exchange sync packages, for the sync tests.

Every site starts as a copy of the same small demo company (head office set up the
program and copied it to the branches, as a rollout does), with its own site code.
Each then works on its own through the services and exchanges package files.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select

from reqdesk.db import Database, open_database
from reqdesk.models import (
    AuditEntry,
    Customer,
    RelationshipLogEntry,
    RemoteAuditEntry,
    Requirement,
    SyncTombstone,
    User,
)
from reqdesk.models.enums import ContactChannel, Stage
from reqdesk.services import settings
from reqdesk.services.context import Context
from reqdesk.services.customers.files import create_customer, get_customer, update_customer
from reqdesk.services.customers.forms import CustomerInput
from reqdesk.services.customers.sections import LogInput, delete_log_entry, save_log_entry
from reqdesk.services.requirements.workflow import change_stage
from reqdesk.services.sync.exporting import collect, export_package
from reqdesk.services.sync.importing import ImportSummary, import_package
from reqdesk.services.sync.tables import AUDIT, TOMBSTONE
from tests.conftest import copy_db
from tests.services.workflow_inputs import Clock, Company

_files = itertools.count(1)
_names = itertools.count(1)


@dataclass
class Site:
    code: str
    company: Company
    out: Path
    log_entries: list[tuple[str, str]] = field(default_factory=list)  # (customer, entry) uuids

    @classmethod
    def copied(cls, template: Path, folder: Path, code: str) -> Site:
        folder.mkdir(parents=True, exist_ok=True)
        database = open_database(copy_db(template, folder / f"{code}.db"))
        base = Context(database, code)
        with base.unit_of_work() as uow:
            settings.write_setting(uow.session, settings.Key.SITE_CODE, code)
            uow.commit()
        return cls(code, Company(database, base, Clock()), folder)

    @property
    def db(self) -> Database:
        return self.company.db

    def as_(self, username: str) -> Context:
        return self.company.as_(username)

    # --- work --------------------------------------------------------------------

    def new_customer(self, name: str | None = None) -> str:
        name = name or f"{self.code}同步测试机械有限公司{next(_names)}"
        customer_id = create_customer(self.as_("zhuguan"), CustomerInput(name=name))
        return self.uuid_of(Customer, customer_id)

    def edit_customer(self, uuid: str, address: str) -> None:
        customer_id = self.id_of(Customer, uuid)
        ctx = self.as_("zhuguan")
        file = get_customer(ctx, customer_id)
        update_customer(ctx, customer_id, CustomerInput(name=file.name, address=address))

    def register(self, customer_uuid: str | None = None, title: str = "同步测试需求") -> str:
        customer_id = self.id_of(Customer, customer_uuid) if customer_uuid else 1
        requirement_id = self.company.register(customer_id=customer_id, title=title)
        return self.uuid_of(Requirement, requirement_id)

    def dispatch(self, requirement_uuid: str) -> None:
        self.company.dispatch(self.id_of(Requirement, requirement_uuid))

    def advance(self, requirement_uuid: str) -> None:
        requirement_id = self.id_of(Requirement, requirement_uuid)
        if self.company.stage(requirement_id) is Stage.DISPATCHED:
            change_stage(self.as_("kefu"), requirement_id, Stage.IN_PROGRESS)

    def log_contact(self, customer_uuid: str, summary: str) -> None:
        customer_id = self.id_of(Customer, customer_uuid)
        entry = LogInput(date(2026, 11, 19), "周工", ContactChannel.CALL, summary)
        entry_id = save_log_entry(self.as_("zhuguan"), customer_id, entry)
        self.log_entries.append((customer_uuid, self.uuid_of(RelationshipLogEntry, entry_id)))

    def delete_contact_log(self) -> None:
        while self.log_entries:
            customer_uuid, entry_uuid = self.log_entries.pop()
            entry_id = self.maybe_id(RelationshipLogEntry, entry_uuid)
            if entry_id is not None:
                customer_id = self.id_of(Customer, customer_uuid)
                delete_log_entry(self.as_("zhuguan"), customer_id, entry_id)
                return

    def signed_review(self) -> int:
        """A review opened, signed by Sales and concluded here."""
        from tests.services.permission_world import World, accepted

        return accepted(World(self.db, self.company.base, self.company.clock, self.out))

    # --- exchange ----------------------------------------------------------------

    def export_to(self, peer: str | None) -> Path:
        path = self.out / f"{self.code}-to-{peer or 'ALL'}-{next(_files)}.reqsync"
        export_package(self.as_("zhuguan"), path, peer)
        return path

    def import_(self, path: Path) -> ImportSummary:
        return import_package(self.as_("zhuguan"), path)

    # --- looking -----------------------------------------------------------------

    def maybe_id(self, model: Any, uuid: str) -> int | None:
        with self.company.base.reading() as session:
            return session.scalar(select(model.id).where(model.uuid == uuid))  # type: ignore[no-any-return]

    def id_of(self, model: Any, uuid: str) -> int:
        found = self.maybe_id(model, uuid)
        assert found is not None, f"{model.__name__} {uuid} is not at {self.code}"
        return found

    def uuid_of(self, model: Any, id_: int) -> str:
        with self.company.base.reading() as session:
            return str(session.scalar(select(model.uuid).where(model.id == id_)))

    def customer_uuids(self) -> list[str]:
        with self.company.base.reading() as session:
            return list(session.scalars(select(Customer.uuid).order_by(Customer.id)))

    def customer_address(self, uuid: str) -> str:
        with self.company.base.reading() as session:
            return str(session.scalar(select(Customer.address).where(Customer.uuid == uuid)))

    def snapshot(self) -> dict[str, Any]:
        """Every business record as a package would carry it (foreign keys as uuids), the
        deletions, the audit entries from every site, and the people by uuid."""
        with self.company.base.reading() as session:
            records, _reached, _upto = collect(session, None)
            # exchanging writes audit entries of its own; the last ones stay where written
            own = set(
                session.scalars(
                    select(AuditEntry.uuid).where(AuditEntry.entity_type != "sync_package")
                )
            )
            remote = set(
                session.scalars(
                    select(RemoteAuditEntry.uuid).where(
                        RemoteAuditEntry.entity_type != "sync_package"
                    )
                )
            )
            tombstones = set(session.scalars(select(SyncTombstone.uuid)))
            users = set(session.scalars(select(User.uuid)))
        business = {
            (r.table, r.uuid): (r.site_code, r.updated_at, r.vv, r.data)
            for r in records
            if r.table not in (AUDIT, TOMBSTONE, "department", "app_user")
        }
        return {
            "records": business,
            "audit": own | remote,
            "tombstones": tombstones,
            "users": users,
        }
