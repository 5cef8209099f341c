"""Showing a refused action or a user's mistake: one clear message, in the user's language."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from reqdesk.i18n import error_text
from reqdesk.services.errors import ReqdeskError


def show_error(parent: QWidget | None, title: str, error: ReqdeskError | str) -> None:
    text = error if isinstance(error, str) else error_text(error)
    QMessageBox.warning(parent, title, text)
