"""UI test fixtures: message boxes answer at once instead of waiting for a click."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox


@pytest.fixture(autouse=True)
def message_boxes(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[str, str]]]:
    """Record (kind, text) of every static message box; questions answer Discard or No."""
    shown: list[tuple[str, str]] = []

    def record(kind: str, answer: Any = QMessageBox.StandardButton.Ok) -> Any:
        def show(_parent: Any, _title: str, text: str, *args: Any, **kwargs: Any) -> Any:
            shown.append((kind, text))
            buttons = args[0] if args else kwargs.get("buttons")
            if kind == "question" and buttons is not None:
                if buttons & QMessageBox.StandardButton.Discard:
                    return QMessageBox.StandardButton.Discard
                return QMessageBox.StandardButton.No
            return answer

        return show

    for kind in ("information", "warning", "critical", "question"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(record(kind)))
    yield shown


@pytest.fixture
def on_dialog() -> Iterator[Any]:
    """``on_dialog(DialogClass, action)``: run ``action(dialog)`` once that modal dialog shows."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    timers: list[QTimer] = []
    left_open: list[str] = []

    def arm(cls: type, action: Any) -> None:
        timer = QTimer()

        def check() -> None:
            widget = QApplication.activeModalWidget()
            if isinstance(widget, cls):
                timer.stop()
                try:
                    action(widget)
                finally:
                    if widget.isVisible():  # refused: close it so the test fails, not hangs
                        message = getattr(getattr(widget, "message", None), "text", lambda: "")
                        left_open.append(f"{cls.__name__}: {message()}")
                        widget.reject()

        timer.timeout.connect(check)
        timer.start(20)
        timers.append(timer)

    yield arm
    for timer in timers:
        timer.stop()
    assert not left_open, f"a dialog refused the test's input and was closed: {left_open}"
