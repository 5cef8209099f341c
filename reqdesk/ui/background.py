"""Run a long service call off the GUI thread, with a busy dialog and a signal when done."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget


class _Signals(QObject):
    finished = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any]) -> None:
        super().__init__()
        self.work = work
        self.signals = _Signals()

    def run(self) -> None:
        try:
            result = self.work()
        except Exception as error:  # delivered to the GUI thread, which decides
            self.signals.failed.emit(error)
        else:
            self.signals.finished.emit(result)


class BackgroundTask(QObject):
    """``BackgroundTask(parent, label, work).start(on_done, on_error)``.

    ``work`` runs in the thread pool (services open their own session there);
    ``on_done`` and ``on_error`` run on the GUI thread.
    """

    def __init__(self, parent: QWidget, label: str, work: Callable[[], Any]) -> None:
        super().__init__(parent)
        self._job = _Job(work)
        self._job.setAutoDelete(False)
        self._dialog = QProgressDialog(label, "", 0, 0, parent)
        self._dialog.setCancelButton(None)
        self._dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self._dialog.setMinimumDuration(300)

    def start(self, on_done: Callable[[Any], None], on_error: Callable[[Exception], None]) -> None:
        def done(result: Any) -> None:
            self._dialog.reset()
            try:
                on_done(result)
            finally:
                self.deleteLater()

        def failed(error: Exception) -> None:
            self._dialog.reset()
            try:
                on_error(error)
            finally:
                self.deleteLater()

        self._job.signals.finished.connect(done, Qt.ConnectionType.QueuedConnection)
        self._job.signals.failed.connect(failed, Qt.ConnectionType.QueuedConnection)
        QThreadPool.globalInstance().start(self._job)
