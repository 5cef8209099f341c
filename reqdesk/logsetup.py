"""Logging: a rotating file in the data folder, and warnings on stderr when there is one.

The windowed build has no stdout/stderr (they are None), so nothing here assumes them;
there, Python's warnings go to the log file instead of being lost.
"""

from __future__ import annotations

import logging
import os
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

from reqdesk import paths

LOG_FILE_NAME = "reqdesk.log"
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def log_file() -> Path:
    return paths.logs_dir() / LOG_FILE_NAME


def configure_logging() -> Path | None:
    """Set up logging once; returns the log file, or None if it cannot be written."""
    root = logging.getLogger()
    if getattr(configure_logging, "done", False):
        return log_file()
    configure_logging.done = True  # type: ignore[attr-defined]
    root.setLevel(logging.DEBUG if os.environ.get("REQDESK_DEBUG") else logging.INFO)
    if sys.stderr is not None:
        console = logging.StreamHandler(sys.stderr)
        console.setLevel(logging.DEBUG if os.environ.get("REQDESK_DEBUG") else logging.WARNING)
        console.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        root.addHandler(console)
    else:
        logging.captureWarnings(True)
    path = log_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(FORMAT))
    root.addHandler(handler)
    return path
