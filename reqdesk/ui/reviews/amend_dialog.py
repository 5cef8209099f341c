"""合同修订: void and re-sign, change a clause (both sides sign), or time/quantity only."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from reqdesk.i18n import enum_label
from reqdesk.models.enums import AmendmentKind
from reqdesk.services.reviews.amendments import AmendmentInput
from reqdesk.services.reviews.views import ReviewView
from reqdesk.services.sla import BUSINESS_TZ
from reqdesk.ui.form_fields import FormDateEdit
from reqdesk.ui.formatting import date_edit_format
from reqdesk.ui.reviews.action_dialogs import long_text
from reqdesk.ui.reviews.items_form import ItemsForm, decimal_or_none
from reqdesk.ui.reviews.sign_dialog import password_field
from reqdesk.ui.submit_dialog import SubmitDialog


class AmendDialog(SubmitDialog):
    """``save(form, password)``; the fields follow the kind of amendment chosen."""

    def __init__(
        self,
        view: ReviewView,
        save: Callable[[AmendmentInput, str], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Amend the contract"))
        self.resize(640, 300)
        kinds = QWidget(self)
        column = QVBoxLayout(kinds)
        column.setContentsMargins(0, 0, 0, 0)
        self.group = QButtonGroup(self)
        self.kinds: dict[AmendmentKind, QRadioButton] = {}
        for kind in (
            AmendmentKind.TIME_QUANTITY,
            AmendmentKind.CHANGE_CLAUSE,
            AmendmentKind.VOID_AND_RESIGN,
        ):
            button = QRadioButton(enum_label(kind), kinds)
            self.group.addButton(button)
            self.kinds[kind] = button
            column.addWidget(button)
        self.kinds[AmendmentKind.TIME_QUANTITY].setChecked(True)
        self.form.addRow(self.tr("Amendment"), kinds)
        self.description = long_text(self, 70)
        self.errors.add_row(self.form, self.tr("What and why"), "description", self.description)
        self.move_delivery = QCheckBox(self.tr("change to"), self)
        self.delivery = FormDateEdit(self)
        self.delivery.setCalendarPopup(True)
        self.delivery.setDisplayFormat(date_edit_format())
        self.delivery.setEnabled(False)
        self.move_delivery.toggled.connect(self.delivery.setEnabled)
        current = view.items.delivery_date or datetime.now(BUSINESS_TZ).date()
        self.delivery.setDate(QDate(current.year, current.month, current.day))
        when = QWidget(self)
        line = QHBoxLayout(when)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.move_delivery)
        line.addWidget(self.delivery, 1)
        self.errors.add_row(
            self.form, self.tr("Delivery date"), "delivery_date", when, self.delivery
        )
        self.quantity = QLineEdit(self)
        if view.items.quantity is not None:
            self.quantity.setText(f"{view.items.quantity.normalize():f}")
        self.errors.add_row(self.form, self.tr("New quantity"), "quantity", self.quantity)
        self.signatory = QLineEdit(self)
        self.errors.add_row(
            self.form, self.tr("Signed for the customer by"), "customer_signatory", self.signatory
        )
        self.password = password_field(self)
        self.errors.add_row(
            self.form, self.tr("Your password (signature)"), "password", self.password
        )
        self.items = ItemsForm(self)
        self.items.set_items(view.items)
        self.errors.include(self.items.errors)
        self.form.addRow(self.items)
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        self.form.addRow(self.notice)
        self.group.buttonToggled.connect(self._follow_kind)
        self._view = view
        self._follow_kind()
        self.submit = lambda: self._save(save)

    def _save(self, save: Callable[[AmendmentInput, str], object]) -> None:
        try:
            save(self.value(), self.password.text())
        finally:
            self.password.clear()  # never left in the form after an attempt

    def kind(self) -> AmendmentKind:
        return next(k for k, b in self.kinds.items() if b.isChecked())

    def _follow_kind(self) -> None:
        kind = self.kind()
        rows = {
            self.delivery.parentWidget(): kind == AmendmentKind.TIME_QUANTITY,
            self.quantity: kind == AmendmentKind.TIME_QUANTITY,
            self.signatory: kind == AmendmentKind.CHANGE_CLAUSE,
            self.password: kind == AmendmentKind.CHANGE_CLAUSE,
            self.items: kind == AmendmentKind.VOID_AND_RESIGN,
        }
        for widget, shown in rows.items():
            self.form.setRowVisible(
                widget.parentWidget() if widget is not self.items else widget, shown
            )
        texts = {
            AmendmentKind.TIME_QUANTITY: self.tr(
                "Only the delivery date or the quantity changes: a change record is kept."
            ),
            AmendmentKind.CHANGE_CLAUSE: self.tr(
                "A clause is added to the contract and both sides sign it: the customer on "
                "paper, you with your password."
            ),
            AmendmentKind.VOID_AND_RESIGN: self.tr(
                "The contract is voided and a new review opens with these items; every "
                "department signs again."
            ),
        }
        self.notice.setText(
            texts[kind] + " " + self.tr("The departments that signed before are notified.")
        )
        self.adjustSize()

    def value(self) -> AmendmentInput:
        kind = self.kind()
        q = self.delivery.date()
        quantity = decimal_or_none(self.quantity.text())
        return AmendmentInput(
            kind=kind,
            description=self.description.toPlainText(),
            customer_signatory=self.signatory.text(),
            items=self.items.value() if kind == AmendmentKind.VOID_AND_RESIGN else None,
            delivery_date=date(q.year(), q.month(), q.day())
            if kind == AmendmentKind.TIME_QUANTITY and self.move_delivery.isChecked()
            else None,
            quantity=quantity  # type: ignore[arg-type]
            if kind == AmendmentKind.TIME_QUANTITY
            else None,
        )
