"""Tools → Review rules: when a contract is special, and the review's time limits."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import QDoubleSpinBox, QLabel, QSpinBox, QWidget

from reqdesk.services.context import Context
from reqdesk.services.reviews.rules import ReviewRules, get_rules, save_rules
from reqdesk.ui.submit_dialog import SubmitDialog


class ReviewRulesDialog(SubmitDialog):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Review rules"))
        rules = get_rules(ctx)
        intro = QLabel(
            self.tr(
                "A contract is special (meeting review) for a new product, precision above the "
                "top grade, or a large quantity with a short delivery time:"
            ),
            self,
        )
        intro.setWordWrap(True)
        self.form.addRow(intro)
        self.quantity = QDoubleSpinBox(self)
        self.quantity.setRange(0.001, 999_999)
        self.quantity.setDecimals(3)
        self.quantity.setSuffix(self.tr(" t or more"))
        self.quantity.setValue(float(rules.special_quantity_t))
        self.errors.add_row(self.form, self.tr("Quantity"), "special_quantity_t", self.quantity)
        self.days = self._spin(1, 365, rules.special_delivery_days, self.tr(" days or less"))
        self.errors.add_row(
            self.form, self.tr("Delivery within"), "special_delivery_days", self.days
        )
        self.sign_days = self._spin(1, 30, rules.sign_working_days, self.tr(" working days"))
        self.errors.add_row(
            self.form, self.tr("Departments sign within"), "sign_working_days", self.sign_days
        )
        self.answer = self._spin(1, 720, rules.answer_hours, self.tr(" hours"))
        self.errors.add_row(
            self.form, self.tr("Answer the customer within"), "answer_hours", self.answer
        )
        self.submit = lambda: save_rules(ctx, self.value())

    def _spin(self, low: int, high: int, value: int, suffix: str) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setRange(low, high)
        spin.setValue(value)
        spin.setSuffix(suffix)
        return spin

    def value(self) -> ReviewRules:
        return ReviewRules(
            special_quantity_t=Decimal(str(round(self.quantity.value(), 3))),
            special_delivery_days=self.days.value(),
            answer_hours=self.answer.value(),
            sign_working_days=self.sign_days.value(),
        )
