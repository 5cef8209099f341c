"""The customer files tab driven through its widgets: create, edit, approve, search,
confidentiality, import, export and the printed card."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from reqdesk.models.enums import ApprovalState, CustomerClass
from reqdesk.services.context import Context
from reqdesk.services.customers.files import get_customer
from reqdesk.services.customers.forms import ContactInput
from reqdesk.ui.customers.editor import CustomerEditor
from reqdesk.ui.customers.import_dialog import ImportDialog
from reqdesk.ui.customers.tab import CustomersTab
from reqdesk.ui.pdf_preview import PdfPreviewDialog
from tests.helpers import signed_in


def make_tab(qtbot, ctx: Context) -> CustomersTab:  # type: ignore[no-untyped-def]
    tab = CustomersTab(ctx)
    qtbot.addWidget(tab)
    with qtbot.waitExposed(tab):
        tab.show()
    return tab


_OWNERS: list[QWidget] = []


def owner(qtbot) -> QWidget:  # type: ignore[no-untyped-def]
    """A parent for dialogs that delete themselves on close (qtbot closes the parent;
    qtbot keeps only a weak reference, so this module keeps the widget alive)."""
    holder = QWidget()
    qtbot.addWidget(holder)
    _OWNERS.append(holder)
    return holder


def find_row(tab: CustomersTab, name: str) -> int:
    model = tab.panel.model
    return next(r for r in range(model.rowCount()) if model.data(model.index(r, 1)) == name)


def test_create_a_customer_through_the_form(qtbot, demo_ctx: Context) -> None:  # type: ignore[no-untyped-def]
    """Fill the form, add a contact, save: the list shows the new file as pending."""
    tab = make_tab(qtbot, signed_in(demo_ctx, "kefu"))
    before = tab.panel.model.rowCount()
    editor = tab.open_customer(None)
    editor.name.setText("绍兴新航精密机械有限公司")
    editor.credit_code.setText("91350100M000100Y43")
    editor.customer_class.setCurrentIndex(editor.customer_class.findData(CustomerClass.KEY))
    editor.contacts.add_button.click()
    table = editor.contacts.table
    table.item(0, 0).setText("沈工")
    table.item(0, 3).setText("139 1234 5678")
    editor.save_button.click()
    assert editor.customer_id is not None, editor.message.text()
    assert "等待总经理审批" in editor.message.text()
    assert tab.panel.model.rowCount() == before + 1
    file = get_customer(tab.ctx, editor.customer_id)
    assert file.approval_state == ApprovalState.PENDING
    assert [(c.name, c.mobile, c.is_primary) for c in file.contacts] == [
        ("沈工", "13912345678", True)
    ]


def test_ctrl_s_saves_and_esc_asks_about_unsaved_changes(  # type: ignore[no-untyped-def]
    qtbot, demo_ctx: Context, message_boxes
) -> None:
    """Ctrl+S saves the form; Esc on a changed form asks before closing."""
    editor = CustomerEditor(signed_in(demo_ctx, "kefu"), None, owner(qtbot))
    closed: list[bool] = []
    editor.destroyed.connect(lambda: closed.append(True))
    with qtbot.waitActive(editor):
        editor.show()
        editor.activateWindow()
    editor.name.setText("宁波东方模具有限公司")
    editor.name.setFocus()
    qtbot.keyClick(editor.name, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert editor.customer_id is not None
    editor.industry.setText("模具制造")
    qtbot.keyClick(editor.name, Qt.Key.Key_Escape)
    assert message_boxes[-1] == ("question", "是否保存对此客户档案的修改？")
    qtbot.waitUntil(lambda: closed == [True])  # the answer was Discard: closed and deleted


def test_mistakes_are_shown_beside_the_fields_and_nothing_is_lost(  # type: ignore[no-untyped-def]
    qtbot, demo_ctx: Context
) -> None:
    """A wrong credit code and mobile are explained in place; the typed text stays."""
    tab = make_tab(qtbot, signed_in(demo_ctx, "kefu"))
    editor = tab.open_customer(None)
    editor.name.setText("嘉兴某某有限公司")
    editor.credit_code.setText("91350100M000100Y44")
    editor.contacts.add_contact(ContactInput(name="王工", mobile="1391234"))
    editor.save_button.click()
    assert editor.customer_id is None
    assert editor.errors.message("credit_code") == (
        "此信用代码的校验码（最后一位）应为 3，请与营业执照核对。"
    )
    assert "联系人 1：手机号码为 11 位" in editor.contacts.message.text()
    assert editor.name.text() == "嘉兴某某有限公司"
    assert editor.tabs.currentIndex() == 0  # the first wrong field's tab
    assert editor.credit_code.hasFocus() or not editor.isActiveWindow()


def test_duplicate_name_points_to_the_existing_file(qtbot, demo_ctx: Context) -> None:  # type: ignore[no-untyped-def]
    """Saving a second file with an existing name names that file."""
    tab = make_tab(qtbot, signed_in(demo_ctx, "kefu"))
    existing = tab.panel.model.data(tab.panel.model.index(0, 1))
    editor = tab.open_customer(None)
    editor.name.setText(existing)
    editor.save_button.click()
    assert "HQ-C-00001" in editor.errors.message("name")


def test_edit_then_general_manager_approves(qtbot, demo_ctx: Context) -> None:  # type: ignore[no-untyped-def]
    """An edit makes the file pending; the GM approves it from the editor."""
    boss = signed_in(demo_ctx, "zhuguan")
    tab = make_tab(qtbot, boss)
    tab.panel.table.selectRow(0)
    editor = tab.open_customer(tab.selected_id())
    editor.address.setText("杭州市滨江区江南大道100号")
    assert editor.save()
    customer_id = editor.customer_id
    assert tab.panel.model.data(tab.panel.model.index(0, 6)) == "待审批"
    gm_editor = CustomerEditor(signed_in(demo_ctx, "zongjingli"), customer_id, owner(qtbot))
    assert gm_editor.approve_button.isVisibleTo(gm_editor)
    assert not gm_editor.save_button.isVisibleTo(gm_editor)  # the GM approves, does not edit
    gm_editor.approve_button.click()
    assert gm_editor.state.text() == "已审批"
    assert not gm_editor.approve_button.isVisibleTo(gm_editor)


def test_confidential_tabs_are_locked_for_others_and_open_for_the_custodian(  # type: ignore[no-untyped-def]
    qtbot, demo_ctx: Context
) -> None:
    """kefu2 sees a notice on another custodian's credit tab; the supervisor sees the data."""
    other = signed_in(demo_ctx, "kefu2")
    tab = make_tab(qtbot, other)
    model = tab.panel.model
    row = next(r for r in range(model.rowCount()) if model.data(model.index(r, 5)) != "王芳")
    editor = tab.open_customer(model.id_at(row))
    editor.tabs.setCurrentWidget(editor.credit)
    assert editor.credit._stack.currentWidget() is editor.credit.notice
    assert editor.credit.value() is None
    boss_editor = CustomerEditor(signed_in(demo_ctx, "zhuguan"), model.id_at(row), owner(qtbot))
    boss_editor.show()
    boss_editor.tabs.setCurrentWidget(boss_editor.credit)
    assert boss_editor.credit.loaded and boss_editor.credit.grade.currentText() in "ABCD"


def test_search_and_filters(qtbot, demo_ctx: Context) -> None:  # type: ignore[no-untyped-def]
    """Chinese search text and the class / due-for-contact filters narrow the list."""
    tab = make_tab(qtbot, signed_in(demo_ctx, "zhuguan"))
    total = tab.panel.model.rowCount()
    name = tab.panel.model.data(tab.panel.model.index(5, 1))
    tab.panel.search.setText(name[2:6])
    qtbot.waitUntil(lambda: tab.panel.model.rowCount() < total, timeout=3000)
    assert find_row(tab, name) >= 0
    tab.panel.search.clear()
    qtbot.waitUntil(lambda: tab.panel.model.rowCount() == total, timeout=3000)
    tab.class_filter.setCurrentIndex(tab.class_filter.findData(CustomerClass.KEY))
    model = tab.panel.model
    assert 0 < model.rowCount() < total
    assert {model.data(model.index(r, 3)) for r in range(model.rowCount())} == {"重点客户"}
    tab.class_filter.setCurrentIndex(0)
    tab.due_filter.setChecked(True)
    assert model.rowCount() < total
    assert {model.data(model.index(r, 3)) for r in range(model.rowCount())} <= {
        "重点客户",
        "一般客户",
    }


def test_import_dialog_checks_before_importing(qtbot, demo_ctx: Context, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Check shows rows and problems without writing; Import stores the valid file."""
    from tests.services.test_customer_import import foreign_file

    ctx = signed_in(demo_ctx, "kefu")
    dialog = ImportDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.path.setText(str(foreign_file(tmp_path)))
    dialog.check()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10000)
    assert dialog.preview.rowCount() == 2 and dialog.issues.rowCount() == 0
    assert dialog.preview.item(0, 2).text() == "新增"
    assert dialog.import_button.isEnabled() and not dialog.report.written  # type: ignore[union-attr]
    with qtbot.waitSignal(dialog.imported, timeout=10000):
        dialog.import_button.click()
    assert "已导入" in dialog.summary.text()


def test_import_dialog_explains_a_bad_file(qtbot, demo_ctx: Context, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A text file named .xlsx gets one sentence, and Import stays disabled."""
    bad = tmp_path / "名单.xlsx"
    bad.write_text("not a workbook", encoding="utf-8")
    dialog = ImportDialog(signed_in(demo_ctx, "kefu"))
    qtbot.addWidget(dialog)
    dialog.path.setText(str(bad))
    dialog.check()
    qtbot.waitUntil(lambda: "不是 Excel 工作簿" in dialog.summary.text(), timeout=10000)
    assert not dialog.import_button.isEnabled()


def test_export_writes_the_workbook(
    qtbot, demo_ctx: Context, tmp_path: Path, message_boxes
) -> None:  # type: ignore[no-untyped-def]
    """Export runs in the background and writes every customer."""
    tab = make_tab(qtbot, signed_in(demo_ctx, "zhuguan"))
    target = tmp_path / "客户.xlsx"
    tab.export_to(target)
    qtbot.waitUntil(lambda: bool(message_boxes), timeout=15000)
    assert message_boxes[0][0] == "information" and "40" in message_boxes[0][1]
    assert load_workbook(target).worksheets[0].max_row > 40


def test_print_card_opens_a_preview(qtbot, demo_ctx: Context) -> None:  # type: ignore[no-untyped-def]
    """Printing the data card shows the PDF's page in a preview."""
    tab = make_tab(qtbot, signed_in(demo_ctx, "zhuguan"))
    tab.print_card(tab.panel.model.id_at(0))
    qtbot.waitUntil(
        lambda: isinstance(getattr(tab, "preview", None), PdfPreviewDialog), timeout=15000
    )
    preview = tab.preview
    assert preview.page_count == 1 and preview.message.text() == ""
    assert preview.view.document() is preview.document
    QApplication.processEvents()


def test_general_manager_grants_access_from_the_editor(qtbot, demo_ctx: Context) -> None:  # type: ignore[no-untyped-def]
    """Ticking a user in the access dialog lets that user open the credit section."""
    from reqdesk.services.customers.sections import open_credit
    from reqdesk.ui.customers.access_dialog import AccessDialog

    gm = signed_in(demo_ctx, "zongjingli")
    reviewer = signed_in(demo_ctx, "jishu")
    editor = CustomerEditor(gm, 1, owner(qtbot))
    assert editor.access_button.isVisibleTo(editor)
    dialog = AccessDialog(gm, 1, editor.file.custodian_id)  # type: ignore[union-attr]
    qtbot.addWidget(dialog)
    for index in range(dialog.users.count()):
        item = dialog.users.item(index)
        if "(jishu)" in item.text():
            item.setCheckState(Qt.CheckState.Checked)
    dialog.apply()
    assert open_credit(reviewer, 1).grade is not None
    other = CustomerEditor(signed_in(demo_ctx, "kefu"), 1, owner(qtbot))
    assert not other.access_button.isVisibleTo(other)


def test_opening_a_requirement_from_a_customer_file(qtbot, demo_ctx: Context) -> None:  # type: ignore[no-untyped-def]
    """Double-clicking a requirement in the file shows it in the registration tab."""
    from reqdesk.ui.main_window import MainWindow

    window = MainWindow(signed_in(demo_ctx, "zhuguan"), "公司")
    qtbot.addWidget(window)
    window.show()
    editor = window.customers_tab.open_customer(1)
    ids = editor.requirements.ids
    assert ids, "the demo customer has requirements"
    number = editor.requirements.table.item(0, 0).text()
    editor.requirements.open_requirement.emit(ids[0])
    assert window.tabs.currentWidget() is window.registration_tab
    model = window.registration_tab.panel.model
    assert model.rowCount() == 1 and model.data(model.index(0, 0)) == number


def test_enter_opens_the_selected_customer(qtbot, demo_ctx: Context) -> None:  # type: ignore[no-untyped-def]
    """Enter on a row opens that customer's file."""
    tab = make_tab(qtbot, signed_in(demo_ctx, "kefu"))
    with qtbot.waitActive(tab):
        tab.activateWindow()
    tab.panel.table.setFocus()
    tab.panel.table.selectRow(2)
    with qtbot.waitSignal(tab.panel.activated) as opened:
        qtbot.keyClick(tab.panel.table, Qt.Key.Key_Return)
    assert opened.args == [tab.panel.model.id_at(2)]
    assert tab.editor.file.code == "HQ-C-00003"  # type: ignore[union-attr]


def test_second_save_keeps_credit_edits(qtbot, demo_ctx: Context) -> None:  # type: ignore[no-untyped-def]
    """Editing the credit note, saving, editing again and saving again keeps both edits."""
    from reqdesk.services.customers.sections import open_credit

    boss = signed_in(demo_ctx, "zhuguan")
    editor = CustomerEditor(boss, 3, owner(qtbot))
    editor.show()
    editor.tabs.setCurrentWidget(editor.credit)
    editor.credit.note.setPlainText("第一次修改")
    assert editor.save()
    assert editor.credit.loaded and editor.credit.note.toPlainText() == "第一次修改"
    editor.credit.note.setPlainText("第二次修改")
    assert editor.save()
    assert open_credit(boss, 3).note == "第二次修改"


def test_a_section_that_fails_to_load_is_never_saved(qtbot, demo_ctx: Context, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """If opening the credit section fails, Save leaves the stored credit untouched."""
    from reqdesk.services.customers import sections
    from reqdesk.services.customers.sections import open_credit

    boss = signed_in(demo_ctx, "zhuguan")
    before = open_credit(boss, 4)

    def broken(*_args: object) -> None:
        raise RuntimeError("database is locked")

    monkeypatch.setattr(sections, "open_credit", broken)
    editor = CustomerEditor(boss, 4, owner(qtbot))
    editor.show()
    editor.tabs.setCurrentWidget(editor.credit)
    assert editor.credit.notice.text() == "无法加载这部分内容：database is locked"
    assert editor.credit.value() is None
    editor.industry.setText("变更的行业")
    assert editor.save()
    monkeypatch.undo()
    assert open_credit(boss, 4) == before
