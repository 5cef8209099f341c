"""Telling the user that something did not work: one clear message, in their language."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QMessageBox, QWidget

from reqdesk.i18n import error_text, translate
from reqdesk.logsetup import log_file
from reqdesk.services.errors import ReqdeskError

log = logging.getLogger(__name__)


def show_error(parent: QWidget | None, title: str, error: ReqdeskError | str) -> None:
    text = error if isinstance(error, str) else error_text(error)
    QMessageBox.warning(parent, title, text)


def report_failure(parent: QWidget | None, title: str, error: BaseException) -> None:
    """A refused action, a file problem, or (logged with its traceback) an unexpected error."""
    if isinstance(error, ReqdeskError):
        show_error(parent, title, error)
    elif isinstance(error, OSError):
        show_error(parent, title, f"{error.filename or ''}: {error.strerror or error}")
    else:
        log.error("Unexpected error in %s", title, exc_info=error)
        QMessageBox.critical(
            parent,
            title,
            translate(
                "Messages",
                "Something went wrong and the action was not completed: {error}\n"
                "The details are in the log file {log}.",
            ).format(error=error, log=log_file()),
        )
