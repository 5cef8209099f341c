"""Charts for the PDF reports, drawn with reportlab.graphics in the embedded CJK font."""

from __future__ import annotations

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.charts.textlabels import Label
from reportlab.graphics.shapes import Drawing, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors

from reqdesk.reports.pdf import register_font

BAR = colors.HexColor("#4f7cac")
LINE = colors.HexColor("#b3261e")
GRID = colors.HexColor("#d5d9df")
INK = colors.HexColor("#333333")


def _title(drawing: Drawing, text: str, width: float, height: float) -> None:
    drawing.add(
        String(
            width / 2,
            height - 11,
            text,
            fontName=register_font(),
            fontSize=9,
            textAnchor="middle",
            fillColor=INK,
        )
    )


def bar_chart(items: list[tuple[str, int]], width: float, height: float, title: str) -> Drawing:
    """Horizontal bars, one per (label, count), the first at the top, counts at the ends."""
    font = register_font()
    drawing = Drawing(width, height)
    _title(drawing, title, width, height)
    if not items:
        return drawing
    chart = HorizontalBarChart()
    label_room = min(width * 0.4, 8 + 8 * max(len(label) for label, _ in items))
    chart.x, chart.y = label_room, 14
    chart.width, chart.height = width - label_room - 28, height - 34
    chart.data = [[count for _, count in reversed(items)]]
    chart.categoryAxis.categoryNames = [label for label, _ in reversed(items)]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -3
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = GRID
    chart.bars[0].fillColor = BAR
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = 7
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    chart.barLabels.fillColor = INK
    drawing.add(chart)
    return drawing


def percent_line_chart(
    labels: list[str], values: list[float | None], width: float, height: float, title: str
) -> Drawing:
    """A line of rates (0–1, None: no figure that week) on a 0–100 % scale."""
    font = register_font()
    drawing = Drawing(width, height)
    _title(drawing, title, width, height)
    chart = HorizontalLineChart()
    chart.x, chart.y = 34, 26
    chart.width, chart.height = width - 44, height - 46
    chart.data = [[None if v is None else round(v * 100, 1) for v in values]]
    points = sum(v is not None for v in values)
    chart.joinedLines = 1 if points >= 2 else 0  # a line needs two points
    chart.lines[0].strokeColor = LINE
    chart.lines[0].symbol = makeMarker("FilledCircle", size=2.5)
    chart.lines[0].symbol.fillColor = LINE
    chart.lines[0].symbol.strokeColor = LINE
    chart.lines[0].strokeWidth = 1.5
    chart.categoryAxis.categoryNames = labels
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 6.5
    chart.categoryAxis.labels.angle = 45
    chart.categoryAxis.labels.boxAnchor = "ne"
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = 100
    chart.valueAxis.valueStep = 20
    chart.valueAxis.labelTextFormat = "%d%%"
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = GRID
    drawing.add(chart)
    if not points:
        note = Label()
        note.setOrigin(width / 2, height / 2)
        note.setText("—")
        note.fontName = font
        drawing.add(note)
    return drawing
