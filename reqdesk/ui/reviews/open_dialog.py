"""Opening a review: which requirement, the items, the contract type the rules propose
(another type needs a reason), and who signs."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from reqdesk.i18n import enum_label, error_text, translate
from reqdesk.models.enums import ContractType, ReviewAspect, ReviewRouting
from reqdesk.services.context import Context
from reqdesk.services.errors import ReqdeskError, ValidationError
from reqdesk.services.requirements.views import RequirementView, get_requirement_by_number
from reqdesk.services.reviews.items import ReviewItems
from reqdesk.services.reviews.opening import OpenReviewInput, open_review, proposal_for
from reqdesk.services.reviews.rules import Proposal
from reqdesk.services.sla import BUSINESS_TZ
from reqdesk.services.users import list_departments
from reqdesk.textmarks import QT_TRANSLATE_NOOP
from reqdesk.ui.reviews.items_form import ItemsForm
from reqdesk.ui.submit_dialog import SubmitDialog


class OpenReviewDialog(SubmitDialog):
    """``opened`` holds (id, number) once the review is written."""

    def __init__(
        self, ctx: Context, requirement: RequirementView | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.requirement = requirement
        self.opened: tuple[int, str] | None = None
        self.setWindowTitle(self.tr("Open a contract review"))
        self.resize(680, 760)
        self.number = QLineEdit(self)
        self.number.setPlaceholderText(self.tr("Requirement number, e.g. HQ-RQ-2026-00012"))
        self.number.editingFinished.connect(self._find_requirement)
        self.about = QLabel(self)
        self.about.setWordWrap(True)
        self.errors.add_row(self.form, self.tr("Requirement *"), "requirement", self.number)
        self.form.addRow("", self.about)
        self.items = ItemsForm(self)
        self.errors.include(self.items.errors)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.items)
        scroll.setMinimumHeight(330)
        self.form.addRow(scroll)
        self._type_rows()
        self._routing_rows()
        self._proposal: Proposal | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self.update_proposal)
        for widget in (self.items.quantity, self.items.unit, self.items.fields["contract_no"]):
            widget.textChanged.connect(self._timer.start)
        for box in (self.items.is_new_product, self.items.above_top_precision):
            box.toggled.connect(self._timer.start)
        self.items.has_delivery.toggled.connect(self._timer.start)
        self.items.delivery_date.dateChanged.connect(self._timer.start)
        self.submit = self._submit
        self.items.set_items(ReviewItems(), today=ctx.clock().astimezone(BUSINESS_TZ).date())
        if requirement is not None:
            self._use(requirement)
        self.update_proposal()

    # Layout ---------------------------------------------------------------------------

    def _type_rows(self) -> None:
        self.proposal = QLabel(self)
        self.proposal.setWordWrap(True)
        self.form.addRow(self.tr("Rules propose"), self.proposal)
        self.contract_type = QComboBox(self)
        self.contract_type.addItem(self.tr("As proposed"), None)
        for member in ContractType:
            self.contract_type.addItem(enum_label(member), member)
        self.contract_type.currentIndexChanged.connect(self._type_changed)
        self.errors.add_row(
            self.form, self.tr("Contract type"), "contract_type", self.contract_type
        )
        self.type_reason = QLineEdit(self)
        self.type_reason.setPlaceholderText(self.tr("Why another type than the rules propose"))
        self.errors.add_row(self.form, self.tr("Reason"), "type_reason", self.type_reason)

    def _routing_rows(self) -> None:
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        self.planner = QRadioButton(enum_label(ReviewRouting.PLANNER), box)
        self.countersign = QRadioButton(enum_label(ReviewRouting.COUNTERSIGN), box)
        self.meeting = QLabel(
            self.tr(
                "Meeting review: Sales, Technical, Purchasing, Production, "
                "Quality, then the general manager"
            ),
            box,
        )
        self.meeting.setWordWrap(True)
        self.planner.setChecked(True)
        column.addWidget(self.planner)
        column.addWidget(self.countersign)
        grid = QGridLayout()
        self.departments: dict[int, QCheckBox] = {}
        others = [
            d
            for d in list_departments(self.ctx)
            if d.active and d.review_aspect not in (None, ReviewAspect.SALES)
        ]
        for index, department in enumerate(others):
            check = QCheckBox(department.name, box)
            check.setEnabled(False)
            self.departments[department.id] = check
            grid.addWidget(check, index // 3, index % 3)
        self.countersign.toggled.connect(
            lambda on: [c.setEnabled(on) for c in self.departments.values()]
        )
        column.addLayout(grid)
        column.addWidget(self.meeting)
        self.with_finance = QCheckBox(self.tr("Finance reviews credit and settlement too"), box)
        column.addWidget(self.with_finance)
        self.errors.add_row(self.form, self.tr("Who signs"), "countersigners", box)
        self.errors.alias("routing", box, "countersigners")

    # Behaviour ------------------------------------------------------------------------

    def _find_requirement(self) -> None:
        text = self.number.text().strip()
        if not text or (self.requirement is not None and self.requirement.number == text.upper()):
            return
        try:
            self._use(get_requirement_by_number(self.ctx, text))
        except ReqdeskError as error:
            self.requirement = None
            self.about.setText(error_text(error))
        self.update_proposal()

    def _use(self, requirement: RequirementView) -> None:
        self.requirement = requirement
        self.number.setText(requirement.number)
        self.number.setReadOnly(True)
        self.about.setText(f"{requirement.customer_name}：{requirement.title}")
        contract_no = self.items.fields["contract_no"]
        if isinstance(contract_no, QLineEdit) and not contract_no.text():
            contract_no.setText(requirement.contract_no)

    def update_proposal(self) -> None:
        if self.requirement is None:
            self.proposal.setText(self.tr("Choose the requirement first."))
            self._proposal = None
        else:
            try:
                self._proposal = proposal_for(self.ctx, self.requirement.id, self._items())
            except ReqdeskError as error:
                self.proposal.setText(error_text(error))
                return
            reasons = "、".join(translate("ReviewRules", r) for r in self._proposal.reasons)
            text = enum_label(self._proposal.contract_type)
            self.proposal.setText(f"{text}（{reasons}）" if reasons else text)
        self._type_changed()

    def _items(self) -> ReviewItems:
        items = self.items.value()
        quantity = items.quantity if isinstance(items.quantity, Decimal) else None
        return replace(items, quantity=quantity, price=None)

    def chosen_type(self) -> ContractType | None:
        data = self.contract_type.currentData()
        return ContractType(data) if data else None

    def _type_changed(self) -> None:
        effective = self.chosen_type() or (self._proposal.contract_type if self._proposal else None)
        special = effective == ContractType.SPECIAL
        for widget in (self.planner, self.countersign, *self.departments.values()):
            widget.setVisible(not special)
        self.meeting.setVisible(special)
        self.with_finance.setVisible(special)
        differs = (
            self.chosen_type() is not None
            and self._proposal is not None
            and self.chosen_type() != self._proposal.contract_type
        )
        self.type_reason.setEnabled(differs)

    def value(self) -> OpenReviewInput:
        if self.requirement is None:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "Enter the number of the requirement to review."),
                field="requirement",
            )
        return OpenReviewInput(
            requirement_id=self.requirement.id,
            items=self.items.value(),
            contract_type=self.chosen_type(),
            type_reason=self.type_reason.text() if self.type_reason.isEnabled() else "",
            routing=ReviewRouting.COUNTERSIGN
            if self.countersign.isChecked()
            else ReviewRouting.PLANNER,
            countersigners=tuple(i for i, c in self.departments.items() if c.isChecked()),
            with_finance=self.with_finance.isChecked(),
        )

    def _submit(self) -> None:
        done = open_review(self.ctx, self.value())
        self.opened = (done.id, done.number)
