"""``reqdesk sync import``: apply another site's package, all of it or nothing."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from reqdesk.models import SyncPeer
from reqdesk.models.base import utc_now
from reqdesk.services.audit import Action
from reqdesk.services.context import Context
from reqdesk.services.permissions import Permission, require
from reqdesk.services.sync import reference
from reqdesk.services.sync import tables as T
from reqdesk.services.sync.applying import Applier, Counts, Unreadable
from reqdesk.services.sync.package import Manifest, PackageRefused, SyncRecord, read_package
from reqdesk.textmarks import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class ImportSummary:
    source_site: str
    sequence: int
    new: int
    updated: int
    conflicts: int
    skipped: int  # already here, older, or deleted here
    deleted: int
    by_table: dict[str, Counts]
    audit_entries: int
    people: int  # departments and users of the other site met for the first time
    problems: tuple[str, ...]


def preview_package(ctx: Context, path: Path) -> Manifest:
    """The manifest of a package, checked whole, before anything is applied."""
    require(ctx.actor, Permission.SYNC)
    manifest, _records = read_package(path)
    _check_addressed(ctx, manifest, path)
    return manifest


def import_package(ctx: Context, path: Path) -> ImportSummary:
    require(ctx.actor, Permission.SYNC)
    manifest, records = read_package(path)
    _check_addressed(ctx, manifest, path)
    by_table: dict[str, list[SyncRecord]] = defaultdict(list)
    for record in records:
        if record.table not in T.PACKAGE_TABLES:
            raise _damaged(path)
        by_table[record.table].append(record)
    now = utc_now()
    with ctx.unit_of_work() as uow:
        applier = Applier(uow.session, ctx.site_code, manifest.source_site, now)
        try:
            people = reference.add_departments(uow.session, by_table[T.DEPARTMENT], now)
            people += reference.add_users(uow.session, by_table[T.USER], now)
            deleted = reference.apply_tombstones(uow.session, by_table[T.TOMBSTONE], now)
            applier.skip = reference.tombstoned(uow.session, {r.uuid for r in records})
            for name in T.RECORD_TABLES:
                applier.apply_table(name, by_table[name])
            added, altered = reference.add_audit_entries(
                uow.session, by_table[T.AUDIT], ctx.site_code, now
            )
        except (Unreadable, KeyError, TypeError, ValueError):
            raise _damaged(path) from None
        except IntegrityError as exc:
            raise _clash(path, exc) from None
        if altered:
            applier.problems.append(f"{altered} audit entries did not match their hash; left out")
        summary = _summary(manifest, applier, deleted, added, people)
        _note_import(uow.session, manifest, now)
        uow.audit(
            Action.IMPORT,
            entity_type="sync_package",
            details={
                "from": manifest.source_site,
                "sequence": manifest.sequence,
                "file": path.name,
                "new": summary.new,
                "updated": summary.updated,
                "conflicts": summary.conflicts,
                "skipped": summary.skipped,
                "deleted": summary.deleted,
            },
        )
        uow.commit()
    return summary


def _check_addressed(ctx: Context, manifest: Manifest, path: Path) -> None:
    if manifest.source_site == ctx.site_code:
        raise PackageRefused(
            QT_TRANSLATE_NOOP(
                "Errors",
                "{file} was written by this site ({site}); import it at the other site.",
            ),
            file=path.name,
            site=ctx.site_code,
        )
    if manifest.target_site and manifest.target_site != ctx.site_code:
        raise PackageRefused(
            QT_TRANSLATE_NOOP(
                "Errors",
                "{file} is meant for site {target}, and this is site {site}. Nothing was changed.",
            ),
            file=path.name,
            target=manifest.target_site,
            site=ctx.site_code,
        )


def _damaged(path: Path) -> PackageRefused:
    return PackageRefused(
        QT_TRANSLATE_NOOP(
            "Errors",
            "{file} holds records this program cannot read. Nothing was changed; ask the "
            "other site to send it again.",
        ),
        file=path.name,
    )


def _clash(path: Path, exc: IntegrityError) -> PackageRefused:
    """A record that breaks a rule of this database (e.g. a second return visit of one
    requirement, added at two sites before they exchanged): the package is not applied."""
    return PackageRefused(
        QT_TRANSLATE_NOOP(
            "Errors",
            "{file} could not be applied: one of its records clashes with a record here "
            "({detail}). Nothing was changed; keep the file and tell whoever looks after "
            "reqdesk.",
        ),
        file=path.name,
        detail=str(exc.orig).splitlines()[0][:160],
    )


def _summary(
    manifest: Manifest, applier: Applier, deleted: int, audit_entries: int, people: int
) -> ImportSummary:
    counts = {name: applier.counts[name] for name in T.RECORD_TABLES if name in applier.counts}
    return ImportSummary(
        source_site=manifest.source_site,
        sequence=manifest.sequence,
        new=sum(c.new for c in counts.values()),
        updated=sum(c.updated for c in counts.values()),
        conflicts=sum(c.conflicts for c in counts.values()),
        skipped=sum(c.skipped for c in counts.values()),
        deleted=deleted,
        by_table=counts,
        audit_entries=audit_entries,
        people=people,
        problems=tuple(applier.problems),
    )


def _note_import(session: Session, manifest: Manifest, now: datetime) -> None:
    peer = session.get(SyncPeer, manifest.source_site, with_for_update=True)
    if peer is None:
        peer = SyncPeer(site_code=manifest.source_site, exports=0, imports=0, audit_upto=0)
        session.add(peer)
    peer.imports += 1
    peer.last_import_at = now
    peer.last_import_sequence = max(peer.last_import_sequence or 0, manifest.sequence)
