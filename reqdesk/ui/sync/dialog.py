"""Tools → Sync: send a package to another site, import one from it, see the sites
exchanged with, and review the conflicts imports found."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reqdesk.i18n import error_text
from reqdesk.services.context import Context
from reqdesk.services.errors import ReqdeskError
from reqdesk.services.sync.peers import list_peers
from reqdesk.ui.icons import icon
from reqdesk.ui.sync.conflicts_page import ConflictsPage
from reqdesk.ui.sync.export_box import ExportBox
from reqdesk.ui.sync.import_box import ImportBox
from reqdesk.ui.sync.peers_table import PeersTable


class SyncDialog(QDialog):
    """Needs Permission.SYNC (the services refuse anyone else)."""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(
            self.tr("Sync with other sites — this is site {site}").format(site=ctx.site_code)
        )
        self.setWindowIcon(icon("sync"))
        self.resize(880, 660)

        self.export_box = ExportBox(ctx, self)
        self.import_box = ImportBox(ctx, self)
        self.peers = PeersTable(self)
        peers_box = QGroupBox(self.tr("Sites exchanged with"), self)
        QVBoxLayout(peers_box).addWidget(self.peers)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        exchange = QWidget(self)
        column = QVBoxLayout(exchange)
        column.addWidget(self.export_box)
        column.addWidget(self.import_box, 2)
        column.addWidget(peers_box, 1)
        column.addWidget(self.message)
        self.conflicts = ConflictsPage(ctx, self)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(exchange, icon("sync"), self.tr("&Packages"))
        self.tabs.addTab(self.conflicts, icon("sync_conflicts"), self.conflicts_title(0))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)

        self.export_box.exported.connect(lambda _result: self.reload_peers())
        self.import_box.imported.connect(lambda _summary: self._after_import())
        self.import_box.review_conflicts.connect(self.show_conflicts)
        self.conflicts.open_count.connect(self._show_open_count)
        self.reload_peers()
        self.conflicts.reload()
        self.export_box.site.setFocus()

    def reload_peers(self) -> None:
        try:
            peers = list_peers(self.ctx)
        except ReqdeskError as error:
            self.message.setText(error_text(error))
            self.message.setVisible(True)
            return
        self.peers.show_peers(peers)
        self.export_box.show_peers(peers)

    def _after_import(self) -> None:
        self.reload_peers()
        self.conflicts.reload()

    def conflicts_title(self, count: int) -> str:
        return self.tr("Conflicts ({n})").format(n=count) if count else self.tr("Conflicts")

    def _show_open_count(self, count: int) -> None:
        self.tabs.setTabText(self.tabs.indexOf(self.conflicts), self.conflicts_title(count))

    def show_conflicts(self) -> None:
        self.tabs.setCurrentWidget(self.conflicts)
        self.conflicts.table.setFocus()

    def busy(self) -> bool:
        return self.export_box.runner.busy or self.import_box.runner.busy

    def reject(self) -> None:
        """Esc and Close wait while a package is being written or imported."""
        if not self.busy():
            super().reject()
