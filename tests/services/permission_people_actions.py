"""The catalogue of the administrator's people actions (Tools → Settings)."""

from __future__ import annotations

from tests.services.permission_world import Action

PEOPLE: list[Action] = []
