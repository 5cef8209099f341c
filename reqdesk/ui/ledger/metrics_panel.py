"""The ledger's metrics (seed 001 五(二)): response timeliness, completion, satisfaction,
open and overdue — for a period, split by department, category or urgency, and the
26-week trend, as figures and as charts."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QDateTimeAxis,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QDateTime, QMargins, Qt, QTime
from PySide6.QtGui import QPainter, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reqdesk.services.context import Context
from reqdesk.services.metrics import Metrics, metrics_by, period_metrics, weekly_trend
from reqdesk.services.periods import month_of, previous_month, week_of
from reqdesk.services.sla import BUSINESS_TZ
from reqdesk.ui.formatting import chart_day_format, date_text, number_text, percent_text

TREND_WEEKS = 26


def share(part: int, whole: int) -> str:
    return f"{number_text(part)}/{number_text(whole)}"


def replace_chart(view: QChartView, chart: QChart) -> None:
    """The view owns its chart; the one it showed before is released, so delete it."""
    previous = view.chart()
    view.setChart(chart)
    if previous is not None:
        previous.deleteLater()


class MetricsPanel(QWidget):
    """Computes when first shown and whenever the period or the split changes."""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._loaded = False
        self.period = QComboBox(self)
        for key, text in (
            ("this_month", self.tr("This month")),
            ("last_month", self.tr("Last month")),
            ("this_week", self.tr("This week")),
            ("last_week", self.tr("Last week")),
            ("quarter", self.tr("Last 13 weeks")),
            ("year", self.tr("This year")),
        ):
            self.period.addItem(text, key)
        self.dimension = QComboBox(self)
        for key, text in (
            ("department", self.tr("By department")),
            ("category", self.tr("By category")),
            ("urgency", self.tr("By urgency")),
        ):
            self.dimension.addItem(text, key)
        self.range_text = QLabel(self)
        self.period.currentIndexChanged.connect(self.refresh)
        self.dimension.currentIndexChanged.connect(self.refresh)

        self.figures: dict[str, QLabel] = {}
        self.table = QTableWidget(0, 7, self)
        self.table.setHorizontalHeaderLabels(
            [
                "",
                self.tr("Timeliness"),
                self.tr("Completion"),
                self.tr("Mean satisfaction"),
                self.tr("Satisfied (≥4)"),
                self.tr("Open"),
                self.tr("Overdue"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.bar_view = self._chart_view()
        self.trend_view = self._chart_view()
        self._layout()

    def _chart_view(self) -> QChartView:
        view = QChartView(self)
        view.setRenderHint(QPainter.RenderHint.Antialiasing)
        view.setMinimumHeight(240)
        return view

    def _layout(self) -> None:
        choices = QHBoxLayout()
        for widget in (self.period, self.dimension, self.range_text):
            choices.addWidget(widget)
        choices.addStretch(1)
        grid = QGridLayout()
        names = (
            ("timeliness", self.tr("Response timeliness")),
            ("completion", self.tr("Completion rate")),
            ("satisfaction", self.tr("Satisfaction (mean, share ≥4)")),
            ("open", self.tr("Open at period end")),
            ("overdue", self.tr("Overdue at period end")),
        )
        for column, (key, title) in enumerate(names):
            caption = QLabel(title, self)
            value = QLabel("—", self)
            value.setStyleSheet("font-size: 20px; font-weight: bold;")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(caption, 0, column)
            grid.addWidget(value, 1, column)
            self.figures[key] = value
        charts = QHBoxLayout()
        charts.addWidget(self.bar_view, 1)
        charts.addWidget(self.trend_view, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(choices)
        layout.addLayout(grid)
        layout.addLayout(charts, 3)
        layout.addWidget(self.table, 2)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded:
            self.refresh()

    def mark_stale(self) -> None:
        """Something changed: compute again now if shown, else when next shown."""
        self._loaded = False
        if self.isVisible():
            self.refresh()

    def today(self) -> date:
        return self.ctx.clock().astimezone(BUSINESS_TZ).date()

    def dates(self) -> tuple[date, date]:
        today = self.today()
        key = self.period.currentData()
        if key == "last_month":
            return previous_month(today)
        if key == "this_week":
            return week_of(today)
        if key == "last_week":
            return week_of(today - timedelta(days=7))
        if key == "quarter":
            return week_of(today)[0] - timedelta(weeks=12), week_of(today)[1]
        if key == "year":
            return date(today.year, 1, 1), date(today.year, 12, 31)
        return month_of(today)

    def refresh(self) -> None:
        self._loaded = True
        first, last = self.dates()
        self.range_text.setText(f"{date_text(first)} – {date_text(last)}")
        self.show_figures(period_metrics(self.ctx, first, last))
        groups = metrics_by(self.ctx, first, last, self.dimension.currentData())
        self.show_groups(groups)
        trend = weekly_trend(self.ctx, week_of(self.today())[0], TREND_WEEKS)
        replace_chart(self.trend_view, self._trend_chart(trend))

    def show_figures(self, m: Metrics) -> None:
        self.figures["timeliness"].setText(
            f"{percent_text(m.timeliness)}  ({share(m.responses_on_time, m.responses_due)})"
        )
        self.figures["completion"].setText(
            f"{percent_text(m.completion)}  ({share(m.resolved, m.registered)})"
        )
        mean = number_text(m.satisfaction_mean, 2)
        self.figures["satisfaction"].setText(f"{mean} · {percent_text(m.satisfied_share)}")
        self.figures["open"].setText(number_text(m.open_count))
        self.figures["overdue"].setText(number_text(m.overdue_count))

    def show_groups(self, groups: list[tuple[str, Metrics]]) -> None:
        self.table.setRowCount(len(groups))
        for row, (label, m) in enumerate(groups):
            mean = "" if m.satisfaction_mean is None else number_text(m.satisfaction_mean, 2)
            values = (
                label,
                percent_text(m.timeliness),
                percent_text(m.completion),
                mean,
                percent_text(m.satisfied_share),
                number_text(m.open_count),
                number_text(m.overdue_count),
            )
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
        replace_chart(self.bar_view, self._bar_chart(groups))

    def _bar_chart(self, groups: list[tuple[str, Metrics]]) -> QChart:
        chart = QChart()
        chart.setTitle(self.dimension.currentText())
        series = QBarSeries()
        for title, value_of in (
            (self.tr("Timeliness %"), lambda m: m.timeliness),
            (self.tr("Completion %"), lambda m: m.completion),
            (self.tr("Satisfied %"), lambda m: m.satisfied_share),
        ):
            bar = QBarSet(title)
            for _label, m in groups:
                value = value_of(m)
                bar.append(0.0 if value is None else round(value * 100, 1))
            series.append(bar)
        chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append([label for label, _ in groups])
        chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(categories)
        axis_y = self._percent_axis()
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_y)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.setMargins(QMargins(4, 4, 4, 4))
        return chart

    def _trend_chart(self, trend: list[tuple[date, Metrics]]) -> QChart:
        chart = QChart()
        chart.setTitle(self.tr("Last %n week(s)", "", len(trend)))
        axis_x = QDateTimeAxis()
        axis_x.setFormat(chart_day_format())
        axis_x.setTickCount(7)
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        axis_y = self._percent_axis()
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        for title, value_of in (
            (self.tr("Timeliness %"), lambda m: m.timeliness),
            (self.tr("Completion %"), lambda m: m.completion),
        ):
            line = QLineSeries()
            line.setName(title)
            for monday, m in trend:
                value = value_of(m)
                if value is not None:
                    moment = QDateTime(monday, QTime(0, 0))
                    line.append(moment.toMSecsSinceEpoch(), round(value * 100, 1))
            chart.addSeries(line)
            line.attachAxis(axis_x)
            line.attachAxis(axis_y)
        if trend:
            axis_x.setRange(
                QDateTime(trend[0][0], QTime(0, 0)), QDateTime(trend[-1][0], QTime(0, 0))
            )
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.setMargins(QMargins(4, 4, 4, 4))
        return chart

    def _percent_axis(self) -> QValueAxis:
        axis = QValueAxis()
        axis.setRange(0, 100)
        axis.setLabelFormat("%d%%")
        return axis
