"""评审会签: my sign-offs and all reviews on the left, the chosen review on the right."""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from reqdesk.i18n import enum_label
from reqdesk.services.context import Context
from reqdesk.services.errors import ReqdeskError
from reqdesk.services.listing import Window
from reqdesk.services.permissions import Permission, can
from reqdesk.services.review_list import ReviewFilter, ReviewRow, count_reviews, review_rows
from reqdesk.services.reviews.common import can_open_reviews
from reqdesk.services.reviews.queue import Task, TaskKind, my_tasks
from reqdesk.services.reviews.views import ReviewView, get_review
from reqdesk.ui.formatting import datetime_text
from reqdesk.ui.list_panel import ListPanel
from reqdesk.ui.messages import report_failure, show_error
from reqdesk.ui.reviews.actions import ActionBar
from reqdesk.ui.reviews.detail import ReviewDetail
from reqdesk.ui.reviews.review_actions import ReviewActions
from reqdesk.ui.reviews.task_list import TaskList
from reqdesk.ui.windowed_table_model import Column


class ReviewSource:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.filter = ReviewFilter()

    def count(self) -> int:
        return count_reviews(self.ctx, self.filter)

    def fetch(self, window: Window) -> Sequence[ReviewRow]:
        return review_rows(self.ctx, window, self.filter)


class ReviewsTab(QWidget):
    tasks_changed = Signal(int)  # how many things wait for the user (the tab's title)

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.task: Task | None = None
        self.view: ReviewView | None = None
        self.actions = ReviewActions(self)
        self.detail = ReviewDetail(self)
        self.bar = ActionBar(self.actions.slots(), self)
        self.tasks = TaskList(self)
        self.tasks.chosen.connect(self._task_chosen)
        self.source = ReviewSource(ctx)
        self.panel = self._all_reviews()
        self._build()
        self.detail.clear()
        self.refresh_tasks()

    def _all_reviews(self) -> ListPanel:
        columns: list[Column[ReviewRow]] = [
            Column("number", self.tr("Review no."), lambda r: r.number),
            Column("requirement_number", self.tr("Requirement"), lambda r: r.requirement_number),
            Column("product_name", self.tr("Product"), lambda r: r.product_name),
            Column(
                "contract_type", self.tr("Contract type"), lambda r: enum_label(r.contract_type)
            ),
            Column("routing", self.tr("Routing"), lambda r: enum_label(r.routing)),
            Column("state", self.tr("State"), lambda r: enum_label(r.state)),
            Column("opened_at", self.tr("Opened"), lambda r: datetime_text(r.opened_at)),
            Column("concluded_at", self.tr("Concluded"), lambda r: datetime_text(r.concluded_at)),
        ]
        panel = ListPanel(
            columns,
            self.source,
            row_id=lambda r: r.id,
            default_sort=(6, Qt.SortOrder.DescendingOrder),
            count_text=lambda n: self.tr("%n review(s)", "", n),
            search_placeholder=self.tr(
                "Search review, requirement, product or contract no. (Ctrl+F)"
            ),
            on_search=self._search,
            parent=self,
        )
        panel.set_column_widths([150, 150, 140, 70, 110, 130, 120, 120])
        panel.table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._row_chosen(current.row())
        )
        panel.activated.connect(self.show_review)
        return panel

    def _build(self) -> None:
        mine = QPushButton(self)
        everything = QPushButton(self.tr("All reviews"), self)
        for index, button in enumerate((mine, everything)):
            button.setCheckable(True)
            button.clicked.connect(lambda _=False, i=index: self.pages.setCurrentIndex(i))
        mine.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(mine)
        group.addButton(everything)
        self.mine_button, self.all_button = mine, everything
        self.new_button = QPushButton(self.tr("Open review…"), self)
        self.new_button.clicked.connect(lambda: self.actions.open_review(None))
        self.new_button.setVisible(can_open_reviews(self.ctx))
        top = QHBoxLayout()
        top.addWidget(mine)
        top.addWidget(everything)
        top.addStretch(1)
        top.addWidget(self.new_button)
        self.empty = QLabel(self.tr("Nothing waits for you."), self)
        queue = QWidget(self)
        column = QVBoxLayout(queue)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.tasks, 1)
        column.addWidget(self.empty)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(queue)
        self.pages.addWidget(self.panel)
        left = QWidget(self)
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        left_column.addLayout(top)
        left_column.addWidget(self.pages, 1)
        right = QWidget(self)
        right_column = QVBoxLayout(right)
        right_column.setContentsMargins(0, 0, 0, 0)
        right_column.addWidget(self.bar)
        right_column.addWidget(self.detail, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    # Lists ----------------------------------------------------------------------------

    def _search(self, text: str) -> None:
        self.source.filter = ReviewFilter(text=text)

    def refresh_tasks(self) -> None:
        try:
            tasks = my_tasks(self.ctx)
        except ReqdeskError as error:
            show_error(self, self.tr("Review sign-offs"), error)
            return
        self.tasks.set_tasks(tasks, self.ctx.clock())
        self.empty.setVisible(not tasks)
        self.mine_button.setText(self.tr("My sign-offs (%n)", "", len(tasks)))
        self.tasks_changed.emit(len(tasks))

    def show_my_tasks(self) -> None:
        """From the dashboard: the user's own pending sign-offs, read again."""
        self.mine_button.setChecked(True)
        self.pages.setCurrentIndex(0)
        self.refresh_tasks()

    def reload(self) -> None:
        """F5: the queue, the list and the review shown, as stored now."""
        self.refresh_tasks()
        self.panel.reload()
        if self.view is not None:
            self.show_review(self.view.id)

    def _task_chosen(self, task: Task | None) -> None:
        self.task = task
        if task is not None:
            self.show_review(task.review_id)

    def _row_chosen(self, row: int) -> None:
        review_id = self.panel.model.id_at(row) if row >= 0 else None
        if review_id is not None:
            self.task = None
            self.show_review(review_id)

    def show_review(self, review_id: int) -> None:
        try:
            view = get_review(self.ctx, review_id)
        except ReqdeskError as error:
            show_error(self, self.tr("Review sign-offs"), error)
            return
        self.view = view
        self.detail.show_review(view, self.ctx.clock())
        notice = self.task is not None and self.task.kind == TaskKind.NOTICE
        printable = can(self.ctx.actor, Permission.PRINT_REPORTS) or can(
            self.ctx.actor, Permission.SIGN_OFF
        )
        self.bar.show_allowed(view.allowed, notice=notice, printable=printable)

    def after_action(self, review_id: int | None = None) -> None:
        """Once a service call succeeded: everything shown again from the database."""
        self.refresh_tasks()
        self.panel.model.refresh()
        target = review_id if review_id is not None else (self.view.id if self.view else None)
        if target is not None:
            self.show_review(target)

    def failed(self, title: str, error: Exception) -> None:
        report_failure(self, title, error)

    def temp_pdf(self, name: str) -> Path:
        return Path(tempfile.mkdtemp(prefix="reqdesk-")) / f"{name}.pdf"
