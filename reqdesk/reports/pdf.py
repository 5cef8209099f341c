"""What every reqdesk PDF shares: the embedded CJK font, styles, header and footer.

The font is WenQuanYi Micro Hei from ``resources/fonts`` (a TrueType collection);
reportlab embeds the subset of glyphs used, so the PDF shows Chinese on a machine
without Chinese fonts. The header carries the company's logo when one is set (embedded
once, drawn on every page).
"""

from __future__ import annotations

import io
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

from reqdesk import paths
from reqdesk.formatting import datetime_text
from reqdesk.reports.files import write_atomically

log = logging.getLogger(__name__)

FONT = "ReqdeskCJK"

FONT_FILE = "wqy-microhei.ttc"

Translate = Callable[[str, str], str]


@cache
def register_font() -> str:
    path = paths.resources_dir() / "fonts" / FONT_FILE
    pdfmetrics.registerFont(TTFont(FONT, str(path), subfontIndex=0))
    return FONT


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle


@cache
def styles() -> Styles:
    font = register_font()
    body = ParagraphStyle("body", fontName=font, fontSize=9.5, leading=13, wordWrap="CJK")
    return Styles(
        title=ParagraphStyle(
            "title", parent=body, fontSize=17, leading=22, alignment=TA_CENTER, spaceAfter=4
        ),
        heading=ParagraphStyle(
            "heading",
            parent=body,
            fontSize=11,
            leading=15,
            spaceBefore=8,
            spaceAfter=3,
            textColor=colors.HexColor("#1f3a5f"),
        ),
        body=body,
        small=ParagraphStyle("small", parent=body, fontSize=8, leading=10),
        cell=ParagraphStyle("cell", parent=body, fontSize=8.5, leading=11),
    )


def para(text: object, style: ParagraphStyle | None = None) -> Paragraph:
    """A paragraph from plain text (escaped; line breaks kept)."""
    raw = "" if text is None else str(text)
    escaped = raw.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return Paragraph(escaped.replace("\n", "<br/>"), style or styles().body)


GRID = TableStyle(
    [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#8a8f98")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
)


def field_table(pairs: list[tuple[str, object]], width: float, columns: int = 2) -> Table:
    """Label/value pairs laid out in ``columns`` pairs per row, labels shaded."""
    s = styles()
    rows: list[list[Any]] = []
    for start in range(0, len(pairs), columns):
        row: list[Any] = []
        for label, value in pairs[start : start + columns]:
            row += [para(label, s.cell), para(value, s.cell)]
        row += [""] * (2 * columns - len(row))
        rows.append(row)
    label_w = 26 * mm
    value_w = (width - columns * label_w) / columns
    table = Table(rows, colWidths=[label_w, value_w] * columns, splitInRow=1)
    style = TableStyle(GRID.getCommands())
    for col in range(0, 2 * columns, 2):
        style.add("BACKGROUND", (col, 0), (col, -1), colors.HexColor("#eef1f5"))
    table.setStyle(style)
    return table


def list_table(header: list[str], rows: list[list[object]], widths: list[float]) -> Table:
    """A table with a shaded header row that repeats on every page."""
    s = styles()
    empty: list[object] = ["—", *([""] * (len(header) - 1))]
    body = rows or [empty]
    data = [[para(h, s.cell) for h in header]] + [[para(v, s.cell) for v in r] for r in body]
    table = Table(data, colWidths=widths, repeatRows=1, splitInRow=1)
    style = TableStyle(GRID.getCommands())
    style.add("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dde3ea"))
    table.setStyle(style)
    return table


@dataclass(frozen=True)
class PageFrame:
    """The header and footer of a printed form; ``logo``: PNG or JPEG bytes, or None."""

    company: str
    title: str
    printed_by: str
    printed_at: datetime
    translate: Translate
    logo: bytes | None = None


# The logo sits left in the header, above the rule 12.5 mm below the page's top edge.
LOGO_MAX_HEIGHT = 6.5 * mm
LOGO_MAX_WIDTH = 40 * mm
LOGO_BOTTOM = 12 * mm  # from the top edge
LOGO_GAP = 2.5 * mm


@dataclass(frozen=True)
class _Logo:
    image: ImageReader
    width: float
    height: float


def _header_logo(data: bytes | None) -> _Logo | None:
    """The logo scaled into the header's box; a picture that cannot be read is left out
    (logged) rather than stopping the print."""
    if not data:
        return None
    try:
        image = ImageReader(io.BytesIO(data))
        pixels_w, pixels_h = image.getSize()
    except Exception as exc:
        log.warning("The company logo cannot be printed: %s", exc)
        return None
    scale = min(LOGO_MAX_HEIGHT / pixels_h, LOGO_MAX_WIDTH / pixels_w)
    return _Logo(image, pixels_w * scale, pixels_h * scale)


def _numbered_canvas(frame: PageFrame) -> type[Canvas]:
    """A canvas that knows the page count when it draws footers ("page x of y")."""
    logo = _header_logo(frame.logo)

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._saved: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._saved.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._saved)
            for state in self._saved:
                self.__dict__.update(state)
                self._decorate(total)
                super().showPage()
            super().save()

        def _decorate(self, total: int) -> None:
            width, height = self._pagesize
            font = register_font()
            self.setFont(font, 9)
            self.setFillColor(colors.HexColor("#444444"))
            left = 15 * mm
            if logo is not None:
                bottom = height - LOGO_BOTTOM
                self.drawImage(logo.image, left, bottom, logo.width, logo.height, mask="auto")
                left += logo.width + LOGO_GAP
            self.drawString(left, height - 11 * mm, frame.company)
            self.drawRightString(width - 15 * mm, height - 11 * mm, frame.title)
            self.setStrokeColor(colors.HexColor("#8a8f98"))
            self.line(15 * mm, height - 12.5 * mm, width - 15 * mm, height - 12.5 * mm)
            self.line(15 * mm, 13 * mm, width - 15 * mm, 13 * mm)
            self.setFont(font, 8)
            printed = frame.translate("PdfFrame", "Printed by {user} at {time}").format(
                user=frame.printed_by, time=datetime_text(frame.printed_at)
            )
            self.drawString(15 * mm, 9 * mm, printed)
            page = frame.translate("PdfFrame", "Page {page} of {total}").format(
                page=self._pageNumber, total=total
            )
            self.drawRightString(width - 15 * mm, 9 * mm, page)

    return NumberedCanvas


def build(
    path: Path, story: list[Any], frame: PageFrame, pagesize: tuple[float, float] = A4
) -> Path:
    """Lay out ``story`` on A4 pages with the header and footer; returns the path."""
    register_font()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=pagesize,
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        topMargin=17 * mm,
        bottomMargin=17 * mm,
        title=frame.title,
        author=frame.company,
        creator="reqdesk",
    )
    doc.build(story, canvasmaker=_numbered_canvas(frame))
    write_atomically(path, buffer.getvalue())
    return path


def content_width(pagesize: tuple[float, float] = A4) -> float:
    return pagesize[0] - 30 * mm
