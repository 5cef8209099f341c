"""The conflict rule, on its own: which of two versions of a record wins.

A version is a record's column values with its version vector (how many changes each
site has made to it) and its change time. Versions compare like this:

- the same vector: the same version, nothing to do;
- one vector at least as large everywhere: that version already contains the other's
  changes and simply replaces it (no conflict);
- otherwise the record was changed at two sites since they last exchanged. **The version
  holding more of the record's home site's changes wins; if that is a tie, the later
  change wins** (then, for an exact tie, the larger content digest). The merged vector is
  the larger count per site, so the losing version never comes back; it is kept in the
  conflict list for the supervisor.

Because the winner depends only on the two versions, every site that sees the same
versions keeps the same one, whatever order the packages came in.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import Any


class Outcome(Enum):
    SAME = "same"
    INCOMING = "incoming"  # newer: replaces the local version
    LOCAL = "local"  # older: the local version already holds it
    CONCURRENT = "concurrent"  # changed at two sites since they last exchanged


@dataclass(frozen=True)
class Version:
    vector: dict[str, int]
    updated_at: str  # ISO 8601 UTC, as packaged
    data: dict[str, Any]

    def digest(self) -> str:
        text = json.dumps(self.data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def rank(self, home_site: str) -> tuple[int, datetime, str]:
        changed = datetime.fromisoformat(self.updated_at)
        return (self.vector.get(home_site, 0), changed, self.digest())


def covers(a: dict[str, int], b: dict[str, int]) -> bool:
    """``a`` holds every change ``b`` holds."""
    return all(a.get(site, 0) >= count for site, count in b.items())


def merged_vector(a: dict[str, int], b: dict[str, int]) -> dict[str, int]:
    return {site: max(a.get(site, 0), b.get(site, 0)) for site in sorted({*a, *b})}


def compare(local: dict[str, int], incoming: dict[str, int]) -> Outcome:
    """How two versions relate, by their vectors alone."""
    if covers(local, incoming) and covers(incoming, local):
        return Outcome.SAME
    if covers(incoming, local):
        return Outcome.INCOMING
    if covers(local, incoming):
        return Outcome.LOCAL
    return Outcome.CONCURRENT


def incoming_wins(local: Version, incoming: Version, home_site: str) -> bool:
    """For two concurrent versions: does the incoming one win under the rule?"""
    return incoming.rank(home_site) > local.rank(home_site)
