"""The review's other actions: a note (conclude, hand to the GM), the negotiation with the
customer, the GM's ruling, the customer's answer, and revised items (a new round)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QWidget

from reqdesk.models.enums import Decision
from reqdesk.services.reviews.conclusion import NegotiationInput
from reqdesk.services.reviews.items import ReviewItems
from reqdesk.services.sla import BUSINESS_TZ
from reqdesk.ui.form_fields import FormDateTimeEdit
from reqdesk.ui.formatting import datetime_edit_format
from reqdesk.ui.registration.form import BEIJING
from reqdesk.ui.reviews.items_form import ItemsForm
from reqdesk.ui.reviews.sign_dialog import SignDialog
from reqdesk.ui.submit_dialog import SubmitDialog


def long_text(parent: QWidget, height: int = 80) -> QPlainTextEdit:
    edit = QPlainTextEdit(parent)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(height)
    return edit


def moment_field(parent: QWidget, value: datetime) -> FormDateTimeEdit:
    edit = FormDateTimeEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(datetime_edit_format())
    edit.setTimeZone(BEIJING)
    edit.setDateTime(QDateTime.fromSecsSinceEpoch(int(value.timestamp()), BEIJING))
    return edit


def moment_of(edit: FormDateTimeEdit) -> datetime:
    return datetime.fromtimestamp(edit.dateTime().toSecsSinceEpoch(), tz=BUSINESS_TZ)


class NoteDialog(SubmitDialog):
    """One explanatory note, then ``save(note)`` (conclude, hand over to the GM)."""

    def __init__(
        self,
        title: str,
        intro: str,
        label: str,
        save: Callable[[str], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(480, 260)
        header = QLabel(intro, self)
        header.setWordWrap(True)
        self.form.addRow(header)
        self.note = long_text(self, 100)
        self.errors.add_row(self.form, label, "note", self.note)
        self.submit = lambda: save(self.note.toPlainText())


class NegotiationDialog(SubmitDialog):
    """协商记录: when, with whom at the customer, what was discussed, what came of it."""

    def __init__(
        self, now: datetime, save: Callable[[NegotiationInput], object], parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Negotiation with the customer"))
        self.resize(500, 360)
        self.at = moment_field(self, now)
        self.errors.add_row(self.form, self.tr("Date and time *"), "at", self.at)
        self.contact = QLineEdit(self)
        self.errors.add_row(self.form, self.tr("Customer contact"), "contact", self.contact)
        self.summary = long_text(self)
        self.errors.add_row(self.form, self.tr("What was discussed *"), "summary", self.summary)
        self.outcome = long_text(self, 60)
        self.errors.add_row(self.form, self.tr("Outcome"), "outcome", self.outcome)
        self.submit = lambda: save(
            NegotiationInput(
                moment_of(self.at),
                self.contact.text(),
                self.summary.toPlainText(),
                self.outcome.toPlainText(),
            )
        )


class AnswerDialog(SubmitDialog):
    """The customer was told the conclusion: when and how."""

    def __init__(
        self, now: datetime, save: Callable[[datetime, str], object], parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Answer to the customer"))
        self.resize(460, 240)
        self.at = moment_field(self, now)
        self.errors.add_row(self.form, self.tr("Answered at *"), "at", self.at)
        self.note = long_text(self)
        self.errors.add_row(self.form, self.tr("How, and what was said *"), "note", self.note)
        self.submit = lambda: save(moment_of(self.at), self.note.toPlainText())


class ReviseDialog(SubmitDialog):
    """Revised terms after the negotiation: every department signs the new round."""

    def __init__(
        self,
        items: ReviewItems,
        save: Callable[[ReviewItems, str], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Revise the review items"))
        self.resize(620, 720)
        intro = QLabel(
            self.tr(
                "The revised items start a new round: every department signs again. The "
                "previous round and its sign-offs are kept."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.form.addRow(intro)
        self.items = ItemsForm(self)
        self.items.set_items(items)
        self.form.addRow(self.items)
        self.reason = long_text(self, 50)
        self.errors.add_row(self.form, self.tr("What changed and why *"), "reason", self.reason)
        self.errors.include(self.items.errors)
        self.submit = lambda: save(self.items.value(), self.reason.toPlainText())


class ArbitrationDialog(SignDialog):
    """总经理裁定: accept or reject with the reason, signed with the GM's password."""

    def __init__(
        self, number: str, rule: Callable[[Decision, str, str], object], parent: QWidget | None
    ) -> None:
        super().__init__(
            "",
            "",
            lambda form, password: rule(form.decision, form.comment, password),
            parent,
            decisions=(Decision.ACCEPT, Decision.REJECT),
        )
        self.setWindowTitle(self.tr("General manager's arbitration"))
        self.intro.setText(
            self.tr(
                "Sales could not settle review {number} with the customer. Rule on it: "
                "accept or reject, with the reason."
            ).format(number=number)
        )
