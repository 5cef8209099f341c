"""Tools → Settings → Users and Departments, driven through their widgets: the lists,
the filter, the dialogs (Enter, Esc, refusals that keep the input) and the buttons."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QWidget

from reqdesk.i18n import enum_label
from reqdesk.models.enums import ReviewAspect, Role
from reqdesk.services import auth, departments, users
from reqdesk.services.context import Context
from reqdesk.services.demo import DEMO_PASSWORD
from reqdesk.services.errors import AuthenticationFailed
from reqdesk.ui.settings.departments_page import DepartmentDialog, DepartmentsPage
from reqdesk.ui.settings.user_dialog import ResetPasswordDialog, UserDialog
from reqdesk.ui.settings.users_page import UsersPage
from reqdesk.ui.submit_dialog import SubmitDialog
from tests.services.people_inputs import as_admin, last_audit_id


@pytest.fixture
def admin(demo_ctx: Context) -> Context:
    return as_admin(demo_ctx)


@pytest.fixture
def users_page(qtbot: Any, admin: Context) -> UsersPage:
    page = UsersPage(admin)
    qtbot.addWidget(page)
    page.resize(900, 500)
    page.show()
    qtbot.waitExposed(page)
    return page


@pytest.fixture
def departments_page(qtbot: Any, admin: Context) -> DepartmentsPage:
    page = DepartmentsPage(admin)
    qtbot.addWidget(page)
    page.resize(800, 400)
    page.show()
    qtbot.waitExposed(page)
    return page


def shown_column(page: UsersPage | DepartmentsPage, column: int = 0) -> list[str]:
    model = page.table.model()
    return [model.index(row, column).data() for row in range(model.rowCount(QModelIndex()))]


def cell(page: UsersPage | DepartmentsPage, key: str, column: int) -> str:
    model = page.table.model()
    row = shown_column(page).index(key)
    return str(model.index(row, column).data())


def choose(page: UsersPage | DepartmentsPage, key: str) -> None:
    page.table.selectRow(shown_column(page).index(key))


def double_click(qtbot: Any, page: UsersPage | DepartmentsPage, key: str) -> None:
    index = page.table.model().index(shown_column(page).index(key), 1)
    centre = page.table.visualRect(index).center()
    # as the mouse does it: the first click, then the second one as a double click
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=centre)


def type_with_input_method(widget: QWidget, text: str) -> None:
    """What a Chinese input method sends: the pinyin being composed, then the characters."""
    composing = QInputMethodEvent("wang", [])
    QApplication.sendEvent(widget, composing)
    committed = QInputMethodEvent()
    committed.setCommitString(text)
    QApplication.sendEvent(widget, committed)


def account(ctx: Context, username: str) -> users.UserAccount:
    return next(a for a in users.user_accounts(ctx) if a.username == username)


def fill_new_user(dialog: UserDialog, password_again: str = "initial-pw-1") -> None:
    dialog.username.setText("xinren")
    dialog.full_name.setText("新同事")
    dialog.department.setCurrentIndex(dialog.department.findText("客服中心"))
    dialog.roles[Role.OPERATOR].setChecked(True)
    dialog.password.setText("initial-pw-1")
    dialog.password_again.setText(password_again)


def press_ok(dialog: SubmitDialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


# --- Users ----------------------------------------------------------------------------


def test_the_users_table_shows_every_account(
    users_page: UsersPage, admin: Context, qtmodeltester: Any
) -> None:
    """User name, full name, department, roles, active and sign-in state per user."""
    qtmodeltester.check(users_page.model)
    assert "xiaoshou" in shown_column(users_page) and len(shown_column(users_page)) == 11
    assert cell(users_page, "xiaoshou", 1) == "刘洋"
    assert cell(users_page, "xiaoshou", 2) == "销售部"
    assert cell(users_page, "xiaoshou", 3) == enum_label(Role.REVIEWER)
    assert cell(users_page, "xiaoshou", 4) == users_page.tr("Yes")
    users.reset_password(admin, account(admin, "kefu2").id, "temp-pass-9")
    users_page.reload()
    assert cell(users_page, "kefu2", 5) == users_page.tr("must change password")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("王芳", ["kefu2"]),
        ("销售", ["xiaoshou"]),
        ("ＫＥＦＵ", ["kefu", "kefu2"]),  # full-width, as a Chinese input method types it
        ("客服中心\u3000陈", ["zhuguan"]),  # two words, an ideographic space between
    ],
)
def test_the_filter_understands_chinese(
    qtbot: Any, users_page: UsersPage, typed: str, expected: list[str]
) -> None:
    """Typing filters by every column; clearing shows everyone again."""
    type_with_input_method(users_page.search, typed)
    assert shown_column(users_page) == expected
    assert users_page.count.text() == users_page.tr("{shown} of {total} users").format(
        shown=len(expected), total=11
    )
    users_page.search.clear()
    assert len(shown_column(users_page)) == 11


def test_the_filter_finds_role_names(qtbot: Any, users_page: UsersPage) -> None:
    """The roles column is searched in the user's language."""
    type_with_input_method(users_page.search, enum_label(Role.GENERAL_MANAGER))
    assert shown_column(users_page) == ["zongjingli"]


def test_ctrl_f_goes_to_the_filter(qtbot: Any, users_page: UsersPage) -> None:
    """Ctrl+F from the table puts the cursor in the filter box."""
    users_page.activateWindow()
    users_page.table.setFocus()
    qtbot.waitUntil(lambda: users_page.table.hasFocus())
    qtbot.keyClick(users_page.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: users_page.search.hasFocus())


def test_new_user_from_the_button(users_page: UsersPage, admin: Context, on_dialog: Any) -> None:
    """New user…: the new row appears, selected; the user must change the password."""

    def fill(dialog: UserDialog) -> None:
        fill_new_user(dialog)
        press_ok(dialog)

    on_dialog(UserDialog, fill)
    users_page.new_button.click()
    assert users_page.selected() is not None and users_page.selected().username == "xinren"
    created = account(admin, "xinren")
    assert created.must_change_password and created.department_name == "客服中心"
    assert created.roles == {Role.OPERATOR}


def test_enter_saves_the_new_user_and_esc_cancels(qtbot: Any, admin: Context) -> None:
    """Enter in the last field is OK; Esc closes without saving anything."""
    cancelled = UserDialog(admin)
    qtbot.addWidget(cancelled)
    cancelled.show()
    fill_new_user(cancelled)
    qtbot.keyClick(cancelled.full_name, Qt.Key.Key_Escape)
    assert cancelled.result() == QDialog.DialogCode.Rejected
    assert users.find_user_id(admin, "xinren") is None
    dialog = UserDialog(admin)
    qtbot.addWidget(dialog)
    dialog.show()
    fill_new_user(dialog)
    qtbot.keyClick(dialog.password_again, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert users.find_user_id(admin, "xinren") == dialog.user_id


def test_a_refused_new_user_keeps_the_dialog_and_its_input(qtbot: Any, admin: Context) -> None:
    """Different passwords, then a taken user name: each message under its field."""
    dialog = UserDialog(admin)
    qtbot.addWidget(dialog)
    dialog.show()
    fill_new_user(dialog, password_again="something-else")
    press_ok(dialog)
    assert dialog.isVisible() and dialog.errors.message("password_again")
    assert dialog.username.text() == "xinren" and dialog.password.text() == "initial-pw-1"
    dialog.username.setText("KEFU")
    dialog.password_again.setText("initial-pw-1")
    before = last_audit_id(admin)
    press_ok(dialog)
    assert dialog.isVisible() and "kefu" in dialog.errors.message("username")
    assert dialog.full_name.text() == "新同事" and last_audit_id(admin) == before


def test_double_click_edits_a_user(
    qtbot: Any, users_page: UsersPage, admin: Context, on_dialog: Any
) -> None:
    """The user name is fixed (no password here); the name, department and roles change;
    the row repaints."""
    seen: list[bool] = []

    def edit(dialog: UserDialog) -> None:
        seen.append(dialog.username.isReadOnly() and not dialog.password.isVisible())
        dialog.full_name.setText("王芳芳")
        dialog.department.setCurrentIndex(dialog.department.findText("技术部"))
        dialog.roles[Role.REVIEWER].setChecked(True)
        press_ok(dialog)

    on_dialog(UserDialog, edit)
    double_click(qtbot, users_page, "kefu2")
    assert seen == [True]
    assert cell(users_page, "kefu2", 1) == "王芳芳" and cell(users_page, "kefu2", 2) == "技术部"
    assert account(admin, "kefu2").roles == {Role.OPERATOR, Role.REVIEWER}
    assert users_page.selected() is not None and users_page.selected().username == "kefu2"


def test_an_administrator_cannot_drop_their_own_role(qtbot: Any, admin: Context) -> None:
    """The refusal shows under Roles; the dialog and its ticks stay."""
    dialog = UserDialog(admin, account(admin, "admin"))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.roles[Role.ADMIN].setChecked(False)
    dialog.roles[Role.SUPERVISOR].setChecked(True)
    press_ok(dialog)
    assert dialog.isVisible() and dialog.errors.message("roles")
    assert dialog.chosen_roles() == [Role.SUPERVISOR]
    assert account(admin, "admin").roles == {Role.ADMIN}


def test_disable_and_enable_from_the_button(users_page: UsersPage, admin: Context) -> None:
    """Disable: the user cannot sign in; the button turns into Enable and back."""
    choose(users_page, "kefu2")
    assert users_page.active_button.text() == users_page.tr("&Disable")
    users_page.active_button.click()
    assert cell(users_page, "kefu2", 4) == users_page.tr("No")
    assert users_page.active_button.text() == users_page.tr("Ena&ble")
    with pytest.raises(AuthenticationFailed):
        auth.login(admin, "kefu2", DEMO_PASSWORD)
    users_page.active_button.click()
    assert cell(users_page, "kefu2", 4) == users_page.tr("Yes")
    assert auth.login(admin, "kefu2", DEMO_PASSWORD).username == "kefu2"


def test_disabling_oneself_is_refused_on_the_page(users_page: UsersPage, admin: Context) -> None:
    """The message shows on the page; the account stays active."""
    choose(users_page, "admin")
    users_page.active_button.click()
    assert users_page.message.text()
    assert cell(users_page, "admin", 4) == users_page.tr("Yes") and account(admin, "admin").active


def test_reset_password_from_the_button(
    users_page: UsersPage, admin: Context, on_dialog: Any
) -> None:
    """Reset password…: the new password works, and must be changed at sign-in."""

    def reset(dialog: ResetPasswordDialog) -> None:
        dialog.password.setText("temp-pass-9")
        dialog.password_again.setText("temp-pass-9")
        press_ok(dialog)

    choose(users_page, "kefu2")
    on_dialog(ResetPasswordDialog, reset)
    users_page.reset_button.click()
    assert cell(users_page, "kefu2", 5) == users_page.tr("must change password")
    signed = admin.as_actor(auth.login(admin, "kefu2", "temp-pass-9"))
    assert users.must_change_password(signed)


def test_a_too_short_reset_password_is_refused_in_the_dialog(qtbot: Any, admin: Context) -> None:
    """The policy's message under the field; the old password still works."""
    dialog = ResetPasswordDialog(admin, account(admin, "kefu2"))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.password.setText("short")
    dialog.password_again.setText("short")
    press_ok(dialog)
    assert dialog.isVisible() and dialog.errors.message("password")
    assert auth.login(admin, "kefu2", DEMO_PASSWORD).username == "kefu2"


# --- Departments ----------------------------------------------------------------------


def test_the_departments_table(departments_page: DepartmentsPage, qtmodeltester: Any) -> None:
    """Code, name, review aspect, active and the number of active users."""
    qtmodeltester.check(departments_page.model)
    assert shown_column(departments_page) == ["SALES", "TECH", "PURCH", "PROD", "QA", "FIN", "DESK"]
    assert cell(departments_page, "SALES", 1) == "销售部"
    assert cell(departments_page, "SALES", 2) == enum_label(ReviewAspect.SALES)
    assert cell(departments_page, "DESK", 2) == "" and cell(departments_page, "DESK", 4) == "3"


def test_new_department_from_the_button(
    departments_page: DepartmentsPage, admin: Context, on_dialog: Any
) -> None:
    """New…: the code is normalised, the new row appears selected."""

    def fill(dialog: DepartmentDialog) -> None:
        dialog.code.setText("log")
        dialog.name.setText("物流部")
        press_ok(dialog)

    on_dialog(DepartmentDialog, fill)
    departments_page.new_button.click()
    assert shown_column(departments_page)[-1] == "LOG"
    assert departments_page.selected() is not None
    assert departments_page.selected().name == "物流部"


def test_a_second_department_for_an_aspect_is_refused_in_the_dialog(
    qtbot: Any, admin: Context
) -> None:
    """The message names the department that answers for the aspect; the input stays."""
    dialog = DepartmentDialog(admin)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.code.setText("RND")
    dialog.name.setText("研发部")
    dialog.aspect.setCurrentIndex(dialog.aspect.findData(ReviewAspect.TECHNICAL))
    press_ok(dialog)
    assert dialog.isVisible() and "技术部" in dialog.errors.message("review_aspect")
    assert dialog.code.text() == "RND" and dialog.name.text() == "研发部"
    assert "RND" not in {d.code for d in departments.department_overview(admin)}


def test_enter_on_the_table_edits_a_department(
    qtbot: Any, departments_page: DepartmentsPage, on_dialog: Any
) -> None:
    """Enter opens Edit…; the code is fixed, the new name shows in the table."""

    def rename(dialog: DepartmentDialog) -> None:
        assert dialog.code.isReadOnly()
        dialog.name.setText("财务中心")
        press_ok(dialog)

    choose(departments_page, "FIN")
    departments_page.table.setFocus()
    on_dialog(DepartmentDialog, rename)
    qtbot.keyClick(departments_page.table, Qt.Key.Key_Return)
    assert cell(departments_page, "FIN", 1) == "财务中心"
    assert cell(departments_page, "FIN", 2) == enum_label(ReviewAspect.FINANCE)  # kept


def test_deactivating_a_department_with_reviewers_is_refused(
    departments_page: DepartmentsPage, admin: Context
) -> None:
    """The page says who still reviews there; the department stays active."""
    choose(departments_page, "TECH")
    departments_page.active_button.click()
    assert "周伟" in departments_page.message.text()
    assert cell(departments_page, "TECH", 3) == departments_page.tr("Yes")


def test_deactivate_and_activate_from_the_button(departments_page: DepartmentsPage) -> None:
    """A department of operators only is deactivated and activated again."""
    choose(departments_page, "DESK")
    departments_page.active_button.click()
    assert cell(departments_page, "DESK", 3) == departments_page.tr("No")
    assert departments_page.active_button.text() == departments_page.tr("&Activate")
    departments_page.active_button.click()
    assert cell(departments_page, "DESK", 3) == departments_page.tr("Yes")
    assert not departments_page.message.text()


def test_pages_have_titles_and_never_hold_unsaved_edits(
    users_page: UsersPage, departments_page: DepartmentsPage
) -> None:
    """What the settings dialog asks of every page."""
    for page in (users_page, departments_page):
        assert isinstance(page, QWidget) and page.may_leave()
        assert type(page).title()
