"""Unexpected errors: an apology with "Copy details", the traceback in the log, and the
program goes on."""

from __future__ import annotations

import sys
import threading
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QPushButton

from reqdesk.logsetup import configure_logging, log_file
from reqdesk.services.errors import ValidationError
from reqdesk.ui.error_hook import ApologyDialog, install_error_hook


@pytest.fixture
def hook(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    configure_logging()
    return install_error_hook(qapp)


def _boom() -> None:
    raise ZeroDivisionError("unexpected-marker-4711")


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_slot_shows_an_apology_and_logs_the_traceback(
    qtbot: Any, hook: Any, on_dialog: Any
) -> None:
    seen: list[str] = []

    def copy_and_close(dialog: ApologyDialog) -> None:
        seen.append(dialog.windowTitle())
        dialog.copy_button.click()
        seen.append(QGuiApplication.clipboard().text())
        seen.append(dialog.copy_button.text())
        dialog.reject()

    on_dialog(ApologyDialog, copy_and_close)
    button = QPushButton("go")
    qtbot.addWidget(button)
    button.clicked.connect(_boom)
    QTimer.singleShot(0, button.click)
    qtbot.waitUntil(lambda: len(seen) == 3, timeout=5000)
    assert seen[0] == "reqdesk — 意外错误"
    assert "ZeroDivisionError: unexpected-marker-4711" in seen[1]
    assert "Traceback" in seen[1] and "_boom" in seen[1]
    assert seen[2] == "已复制"
    text = log_file().read_text("utf-8")
    assert "unexpected-marker-4711" in text and "Traceback" in text
    # the program goes on: the same button still works and reports again
    seen.clear()
    on_dialog(ApologyDialog, copy_and_close)
    QTimer.singleShot(0, button.click)
    qtbot.waitUntil(lambda: len(seen) == 3, timeout=5000)


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_worker_thread_is_reported_on_the_gui_thread(
    qtbot: Any, hook: Any, on_dialog: Any
) -> None:
    shown: list[str] = []

    def close(dialog: ApologyDialog) -> None:
        shown.append(dialog.details)
        dialog.reject()

    on_dialog(ApologyDialog, close)
    worker = threading.Thread(target=_boom)
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert "unexpected-marker-4711" in shown[0]


@pytest.mark.qt_no_exception_capture
def test_an_uncaught_refusal_is_shown_as_its_message(
    qtbot: Any, hook: Any, message_boxes: list[tuple[str, str]]
) -> None:
    def refuse() -> None:
        raise ValidationError("Please enter the person's full name.")

    QTimer.singleShot(0, refuse)
    qtbot.waitUntil(lambda: bool(message_boxes), timeout=5000)
    assert message_boxes == [("warning", "请输入姓名。")]
