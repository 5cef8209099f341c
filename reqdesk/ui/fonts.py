"""Fonts: the bundled CJK font is registered and used wherever the system lacks Chinese glyphs."""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from reqdesk import paths

log = logging.getLogger(__name__)

BUNDLED_CJK_FONT = "wqy-microhei.ttc"


def install_fonts(app: QApplication) -> str | None:
    """Register the bundled font and add it as a fallback family; returns its family name."""
    font_file = paths.resources_dir() / "fonts" / BUNDLED_CJK_FONT
    font_id = QFontDatabase.addApplicationFont(str(font_file))
    if font_id < 0:
        log.warning("Could not load %s; Chinese text relies on system fonts", font_file)
        return None
    family = QFontDatabase.applicationFontFamilies(font_id)[0]
    font = QFont(app.font())
    families = [f for f in font.families() if f != family] or [font.family()]
    font.setFamilies([*families, family])
    app.setFont(font)
    return family
