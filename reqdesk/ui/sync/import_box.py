"""The Import part of Tools → Sync: choose a package, see what it is (checked whole,
nothing changed), confirm, import in the background, then the summary."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reqdesk.formatting import datetime_text, number_text
from reqdesk.services.context import Context
from reqdesk.services.sync.importing import ImportSummary, import_package, preview_package
from reqdesk.services.sync.package import Manifest
from reqdesk.ui.icons import icon
from reqdesk.ui.sync.common import (
    Runner,
    choose_package,
    default_folder,
    read_only_table,
    show_message,
)
from reqdesk.ui.sync.labels import counts_text, table_label

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _when(text: str | None) -> str:
    if not text:
        return ""
    try:
        return datetime_text(datetime.fromisoformat(text))
    except ValueError:
        return text


class ImportBox(QGroupBox):
    """``imported(ImportSummary)`` after a package was applied; ``review_conflicts`` when
    the user asks to see the conflicts it found."""

    imported = Signal(object)
    review_conflicts = Signal()

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.folder = default_folder()
        self.path: Path | None = None
        self.manifest: Manifest | None = None
        self.summary: ImportSummary | None = None
        self.runner = Runner(self, lambda: self.tr("Import"))
        self.setTitle(self.tr("Receive from another site"))

        self.choose_button = QPushButton(icon("sync_import"), self.tr("&Choose a package…"), self)
        self.choose_button.clicked.connect(lambda: self.ask_file())
        self.file_label = QLabel(self.tr("No package chosen."), self)
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview = QLabel(self)
        self.preview.setWordWrap(True)
        self.preview.setVisible(False)
        self.import_button = QPushButton(self.tr("&Import this package"), self)
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(lambda: self.run_import())
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setVisible(False)
        self.conflicts_button = QPushButton(
            icon("sync_conflicts"), self.tr("Review the con&flicts"), self
        )
        self.conflicts_button.setVisible(False)
        self.conflicts_button.clicked.connect(self.review_conflicts.emit)
        self.by_table = self._summary_table()
        self.problems = QPlainTextEdit(self)
        self.problems.setReadOnly(True)
        self.problems.setMaximumHeight(80)
        self.problems.setVisible(False)

        top = QHBoxLayout()
        top.addWidget(self.choose_button)
        top.addWidget(self.file_label, 1)
        act = QHBoxLayout()
        act.addWidget(self.import_button)
        act.addWidget(self.conflicts_button)
        act.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.preview)
        layout.addLayout(act)
        layout.addWidget(self.message)
        layout.addWidget(self.by_table, 10)
        layout.addWidget(self.problems)
        layout.addStretch(1)

    def _summary_table(self) -> QTableWidget:
        table = read_only_table(QTableWidget(0, 5, self))
        headers = [self.tr("Records"), self.tr("New"), self.tr("Updated"), self.tr("Conflicts")]
        table.setHorizontalHeaderLabels([*headers, self.tr("Skipped")])
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.setVisible(False)
        return table

    # --- choosing and previewing ---------------------------------------------------------

    def ask_file(self) -> None:
        path = choose_package(self, self.tr("Choose a sync package"), self.folder)
        if path is not None:
            self.folder = str(path.parent)
            self.check(path)

    def check(self, path: Path) -> None:
        """Read the whole package and show what it is; nothing is changed."""
        ctx = self.ctx
        self._reset(path)
        self.runner.run(
            self.tr("Checking the package…"),
            lambda: preview_package(ctx, path),
            self._previewed,
            self._refused,
        )

    def _reset(self, path: Path) -> None:
        self.path, self.manifest, self.summary = path, None, None
        self.file_label.setText(str(path))
        self.import_button.setEnabled(False)
        self.preview.setVisible(False)
        self.conflicts_button.setVisible(False)
        self.by_table.setVisible(False)
        self.problems.setVisible(False)
        show_message(self.message, "")

    def _previewed(self, manifest: Manifest) -> None:
        self.manifest = manifest
        self.preview.setText(self.describe(manifest))
        self.preview.setVisible(True)
        self.import_button.setEnabled(True)
        self.import_button.setDefault(True)
        self.import_button.setFocus()

    def describe(self, manifest: Manifest) -> str:
        target = manifest.target_site or self.tr("any site")
        if manifest.since:
            period = self.tr("Changes from {since} to {until}.").format(
                since=_when(manifest.since), until=_when(manifest.until)
            )
        else:
            period = self.tr("Everything up to {until} (a first package).").format(
                until=_when(manifest.until)
            )
        lines = [
            self.tr(
                "Package no. {sequence} from site {source} for {target}, written {created} "
                "by reqdesk {program}."
            ).format(
                sequence=manifest.sequence,
                source=manifest.source_site,
                target=target,
                created=_when(manifest.created_at),
                program=manifest.program,
            ),
            period,
            self.tr("It holds {n} records: {counts}.").format(
                n=number_text(sum(manifest.counts.values())), counts=counts_text(manifest.counts)
            ),
            self.tr("Nothing has been changed yet: press Import to apply it."),
        ]
        return "\n".join(lines)

    # --- importing -----------------------------------------------------------------------

    def run_import(self) -> None:
        path, ctx = self.path, self.ctx
        if path is None or self.manifest is None:
            return
        self.import_button.setEnabled(False)
        self.runner.run(
            self.tr("Importing the sync package…"),
            lambda: import_package(ctx, path),
            self._imported,
            self._refused,
        )

    def _imported(self, summary: ImportSummary) -> None:
        self.summary = summary
        self.manifest = None
        self.import_button.setDefault(False)
        self.preview.setVisible(False)
        show_message(self.message, self.headline(summary))
        self._fill_table(summary)
        self.problems.setPlainText("\n".join(summary.problems))
        self.problems.setVisible(bool(summary.problems))
        self.conflicts_button.setVisible(summary.conflicts > 0)
        (self.conflicts_button if summary.conflicts else self.choose_button).setFocus()
        self.imported.emit(summary)

    def headline(self, summary: ImportSummary) -> str:
        text = self.tr(
            "Package no. {sequence} from {source} imported: {new} new, {updated} updated, "
            "{conflicts} conflicts, {skipped} skipped, {deleted} deleted."
        ).format(
            sequence=summary.sequence,
            source=summary.source_site,
            new=number_text(summary.new),
            updated=number_text(summary.updated),
            conflicts=number_text(summary.conflicts),
            skipped=number_text(summary.skipped),
            deleted=number_text(summary.deleted),
        )
        extra = self.tr("{audit} audit log entries added; {people} people met for the first time.")
        text += "\n" + extra.format(
            audit=number_text(summary.audit_entries), people=number_text(summary.people)
        )
        if summary.problems:
            text += "\n" + self.tr("%n record(s) could not be applied:", "", len(summary.problems))
        return text

    def _fill_table(self, summary: ImportSummary) -> None:
        rows = [(name, c) for name, c in summary.by_table.items()]
        self.by_table.setRowCount(len(rows))
        for row, (name, counts) in enumerate(rows):
            values = (counts.new, counts.updated, counts.conflicts, counts.skipped)
            self.by_table.setItem(row, 0, QTableWidgetItem(table_label(name)))
            for column, value in enumerate(values, start=1):
                item = QTableWidgetItem(number_text(value))
                item.setTextAlignment(RIGHT)
                self.by_table.setItem(row, column, item)
        self.by_table.setVisible(bool(rows))

    def _refused(self, text: str) -> None:
        self.manifest = None
        self.import_button.setEnabled(False)
        self.import_button.setDefault(False)
        self.preview.setVisible(False)
        show_message(self.message, text, error=True)
        self.choose_button.setFocus()
