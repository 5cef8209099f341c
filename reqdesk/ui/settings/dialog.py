"""Tools → Settings…: a list of subjects on the left, the chosen page on the right.

Every page saves itself (one Save = one audited service call) and answers
``may_leave()`` before the user switches away or closes with unsaved edits.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from reqdesk.services.context import Context
from reqdesk.services.permissions import Permission, can
from reqdesk.ui.icons import icon
from reqdesk.ui.settings.backup_page import BackupPage
from reqdesk.ui.settings.company_page import CompanyPage
from reqdesk.ui.settings.departments_page import DepartmentsPage
from reqdesk.ui.settings.launcher_page import HolidayPage, ReviewRulesPage
from reqdesk.ui.settings.local_page import DatabasePage, LanguagePage
from reqdesk.ui.settings.sla_page import SlaPage
from reqdesk.ui.settings.users_page import UsersPage

PageFactory = Callable[[Context, QWidget], QWidget]


def available_pages(ctx: Context) -> list[tuple[str, PageFactory, str]]:
    """The pages the signed-in user may use, in the order they are listed."""
    actor = ctx.actor
    pages: list[tuple[Permission | None, type, str]] = [
        (Permission.MANAGE_SETTINGS, CompanyPage, "company"),
        (Permission.MANAGE_SETTINGS, SlaPage, "sla"),
        (Permission.MANAGE_SETTINGS, ReviewRulesPage, "rules"),
        (Permission.MANAGE_CALENDAR, HolidayPage, "calendar"),
        (Permission.MANAGE_USERS, DepartmentsPage, "departments"),
        (Permission.MANAGE_USERS, UsersPage, "users"),
        (Permission.MANAGE_SETTINGS, DatabasePage, "database"),
        (None, LanguagePage, "language"),
    ]
    if ctx.db.sqlite_path is not None:
        pages.insert(7, (Permission.BACKUP_RESTORE, BackupPage, "backups"))
    return [
        (page.title(), page, icon_name)  # type: ignore[attr-defined]
        for permission, page, icon_name in pages
        if permission is None or can(actor, permission)
    ]


class SettingsDialog(QDialog):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.resize(880, 600)
        self.subjects = QListWidget(self)
        self.subjects.setMaximumWidth(200)
        self.stack = QStackedWidget(self)
        self.pages: dict[str, QWidget] = {}
        for title, factory, icon_name in available_pages(ctx):
            page = factory(ctx, self.stack)
            self.pages[title] = page
            self.stack.addWidget(page)
            QListWidgetItem(icon(icon_name), title, self.subjects)
        self.subjects.currentRowChanged.connect(self._switch)
        self.subjects.setCurrentRow(0)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        body = QHBoxLayout()
        body.addWidget(self.subjects)
        body.addWidget(self.stack, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(buttons)

    def show_page(self, title: str) -> QWidget:
        self.subjects.setCurrentRow(list(self.pages).index(title))
        return self.stack.currentWidget()

    def _switch(self, row: int) -> None:
        current = self.stack.currentWidget()
        if row == self.stack.currentIndex() or row < 0:
            return
        if current is not None and not current.may_leave():  # type: ignore[attr-defined]
            self.subjects.blockSignals(True)
            self.subjects.setCurrentRow(self.stack.currentIndex())
            self.subjects.blockSignals(False)
            return
        self.stack.setCurrentIndex(row)

    def reject(self) -> None:
        """Close (Esc, the Close button, the title bar) asks about unsaved edits first."""
        if all(page.may_leave() for page in self.pages.values()):  # type: ignore[attr-defined]
            super().reject()
