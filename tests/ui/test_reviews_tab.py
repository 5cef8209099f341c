"""The review sign-off tab driven through its widgets: sign, conclude, arbitrate."""

from __future__ import annotations

from datetime import timedelta

from reqdesk.models.enums import Decision, ReviewRouting, ReviewState
from reqdesk.services.context import Context
from reqdesk.services.requirements.views import get_requirement_by_number
from reqdesk.services.reviews.conclusion import (
    NegotiationInput,
    hand_to_general_manager,
    record_negotiation,
)
from reqdesk.services.reviews.views import get_review
from reqdesk.ui.main_window import MainWindow
from reqdesk.ui.reviews.action_dialogs import ArbitrationDialog, NoteDialog
from reqdesk.ui.reviews.open_dialog import OpenReviewDialog
from reqdesk.ui.reviews.sign_dialog import SignDialog
from reqdesk.ui.reviews.tab import ReviewsTab
from tests.helpers import signed_in
from tests.services.registration_inputs import NOW
from tests.services.review_inputs import PASSWORD, open_for, person, sign
from tests.ui.test_registration_tab import fill


def make_tab(qtbot, ctx: Context) -> ReviewsTab:  # type: ignore[no-untyped-def]
    tab = ReviewsTab(ctx)
    qtbot.addWidget(tab)
    with qtbot.waitExposed(tab):
        tab.show()
    return tab


def choose(tab: ReviewsTab, review_id: int) -> None:
    row = next(i for i, t in enumerate(tab.tasks.tasks) if t.review_id == review_id)
    tab.tasks.selectRow(row)
    assert tab.view is not None and tab.view.id == review_id


def fill_and_sign(decision: Decision, comment: str, password: str):  # type: ignore[no-untyped-def]
    def act(dialog: SignDialog) -> None:
        dialog.choose(decision)
        dialog.comment.setPlainText(comment)
        dialog.password.setText(password)
        dialog._ok()

    return act


def test_a_department_signs_from_its_queue(qtbot, demo_ctx: Context, on_dialog) -> None:  # type: ignore[no-untyped-def]
    """The queue shows the review with its due time; Sign with the password records it."""
    review_id, _ = open_for(demo_ctx, ReviewRouting.COUNTERSIGN, ("TECH",))
    tab = make_tab(qtbot, signed_in(demo_ctx, "jishu"))
    assert f"（{tab.tasks.rowCount()}）" in tab.mine_button.text() and tab.tasks.rowCount() >= 1
    choose(tab, review_id)
    assert tab.bar.buttons["sign"].isVisibleTo(tab)
    on_dialog(SignDialog, fill_and_sign(Decision.CONDITIONAL, "需确认图纸版本", PASSWORD))
    tab.bar.buttons["sign"].click()
    view = get_review(tab.ctx, review_id)
    tech = next(p for p in view.participants if p.department == "技术部")
    assert tech.sign_off is not None and tech.sign_off.decision == Decision.CONDITIONAL
    assert review_id not in [t.review_id for t in tab.tasks.tasks]
    assert not tab.bar.buttons["sign"].isVisibleTo(tab)
    assert tab.bar.buttons["correct"].isVisibleTo(tab)
    assert "需确认图纸版本" in tab.detail.record.toPlainText()


def test_a_wrong_password_keeps_the_dialog_open(qtbot, demo_ctx: Context, on_dialog) -> None:  # type: ignore[no-untyped-def]
    review_id, _ = open_for(demo_ctx)
    tab = make_tab(qtbot, signed_in(demo_ctx, "xiaoshou"))
    choose(tab, review_id)
    seen: list[str] = []

    def wrong_then_cancel(dialog: SignDialog) -> None:
        fill_and_sign(Decision.CAN_MEET, "", "not-my-password")(dialog)
        seen.append(dialog.errors.message("password"))
        assert dialog.isVisible() and dialog.password.text() == ""
        dialog.reject()

    on_dialog(SignDialog, wrong_then_cancel)
    tab.bar.buttons["sign"].click()
    assert seen and "密码" in seen[0]
    assert all(p.sign_off is None for p in get_review(tab.ctx, review_id).participants)


def test_sales_concludes_through_the_tab(qtbot, demo_ctx: Context, on_dialog) -> None:  # type: ignore[no-untyped-def]
    review_id, _ = open_for(demo_ctx, ReviewRouting.COUNTERSIGN, ("QA",))
    sign(demo_ctx, review_id, "QA")
    sign(demo_ctx, review_id, "SALES")
    tab = make_tab(qtbot, signed_in(demo_ctx, "xiaoshou"))
    choose(tab, review_id)
    assert tab.bar.buttons["conclude"].isVisibleTo(tab)

    def conclude(dialog: NoteDialog) -> None:
        dialog.note.setPlainText("同意承接")
        dialog._ok()

    on_dialog(NoteDialog, conclude)
    tab.bar.buttons["conclude"].click()
    view = get_review(tab.ctx, review_id)
    assert view.state == ReviewState.ACCEPTED and "同意承接" in view.conclusion_note
    assert tab.bar.buttons["answer"].isVisibleTo(tab)  # the customer is to be answered next
    assert [t.kind for t in tab.tasks.tasks if t.review_id == review_id] == ["answer"]


def test_the_general_manager_arbitrates_through_the_tab(
    qtbot, demo_ctx: Context, on_dialog
) -> None:  # type: ignore[no-untyped-def]
    review_id, _ = open_for(demo_ctx)
    sign(demo_ctx, review_id, "SALES", Decision.CANNOT_MEET, "价格低于成本")
    sales = person(demo_ctx, "xiaoshou", NOW + timedelta(hours=3))
    record_negotiation(
        sales, review_id, NegotiationInput(NOW + timedelta(hours=2), "王经理", "议价", "客户不让步")
    )
    hand_to_general_manager(sales, review_id, "请总经理裁定是否承接")
    tab = make_tab(qtbot, signed_in(demo_ctx, "zongjingli"))
    choose(tab, review_id)
    assert tab.bar.buttons["arbitrate"].isVisibleTo(tab)
    on_dialog(ArbitrationDialog, fill_and_sign(Decision.REJECT, "亏损订单，不予承接", PASSWORD))
    tab.bar.buttons["arbitrate"].click()
    view = get_review(tab.ctx, review_id)
    assert view.state == ReviewState.REJECTED and view.arbitration is not None
    assert view.arbitration.signer == "赵建国" and "不予承接" in tab.detail.record.toPlainText()


def test_open_a_review_from_the_registration(qtbot, demo_ctx: Context, on_dialog) -> None:  # type: ignore[no-untyped-def]
    """Registration tab → Open review…: the rules propose special for a new product; the
    review opens as a meeting review and shows in the review tab."""
    window = MainWindow(signed_in(demo_ctx, "kefu"), "示范公司")
    qtbot.addWidget(window)
    window.show()
    registration = window.registration_tab
    window.tabs.setCurrentWidget(registration)
    fill(registration, "HQ-C-00004", "新产品试制订单")
    assert registration.save()
    assert registration.review_button.isVisibleTo(registration)
    proposals: list[str] = []

    def open_it(dialog: OpenReviewDialog) -> None:
        items = dialog.items
        items.fields["product_name"].setText("新型密封件")
        items.quantity.setText("５００")  # full-width digits are fine
        items.unit.setText("件")
        items.is_new_product.setChecked(True)
        dialog.update_proposal()
        proposals.append(dialog.proposal.text())
        assert dialog.meeting.isVisibleTo(dialog) and not dialog.planner.isVisibleTo(dialog)
        dialog._ok()

    on_dialog(OpenReviewDialog, open_it)
    registration.review_button.click()
    assert proposals and "特殊" in proposals[0] and "新产品" in proposals[0]
    tab = window.reviews_tab
    assert window.tabs.currentWidget() is tab and tab.view is not None
    assert tab.view.routing == ReviewRouting.MEETING and tab.view.items.quantity == 500
    assert registration.form.stage.text() == "评审中"


def test_bad_items_are_shown_under_their_fields(qtbot, demo_ctx: Context) -> None:  # type: ignore[no-untyped-def]
    ctx = signed_in(demo_ctx, "kefu")
    requirement = get_requirement_by_number(ctx, "HQ-RQ-2026-00600")
    dialog = OpenReviewDialog(ctx, requirement)
    qtbot.addWidget(dialog)
    dialog.items.price.setText("一百元")
    dialog.countersign.setChecked(True)
    dialog._ok()
    assert dialog.opened is None
    assert dialog.errors.message("product_name") and dialog.errors.message("price")
    assert "输入数字" in dialog.errors.message("price")


def test_the_tab_title_counts_my_sign_offs(qtbot, demo_ctx: Context, on_dialog) -> None:  # type: ignore[no-untyped-def]
    review_id, _ = open_for(demo_ctx, ReviewRouting.COUNTERSIGN, ("QA",))
    window = MainWindow(signed_in(demo_ctx, "zhiliang"), "示范公司")
    qtbot.addWidget(window)
    tab = window.reviews_tab
    count = len(tab.tasks.tasks)
    assert count >= 1 and window.tabs.tabText(2) == f"评审会签（{count}）"
    window.tabs.setCurrentWidget(tab)
    choose(tab, review_id)
    on_dialog(SignDialog, fill_and_sign(Decision.CAN_MEET, "", PASSWORD))
    tab.bar.buttons["sign"].click()
    expected = f"评审会签（{count - 1}）" if count > 1 else "评审会签"
    assert window.tabs.tabText(2) == expected
