"""The catalogue of the administrator's settings actions (Tools → Settings)."""

from __future__ import annotations

from tests.services.permission_world import Action

SETTINGS: list[Action] = []
