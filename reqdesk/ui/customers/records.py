"""Lists kept in a customer file (relationship log, transactions) and their entry dialogs."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reqdesk.i18n import enum_label, error_text, translate
from reqdesk.models.enums import ContactChannel
from reqdesk.services.customers.sections import LogInput, LogRow, TransactionInput, TransactionRow
from reqdesk.services.errors import ReqdeskError
from reqdesk.ui.form_fields import ERROR_STYLE, FieldErrors, FormDateEdit
from reqdesk.ui.formatting import date_edit_format


class RecordList(QWidget):
    """A read-only table of records with Add, Edit and Delete buttons."""

    add_requested = Signal()
    edit_requested = Signal(int)  # row
    delete_requested = Signal(int)

    def __init__(self, headers: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, len(headers), self)
        self.table.setHorizontalHeaderLabels(list(headers))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.doubleClicked.connect(lambda index: self.edit_requested.emit(index.row()))
        self.add_button = QPushButton(self.tr("Add…"), self)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.add_button.clicked.connect(self.add_requested)
        self.edit_button.clicked.connect(lambda: self._with_row(self.edit_requested.emit))
        self.delete_button.clicked.connect(lambda: self._with_row(self.delete_requested.emit))
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def set_rows(self, rows: Sequence[Sequence[Any]]) -> None:
        self.table.setRowCount(len(rows))
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem("" if value is None else str(value)))

    def set_editable(self, editable: bool) -> None:
        for button in (self.add_button, self.edit_button, self.delete_button):
            button.setVisible(editable)

    def _with_row(self, emit: Callable[[int], None]) -> None:
        row = self.table.currentRow()
        if row >= 0:
            emit(row)


def qdate(value: date | None) -> QDate:
    day = value or date.today()
    return QDate(day.year, day.month, day.day)


def pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class _EntryDialog(QDialog):
    """A small form saved by ``submit``; a refused save keeps everything typed."""

    def __init__(self, submit: Callable[[], None], parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(420)
        self._submit = submit
        self.errors = FieldErrors()
        self.form = QFormLayout()
        self.message = QLabel(self)
        self.message.setStyleSheet(ERROR_STYLE)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def _save(self) -> None:
        try:
            self._submit()
        except ReqdeskError as error:
            rest = self.errors.show(error)
            self.message.setText("\n".join(error_text(e) for e in rest))
            return
        self.accept()


class LogEntryDialog(_EntryDialog):
    def __init__(
        self,
        save: Callable[[LogInput], None],
        entry: LogRow | None,
        default_person: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(lambda: save(self.value()), parent)
        self.setWindowTitle(self.tr("Relationship log entry"))
        self.day = FormDateEdit(qdate(entry.contact_date if entry else None), self)
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat(date_edit_format())
        self.person = QLineEdit(entry.person if entry else default_person, self)
        self.channel = QComboBox(self)
        for channel in ContactChannel:
            self.channel.addItem(enum_label(channel), channel)
        if entry:
            self.channel.setCurrentIndex(self.channel.findData(entry.channel))
        self.summary = QPlainTextEdit(entry.summary if entry else "", self)
        self.errors.add_row(self.form, self.tr("Date"), "contact_date", self.day)
        self.errors.add_row(self.form, self.tr("Person"), "person", self.person)
        self.errors.add_row(self.form, self.tr("Channel"), "channel", self.channel)
        self.errors.add_row(self.form, self.tr("Summary"), "summary", self.summary)

    def value(self) -> LogInput:
        return LogInput(
            pydate(self.day.date()),
            self.person.text(),
            self.channel.currentData(),
            self.summary.toPlainText(),
        )


class TransactionDialog(_EntryDialog):
    def __init__(
        self,
        save: Callable[[TransactionInput], None],
        entry: TransactionRow | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(lambda: save(self.value()), parent)
        self.setWindowTitle(self.tr("Transaction"))
        self.contract_no = QLineEdit(entry.contract_no if entry else "", self)
        self.day = FormDateEdit(qdate(entry.contract_date if entry else None), self)
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat(date_edit_format())
        self.product = QLineEdit(entry.product if entry else "", self)
        self.quantity = QLineEdit(f"{entry.quantity.normalize():f}" if entry else "", self)
        self.unit = QLineEdit(entry.unit if entry else "", self)
        self.amount = QLineEdit(f"{entry.amount:.2f}" if entry else "", self)
        for label, name, widget in (
            (self.tr("Contract no."), "contract_no", self.contract_no),
            (self.tr("Date"), "contract_date", self.day),
            (self.tr("Product"), "product", self.product),
            (self.tr("Quantity"), "quantity", self.quantity),
            (self.tr("Unit"), "unit", self.unit),
            (self.tr("Amount (yuan)"), "amount", self.amount),
        ):
            self.errors.add_row(self.form, label, name, widget)

    def value(self) -> TransactionInput:
        return TransactionInput(
            self.contract_no.text(),
            pydate(self.day.date()),
            self.product.text(),
            self.quantity.text(),
            self.unit.text(),
            self.amount.text(),
        )


def confirm_delete(parent: QWidget, what: str) -> bool:
    answer = QMessageBox.question(
        parent,
        translate("RecordList", "Delete"),
        what,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes
