"""Tables of thousands of rows for the PDF reports: plain-text cells broken into lines
beforehand, the rows measured once and cut into one table per page, with progress and a
way to stop while they are laid out."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import PageBreak, Table, TableStyle

from reqdesk.services.cancel import CancelCheck, Progress, check

PADDING = 2.5  # points left and right of a plain-text cell (see plain_style)
FRAME_PADDING = 6  # points: reportlab's frame padding on each side
NO_LINE_START = frozenset("，。、；：！？）》」』,.;:!?)]")


class Steps:
    """Progress over two stages of equal weight: building the rows, laying them out."""

    def __init__(self, rows: int, progress: Progress | None) -> None:
        self.rows = rows
        self.total = 2 * max(rows, 1)
        self._progress = progress

    def built(self, done: int) -> None:
        if self._progress is not None:
            self._progress(min(done, self.rows), self.total)

    def laid_out(self, remaining: int) -> None:
        if self._progress is not None:
            self._progress(self.total - max(remaining, 0), self.total)


def page_room(pagesize: tuple[float, float]) -> float:
    """The height the frame of a page offers (the margins of pdf.build, less the padding)."""
    return pagesize[1] - 34 * mm - 2 * FRAME_PADDING - 1  # a point to spare


def used_height(flowables: list[Any], width: float) -> float:
    """How much of a page ``flowables`` take, spaces included."""
    total = 0.0
    for flowable in flowables:
        total += flowable.wrap(width, 10**6)[1]
        total += flowable.getSpaceBefore() + flowable.getSpaceAfter()
    return total


@dataclass
class LongTable:
    """A table of thousands of plain-text rows, laid out one page at a time.

    reportlab splits one long table page by page, each split re-measuring and re-styling
    all the rows left: time grows with the square of the rows (a minute for 19,000). So
    the rows are measured once and cut into one table per page, each with the header.
    """

    header: list[Any]
    rows: list[list[Any]]
    widths: list[float]
    style: list[tuple[Any, ...]]  # for every page's table
    row_style: Callable[[int, int], list[tuple[Any, ...]]]  # (index in rows, table row)

    def pages(self, first_room: float, room: float) -> list[tuple[int, int]]:
        """[start, end) of the rows on each page, the first page having ``first_room``."""
        measure = Table([self.header, *self.rows], colWidths=self.widths)
        measure.setStyle(TableStyle(self.style))
        measure.wrap(sum(self.widths), 10**7)
        header, *heights = measure._rowHeights
        pages: list[tuple[int, int]] = []
        start, used, available = 0, header, first_room
        for index, height in enumerate(heights):
            if used + height > available and index > start:
                pages.append((start, index))
                start, used, available = index, header, room
            used += height
        pages.append((start, len(self.rows)))
        return pages

    def flowables(
        self, first_room: float, room: float, cancelled: CancelCheck | None, steps: Steps
    ) -> list[Any]:
        """One table per page, page breaks between; each checks ``cancelled()`` and reports
        progress when it is laid out."""
        table_class = _stoppable(cancelled, steps)
        story: list[Any] = []
        for start, end in self.pages(first_room, room):
            if story:
                story.append(PageBreak())
            table = table_class(
                [self.header, *self.rows[start:end]],
                colWidths=self.widths,
                repeatRows=1,  # should a page overflow after all
                splitInRow=1,
            )
            table.remaining = len(self.rows) - end
            style = TableStyle(self.style)
            for index in range(start, end):
                for command in self.row_style(index, index - start + 1):
                    style.add(*command)
            table.setStyle(style)
            story.append(table)
        return story


def _stoppable(cancelled: CancelCheck | None, steps: Steps) -> type[Table]:
    class PageTable(Table):
        remaining = 0

        def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
            check(cancelled)
            steps.laid_out(self.remaining)
            size: tuple[float, float] = super().wrap(availWidth, availHeight)
            return size

    return PageTable


def plain_style(font: str, size: float) -> list[tuple[Any, ...]]:
    """Font and padding for plain-text cells (plain strings are laid out much faster
    than paragraphs: used wherever a cell never needs to wrap)."""
    return [
        ("FONTNAME", (0, 0), (-1, -1), font),
        ("FONTSIZE", (0, 0), (-1, -1), size),
        ("LEADING", (0, 0), (-1, -1), size + 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]


@cache
def _char_width(char: str, font: str, size: float) -> float:
    return float(stringWidth(char, font, size))


def _in_word(char: str) -> bool:
    return char.isascii() and (char.isalnum() or char in "._-/%+")


def _word_start(line: str) -> int:
    """Where the Latin word at the end of ``line`` starts; the whole line when the line is
    that one word (it is then broken inside the word)."""
    start = len(line)
    while start > 0 and _in_word(line[start - 1]):
        start -= 1
    return start if start > 0 else len(line)


def fit_lines(text: str, width: float, font: str, size: float) -> str:
    """``text`` broken into lines that fit ``width`` points, for a plain-text cell: Chinese
    between any two characters, Latin words at spaces where possible, no line starting
    with a closing punctuation mark. Much faster to lay out than a wrapped paragraph."""
    lines: list[str] = []
    for part in text.splitlines() or [""]:
        line, used = "", 0.0
        for char in part:
            advance = _char_width(char, font, size)
            if line and used + advance > width and char not in NO_LINE_START:
                cut = _word_start(line) if _in_word(char) else len(line)
                lines.append(line[:cut].rstrip())
                line = line[cut:].lstrip()
                used = sum(_char_width(c, font, size) for c in line)
                if not line and char == " ":
                    continue
            line += char
            used += advance
        lines.append(line)
    return "\n".join(lines)
