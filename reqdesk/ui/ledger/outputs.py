"""What leaves the ledger: the Excel export of the filtered rows, the weekly ledger and
the monthly analysis report — each built off the GUI thread with a cancellable progress."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QInputDialog, QPushButton, QWidget

from reqdesk.formatting import day_month_text, month_text, week_text
from reqdesk.reports.ledger_workbook import export_ledger
from reqdesk.reports.monthly_report import write_monthly_report
from reqdesk.reports.weekly_ledger import write_weekly_ledger
from reqdesk.services.context import Context
from reqdesk.services.ledger_list import LedgerFilter
from reqdesk.services.periods import previous_month, week_of
from reqdesk.services.sla import BUSINESS_TZ
from reqdesk.ui.background import ProgressTask, TaskProgress
from reqdesk.ui.messages import report_failure
from reqdesk.ui.pdf_preview import PdfPreviewDialog

WEEKS_OFFERED = 26
MONTHS_OFFERED = 24


def recent_weeks(today: date, count: int = WEEKS_OFFERED) -> list[tuple[str, date]]:
    """("2026年第47周  11-16 – 11-22", Monday) for this week and the ones before."""
    monday = week_of(today)[0]
    weeks = []
    for back in range(count):
        first = monday - timedelta(weeks=back)
        last = first + timedelta(days=6)
        year, week, _ = first.isocalendar()
        span = f"{day_month_text(first)} – {day_month_text(last)}"
        weeks.append((f"{week_text(year, week)}  {span}", first))
    return weeks


def recent_months(today: date, count: int = MONTHS_OFFERED) -> list[tuple[str, date]]:
    """("2026年10月", first day) for last month and the ones before; this month last."""
    months = []
    first = today.replace(day=1)
    months.append((month_text(first.year, first.month), first))
    for _ in range(count - 1):
        first = previous_month(first)[0]
        months.append((month_text(first.year, first.month), first))
    return months[1:] + months[:1]


class LedgerOutputs(QObject):
    def __init__(
        self, ctx: Context, current_filter: Callable[[], LedgerFilter], parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.widget = parent
        self.current_filter = current_filter
        self.task: ProgressTask | None = None
        self.preview: PdfPreviewDialog | None = None
        self.last_export: tuple[Path, int] | None = None
        self.status_text = ""

    def buttons(self) -> list[QPushButton]:
        export = QPushButton(self.tr("Export to Excel…"), self.widget)
        export.setToolTip(self.tr("Save the rows shown (all pages) as an Excel workbook"))
        export.clicked.connect(lambda: self.export_excel())
        weekly = QPushButton(self.tr("Weekly ledger…"), self.widget)
        weekly.setToolTip(self.tr("Preview and print the weekly tracking ledger"))
        weekly.clicked.connect(lambda: self.ask_weekly())
        monthly = QPushButton(self.tr("Monthly report…"), self.widget)
        monthly.setToolTip(self.tr("Preview and print the monthly requirement analysis"))
        monthly.clicked.connect(lambda: self.ask_monthly())
        self.export_button, self.weekly_button, self.monthly_button = export, weekly, monthly
        return [export, weekly, monthly]

    def today(self) -> date:
        return self.ctx.clock().astimezone(BUSINESS_TZ).date()

    # Excel ----------------------------------------------------------------------------

    def export_excel(self, path: Path | None = None) -> ProgressTask | None:
        if path is None:
            name = f"ledger-{self.today():%Y%m%d}.xlsx"
            target, _ = QFileDialog.getSaveFileName(
                self.widget, self.tr("Export to Excel"), name, self.tr("Excel workbooks (*.xlsx)")
            )
            if not target:
                return None
            path = Path(target)
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        ctx, flt = self.ctx, self.current_filter()

        def work(progress: TaskProgress) -> int:
            return export_ledger(
                ctx, flt, path, progress=progress.report, cancelled=progress.cancelled
            )

        title = self.tr("Export to Excel")
        return self._run(
            self.tr("Exporting the ledger…"),
            work,
            lambda count: self._exported(path, count),
            title,
        )

    def _exported(self, path: Path, count: int) -> None:
        self.last_export = (path, count)
        self._status(self.tr("%n row(s) exported to {path}", "", count).format(path=path))

    def _status(self, text: str) -> None:
        self.status_text = text
        status = getattr(self.widget.window(), "statusBar", None)
        if status is not None:
            status().showMessage(text, 10000)

    # Printed reports ------------------------------------------------------------------

    def ask_weekly(self) -> None:
        weeks = recent_weeks(self.today())
        label, ok = QInputDialog.getItem(
            self.widget,
            self.tr("Weekly ledger"),
            self.tr("Week:"),
            [text for text, _ in weeks],
            0,
            False,
        )
        if ok:
            monday = dict(weeks)[label]
            year, week, _ = monday.isocalendar()
            self.print_weekly(year, week)

    def ask_monthly(self) -> None:
        months = recent_months(self.today())
        label, ok = QInputDialog.getItem(
            self.widget,
            self.tr("Monthly report"),
            self.tr("Month:"),
            [text for text, _ in months],
            0,
            False,
        )
        if ok:
            first = dict(months)[label]
            self.print_monthly(first.year, first.month)

    def print_weekly(self, year: int, week: int) -> ProgressTask:
        folder = Path(tempfile.mkdtemp(prefix="reqdesk-"))
        path = folder / f"weekly-ledger-{year}-W{week:02d}.pdf"
        ctx = self.ctx
        title = self.tr("Weekly ledger – {week}").format(week=week_text(year, week))
        return self._run(
            self.tr("Preparing the weekly ledger…"),
            lambda progress: write_weekly_ledger(
                ctx, year, week, path, progress=progress.report, cancelled=progress.cancelled
            ),
            lambda written: self._preview(written, title),
            title,
        )

    def print_monthly(self, year: int, month: int) -> ProgressTask:
        folder = Path(tempfile.mkdtemp(prefix="reqdesk-"))
        path = folder / f"analysis-{year}-{month:02d}.pdf"
        ctx = self.ctx
        title = self.tr("Requirement analysis – {month}").format(month=month_text(year, month))
        return self._run(
            self.tr("Preparing the monthly report…"),
            lambda progress: write_monthly_report(
                ctx, year, month, path, progress=progress.report, cancelled=progress.cancelled
            ),
            lambda written: self._preview(written, title),
            title,
        )

    def _preview(self, path: Path, title: str) -> None:
        self.preview = PdfPreviewDialog(path, title, self.widget)
        self.preview.show()

    def _run(
        self,
        label: str,
        work: Callable[[TaskProgress], object],
        on_done: Callable[[object], None],
        title: str,
    ) -> ProgressTask:
        task = ProgressTask(self.widget, label, work)
        task.start(
            on_done,
            lambda error: report_failure(self.widget, title, error),
            lambda: self._status(self.tr("Cancelled: nothing was written.")),
        )
        self.task = task
        return task
