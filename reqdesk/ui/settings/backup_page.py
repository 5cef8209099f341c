"""Settings → Backups: the folder the daily backups go to, and how many the rotation keeps
(SQLite databases; a PostgreSQL server is backed up on the server)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from reqdesk import local_settings, paths
from reqdesk.backups import Rotation
from reqdesk.services import backup_settings
from reqdesk.services.context import Context
from reqdesk.ui.settings.form_page import FormPage


class BackupPage(FormPage):
    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("SettingsDialog", "Backups")

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            self.tr(
                "reqdesk backs up the database once a day when it starts and checks each "
                "copy. The rotation keeps the newest backup of each of the last so many days, "
                "weeks and months. Backups are listed and restored in Tools → Backups."
            ),
            parent,
        )
        self.db_file = ctx.db.sqlite_path
        self.default_folder = paths.backups_dir(self.db_file) if self.db_file else None
        self.folder = QLineEdit(self)
        self.folder.setObjectName("folder")
        self.folder.textChanged.connect(self.mark_dirty)
        self.browse_button = QPushButton(self.tr("&Browse…"), self)
        self.browse_button.clicked.connect(self.browse)
        self.default_button = QPushButton(self.tr("Use the &default"), self)
        self.default_button.clicked.connect(self.use_default)
        folder_row = QWidget(self)
        row = QHBoxLayout(folder_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.folder, 1)
        row.addWidget(self.browse_button)
        row.addWidget(self.default_button)
        self.errors.add_row(self.form, self.tr("Backup folder"), "folder", folder_row, self.folder)
        self.daily = self._count("daily", self.tr("Daily backups kept"))
        self.weekly = self._count("weekly", self.tr("Weekly backups kept"))
        self.monthly = self._count("monthly", self.tr("Monthly backups kept"))
        if self.default_folder is None:
            self.intro.setText(
                self.tr(
                    "This database is on a PostgreSQL server: back it up on the server "
                    "(pg_dump). reqdesk's own backups are for SQLite files."
                )
            )
            for widget in (folder_row, self.daily, self.weekly, self.monthly):
                widget.setEnabled(False)
        else:
            self.folder.setPlaceholderText(
                self.tr("Default: {folder}").format(folder=self.default_folder)
            )
        self.reload()

    def _count(self, name: str, label: str) -> QSpinBox:
        low, high = backup_settings.LIMITS[name]
        spin = QSpinBox(self)
        spin.setRange(low, high)
        spin.valueChanged.connect(self.mark_dirty)
        self.errors.add_row(self.form, label, name, spin)
        return spin

    def reload(self) -> None:
        stored = backup_settings.get_backup_settings(self.ctx)
        self.folder.setText("" if stored.folder is None else str(stored.folder))
        self.daily.setValue(stored.rotation.daily)
        self.weekly.setValue(stored.rotation.weekly)
        self.monthly.setValue(stored.rotation.monthly)
        self.mark_clean()

    def browse(self) -> None:
        dialog = QFileDialog(self, self.tr("Choose the backup folder"))
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        start = self.folder.text().strip() or str(self.default_folder or "")
        dialog.setDirectory(start)
        if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
            return
        self.folder.setText(dialog.selectedFiles()[0])
        self.mark_dirty()

    def use_default(self) -> None:
        self.folder.clear()
        self.mark_dirty()

    def submit(self) -> str:
        text = self.folder.text().strip()
        rotation = Rotation(self.daily.value(), self.weekly.value(), self.monthly.value())
        changed = backup_settings.save_backup_settings(
            self.ctx, Path(text) if text else None, rotation
        )
        if self.db_file is not None:  # found at start-up even if the file cannot be read
            chosen = backup_settings.get_backup_settings(self.ctx).folder_for(self.db_file)
            local_settings.remember_backup_folder(self.db_file, chosen)
        self.reload()
        if not changed:
            return self.tr("Nothing was changed.")
        where = self.folder.text() or str(self.default_folder)
        return self.tr("Saved. The next daily backup goes to {folder}.").format(folder=where)
