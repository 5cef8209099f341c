"""The customer editor's confidential and record tabs. Confidential data is fetched only
when its tab is opened (each opening is audited by the service) and never for users
who may not see it."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QStackedLayout,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reqdesk.i18n import enum_label, error_text
from reqdesk.models.enums import CreditGrade
from reqdesk.services.context import Context
from reqdesk.services.customers import sections as svc
from reqdesk.services.customers.forms import CreditInput, ProductionInput
from reqdesk.services.errors import ReqdeskError
from reqdesk.ui.customers.records import (
    LogEntryDialog,
    RecordList,
    TransactionDialog,
    confirm_delete,
)
from reqdesk.ui.form_fields import FieldErrors
from reqdesk.ui.messages import show_error

log = logging.getLogger(__name__)


class LockedOrContent(QWidget):
    """Shows a notice instead of the content to users who may not open it."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.notice = QLabel(
            self.tr(
                "Confidential. Only the custodian, supervisors, the general manager and users "
                "granted access may open this part of the file."
            ),
            self,
        )
        self.notice.setWordWrap(True)
        self.notice.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.content = QWidget(self)
        self._stack = QStackedLayout(self)
        self._stack.addWidget(self.notice)
        self._stack.addWidget(self.content)
        self.allowed = False
        self.loaded = False
        self._loader: Callable[[], None] | None = None

    def setup(self, allowed: bool, loader: Callable[[], None] | None) -> None:
        """Set who may see this section; it loads when shown (now, if it is on screen)."""
        self.allowed = allowed and loader is not None
        self._loader = loader
        self.loaded = False
        self._stack.setCurrentWidget(self.content if self.allowed else self.notice)
        if self.allowed and self.isVisible():
            self._load()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.allowed and not self.loaded:
            self._load()

    def _load(self) -> None:
        """Fetch the section; it counts as loaded (and so can be saved) only on success."""
        assert self._loader is not None
        try:
            self._loader()
        except Exception as error:  # shown in place; a section not loaded is never saved
            self.allowed = False
            self.notice.setText(
                error_text(error)
                if isinstance(error, ReqdeskError)
                else self.tr("This section could not be loaded: {error}").format(error=error)
            )
            self._stack.setCurrentWidget(self.notice)
            log.exception("Loading a confidential section failed")
            return
        self.loaded = True


class CreditSection(LockedOrContent):
    def __init__(self, errors: FieldErrors, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self.content)
        form = QFormLayout()
        outer.addLayout(form)
        outer.addStretch(1)
        self.grade = QComboBox(self.content)
        self.grade.addItem("", None)
        for grade in CreditGrade:
            self.grade.addItem(grade.value, grade)
        self.note = QPlainTextEdit(self.content)
        self.note.setFixedHeight(90)
        errors.add_row(form, self.tr("Credit grade"), "credit_grade", self.grade)
        errors.add_row(form, self.tr("Credit note"), "credit_note", self.note)
        self.grade.currentIndexChanged.connect(self.changed)
        self.note.textChanged.connect(self.changed)

    def show_value(self, value: CreditInput) -> None:
        self.grade.setCurrentIndex(self.grade.findData(value.grade) if value.grade else 0)
        self.note.setPlainText(value.note)

    def value(self) -> CreditInput | None:
        if not self.loaded or not self.allowed:
            return None  # never opened: leave the stored section alone
        return CreditInput(self.grade.currentData(), self.note.toPlainText())


class ProductionSection(LockedOrContent):
    KEYS = ("process", "scale", "raw_materials", "investment")

    def __init__(self, errors: FieldErrors, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self.content)
        form = QFormLayout()
        outer.addLayout(form)
        outer.addStretch(1)
        labels = (
            self.tr("Production process"),
            self.tr("Production scale"),
            self.tr("Raw materials"),
            self.tr("Investment in production"),
        )
        self.fields: dict[str, QPlainTextEdit] = {}
        for key, label in zip(self.KEYS, labels, strict=True):
            widget = QPlainTextEdit(self.content)
            widget.setFixedHeight(64)
            widget.textChanged.connect(self.changed)
            errors.add_row(form, label, f"production_{key}", widget)
            self.fields[key] = widget

    def show_value(self, value: ProductionInput) -> None:
        for key in self.KEYS:
            self.fields[key].setPlainText(getattr(value, key))

    def value(self) -> ProductionInput | None:
        if not self.loaded or not self.allowed:
            return None
        return ProductionInput(*(self.fields[key].toPlainText() for key in self.KEYS))


class LogSection(LockedOrContent):
    """The relationship log: saved entry by entry, straight away."""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.customer_id = 0
        self.rows: list[svc.LogRow] = []
        self.list = RecordList(
            [self.tr("Date"), self.tr("Person"), self.tr("Channel"), self.tr("Summary")],
            self.content,
        )
        QVBoxLayout(self.content).addWidget(self.list)
        self.list.add_requested.connect(lambda: self._edit(None))
        self.list.edit_requested.connect(lambda row: self._edit(self.rows[row]))
        self.list.delete_requested.connect(self._delete)

    def reload(self) -> None:
        self.rows = svc.relationship_log(self.ctx, self.customer_id)
        self.list.set_rows(
            [
                (r.contact_date.isoformat(), r.person, enum_label(r.channel), r.summary)
                for r in self.rows
            ]
        )

    def _edit(self, entry: svc.LogRow | None) -> None:
        def save(value: svc.LogInput) -> None:
            svc.save_log_entry(self.ctx, self.customer_id, value, entry.id if entry else None)

        person = self.ctx.actor.full_name if self.ctx.actor else ""
        if LogEntryDialog(save, entry, person, self).exec():
            self.reload()

    def _delete(self, row: int) -> None:
        entry = self.rows[row]
        if confirm_delete(
            self, self.tr("Delete the entry of {day}?").format(day=entry.contact_date.isoformat())
        ):
            try:
                svc.delete_log_entry(self.ctx, self.customer_id, entry.id)
            except ReqdeskError as error:
                show_error(self, self.tr("Relationship log"), error)
            self.reload()


class TransactionsSection(LockedOrContent):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.customer_id = 0
        self.rows: list[svc.TransactionRow] = []
        self.list = RecordList(
            [
                self.tr("Contract no."),
                self.tr("Date"),
                self.tr("Product"),
                self.tr("Quantity"),
                self.tr("Amount (yuan)"),
            ],
            self.content,
        )
        QVBoxLayout(self.content).addWidget(self.list)
        self.list.add_requested.connect(lambda: self._edit(None))
        self.list.edit_requested.connect(lambda row: self._edit(self.rows[row]))
        self.list.delete_requested.connect(self._delete)

    def reload(self) -> None:
        self.rows = svc.open_transactions(self.ctx, self.customer_id)
        self.list.set_rows(
            [
                (
                    t.contract_no,
                    t.contract_date.isoformat(),
                    t.product,
                    f"{t.quantity.normalize():f} {t.unit}",
                    f"{t.amount:,.2f}",
                )
                for t in self.rows
            ]
        )

    def _edit(self, entry: svc.TransactionRow | None) -> None:
        def save(value: svc.TransactionInput) -> None:
            svc.save_transaction(self.ctx, self.customer_id, value, entry.id if entry else None)

        if TransactionDialog(save, entry, self).exec():
            self.reload()

    def _delete(self, row: int) -> None:
        entry = self.rows[row]
        if confirm_delete(self, self.tr("Delete contract {no}?").format(no=entry.contract_no)):
            try:
                svc.delete_transaction(self.ctx, self.customer_id, entry.id)
            except ReqdeskError as error:
                show_error(self, self.tr("Transactions"), error)
            self.reload()


class RequirementsSection(QWidget):
    """The customer's requirements, read-only; a double click opens one."""

    open_requirement = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ids: list[int] = []
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Number"), self.tr("Received"), self.tr("Title"), self.tr("Stage")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(
            lambda index: self.open_requirement.emit(self.ids[index.row()])
        )
        hint = QLabel(self.tr("Double-click a requirement to open it."), self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(hint)

    def show_rows(self, rows: list[svc.RequirementBrief]) -> None:
        self.ids = [r.id for r in rows]
        self.table.setRowCount(len(rows))
        for index, r in enumerate(rows):
            for column, value in enumerate(
                (r.number, r.received_on.isoformat(), r.title, enum_label(r.stage))
            ):
                self.table.setItem(index, column, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
