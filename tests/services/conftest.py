"""Service test fixtures."""

from __future__ import annotations

import pytest

from reqdesk.services.context import Context
from tests.helpers import signed_in
from tests.services.registration_inputs import at_now


@pytest.fixture
def desk(demo_ctx: Context) -> Context:
    """The service desk's operator 李静 at a fixed Thursday morning."""
    return at_now(signed_in(demo_ctx, "kefu"))
