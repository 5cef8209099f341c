"""Opening the database at start-up, and what happens when it cannot be used.

A file that is damaged, is not a reqdesk database, is newer than this program or cannot
be written gets one dialog: restore the latest good backup, open another file, or quit.
Nothing is ever created in its place. Once open, the daily backup runs in the
background, and a database on a network share is warned about.
"""

from __future__ import annotations

import logging
from datetime import datetime
from enum import Enum
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from reqdesk import backups, local_settings
from reqdesk.backups import BackupInfo
from reqdesk.db import (
    Database,
    DatabaseDamaged,
    DatabaseError,
    NotAReqdeskDatabase,
    network_share_warning,
    open_database,
    resolve_url,
)
from reqdesk.i18n import error_text, translate
from reqdesk.services.backup_settings import DailyBackup, daily_backup, startup_folders
from reqdesk.services.backups import restore_database
from reqdesk.ui.background import QuietTask

log = logging.getLogger(__name__)


class Choice(Enum):
    RESTORE = "restore"
    OPEN_OTHER = "open_other"
    USE_DEFAULT = "use_default"
    QUIT = "quit"


def _sqlite_file(target: str | Path | None) -> Path | None:
    try:
        url = resolve_url(target)
    except DatabaseError:
        return None
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


class StartupProblemBox(QMessageBox):
    """The one dialog for a database that cannot be used as it is."""

    def __init__(
        self,
        error: DatabaseError,
        backup: BackupInfo | None,
        parent: QWidget | None = None,
        *,
        unreachable: Path | None = None,
        from_setting: bool = False,
    ) -> None:
        """``from_setting``: the database was chosen in Tools → Settings on this PC, so
        going back to the default database is offered."""
        super().__init__(QMessageBox.Icon.Critical, "reqdesk", error_text(error), parent=parent)
        self.restore_button = None
        if not restoring_helps(error):
            backup = None  # a newer, read-only or unreachable file is not replaced
            self.setInformativeText("")
        elif backup is not None:
            self.restore_button = self.addButton(
                self.tr("&Restore the backup of {time}").format(
                    time=backup.taken_at.strftime("%Y-%m-%d %H:%M")
                ),
                QMessageBox.ButtonRole.AcceptRole,
            )
            self.setInformativeText(self.tr("Backup file: {file}").format(file=backup.path))
        else:
            self.setInformativeText(self.tr("There is no good backup of this database."))
        if unreachable is not None and restoring_helps(error):
            self.setInformativeText(
                self.informativeText()
                + "\n\n"
                + self.tr(
                    "The backup folder {folder} cannot be reached (a disconnected drive or "
                    "share?): the backups in it could not be looked at."
                ).format(folder=unreachable)
            )
        self.backup = backup
        self.open_button = self.addButton(
            self.tr("&Open another file…"), QMessageBox.ButtonRole.ActionRole
        )
        self.default_button = None
        if from_setting:
            self.default_button = self.addButton(
                self.tr("Use the &default database"), QMessageBox.ButtonRole.ActionRole
            )
            self.default_button.setToolTip(
                self.tr("Forget the database chosen in Settings and open this PC's own file")
            )
        self.quit_button = self.addButton(self.tr("&Quit"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.quit_button)  # Enter never replaces anything
        self.setEscapeButton(self.quit_button)

    def choose(self) -> Choice:
        self.exec()
        clicked = self.clickedButton()
        if clicked is not None and clicked is self.restore_button:
            return Choice.RESTORE if self._confirm_restore() else Choice.QUIT
        if clicked is self.open_button:
            return Choice.OPEN_OTHER
        if clicked is not None and clicked is self.default_button:
            return Choice.USE_DEFAULT
        return Choice.QUIT

    def _confirm_restore(self) -> bool:
        assert self.backup is not None
        answer = QMessageBox.question(
            self,
            "reqdesk",
            self.tr(
                "Work saved after {time} is not in this backup and must be entered again. "
                "The damaged file is kept in the backups folder. Restore the backup?"
            ).format(time=self.backup.taken_at.strftime("%Y-%m-%d %H:%M")),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes


def restoring_helps(error: DatabaseError) -> bool:
    """Only a damaged file (or one that is no database at all) is worth replacing."""
    return isinstance(error, (DatabaseDamaged, NotAReqdeskDatabase))


def open_or_recover(target: str | Path | None) -> Database | None:
    """Open ``target``; on a problem ask what to do until it opens or the user quits."""
    while True:
        try:
            return open_database(target)
        except DatabaseError as error:
            log.warning("Cannot open %s: %s", target, error)
            db_file = _sqlite_file(target)
            helps = db_file is not None and restoring_helps(error)
            backup, unreachable = (
                _latest_good_backup(db_file) if helps and db_file else (None, None)
            )
            from_setting = _chosen_in_settings(target)
            choice = StartupProblemBox(
                error, backup, unreachable=unreachable, from_setting=from_setting
            ).choose()
        if choice is Choice.QUIT:
            return None
        if choice is Choice.USE_DEFAULT:
            try:
                local_settings.set_database(None)
            except local_settings.LocalSettingsError:  # this start uses it all the same
                log.warning("The database setting could not be cleared", exc_info=True)
            target = None
            continue
        if choice is Choice.OPEN_OTHER:
            chosen = _ask_for_file()
            if chosen is not None and _is_a_backup(chosen):
                QMessageBox.warning(
                    None,
                    "reqdesk",
                    translate(
                        "Startup",
                        "{file} is a backup; reqdesk may delete it when it rotates backups. "
                        "Restore it instead, or copy it out of the backups folder first.",
                    ).format(file=chosen),
                )
            elif chosen is not None:
                target = chosen
            continue
        assert db_file is not None and backup is not None
        try:
            restore_database(db_file, backup.path, now=datetime.now(), by="start-up")
        except DatabaseError as failure:
            QMessageBox.critical(None, "reqdesk", error_text(failure))


def _chosen_in_settings(target: str | Path | None) -> bool:
    """The database being opened is the one this PC's settings name (no option, no
    environment variable chose it)."""
    chosen = local_settings.database()
    return (
        bool(chosen)
        and target is not None
        and str(target) == chosen
        and (local_settings.database_source(None) == "setting")
    )


def _latest_good_backup(db_file: Path) -> tuple[BackupInfo | None, Path | None]:
    """The newest good backup in the folders this file's backups may be in, and the
    chosen folder when it cannot be reached."""
    place = startup_folders(db_file, local_settings.remembered_backup_folder(db_file))
    return backups.latest_good_backup(db_file, place.folders), place.unreachable


def _ask_for_file() -> Path | None:
    dialog = QFileDialog(None, translate("Startup", "Open a reqdesk database"))
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.setNameFilter(translate("Startup", "reqdesk databases (*.db);;All files (*)"))
    if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return None
    return Path(dialog.selectedFiles()[0])


def _is_a_backup(path: Path) -> bool:
    return path.parent.name == "backups" and backups.is_backup_name(path.name)


def warn_about_network_share(db: Database, parent: QWidget | None) -> bool:
    warning = network_share_warning(db)
    if warning is None:
        return False
    log.warning("%s", warning)
    QMessageBox.warning(parent, "reqdesk", error_text(warning))
    return True


def start_daily_backup(db: Database, parent: QWidget) -> QuietTask | None:
    """The start-up backup (at most one a day) to the folder and with the rotation chosen
    in the settings, off the GUI thread; the status bar says how it went. For a large
    database it is also the day's full integrity check."""
    db_file = db.sqlite_path
    if db_file is None:
        return None
    task = QuietTask(parent, lambda: daily_backup(db, now=datetime.now()))
    task.start(
        lambda done: _backup_done(parent, db_file, done), lambda e: _backup_failed(parent, e)
    )
    return task


def _status(parent: QObject, text: str) -> None:
    status = getattr(parent, "statusBar", None)
    if status is not None:
        status().showMessage(text, 15_000)


def _backup_done(parent: QWidget, db_file: Path, done: DailyBackup | None) -> None:
    if done is None:
        return
    if done.fell_back_from is not None:
        reason = error_text(done.problem) if done.problem is not None else ""
        QMessageBox.warning(
            parent,
            "reqdesk",
            translate(
                "Startup",
                "The backup folder {folder} cannot be used: {reason}\n\nToday's backup went "
                "to {default} instead. Choose another folder in Tools → Settings → Backups.",
            ).format(folder=done.fell_back_from, reason=reason, default=done.folder),
        )
    else:  # where to look should this file be too damaged to read its settings
        local_settings.remember_backup_folder(db_file, done.folder)
    if done.made is not None:
        _status(parent, translate("Startup", "Today's backup: {file}").format(file=done.made.name))


def _backup_failed(parent: QWidget, error: Exception) -> None:
    log.error("The daily backup failed: %s", error)
    text = error_text(error) if isinstance(error, DatabaseError) else str(error)
    QMessageBox.warning(
        parent,
        "reqdesk",
        translate(
            "Startup",
            "Today's automatic backup failed: {reason}\n\nYour work is still saved. Run Tools → "
            "Check database; if it reports damage, restore a backup (Tools → Backups).",
        ).format(reason=text),
    )
