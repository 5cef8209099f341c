"""Background work: Python's cycle collector never frees Qt objects on a worker thread."""

from __future__ import annotations

import gc
import threading
import weakref

from PySide6.QtCore import QObject, Qt

from reqdesk.ui.background import collect_garbage_on_gui_thread


class Holder(QObject):
    """A parentless Qt object in a reference cycle: only the cycle collector frees it."""

    def __init__(self) -> None:
        super().__init__()
        self.me = self


def test_worker_allocations_do_not_collect_gui_objects(qapp) -> None:  # type: ignore[no-untyped-def]
    collector = collect_garbage_on_gui_thread(qapp)
    assert collect_garbage_on_gui_thread(qapp) is collector  # installed once
    assert not gc.isenabled()
    holder = Holder()
    alive = weakref.ref(holder)
    del holder

    def churn() -> None:  # far past every threshold, as a long service call would
        for _ in range(200_000):
            cycle: list[object] = []
            cycle.append(cycle)

    worker = threading.Thread(target=churn)
    worker.start()
    worker.join()
    assert alive() is not None  # not freed on the worker thread
    collector.check()
    collector.check()
    collector.check()
    assert alive() is None  # freed on the GUI thread


def _progress_task(qtbot, work):  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QWidget

    from reqdesk.ui.background import ProgressTask

    parent = QWidget()
    qtbot.addWidget(parent)
    task = ProgressTask(parent, "working", work)
    _parents.append(parent)  # the dialog's parent outlives the task
    return task


_parents: list[object] = []


def test_progress_task_reports_and_finishes(qtbot) -> None:  # type: ignore[no-untyped-def]
    seen: list[int] = []

    def work(progress) -> str:  # type: ignore[no-untyped-def]
        for done in range(1, 6):
            progress.report(done, 5)
        return "written"

    task = _progress_task(qtbot, work)
    task.progress.advanced.connect(lambda done, _total: seen.append(done))
    maxima: list[int] = []
    task.progress.advanced.connect(  # after the dialog's own update, on the GUI thread
        lambda *_: maxima.append(task.dialog.maximum()), Qt.ConnectionType.QueuedConnection
    )
    results: list[object] = []
    task.start(results.append, results.append)
    qtbot.waitUntil(lambda: results == ["written"])
    assert seen == [1, 2, 3, 4, 5]
    assert maxima[-1] == 5  # the bar counts to the total


def test_progress_task_cancel_stops_the_work(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QPushButton

    from reqdesk.services.cancel import Cancelled

    started = threading.Event()
    steps: list[int] = []

    def work(progress) -> None:  # type: ignore[no-untyped-def]
        started.set()
        for step in range(10_000):
            if progress.cancelled():
                raise Cancelled()
            steps.append(step)
            progress.report(step, 10_000)
            threading.Event().wait(0.001)
        raise AssertionError("not cancelled")

    task = _progress_task(qtbot, work)
    outcome: list[str] = []
    task.start(
        lambda _r: outcome.append("done"),
        lambda e: outcome.append(f"error {e}"),
        lambda: outcome.append("cancelled"),
    )
    assert started.wait(5)
    task.dialog.findChild(QPushButton).click()  # the Cancel button
    qtbot.waitUntil(lambda: outcome == ["cancelled"], timeout=5000)
    assert len(steps) < 10_000
