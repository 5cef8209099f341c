"""The registration form (顾客服务信息登记表) as a widget, in the paper form's order."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from itertools import pairwise

from PySide6.QtCore import QDate, QDateTime, Qt, QTimeZone, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from reqdesk.i18n import enum_label, error_text
from reqdesk.models.enums import Category, CategoryDetail, Channel, Kind, Nature, Urgency
from reqdesk.services.context import Context
from reqdesk.services.customers.files import get_customer
from reqdesk.services.customers.forms import FormInvalid
from reqdesk.services.errors import ReqdeskError
from reqdesk.services.requirements.forms import RegistrationInput
from reqdesk.services.requirements.registration import preview_due
from reqdesk.services.requirements.views import RequirementView
from reqdesk.services.sla import BUSINESS_TZ
from reqdesk.services.users import list_departments, list_users
from reqdesk.ui.form_fields import ERROR_STYLE, FieldErrors, FormDateEdit, FormDateTimeEdit
from reqdesk.ui.formatting import date_edit_format, datetime_edit_format, datetime_text
from reqdesk.ui.registration.customer_picker import CustomerPicker

BEIJING = QTimeZone(8 * 3600)


def enum_combo(parent: QWidget, members: list, empty: str | None = None) -> QComboBox:  # type: ignore[type-arg]
    combo = QComboBox(parent)
    if empty is not None:
        combo.addItem(empty, None)
    for member in members:
        combo.addItem(enum_label(member), member)
    return combo


EXTRA_ROLE = Qt.ItemDataRole.UserRole + 1  # an entry added only to show a stored value


def select_data(combo: QComboBox, value: object, label: str = "") -> None:
    """Select ``value``; a stored one no longer offered (an inactive department, a
    person of another department) is added, so showing a record never changes it."""
    index = combo.findData(value)
    if index < 0 and value is not None and label:
        combo.addItem(label, value)
        index = combo.count() - 1
        combo.setItemData(index, True, EXTRA_ROLE)
    combo.setCurrentIndex(max(index, 0))


def drop_extras(combo: QComboBox) -> None:
    for index in reversed(range(combo.count())):
        if combo.itemData(index, EXTRA_ROLE):
            combo.removeItem(index)


class RegistrationForm(QWidget):
    changed = Signal()

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.errors = FieldErrors()
        self.view: RequirementView | None = None
        self._baseline: RegistrationInput | None = None
        self._contacts: list[tuple[str, str]] = []
        self._build()
        self._connect()
        self.clear()

    # Building ---------------------------------------------------------------------------

    def _build(self) -> None:
        form = QFormLayout(self)
        self.number = QLabel(self)
        self.number.setStyleSheet("font-weight: bold;")
        form.addRow(self.tr("Number"), self.number)

        self.customer = CustomerPicker(self.ctx, self)
        self.walk_in = QCheckBox(self.tr("Walk-in contact (no customer file)"), self)
        self.walk_in_name = QLineEdit(self)
        self.walk_in_name.setPlaceholderText(self.tr("Name or unit of the walk-in contact"))
        customer_row = QWidget(self)
        line = QHBoxLayout(customer_row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.customer, 1)
        line.addWidget(self.walk_in)
        self.errors.add_row(form, self.tr("Customer *"), "customer", customer_row, self.customer)
        self.errors.add_row(form, self.tr("Walk-in name"), "walk_in_name", self.walk_in_name)

        self.contact_name = QComboBox(self)
        self.contact_name.setEditable(True)
        self.contact_phone = QLineEdit(self)
        self.errors.add_row(form, self.tr("Contact person"), "contact_name", self.contact_name)
        self.errors.add_row(form, self.tr("Contact phone"), "contact_phone", self.contact_phone)

        self.received_at = FormDateTimeEdit(self)
        self.received_at.setCalendarPopup(True)
        self.received_at.setDisplayFormat(datetime_edit_format())
        self.received_at.setTimeZone(BEIJING)
        self.received_by = QLabel(self.ctx.actor.full_name if self.ctx.actor else "", self)
        when = QWidget(self)
        row = QHBoxLayout(when)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.received_at)
        row.addWidget(QLabel(self.tr("Received by"), self))
        row.addWidget(self.received_by, 1)
        self.errors.add_row(form, self.tr("Received at"), "received_at", when, self.received_at)

        self.channel = enum_combo(self, list(Channel))
        self.kind = enum_combo(self, list(Kind))
        self.category = enum_combo(self, list(Category))
        self.category_detail = enum_combo(self, list(CategoryDetail), self.tr("(no detail)"))
        self.nature = enum_combo(self, list(Nature))
        self.urgency = enum_combo(self, list(Urgency))
        choices = QWidget(self)
        grid = QGridLayout(choices)
        grid.setContentsMargins(0, 0, 0, 0)
        for position, (label, widget) in enumerate(
            (
                (self.tr("Channel"), self.channel),
                (self.tr("Kind"), self.kind),
                (self.tr("Category"), self.category),
                (self.tr("Detail"), self.category_detail),
                (self.tr("Nature"), self.nature),
                (self.tr("Urgency"), self.urgency),
            )
        ):
            grid.addWidget(QLabel(label, choices), position // 2, (position % 2) * 2)
            grid.addWidget(widget, position // 2, (position % 2) * 2 + 1)
        form.addRow(self.tr("Classification"), choices)

        self.title = QLineEdit(self)
        self.description = QPlainTextEdit(self)
        self.description.setMinimumHeight(90)
        self.errors.add_row(form, self.tr("Title *"), "title", self.title)
        self.errors.add_row(form, self.tr("Requirement"), "description", self.description)

        self.has_expected = QCheckBox(self.tr("Customer expects it by"), self)
        self.expected_date = FormDateEdit(self)
        self.expected_date.setCalendarPopup(True)
        self.expected_date.setDisplayFormat(date_edit_format())
        self.is_special = QCheckBox(self.tr("Special requirement"), self)
        self.contract_no = QLineEdit(self)
        self.contract_no.setPlaceholderText(self.tr("Contract / order no."))
        extra = QWidget(self)
        row = QHBoxLayout(extra)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.has_expected, self.expected_date, self.is_special, self.contract_no):
            row.addWidget(widget)
        self.errors.add_row(
            form, self.tr("Expected date"), "expected_date", extra, self.expected_date
        )

        self.department = QComboBox(self)
        self.department.addItem(self.tr("(not yet)"), None)
        for department in list_departments(self.ctx):
            if department.active:
                self.department.addItem(department.name, department.id)
        self.assignee = QComboBox(self)
        who = QWidget(self)
        row = QHBoxLayout(who)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.department, 1)
        row.addWidget(QLabel(self.tr("Person"), self))
        row.addWidget(self.assignee, 1)
        self.errors.add_row(form, self.tr("Responsible"), "department_id", who, self.department)

        self.due = QLabel(self)
        self.due.setWordWrap(True)
        form.addRow(self.tr("Due"), self.due)
        self.stage = QLabel(self)
        form.addRow(self.tr("Stage"), self.stage)
        self._users = [u for u in list_users(self.ctx) if u.active]
        self._tab_order()

    def _tab_order(self) -> None:
        """Tab moves through the fields in the paper form's order."""
        order = [
            self.customer,
            self.walk_in,
            self.walk_in_name,
            self.contact_name,
            self.contact_phone,
            self.received_at,
            self.channel,
            self.kind,
            self.category,
            self.category_detail,
            self.nature,
            self.urgency,
            self.title,
            self.description,
            self.has_expected,
            self.expected_date,
            self.is_special,
            self.contract_no,
            self.department,
            self.assignee,
        ]
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)
        self.description.setTabChangesFocus(True)

    def _connect(self) -> None:
        self.customer.chosen.connect(self._customer_chosen)
        self.walk_in.toggled.connect(self._walk_in_toggled)
        self.contact_name.currentIndexChanged.connect(self._contact_chosen)
        self.department.currentIndexChanged.connect(self._fill_assignees)
        self.has_expected.toggled.connect(self.expected_date.setEnabled)
        for signal in (
            self.urgency.currentIndexChanged,
            self.received_at.dateTimeChanged,
            self.has_expected.toggled,
            self.expected_date.dateChanged,
        ):
            signal.connect(self.update_due)
        for widget in (self.walk_in_name, self.contact_phone, self.title, self.contract_no):
            widget.textChanged.connect(self.changed)
        self.description.textChanged.connect(self.changed)

    # Reactions --------------------------------------------------------------------------

    def _customer_chosen(self, customer_id: int | None) -> None:
        self.contact_name.blockSignals(True)
        self.contact_name.clear()
        self._contacts = []
        if customer_id is not None:
            contacts = get_customer(self.ctx, customer_id).contacts
            self._contacts = [(c.name, c.mobile or c.phone) for c in contacts]
            for name, _phone in self._contacts:
                self.contact_name.addItem(name)
        self.contact_name.blockSignals(False)
        if self._contacts:
            self.contact_name.setCurrentIndex(0)
            self.contact_phone.setText(self._contacts[0][1])
        self.changed.emit()

    def _contact_chosen(self, index: int) -> None:
        if 0 <= index < len(self._contacts):
            self.contact_phone.setText(self._contacts[index][1])

    def _walk_in_toggled(self, walk_in: bool) -> None:
        self.customer.setEnabled(not walk_in)
        self.walk_in_name.setEnabled(walk_in)
        if walk_in:
            self.customer.set_customer(None, "")
            self._customer_chosen(None)

    def _fill_assignees(self) -> None:
        department_id = self.department.currentData()
        current = self.assignee.currentData()
        self.assignee.clear()
        self.assignee.addItem(self.tr("(anyone in the department)"), None)
        for user in self._users:
            if department_id is not None and user.department_id == department_id:
                self.assignee.addItem(user.full_name, user.id)
        select_data(self.assignee, current)

    def update_due(self) -> None:
        received = self.received().astimezone(UTC)
        try:
            due = preview_due(self.ctx, received, self.urgency.currentData(), self.expected())
        except ReqdeskError as error:  # e.g. a received time in 9999: no due times
            problems = error.problems if isinstance(error, FormInvalid) else [error]
            self.due.setText("\n".join(error_text(p) for p in problems))
            self.due.setStyleSheet(ERROR_STYLE)
            return
        text = self.tr("First response by {first}; plan / resolution by {plan}").format(
            first=datetime_text(due.first_response_due),
            plan=datetime_text(due.plan_due) or self.tr("(none)"),
        )
        if due.provisional:
            text += "\n" + self.tr(
                "Provisional: the holiday schedule of that year is not entered yet, so only "
                "weekends are counted. Ask the administrator to enter it (Tools → Holiday "
                "calendar)."
            )
        self.due.setText(text)
        self.due.setStyleSheet("color: #9a6700;" if due.provisional else "")

    # Values -----------------------------------------------------------------------------

    def received(self) -> datetime:
        value = self.received_at.dateTime().toSecsSinceEpoch()
        return datetime.fromtimestamp(value, tz=BUSINESS_TZ)

    def expected(self) -> date | None:
        if not self.has_expected.isChecked():
            return None
        q = self.expected_date.date()
        return date(q.year(), q.month(), q.day())

    def value(self) -> RegistrationInput:
        """What the form holds; after dispatch the fixed fields are the stored ones."""
        typed = self._typed()
        if self.view is not None and self.view.dispatched:
            return replace(
                self.view.as_input(),
                expected_date=typed.expected_date,
                is_special=typed.is_special,
                contract_no=typed.contract_no,
            )
        return typed

    def _typed(self) -> RegistrationInput:
        return RegistrationInput(
            customer_id=None if self.walk_in.isChecked() else self.customer.customer_id,
            walk_in_name=self.walk_in_name.text() if self.walk_in.isChecked() else "",
            contact_name=self.contact_name.currentText(),
            contact_phone=self.contact_phone.text(),
            received_at=self.received(),
            channel=self.channel.currentData(),
            kind=self.kind.currentData(),
            category=self.category.currentData(),
            category_detail=self.category_detail.currentData(),
            nature=self.nature.currentData(),
            urgency=self.urgency.currentData(),
            title=self.title.text(),
            description=self.description.toPlainText(),
            expected_date=self.expected(),
            is_special=self.is_special.isChecked(),
            contract_no=self.contract_no.text(),
            department_id=self.department.currentData(),
            assignee_id=self.assignee.currentData(),
        )

    def clear(self) -> None:
        """An empty form for a new registration, received now, by the signed-in user."""
        self.view = None
        self.errors.clear()
        self.number.setText(self.tr("(assigned when saved)"))
        self.stage.setText("")
        self.walk_in.setChecked(False)
        self.customer.set_customer(None, "")
        self._customer_chosen(None)
        self.walk_in_name.clear()
        self.contact_phone.clear()
        now = self.ctx.clock().astimezone(BUSINESS_TZ)
        self.received_at.setDateTime(QDateTime.fromSecsSinceEpoch(int(now.timestamp()), BEIJING))
        self.received_by.setText(self.ctx.actor.full_name if self.ctx.actor else "")
        for combo in (
            self.channel,
            self.kind,
            self.category,
            self.category_detail,
            self.nature,
            self.department,
        ):
            combo.setCurrentIndex(0)
        select_data(self.urgency, Urgency.GENERAL)
        self.title.clear()
        self.description.clear()
        self.has_expected.setChecked(False)
        self.expected_date.setEnabled(False)
        self.expected_date.setDate(QDate(now.year, now.month, now.day))
        self.is_special.setChecked(False)
        self.contract_no.clear()
        drop_extras(self.department)
        self._fill_assignees()
        self.set_fixed(False)
        self.update_due()
        self._baseline = self.value()

    def show_requirement(self, view: RequirementView) -> None:
        """Load a stored requirement; after dispatch its registration fields are read-only."""
        self.clear()
        self.view = view
        self.number.setText(view.number)
        self.stage.setText(enum_label(view.stage))
        if view.customer_id is None:
            self.walk_in.setChecked(True)
            self.walk_in_name.setText(view.walk_in_name)
        else:
            self.customer.set_customer(
                view.customer_id, f"{view.customer_name}（{view.customer_code}）"
            )
            self._customer_chosen(view.customer_id)
        self.contact_name.setCurrentText(view.contact_name)
        self.contact_phone.setText(view.contact_phone)
        self.received_at.setDateTime(
            QDateTime.fromSecsSinceEpoch(int(view.received_at.timestamp()), BEIJING)
        )
        self.received_by.setText(view.received_by)
        for combo, value in (
            (self.channel, view.channel),
            (self.kind, view.kind),
            (self.category, view.category),
            (self.category_detail, view.category_detail),
            (self.nature, view.nature),
            (self.urgency, view.urgency),
        ):
            select_data(combo, value)
        select_data(self.department, view.department_id, view.department)
        self._fill_assignees()
        select_data(self.assignee, view.assignee_id, view.assignee)
        self.title.setText(view.title)
        self.description.setPlainText(view.description)
        if view.expected_date:
            self.has_expected.setChecked(True)
            self.expected_date.setDate(
                QDate(view.expected_date.year, view.expected_date.month, view.expected_date.day)
            )
        self.is_special.setChecked(view.is_special)
        self.contract_no.setText(view.contract_no)
        self.set_fixed(view.dispatched)
        self.due.setText(
            self.tr("First response by {first}; plan / resolution by {plan}").format(
                first=datetime_text(view.first_response_due),
                plan=datetime_text(view.resolution_due) or self.tr("(none)"),
            )
            + (
                "\n" + self.tr("Provisional: counted on weekends only.")
                if view.due_provisional
                else ""
            )
        )
        self._baseline = self.value()

    def is_modified(self) -> bool:
        """True when the form holds something the user typed and has not saved."""
        return self.value() != self._baseline

    def set_fixed(self, fixed: bool) -> None:
        """After dispatch the registration is a record: only a few fields stay editable."""
        for widget in (
            self.customer,
            self.walk_in,
            self.walk_in_name,
            self.contact_name,
            self.contact_phone,
            self.received_at,
            self.channel,
            self.kind,
            self.category,
            self.category_detail,
            self.nature,
            self.urgency,
            self.department,
            self.assignee,
        ):
            widget.setEnabled(not fixed)
        if not fixed:
            self.walk_in_name.setEnabled(self.walk_in.isChecked())
            self.customer.setEnabled(not self.walk_in.isChecked())
        for widget in (self.title,):
            widget.setReadOnly(fixed)
        self.description.setReadOnly(fixed)
