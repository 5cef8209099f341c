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
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from reqdesk.services.context import Context
from reqdesk.services.permissions import Permission, can
from reqdesk.ui.settings.launcher_page import HolidayPage, ReviewRulesPage

PageFactory = Callable[[Context, QWidget], QWidget]


def available_pages(ctx: Context) -> list[tuple[str, PageFactory]]:
    """The pages the signed-in user may use, in the order they are listed."""
    actor = ctx.actor
    pages: list[tuple[Permission | None, type]] = [
        (Permission.MANAGE_SETTINGS, ReviewRulesPage),
        (Permission.MANAGE_CALENDAR, HolidayPage),
    ]
    return [
        (page.title(), page)  # type: ignore[attr-defined]
        for permission, page in pages
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
        for title, factory in available_pages(ctx):
            page = factory(ctx, self.stack)
            self.pages[title] = page
            self.stack.addWidget(page)
            self.subjects.addItem(title)
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
