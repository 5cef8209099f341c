"""Small helpers shared by tests."""

from __future__ import annotations

from reqdesk.services import auth
from reqdesk.services.context import Context
from reqdesk.services.demo import DEMO_PASSWORD


def signed_in(ctx: Context, username: str, password: str = DEMO_PASSWORD) -> Context:
    return ctx.as_actor(auth.login(ctx, username, password))
