"""Tools → Backups: the list of backups, "Back up now", and restoring one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reqdesk.backups import KIND_LABELS, BackupInfo
from reqdesk.i18n import translate
from reqdesk.services import backups
from reqdesk.services.backup_settings import get_backup_settings
from reqdesk.services.backups import Restored
from reqdesk.services.context import Context
from reqdesk.ui.background import BackgroundTask
from reqdesk.ui.messages import report_failure

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class BackupsDialog(QDialog):
    """``restored`` is set after a successful restore; the program must then close."""

    def __init__(
        self,
        ctx: Context,
        parent: QWidget | None = None,
        *,
        may_leave: Callable[[], bool] = lambda: True,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._may_leave = may_leave  # unsaved input elsewhere is asked about first
        self.restored: Restored | None = None
        self.setWindowTitle(self.tr("Backups"))
        self.resize(760, 420)
        kept = get_backup_settings(ctx).rotation
        intro = QLabel(
            self.tr(
                "reqdesk backs up the database once a day when it starts and keeps {daily} "
                "daily, {weekly} weekly and {monthly} monthly copies (Tools → Settings → "
                "Backups). Each backup is checked when it is made."
            ).format(daily=kept.daily, weekly=kept.weekly, monthly=kept.monthly)
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Taken at"), self.tr("Kind"), self.tr("Size"), self.tr("File")]
        )
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _index: self.restore_selected())

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.backup_button = self._button(buttons, self.tr("&Back up now"), self.back_up_now)
        self.restore_button = self._button(buttons, self.tr("&Restore…"), self.restore_selected)
        self.file_button = self._button(
            buttons, self.tr("Restore from &file…"), self.restore_from_file
        )
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.backups: list[BackupInfo] = []
        self.reload()

    def _button(self, box: QDialogButtonBox, text: str, slot: object) -> QPushButton:
        button = box.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
        button.clicked.connect(slot)
        return button

    def reload(self) -> None:
        try:
            self.backups = backups.list_backups(self.ctx)
        except Exception as error:
            report_failure(self, self.tr("Backups"), error)
            self.backups = []
        self.table.setRowCount(len(self.backups))
        for row, backup in enumerate(self.backups):
            values = (
                backup.taken_at.strftime("%Y-%m-%d %H:%M:%S"),
                self._kind(backup.kind),
                self.tr("{mb} MB").format(mb=f"{backup.size / 1e6:.1f}"),
                str(backup.path),
            )
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column == 2:
                    item.setTextAlignment(RIGHT)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        if self.backups:
            self.table.selectRow(0)
        self._update_buttons()

    def _kind(self, kind: str) -> str:
        return translate("Backups", KIND_LABELS[kind]) if kind in KIND_LABELS else kind

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        chosen = self.selected()
        self.restore_button.setEnabled(chosen is not None and chosen.kind != "damaged")

    def back_up_now(self) -> None:
        task = BackgroundTask(self, self.tr("Backing up…"), lambda: backups.back_up_now(self.ctx))
        task.start(self._backed_up, lambda e: report_failure(self, self.tr("Back up now"), e))

    def _backed_up(self, path: Path) -> None:
        self.reload()
        QMessageBox.information(
            self, self.tr("Back up now"), self.tr("Backed up to {file}.").format(file=path)
        )

    def restore_selected(self) -> None:
        chosen = self.selected()
        if chosen is not None and chosen.kind != "damaged":
            self.restore(chosen.path)

    def restore_from_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Restore from file"),
            "",
            self.tr("reqdesk databases (*.db);;All files (*)"),
        )
        if name:
            self.restore(Path(name))

    def restore(self, source: Path) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Restore"),
            self.tr(
                "Replace the database with {file}?\n\nWork saved after that backup is no longer "
                "in the database (the current file is kept in the backups folder first). "
                "reqdesk closes afterwards; start it again."
            ).format(file=source.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes or not self._may_leave():
            return
        task = BackgroundTask(
            self, self.tr("Restoring…"), lambda: backups.restore_from(self.ctx, source)
        )
        task.start(self._restored, lambda e: report_failure(self, self.tr("Restore"), e))

    def _restored(self, restored: Restored) -> None:
        self.restored = restored
        QMessageBox.information(
            self,
            self.tr("Restore"),
            self.tr("The database was restored from {file}. reqdesk will now close.").format(
                file=restored.source.name
            ),
        )
        self.accept()
