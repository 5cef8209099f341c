"""需求整合: finding open requirements of the same customer that say much the same.

Chinese has no spaces between words, so texts are compared by their sets of
character pairs (bigrams): robust to word order and small rewordings.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from reqdesk.models import Requirement
from reqdesk.models.enums import OPEN_STAGES, Stage
from reqdesk.services.context import Context
from reqdesk.services.errors import ValidationError
from reqdesk.services.normalise import half_width
from reqdesk.services.permissions import Permission, require
from reqdesk.services.requirements import forms

THRESHOLD = 0.35
LIMIT = 5


@dataclass(frozen=True)
class DuplicateCandidate:
    id: int
    number: str
    title: str
    stage: Stage
    received_at: datetime
    similarity: float


def pairs(text: str) -> set[str]:
    """The character pairs of ``text`` without spaces and punctuation (case-folded)."""
    kept = "".join(
        ch
        for ch in half_width(text).casefold()
        if not unicodedata.category(ch).startswith(("P", "Z", "S", "C"))
    )
    if len(kept) < 2:
        return {kept} if kept else set()
    return {kept[i : i + 2] for i in range(len(kept) - 1)}


def similarity(a: set[str], b: set[str]) -> float:
    """Dice coefficient of two pair sets (0: nothing shared, 1: the same)."""
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


def find_duplicates(
    ctx: Context,
    *,
    customer_id: int | None,
    contact_phone: str = "",
    title: str,
    description: str = "",
    exclude_id: int | None = None,
) -> list[DuplicateCandidate]:
    """Open requirements of the same customer (or the same walk-in phone) that look alike."""
    require(ctx.actor, Permission.VIEW_LEDGER)
    phone = ""
    if customer_id is None:
        try:  # stored numbers are normalised: 138 1234 5678 finds 13812345678
            phone = forms.contact_phone(contact_phone)
        except ValidationError:
            return []  # no usable number: the form reports it when saving
        if not phone:
            return []
    query = select(
        Requirement.id,
        Requirement.number,
        Requirement.title,
        Requirement.description,
        Requirement.stage,
        Requirement.received_at,
    ).where(Requirement.stage.in_(OPEN_STAGES))
    if customer_id is not None:
        query = query.where(Requirement.customer_id == customer_id)
    else:
        query = query.where(Requirement.customer_id.is_(None), Requirement.contact_phone == phone)
    if exclude_id is not None:
        query = query.where(Requirement.id != exclude_id)
    new_title, new_all = pairs(title), pairs(f"{title} {description}")
    found = []
    with ctx.reading() as session:
        for row in session.execute(query):
            score = max(
                similarity(new_title, pairs(row.title)),
                similarity(new_all, pairs(f"{row.title} {row.description}")),
            )
            if score >= THRESHOLD:
                found.append(
                    DuplicateCandidate(
                        row.id, row.number, row.title, row.stage, row.received_at, round(score, 2)
                    )
                )
    found.sort(key=lambda c: c.similarity, reverse=True)
    return found[:LIMIT]
