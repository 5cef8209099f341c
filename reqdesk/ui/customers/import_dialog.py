"""Importing customers from Excel: choose a file, check it (nothing written), then import."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
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

from reqdesk.i18n import error_text, translate
from reqdesk.services.context import Context
from reqdesk.services.customers.exporting import write_template
from reqdesk.services.customers.importing import ImportReport, import_customers
from reqdesk.services.errors import ReqdeskError
from reqdesk.ui.background import BackgroundTask
from reqdesk.ui.form_fields import ERROR_STYLE
from reqdesk.ui.messages import report_failure, show_error

XLSX_FILTER = "Excel (*.xlsx)"


class ImportDialog(QDialog):
    imported = Signal()

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.report: ImportReport | None = None
        self.setWindowTitle(self.tr("Import customers from Excel"))
        self.resize(820, 560)

        self.path = QLineEdit(self)
        self.path.setPlaceholderText(self.tr("Choose an .xlsx file"))
        browse = QPushButton(self.tr("Choose…"), self)
        browse.clicked.connect(self.choose_file)
        template = QPushButton(self.tr("Download template…"), self)
        template.clicked.connect(self.save_template)
        self.check_button = QPushButton(self.tr("Check file"), self)
        self.check_button.clicked.connect(self.check)
        top = QHBoxLayout()
        top.addWidget(self.path, 1)
        top.addWidget(browse)
        top.addWidget(self.check_button)
        top.addWidget(template)

        self.summary = QLabel(self.tr("Nothing is written until you press Import."), self)
        self.summary.setWordWrap(True)
        self.issues = QTableWidget(0, 3, self)
        self.issues.setHorizontalHeaderLabels(
            [self.tr("Row"), self.tr("Column"), self.tr("Problem")]
        )
        self.preview = QTableWidget(0, 3, self)
        self.preview.setHorizontalHeaderLabels(
            [self.tr("Row"), self.tr("Customer"), self.tr("Result")]
        )
        for table in (self.issues, self.preview):
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            table.verticalHeader().setVisible(False)
            table.horizontalHeader().setStretchLastSection(True)
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.import_button = QPushButton(self.tr("Import"), self)
        self.valid_only_button = QPushButton(self.tr("Import only the valid rows"), self)
        close = QPushButton(self.tr("Close"), self)
        self.import_button.clicked.connect(lambda: self.run_import(valid_only=False))
        self.valid_only_button.clicked.connect(lambda: self.run_import(valid_only=True))
        close.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        for button in (self.valid_only_button, self.import_button, close):
            bottom.addWidget(button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(QLabel(self.tr("Problems"), self))
        layout.addWidget(self.issues, 1)
        layout.addWidget(QLabel(self.tr("Customers in the file"), self))
        layout.addWidget(self.preview, 1)
        layout.addLayout(bottom)
        self._set_buttons()

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Import customers"), "", XLSX_FILTER)
        if name:
            self.path.setText(name)
            self.check()

    def save_template(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the import template"),
            self.tr("customer-template.xlsx"),
            XLSX_FILTER,
        )
        if name:
            self.save_template_to(Path(name))

    def save_template_to(self, path: Path) -> bool:
        try:
            write_template(path, translate)
        except ReqdeskError as error:  # the folder is missing, read-only, …
            show_error(self, self.tr("Template"), error)
            return False
        return True

    def check(self) -> None:
        """Read and validate the file (a dry run: nothing is written)."""
        self._start(dry_run=True, valid_only=False, label=self.tr("Checking the file…"))

    def run_import(self, *, valid_only: bool) -> None:
        self._start(dry_run=False, valid_only=valid_only, label=self.tr("Importing…"))

    def _start(self, *, dry_run: bool, valid_only: bool, label: str) -> None:
        text = self.path.text().strip()
        if not text:
            self.summary.setText(self.tr("Choose a file first."))
            return
        path, ctx = Path(text), self.ctx
        task = BackgroundTask(
            self,
            label,
            lambda: import_customers(ctx, path, translate, dry_run=dry_run, valid_only=valid_only),
        )
        task.start(self.show_report, self._failed)
        self.task = task

    def _failed(self, error: Exception) -> None:
        self.report = None
        self._set_buttons()
        self.issues.setRowCount(0)
        self.preview.setRowCount(0)
        self.summary.setStyleSheet(ERROR_STYLE)
        if isinstance(error, ReqdeskError):
            self.summary.setText(error_text(error))
        else:
            self.summary.setText(self.tr("The file could not be read."))
            report_failure(self, self.windowTitle(), error)

    def show_report(self, report: ImportReport) -> None:
        self.report = report
        self.summary.setStyleSheet("" if report.ok or report.written else ERROR_STYLE)
        counts = self.tr(
            "{rows} rows read from sheet {sheet} (header in row {header}): {new} new, "
            "{updated} updated, {unchanged} unchanged customers."
        ).format(
            rows=report.rows_read,
            sheet=report.sheet,
            header=report.header_row,
            new=report.new,
            updated=report.updated,
            unchanged=report.unchanged,
        )
        if report.written:
            state = self.tr("Imported.")
            if report.skipped_rows:
                state += " " + self.tr("Rows left out: {rows}").format(
                    rows=", ".join(map(str, report.skipped_rows))
                )
            self.imported.emit()
        elif report.issues:
            state = self.tr(
                "{n} problem(s): nothing will be written unless you import only the valid rows."
            ).format(n=len(report.issues))
        else:
            state = self.tr("The file is fine. Press Import to store it.")
        self.summary.setText(f"{counts}\n{state}")
        self.issues.setRowCount(len(report.issues))
        for index, issue in enumerate(report.issues):
            for column, value in enumerate((str(issue.row), issue.column, error_text(issue.error))):
                self.issues.setItem(index, column, QTableWidgetItem(value))
        outcome_text = {
            "new": self.tr("new"),
            "updated": self.tr("updated"),
            "unchanged": self.tr("unchanged"),
            "invalid": self.tr("not imported"),
        }
        self.preview.setRowCount(len(report.outcomes))
        for index, outcome in enumerate(report.outcomes):
            for column, value in enumerate(
                (str(outcome.row), outcome.name, outcome_text[outcome.outcome])
            ):
                self.preview.setItem(index, column, QTableWidgetItem(value))
        self._set_buttons()

    def _set_buttons(self) -> None:
        report = self.report
        checked = report is not None and report.dry_run
        self.import_button.setEnabled(bool(checked and report and report.ok))
        self.valid_only_button.setEnabled(
            bool(checked and report and report.issues and (report.new or report.updated))
        )
