"""Wiring of the GUI: application, fonts, language, database, first start, sign-in, window."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from reqdesk import i18n
from reqdesk.db import Database, DatabaseError, open_database
from reqdesk.i18n import translate
from reqdesk.proctime import ms_since_start
from reqdesk.services import auth, users
from reqdesk.services.context import Actor, Context
from reqdesk.services.errors import ReqdeskError
from reqdesk.services.setup import company_name, initialise, is_initialised, open_context
from reqdesk.ui.background import collect_garbage_on_gui_thread
from reqdesk.ui.error_hook import install_error_hook
from reqdesk.ui.fonts import install_fonts
from reqdesk.ui.login_dialog import LoginDialog
from reqdesk.ui.main_window import MainWindow
from reqdesk.ui.password_dialog import ChangePasswordDialog
from reqdesk.ui.setup_dialog import SetupValues, SetupWizard
from reqdesk.ui.startup import open_or_recover, start_daily_backup, warn_about_network_share

DEMO_CUSTOMERS, DEMO_REQUIREMENTS = 200, 3000  # what the first-start wizard offers


def _headless() -> bool:
    """A Linux machine without a display (CI, a build server)."""
    return sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    )


def application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setApplicationName("reqdesk")
    app.setOrganizationName("reqdesk")
    i18n.attach()
    install_fonts(app)
    collect_garbage_on_gui_thread(app)
    return app


def first_start(db: Database) -> bool:
    """Ask for company, site and administrator; False when the user cancels."""

    def submit(values: SetupValues) -> None:
        initialise(
            db,
            company_name=values.company_name,
            site_code=values.site_code,
            admin_username=values.admin_username,
            admin_full_name=values.admin_full_name or values.admin_username,
            admin_password=values.admin_password,
            department_name=lambda seed: translate("Department", seed.name),
        )

    def make_demo() -> None:
        from reqdesk.services.demo import generate_demo

        generate_demo(db, customers=DEMO_CUSTOMERS, requirements=DEMO_REQUIREMENTS)

    return SetupWizard(submit, make_demo).exec() == QDialog.DialogCode.Accepted


def sign_in(ctx: Context, company: str) -> Actor | None:
    dialog = LoginDialog(company, lambda user, password: auth.login(ctx, user, password))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.actor


def choose_password(ctx: Context) -> bool:
    """After an administrator's reset the user picks their own password before working."""
    return ChangePasswordDialog(ctx).exec() == QDialog.DialogCode.Accepted


class FirstPaint(QObject):
    """Quits the application right after ``widget`` painted for the first time."""

    def __init__(self, widget: QObject, report: object) -> None:
        super().__init__(widget)
        self._report = report
        widget.installEventFilter(self)
        self.done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.done:
            self.done = True
            QTimer.singleShot(0, self._report)  # type: ignore[arg-type]
        return False


def run(
    *,
    db_target: str | Path | None,
    username: str | None,
    password: str | None,
    smoke: bool,
    started: float,
) -> int:
    del started
    if smoke and _headless():
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = application()
    install_error_hook(app)
    if smoke:
        try:
            db = open_database(db_target)
        except DatabaseError as error:
            print(f"reqdesk: {i18n.error_text(error)}", file=sys.stderr)
            return 1
    else:
        recovered = open_or_recover(db_target)
        if recovered is None:
            return 1
        db = recovered
    try:
        return _run_with(app, db, username, password, smoke)
    finally:
        db.dispose()


def _run_with(
    app: QApplication, db: Database, username: str | None, password: str | None, smoke: bool
) -> int:
    opened = open_main_window(db, username, password, smoke=smoke)
    if isinstance(opened, int):
        return opened
    window = opened
    if smoke:

        def report() -> None:
            print(f"{ms_since_start():.0f}", flush=True)
            window.close()
            app.quit()

        FirstPaint(window.customers_tab.panel.table.viewport(), report)
    window.show()
    if not smoke:
        warn_about_network_share(db, window)
        start_daily_backup(db, window)
    return app.exec()


def open_main_window(
    db: Database, username: str | None, password: str | None, *, smoke: bool = False
) -> MainWindow | int:
    """First start if needed, sign-in, then the main window; an exit code when the user stops."""
    if not is_initialised(db) and (smoke or not first_start(db)):
        if smoke:
            print(translate("App", "reqdesk: the database is not set up."), file=sys.stderr)
        return 1
    ctx = open_context(db)
    company = company_name(ctx)
    actor: Actor | None = None
    if username is not None and password is not None:
        try:
            actor = auth.login(ctx, username, password)
        except ReqdeskError as error:
            if smoke:
                print(f"reqdesk: {i18n.error_text(error)}", file=sys.stderr)
                return 1
            QMessageBox.warning(None, "reqdesk", i18n.error_text(error))
    if actor is None:
        actor = sign_in(ctx, company)
    if actor is None:
        return 0
    signed_in = ctx.as_actor(actor)
    if not smoke and users.must_change_password(signed_in) and not choose_password(signed_in):
        return 0
    return MainWindow(signed_in, company, remember_layout=not smoke)
