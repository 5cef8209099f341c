"""Settings this PC keeps for itself, needed before any database is open: the language
and the database to open. Also remembered per database: the folder its backups last went
to, for the start-up dialog when the database itself cannot be read.

Kept in the INI file in the data folder (:func:`reqdesk.paths.settings_file`) through
``QSettings``, beside the window layout; a portable installation carries it along.
Values that make no sense (edited by hand) are ignored.
"""

from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path

from PySide6.QtCore import QSettings

from reqdesk import paths
from reqdesk.i18n import LANGUAGES
from reqdesk.services.errors import ReqdeskError
from reqdesk.textmarks import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

LANGUAGE_KEY = "preferences/language"
DATABASE_KEY = "preferences/database"
BACKUP_FOLDER_GROUP = "backup_folders"
DB_ENV = "REQDESK_DB"


class LocalSettingsError(ReqdeskError):
    """The settings file cannot be written."""


def store() -> QSettings:
    return QSettings(str(paths.settings_file()), QSettings.Format.IniFormat)


def _text(key: str) -> str | None:
    value = store().value(key)
    return value.strip() if isinstance(value, str) and value.strip() else None


def _write(key: str, value: str | None) -> None:
    settings = store()
    if not settings.isWritable():
        raise _not_writable()
    if value is None:
        settings.remove(key)
    else:
        settings.setValue(key, value)
    settings.sync()
    if settings.status() != QSettings.Status.NoError:
        raise _not_writable()


def _not_writable() -> LocalSettingsError:
    return LocalSettingsError(
        QT_TRANSLATE_NOOP("Errors", "The settings file {file} cannot be written."),
        file=str(paths.settings_file()),
    )


def check_writable() -> None:
    """Refuse before anything is recorded when the settings file cannot be written."""
    if not store().isWritable():
        raise _not_writable()


def language() -> str | None:
    """The language chosen on this PC (None: none chosen, or not one reqdesk has)."""
    chosen = _text(LANGUAGE_KEY)
    if chosen is not None and chosen not in LANGUAGES:
        log.warning("Ignoring the unknown language %r in %s", chosen, paths.settings_file())
        return None
    return chosen


def set_language(value: str | None) -> None:
    _write(LANGUAGE_KEY, value)


def database() -> str | None:
    """The database this PC opens (a file path or an address; None: the default file)."""
    return _text(DATABASE_KEY)


def set_database(value: str | None) -> None:
    _write(DATABASE_KEY, value)


def choose_database(requested: str | None) -> str | None:
    """``--db`` (as given, even empty: the command line reports that), else ``REQDESK_DB``,
    else this PC's setting; None: the default file."""
    if requested is not None:
        return requested
    for candidate in (os.environ.get(DB_ENV), database()):
        if candidate and candidate.strip():
            return candidate.strip()
    return None


def database_source(requested: str | None) -> str:
    """Which of them chose the database: "option", "environment", "setting" or "default"."""
    if requested is not None:
        return "option"
    if (os.environ.get(DB_ENV) or "").strip():
        return "environment"
    return "setting" if database() else "default"


def _folder_key(db_file: Path) -> str:
    digest = hashlib.sha256(str(Path(os.path.abspath(db_file))).encode("utf-8")).hexdigest()
    return f"{BACKUP_FOLDER_GROUP}/{digest[:16]}"


def remembered_backup_folder(db_file: Path) -> Path | None:
    value = _text(_folder_key(db_file))
    return Path(value) if value else None


def remember_backup_folder(db_file: Path, folder: Path) -> None:
    """Best effort: a file that cannot be written only loses this hint."""
    try:
        _write(_folder_key(db_file), str(folder))
    except LocalSettingsError as error:
        log.warning("%s", error)
