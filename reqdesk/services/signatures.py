"""The content hash sealing a sign-off: any change to a signed field changes it."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from typing import Any


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
    items_digest: str = "",
) -> str:
    """SHA-256 over every signed field and the digest of the review items signed.

    The round joins only from round 2 on, and the items digest only when given, so
    that sign-offs sealed before rounds existed keep their hash.
    """
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
    if items_digest:
        parts.append(f"items={items_digest}")
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def sealed_hash_of(sign_off: Any, review_uuid: str, items_digest: str = "") -> str:
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
        items_digest=items_digest,
    )
