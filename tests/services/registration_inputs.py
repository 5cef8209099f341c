"""A registration as the desk types it, at a fixed moment."""

from __future__ import annotations

from datetime import UTC, datetime

from reqdesk.models.enums import Urgency
from reqdesk.services.context import Context
from reqdesk.services.requirements.forms import RegistrationInput

# A Thursday in November 2026, 10:00 Beijing time.
NOW = datetime(2026, 11, 19, 2, 0, tzinfo=UTC)


def at_now(ctx: Context) -> Context:
    return ctx.__class__(db=ctx.db, site_code=ctx.site_code, actor=ctx.actor, clock=lambda: NOW)


def form(**overrides: object) -> RegistrationInput:
    values: dict[str, object] = {
        "customer_id": 1,
        "contact_name": "周工",
        "contact_phone": "13812345678",
        "title": "要求提供精密轴承材质证明",
        "description": "客户来电，要求随货附材质证明。",
        "urgency": Urgency.IMPORTANT,
    }
    values.update(overrides)
    return RegistrationInput(**values)  # type: ignore[arg-type]
