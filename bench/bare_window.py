"""The baseline: a bare PySide6 window showing one QTableView; prints ms to its first paint."""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

from reqdesk.proctime import ms_since_start


class FirstPaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, report)
        return False


def report() -> None:
    print(f"{ms_since_start():.0f}", flush=True)
    QApplication.quit()


app = QApplication(sys.argv[:1])
window = QMainWindow()
view = QTableView(window)
view.setModel(QStandardItemModel(10, 5, window))
window.setCentralWidget(view)
watcher = FirstPaint()
view.viewport().installEventFilter(watcher)
window.resize(1280, 800)
window.show()
sys.exit(app.exec())
