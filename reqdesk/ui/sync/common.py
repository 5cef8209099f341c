"""What the sync widgets share: the package file dialog, messages, and background runs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QLabel, QTableWidget, QWidget

from reqdesk.i18n import error_text
from reqdesk.services.errors import ReqdeskError
from reqdesk.ui.background import BackgroundTask
from reqdesk.ui.form_fields import ERROR_STYLE
from reqdesk.ui.messages import report_failure

OK_STYLE = "color: #1b6e20;"
SUFFIX = "reqsync"


def package_filter() -> str:
    return QCoreApplication.translate("SyncDialog", "Sync packages (*.reqsync)")


def default_folder() -> str:
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)


def choose_package(parent: QWidget, title: str, folder: str, *, save_as: str = "") -> Path | None:
    """A package file to write (``save_as``: the suggested name) or to read; None: cancelled."""
    dialog = QFileDialog(parent, title, folder, package_filter())
    if save_as:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix(SUFFIX)
        dialog.selectFile(save_as)
    else:
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilters(
            [package_filter(), QCoreApplication.translate("SyncDialog", "All files (*)")]
        )
    if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return None
    return Path(dialog.selectedFiles()[0])


def show_message(label: QLabel, text: str, *, error: bool = False) -> None:
    label.setStyleSheet(ERROR_STYLE if error else OK_STYLE)
    label.setText(text)
    label.setVisible(bool(text))


def read_only_table(table: QTableWidget) -> QTableWidget:
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    return table


class Runner:
    """Runs one service call at a time off the GUI thread for a widget; a refusal (a
    ReqdeskError) goes to ``refused`` as its translated sentence, anything else to the
    usual error box."""

    def __init__(self, owner: QWidget, title: Callable[[], str]) -> None:
        self.owner = owner
        self.title = title
        self.task: BackgroundTask | None = None

    @property
    def busy(self) -> bool:
        return self.task is not None

    def run(
        self,
        label: str,
        work: Callable[[], Any],
        done: Callable[[Any], None],
        refused: Callable[[str], None],
    ) -> BackgroundTask | None:
        if self.task is not None:
            return None

        def finished(result: Any) -> None:
            self.task = None
            done(result)

        def failed(error: Exception) -> None:
            self.task = None
            if isinstance(error, ReqdeskError):
                refused(error_text(error))
            else:
                refused("")
                report_failure(self.owner, self.title(), error)

        self.task = BackgroundTask(self.owner, label, work)
        self.task.start(finished, failed)
        return self.task
