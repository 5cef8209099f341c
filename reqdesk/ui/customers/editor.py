"""One customer file in a dialog: identity, contacts, confidential sections, log,
transactions and requirements; save with Ctrl+S; the GM approves or rejects here."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reqdesk.i18n import enum_label, error_text
from reqdesk.models.enums import ApprovalState, CustomerClass
from reqdesk.services.context import Context
from reqdesk.services.customers import files
from reqdesk.services.customers import sections as svc
from reqdesk.services.customers.forms import CustomerInput
from reqdesk.services.errors import ReqdeskError
from reqdesk.services.permissions import Permission, can
from reqdesk.services.users import list_users
from reqdesk.ui.customers.access_dialog import AccessDialog
from reqdesk.ui.customers.contacts_editor import ContactsEditor
from reqdesk.ui.customers.sections import (
    CreditSection,
    LogSection,
    ProductionSection,
    RequirementsSection,
    TransactionsSection,
)
from reqdesk.ui.form_fields import ERROR_STYLE, FieldErrors
from reqdesk.ui.messages import show_error


class CustomerEditor(QDialog):
    saved = Signal(int)
    open_requirement = Signal(int)
    print_requested = Signal(int)

    def __init__(
        self, ctx: Context, customer_id: int | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.customer_id = customer_id
        self.file: files.CustomerFile | None = None
        self.dirty = False
        self.errors = FieldErrors()
        self.setMinimumSize(760, 560)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # no confidential data lingers
        self.editable = can(ctx.actor, Permission.EDIT_CUSTOMERS)

        self.header = QLabel(self)
        self.header.setStyleSheet("font-size: 14px; font-weight: bold;")
        self.state = QLabel(self)
        self.approve_button = QPushButton(self.tr("Approve"), self)
        self.reject_button = QPushButton(self.tr("Reject…"), self)
        self.approve_button.clicked.connect(self.approve)
        self.reject_button.clicked.connect(self.reject_file)
        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addWidget(self.state)
        top.addWidget(self.approve_button)
        top.addWidget(self.reject_button)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._identity_tab(), self.tr("Identity"))
        self.contacts = ContactsEditor(self)
        self.tabs.addTab(self.contacts, self.tr("Contacts"))
        self.credit = CreditSection(self.errors, self)
        self.tabs.addTab(self.credit, self.tr("Credit"))
        self.production = ProductionSection(self.errors, self)
        self.tabs.addTab(self.production, self.tr("Production"))
        self.log = LogSection(ctx, self)
        self.tabs.addTab(self.log, self.tr("Relationship log"))
        self.transactions = TransactionsSection(ctx, self)
        self.tabs.addTab(self.transactions, self.tr("Transactions"))
        self.requirements = RequirementsSection(self)
        self.requirements.open_requirement.connect(self.open_requirement)
        self.tabs.addTab(self.requirements, self.tr("Requirements"))

        self.message = QLabel(self)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.access_button = QPushButton(self.tr("Access…"), self)
        self.access_button.setToolTip(self.tr("Who may open the confidential sections"))
        self.access_button.clicked.connect(self.edit_access)
        self.print_button = QPushButton(self.tr("Print data card…"), self)
        self.print_button.clicked.connect(lambda: self.print_requested.emit(self.customer_id))
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setDefault(True)
        self.save_button.setToolTip(self.tr("Save (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addWidget(self.print_button)
        bottom.addWidget(self.access_button)
        bottom.addStretch(1)
        bottom.addWidget(self.save_button)
        bottom.addWidget(close)
        QShortcut(QKeySequence("Ctrl+S"), self, self.save)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        layout.addLayout(bottom)

        for signal in (self.contacts.changed, self.credit.changed, self.production.changed):
            signal.connect(self._mark_dirty)
        self.load()

    # Building ---------------------------------------------------------------------------

    def _identity_tab(self) -> QWidget:
        page = QWidget(self)
        outer = QVBoxLayout(page)
        form = QFormLayout()
        outer.addLayout(form)
        outer.addStretch(1)
        self.name = QLineEdit(page)
        self.short_name = QLineEdit(page)
        self.credit_code = QLineEdit(page)
        self.credit_code.setPlaceholderText("91350100M000100Y43")
        self.qualification = QPlainTextEdit(page)
        self.qualification.setFixedHeight(56)
        self.address = QLineEdit(page)
        self.website = QLineEdit(page)
        self.industry = QLineEdit(page)
        self.customer_class = QComboBox(page)
        for value in CustomerClass:
            self.customer_class.addItem(enum_label(value), value)
        self.custodian = QComboBox(page)
        for user in list_users(self.ctx):
            if user.active:
                self.custodian.addItem(f"{user.full_name} ({user.username})", user.id)
        rows = (
            (self.tr("Customer name *"), "name", self.name),
            (self.tr("Short name"), "short_name", self.short_name),
            (self.tr("Unified social credit code"), "credit_code", self.credit_code),
            (
                self.tr("Qualifications (licence, tax registration)"),
                "qualification_notes",
                self.qualification,
            ),
            (self.tr("Address"), "address", self.address),
            (self.tr("Website"), "website", self.website),
            (self.tr("Industry"), "industry", self.industry),
            (self.tr("Class"), "customer_class", self.customer_class),
            (self.tr("Custodian"), "custodian_id", self.custodian),
        )
        for label, name, widget in rows:
            self.errors.add_row(form, label, name, widget)
            signal = getattr(widget, "textChanged", None) or widget.currentIndexChanged
            signal.connect(self._mark_dirty)
        return page

    # Loading and saving -----------------------------------------------------------------

    def load(self) -> None:
        if self.customer_id is None:
            self.setWindowTitle(self.tr("New customer file"))
            self.header.setText(self.tr("New customer file"))
            self.state.setText("")
            own = self.custodian.findData(self.ctx.actor.user_id if self.ctx.actor else None)
            self.custodian.setCurrentIndex(max(own, 0))
            self.credit.setup(True, lambda: None)
            self.production.setup(True, lambda: None)
            self.log.setup(False, None)
            self.transactions.setup(False, None)
            self._update_buttons()
            self.dirty = False
            return
        file = files.get_customer(self.ctx, self.customer_id)
        self.file = file
        self.setWindowTitle(self.tr("Customer file {code}").format(code=file.code))
        self.header.setText(f"{file.name}（{file.code}）")
        self.state.setText(enum_label(file.approval_state))
        for widget, value in (
            (self.name, file.name),
            (self.short_name, file.short_name),
            (self.credit_code, file.credit_code),
            (self.address, file.address),
            (self.website, file.website),
            (self.industry, file.industry),
        ):
            widget.setText(value)
        self.qualification.setPlainText(file.qualification_notes)
        self.customer_class.setCurrentIndex(self.customer_class.findData(file.customer_class))
        self.custodian.setCurrentIndex(self.custodian.findData(file.custodian_id))
        self.contacts.set_contacts(file.as_input().contacts)
        allowed = file.may_open_confidential
        cid = file.id
        self.credit.setup(allowed, lambda: self.credit.show_value(svc.open_credit(self.ctx, cid)))
        self.production.setup(
            allowed, lambda: self.production.show_value(svc.open_production(self.ctx, cid))
        )
        self.log.customer_id = self.transactions.customer_id = cid
        self.log.setup(allowed, self.log.reload)
        self.transactions.setup(allowed, self.transactions.reload)
        self.requirements.show_rows(svc.customer_requirements(self.ctx, cid))
        self._update_buttons()
        self.dirty = False

    def form(self) -> CustomerInput:
        return CustomerInput(
            name=self.name.text(),
            short_name=self.short_name.text(),
            credit_code=self.credit_code.text(),
            qualification_notes=self.qualification.toPlainText(),
            address=self.address.text(),
            website=self.website.text(),
            industry=self.industry.text(),
            customer_class=self.customer_class.currentData(),
            custodian_id=self.custodian.currentData(),
            contacts=self.contacts.contacts(),
            credit=self.credit.value(),
            production=self.production.value(),
        )

    def save(self) -> bool:
        """Save through the service; on a refusal every message sits beside its field."""
        if not self.editable:
            return False
        self.errors.clear()
        self.contacts.clear_problems()
        self.message.clear()
        try:
            if self.customer_id is None:
                self.customer_id = files.create_customer(self.ctx, self.form())
            else:
                seen = self.file.updated_at if self.file else None
                files.update_customer(self.ctx, self.customer_id, self.form(), seen=seen)
        except ReqdeskError as error:
            self._show_refusal(error)
            return False
        self.saved.emit(self.customer_id)
        self.load()
        self.message.setStyleSheet("color: #1b6e20;")
        self.message.setText(self.tr("Saved. The file waits for the general manager's approval."))
        return True

    def _show_refusal(self, error: ReqdeskError) -> None:
        """Messages beside fields (and contact cells); the first wrong field is shown."""
        self.message.setStyleSheet(ERROR_STYLE)
        rest = self.errors.show(error)
        contact_problems = [p for p in rest if (p.field or "").startswith("contacts[")]
        other = [p for p in rest if p not in contact_problems and p is not error]
        self.contacts.show_problems(contact_problems)
        self.message.setText("\n".join([error_text(error), *(error_text(p) for p in other)]))
        page = self.tabs.indexOf(self.contacts) if contact_problems else -1
        first = self.errors.first_invalid
        for index in range(self.tabs.count()):
            if first is not None and self.tabs.widget(index).isAncestorOf(first):
                page = index
                break
        if page >= 0:
            self.tabs.setCurrentIndex(page)
        if first is not None:
            first.setFocus()

    # Approval ---------------------------------------------------------------------------

    def approve(self) -> None:
        seen = self.file.updated_at if self.file else None
        self._decide(lambda note: files.approve_customer(self.ctx, self._id(), note, seen=seen), "")

    def reject_file(self) -> None:
        note, ok = QInputDialog.getText(
            self, self.tr("Reject customer file"), self.tr("Reason for rejecting:")
        )
        if ok:
            seen = self.file.updated_at if self.file else None
            self._decide(lambda n: files.reject_customer(self.ctx, self._id(), n, seen=seen), note)

    def _decide(self, action, note: str) -> None:  # type: ignore[no-untyped-def]
        try:
            action(note)
        except ReqdeskError as error:
            show_error(self, self.tr("Approval"), error)
            return
        self.saved.emit(self._id())
        self.load()

    def edit_access(self) -> None:
        custodian = self.file.custodian_id if self.file else None
        AccessDialog(self.ctx, self._id(), custodian, self).exec()

    def _id(self) -> int:
        assert self.customer_id is not None
        return self.customer_id

    # State ------------------------------------------------------------------------------

    def _update_buttons(self) -> None:
        pending = self.file is not None and self.file.approval_state == ApprovalState.PENDING
        may_approve = can(self.ctx.actor, Permission.APPROVE_CUSTOMERS)
        self.approve_button.setVisible(pending and may_approve)
        self.reject_button.setVisible(pending and may_approve)
        self.save_button.setVisible(self.editable)
        self.print_button.setEnabled(self.customer_id is not None)
        self.access_button.setVisible(
            self.customer_id is not None and can(self.ctx.actor, Permission.GRANT_CUSTOMER_ACCESS)
        )
        self.contacts.set_read_only(not self.editable)
        actor = self.ctx.actor
        may_hand_over = self.file is None or (
            actor is not None
            and (
                can(actor, Permission.VIEW_ALL_CONFIDENTIAL)
                or self.file.custodian_id == actor.user_id
            )
        )
        self.custodian.setEnabled(self.editable and may_hand_over)
        allowed = self.file.may_open_confidential if self.file else True
        for section in (self.log.list, self.transactions.list):
            section.set_editable(self.editable and allowed)

    def _mark_dirty(self) -> None:
        self.dirty = True

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.dirty and self.editable:
            answer = QMessageBox.question(
                self,
                self.tr("Unsaved changes"),
                self.tr("Save the changes to this customer file?"),
                QMessageBox.StandardButton.Save
                | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel,
            )
            if answer == QMessageBox.StandardButton.Cancel or (
                answer == QMessageBox.StandardButton.Save and not self.save()
            ):
                event.ignore()
                return
        event.accept()

    def reject(self) -> None:  # Esc: close, asking about unsaved changes
        self.close()
