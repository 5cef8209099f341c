"""我的会签: what waits for the signed-in user, earliest due first, late ones in red."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from reqdesk.services.reviews.queue import Task, TaskKind
from reqdesk.ui.formatting import datetime_text

LATE = QColor("#b00020")


class TaskList(QTableWidget):
    chosen = Signal(object)  # the Task of the current row, or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 5, parent)
        self.tasks: list[Task] = []
        self.setHorizontalHeaderLabels(
            [
                self.tr("To do"),
                self.tr("Review"),
                self.tr("Product"),
                self.tr("Customer"),
                self.tr("Due"),
            ]
        )
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.currentCellChanged.connect(lambda row, *_: self.chosen.emit(self.task_at(row)))

    def kind_text(self, kind: TaskKind) -> str:
        return {
            TaskKind.SIGN: self.tr("Sign for your department"),
            TaskKind.GM_SIGN: self.tr("Sign the meeting review"),
            TaskKind.CONCLUDE: self.tr("Conclude"),
            TaskKind.NEGOTIATE: self.tr("Negotiate with the customer"),
            TaskKind.ARBITRATE: self.tr("Arbitrate"),
            TaskKind.ANSWER: self.tr("Answer the customer"),
            TaskKind.NOTICE: self.tr("Read the amendment notice"),
        }[kind]

    def set_tasks(self, tasks: list[Task], now: datetime) -> None:
        keep = self.task_at(self.currentRow())
        self.blockSignals(True)
        self.tasks = tasks
        self.setRowCount(len(tasks))
        for row, task in enumerate(tasks):
            cells = (
                self.kind_text(task.kind),
                task.number,
                task.product,
                task.customer,
                datetime_text(task.due_at),
            )
            late = task.due_at is not None and task.due_at < now
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if late:
                    item.setForeground(LATE)
                if column == 0 and task.text:
                    item.setToolTip(task.text)
                self.setItem(row, column, item)
        self.resizeColumnsToContents()
        self.blockSignals(False)
        if keep is not None:
            for row, task in enumerate(tasks):
                if (task.review_id, task.kind, task.notice_id) == (
                    keep.review_id,
                    keep.kind,
                    keep.notice_id,
                ):
                    self.selectRow(row)
                    break

    def task_at(self, row: int) -> Task | None:
        return self.tasks[row] if 0 <= row < len(self.tasks) else None
