"""需求登记: recent registrations beside the registration form, and its actions."""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from reqdesk.i18n import enum_label, error_text, translate
from reqdesk.services.calendar import missing_schedule_warning
from reqdesk.services.context import Context
from reqdesk.services.errors import ReqdeskError
from reqdesk.services.ledger_list import LedgerFilter, LedgerRow, count_ledger, ledger_rows
from reqdesk.services.listing import Window
from reqdesk.services.permissions import Permission, can
from reqdesk.services.requirements import registration as reg
from reqdesk.services.requirements.duplicates import find_duplicates
from reqdesk.services.requirements.printing import (
    FORM_LIAISON,
    FORM_REGISTRATION,
    print_requirement_form,
)
from reqdesk.services.requirements.views import get_requirement
from reqdesk.services.reviews.common import can_open_reviews
from reqdesk.ui.background import BackgroundTask
from reqdesk.ui.form_fields import ERROR_STYLE
from reqdesk.ui.formatting import datetime_text
from reqdesk.ui.list_panel import ListPanel
from reqdesk.ui.messages import report_failure, show_error
from reqdesk.ui.pdf_preview import PdfPreviewDialog
from reqdesk.ui.registration.dialogs import AssessmentDialog, DispatchDialog, DuplicateDialog
from reqdesk.ui.registration.form import RegistrationForm
from reqdesk.ui.windowed_table_model import Column

OK_STYLE = "color: #1b6e20;"


class RecentSource:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.filter = LedgerFilter()

    def count(self) -> int:
        return count_ledger(self.ctx, self.filter)

    def fetch(self, window: Window) -> Sequence[LedgerRow]:
        return ledger_rows(self.ctx, self.filter, window)


class RegistrationTab(QWidget):
    review_requested = Signal(object)  # the RequirementView to open a contract review on

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.source = RecentSource(ctx)
        self.panel = ListPanel(
            [
                Column("number", self.tr("Number"), lambda r: r.number),
                Column("received_at", self.tr("Received"), lambda r: datetime_text(r.received_at)),
                Column("customer", self.tr("Customer"), lambda r: r.customer),
                Column("title", self.tr("Title"), lambda r: r.title),
                Column("stage", self.tr("Stage"), lambda r: enum_label(r.stage)),
            ],
            self.source,
            row_id=lambda r: r.id,
            count_text=lambda n: self.tr("%n registration(s)", "", n),
            search_placeholder=self.tr("Search number or title (Ctrl+F)"),
            on_search=self._search,
            default_sort=(1, Qt.SortOrder.DescendingOrder),
            parent=self,
        )
        self.panel.set_column_widths([140, 110, 150, 200, 60])
        self.panel.activated.connect(self.open_requirement)
        self.form = RegistrationForm(ctx, self)
        self._build(self._actions())

    def _actions(self) -> QWidget:
        bar = QWidget(self)
        row = QHBoxLayout(bar)
        row.setContentsMargins(0, 0, 0, 0)
        may = {
            "new": can(self.ctx.actor, Permission.REGISTER_REQUIREMENTS),
            "dispatch": can(self.ctx.actor, Permission.DISPATCH),
            "assess": can(self.ctx.actor, Permission.ASSESS),
            "print": can(self.ctx.actor, Permission.PRINT_REPORTS),
        }
        buttons = (
            ("new_button", self.tr("New"), "Ctrl+N", self.new_registration, may["new"]),
            (
                "save_button",
                self.tr("Save"),
                "Ctrl+S",
                self.save,
                may["new"] or can(self.ctx.actor, Permission.EDIT_REQUIREMENTS),
            ),
            ("dispatch_button", self.tr("Dispatch…"), "", self.dispatch, may["dispatch"]),
            ("assess_button", self.tr("Assess…"), "", self.assess, may["assess"]),
            (
                "print_form_button",
                self.tr("Print form…"),
                "",
                lambda: self.print(FORM_REGISTRATION),
                may["print"],
            ),
            (
                "print_liaison_button",
                self.tr("Print liaison form…"),
                "",
                lambda: self.print(FORM_LIAISON),
                may["print"],
            ),
            (
                "review_button",
                self.tr("Open review…"),
                "",
                self.request_review,
                can_open_reviews(self.ctx),
            ),
        )
        for name, text, key, slot, visible in buttons:
            button = QPushButton(text, bar)
            if key:
                button.setToolTip(f"{text} ({key})")
            button.clicked.connect(slot)
            button.setVisible(visible)
            row.addWidget(button)
            setattr(self, name, button)
        row.addStretch(1)
        return bar

    def _build(self, actions: QWidget) -> None:
        self.warning = QLabel(self)
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("background: #fff4ce; padding: 6px; color: #5c4400;")
        self.warning.hide()
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        scroll = QScrollArea(self)
        scroll.setWidget(self.form)
        scroll.setWidgetResizable(True)
        right = QWidget(self)
        column = QVBoxLayout(right)
        column.addWidget(self.warning)
        column.addWidget(actions)
        column.addWidget(scroll, 1)
        column.addWidget(self.message)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.panel)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.panel.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self._update_buttons()
        self._check_calendar()

    def _check_calendar(self) -> None:
        year = missing_schedule_warning(self.ctx)
        if year is not None:
            self.warning.setText(
                self.tr(
                    "The holiday schedule for {year} has not been entered: due dates in {year} "
                    "count weekends only and are marked provisional. The administrator enters it "
                    "under Tools → Holiday calendar."
                ).format(year=year)
            )
            self.warning.show()

    # List ------------------------------------------------------------------------------

    def _search(self, text: str) -> None:
        self.source.filter = LedgerFilter(text=text)

    def reload(self) -> None:
        self.panel.reload()

    def _row_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        requirement_id = self.panel.model.id_at(current.row()) if current.isValid() else None
        if requirement_id is None or (
            self.form.view is not None and self.form.view.id == requirement_id
        ):
            return
        if not self.may_leave():
            self._select_quietly(previous)  # stay on the record being edited
            return
        self.open_requirement(requirement_id)

    def _select_quietly(self, index: QModelIndex) -> None:
        selection = self.panel.table.selectionModel()
        selection.blockSignals(True)
        if index.isValid():
            selection.setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        else:
            selection.clearSelection()
        selection.blockSignals(False)
        self.panel.table.viewport().update()

    def may_leave(self) -> bool:
        """Before the form is replaced or the window closes: save, discard or stay."""
        if not self.form.is_modified():
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Requirement registration"),
            self.tr("The registration form has changes that are not saved. Save them now?"),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def _saved_first(self) -> bool:
        """Dispatch, assessment and printing work on the stored record: save changes first."""
        if not self.form.is_modified():
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Requirement registration"),
            self.tr("Save the changes to the form first?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        return answer == QMessageBox.StandardButton.Save and self.save()

    def show_requirement(self, requirement_id: int) -> None:
        """Show one requirement (opened from elsewhere, e.g. a customer file)."""
        if not self.may_leave():
            return
        if self.panel.search is not None:
            self.panel.search.blockSignals(True)
            self.panel.search.clear()
            self.panel.search.blockSignals(False)
        self.source.filter = LedgerFilter(requirement_id=requirement_id)
        self.panel.reload()
        self.panel.table.selectRow(0)
        self.open_requirement(requirement_id)

    def open_requirement(self, requirement_id: int) -> None:
        try:
            view = get_requirement(self.ctx, requirement_id)
        except ReqdeskError as error:
            show_error(self, self.tr("Requirement"), error)
            return
        self.form.show_requirement(view)
        self.message.clear()
        self._update_buttons()

    # Actions ---------------------------------------------------------------------------

    def new_registration(self) -> None:
        if not can(self.ctx.actor, Permission.REGISTER_REQUIREMENTS) or not self.may_leave():
            return
        self.form.clear()
        self.message.clear()
        self.panel.table.clearSelection()
        self._update_buttons()
        self.form.customer.setFocus()

    def save(self) -> bool:
        """Save the form; for a new registration first offer similar open requirements."""
        value = self.form.value()
        self.form.errors.clear()
        try:
            if self.form.view is None:
                merge_into = None
                candidates = (
                    find_duplicates(
                        self.ctx,
                        customer_id=value.customer_id,
                        contact_phone=value.contact_phone,
                        title=value.title,
                        description=value.description,
                    )
                    if value.title.strip()
                    else []
                )
                if candidates:
                    dialog = DuplicateDialog(candidates, self)
                    answer = dialog.exec()
                    if answer == DuplicateDialog.MERGE:
                        merge_into = dialog.selected_id()
                    elif answer != DuplicateDialog.GO_ON:
                        return False
                done = reg.register_requirement(self.ctx, value, merge_into=merge_into)
                text = self.tr("Registered as {number}.").format(number=done.number)
                if merge_into is not None:
                    text += " " + self.tr("Merged into the selected requirement.")
                saved_id = done.id
            else:
                saved_id = self.form.view.id
                changed = reg.update_registration(self.ctx, saved_id, value)
                text = self.tr("Saved.") if changed else self.tr("Nothing changed.")
        except ReqdeskError as error:
            rest = self.form.errors.show(error)
            self.message.setStyleSheet(ERROR_STYLE)
            self.message.setText(
                "\n".join([error_text(error), *(error_text(p) for p in rest if p is not error)])
            )
            return False
        self.panel.model.refresh()
        self.open_requirement(saved_id)
        self.message.setStyleSheet(OK_STYLE)
        self.message.setText(text)
        return True

    def dispatch(self) -> None:
        if self.form.view is None or not self._saved_first():
            return
        view = self.form.view

        def send(department_id: int, assignee_id: int | None, note: str) -> None:
            reg.dispatch_requirement(self.ctx, view.id, department_id, assignee_id, note)

        dialog = DispatchDialog(self.ctx, view.department_id, view.assignee_id, send, self)
        if dialog.exec():
            self.panel.model.refresh()
            self.open_requirement(view.id)
            self.message.setStyleSheet(OK_STYLE)
            self.message.setText(self.tr("Dispatched. The liaison form is ready to print."))
            self.print(FORM_LIAISON)

    def assess(self) -> None:
        if self.form.view is None or not self._saved_first():
            return
        view = self.form.view
        dialog = AssessmentDialog(
            view.assessment, lambda value: reg.save_assessment(self.ctx, view.id, value), self
        )
        if dialog.exec():
            self.open_requirement(view.id)

    def request_review(self) -> None:
        """合同评审 for this requirement: the main window opens the review dialog."""
        if self.form.view is None or not self._saved_first():
            return
        self.review_requested.emit(self.form.view)

    def reload_current(self) -> None:
        self.panel.model.refresh()
        if self.form.view is not None and not self.form.is_modified():
            self.open_requirement(self.form.view.id)

    def print(self, form: str) -> BackgroundTask | None:
        if self.form.view is None or not self._saved_first():
            return None
        view = self.form.view
        ctx, requirement_id = self.ctx, view.id
        path = Path(tempfile.mkdtemp(prefix="reqdesk-")) / f"{view.number}-{form}.pdf"
        title = (
            self.tr("Internal liaison form")
            if form == FORM_LIAISON
            else self.tr("Registration form")
        )
        task = BackgroundTask(
            self,
            self.tr("Preparing the form…"),
            lambda: print_requirement_form(
                ctx, path, translate, form=form, requirement_id=requirement_id
            ),
        )
        task.start(
            lambda p: self._preview(p, title), lambda error: self._print_failed(title, error)
        )
        return task

    def _preview(self, path: Path, title: str) -> None:
        self.preview = PdfPreviewDialog(path, title, self)
        self.preview.show()

    def _print_failed(self, title: str, error: Exception) -> None:
        report_failure(self, title, error)

    def _update_buttons(self) -> None:
        view = self.form.view
        stored = view is not None
        for button in (
            self.dispatch_button,
            self.assess_button,
            self.print_form_button,
            self.review_button,
        ):
            button.setEnabled(stored)
        self.print_liaison_button.setEnabled(
            stored and view is not None and view.department_id is not None
        )
