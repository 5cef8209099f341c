"""What each button under a review does: a dialog, one service call, then a refresh."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog

from reqdesk.i18n import translate
from reqdesk.services.context import Context
from reqdesk.services.requirements.views import RequirementView
from reqdesk.services.reviews import amendments, conclusion, signing
from reqdesk.services.reviews.views import ReviewView
from reqdesk.ui.background import BackgroundTask
from reqdesk.ui.pdf_preview import PdfPreviewDialog
from reqdesk.ui.reviews.action_dialogs import (
    AnswerDialog,
    ArbitrationDialog,
    NegotiationDialog,
    NoteDialog,
    ReviseDialog,
)
from reqdesk.ui.reviews.amend_dialog import AmendDialog
from reqdesk.ui.reviews.open_dialog import OpenReviewDialog
from reqdesk.ui.reviews.sign_dialog import SignDialog

if TYPE_CHECKING:
    from reqdesk.ui.reviews.tab import ReviewsTab


class ReviewActions:
    def __init__(self, tab: ReviewsTab) -> None:
        self.tab = tab
        self.last_dialog: QDialog | None = None
        self.preview: PdfPreviewDialog | None = None

    @property
    def ctx(self) -> Context:
        return self.tab.ctx

    def slots(self) -> dict[str, Callable[[], object]]:
        return {
            "sign": self.sign,
            "correct": self.correct,
            "gm_sign": self.gm_sign,
            "conclude": self.conclude,
            "negotiate": self.negotiate,
            "revise": self.revise,
            "hand_over": self.hand_over,
            "arbitrate": self.arbitrate,
            "answer": self.answer,
            "amend": self.amend,
            "acknowledge": self.acknowledge,
            "print": self.print_record,
        }

    def _run(self, dialog: QDialog, review_id: int | None = None) -> bool:
        """Show ``dialog``; when it was accepted, refresh the tab (on ``review_id``)."""
        self.last_dialog = dialog
        accepted = bool(dialog.exec())
        if accepted:
            self.tab.after_action(review_id)
        return accepted

    def _view(self) -> ReviewView | None:
        return self.tab.view

    # Signatures -----------------------------------------------------------------------

    def sign(self) -> None:
        v = self._view()
        if v is None:
            return
        intro = translate(
            "ReviewActions",
            "Review {number}: {product}. Sign for your department: can it meet the contract?",
        ).format(number=v.number, product=v.items.product_name)
        self._run(
            SignDialog(
                translate("ReviewActions", "Sign review {number}").format(number=v.number),
                intro,
                lambda form, password: signing.sign_for_department(
                    self.ctx, v.id, form, password, translate
                ),
                self.tab,
            )
        )

    def correct(self) -> None:
        v = self._view()
        if v is None or v.allowed.correct is None:
            return
        sign_off_id = v.allowed.correct
        self._run(
            SignDialog(
                translate("ReviewActions", "Correct a sign-off on {number}").format(
                    number=v.number
                ),
                translate(
                    "ReviewActions",
                    "Your earlier sign-off stays on the record; this new one replaces it in force.",
                ),
                lambda form, password, reason: signing.correct_sign_off(
                    self.ctx, sign_off_id, form, reason, password, translate
                ),
                self.tab,
                correction=True,
            )
        )

    def gm_sign(self) -> None:
        v = self._view()
        if v is None:
            return
        self._run(
            SignDialog(
                translate("ReviewActions", "Meeting review {number}").format(number=v.number),
                translate(
                    "ReviewActions",
                    "Every department has signed. Sign the meeting review as general manager.",
                ),
                lambda form, password: signing.sign_as_general_manager(
                    self.ctx, v.id, form, password, translate
                ),
                self.tab,
            )
        )

    def arbitrate(self) -> None:
        v = self._view()
        if v is None:
            return
        self._run(
            ArbitrationDialog(
                v.number,
                lambda decision, reason, password: conclusion.arbitrate(
                    self.ctx, v.id, decision, reason, password, translate
                ),
                self.tab,
            )
        )

    # Sales ----------------------------------------------------------------------------

    def conclude(self) -> None:
        v = self._view()
        if v is None:
            return
        self._run(
            NoteDialog(
                translate("ReviewActions", "Conclude review {number}").format(number=v.number),
                translate(
                    "ReviewActions",
                    "Everyone can meet the contract. Concluding accepts it; the customer is to "
                    "be answered within the set hours.",
                ),
                translate("ReviewActions", "Note"),
                lambda note: conclusion.conclude(self.ctx, v.id, note),
                self.tab,
            )
        )

    def negotiate(self) -> None:
        v = self._view()
        if v is None:
            return
        self._run(
            NegotiationDialog(
                self.ctx.clock(),
                lambda form: conclusion.record_negotiation(self.ctx, v.id, form),
                self.tab,
            )
        )

    def revise(self) -> None:
        v = self._view()
        if v is None:
            return
        self._run(
            ReviseDialog(
                v.items,
                lambda items, reason: conclusion.revise_items(self.ctx, v.id, items, reason),
                self.tab,
            )
        )

    def hand_over(self) -> None:
        v = self._view()
        if v is None:
            return
        self._run(
            NoteDialog(
                translate("ReviewActions", "Hand {number} to the general manager").format(
                    number=v.number
                ),
                translate(
                    "ReviewActions",
                    "The negotiation did not settle it. The general manager arbitrates: accept "
                    "or reject.",
                ),
                translate("ReviewActions", "What is to be decided *"),
                lambda note: conclusion.hand_to_general_manager(self.ctx, v.id, note),
                self.tab,
            )
        )

    def answer(self) -> None:
        v = self._view()
        if v is None:
            return
        self._run(
            AnswerDialog(
                self.ctx.clock(),
                lambda at, note: conclusion.record_answer(self.ctx, v.id, at, note),
                self.tab,
            )
        )

    def amend(self) -> None:
        v = self._view()
        if v is None:
            return
        result: list[amendments.Amended] = []

        def save(form: amendments.AmendmentInput, password: str) -> None:
            result.append(amendments.amend_review(self.ctx, v.id, form, translate, password))

        dialog = AmendDialog(v, save, self.tab)
        self.last_dialog = dialog
        if dialog.exec():
            self.tab.after_action(result[0].new_review_id if result else None)

    def acknowledge(self) -> None:
        task = self.tab.task
        if task is None or task.notice_id is None:
            return
        try:
            amendments.acknowledge_notice(self.ctx, task.notice_id)
        except Exception as error:
            self.tab.failed(translate("ReviewActions", "Amendment notice"), error)
            return
        self.tab.task = None
        self.tab.after_action(task.review_id)

    # Opening and printing -------------------------------------------------------------

    def open_review(self, requirement: RequirementView | None) -> int | None:
        """The open-review dialog; the new review's id when one was opened."""
        dialog = OpenReviewDialog(self.ctx, requirement, self.tab)
        self.last_dialog = dialog
        if not dialog.exec() or dialog.opened is None:
            return None
        self.tab.after_action(dialog.opened[0])
        return dialog.opened[0]

    def print_record(self) -> BackgroundTask | None:
        v = self._view()
        if v is None:
            return None
        from reqdesk.services.reviews.printing import print_review_record

        ctx, review_id = self.ctx, v.id
        path = self.tab.temp_pdf(v.number)
        title = translate("ReviewActions", "Contract review record")
        task = BackgroundTask(
            self.tab,
            translate("ReviewActions", "Preparing the review record…"),
            lambda: print_review_record(ctx, path, translate, review_id=review_id),
        )
        task.start(self._preview_ready(title), lambda error: self.tab.failed(title, error))
        return task

    def _preview_ready(self, title: str) -> Callable[[object], None]:
        def show(path: object) -> None:
            self.preview = PdfPreviewDialog(path, title, self.tab)  # type: ignore[arg-type]
            self.preview.show()

        return show
