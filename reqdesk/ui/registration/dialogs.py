"""Dialogs of the registration tab: possible duplicates, dispatch, assessment."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reqdesk.i18n import enum_label
from reqdesk.models.enums import Feasibility
from reqdesk.services.context import Context
from reqdesk.services.requirements.duplicates import DuplicateCandidate
from reqdesk.services.requirements.forms import AssessmentInput
from reqdesk.services.users import list_departments, list_users
from reqdesk.ui.formatting import datetime_text
from reqdesk.ui.registration.form import enum_combo, select_data
from reqdesk.ui.submit_dialog import SubmitDialog


class DuplicateDialog(QDialog):
    """需求整合: similar open requirements of the customer; go on, or merge into one."""

    GO_ON = 1
    MERGE = 2

    def __init__(self, candidates: list[DuplicateCandidate], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.candidates = candidates
        self.setWindowTitle(self.tr("Similar open requirements"))
        self.resize(720, 320)
        self.table = QTableWidget(len(candidates), 5, self)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Number"),
                self.tr("Received"),
                self.tr("Title"),
                self.tr("Stage"),
                self.tr("Similarity"),
            ]
        )
        for row, c in enumerate(candidates):
            for column, text in enumerate(
                (
                    c.number,
                    datetime_text(c.received_at),
                    c.title,
                    enum_label(c.stage),
                    f"{c.similarity:.0%}",
                )
            ):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.selectRow(0)
        merge = QPushButton(self.tr("Merge into the selected one"), self)
        go_on = QPushButton(self.tr("Register as a new requirement"), self)
        cancel = QPushButton(self.tr("Back to the form"), self)
        merge.clicked.connect(lambda: self.done(self.MERGE))
        go_on.clicked.connect(lambda: self.done(self.GO_ON))
        cancel.clicked.connect(self.reject)
        buttons = QDialogButtonBox(self)
        for button in (merge, go_on, cancel):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr(
                    "This customer has open requirements that look similar. Merging appends the "
                    "new text to the selected requirement; the new registration keeps a link to it."
                ),
                self,
            )
        )
        layout.addWidget(self.table)
        layout.addWidget(buttons)

    def selected_id(self) -> int:
        row = max(self.table.currentRow(), 0)
        return self.candidates[row].id


class DispatchDialog(SubmitDialog):
    """Send the requirement to a department and person; the liaison form follows."""

    def __init__(
        self,
        ctx: Context,
        department_id: int | None,
        assignee_id: int | None,
        dispatch: Callable[[int, int | None, str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Dispatch (internal liaison form)"))
        self.department = QComboBox(self)
        for department in list_departments(ctx):
            if department.active:
                self.department.addItem(department.name, department.id)
        self.assignee = QComboBox(self)
        self.users = [u for u in list_users(ctx) if u.active]
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("What the department should do, by when"))
        self.errors.add_row(self.form, self.tr("Department"), "department_id", self.department)
        self.errors.add_row(self.form, self.tr("Person"), "assignee_id", self.assignee)
        self.errors.add_row(self.form, self.tr("Instructions"), "note", self.note)
        self.department.currentIndexChanged.connect(self._fill)
        select_data(self.department, department_id)
        self._fill()
        select_data(self.assignee, assignee_id)
        self.submit = lambda: dispatch(
            self.department.currentData(), self.assignee.currentData(), self.note.text()
        )

    def _fill(self) -> None:
        self.assignee.clear()
        self.assignee.addItem(self.tr("(anyone in the department)"), None)
        for user in self.users:
            if user.department_id == self.department.currentData():
                self.assignee.addItem(user.full_name, user.id)


class AssessmentDialog(SubmitDialog):
    """需求评估: technical, economic and time feasibility, value 1–5, notes."""

    def __init__(
        self,
        current: AssessmentInput | None,
        save: Callable[[AssessmentInput], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Assessment"))
        current = current or AssessmentInput()
        self.technical = enum_combo(self, list(Feasibility), self.tr("(not assessed)"))
        self.economic = enum_combo(self, list(Feasibility), self.tr("(not assessed)"))
        self.timing = enum_combo(self, list(Feasibility), self.tr("(not assessed)"))
        for combo, value in (
            (self.technical, current.technical),
            (self.economic, current.economic),
            (self.timing, current.timing),
        ):
            select_data(combo, value)
        self.value = QSpinBox(self)
        self.value.setRange(0, 5)
        self.value.setSpecialValueText(self.tr("(not scored)"))
        self.value.setValue(current.value_score or 0)
        self.note = QPlainTextEdit(current.note, self)
        self.note.setFixedHeight(80)
        self.errors.add_row(
            self.form, self.tr("Technical feasibility"), "technical", self.technical
        )
        self.errors.add_row(self.form, self.tr("Economic feasibility"), "economic", self.economic)
        self.errors.add_row(self.form, self.tr("Time feasibility"), "timing", self.timing)
        self.errors.add_row(self.form, self.tr("Value (1–5)"), "value_score", self.value)
        self.errors.add_row(self.form, self.tr("Notes"), "note", self.note)
        self.submit = lambda: save(self.result_value())

    def result_value(self) -> AssessmentInput:
        return AssessmentInput(
            self.technical.currentData(),
            self.economic.currentData(),
            self.timing.currentData(),
            self.value.value() or None,
            self.note.toPlainText(),
        )
