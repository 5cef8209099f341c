"""The contacts of a customer file: an editable table with add, remove and one primary."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reqdesk.i18n import error_text
from reqdesk.services.customers.forms import ContactInput
from reqdesk.services.errors import ReqdeskError
from reqdesk.ui.form_fields import ERROR_STYLE

FIELDS = ("name", "title", "phone", "mobile", "email")
PRIMARY = len(FIELDS)
INVALID = QColor("#fde7ea")


class ContactsEditor(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, len(FIELDS) + 1, self)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Title"),
                self.tr("Telephone"),
                self.tr("Mobile"),
                self.tr("E-mail"),
                self.tr("Primary"),
            ]
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(
            PRIMARY, QHeaderView.ResizeMode.ResizeToContents
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.itemChanged.connect(self._item_changed)
        add = QPushButton(self.tr("Add contact"), self)
        add.clicked.connect(lambda: self.add_contact(ContactInput()))
        remove = QPushButton(self.tr("Remove contact"), self)
        remove.clicked.connect(self.remove_selected)
        self.add_button, self.remove_button = add, remove
        self.message = QLabel(self)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self._loading = False

    def set_contacts(self, contacts: tuple[ContactInput, ...] | list[ContactInput]) -> None:
        self._loading = True
        self.table.setRowCount(0)
        for contact in contacts:
            self.add_contact(contact)
        self._loading = False

    def add_contact(self, contact: ContactInput) -> None:
        was_loading = self._loading
        self._loading = True
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, name in enumerate(FIELDS):
            self.table.setItem(row, column, QTableWidgetItem(getattr(contact, name)))
        primary = QTableWidgetItem()
        primary.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
        primary.setCheckState(
            Qt.CheckState.Checked if contact.is_primary else Qt.CheckState.Unchecked
        )
        self.table.setItem(row, PRIMARY, primary)
        self._loading = was_loading
        if not was_loading:
            self.table.setCurrentCell(row, 0)
            self.table.editItem(self.table.item(row, 0))
            self.changed.emit()

    def remove_selected(self) -> None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            self.table.removeRow(row)
        if rows:
            self.changed.emit()

    def contacts(self) -> tuple[ContactInput, ...]:
        result = []
        for row in range(self.table.rowCount()):
            values = {
                name: (self.table.item(row, column) or QTableWidgetItem()).text()
                for column, name in enumerate(FIELDS)
            }
            primary = self.table.item(row, PRIMARY)
            checked = primary is not None and primary.checkState() == Qt.CheckState.Checked
            result.append(ContactInput(**values, is_primary=checked))
        return tuple(result)

    def show_problems(self, problems: list[ReqdeskError]) -> None:
        """Mark the cells named by ``contacts[i].field`` problems and list the messages."""
        self.clear_problems()
        lines = []
        for problem in problems:
            name = problem.field or ""
            index = int(name[9 : name.index("]")])
            field = name.rsplit(".", 1)[1]
            item = (
                self.table.item(index, FIELDS.index(field))
                if index < self.table.rowCount()
                else None
            )
            if item is not None:
                item.setBackground(QBrush(INVALID))
                item.setToolTip(error_text(problem))
            lines.append(
                self.tr("Contact {n}: {message}").format(n=index + 1, message=error_text(problem))
            )
        self.message.setText("\n".join(lines))

    def clear_problems(self) -> None:
        self.message.clear()
        for row in range(self.table.rowCount()):
            for column in range(len(FIELDS)):
                item = self.table.item(row, column)
                if item is not None:
                    item.setBackground(QBrush())
                    item.setToolTip("")

    def set_read_only(self, read_only: bool) -> None:
        triggers = (
            QAbstractItemView.EditTrigger.NoEditTriggers
            if read_only
            else QAbstractItemView.EditTrigger.AllEditTriggers
        )
        self.table.setEditTriggers(triggers)
        self.add_button.setVisible(not read_only)
        self.remove_button.setVisible(not read_only)

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if self._loading:
            return
        if item.column() == PRIMARY and item.checkState() == Qt.CheckState.Checked:
            self._loading = True  # only one primary contact
            for row in range(self.table.rowCount()):
                other = self.table.item(row, PRIMARY)
                if row != item.row() and other is not None:
                    other.setCheckState(Qt.CheckState.Unchecked)
            self._loading = False
        self.changed.emit()
