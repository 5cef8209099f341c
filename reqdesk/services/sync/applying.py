"""Apply another site's records here, inside the import's one transaction.

Records are matched by ``uuid``. A record not here is added; one here is compared by
version (``merging``): a newer one replaces it, an older or identical one is skipped, and
one changed at both sites is settled by the rule and listed as a conflict. Events and
sign-offs are never changed once written, so they are only ever added.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import RowMapping, Table, insert, or_, select, update
from sqlalchemy.orm import Session

from reqdesk.models import Base, Customer, SyncConflict
from reqdesk.services.sync import merging
from reqdesk.services.sync import tables as T
from reqdesk.services.sync.merging import Outcome, Version
from reqdesk.services.sync.package import SyncRecord
from reqdesk.services.sync.tracking import dump_vector, parse_vector

APPEND_ONLY = frozenset({"requirement_event", "sign_off"})
CHUNK = 500
CHANGED_TWICE = "changed_twice"
FILED_TWICE = "filed_twice"


class Unreadable(ValueError):
    """A record whose values cannot be what this program wrote."""


class Waiting(Exception):
    """A record points to another of the same table not added yet."""


class MissingParent(Exception):
    """A record points to one that is neither here nor in the package (deleted here)."""


@dataclass
class Counts:
    new: int = 0
    updated: int = 0
    conflicts: int = 0
    skipped: int = 0


@dataclass
class Applier:
    session: Session
    local_site: str
    source_site: str
    now: datetime
    counts: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    problems: list[str] = field(default_factory=list)
    _ids: dict[str, dict[str, int]] = field(default_factory=lambda: defaultdict(dict))
    skip: set[str] = field(default_factory=set)  # tombstoned uuids

    # --- keys and ids ----------------------------------------------------------------

    def _key_column(self, target: str) -> Any:
        table = _table(target)
        return table.c.code if target == T.DEPARTMENT else table.c.uuid

    def preload(self, target: str, keys: set[str]) -> None:
        missing = sorted(k for k in keys if k not in self._ids[target])
        table, key = _table(target), self._key_column(target)
        for start in range(0, len(missing), CHUNK):
            chunk = missing[start : start + CHUNK]
            for found, id_ in self.session.execute(select(key, table.c.id).where(key.in_(chunk))):
                self._ids[target][found] = id_

    def id_of(self, target: str, key: str) -> int | None:
        if key not in self._ids[target]:
            self.preload(target, {key})
        return self._ids[target].get(key)

    def key_of(self, target: str, id_: int) -> str:
        table = _table(target)
        return str(self.session.scalar(select(self._key_column(target)).where(table.c.id == id_)))

    # --- records ---------------------------------------------------------------------

    def apply_table(self, name: str, records: list[SyncRecord]) -> None:
        table = T.RECORD_TABLES[name]
        refs = {ref.column: ref.target for ref in T.references(table)}
        for column, target in refs.items():
            self.preload(target, {str(r.data[column]) for r in records if r.data.get(column)})
        local = self._local_rows(table, [r.uuid for r in records])
        fresh, changed = [], []
        for record in records:
            if record.uuid in self.skip:
                self.counts[name].skipped += 1
            elif record.uuid not in local:
                fresh.append(record)
            elif name in APPEND_ONLY:
                self.counts[name].skipped += 1
            else:
                changed.append(record)
        self._insert(table, refs, fresh)
        for record in changed:
            self._merge(table, refs, local[record.uuid], record)

    def _local_rows(self, table: Table, uuids: list[str]) -> dict[str, RowMapping]:
        rows: dict[str, RowMapping] = {}
        for start in range(0, len(uuids), CHUNK):
            chunk = uuids[start : start + CHUNK]
            query = select(table).where(table.c.uuid.in_(chunk))
            rows.update((row["uuid"], row) for row in self.session.execute(query).mappings())
        return rows

    def values(self, table: Table, refs: dict[str, str], record: SyncRecord) -> dict[str, Any]:
        """Column values for this database; raises Waiting or Unreadable."""
        values: dict[str, Any] = {}
        for column in T.data_columns(table):
            if column.name not in record.data:
                raise Unreadable(f"{table.name}.{column.name} missing")
            raw = record.data[column.name]
            if column.name in refs and raw is not None:
                found = self.id_of(refs[column.name], str(raw))
                if found is None:
                    if refs[column.name] == table.name:
                        raise Waiting(column.name)
                    raise MissingParent(f"{table.name} {record.uuid}: {column.name} {raw}")
                values[column.name] = found
            else:
                try:
                    values[column.name] = T.decode(column, raw)
                except (ValueError, TypeError) as exc:
                    raise Unreadable(f"{table.name}.{column.name}: {exc}") from exc
        values["updated_at"] = datetime.fromisoformat(record.updated_at)
        values["sync_at"] = self.now
        return values

    def _insert(self, table: Table, refs: dict[str, str], records: list[SyncRecord]) -> None:
        """Add new records, in rounds when some point to others added with them."""
        pending = records
        while pending:
            rows, waiting, added = [], [], []
            for record in pending:
                try:
                    values = self.values(table, refs, record)
                except Waiting:
                    waiting.append(record)
                    continue
                except MissingParent as exc:
                    self._missing(table.name, exc)
                    continue
                added.append(record)
                rows.append(
                    {
                        **values,
                        "uuid": record.uuid,
                        "site_code": record.site_code,
                        "sync_vv": dump_vector(record.vv),
                    }
                )
            if not rows and waiting:
                raise Unreadable(f"{table.name}: records point to each other in a circle")
            for start in range(0, len(rows), CHUNK):
                self.session.execute(insert(table), rows[start : start + CHUNK])
            self.preload(table.name, {row["uuid"] for row in rows})
            self.counts[table.name].new += len(rows)
            if table.name == Customer.__tablename__:
                self._note_filed_twice(added)
            pending = waiting

    def _merge(
        self, table: Table, refs: dict[str, str], local: RowMapping, record: SyncRecord
    ) -> None:
        counts = self.counts[table.name]
        local_vector = parse_vector(local["sync_vv"])
        outcome = merging.compare(local_vector, record.vv)
        if outcome in (Outcome.SAME, Outcome.LOCAL):
            counts.skipped += 1
            return
        where = table.c.uuid == record.uuid
        try:
            values = self.values(table, refs, record)
        except (MissingParent, Waiting) as exc:
            self._missing(table.name, exc)
            return
        if outcome is Outcome.INCOMING:
            self.session.execute(
                update(table).where(where).values(sync_vv=dump_vector(record.vv), **values)
            )
            if _same_content(table, local, values):
                counts.skipped += 1  # a settled conflict coming back: only its version moved
            else:
                counts.updated += 1
            return
        mine = self.local_version(table, refs, local)
        theirs = Version(record.vv, record.updated_at, record.data)
        vector = dump_vector(merging.merged_vector(local_vector, record.vv))
        if merging.incoming_wins(mine, theirs, record.site_code):
            self.session.execute(update(table).where(where).values(sync_vv=vector, **values))
            self._conflict(table.name, record, (self.source_site, theirs), (self.local_site, mine))
        else:
            stamps = {"sync_vv": vector, "sync_at": self.now}
            self.session.execute(update(table).where(where).values(**stamps))
            self._conflict(table.name, record, (self.local_site, mine), (self.source_site, theirs))
        counts.conflicts += 1

    def _missing(self, table_name: str, exc: Exception) -> None:
        self.counts[table_name].skipped += 1
        self.problems.append(f"{exc} (deleted here or not sent)")

    def local_version(self, table: Table, refs: dict[str, str], row: RowMapping) -> Version:
        data = {}
        for column in T.data_columns(table):
            value = row[column.name]
            if column.name in refs and value is not None:
                value = self.key_of(refs[column.name], value)
            data[column.name] = T.encode(value)
        return Version(parse_vector(row["sync_vv"]), T.encode(row["updated_at"]), data)

    # --- the conflict list -----------------------------------------------------------

    def _conflict(
        self,
        table_name: str,
        record: SyncRecord,
        kept: tuple[str, Version],
        other: tuple[str, Version],
        reason: str = CHANGED_TWICE,
    ) -> None:
        self.session.add(
            SyncConflict(
                table_name=table_name,
                record_uuid=record.uuid,
                label=_label(kept[1].data)[:200],
                reason=reason,
                home_site=record.site_code,
                peer_site=self.source_site,
                detected_at=self.now,
                kept_from=kept[0],
                kept=_version_json(kept[1]),
                other_from=other[0],
                other=_version_json(other[1]),
                review_note="",
            )
        )

    def _note_filed_twice(self, records: list[SyncRecord]) -> None:
        """A customer added here whose name or credit code another site's file has."""
        table = T.RECORD_TABLES[Customer.__tablename__]
        refs = {ref.column: ref.target for ref in T.references(table)}
        for record in records:
            same = [Customer.name_key == record.data.get("name_key")]
            if record.data.get("credit_code"):
                same.append(Customer.credit_code == record.data["credit_code"])
            query = select(table).where(or_(*same), table.c.uuid != record.uuid)
            twin = self.session.execute(query.limit(1)).mappings().first()
            if twin is None:
                continue
            theirs = Version(record.vv, record.updated_at, record.data)
            self.counts[table.name].conflicts += 1
            self._conflict(
                table.name,
                record,
                (record.site_code, theirs),
                (twin["site_code"], self.local_version(table, refs, twin)),
                FILED_TWICE,
            )


def _same_content(table: Table, local: RowMapping, values: dict[str, Any]) -> bool:
    return all(local[column.name] == values[column.name] for column in T.data_columns(table))


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


def _label(data: dict[str, Any]) -> str:
    for key in ("number", "name", "code", "title", "contract_no", "summary", "content"):
        if data.get(key):
            return str(data[key])
    return ""


def _version_json(version: Version) -> str:
    return json.dumps(
        {"vector": version.vector, "updated_at": version.updated_at, "data": version.data},
        ensure_ascii=False,
        sort_keys=True,
    )
