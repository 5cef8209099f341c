"""Settings → Service levels: first-response and plan targets per urgency, in clock hours
or working days, and the time the working day ends."""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import QCoreApplication, QTime, Signal
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QHBoxLayout, QLabel, QTimeEdit, QWidget

from reqdesk.i18n import enum_label
from reqdesk.models.enums import Urgency
from reqdesk.services import sla_settings
from reqdesk.services.context import Context
from reqdesk.services.sla import SlaPolicy, Target
from reqdesk.ui.settings.form_page import FormPage

HOURS, WORKING_DAYS, NO_STEP = "hours", "working_days", "none"


class TargetEdit(QWidget):
    """A target as a number and its unit; ``optional`` adds "no plan step"."""

    changed = Signal()

    def __init__(self, optional: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.amount = QDoubleSpinBox(self)
        self.unit = QComboBox(self)
        self.unit.addItem(self.tr("clock hours"), HOURS)
        self.unit.addItem(self.tr("working days"), WORKING_DAYS)
        if optional:
            self.unit.addItem(self.tr("no plan step"), NO_STEP)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.amount)
        row.addWidget(self.unit, 1)
        self.unit.currentIndexChanged.connect(self._unit_changed)
        self.amount.valueChanged.connect(self.changed)
        self.unit.currentIndexChanged.connect(self.changed)

    def _unit_changed(self) -> None:
        unit = self.unit.currentData()
        self.amount.setEnabled(unit != NO_STEP)
        if unit == HOURS:
            self.amount.setDecimals(1)
            self.amount.setSingleStep(0.5)
            self.amount.setRange(sla_settings.MIN_HOURS, sla_settings.MAX_HOURS)
        else:
            self.amount.setDecimals(0)
            self.amount.setSingleStep(1)
            self.amount.setRange(sla_settings.MIN_WORKING_DAYS, sla_settings.MAX_WORKING_DAYS)

    def set_target(self, target: Target | None) -> None:
        unit = NO_STEP if target is None else HOURS if target.hours is not None else WORKING_DAYS
        self.unit.setCurrentIndex(self.unit.findData(unit))
        self._unit_changed()
        if target is not None:
            self.amount.setValue(target.hours or target.working_days or 0)

    def target(self) -> Target | None:
        unit = self.unit.currentData()
        if unit == NO_STEP:
            return None
        if unit == HOURS:
            return Target(hours=round(self.amount.value(), 1))
        return Target(working_days=round(self.amount.value()))

    def required_target(self) -> Target:
        target = self.target()
        assert target is not None, "a first-response target always has a unit"
        return target


class SlaPage(FormPage):
    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("SettingsDialog", "Service levels")

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            self.tr(
                "How soon each requirement must be answered, by urgency: clock hours count "
                "round the clock; working days end at the end of the working day and skip "
                "weekends and holidays."
            ),
            parent,
        )
        self.first: dict[Urgency, TargetEdit] = {}
        self.plan: dict[Urgency, TargetEdit] = {}
        for urgency in Urgency:
            name = enum_label(urgency)
            first = self.first[urgency] = TargetEdit(False, self)
            self.errors.add_row(
                self.form,
                self.tr("{urgency}: first response").format(urgency=name),
                sla_settings.first_response_field(urgency),
                first,
            )
            plan = self.plan[urgency] = TargetEdit(True, self)
            self.errors.add_row(
                self.form,
                self.tr("{urgency}: resolution plan").format(urgency=name),
                sla_settings.plan_field(urgency),
                plan,
            )
            first.changed.connect(self.mark_dirty)
            plan.changed.connect(self.mark_dirty)
        self.workday_end = QTimeEdit(self)
        self.workday_end.setDisplayFormat("HH:mm")
        self.workday_end.timeChanged.connect(self.mark_dirty)
        self.errors.add_row(
            self.form, self.tr("The working day ends at"), "workday_end", self.workday_end
        )
        note = QLabel(
            self.tr(
                "New targets apply to requirements registered from now on, and to a "
                "registration whose received time, urgency or expected date is edited. Due "
                "times already given stay as they were."
            ),
            self,
        )
        note.setWordWrap(True)
        self.body.insertWidget(self.body.indexOf(self.intro) + 1, note)
        self.reload()

    def reload(self) -> None:
        policy = sla_settings.get_sla_policy(self.ctx)
        for urgency in Urgency:
            self.first[urgency].set_target(policy.first_response.get(urgency))
            self.plan[urgency].set_target(policy.plan.get(urgency))
        end = policy.workday_end
        self.workday_end.setTime(QTime(end.hour, end.minute))
        self.mark_clean()

    def policy(self) -> SlaPolicy:
        end = self.workday_end.time()
        return SlaPolicy(
            first_response={u: edit.required_target() for u, edit in self.first.items()},
            plan={u: edit.target() for u, edit in self.plan.items()},
            workday_end=time(end.hour(), end.minute()),
        )

    def submit(self) -> str:
        if not sla_settings.save_sla_policy(self.ctx, self.policy()):
            return self.tr("Nothing was changed.")
        return self.tr("Saved. Requirements registered from now on get the new due times.")
