"""The review items (评审内容) as a form: opening, revising and re-signing a review."""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from reqdesk.services.errors import ReqdeskError
from reqdesk.services.reviews.items import ReviewItems
from reqdesk.ui.form_fields import FieldErrors, FormDateEdit
from reqdesk.ui.formatting import date_edit_format

TEXT_FIELDS = (
    "contract_no",
    "product_name",
    "spec_model",
    "drawing_no",
    "unit",
    "delivery_place",
    "delivery_method",
)
LONG_FIELDS = ("quality_requirements", "acceptance_standard", "settlement_terms", "attachments")


def decimal_or_none(text: str) -> Decimal | str | None:
    """A typed number (full-width digits and thousands commas allowed); the text if not one."""
    cleaned = text.strip().replace(",", "").replace("，", "")
    if not cleaned:
        return None
    try:
        return Decimal(cleaned.translate(str.maketrans("０１２３４５６７８９．", "0123456789.")))
    except InvalidOperation:
        return text


class ItemsForm(QWidget):
    """Every review item in the paper form's order, each with its error line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.errors = FieldErrors()
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.fields: dict[str, QLineEdit | QPlainTextEdit] = {}
        labels = {
            "contract_no": self.tr("Contract / order no."),
            "product_name": self.tr("Product name *"),
            "spec_model": self.tr("Specification / model"),
            "drawing_no": self.tr("Drawing no."),
            "quality_requirements": self.tr("Quality requirements"),
            "price": self.tr("Unit price (yuan)"),
            "quantity": self.tr("Quantity"),
            "unit": self.tr("Unit"),
            "delivery_date": self.tr("Delivery date"),
            "delivery_place": self.tr("Delivery place"),
            "delivery_method": self.tr("Delivery method"),
            "acceptance_standard": self.tr("Acceptance standard"),
            "settlement_terms": self.tr("Settlement terms"),
            "attachments": self.tr("Attachments"),
        }
        for name in ("contract_no", "product_name", "spec_model", "drawing_no"):
            self._line(form, name, labels[name])
        self._long(form, "quality_requirements", labels["quality_requirements"])
        self.price = self._line(form, "price", labels["price"])
        amount = QWidget(self)
        row = QHBoxLayout(amount)
        row.setContentsMargins(0, 0, 0, 0)
        self.quantity = QLineEdit(amount)
        self.unit = QLineEdit(amount)
        self.unit.setPlaceholderText(self.tr("t, kg, pcs…"))
        self.unit.setMaximumWidth(90)
        row.addWidget(self.quantity, 1)
        row.addWidget(self.unit)
        self.fields["quantity"], self.fields["unit"] = self.quantity, self.unit
        self.errors.add_row(form, labels["quantity"], "quantity", amount, self.quantity)
        self.errors.alias("unit", self.unit, "quantity")
        self.has_delivery = QCheckBox(self.tr("agreed"), self)
        self.delivery_date = FormDateEdit(self)
        self.delivery_date.setCalendarPopup(True)
        self.delivery_date.setDisplayFormat(date_edit_format())
        self.delivery_date.setEnabled(False)
        self.has_delivery.toggled.connect(self.delivery_date.setEnabled)
        when = QWidget(self)
        line = QHBoxLayout(when)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.has_delivery)
        line.addWidget(self.delivery_date, 1)
        self.errors.add_row(
            form, labels["delivery_date"], "delivery_date", when, self.delivery_date
        )
        for name in ("delivery_place", "delivery_method"):
            self._line(form, name, labels[name])
        for name in ("acceptance_standard", "settlement_terms", "attachments"):
            self._long(form, name, labels[name])
        flags = QWidget(self)
        line = QHBoxLayout(flags)
        line.setContentsMargins(0, 0, 0, 0)
        self.is_new_product = QCheckBox(self.tr("New product"), flags)
        self.above_top_precision = QCheckBox(self.tr("Precision above the top grade"), flags)
        line.addWidget(self.is_new_product)
        line.addWidget(self.above_top_precision)
        line.addStretch(1)
        form.addRow(self.tr("Special features"), flags)

    def _line(self, form: QFormLayout, name: str, label: str) -> QLineEdit:
        edit = QLineEdit(self)
        self.fields[name] = edit
        self.errors.add_row(form, label, name, edit)
        return edit

    def _long(self, form: QFormLayout, name: str, label: str) -> QPlainTextEdit:
        edit = QPlainTextEdit(self)
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(52)
        self.fields[name] = edit
        self.errors.add_row(form, label, name, edit)
        return edit

    def _text(self, name: str) -> str:
        widget = self.fields[name]
        return widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()

    def value(self) -> ReviewItems:
        """The typed items; a number that is not one is reported by the service."""
        numbers = {n: decimal_or_none(self._text(n)) for n in ("price", "quantity")}
        day: date | None = None
        if self.has_delivery.isChecked():
            q = self.delivery_date.date()
            day = date(q.year(), q.month(), q.day())
        return ReviewItems(
            **{n: self._text(n) for n in (*TEXT_FIELDS, *LONG_FIELDS)},
            price=numbers["price"],  # type: ignore[arg-type]
            quantity=numbers["quantity"],  # type: ignore[arg-type]
            delivery_date=day,
            is_new_product=self.is_new_product.isChecked(),
            above_top_precision=self.above_top_precision.isChecked(),
        )

    def set_items(self, items: ReviewItems, *, today: date | None = None) -> None:
        for name in (*TEXT_FIELDS, *LONG_FIELDS):
            widget = self.fields[name]
            value = str(getattr(items, name) or "")
            if isinstance(widget, QPlainTextEdit):
                widget.setPlainText(value)
            else:
                widget.setText(value)
        self.price.setText("" if items.price is None else f"{items.price:f}")
        self.quantity.setText("" if items.quantity is None else f"{items.quantity.normalize():f}")
        shown = items.delivery_date or today
        if shown is not None:
            self.delivery_date.setDate(QDate(shown.year, shown.month, shown.day))
        self.has_delivery.setChecked(items.delivery_date is not None)
        self.is_new_product.setChecked(items.is_new_product)
        self.above_top_precision.setChecked(items.above_top_precision)

    def show_error(self, error: ReqdeskError) -> list[ReqdeskError]:
        return self.errors.show(error)
