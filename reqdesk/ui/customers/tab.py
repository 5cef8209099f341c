"""客户档案: the customer list with filters, and the actions on customer files."""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reqdesk.i18n import enum_label, translate
from reqdesk.models.enums import ApprovalState, CreditGrade, CustomerClass
from reqdesk.services.context import Context
from reqdesk.services.customers.card import print_customer_card
from reqdesk.services.customers.exporting import export_customers
from reqdesk.services.customers.listing import (
    CustomerFilter,
    CustomerRow,
    count_customers,
    customer_rows,
)
from reqdesk.services.listing import Window
from reqdesk.services.permissions import Permission, can
from reqdesk.services.users import list_users
from reqdesk.ui.background import BackgroundTask
from reqdesk.ui.customers.editor import CustomerEditor
from reqdesk.ui.customers.import_dialog import XLSX_FILTER, ImportDialog
from reqdesk.ui.formatting import date_text
from reqdesk.ui.list_panel import ListPanel
from reqdesk.ui.messages import report_failure
from reqdesk.ui.pdf_preview import PdfPreviewDialog
from reqdesk.ui.windowed_table_model import Column


class CustomerSource:
    """The customer list query with the tab's current filter."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.filter = CustomerFilter()

    def count(self) -> int:
        return count_customers(self.ctx, self.filter)

    def fetch(self, window: Window) -> Sequence[CustomerRow]:
        return customer_rows(self.ctx, self.filter, window)


def _combo(parent: QWidget, everything: str, items: list[tuple[str, object]]) -> QComboBox:
    combo = QComboBox(parent)
    combo.addItem(everything, None)
    for text, value in items:
        combo.addItem(text, value)
    return combo


class CustomersTab(QWidget):
    open_requirement = Signal(int)

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.source = CustomerSource(ctx)
        columns: list[Column[CustomerRow]] = [
            Column("code", self.tr("Code"), lambda r: r.code),
            Column("name", self.tr("Customer name"), lambda r: r.name),
            Column("short_name", self.tr("Short name"), lambda r: r.short_name),
            Column("customer_class", self.tr("Class"), lambda r: enum_label(r.customer_class)),
            Column("industry", self.tr("Industry"), lambda r: r.industry),
            Column("custodian", self.tr("Custodian"), lambda r: r.custodian),
            Column("approval_state", self.tr("Approval"), lambda r: enum_label(r.approval_state)),
            Column("contact", self.tr("Contact"), lambda r: r.contact_name, sortable=False),
            Column("phone", self.tr("Phone"), lambda r: r.contact_phone, sortable=False),
            Column("last_contact", self.tr("Last contact"), lambda r: date_text(r.last_contact)),
        ]
        self.panel = ListPanel(
            columns,
            self.source,
            row_id=lambda r: r.id,
            count_text=lambda n: self.tr("%n customer(s)", "", n),
            search_placeholder=self.tr(
                "Search name, short name, code, credit code, contact or phone (Ctrl+F)"
            ),
            on_search=lambda _text: self._apply_filters(),
            parent=self,
        )
        self.panel.set_column_widths([110, 250, 100, 80, 100, 70, 80, 70, 110, 90])
        self.panel.activated.connect(self.open_customer)
        self._build_filters()
        self._build_toolbar()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.toolbar)
        layout.addWidget(self.panel)

    def _build_filters(self) -> None:
        self.class_filter = _combo(
            self, self.tr("All classes"), [(enum_label(c), c) for c in CustomerClass]
        )
        self.custodian_filter = _combo(
            self,
            self.tr("All custodians"),
            [(u.full_name, u.id) for u in list_users(self.ctx) if u.active],
        )
        self.approval_filter = _combo(
            self, self.tr("Any approval"), [(enum_label(a), a) for a in ApprovalState]
        )
        self.grade_filter = _combo(
            self, self.tr("Any credit grade"), [(g.value, g) for g in CreditGrade]
        )
        self.grade_filter.setToolTip(
            self.tr("Credit grades are confidential: only files you may open are searched.")
        )
        self.due_filter = QCheckBox(self.tr("Due for contact"), self)
        self.due_filter.setToolTip(
            self.tr("Key customers not contacted for a month, general customers for a quarter.")
        )
        for position, widget in enumerate(
            (
                self.class_filter,
                self.custodian_filter,
                self.approval_filter,
                self.grade_filter,
                self.due_filter,
            ),
            start=1,
        ):
            self.panel.filters.insertWidget(position, widget)
            signal = getattr(widget, "currentIndexChanged", None) or widget.toggled
            signal.connect(self._apply_filters_and_reload)

    def _build_toolbar(self) -> None:
        self.toolbar = QHBoxLayout()
        self.toolbar.setContentsMargins(6, 6, 6, 0)
        editable = can(self.ctx.actor, Permission.EDIT_CUSTOMERS)
        printable = can(self.ctx.actor, Permission.PRINT_REPORTS)
        self.new_button = self._button(
            self.tr("New customer"), "Ctrl+N", self.new_customer, editable
        )
        self.open_button = self._button(self.tr("Open"), "Enter", self.open_selected, True)
        self.import_button = self._button(
            self.tr("Import from Excel…"), "", self.import_customers, editable
        )
        self.export_button = self._button(
            self.tr("Export to Excel…"), "", self.export_customers, printable
        )
        self.print_button = self._button(
            self.tr("Print data card…"), "", lambda: self.print_card(self.selected_id()), printable
        )
        self.toolbar.addStretch(1)

    def _button(self, text: str, key: str, slot: object, visible: bool) -> QPushButton:
        button = QPushButton(text, self)
        if key:
            button.setToolTip(f"{text} ({key})")
        button.clicked.connect(slot)
        button.setVisible(visible)
        self.toolbar.addWidget(button)
        return button

    # Filters ----------------------------------------------------------------------------

    def _apply_filters(self) -> None:
        self.source.filter = CustomerFilter(
            text=self.panel.search.text() if self.panel.search else "",
            customer_class=self.class_filter.currentData(),
            custodian_id=self.custodian_filter.currentData(),
            approval_state=self.approval_filter.currentData(),
            credit_grade=self.grade_filter.currentData(),
            due_for_contact=self.due_filter.isChecked(),
        )

    def _apply_filters_and_reload(self) -> None:
        self._apply_filters()
        self.panel.reload()

    def reload(self) -> None:
        self.panel.reload()

    # Actions ----------------------------------------------------------------------------

    def selected_id(self) -> int | None:
        index = self.panel.table.currentIndex()
        return self.panel.model.id_at(index.row()) if index.isValid() else None

    def new_customer(self) -> None:
        if can(self.ctx.actor, Permission.EDIT_CUSTOMERS):
            self.open_customer(None)

    def open_selected(self) -> None:
        customer_id = self.selected_id()
        if customer_id is not None:
            self.open_customer(customer_id)

    def open_customer(self, customer_id: int | None) -> CustomerEditor:
        editor = CustomerEditor(self.ctx, customer_id, self)
        editor.saved.connect(lambda _id: self.panel.model.refresh())
        editor.open_requirement.connect(self.open_requirement)
        editor.print_requested.connect(self.print_card)
        editor.show()
        self.editor = editor
        return editor

    def import_customers(self) -> None:
        dialog = ImportDialog(self.ctx, self)
        dialog.imported.connect(self.panel.reload)
        dialog.exec()

    def export_customers(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export customers"), self.tr("customers.xlsx"), XLSX_FILTER
        )
        if name:
            self.export_to(Path(name))

    def export_to(self, path: Path) -> BackgroundTask:
        ctx = self.ctx
        task = BackgroundTask(
            self, self.tr("Exporting customers…"), lambda: export_customers(ctx, path, translate)
        )
        task.start(
            lambda counts: QMessageBox.information(
                self,
                self.tr("Export"),
                self.tr("{n} customers written to {file}.").format(
                    n=counts["customers"], file=path
                ),
            ),
            lambda error: self._report(self.tr("Export"), error),
        )
        return task

    def print_card(self, customer_id: int | None) -> BackgroundTask | None:
        if customer_id is None:
            return None
        ctx = self.ctx
        path = Path(tempfile.mkdtemp(prefix="reqdesk-")) / f"customer-card-{customer_id}.pdf"
        task = BackgroundTask(
            self,
            self.tr("Preparing the data card…"),
            lambda: print_customer_card(ctx, path, translate, customer_id=customer_id),
        )
        task.start(self._preview, lambda error: self._report(self.tr("Data card"), error))
        return task

    def _preview(self, path: Path) -> None:
        self.preview = PdfPreviewDialog(path, self.tr("Customer data card"), self)
        self.preview.show()

    def _report(self, title: str, error: Exception) -> None:
        report_failure(self, title, error)
