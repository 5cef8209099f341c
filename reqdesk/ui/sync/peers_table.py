"""The sites this one has exchanged packages with: how many each way, and when last."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from reqdesk.formatting import datetime_text, number_text
from reqdesk.services.sync.peers import PeerInfo
from reqdesk.ui.sync.common import read_only_table

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class PeersTable(QTableWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 6, parent)
        read_only_table(self)
        self.setHorizontalHeaderLabels(
            [
                self.tr("Site"),
                self.tr("Packages sent"),
                self.tr("Last sent"),
                self.tr("Packages received"),
                self.tr("Last received"),
                self.tr("Latest no. received"),
            ]
        )
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.peers: list[PeerInfo] = []

    def show_peers(self, peers: list[PeerInfo]) -> None:
        self.peers = peers
        self.setRowCount(len(peers))
        for row, peer in enumerate(peers):
            values = (
                peer.site_code or self.tr("any site"),
                number_text(peer.exports),
                datetime_text(peer.last_export_at),
                number_text(peer.imports),
                datetime_text(peer.last_import_at),
                number_text(peer.last_import_sequence) if peer.last_import_sequence else "",
            )
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column in (1, 3, 5):
                    item.setTextAlignment(RIGHT)
                self.setItem(row, column, item)

    def row_texts(self) -> list[list[str]]:
        """What the table shows, row by row."""
        return [
            [item.text() if (item := self.item(r, c)) else "" for c in range(self.columnCount())]
            for r in range(self.rowCount())
        ]
