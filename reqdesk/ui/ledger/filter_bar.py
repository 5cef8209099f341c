"""The ledger's filters: period or ISO week, stage, department, person, urgency, category,
channel, customer, overdue only, due soon, due today and awaiting return visit."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from enum import Enum

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reqdesk.i18n import enum_label
from reqdesk.models.enums import Category, Channel, Stage, Urgency
from reqdesk.services.context import Context
from reqdesk.services.ledger_list import (
    AWAITING_RETURN_VISIT,
    EARLIEST_DAY,
    LATEST_DAY,
    LedgerFilter,
)
from reqdesk.services.periods import month_of, previous_month, week_label, week_of
from reqdesk.services.sla import BUSINESS_TZ
from reqdesk.services.users import list_departments, list_users
from reqdesk.ui.formatting import date_edit_format
from reqdesk.ui.registration.customer_picker import CustomerPicker


class Period(Enum):
    ALL = "all"
    THIS_WEEK = "this_week"
    LAST_WEEK = "last_week"
    THIS_MONTH = "this_month"
    LAST_MONTH = "last_month"
    WEEK = "week"
    DATES = "dates"


def period_dates(
    period: Period, today: date, chosen: tuple[date, date]
) -> tuple[date | None, date | None]:
    """The first and last day a period choice stands for (``chosen``: the date edits)."""
    if period == Period.THIS_WEEK:
        return week_of(today)
    if period == Period.LAST_WEEK:
        return week_of(week_of(today)[0] - timedelta(days=1))
    if period == Period.THIS_MONTH:
        return month_of(today)
    if period == Period.LAST_MONTH:
        return previous_month(today)
    if period == Period.WEEK:
        return week_of(chosen[0])
    if period == Period.DATES:
        return min(chosen), max(chosen)
    return None, None


class LedgerFilterBar(QWidget):
    """Emits ``changed`` whenever a choice changes; :meth:`apply` puts the choices into a
    filter (the search text stays the caller's)."""

    changed = Signal()

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._muted = False
        self.period = QComboBox(self)
        for period, text in (
            (Period.ALL, self.tr("All dates")),
            (Period.THIS_WEEK, self.tr("This week")),
            (Period.LAST_WEEK, self.tr("Last week")),
            (Period.THIS_MONTH, self.tr("This month")),
            (Period.LAST_MONTH, self.tr("Last month")),
            (Period.WEEK, self.tr("ISO week…")),
            (Period.DATES, self.tr("From – to…")),
        ):
            self.period.addItem(text, period)
        self.period.setToolTip(self.tr("Received in this period"))
        today = QDate(self.today())
        self.first = self._date_edit(today.addDays(-30))
        self.last = self._date_edit(today)
        self.week_text = QLabel(self)
        self.stage = self._enum_combo(self.tr("All stages"), Stage)
        self.department = QComboBox(self)
        self.department.addItem(self.tr("All departments"), None)
        for department in list_departments(ctx):
            if department.active:
                self.department.addItem(department.name, department.id)
        self.person = QComboBox(self)
        self.person.addItem(self.tr("All people"), None)
        for user in list_users(ctx):
            if user.active:
                self.person.addItem(user.full_name, user.id)
        self.urgency = self._enum_combo(self.tr("All urgencies"), Urgency)
        self.category = self._enum_combo(self.tr("All categories"), Category)
        self.channel = self._enum_combo(self.tr("All channels"), Channel)
        self.customer = CustomerPicker(ctx, self)
        self.customer.setPlaceholderText(self.tr("Any customer"))
        self.customer.setMinimumWidth(160)
        self.overdue = QCheckBox(self.tr("Overdue only"), self)
        self.due_soon = QCheckBox(self.tr("Due within 24 h"), self)
        self.due_today = QCheckBox(self.tr("Due today"), self)
        self.due_today.setToolTip(
            self.tr(
                "Not overdue yet, but a response, plan, resolution or customer answer "
                "falls due before midnight"
            )
        )
        self.awaiting_visit = QCheckBox(self.tr("Awaiting return visit"), self)
        self.awaiting_visit.setToolTip(
            self.tr("Resolved requirements whose customer was not yet asked")
        )
        self.clear_button = QPushButton(self.tr("Clear filters"), self)
        self.clear_button.clicked.connect(self.clear)
        self._layout()
        self._connect()
        self._update_dates()

    def today(self) -> date:
        return self.ctx.clock().astimezone(BUSINESS_TZ).date()

    def _date_edit(self, value: QDate) -> QDateEdit:
        edit = QDateEdit(value, self)
        edit.setDateRange(QDate(EARLIEST_DAY), QDate(LATEST_DAY))
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(date_edit_format())
        return edit

    def _enum_combo(self, everything: str, kind: type[Enum]) -> QComboBox:
        combo = QComboBox(self)
        combo.addItem(everything, None)
        for member in kind:
            combo.addItem(enum_label(member), member)
        return combo

    def _layout(self) -> None:
        dates = QHBoxLayout()
        for widget in (self.period, self.first, self.last, self.week_text):
            dates.addWidget(widget)
        for widget in (self.stage, self.department, self.person):
            dates.addWidget(widget)
        dates.addStretch(1)
        more = QHBoxLayout()
        for widget in (self.urgency, self.category, self.channel, self.customer):
            more.addWidget(widget)
        for widget in (*self.flags(), self.clear_button):
            more.addWidget(widget)
        more.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(dates)
        layout.addLayout(more)

    def _connect(self) -> None:
        for combo in (
            self.period,
            self.stage,
            self.department,
            self.person,
            self.urgency,
            self.category,
            self.channel,
        ):
            combo.currentIndexChanged.connect(self._changed)
        for edit in (self.first, self.last):
            edit.dateChanged.connect(self._changed)
        for box in self.flags():
            box.toggled.connect(self._changed)
        self.customer.chosen.connect(lambda _id: self._changed())

    def _changed(self) -> None:
        if self._muted:
            return
        self._update_dates()
        self.changed.emit()

    def _update_dates(self) -> None:
        period = self.period.currentData()
        self.first.setVisible(period in (Period.WEEK, Period.DATES))
        self.last.setVisible(period == Period.DATES)
        first, last = self.dates()
        shown = period not in (Period.ALL, Period.DATES) and first is not None
        self.week_text.setVisible(shown)
        if shown and first is not None and last is not None:
            label = week_label(first) + " " if period in _WEEKS else ""
            self.week_text.setText(f"{label}{first:%m-%d} – {last:%m-%d}")
        self.stage.setEnabled(not self.awaiting_visit.isChecked())

    def refresh_dates(self) -> None:
        self._update_dates()

    def dates(self) -> tuple[date | None, date | None]:
        chosen = (self.first.date().toPython(), self.last.date().toPython())
        return period_dates(self.period.currentData(), self.today(), chosen)  # type: ignore[arg-type]

    def apply(self, flt: LedgerFilter) -> LedgerFilter:
        first, last = self.dates()
        awaiting = self.awaiting_visit.isChecked()
        return replace(
            flt,
            received_from=first,
            received_to=last,
            stage=None if awaiting else self.stage.currentData(),
            stages=AWAITING_RETURN_VISIT if awaiting else frozenset(),
            department_id=self.department.currentData(),
            assignee_id=self.person.currentData(),
            urgency=self.urgency.currentData(),
            category=self.category.currentData(),
            channel=self.channel.currentData(),
            customer_id=self.customer.customer_id,
            overdue_only=self.overdue.isChecked(),
            due_soon=self.due_soon.isChecked(),
            due_today=self.due_today.isChecked(),
        )

    def flags(self) -> tuple[QCheckBox, ...]:
        return (self.overdue, self.due_soon, self.due_today, self.awaiting_visit)

    def clear(self, *, overdue: bool = False) -> None:
        """Back to every requirement, or every overdue one (one reload, not one per
        widget)."""
        self.show_only(LedgerFilter(overdue_only=overdue))

    def show_only(self, preset: LedgerFilter) -> None:
        """Every choice back to "all", then the preset's flags ticked (overdue only, due
        soon, due today, awaiting return visit; its other fields are not read): one
        reload."""
        self._muted = True
        try:
            for combo in (
                self.period,
                self.stage,
                self.department,
                self.person,
                self.urgency,
                self.category,
                self.channel,
            ):
                combo.setCurrentIndex(0)
            self.customer.set_customer(None, "")
            self.overdue.setChecked(preset.overdue_only)
            self.due_soon.setChecked(preset.due_soon)
            self.due_today.setChecked(preset.due_today)
            self.awaiting_visit.setChecked(preset.stages == AWAITING_RETURN_VISIT)
        finally:
            self._muted = False
        self._changed()


_WEEKS = (Period.THIS_WEEK, Period.LAST_WEEK, Period.WEEK)
