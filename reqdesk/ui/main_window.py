"""The main window: four tabs, the menus and the status bar. It builds the frame and forwards."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reqdesk import __version__, paths
from reqdesk.i18n import enum_label
from reqdesk.logsetup import log_file
from reqdesk.services.check import CheckReport, run_check
from reqdesk.services.context import Context
from reqdesk.services.dashboard import Counter
from reqdesk.services.permissions import Permission, can
from reqdesk.services.setup import company_name
from reqdesk.ui.background import BackgroundTask
from reqdesk.ui.backups_dialog import BackupsDialog
from reqdesk.ui.calendar_dialog import CalendarDialog
from reqdesk.ui.commands import TabCommands
from reqdesk.ui.customers.editor import CustomerEditor
from reqdesk.ui.customers.tab import CustomersTab
from reqdesk.ui.dashboard import DashboardStrip
from reqdesk.ui.icons import icon
from reqdesk.ui.layout_memory import restore_window, save_window
from reqdesk.ui.ledger.tab import LedgerTab
from reqdesk.ui.messages import report_failure
from reqdesk.ui.registration.tab import RegistrationTab
from reqdesk.ui.reviews.rules_dialog import ReviewRulesDialog
from reqdesk.ui.reviews.tab import ReviewsTab
from reqdesk.ui.settings.dialog import SettingsDialog
from reqdesk.ui.sync.dialog import SyncDialog

TAB_ICONS = ("customers", "registration", "reviews", "ledger")


class MainWindow(QMainWindow):
    def __init__(
        self,
        ctx: Context,
        company: str,
        parent: QWidget | None = None,
        *,
        remember_layout: bool = False,
    ) -> None:
        """``remember_layout``: reopen as the user left it (the program; not smoke runs)."""
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("reqdesk — {company}").format(company=company))
        self.resize(1280, 800)

        self.tabs = QTabWidget(self)
        self.customers_tab = CustomersTab(ctx, self)
        self.registration_tab = RegistrationTab(ctx, self)
        self.reviews_tab = ReviewsTab(ctx, self)
        self.ledger_tab = LedgerTab(ctx, self)
        self.tabs.addTab(self.customers_tab, self.tr("Customer files"))
        self.tabs.addTab(self.registration_tab, self.tr("Requirement registration"))
        self.tabs.addTab(self.reviews_tab, self.tr("Review sign-offs"))
        self.tabs.addTab(self.ledger_tab, self.tr("Tracking ledger"))
        for index, name in enumerate(TAB_ICONS):
            self.tabs.setTabIcon(index, icon(name))
        self.dashboard = DashboardStrip(ctx, self)
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.dashboard)
        column.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self.customers_tab.open_requirement.connect(self.show_requirement)
        self.reviews_tab.tasks_changed.connect(self._show_task_count)
        self._show_task_count(len(self.reviews_tab.tasks.tasks))
        self.registration_tab.review_requested.connect(self.open_review_for)
        self._connect_dashboard()

        self.commands = TabCommands(self)
        self._build_menus()
        self._build_status_bar()
        self._remember_layout = remember_layout
        if remember_layout:
            restore_window(self, self.tabs)

    def _connect_dashboard(self) -> None:
        """The strip counts again after anything that may change a count."""
        self.dashboard.chosen.connect(self.show_dashboard_view)
        self.reviews_tab.tasks_changed.connect(self.dashboard.refresh)
        self.ledger_tab.requirement_changed.connect(self.dashboard.refresh)
        self.registration_tab.panel.model.dataChanged.connect(self.dashboard.refresh)
        self.registration_tab.panel.model.modelReset.connect(self.dashboard.refresh)

    def show_dashboard_view(self, counter: Counter) -> None:
        """A dashboard counter clicked: the view it counts (filter first, then show: one load)."""
        if counter == Counter.MY_SIGN_OFFS:
            self.reviews_tab.show_my_tasks()
            self.tabs.setCurrentWidget(self.reviews_tab)
        else:
            self.ledger_tab.show_preset(counter)
            self.tabs.setCurrentWidget(self.ledger_tab)

    def make_action(
        self,
        text: str,
        shortcut: QKeySequence | str | None,
        slot: object,
        *,
        icon_name: str | None = None,
    ) -> QAction:
        """A menu entry; its shortcut shows in the menu and in its tooltip."""
        action = QAction(text, self)
        if icon_name is not None:
            action.setIcon(icon(icon_name))
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setToolTip(
                f"{text.replace('&', '')} "
                f"({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})"
            )
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("&File"))
        file_menu.addActions(
            self.commands.build(
                {
                    "new": self.tr("&New"),
                    "save": self.tr("&Save"),
                    "print": self.tr("&Print…"),
                    "export": self.tr("&Export to Excel…"),
                }
            )
        )
        file_menu.addSeparator()
        file_menu.addAction(
            self.make_action(self.tr("E&xit"), "Ctrl+Q", self.close, icon_name="exit")
        )

        view_menu = menu.addMenu(self.tr("&View"))
        for index in range(self.tabs.count()):
            view_menu.addAction(
                self.make_action(
                    self.tabs.tabText(index),
                    f"Ctrl+{index + 1}",
                    lambda _=False, i=index: self.tabs.setCurrentIndex(i),
                    icon_name=TAB_ICONS[index],
                )
            )
        view_menu.addSeparator()
        view_menu.addAction(
            self.make_action(self.tr("&Refresh"), "F5", self.refresh_current, icon_name="refresh")
        )
        view_menu.addAction(
            self.make_action(self.tr("&Find"), "Ctrl+F", self.focus_search, icon_name="find")
        )

        tools_menu = menu.addMenu(self.tr("&Tools"))
        tools_menu.addAction(
            self.make_action(
                self.tr("&Settings…"), "Ctrl+,", self.edit_settings, icon_name="settings"
            )
        )
        if can(self.ctx.actor, Permission.MANAGE_CALENDAR):
            tools_menu.addAction(
                self.make_action(
                    self.tr("&Holiday calendar…"), None, self.edit_calendar, icon_name="calendar"
                )
            )
        if can(self.ctx.actor, Permission.MANAGE_SETTINGS):
            tools_menu.addAction(
                self.make_action(
                    self.tr("&Review rules…"), None, self.edit_rules, icon_name="rules"
                )
            )
        tools_menu.addAction(
            self.make_action(
                self.tr("&Check database"), None, self.check_database, icon_name="check"
            )
        )
        if can(self.ctx.actor, Permission.SYNC):
            tools_menu.addAction(
                self.make_action(self.tr("S&ync…"), None, self.open_sync, icon_name="sync")
            )
        if can(self.ctx.actor, Permission.BACKUP_RESTORE) and self.ctx.db.sqlite_path:
            tools_menu.addAction(
                self.make_action(
                    self.tr("&Backups…"), "Ctrl+Shift+B", self.manage_backups, icon_name="backups"
                )
            )

        help_menu = menu.addMenu(self.tr("&Help"))
        help_menu.addAction(
            self.make_action(self.tr("&About reqdesk"), None, self.show_about, icon_name="about")
        )

    def _build_status_bar(self) -> None:
        actor = self.ctx.actor
        roles = ", ".join(sorted(enum_label(r) for r in actor.roles)) if actor else ""
        user = QLabel(
            self.tr("User: {name} ({roles})").format(
                name=actor.full_name if actor else "", roles=roles
            )
        )
        site = QLabel(self.tr("Site: {site}").format(site=self.ctx.site_code))
        database = QLabel(self.tr("Database: {db}").format(db=self.ctx.db.describe()))
        database.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for label in (user, site, database):
            self.statusBar().addPermanentWidget(label)
        self.user_label, self.site_label, self.database_label = user, site, database

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing never drops unsaved work: open customer files and the registration ask."""
        if not self.may_leave():
            event.ignore()
            return
        if self._remember_layout:
            save_window(self, self.tabs)
        super().closeEvent(event)

    def may_leave(self) -> bool:
        """Ask about unsaved input (open customer files, the registration form)."""
        for editor in self.findChildren(CustomerEditor):
            if editor.isVisible() and not editor.close():
                return False
        if not self.registration_tab.may_leave():
            self.tabs.setCurrentWidget(self.registration_tab)
            return False
        return True

    def _show_task_count(self, count: int) -> None:
        title = (
            self.tr("Review sign-offs (%n)", "", count) if count else self.tr("Review sign-offs")
        )
        self.tabs.setTabText(self.tabs.indexOf(self.reviews_tab), title)

    def open_review_for(self, requirement: object) -> None:
        """From a registration: open a review on it, then show it in the review tab."""
        review_id = self.reviews_tab.actions.open_review(requirement)  # type: ignore[arg-type]
        if review_id is not None:
            self.tabs.setCurrentWidget(self.reviews_tab)
            self.reviews_tab.all_button.click()
            self.registration_tab.reload_current()

    def show_requirement(self, requirement_id: int) -> None:
        self.tabs.setCurrentWidget(self.registration_tab)
        self.registration_tab.show_requirement(requirement_id)
        self.raise_()
        self.activateWindow()

    def current_tab(self) -> QWidget:
        return self.tabs.currentWidget()

    def refresh_current(self) -> None:
        self.dashboard.refresh()
        reload = getattr(self.current_tab(), "reload", None)
        if reload is not None:
            reload()

    def focus_search(self) -> None:
        focus = getattr(self.current_tab(), "focus_search", None)
        if focus is not None:
            focus()
            return
        panel = getattr(self.current_tab(), "panel", None)
        if panel is not None:
            panel.focus_search()

    def edit_settings(self) -> SettingsDialog:
        dialog = SettingsDialog(self.ctx, self)
        dialog.exec()
        company = company_name(self.ctx)  # the company page may have renamed it
        self.setWindowTitle(self.tr("reqdesk — {company}").format(company=company))
        return dialog

    def edit_rules(self) -> None:
        ReviewRulesDialog(self.ctx, self).exec()

    def edit_calendar(self) -> None:
        CalendarDialog(self.ctx, self).exec()

    def manage_backups(self) -> None:
        dialog = BackupsDialog(self.ctx, self, may_leave=self.may_leave)
        dialog.exec()
        if dialog.restored is not None:  # this window's database was replaced: start again
            self.hide()
            QApplication.quit()

    def open_sync(self) -> None:
        SyncDialog(self.ctx, self).exec()
        self.refresh_current()  # an import may have brought new and changed records

    def check_database(self) -> None:
        task = BackgroundTask(
            self, self.tr("Checking the database…"), lambda: run_check(self.ctx.db)
        )
        task.start(self._show_check_report, self._show_check_failure)

    def _show_check_failure(self, error: Exception) -> None:
        report_failure(self, self.tr("Check database"), error)

    def _show_check_report(self, report: CheckReport) -> None:
        if report.ok:
            QMessageBox.information(self, self.tr("Check database"), self.tr("No problems found."))
        else:
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Check database"), "", parent=self)
            box.setText(self.tr("%n problem(s) found.", "", len(report.problems)))
            box.setDetailedText("\n".join(report.problems))
            box.exec()

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About reqdesk"),
            self.tr(
                "reqdesk {version}\nCustomer requirement management (ISO 9001 / IATF 16949 8.2)\n\n"
                "Database: {db}\nData folder: {data}\nLog file: {log}\nSQLite library: {sqlite}"
            ).format(
                version=__version__,
                db=self.ctx.db.describe(),
                data=paths.data_dir(),
                log=log_file(),
                sqlite=sqlite3.sqlite_version,
            ),
        )
