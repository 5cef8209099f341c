"""One icon set for tabs, menus and buttons: Material Design Icons through qtawesome.

The icons are font glyphs, so they stay sharp at any screen scaling (high-DPI) and
take the palette's text colour. Names are looked up here only, so the set can change
in one place.
"""

from __future__ import annotations

import os
from functools import cache

from PySide6.QtGui import QIcon

os.environ.setdefault("QT_API", "pyside6")  # qtawesome (QtPy) must use PySide6

NAMES = {
    "customers": "mdi6.account-box-multiple",
    "registration": "mdi6.clipboard-edit-outline",
    "reviews": "mdi6.file-sign",
    "ledger": "mdi6.table-large",
    "new": "mdi6.plus-circle-outline",
    "save": "mdi6.content-save",
    "print": "mdi6.printer",
    "export": "mdi6.microsoft-excel",
    "refresh": "mdi6.refresh",
    "find": "mdi6.magnify",
    "settings": "mdi6.cog",
    "backups": "mdi6.backup-restore",
    "check": "mdi6.database-check",
    "exit": "mdi6.exit-to-app",
    "about": "mdi6.information-outline",
    "overdue": "mdi6.alert-circle",
    "due_today": "mdi6.calendar-today",
    "sign_off": "mdi6.account-clock",
    "return_visit": "mdi6.phone-return",
    "pdf": "mdi6.file-pdf-box",
    "calendar": "mdi6.calendar-month",
    "users": "mdi6.account-multiple",
    "departments": "mdi6.office-building",
    "language": "mdi6.translate",
    "database": "mdi6.database",
    "sla": "mdi6.clock-outline",
    "company": "mdi6.domain",
    "rules": "mdi6.scale-balance",
    "previous": "mdi6.chevron-left",
    "next": "mdi6.chevron-right",
    "zoom_in": "mdi6.magnify-plus-outline",
    "zoom_out": "mdi6.magnify-minus-outline",
    "fit_width": "mdi6.arrow-expand-horizontal",
    "fit_page": "mdi6.fit-to-page-outline",
    "sync": "mdi6.sync",
    "sync_export": "mdi6.package-up",
    "sync_import": "mdi6.package-down",
    "sync_conflicts": "mdi6.sync-alert",
    "reviewed": "mdi6.check-circle-outline",
}


@cache
def icon(name: str) -> QIcon:
    """The icon for ``name`` (a key of :data:`NAMES`); needs a running QApplication."""
    import qtawesome

    return qtawesome.icon(NAMES[name])
