"""Where a round of signing stands, from its sign-offs alone (no database, no clock)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import StrEnum

from reqdesk.models.enums import Decision


class Outcome(StrEnum):
    WAITING = "waiting"  # someone has not signed yet
    READY = "ready"  # everyone can meet (some with conditions): Sales concludes "accept"
    NEGOTIATE = "negotiate"  # someone cannot meet: Sales negotiates, revises or hands to the GM


def outcome(
    required: Iterable[int],
    decisions: Mapping[int, Decision],
    *,
    gm_required: bool = False,
    gm_decision: Decision | None = None,
) -> Outcome:
    """``required``: the departments routed; ``decisions``: their effective decisions.

    Every required department (and, in a meeting review, the general manager) must
    have signed; then any "cannot meet" means negotiation, otherwise the review is
    ready to be accepted.
    """
    needed = set(required)
    if not needed <= decisions.keys() or (gm_required and gm_decision is None):
        return Outcome.WAITING
    signed = [decisions[d] for d in needed]
    if gm_required and gm_decision is not None:
        signed.append(gm_decision)
    if Decision.CANNOT_MEET in signed:
        return Outcome.NEGOTIATE
    return Outcome.READY
