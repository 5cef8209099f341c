"""The content hash sealing a sign-off: any change to a signed field changes it."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime


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
) -> str:
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
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
