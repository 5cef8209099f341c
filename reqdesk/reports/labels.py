"""The program's own words in a form's cells (labels, tick-box lines), wrapped as their
language wraps.

The shared cell style wraps anywhere (Chinese has no spaces), which breaks English
words mid-word in a narrow label column ("Special requirem-ent"); English labels wrap
between words instead, and a word too long for the cell is still split.
"""

from __future__ import annotations

from functools import cache

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from reqdesk.formatting import english
from reqdesk.reports.pdf import para, styles


@cache
def _label_style(by_words: bool) -> ParagraphStyle:
    cell = styles().cell
    if not by_words:
        return cell
    return ParagraphStyle("label", parent=cell, wordWrap=None, splitLongWords=True)


def label_style() -> ParagraphStyle:
    return _label_style(english())


def label_cell(text: str) -> Paragraph:
    """A cell of the program's own text: English wraps between words, Chinese anywhere."""
    return para(text, label_style())
