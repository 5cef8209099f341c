"""Tools → Settings → Users: who may sign in, with which roles, in which department."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reqdesk.formatting import list_text
from reqdesk.i18n import enum_label, error_text
from reqdesk.models.enums import Role
from reqdesk.services import users
from reqdesk.services.context import Context
from reqdesk.services.errors import ReqdeskError
from reqdesk.services.users import UserAccount
from reqdesk.ui.form_fields import ERROR_STYLE
from reqdesk.ui.formatting import datetime_text
from reqdesk.ui.settings.people_table_model import CachedTableModel, SearchProxy, record_table
from reqdesk.ui.settings.user_dialog import ResetPasswordDialog, UserDialog
from reqdesk.ui.windowed_table_model import Column


def roles_text(roles: frozenset[Role]) -> str:
    return list_text(enum_label(role) for role in Role if role in roles)


class UsersPage(QWidget):
    """Changes happen in small dialogs (one OK, one audited service call) or with one
    button (Disable/Enable), so the page itself never holds unsaved edits."""

    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("SettingsDialog", "Users")

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model: CachedTableModel[UserAccount] = CachedTableModel(
            self._columns(), row_id=lambda a: a.id, inactive=lambda a: not a.active, parent=self
        )
        self.proxy = SearchProxy(self)
        self.proxy.setSourceModel(self.model)
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            self.tr("Filter by user name, name, department or role (Ctrl+F)")
        )
        self.search.textChanged.connect(self._filter)
        self.count = QLabel(self)
        self.table = self._table()
        self.message = QLabel(self)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.new_button = self._button(self.tr("&New user…"), self.new_user)
        self.edit_button = self._button(self.tr("&Edit…"), self.edit_selected)
        self.active_button = self._button(self.tr("&Disable"), self.toggle_active)
        self.reset_button = self._button(self.tr("&Reset password…"), self.reset_password)
        self._layout()
        QShortcut(QKeySequence.StandardKey.Find, self, self.search.setFocus)
        self.reload()

    def _columns(self) -> list[Column[UserAccount]]:
        return [
            Column("username", self.tr("User name"), lambda a: a.username),
            Column("full_name", self.tr("Full name"), lambda a: a.full_name),
            Column("department", self.tr("Department"), lambda a: a.department_name),
            Column("roles", self.tr("Roles"), lambda a: roles_text(a.roles)),
            Column(
                "active", self.tr("Active"), lambda a: self.tr("Yes") if a.active else self.tr("No")
            ),
            Column("sign_in", self.tr("Sign-in"), self._sign_in_state),
        ]

    def _sign_in_state(self, account: UserAccount) -> str:
        states = []
        if account.locked_until is not None:
            states.append(
                self.tr("locked until {time}").format(time=datetime_text(account.locked_until))
            )
        if account.must_change_password:
            states.append(self.tr("must change password"))
        return self.tr("; ").join(states)

    def _table(self) -> QTableView:
        table = record_table(
            self, self.proxy, edit=self.edit_selected, selection_changed=self._update_buttons
        )
        table.setSortingEnabled(True)
        table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        table.horizontalHeader().setStretchLastSection(True)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        return table

    def _button(self, text: str, slot: object) -> QPushButton:
        button = QPushButton(text, self)
        button.clicked.connect(slot)
        return button

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.count)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.active_button, self.reset_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    # The list --------------------------------------------------------------------------

    def may_leave(self) -> bool:
        return True

    def reload(self, select_id: int | None = None) -> None:
        """Fetch the list again; changed rows repaint, the selection stays (or moves to
        ``select_id``)."""
        first = self.model.rowCount() == 0
        try:
            self.model.merge(users.user_accounts(self.ctx))
        except ReqdeskError as error:
            self.message.setText(error_text(error))
        if select_id is not None:
            self.select(select_id)
        if first:  # later, the widths the user chose stay
            self.table.resizeColumnsToContents()
        self._show_count()
        self._update_buttons()

    def select(self, user_id: int) -> None:
        position = self.model.position_of(user_id)
        if position is None:
            return
        index = self.proxy.mapFromSource(self.model.index(position, 0))
        if index.isValid():
            self.table.selectRow(index.row())
            self.table.scrollTo(index)

    def selected(self) -> UserAccount | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.row(self.proxy.mapToSource(rows[0]).row())

    def _filter(self, text: str) -> None:
        self.proxy.set_search(text)
        self._show_count()
        self._update_buttons()

    def _show_count(self) -> None:
        shown, total = self.proxy.rowCount(QModelIndex()), self.model.rowCount()
        self.count.setText(self.tr("{shown} of {total} users").format(shown=shown, total=total))

    def _update_buttons(self) -> None:
        account = self.selected()
        for button in (self.edit_button, self.active_button, self.reset_button):
            button.setEnabled(account is not None)
        enable = account is not None and not account.active
        self.active_button.setText(self.tr("Ena&ble") if enable else self.tr("&Disable"))

    # Actions ---------------------------------------------------------------------------

    def new_user(self) -> None:
        self.message.clear()
        dialog = UserDialog(self.ctx, None, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.user_id is not None:
            self.search.clear()
            self.reload(select_id=dialog.user_id)

    def edit_selected(self) -> None:
        account = self.selected()
        if account is None:
            return
        self.message.clear()
        if UserDialog(self.ctx, account, self).exec() == QDialog.DialogCode.Accepted:
            self.reload(select_id=account.id)

    def toggle_active(self) -> None:
        account = self.selected()
        if account is None:
            return
        self.message.clear()
        try:
            if account.active:
                users.disable_user(self.ctx, account.id)
            else:
                users.enable_user(self.ctx, account.id)
        except ReqdeskError as error:
            self.message.setText(error_text(error))
            return
        self.reload(select_id=account.id)

    def reset_password(self) -> None:
        account = self.selected()
        if account is None:
            return
        self.message.clear()
        if ResetPasswordDialog(self.ctx, account, self).exec() == QDialog.DialogCode.Accepted:
            self.reload(select_id=account.id)
