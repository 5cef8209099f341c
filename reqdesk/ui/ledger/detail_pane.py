"""The tracking ledger's detail pane: the selected requirement's time nodes, timeline,
reviews, plans, responses and return visit, with the actions the user may take."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTabWidget,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reqdesk.i18n import enum_label, error_text
from reqdesk.models.enums import EventKind
from reqdesk.services.context import Context
from reqdesk.services.errors import ReqdeskError
from reqdesk.services.requirements.tracking import TimeNode, TrackingDetail, tracking_detail
from reqdesk.services.requirements.views import EventView
from reqdesk.ui.formatting import datetime_text, spaced, with_note
from reqdesk.ui.ledger.dialogs import PlanDialog, ResponseDialog, ReturnVisitDialog, StageDialog
from reqdesk.ui.ledger.records import plans_html, responses_html, reviews_html, visit_html

LATE = "#b00020"
SOON = "#a66300"
DONE = "#1b5e20"
MUTED = "#666"
WIDE = 900  # from this width, when also low, the pane lays out side by side
SUMMARY_WIDTH = 440
QWIDGETSIZE_MAX = 16777215


class LedgerDetailPane(QWidget):
    """``show_requirement(id)`` fills it; ``changed(id)`` follows an action that saved."""

    changed = Signal(int)

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.detail: TrackingDetail | None = None
        self.last_dialog: QDialog | None = None
        self.empty = QLabel(self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet(f"color: {MUTED};")
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self._content())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.show_requirement(None)

    # Building -------------------------------------------------------------------------

    def _content(self) -> QScrollArea:
        body = QWidget()
        self.summary = QWidget(body)
        column = QVBoxLayout(self.summary)
        column.setContentsMargins(0, 0, 0, 0)
        self.header = QLabel(self.summary)
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(self.header)
        column.addWidget(self._nodes_box(self.summary))
        column.addLayout(self._buttons_grid(self.summary))
        column.addStretch(1)
        self.tabs = QTabWidget(body)
        self.tabs.setMinimumHeight(220)
        self.timeline = self._timeline_tree(self.tabs)
        self.reviews = self._browser()
        self.plans = self._browser()
        self.responses = self._browser()
        self.visit = self._browser()
        for page in (self.timeline, self.reviews, self.plans, self.responses, self.visit):
            self.tabs.addTab(page, "")
        self.body_layout = QBoxLayout(QBoxLayout.Direction.TopToBottom, body)
        self.body_layout.setContentsMargins(6, 6, 6, 6)
        self.body_layout.addWidget(self.summary)
        self.body_layout.addWidget(self.tabs, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        return scroll

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Wide and low (below the table): the summary beside the records; else above."""
        wide = self.width() >= WIDE and self.width() > 2 * self.height()
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self.body_layout.direction() != direction:
            self.body_layout.setDirection(direction)
            self.summary.setMaximumWidth(SUMMARY_WIDTH if wide else QWIDGETSIZE_MAX)
        super().resizeEvent(event)

    def _nodes_box(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("Time nodes"), parent)
        grid = QGridLayout(box)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(3)
        for col, text in enumerate(("", self.tr("Due"), self.tr("Done"), "")):
            heading = QLabel(text, box)
            heading.setStyleSheet(f"color: {MUTED};")
            grid.addWidget(heading, 0, col)
        names = {
            "received": self.tr("Received"),
            "first_response": self.tr("First response"),
            "plan": self.tr("Processing plan"),
            "resolution": self.tr("Resolution"),
            "closed": self.tr("Closed"),
        }
        self.node_labels: dict[str, tuple[QLabel, QLabel, QLabel]] = {}
        for row, (key, name) in enumerate(names.items(), start=1):
            cells = (QLabel(box), QLabel(box), QLabel(box))
            grid.addWidget(QLabel(name, box), row, 0)
            for col, cell in enumerate(cells, start=1):
                grid.addWidget(cell, row, col)
            self.node_labels[key] = cells
        grid.setColumnStretch(3, 1)
        return box

    def _buttons_grid(self, parent: QWidget) -> QGridLayout:
        texts = {
            "stage": self.tr("Change stage…"),
            "plan": self.tr("Record plan…"),
            "respond": self.tr("Log response…"),
            "visit": self.tr("Return visit…"),
        }
        slots = {
            "stage": self.change_stage,
            "plan": self.record_plan,
            "respond": self.log_response,
            "visit": self.return_visit,
        }
        grid = QGridLayout()
        self.buttons: dict[str, QPushButton] = {}
        for index, (name, text) in enumerate(texts.items()):
            button = QPushButton(text, parent)
            button.setAutoDefault(False)
            button.clicked.connect(slots[name])
            grid.addWidget(button, index // 2, index % 2)
            self.buttons[name] = button
        return grid

    def _timeline_tree(self, parent: QWidget) -> QTreeWidget:
        tree = QTreeWidget(parent)
        tree.setColumnCount(4)
        tree.setHeaderLabels([self.tr("Time"), self.tr("Event"), self.tr("By"), self.tr("Note")])
        tree.setRootIsDecorated(False)
        tree.setAlternatingRowColors(True)
        tree.setWordWrap(True)
        tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        tree.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        tree.header().setStretchLastSection(True)
        tree.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        return tree

    def _browser(self) -> QTextBrowser:
        browser = QTextBrowser(self.tabs)
        browser.setOpenLinks(False)
        browser.setFrameShape(QFrame.Shape.NoFrame)
        return browser

    # Showing --------------------------------------------------------------------------

    def show_requirement(self, requirement_id: int | None) -> None:
        """Show one requirement (read again now), or the empty state for None."""
        if requirement_id is None:
            self._empty(self.tr("Select a requirement in the ledger to see its details."))
            return
        try:
            detail = tracking_detail(self.ctx, requirement_id)
        except ReqdeskError as error:
            self._empty(error_text(error))
            return
        self.detail = detail
        self._fill(detail)
        self.stack.setCurrentIndex(1)

    def _empty(self, text: str) -> None:
        self.detail = None
        self.empty.setText(text)
        self.stack.setCurrentIndex(0)
        for button in getattr(self, "buttons", {}).values():
            button.setEnabled(False)

    def _fill(self, d: TrackingDetail) -> None:
        self.header.setText(self._header(d))
        self._fill_nodes(d)
        allowed = {
            "stage": bool(d.moves),
            "plan": d.can_plan,
            "respond": d.can_respond,
            "visit": d.can_visit,
        }
        for name, button in self.buttons.items():
            button.setEnabled(allowed[name])
            button.setToolTip(
                "" if allowed[name] else self.tr("Not possible at this stage, or not for you.")
            )
        self._fill_timeline(d.events)
        self.reviews.setHtml(reviews_html(d.reviews))
        self.plans.setHtml(plans_html(d.plans))
        self.responses.setHtml(responses_html(d.responses))
        self.visit.setHtml(visit_html(d.visit))
        titles = (
            self.tr("Timeline ({n})").format(n=len(d.events)),
            self.tr("Reviews ({n})").format(n=len(d.reviews)),
            self.tr("Plans ({n})").format(n=len(d.plans)),
            self.tr("Responses ({n})").format(n=len(d.responses)),
            self.tr("Return visit"),
        )
        for index, title in enumerate(titles):
            self.tabs.setTabText(index, title)

    def _header(self, d: TrackingDetail) -> str:
        stage = escape(enum_label(d.stage))
        badge = f"<span style='background:#e3ecf7; color:#0b3d91;'>&nbsp;{stage}&nbsp;</span>"
        if d.overdue:
            late = escape(self.tr("Overdue"))
            badge += f" <span style='color:{LATE}; font-weight:bold;'>{late}</span>"
        contact = spaced(d.contact_name, d.contact_phone)
        who = " · ".join(
            x for x in (enum_label(d.urgency), d.department, d.assignee or self.tr("(nobody)")) if x
        )
        lines = [
            spaced(
                f"<span style='font-size:14px; font-weight:bold;'>{escape(d.number)}</span>", badge
            ),
            f"<b>{escape(d.title)}</b>",
            escape(with_note(d.customer, contact)),
            f"<span style='color:{MUTED};'>{escape(who)}</span>",
        ]
        return "<br>".join(lines)

    def _fill_nodes(self, d: TrackingDetail) -> None:
        self._set_node("received", TimeNode(None, d.received_at))
        self._set_node("first_response", d.first_response)
        self._set_node("plan", d.plan)
        self._set_node("resolution", d.resolution)
        self._set_node("closed", TimeNode(None, d.closed_at))

    def _set_node(self, key: str, node: TimeNode) -> None:
        due, done, state = self.node_labels[key]
        due.setText(datetime_text(node.due))
        done.setText(datetime_text(node.done))
        status, colour = "", ""
        if node.late:
            status, colour = self.tr("Overdue"), LATE
        elif node.due_soon:
            status, colour = self.tr("Due within 24 h"), SOON
        elif node.done is not None and node.due is not None:
            on_time = node.done <= node.due
            status = self.tr("On time") if on_time else self.tr("Late")
            colour = DONE if on_time else LATE
        state.setText(status)
        style = (f"color: {colour};" if colour else "") + (
            "font-weight: bold;" if node.late else ""
        )
        state.setStyleSheet(style)
        due.setStyleSheet(style if node.late or node.due_soon else "")

    def _fill_timeline(self, events: tuple[EventView, ...]) -> None:
        self.timeline.clear()
        for e in events:
            what = enum_label(e.kind)
            if e.kind == EventKind.STAGE_CHANGED and e.to_stage is not None:
                what = f"{enum_label(e.from_stage) or '—'} → {enum_label(e.to_stage)}"
            item = QTreeWidgetItem([datetime_text(e.at), what, e.actor, e.note])
            item.setToolTip(3, e.note)
            self.timeline.addTopLevelItem(item)
        for column in range(3):
            self.timeline.resizeColumnToContents(column)

    # Actions --------------------------------------------------------------------------

    def _subject(self) -> str:
        d = self.detail
        return spaced(d.number, d.title) if d else ""

    def _run(self, dialog: QDialog) -> bool:
        """Show ``dialog``, then read the requirement again (someone else may have moved it
        meanwhile); when the dialog saved, say so."""
        self.last_dialog = dialog
        assert self.detail is not None
        requirement_id = self.detail.id
        accepted = bool(dialog.exec())
        self.show_requirement(requirement_id)
        if accepted:
            self.changed.emit(requirement_id)
        return accepted

    def change_stage(self) -> None:
        if self.detail is not None and self.detail.moves:
            d = self.detail
            self._run(
                StageDialog(self.ctx, d.id, d.moves, self, current=d.stage, subject=self._subject())
            )

    def record_plan(self) -> None:
        if self.detail is not None and self.detail.can_plan:
            self._run(PlanDialog(self.ctx, self.detail.id, self, subject=self._subject()))

    def log_response(self) -> None:
        if self.detail is not None and self.detail.can_respond:
            self._run(ResponseDialog(self.ctx, self.detail.id, self, subject=self._subject()))

    def return_visit(self) -> None:
        if self.detail is not None and self.detail.can_visit:
            self._run(ReturnVisitDialog(self.ctx, self.detail.id, self, subject=self._subject()))
