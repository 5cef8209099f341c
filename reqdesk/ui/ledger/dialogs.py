"""The detail pane's actions: change the stage, record a processing plan, log a response,
record the return visit. Each OK makes one workflow call; a refusal keeps the dialog open
with the input, and the message under its field (or above the buttons)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QWidget,
)

from reqdesk.formatting import spaced
from reqdesk.models.enums import ContactChannel, Stage
from reqdesk.services.context import Context
from reqdesk.services.requirements import workflow
from reqdesk.services.requirements.views import get_requirement
from reqdesk.services.sla import BUSINESS_TZ
from reqdesk.ui.form_fields import FormDateEdit
from reqdesk.ui.formatting import date_edit_format
from reqdesk.ui.ledger.records import SATISFACTION, satisfaction_text
from reqdesk.ui.registration.form import enum_combo
from reqdesk.ui.reviews.action_dialogs import long_text, moment_field, moment_of
from reqdesk.ui.submit_dialog import SubmitDialog

HINT_STYLE = "color: #555;"


class ScopedFrame(QFrame):
    """A row of choices whose error frame surrounds the row, not each choice in it."""

    def __init__(self, name: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName(name)

    def setStyleSheet(self, styleSheet: str) -> None:
        scoped = f"QFrame#{self.objectName()} {{ {styleSheet} }}" if styleSheet else ""
        super().setStyleSheet(scoped)


class ActionDialog(SubmitDialog):
    """A ledger action on one requirement: its number and title on top; Enter (in a
    one-line field) or Ctrl+Enter (anywhere) is OK, Esc cancels."""

    def __init__(
        self, ctx: Context, requirement_id: int, subject: str, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.requirement_id = requirement_id
        if not subject:
            view = get_requirement(ctx, requirement_id)
            subject = spaced(view.number, view.title)
        self.subject = QLabel(subject, self)
        self.subject.setWordWrap(True)
        self.subject.setStyleSheet("font-weight: bold;")
        self.form.addRow(self.subject)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setDefault(True)
        ok.setToolTip(self.tr("Save (Ctrl+Enter)"))
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self._ok)

    def hint(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setWordWrap(True)
        label.setStyleSheet(HINT_STYLE)
        self.form.addRow(label)
        return label


class StageDialog(ActionDialog):
    """Move the requirement to one of the stages the user may choose, with a note."""

    def __init__(
        self,
        ctx: Context,
        requirement_id: int,
        moves: Sequence[Stage],
        parent: QWidget | None = None,
        *,
        current: Stage | None = None,
        subject: str = "",
    ) -> None:
        super().__init__(ctx, requirement_id, subject, parent)
        self.setWindowTitle(self.tr("Change stage"))
        self.resize(460, 300)
        self.current = current or get_requirement(ctx, requirement_id).stage
        self.target = enum_combo(self, list(moves))
        self.errors.add_row(self.form, self.tr("New stage *"), "stage", self.target)
        self.note = long_text(self, 90)
        self.errors.add_row(self.form, self.tr("Remarks"), "note", self.note)
        self.note_hint = self.hint("")
        self.target.currentIndexChanged.connect(self._update_hint)
        self._update_hint()
        if not moves:
            self.message.setText(self.tr("You cannot move this requirement now."))
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.submit = lambda: workflow.change_stage(
            self.ctx, self.requirement_id, self.target.currentData(), self.note.toPlainText()
        )

    def needs_note(self) -> bool:
        return (self.current, self.target.currentData()) in workflow.NEEDS_NOTE

    def _update_hint(self) -> None:
        if self.needs_note():
            self.note.setPlaceholderText(self.tr("Required: say why"))
            self.note_hint.setText(self.tr("This move needs a note saying why."))
        else:
            self.note.setPlaceholderText(self.tr("Optional"))
            self.note_hint.setText(self.tr("Every change of stage is kept in the timeline."))


class PlanDialog(ActionDialog):
    """处理计划: how it is handled, the schedule, and what is promised to the customer."""

    def __init__(
        self, ctx: Context, requirement_id: int, parent: QWidget | None = None, *, subject: str = ""
    ) -> None:
        super().__init__(ctx, requirement_id, subject, parent)
        self.setWindowTitle(self.tr("Processing plan"))
        self.resize(520, 420)
        self.method = long_text(self, 80)
        self.errors.add_row(self.form, self.tr("Method *"), "method", self.method)
        self.schedule = long_text(self, 80)
        self.errors.add_row(self.form, self.tr("Schedule *"), "schedule", self.schedule)
        self.commitment = long_text(self, 60)
        self.errors.add_row(self.form, self.tr("Commitment"), "commitment", self.commitment)
        self.hint(self.tr("Recording the plan starts the work when it had not started."))
        self.submit = self._save

    def value(self) -> workflow.PlanInput:
        return workflow.PlanInput(
            self.method.toPlainText(), self.schedule.toPlainText(), self.commitment.toPlainText()
        )

    def _save(self) -> None:
        workflow.record_plan(self.ctx, self.requirement_id, self.value())


class ResponseDialog(ActionDialog):
    """答复: when and how the customer was answered, and what they were told."""

    def __init__(
        self, ctx: Context, requirement_id: int, parent: QWidget | None = None, *, subject: str = ""
    ) -> None:
        super().__init__(ctx, requirement_id, subject, parent)
        self.setWindowTitle(self.tr("Log a response"))
        self.resize(500, 340)
        self.responded_at = moment_field(self, ctx.clock())
        self.errors.add_row(self.form, self.tr("Answered at *"), "responded_at", self.responded_at)
        self.channel = enum_combo(self, list(ContactChannel))
        self.channel.setCurrentIndex(self.channel.findData(ContactChannel.CALL))
        self.errors.add_row(self.form, self.tr("Channel"), "channel", self.channel)
        self.content = long_text(self, 110)
        self.errors.add_row(self.form, self.tr("What was said *"), "content", self.content)
        self.hint(self.tr("The first response counts for the response timeliness rate."))
        self.submit = self._save

    def value(self) -> workflow.ResponseInput:
        return workflow.ResponseInput(
            moment_of(self.responded_at), self.channel.currentData(), self.content.toPlainText()
        )

    def _save(self) -> None:
        workflow.log_response(self.ctx, self.requirement_id, self.value())


class ReturnVisitDialog(ActionDialog):
    """回访: the customer rates the result 1–5; saving it closes the requirement."""

    def __init__(
        self, ctx: Context, requirement_id: int, parent: QWidget | None = None, *, subject: str = ""
    ) -> None:
        super().__init__(ctx, requirement_id, subject, parent)
        self.setWindowTitle(self.tr("Return visit"))
        self.resize(540, 380)
        today = ctx.clock().astimezone(BUSINESS_TZ).date()
        self.visit_date = FormDateEdit(self)
        self.visit_date.setCalendarPopup(True)
        self.visit_date.setDisplayFormat(date_edit_format())
        self.visit_date.setDate(QDate(today.year, today.month, today.day))
        self.visit_date.setMaximumDate(QDate(today.year, today.month, today.day))
        self.errors.add_row(self.form, self.tr("Visit date *"), "visit_date", self.visit_date)
        self.visited_by = QLabel(ctx.actor.full_name if ctx.actor else "", self)
        self.form.addRow(self.tr("Visited by"), self.visited_by)
        self.channel = enum_combo(self, list(ContactChannel))
        self.channel.setCurrentIndex(self.channel.findData(ContactChannel.CALL))
        self.errors.add_row(self.form, self.tr("Channel"), "channel", self.channel)
        self.satisfaction = QButtonGroup(self)
        scale = self._scale()
        self.errors.add_row(self.form, self.tr("Satisfaction *"), "satisfaction", scale)
        self.comments = long_text(self, 90)
        self.errors.add_row(self.form, self.tr("Comments"), "comments", self.comments)
        self.hint(self.tr("Saving the return visit closes the requirement."))
        self.submit = self._save

    def value(self) -> workflow.VisitInput:
        day = self.visit_date.date()
        return workflow.VisitInput(
            date(day.year(), day.month(), day.day()),
            self.channel.currentData(),
            max(self.satisfaction.checkedId(), 0),  # none chosen: the service asks
            self.comments.toPlainText(),
        )

    def _save(self) -> None:
        workflow.record_return_visit(self.ctx, self.requirement_id, self.value())

    def _scale(self) -> ScopedFrame:
        holder = ScopedFrame("satisfaction_scale", self)
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        for score in range(1, len(SATISFACTION) + 1):
            button = QRadioButton(satisfaction_text(score), holder)
            self.satisfaction.addButton(button, score)
            row.addWidget(button)
        row.addStretch(1)
        return holder

    def choose(self, score: int) -> None:
        self.satisfaction.button(score).setChecked(True)
