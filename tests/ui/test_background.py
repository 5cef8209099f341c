"""Background work: Python's cycle collector never frees Qt objects on a worker thread."""

from __future__ import annotations

import gc
import threading
import weakref

from PySide6.QtCore import QObject

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
