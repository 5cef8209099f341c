"""Stopping long work (reports, exports) on the user's request."""

from __future__ import annotations

from collections.abc import Callable

from reqdesk.services.errors import ReqdeskError
from reqdesk.textmarks import QT_TRANSLATE_NOOP

Progress = Callable[[int, int], None]  # (done, total)
CancelCheck = Callable[[], bool]


class Cancelled(ReqdeskError):
    """The user stopped the work; nothing it would have written is left behind."""

    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP("Errors", "Cancelled: nothing was written."))


def check(cancelled: CancelCheck | None) -> None:
    """Raise :class:`Cancelled` when the user has asked to stop."""
    if cancelled is not None and cancelled():
        raise Cancelled()
