"""New user, Edit user and Reset password: small forms whose OK is one service call.

A refusal shows under its field (or above the buttons) and keeps the dialog and its
input; Enter is OK, Esc is Cancel.
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QLabel, QLineEdit, QWidget

from reqdesk.i18n import enum_label
from reqdesk.models.enums import Role
from reqdesk.services import users
from reqdesk.services.context import Context
from reqdesk.services.errors import ValidationError
from reqdesk.services.users import UserAccount
from reqdesk.textmarks import QT_TRANSLATE_NOOP
from reqdesk.ui.submit_dialog import SubmitDialog

PASSWORDS_DIFFER = QT_TRANSLATE_NOOP("Errors", "The two passwords differ.")


def password_field(parent: QWidget) -> QLineEdit:
    field = QLineEdit(parent)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


def check_same(password: QLineEdit, again: QLineEdit) -> None:
    if password.text() != again.text():
        again.clear()
        raise ValidationError(PASSWORDS_DIFFER, field="password_again")


class UserDialog(SubmitDialog):
    """New user (``account`` None) or Edit user: the user name is fixed once created."""

    def __init__(
        self, ctx: Context, account: UserAccount | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.account = account
        self.user_id: int | None = account.id if account else None
        self.setWindowTitle(self.tr("New user") if account is None else self.tr("Edit user"))
        self.setMinimumWidth(420)
        self.username = QLineEdit(self)
        self.username.setMaxLength(32)
        self.full_name = QLineEdit(self)
        self.full_name.setMaxLength(100)
        self.department = QComboBox(self)
        self.roles: dict[Role, QCheckBox] = {}
        self.password = password_field(self)
        self.password_again = password_field(self)
        self._build_form()
        self._fill(account)
        self.submit = self._save

    def _build_form(self) -> None:
        self.errors.add_row(self.form, self.tr("User name"), "username", self.username)
        self.errors.add_row(self.form, self.tr("Full name"), "full_name", self.full_name)
        self.errors.add_row(self.form, self.tr("Department"), "department", self.department)
        box = QWidget(self)
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        for index, role in enumerate(Role):
            check = QCheckBox(enum_label(role), box)
            self.roles[role] = check
            grid.addWidget(check, index // 2, index % 2)
        self.errors.add_row(self.form, self.tr("Roles"), "roles", box)
        if self.account is None:
            self.errors.add_row(self.form, self.tr("Initial password"), "password", self.password)
            self.errors.add_row(
                self.form, self.tr("Password again"), "password_again", self.password_again
            )
            hint = QLabel(self.tr("The user chooses their own password at the first sign-in."))
            hint.setWordWrap(True)
            self.form.addRow(hint)
        else:  # Reset password… sets a password for an existing user
            self.password.hide()
            self.password_again.hide()

    def _fill(self, account: UserAccount | None) -> None:
        self.department.addItem(self.tr("(none)"), None)
        for department in users.list_departments(self.ctx):
            current = account is not None and department.id == account.department_id
            if department.active or current:
                self.department.addItem(department.name, department.id)
        if account is None:
            self.username.setFocus()
            return
        self.username.setText(account.username)
        self.username.setReadOnly(True)
        self.username.setToolTip(self.tr("A user name cannot be changed."))
        self.full_name.setText(account.full_name)
        self.department.setCurrentIndex(max(0, self.department.findData(account.department_id)))
        for role, check in self.roles.items():
            check.setChecked(role in account.roles)
        self.full_name.setFocus()

    def chosen_roles(self) -> list[Role]:
        return [role for role, check in self.roles.items() if check.isChecked()]

    def _save(self) -> None:
        department_id = self.department.currentData()
        if self.user_id is not None:
            users.update_user(
                self.ctx,
                self.user_id,
                full_name=self.full_name.text(),
                roles=self.chosen_roles(),
                department_id=department_id,
            )
            return
        check_same(self.password, self.password_again)
        self.user_id = users.create_user(
            self.ctx,
            username=self.username.text(),
            full_name=self.full_name.text(),
            roles=self.chosen_roles(),
            password=self.password.text(),
            department_id=department_id,
        )


class ResetPasswordDialog(SubmitDialog):
    """A new password for someone who forgot theirs; they must change it at sign-in."""

    def __init__(self, ctx: Context, account: UserAccount, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reset password"))
        self.setMinimumWidth(380)
        intro = QLabel(
            self.tr(
                "A new password for {name} ({username}). Any lock ends, and {name} chooses "
                "their own password at the next sign-in."
            ).format(name=account.full_name, username=account.username),
            self,
        )
        intro.setWordWrap(True)
        self.form.addRow(intro)
        self.password = password_field(self)
        self.password_again = password_field(self)
        self.errors.add_row(self.form, self.tr("New password"), "password", self.password)
        self.errors.add_row(
            self.form, self.tr("Password again"), "password_again", self.password_again
        )
        self.password.setFocus()

        def save() -> None:
            check_same(self.password, self.password_again)
            users.reset_password(ctx, account.id, self.password.text())

        self.submit = save
