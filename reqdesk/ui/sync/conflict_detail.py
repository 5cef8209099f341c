"""One conflict: the kept and the set-aside version side by side, the fields that differ
highlighted, the rule that chose, and "Mark as reviewed" with a note."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reqdesk.formatting import datetime_text
from reqdesk.services.sync.conflicts import ConflictItem, ConflictVersion
from reqdesk.ui.icons import icon
from reqdesk.ui.sync.common import read_only_table
from reqdesk.ui.sync.labels import column_label, columns_of, table_label, value_text

KEPT_BACKGROUND = QColor("#e3f4e6")
OTHER_BACKGROUND = QColor("#fde7d9")
BOTH_KEPT_BACKGROUND = QColor("#fff4ce")
DIFFERENT_TEXT = QColor("#1f1f1f")
SAME_TEXT = QColor("#6b6b6b")
FILED_TWICE = "filed_twice"


class ConflictDetail(QWidget):
    """``review(conflict id, note)`` when the supervisor marks the shown conflict reviewed."""

    review = Signal(int, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item: ConflictItem | None = None
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-weight: bold;")
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.rule = QLabel(self)
        self.rule.setWordWrap(True)
        self.versions = read_only_table(QTableWidget(0, 3, self))
        self.versions.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        header = self.versions.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.versions.setWordWrap(True)  # long descriptions wrap; rows follow the widths
        self.versions.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.reviewed = QLabel(self)
        self.reviewed.setWordWrap(True)
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("Note (optional): what you did about it"))
        self.note.returnPressed.connect(self._review)
        self.review_button = QPushButton(icon("reviewed"), self.tr("&Mark as reviewed"), self)
        self.review_button.clicked.connect(self._review)

        row = QHBoxLayout()
        row.addWidget(self.note, 1)
        row.addWidget(self.review_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.rule)
        layout.addWidget(self.versions, 1)
        layout.addWidget(self.reviewed)
        layout.addLayout(row)
        self.show_conflict(None)

    def show_conflict(self, item: ConflictItem | None) -> None:
        self.item = item
        open_ = item is not None and item.reviewed_at is None
        self.note.clear()
        self.note.setEnabled(open_)
        self.review_button.setEnabled(open_)
        self.reviewed.setVisible(item is not None and item.reviewed_at is not None)
        if item is None:
            self.heading.setText(self.tr("No conflict chosen."))
            self.rule.clear()
            self.versions.setRowCount(0)
            self.versions.setHorizontalHeaderLabels(["", "", ""])
            return
        self.heading.setText(f"{table_label(item.table_name)} · {item.label or item.record_uuid}")
        self.rule.setText(self.rule_text(item))
        self._fill(item)
        if item.reviewed_at is not None:
            text = (
                self.tr("Reviewed by {name} at {time}. Note: {note}")
                if item.review_note
                else self.tr("Reviewed by {name} at {time}.")
            )
            self.reviewed.setText(
                text.format(
                    name=item.reviewed_by,
                    time=datetime_text(item.reviewed_at),
                    note=item.review_note,
                )
            )

    def rule_text(self, item: ConflictItem) -> str:
        if item.reason == FILED_TWICE:
            return self.tr(
                "The same customer (same name or credit code) was filed at {kept} and at "
                "{other}. Both files are kept; if they are one company, carry over what the "
                "other file holds by hand, then mark this as reviewed."
            ).format(kept=item.kept.site, other=item.other.site)
        return self.tr(
            "This record was changed at {kept} and at {other} before the two sites exchanged "
            "packages. The version from {kept} was kept, by the rule: the version holding "
            "more changes made at the record's home site ({home}) wins, and when that is "
            "even, the later change. The version from {other} is set aside here; carry over "
            "by hand what it should keep, then mark this as reviewed."
        ).format(kept=item.kept.site, other=item.other.site, home=item.home_site)

    def _version_header(self, title: str, version: ConflictVersion) -> str:
        changed = datetime_text(_parsed(version.updated_at))
        return title.format(site=version.site, time=changed)

    def _fill(self, item: ConflictItem) -> None:
        backgrounds = (KEPT_BACKGROUND, OTHER_BACKGROUND)
        if item.reason == FILED_TWICE:  # both files stay: neither is "the winner"
            kept = other = self.tr("File from {site}, changed {time}")
            backgrounds = (BOTH_KEPT_BACKGROUND, BOTH_KEPT_BACKGROUND)
        else:
            kept = self.tr("Kept: {site}, changed {time}")
            other = self.tr("Set aside: {site}, changed {time}")
        self.versions.setHorizontalHeaderLabels(
            [
                self.tr("Field"),
                self._version_header(kept, item.kept),
                self._version_header(other, item.other),
            ]
        )
        differing = {name for name, _kept, _other in item.differences()}
        columns = columns_of(item.table_name, {**item.kept.data, **item.other.data})
        ordered = [c for c in columns if c in differing] + [
            c for c in columns if c not in differing
        ]
        self.versions.setRowCount(len(ordered))
        for row, column in enumerate(ordered):
            different = column in differing
            for index, cell in enumerate(self._cells(item, column, different, backgrounds)):
                font = QFont(cell.font())
                font.setBold(different)
                cell.setFont(font)
                cell.setForeground(QBrush(DIFFERENT_TEXT if different else SAME_TEXT))
                self.versions.setItem(row, index, cell)

    def _cells(
        self,
        item: ConflictItem,
        column: str,
        different: bool,
        backgrounds: tuple[QColor, QColor],
    ) -> list[QTableWidgetItem]:
        """The field's name, then its value in each version (tinted where they differ)."""
        name = QTableWidgetItem(column_label(column))
        name.setToolTip(column)
        cells = [name]
        for version, background in zip((item.kept, item.other), backgrounds, strict=True):
            text = value_text(item.table_name, column, version.data.get(column))
            cell = QTableWidgetItem(text)
            cell.setToolTip(text)
            if different:
                cell.setBackground(QBrush(background))
            cells.append(cell)
        return cells

    def differing_rows(self) -> list[str]:
        """The field labels shown as differing (bold), top to bottom."""
        names = [self.versions.item(r, 0) for r in range(self.versions.rowCount())]
        return [name.text() for name in names if name is not None and name.font().bold()]

    def _review(self) -> None:
        if self.item is not None and self.item.reviewed_at is None:
            self.review.emit(self.item.id, self.note.text())


def _parsed(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None
