"""Editing registrations through the tab: nothing typed is lost, stored records re-save."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from reqdesk.models import Requirement
from reqdesk.models.enums import Stage
from reqdesk.services.context import Context
from reqdesk.services.requirements.views import get_requirement
from reqdesk.ui.main_window import MainWindow
from tests.helpers import signed_in
from tests.ui.test_registration_tab import fill, make_tab


def answer_questions(monkeypatch: Any, answer: QMessageBox.StandardButton) -> list[str]:
    """Every question box answers ``answer``; returns the questions asked."""
    asked: list[str] = []

    def ask(_parent: Any, _title: str, text: str, *args: Any, **kwargs: Any) -> Any:
        asked.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, "question", staticmethod(ask))
    return asked


def first_dispatched(ctx: Context) -> int:
    with ctx.reading() as session:
        return session.scalars(
            select(Requirement.id)
            .where(Requirement.stage == Stage.DISPATCHED)
            .order_by(Requirement.id)
            .limit(1)
        ).one()


def test_a_dispatched_record_takes_a_contract_number(qtbot, demo_ctx: Context) -> None:  # type: ignore[no-untyped-def]
    """Fields fixed after dispatch stay as stored; the contract no. saves."""
    tab = make_tab(qtbot, signed_in(demo_ctx, "kefu"))
    requirement_id = first_dispatched(tab.ctx)
    tab.show_requirement(requirement_id)
    assert tab.form.title.isReadOnly() and not tab.form.department.isEnabled()
    before = get_requirement(tab.ctx, requirement_id)
    assert tab.form.department.currentText() == before.department
    tab.form.contract_no.setText("HT-2026-5566")
    assert tab.save(), tab.message.text()
    after = get_requirement(tab.ctx, requirement_id)
    assert after.contract_no == "HT-2026-5566"
    assert (after.received_at, after.department_id, after.assignee_id) == (
        before.received_at,
        before.department_id,
        before.assignee_id,
    )


def test_new_asks_before_dropping_typed_text(qtbot, demo_ctx: Context, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+N over a half-typed form: Cancel keeps it, Discard clears it."""
    tab = make_tab(qtbot, signed_in(demo_ctx, "kefu"))
    fill(tab, "HQ-C-00005", "还没保存的需求")
    asked = answer_questions(monkeypatch, QMessageBox.StandardButton.Cancel)
    tab.new_registration()
    assert asked and tab.form.title.text() == "还没保存的需求"
    answer_questions(monkeypatch, QMessageBox.StandardButton.Discard)
    tab.new_registration()
    assert tab.form.title.text() == "" and not tab.form.is_modified()


def test_choosing_another_row_asks_and_can_save(qtbot, demo_ctx: Context, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A changed record: Cancel stays on it; Save stores it and moves on."""
    tab = make_tab(qtbot, signed_in(demo_ctx, "kefu"))
    tab.panel.table.selectRow(0)
    first = tab.form.view
    assert first is not None
    tab.form.contract_no.setText("HT-0001")
    answer_questions(monkeypatch, QMessageBox.StandardButton.Cancel)
    tab.panel.table.selectRow(1)
    assert tab.form.view is not None and tab.form.view.id == first.id
    assert tab.form.contract_no.text() == "HT-0001"
    assert tab.panel.table.currentIndex().row() == 0
    answer_questions(monkeypatch, QMessageBox.StandardButton.Save)
    tab.panel.table.selectRow(1)
    assert get_requirement(tab.ctx, first.id).contract_no == "HT-0001"
    assert tab.form.view is not None and tab.form.view.id != first.id


def test_dispatch_saves_changes_first(qtbot, demo_ctx: Context, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Dispatch works on the stored record; unsaved edits are saved first or nothing happens."""
    tab = make_tab(qtbot, signed_in(demo_ctx, "kefu"))
    fill(tab, "HQ-C-00007", "派发前的标题")
    assert tab.save()
    tab.form.title.setText("派发前改过的标题")
    asked = answer_questions(monkeypatch, QMessageBox.StandardButton.Cancel)
    tab.dispatch()
    assert asked and tab.form.title.text() == "派发前改过的标题"
    assert tab.form.view is not None and tab.form.view.stage == Stage.REGISTERED


def test_closing_the_window_asks(qtbot, demo_ctx: Context, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(signed_in(demo_ctx, "kefu"), "示范公司")
    qtbot.addWidget(window)
    window.show()
    window.tabs.setCurrentWidget(window.registration_tab)
    fill(window.registration_tab, "HQ-C-00005", "关窗前没保存")
    window.tabs.setCurrentIndex(0)
    answer_questions(monkeypatch, QMessageBox.StandardButton.Cancel)
    assert not window.close()
    assert window.isVisible() and window.tabs.currentWidget() is window.registration_tab
    answer_questions(monkeypatch, QMessageBox.StandardButton.Discard)
    assert window.close()


def test_enter_on_a_customer_code_chooses_it(qtbot, demo_ctx: Context) -> None:  # type: ignore[no-untyped-def]
    """Typing the exact code (or a name only one customer has) and Enter picks the customer."""
    tab = make_tab(qtbot, signed_in(demo_ctx, "kefu"))
    tab.new_registration()
    picker = tab.form.customer
    tab.activateWindow()
    picker.setFocus()
    qtbot.waitUntil(picker.hasFocus)
    qtbot.keyClicks(picker, "hq-c-00007")
    qtbot.keyClick(picker, Qt.Key.Key_Return)
    assert picker.customer_id == 7 and "HQ-C-00007" in picker.text()
    assert tab.form.contact_name.currentText()  # the customer's contact came with it
