"""Run a long service call off the GUI thread, with a busy or progress dialog and a signal
when done; reports and exports can be cancelled half-way."""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from reqdesk.services.cancel import Cancelled


class MainThreadGarbageCollector(QObject):
    """Run Python's cycle collector on the GUI thread only.

    Left automatic, the collector runs in whichever thread happens to allocate,
    so a worker thread could free an abandoned widget cycle and delete Qt
    objects (and their timers) that belong to the GUI thread — a crash some
    seconds later. Automatic collection is switched off and this object
    collects, by the same thresholds, from a timer on the GUI thread.
    """

    INTERVAL_MS = 500

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check)
        self._timer.start(self.INTERVAL_MS)

    def check(self) -> None:
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self._thresholds[generation]:
                gc.collect(generation)
                return


def collect_garbage_on_gui_thread(app: QObject) -> MainThreadGarbageCollector:
    """Install the GUI-thread collector once per application (idempotent)."""
    existing = app.findChild(MainThreadGarbageCollector)
    if isinstance(existing, MainThreadGarbageCollector):
        return existing
    return MainThreadGarbageCollector(app)


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


def _launch(
    task: QObject,
    job: _Job,
    close_dialog: Callable[[], None],
    on_done: Callable[[Any], None],
    on_error: Callable[[Exception], None],
) -> None:
    """Start ``job`` in the pool; back on the GUI thread close the dialog, report the
    result or the error, and let ``task`` go."""

    def finish(report: Callable[[Any], None], value: Any) -> None:
        close_dialog()
        try:
            report(value)
        finally:
            task.deleteLater()

    queued = Qt.ConnectionType.QueuedConnection
    job.signals.finished.connect(lambda result: finish(on_done, result), queued)
    job.signals.failed.connect(lambda error: finish(on_error, error), queued)
    QThreadPool.globalInstance().start(job)


class QuietTask(QObject):
    """Background work with no dialog (the start-up backup): ``on_done``/``on_error`` run on
    the GUI thread."""

    def __init__(self, parent: QObject, work: Callable[[], Any]) -> None:
        super().__init__(parent)
        self._job = _Job(work)
        self._job.setAutoDelete(False)

    def start(self, on_done: Callable[[Any], None], on_error: Callable[[Exception], None]) -> None:
        _launch(self, self._job, lambda: None, on_done, on_error)


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

    def _close_dialog(self) -> None:
        self._dialog.reset()
        self._dialog.deleteLater()

    def start(self, on_done: Callable[[Any], None], on_error: Callable[[Exception], None]) -> None:
        _launch(self, self._job, self._close_dialog, on_done, on_error)


class TaskProgress(QObject):
    """Handed to a cancellable task's work: ``report(done, total)`` from the worker thread,
    ``cancelled()`` polled by it; the dialog's Cancel button sets the flag."""

    advanced = Signal(int, int)

    def __init__(self) -> None:
        super().__init__()
        self._cancel = threading.Event()

    def report(self, done: int, total: int) -> None:
        self.advanced.emit(done, total)

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()


class ProgressTask(QObject):
    """``ProgressTask(parent, label, work).start(on_done, on_error, on_cancel)``.

    ``work(progress)`` runs in the thread pool and reports through ``progress``; when the
    user presses Cancel it sees ``progress.cancelled()`` and raises :class:`Cancelled`,
    after which ``on_cancel`` runs on the GUI thread. The window stays responsive.
    """

    def __init__(self, parent: QWidget, label: str, work: Callable[[TaskProgress], Any]) -> None:
        super().__init__(parent)
        progress = self.progress = TaskProgress()
        self._job = _Job(lambda: work(progress))
        self._job.setAutoDelete(False)
        self.dialog = QProgressDialog(label, self.tr("Cancel"), 0, 0, parent)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(300)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self._cancel)
        self.progress.advanced.connect(self._advance, Qt.ConnectionType.QueuedConnection)

    def _advance(self, done: int, total: int) -> None:
        if self.dialog.maximum() != total:
            self.dialog.setMaximum(max(total, 0))
        self.dialog.setValue(min(done, total) if total else 0)

    def _cancel(self) -> None:
        self.progress.cancel()
        self.dialog.setLabelText(self.tr("Cancelling…"))

    def _close_dialog(self) -> None:
        self.dialog.canceled.disconnect(self._cancel)
        self.dialog.reset()
        self.dialog.deleteLater()

    def start(
        self,
        on_done: Callable[[Any], None],
        on_error: Callable[[Exception], None],
        on_cancel: Callable[[], None] = lambda: None,
    ) -> None:
        def failed(error: Exception) -> None:
            on_cancel() if isinstance(error, Cancelled) else on_error(error)

        _launch(self, self._job, self._close_dialog, on_done, failed)
