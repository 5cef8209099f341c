"""A settings page that explains a subject and opens its own editor (review rules, the
holiday calendar): those editors are full dialogs used from the Tools menu as well."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from reqdesk.services.context import Context
from reqdesk.ui.calendar_dialog import CalendarDialog
from reqdesk.ui.reviews.rules_dialog import ReviewRulesDialog


class LauncherPage(QWidget):
    def __init__(
        self,
        text: str,
        button_text: str,
        open_editor: Callable[[QWidget], QDialog],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._open_editor = open_editor
        explanation = QLabel(text, self)
        explanation.setWordWrap(True)
        self.button = QPushButton(button_text, self)
        self.button.clicked.connect(self.open_editor)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.button)
        layout.addStretch(1)

    def open_editor(self) -> None:
        self._open_editor(self).exec()

    def may_leave(self) -> bool:
        return True


class ReviewRulesPage(LauncherPage):
    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("SettingsDialog", "Review thresholds")

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(
            QCoreApplication.translate(
                "SettingsDialog",
                "When a contract needs a meeting review (quantity and delivery thresholds) and "
                "the review's time limits: departments sign within so many working days, the "
                "customer is answered within so many hours.",
            ),
            QCoreApplication.translate("SettingsDialog", "Edit review rules…"),
            lambda parent: ReviewRulesDialog(ctx, parent),
            parent,
        )


class HolidayPage(LauncherPage):
    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("SettingsDialog", "Holiday calendar")

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(
            QCoreApplication.translate(
                "SettingsDialog",
                "Public holidays, make-up working days and company holidays: due times count "
                "working days on this calendar. The official schedule for each year ships "
                "with reqdesk; add your company's own days here.",
            ),
            QCoreApplication.translate("SettingsDialog", "Edit holiday calendar…"),
            lambda parent: CalendarDialog(ctx, parent),
            parent,
        )
