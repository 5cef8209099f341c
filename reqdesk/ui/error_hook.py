"""The last line of defence: an unexpected error becomes an apology, not a crash.

``install_error_hook(app)`` replaces ``sys.excepthook`` and ``threading.excepthook``.
An exception that escapes a slot or an event handler is written with its traceback to
the rotating log file and shown as a short apology with a "Copy details" button; the
event loop goes on, so the user keeps their window and whatever was already saved.
A :class:`ReqdeskError` that escaped (a refusal nobody caught) is shown as its message.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from types import TracebackType

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from reqdesk.i18n import error_text
from reqdesk.logsetup import log_file
from reqdesk.services.errors import ReqdeskError
from reqdesk.ui.messages import show_error

log = logging.getLogger("reqdesk.unexpected")


class ApologyDialog(QDialog):
    def __init__(self, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("reqdesk — unexpected error"))
        self.details = details
        message = QLabel(
            self.tr(
                "Sorry, something went wrong. What you saved before is safe; the action you "
                "were doing may not have been completed — please check it and try again.\n\n"
                "The details were written to the log file:\n{log}"
            ).format(log=log_file())
        )
        message.setWordWrap(True)
        message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text = QPlainTextEdit(details)
        self.text.setReadOnly(True)
        self.text.setMinimumHeight(160)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = buttons.addButton(
            self.tr("&Copy details"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(message)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(640, 420)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details)
        self.copy_button.setText(self.tr("Copied"))


class ErrorHook(QObject):
    """Receives uncaught exceptions from any thread and reports them on the GUI thread."""

    _report = Signal(object)

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._showing = False
        self._report.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        sys.excepthook = self.handle
        threading.excepthook = self._handle_thread

    def _handle_thread(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            self.handle(args.exc_type, args.exc_value, args.exc_traceback)

    def handle(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        if not isinstance(exc, ReqdeskError):
            details = "".join(traceback.format_exception(exc_type, exc, tb))
            log.error("Unexpected error:\n%s", details)
        if QThread.currentThread() is self.thread():
            self._show(exc)
        else:
            self._report.emit(exc)

    def _show(self, exc: BaseException) -> None:
        if self._showing:  # one apology at a time; the log has every error
            return
        self._showing = True
        try:
            parent = QApplication.activeWindow()
            if isinstance(exc, ReqdeskError):
                show_error(parent, "reqdesk", error_text(exc))
                return
            details = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
            ApologyDialog(details, parent).exec()
        finally:
            self._showing = False


def install_error_hook(app: QApplication) -> ErrorHook:
    hook = ErrorHook(app)
    hook.install()
    return hook
