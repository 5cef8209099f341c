"""The rest of a review through the tab: correction, negotiation and a new round,
answering the customer, an amendment and its notice."""

from __future__ import annotations

from datetime import date

from reqdesk.models.enums import AmendmentKind, Decision, ReviewRouting, ReviewState
from reqdesk.services.context import Context
from reqdesk.services.errors import ValidationError
from reqdesk.services.reviews.conclusion import conclude
from reqdesk.services.reviews.queue import TaskKind
from reqdesk.services.reviews.rules import get_rules
from reqdesk.services.reviews.views import get_review
from reqdesk.ui.reviews.action_dialogs import AnswerDialog, NegotiationDialog, ReviseDialog
from reqdesk.ui.reviews.amend_dialog import AmendDialog
from reqdesk.ui.reviews.rules_dialog import ReviewRulesDialog
from reqdesk.ui.reviews.sign_dialog import SignDialog
from tests.helpers import signed_in
from tests.services.review_inputs import PASSWORD, open_for, sign
from tests.ui.test_reviews_tab import choose, fill_and_sign, make_tab


def test_correct_negotiate_and_revise(qtbot, demo_ctx: Context, on_dialog) -> None:  # type: ignore[no-untyped-def]
    review_id, _ = open_for(demo_ctx, ReviewRouting.COUNTERSIGN, ("PROD",))
    sign(demo_ctx, review_id, "PROD", Decision.CAN_MEET)
    production = make_tab(qtbot, signed_in(demo_ctx, "shengchan"))
    production.show_review(review_id)

    def correct(dialog: SignDialog) -> None:
        dialog.reason.setText("复核排产后发现产能不足")
        fill_and_sign(Decision.CANNOT_MEET, "十二月产能已满", PASSWORD)(dialog)

    on_dialog(SignDialog, correct)
    production.bar.buttons["correct"].click()
    assert "已被更正" in production.detail.record.toPlainText()  # the old one stays, marked
    sign(demo_ctx, review_id, "SALES")
    sales = make_tab(qtbot, signed_in(demo_ctx, "xiaoshou"))
    choose(sales, review_id)
    assert sales.view is not None and sales.view.state == ReviewState.NEGOTIATING
    assert [t.kind for t in sales.tasks.tasks if t.review_id == review_id] == [TaskKind.NEGOTIATE]
    assert not sales.bar.buttons["revise"].isVisibleTo(sales)  # negotiate first

    def negotiate(dialog: NegotiationDialog) -> None:
        dialog.contact.setText("王经理")
        dialog.summary.setPlainText("商议交期")
        dialog.outcome.setPlainText("客户同意延期三周")
        dialog._ok()

    on_dialog(NegotiationDialog, negotiate)
    sales.bar.buttons["negotiate"].click()
    assert sales.bar.buttons["revise"].isVisibleTo(sales)

    def revise(dialog: ReviseDialog) -> None:
        dialog.items.has_delivery.setChecked(True)
        dialog.items.delivery_date.setDate(date(2027, 2, 15))
        dialog.reason.setPlainText("交期延后三周")
        dialog._ok()

    on_dialog(ReviseDialog, revise)
    sales.bar.buttons["revise"].click()
    view = get_review(sales.ctx, review_id)
    assert view.round == 2 and view.state == ReviewState.SIGNING
    assert view.items.delivery_date == date(2027, 2, 15)
    assert "王经理" in sales.detail.record.toPlainText()


def test_answer_amend_and_notice(qtbot, demo_ctx: Context, on_dialog) -> None:  # type: ignore[no-untyped-def]
    review_id, _ = open_for(demo_ctx, ReviewRouting.COUNTERSIGN, ("TECH",))
    sign(demo_ctx, review_id, "TECH")
    sign(demo_ctx, review_id, "SALES")
    sales = make_tab(qtbot, signed_in(demo_ctx, "xiaoshou"))
    sales.show_review(review_id)
    conclude(sales.ctx, review_id, "")
    sales.after_action(review_id)

    def answer(dialog: AnswerDialog) -> None:
        dialog.note.setPlainText("电话告知客户并发送确认函")
        dialog._ok()

    on_dialog(AnswerDialog, answer)
    sales.bar.buttons["answer"].click()
    assert get_review(sales.ctx, review_id).answered_at is not None

    def amend(dialog: AmendDialog) -> None:
        dialog.kinds[AmendmentKind.TIME_QUANTITY].setChecked(True)
        dialog.description.setPlainText("客户要求减量")
        dialog.quantity.setText("1200")
        dialog._ok()

    on_dialog(AmendDialog, amend)
    sales.bar.buttons["amend"].click()
    assert get_review(sales.ctx, review_id).items.quantity == 1200
    tech = make_tab(qtbot, signed_in(demo_ctx, "jishu"))
    notices = [t for t in tech.tasks.tasks if t.kind == TaskKind.NOTICE]
    assert len(notices) == 1 and notices[0].review_id == review_id
    tech.tasks.selectRow(tech.tasks.tasks.index(notices[0]))
    assert tech.bar.buttons["acknowledge"].isVisibleTo(tech)
    tech.bar.buttons["acknowledge"].click()
    assert not [t for t in tech.tasks.tasks if t.kind == TaskKind.NOTICE]


def test_print_the_record_and_edit_the_rules(qtbot, demo_ctx: Context) -> None:  # type: ignore[no-untyped-def]
    """Print record… previews the PDF; Tools → Review rules saves the thresholds."""
    review_id, _ = open_for(demo_ctx, ReviewRouting.COUNTERSIGN, ("TECH",))
    tab = make_tab(qtbot, signed_in(demo_ctx, "jishu"))
    tab.show_review(review_id)
    assert tab.bar.buttons["print"].isVisibleTo(tab)
    tab.bar.buttons["print"].click()
    qtbot.waitUntil(lambda: tab.actions.preview is not None, timeout=15000)
    assert tab.actions.preview is not None and tab.actions.preview.windowTitle() == "合同评审表"
    dialog = ReviewRulesDialog(signed_in(demo_ctx, "admin"))
    qtbot.addWidget(dialog)
    dialog.quantity.setValue(60)
    dialog.answer.setValue(24)
    dialog._ok()
    assert dialog.result() == 1
    rules = get_rules(signed_in(demo_ctx, "admin"))
    assert (rules.special_quantity_t, rules.answer_hours) == (60, 24)


def test_amend_dialog_sends_only_what_changes(qtbot, demo_ctx: Context) -> None:  # type: ignore[no-untyped-def]
    """A quantity-only change leaves the delivery date; a refused clause clears the password."""
    review_id, _ = open_for(demo_ctx, ReviewRouting.COUNTERSIGN, ("TECH",))
    sign(demo_ctx, review_id, "TECH")
    sign(demo_ctx, review_id, "SALES")
    sales = signed_in(demo_ctx, "xiaoshou")
    conclude(sales, review_id, "")
    view = get_review(sales, review_id)
    sent: list[object] = []
    dialog = AmendDialog(view, lambda form, password: sent.append(form))
    qtbot.addWidget(dialog)
    dialog.quantity.setText("1800")
    assert dialog.value().delivery_date is None and dialog.value().quantity == 1800
    dialog.move_delivery.setChecked(True)
    assert dialog.value().delivery_date == view.items.delivery_date

    def refuse(form: object, password: str) -> None:
        raise ValidationError("no", field="customer_signatory")

    clause = AmendDialog(view, refuse)
    qtbot.addWidget(clause)
    clause.kinds[AmendmentKind.CHANGE_CLAUSE].setChecked(True)
    clause.password.setText(PASSWORD)
    clause._ok()
    assert clause.password.text() == "" and clause.errors.message("customer_signatory")
