"""Errors a user can cause. Their messages are English source texts marked for translation.

The UI and the command line show ``translate("Errors", error.message)`` formatted
with ``error.params``; ``str(error)`` gives the English text (for logs).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Text:
    """A parameter that is itself translatable text (an enum label, a permission name)."""

    context: str
    source: str

    def __str__(self) -> str:
        return self.source


class ReqdeskError(Exception):
    """A refused action or a user's mistake: shown as one clear message, never a traceback."""

    def __init__(self, message: str, /, *, field: str | None = None, **params: Any) -> None:
        self.message = message
        self.params = params
        self.field = field
        super().__init__(self.__str__())

    def __str__(self) -> str:
        return self.message.format(**self.params)


class ValidationError(ReqdeskError):
    """Input that cannot be saved; ``field`` names the offending field when there is one."""


class PermissionDenied(ReqdeskError):
    pass


class AuthenticationFailed(ReqdeskError):
    pass


class NotFound(ReqdeskError):
    pass


class Conflict(ReqdeskError):
    """The action clashes with the stored state (already set up, changed meanwhile …)."""
