"""Where reqdesk keeps its data, logs and resources."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from reqdesk import APP_NAME

DATA_DIR_ENV = "REQDESK_DATA_DIR"
DB_FILE_NAME = "reqdesk.db"


def data_dir() -> Path:
    """The folder holding the database, backups and logs.

    ``REQDESK_DATA_DIR`` overrides it; otherwise the platform's user data folder
    (``%LOCALAPPDATA%\\reqdesk`` on Windows, ``~/.local/share/reqdesk`` on Linux).
    """
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    return data_dir() / DB_FILE_NAME


def backups_dir(db_file: Path) -> Path:
    """Backups live in ``backups/`` beside the database file."""
    return db_file.parent / "backups"


def logs_dir() -> Path:
    return data_dir() / "logs"


def resources_dir() -> Path:
    """The ``resources/`` folder: fonts, icons, translations."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    try:
        import reqdesk.resources as package
    except ImportError:  # running from a plain checkout without installing
        return Path(__file__).resolve().parent.parent / "resources"
    return Path(next(iter(package.__path__)))
