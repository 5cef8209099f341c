"""The general manager chooses who may open a customer's confidential sections."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reqdesk.services.context import Context
from reqdesk.services.customers import sections as svc
from reqdesk.services.errors import ReqdeskError
from reqdesk.services.users import list_users
from reqdesk.ui.messages import show_error


class AccessDialog(QDialog):
    def __init__(
        self,
        ctx: Context,
        customer_id: int,
        custodian_id: int | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.customer_id = customer_id
        self.setWindowTitle(self.tr("Access to confidential sections"))
        self.granted = svc.granted_users(ctx, customer_id)
        self.users = QListWidget(self)
        for user in list_users(ctx):
            if user.id == custodian_id or (not user.active and user.id not in self.granted):
                continue  # a disabled user stays listed while granted, so it can be revoked
            label = f"{user.full_name} ({user.username})"
            if not user.active:
                label += " — " + self.tr("disabled")
            item = QListWidgetItem(label, self.users)
            item.setData(Qt.ItemDataRole.UserRole, user.id)
            item.setCheckState(
                Qt.CheckState.Checked if user.id in self.granted else Qt.CheckState.Unchecked
            )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.apply)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr(
                    "Besides the custodian, supervisors and the general manager, these users "
                    "may open the credit, production and transaction sections of this file:"
                ),
                self,
            )
        )
        layout.addWidget(self.users)
        layout.addWidget(buttons)

    def chosen(self) -> set[int]:
        return {
            self.users.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.users.count())
            if self.users.item(i).checkState() == Qt.CheckState.Checked
        }

    def apply(self) -> None:
        try:
            svc.set_access(self.ctx, self.customer_id, self.chosen())
        except ReqdeskError as error:
            show_error(self, self.windowTitle(), error)
            return
        self.accept()
