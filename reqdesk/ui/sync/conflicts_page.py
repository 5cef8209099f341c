"""The conflict list for the supervisor: versions sync set aside, open ones first; the
chosen one in detail below, where it can be marked reviewed."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reqdesk.formatting import datetime_text
from reqdesk.i18n import error_text
from reqdesk.services.context import Context
from reqdesk.services.errors import ReqdeskError
from reqdesk.services.sync.conflicts import (
    ConflictItem,
    count_open_conflicts,
    list_conflicts,
    mark_reviewed,
)
from reqdesk.ui.sync.common import read_only_table, show_message
from reqdesk.ui.sync.conflict_detail import FILED_TWICE, ConflictDetail
from reqdesk.ui.sync.labels import table_label


class ConflictsPage(QWidget):
    """``open_count(n)`` whenever the number of open conflicts may have changed."""

    open_count = Signal(int)

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.items: list[ConflictItem] = []
        intro = QLabel(
            self.tr(
                "When a record was changed at two sites before they exchanged packages, one "
                "version is kept everywhere and the other is listed here. Check each one, "
                "change the record by hand where the other version should win, then mark it "
                "reviewed."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.show_reviewed = QCheckBox(self.tr("Show &reviewed conflicts too"), self)
        self.show_reviewed.toggled.connect(lambda _on: self.reload())
        self.count_label = QLabel(self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        self.table = self._list_table()
        self.detail = ConflictDetail(self)
        self.detail.review.connect(self.mark)

        top = QHBoxLayout()
        top.addWidget(self.show_reviewed)
        top.addStretch(1)
        top.addWidget(self.count_label)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)

    def _list_table(self) -> QTableWidget:
        table = read_only_table(QTableWidget(0, 6, self))
        table.setHorizontalHeaderLabels(
            [
                self.tr("Found"),
                self.tr("Record"),
                self.tr("Why"),
                self.tr("Home site"),
                self.tr("From site"),
                self.tr("Reviewed"),
            ]
        )
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        table.itemSelectionChanged.connect(self._chosen)
        return table

    def reason_text(self, reason: str) -> str:
        if reason == FILED_TWICE:
            return self.tr("Filed at two sites")
        return self.tr("Changed at two sites")

    def reload(self, keep: int | None = None) -> None:
        """Read the list again; ``keep``: the conflict to show (else the first)."""
        try:
            self.items = list_conflicts(self.ctx, include_reviewed=self.show_reviewed.isChecked())
            open_count = count_open_conflicts(self.ctx)
        except ReqdeskError as error:
            show_message(self.message, error_text(error), error=True)
            return
        self.table.setColumnHidden(5, not self.show_reviewed.isChecked())
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            reviewed = ""
            if item.reviewed_at is not None:
                reviewed = f"{datetime_text(item.reviewed_at)} {item.reviewed_by}"
            values = (
                datetime_text(item.detected_at),
                f"{table_label(item.table_name)} · {item.label or item.record_uuid}",
                self.reason_text(item.reason),
                item.home_site,
                item.peer_site,
                reviewed,
            )
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.blockSignals(False)
        self.count_label.setText(self.tr("Open: {n}").format(n=open_count))
        ids = [item.id for item in self.items]
        self.table.clearSelection()
        if self.items:
            self.table.selectRow(ids.index(keep) if keep in ids else 0)
        self._chosen()
        self.open_count.emit(open_count)

    def selected(self) -> ConflictItem | None:
        rows = self.table.selectionModel().selectedRows()
        return self.items[rows[0].row()] if rows else None

    def _chosen(self) -> None:
        self.detail.show_conflict(self.selected())

    def mark(self, conflict_id: int, note: str) -> None:
        """Mark reviewed; the list then shows the next open one."""
        row = next((i for i, item in enumerate(self.items) if item.id == conflict_id), 0)
        try:
            mark_reviewed(self.ctx, conflict_id, note)
        except ReqdeskError as error:
            show_message(self.message, error_text(error), error=True)
            self.reload()
            return
        show_message(self.message, "")
        following = self.items[row + 1].id if row + 1 < len(self.items) else None
        self.reload(keep=conflict_id if self.show_reviewed.isChecked() else following)
        self.table.setFocus()
