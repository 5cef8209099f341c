"""The Export part of Tools → Sync: a package for one peer site (or any), written in the
background, then one line saying what was written."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRegularExpression, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reqdesk.formatting import number_text
from reqdesk.services.context import Context
from reqdesk.services.sla import BUSINESS_TZ
from reqdesk.services.sync.exporting import ExportResult, export_package
from reqdesk.services.sync.peers import PeerInfo
from reqdesk.ui.icons import icon
from reqdesk.ui.sync.common import Runner, choose_package, default_folder, show_message

SITE_INPUT = QRegularExpression("[A-Za-z0-9]{0,8}")


class ExportBox(QGroupBox):
    """``exported(ExportResult)`` after a package was written."""

    exported = Signal(object)

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.folder = default_folder()
        self.last: ExportResult | None = None
        self.runner = Runner(self, lambda: self.tr("Export"))
        self.setTitle(self.tr("Send to another site"))

        self.site = QComboBox(self)
        self.site.setEditable(True)
        self.site.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.site_edit = QLineEdit(self.site)
        self.site.setLineEdit(self.site_edit)
        self.site_edit.setValidator(QRegularExpressionValidator(SITE_INPUT, self))
        self.site_edit.setPlaceholderText(self.tr("any site"))
        self.site_edit.textEdited.connect(self._upper_case)
        self.site.setMinimumContentsLength(10)
        site_label = QLabel(self.tr("&To site:"), self)
        site_label.setBuddy(self.site)
        hint = QLabel(
            self.tr(
                "Everything created or changed here since the last package to that site. "
                "Leave the site empty for a package any site can import."
            ),
            self,
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        self.export_button = QPushButton(icon("sync_export"), self.tr("&Export…"), self)
        self.export_button.clicked.connect(lambda: self.ask_export())
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setVisible(False)

        row = QHBoxLayout()
        row.addWidget(site_label)
        row.addWidget(self.site)
        row.addWidget(self.export_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(hint)
        layout.addWidget(self.message)

    def _upper_case(self, text: str) -> None:
        edit = self.site_edit
        if text != text.upper():
            cursor = edit.cursorPosition()
            edit.setText(text.upper())
            edit.setCursorPosition(cursor)

    def show_peers(self, peers: list[PeerInfo]) -> None:
        """Offer the known sites; start with the one sent to last (or keep what was typed)."""
        typed = self.site.currentText()
        codes = [p.site_code for p in peers if p.site_code]
        self.site.clear()
        self.site.addItems(codes)
        if typed or not self.site.count():
            self.site.setEditText(typed)
            return
        sent = [p for p in peers if p.last_export_at is not None]
        latest = max(sent, key=lambda p: p.last_export_at or 0) if sent else None
        self.site.setEditText(latest.site_code if latest else "")

    def target(self) -> str:
        return self.site.currentText().strip().upper()

    def default_name(self) -> str:
        today = self.ctx.clock().astimezone(BUSINESS_TZ)
        return f"{self.ctx.site_code}-to-{self.target() or 'ALL'}-{today:%Y%m%d}.reqsync"

    def ask_export(self) -> None:
        path = choose_package(
            self, self.tr("Save the sync package"), self.folder, save_as=self.default_name()
        )
        if path is not None:
            self.folder = str(path.parent)
            self.export_to(path)

    def export_to(self, path: Path) -> None:
        ctx, site = self.ctx, self.target() or None
        show_message(self.message, "")
        self.export_button.setEnabled(False)
        self.runner.run(
            self.tr("Writing the sync package…"),
            lambda: export_package(ctx, path, site),
            self._exported,
            self._refused,
        )

    def _exported(self, result: ExportResult) -> None:
        self.last = result
        self.export_button.setEnabled(True)
        site = result.target_site or self.tr("any site")
        text = self.tr("Package no. {sequence} for {site}: {records} records written to {file}.")
        show_message(
            self.message,
            text.format(
                sequence=result.sequence,
                site=site,
                records=number_text(result.records),
                file=result.path,
            ),
        )
        self.exported.emit(result)

    def _refused(self, text: str) -> None:
        self.export_button.setEnabled(True)
        show_message(self.message, text, error=True)
        if text:
            self.site.setFocus()
