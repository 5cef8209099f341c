"""The content hash sealing a sign-off: any change to a signed field changes it."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session


def sign_off_hash(
    *,
    uuid: str,
    review_uuid: str,
    kind: str,
    department_id: int | None,
    signer_id: int,
    decision: str,
    comment: str,
    conditions: str,
    meaning: str,
    signed_at: datetime,
    supersedes_id: int | None,
    supersede_reason: str,
    round: int = 1,
) -> str:
    """SHA-256 over every signed field. The round joins only from round 2 on, so that
    sign-offs sealed before rounds existed keep their hash."""
    parts = [
        uuid,
        review_uuid,
        kind,
        "" if department_id is None else str(department_id),
        str(signer_id),
        decision,
        comment,
        conditions,
        meaning,
        signed_at.astimezone(UTC).isoformat(),
        "" if supersedes_id is None else str(supersedes_id),
        supersede_reason,
    ]
    if round != 1:
        parts.append(f"round={round}")
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def sealed_hash_of(sign_off: Any, review_uuid: str) -> str:
    """The seal a stored sign-off should carry (any object with SignOff's attributes)."""
    return sign_off_hash(
        uuid=sign_off.uuid,
        review_uuid=review_uuid,
        kind=str(sign_off.kind.value if hasattr(sign_off.kind, "value") else sign_off.kind),
        department_id=sign_off.department_id,
        signer_id=sign_off.signer_id,
        decision=str(
            sign_off.decision.value if hasattr(sign_off.decision, "value") else sign_off.decision
        ),
        comment=sign_off.comment,
        conditions=sign_off.conditions,
        meaning=sign_off.meaning,
        signed_at=sign_off.signed_at,
        supersedes_id=sign_off.supersedes_id,
        supersede_reason=sign_off.supersede_reason,
        round=sign_off.round,
    )


SQLITE_GUARDS = ("sign_off_no_update", "sign_off_no_delete")
POSTGRES_GUARDS = ("sign_off_immutable",)


def seal_problems(session: Session) -> Iterator[str]:
    """Each sign-off whose seal no longer matches its fields, and missing guards."""
    from reqdesk.models import Review, SignOff

    reviews = {rid: uuid for rid, uuid in session.execute(select(Review.id, Review.uuid))}
    for sign_off in session.scalars(select(SignOff).order_by(SignOff.id)):
        expected = sealed_hash_of(sign_off, reviews.get(sign_off.review_id, ""))
        if expected != sign_off.content_hash:
            yield (
                f"sign-off #{sign_off.id} (review id {sign_off.review_id}) was altered after "
                "signing: its seal does not match"
            )
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        names = set(
            session.scalars(
                text("SELECT name FROM sqlite_master WHERE type='trigger' AND tbl_name='sign_off'")
            )
        )
        expected_guards: tuple[str, ...] = SQLITE_GUARDS
    else:
        names = set(
            session.scalars(
                text(
                    "SELECT tgname FROM pg_trigger WHERE tgrelid = 'sign_off'::regclass "
                    "AND NOT tgisinternal"
                )
            )
        )
        expected_guards = POSTGRES_GUARDS
    for name in expected_guards:
        if name not in names:
            yield f"the database guard {name} on sign_off is missing: sign-offs can be changed"
