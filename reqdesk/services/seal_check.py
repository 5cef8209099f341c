"""``reqdesk check`` on review signatures: every seal, its audit entry, the items signed,
and the database guards that refuse changes.

A sign-off's seal (``content_hash``) covers its fields and the digest of the review items
of its round. Recomputing a seal after an edit is not enough to pass: the seal must also
match the one the hash-chained audit log recorded when it was signed (or, for demo data,
the digest of all demo seals in the demo's audit entry).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from reqdesk.models import (
    AuditEntry,
    RemoteAuditEntry,
    Review,
    ReviewAmendment,
    ReviewRound,
    SignOff,
)
from reqdesk.models.enums import AmendmentKind
from reqdesk.services.audit import Action
from reqdesk.services.reviews.items import (
    ReviewItems,
    items_digest,
    items_from_json,
    items_of,
)
from reqdesk.services.settings import Key, read_setting
from reqdesk.services.signatures import sealed_hash_of

SQLITE_GUARDS: dict[str, tuple[str, ...]] = {
    "sign_off": ("sign_off_no_update", "sign_off_no_delete"),
    "review_round": ("review_round_no_update", "review_round_no_delete"),
}
POSTGRES_GUARDS: dict[str, tuple[str, ...]] = {
    "sign_off": ("sign_off_immutable",),
    "review_round": ("review_round_immutable",),
}


def demo_coverage(session: Session) -> dict[str, Any]:
    """For the demo's audit entry: the highest sign-off id and a digest of all seals."""
    rows = session.execute(select(SignOff.id, SignOff.content_hash).order_by(SignOff.id)).all()
    return {"upto": rows[-1][0] if rows else 0, "digest": _digest(rows)}


def _digest(rows: Any) -> str:
    text_ = "\n".join(f"{row_id}:{seal}" for row_id, seal in rows)
    return hashlib.sha256(text_.encode("ascii")).hexdigest()


def _audited_seals(session: Session) -> tuple[dict[int, str], list[dict[str, Any]]]:
    audited: dict[int, str] = {}
    demos: list[dict[str, Any]] = []
    entries = session.execute(
        select(AuditEntry.action, AuditEntry.entity_id, AuditEntry.details).where(
            (AuditEntry.action == Action.DEMO)
            | ((AuditEntry.action == Action.SIGN) & (AuditEntry.entity_type == "sign_off"))
        )
    )
    for action, entity_id, details in entries:
        data = json.loads(details or "{}")
        if action == Action.SIGN and entity_id is not None:
            audited[entity_id] = str(data.get("content_hash", ""))
        elif "sign_offs" in data:
            demos.append(data["sign_offs"])
    return audited, demos


def seal_problems(session: Session) -> Iterator[str]:
    """One line per sign-off, round or guard that is not as it was signed."""
    reviews = {rid: uuid for rid, uuid in session.execute(select(Review.id, Review.uuid))}
    rounds = {
        (r.review_id, r.round): items_from_json(r.items)
        for r in session.scalars(select(ReviewRound))
    }
    audited, demos = _audited_seals(session)
    unaudited: list[tuple[int, str]] = []
    present: set[int] = set()
    here = read_setting(session, Key.SITE_CODE)
    foreign: list[SignOff] = []
    for s in session.scalars(select(SignOff).order_by(SignOff.id)):
        if here and s.site_code != here:
            foreign.append(s)  # sealed with that site's ids; checked against its audit log
            continue
        present.add(s.id)
        items = rounds.get((s.review_id, s.round))
        digest = items_digest(items) if items is not None else ""
        if sealed_hash_of(s, reviews.get(s.review_id, ""), digest) != s.content_hash:
            yield (
                f"sign-off #{s.id} (review id {s.review_id}) was altered after signing, or the "
                f"review items of its round {s.round} were: its seal does not match"
            )
        if s.id in audited:
            if audited[s.id] != s.content_hash:
                yield f"sign-off #{s.id} does not carry the seal its audit entry recorded"
        else:
            unaudited.append((s.id, s.content_hash))
    yield from _unaudited_problems(unaudited, demos)
    yield from _foreign_problems(session, foreign)
    for sign_off_id in sorted(set(audited) - present):
        yield f"sign-off #{sign_off_id} recorded in the audit log is missing from the database"
    yield from _items_problems(session, rounds)
    yield from _guard_problems(session)


def _foreign_problems(session: Session, sign_offs: list[SignOff]) -> Iterator[str]:
    """Another site's sign-off must carry the seal that site's audit entry recorded
    (once that entry has arrived; its own hash is checked with the other entries)."""
    recorded: dict[str, str] = {}
    query = select(RemoteAuditEntry.entity_uuid, RemoteAuditEntry.details).where(
        (RemoteAuditEntry.action == Action.SIGN) & (RemoteAuditEntry.entity_type == "sign_off")
    )
    for entity_uuid, details in session.execute(query):
        recorded[entity_uuid] = str(json.loads(details or "{}").get("content_hash", ""))
    for s in sign_offs:
        if s.uuid in recorded and recorded[s.uuid] != s.content_hash:
            yield (
                f"sign-off #{s.id} from site {s.site_code} does not carry the seal that "
                "site's audit entry recorded"
            )


def _unaudited_problems(
    unaudited: list[tuple[int, str]], demos: list[dict[str, Any]]
) -> Iterator[str]:
    covered: set[int] = set()
    for demo in demos:
        upto = int(demo.get("upto", 0))
        rows = [(i, h) for i, h in unaudited if i <= upto]
        if _digest(rows) != demo.get("digest"):
            yield "sign-offs written with the demo data were altered, added or removed"
        covered |= {i for i, _ in rows}
    for sign_off_id, _seal in unaudited:
        if sign_off_id not in covered:
            yield f"sign-off #{sign_off_id} has no audit entry: it was not signed in reqdesk"


def _items_problems(session: Session, rounds: dict[tuple[int, int], ReviewItems]) -> Iterator[str]:
    """A review's items are its last round's, changed only by recorded time/quantity changes."""
    changes: dict[int, list[dict[str, list[str]]]] = {}
    for review_id, kind, data in session.execute(
        select(ReviewAmendment.review_id, ReviewAmendment.kind, ReviewAmendment.changes).order_by(
            ReviewAmendment.id
        )
    ):
        if kind == AmendmentKind.TIME_QUANTITY:
            changes.setdefault(review_id, []).append(json.loads(data or "{}"))
    for review in session.scalars(select(Review)):
        signed = rounds.get((review.id, review.round))
        if signed is None:
            yield f"review {review.number} has no record of the items of round {review.round}"
            continue
        expected = items_digest(_apply(signed, changes.get(review.id, [])))
        if expected != items_digest(items_of(review)):
            yield (
                f"review {review.number}: its items differ from those signed in round "
                f"{review.round} and from the recorded amendments"
            )


def _apply(items: ReviewItems, amendments: list[dict[str, list[str]]]) -> ReviewItems:
    for change in amendments:
        values: dict[str, Any] = {}
        if "delivery_date" in change:
            values["delivery_date"] = date.fromisoformat(change["delivery_date"][1])
        if "quantity" in change:
            values["quantity"] = Decimal(change["quantity"][1])
        items = replace(items, **values)
    return items


def _guard_problems(session: Session) -> Iterator[str]:
    if session.get_bind().dialect.name == "sqlite":
        bodies: dict[str, str] = {
            name: sql
            for name, sql in session.execute(
                text("SELECT name, sql FROM sqlite_master WHERE type='trigger'")
            )
        }
        for table, names in SQLITE_GUARDS.items():
            for name in names:
                if "RAISE(ABORT" not in str(bodies.get(name, "")).upper().replace(" ", ""):
                    yield f"the database guard {name} on {table} is missing or does nothing"
        return
    rows = session.execute(
        text(
            "SELECT t.tgname, t.tgenabled, p.prosrc FROM pg_trigger t "
            "JOIN pg_proc p ON p.oid = t.tgfoid WHERE NOT t.tgisinternal"
        )
    ).all()
    found = {name: (enabled, source) for name, enabled, source in rows}
    for table, names in POSTGRES_GUARDS.items():
        for name in names:
            enabled, source = found.get(name, ("", ""))
            if enabled != "O" or "RAISE EXCEPTION" not in str(source).upper():
                yield f"the database guard {name} on {table} is missing, disabled or does nothing"
