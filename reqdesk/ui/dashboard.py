"""The dashboard strip above the tabs: overdue, due today, awaiting my sign-off and
awaiting return visit, each a button that opens the view it counts."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QHBoxLayout, QPushButton, QWidget
from sqlalchemy.exc import SQLAlchemyError

from reqdesk.i18n import error_text
from reqdesk.services.context import Context
from reqdesk.services.dashboard import Counter, DashboardCounts, dashboard_counts
from reqdesk.services.errors import ReqdeskError
from reqdesk.services.permissions import Permission, can
from reqdesk.ui.icons import icon

log = logging.getLogger(__name__)

REFRESH_INTERVAL_MS = 2 * 60 * 1000
MODAL_RETRY_MS = 1000  # a modal dialog is open: look again this much later
ICONS = {
    Counter.OVERDUE: "overdue",
    Counter.DUE_TODAY: "due_today",
    Counter.MY_SIGN_OFFS: "sign_off",
    Counter.RETURN_VISITS: "return_visit",
}
# Colours when the count is not zero (overdue red as in the ledger, due today amber).
ALERT_STYLES = {
    Counter.OVERDUE: "color: #b00020; font-weight: bold;",
    Counter.DUE_TODAY: "color: #9a5b00; font-weight: bold;",
    Counter.MY_SIGN_OFFS: "font-weight: bold;",
    Counter.RETURN_VISITS: "font-weight: bold;",
}
QUIET_STYLE = "color: palette(mid);"
HOVER_STYLE = "QPushButton:hover { text-decoration: underline; }"  # flat, yet clickable


class DashboardStrip(QWidget):
    """``chosen(Counter)`` when a counter is clicked; :meth:`refresh` after a change (also
    every two minutes). Counts are read when control returns to the event loop, so that
    several change signals from one action cost one read."""

    chosen = Signal(object)  # the Counter clicked
    refreshed = Signal(object)  # the DashboardCounts just shown

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.counts: DashboardCounts | None = None
        self.buttons: dict[Counter, QPushButton] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        for counter in Counter:
            button = QPushButton(self)
            button.setFlat(True)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setIcon(icon(ICONS[counter]))
            button.setToolTip(self._tooltip(counter))
            button.setAccessibleDescription(self._tooltip(counter))
            button.clicked.connect(lambda _=False, c=counter: self._click(c))
            layout.addWidget(button)
            self.buttons[counter] = button
        layout.addStretch(1)
        self._show(None)
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.timeout.connect(self.refresh_now)
        self._every = QTimer(self)
        self._every.setInterval(REFRESH_INTERVAL_MS)
        self._every.timeout.connect(self.refresh)
        allowed = can(ctx.actor, Permission.VIEW_LEDGER)
        self.setVisible(allowed)
        if allowed:
            self._every.start()
            self.refresh()

    def refresh(self) -> None:
        """Read the counts again once control is back in the event loop (a slot for the
        tabs' change signals; calls in a row are read once)."""
        if not self._soon.isActive():
            self._soon.start(0)

    def refresh_now(self) -> None:
        """Read the counts and show them (postponed while a modal dialog is open)."""
        self._soon.stop()
        if QApplication.activeModalWidget() is not None:
            self._soon.start(MODAL_RETRY_MS)
            return
        try:
            counts = dashboard_counts(self.ctx)
        except ReqdeskError as error:  # e.g. the database is busy: keep the last counts
            log.warning("Dashboard not refreshed: %s", error_text(error))
            return
        except SQLAlchemyError:  # the server or the share went away: try at the next tick
            log.warning("Dashboard not refreshed: the database cannot be read", exc_info=True)
            return
        self._show(counts)
        self.refreshed.emit(counts)

    def _click(self, counter: Counter) -> None:
        self.chosen.emit(counter)
        self.refresh()  # the counter and the view it opens show the same moment

    def _show(self, counts: DashboardCounts | None) -> None:
        self.counts = counts
        for counter, button in self.buttons.items():
            count = None if counts is None else counts.of(counter)
            shown = "–" if count is None else str(count)
            button.setText(self._label(counter).format(count=shown))
            button.setAccessibleName(self._spoken(counter).format(count=shown))
            colour = ALERT_STYLES[counter] if count else QUIET_STYLE
            button.setStyleSheet(f"QPushButton {{ {colour} }} {HOVER_STYLE}")

    def _label(self, counter: Counter) -> str:
        return {
            Counter.OVERDUE: self.tr("Overdue {count}"),
            Counter.DUE_TODAY: self.tr("Due today {count}"),
            Counter.MY_SIGN_OFFS: self.tr("Awaiting my sign-off {count}"),
            Counter.RETURN_VISITS: self.tr("Awaiting return visit {count}"),
        }[counter]

    def _spoken(self, counter: Counter) -> str:
        return {
            Counter.OVERDUE: self.tr("Overdue requirements: {count}"),
            Counter.DUE_TODAY: self.tr("Requirements due today: {count}"),
            Counter.MY_SIGN_OFFS: self.tr("Reviews awaiting my sign-off: {count}"),
            Counter.RETURN_VISITS: self.tr("Requirements awaiting a return visit: {count}"),
        }[counter]

    def _tooltip(self, counter: Counter) -> str:
        return {
            Counter.OVERDUE: self.tr(
                "Requirements whose response, plan, resolution or customer answer is past "
                "its due time. Click to show them in the tracking ledger."
            ),
            Counter.DUE_TODAY: self.tr(
                "Requirements not overdue yet whose response, plan, resolution or customer "
                "answer falls due before midnight. Click to show them in the tracking ledger."
            ),
            Counter.MY_SIGN_OFFS: self.tr(
                "Reviews waiting for you: to sign, conclude, negotiate, arbitrate or answer, "
                "and amendment notices. Click to show them in Review sign-offs."
            ),
            Counter.RETURN_VISITS: self.tr(
                "Resolved requirements whose customer was not yet asked. Click to show them "
                "in the tracking ledger."
            ),
        }[counter]
