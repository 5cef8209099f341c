"""Tools → Settings → Departments: their codes, names, what they answer for in reviews."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reqdesk.i18n import enum_label, error_text
from reqdesk.models.enums import ReviewAspect
from reqdesk.services import departments
from reqdesk.services.context import Context
from reqdesk.services.departments import DepartmentOverview
from reqdesk.services.errors import ReqdeskError
from reqdesk.ui.form_fields import ERROR_STYLE
from reqdesk.ui.settings.people_table_model import CachedTableModel, record_table
from reqdesk.ui.submit_dialog import SubmitDialog
from reqdesk.ui.windowed_table_model import Column


class DepartmentDialog(SubmitDialog):
    """New department (``department`` None) or Edit: the code is fixed once created."""

    def __init__(
        self,
        ctx: Context,
        department: DepartmentOverview | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.department_id: int | None = department.id if department else None
        self.setWindowTitle(
            self.tr("New department") if department is None else self.tr("Edit department")
        )
        self.setMinimumWidth(380)
        self.code = QLineEdit(self)
        self.code.setMaxLength(16)
        self.code.setPlaceholderText(self.tr("for example LOG"))
        self.name = QLineEdit(self)
        self.name.setMaxLength(departments.MAX_NAME_LENGTH)
        self.aspect = QComboBox(self)
        self.aspect.addItem(self.tr("(none: does not sign reviews)"), None)
        for aspect in ReviewAspect:
            self.aspect.addItem(enum_label(aspect), aspect)
        self.errors.add_row(self.form, self.tr("Code"), "code", self.code)
        self.errors.add_row(self.form, self.tr("Name"), "name", self.name)
        self.errors.add_row(self.form, self.tr("Review aspect"), "review_aspect", self.aspect)
        if department is not None:
            self.code.setText(department.code)
            self.code.setReadOnly(True)
            self.code.setToolTip(self.tr("A department code cannot be changed."))
            self.name.setText(department.name)
            self.aspect.setCurrentIndex(max(0, self.aspect.findData(department.review_aspect)))
            self.name.setFocus()
        else:
            self.code.setFocus()

        def save() -> None:
            chosen = self.aspect.currentData()  # the combo hands back the code as a str
            aspect = None if chosen is None else ReviewAspect(chosen)
            if self.department_id is None:
                self.department_id = departments.create_department(
                    ctx, code=self.code.text(), name=self.name.text(), review_aspect=aspect
                )
            else:
                departments.update_department(
                    ctx, self.department_id, name=self.name.text(), review_aspect=aspect
                )

        self.submit = save


class DepartmentsPage(QWidget):
    """Changes happen in a small dialog or with one button, each one audited service call;
    the page never holds unsaved edits."""

    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("SettingsDialog", "Departments")

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        columns: list[Column[DepartmentOverview]] = [
            Column("code", self.tr("Code"), lambda d: d.code),
            Column("name", self.tr("Name"), lambda d: d.name),
            Column(
                "review_aspect", self.tr("Review aspect"), lambda d: enum_label(d.review_aspect)
            ),
            Column(
                "active", self.tr("Active"), lambda d: self.tr("Yes") if d.active else self.tr("No")
            ),
            Column(
                "active_users",
                self.tr("Active users"),
                lambda d: str(d.active_users),
                align_right=True,
            ),
        ]
        self.model: CachedTableModel[DepartmentOverview] = CachedTableModel(
            columns, row_id=lambda d: d.id, inactive=lambda d: not d.active, parent=self
        )
        intro = QLabel(
            self.tr(
                "Reviews go to the one active department answering for each review aspect; "
                "the Sales department organises and concludes them."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.table = self._table()
        self.message = QLabel(self)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.new_button = self._button(self.tr("&New…"), self.new_department)
        self.edit_button = self._button(self.tr("&Edit…"), self.edit_selected)
        self.active_button = self._button(self.tr("&Deactivate"), self.toggle_active)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.active_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.reload()

    def _table(self) -> QTableView:
        table = record_table(
            self, self.model, edit=self.edit_selected, selection_changed=self._update_buttons
        )
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        return table

    def _button(self, text: str, slot: object) -> QPushButton:
        button = QPushButton(text, self)
        button.clicked.connect(slot)
        return button

    def may_leave(self) -> bool:
        return True

    def reload(self, select_id: int | None = None) -> None:
        try:
            self.model.merge(departments.department_overview(self.ctx))
        except ReqdeskError as error:
            self.message.setText(error_text(error))
        position = None if select_id is None else self.model.position_of(select_id)
        if position is not None:
            self.table.selectRow(position)
        self._update_buttons()

    def selected(self) -> DepartmentOverview | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        chosen = self.selected()
        self.edit_button.setEnabled(chosen is not None)
        self.active_button.setEnabled(chosen is not None)
        activate = chosen is not None and not chosen.active
        self.active_button.setText(self.tr("&Activate") if activate else self.tr("&Deactivate"))

    def new_department(self) -> None:
        self.message.clear()
        dialog = DepartmentDialog(self.ctx, None, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.reload(select_id=dialog.department_id)

    def edit_selected(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        self.message.clear()
        if DepartmentDialog(self.ctx, chosen, self).exec() == QDialog.DialogCode.Accepted:
            self.reload(select_id=chosen.id)

    def toggle_active(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        self.message.clear()
        try:
            if chosen.active:
                departments.deactivate_department(self.ctx, chosen.id)
            else:
                departments.activate_department(self.ctx, chosen.id)
        except ReqdeskError as error:
            self.message.setText(error_text(error))
            return
        self.reload(select_id=chosen.id)
