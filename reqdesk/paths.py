"""Where reqdesk keeps its data, logs and resources."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from reqdesk import APP_NAME

DATA_DIR_ENV = "REQDESK_DATA_DIR"
DB_FILE_NAME = "reqdesk.db"


PORTABLE_MARKER = "portable"


def data_dir() -> Path:
    """The folder holding the database, backups, logs and window settings.

    ``REQDESK_DATA_DIR`` overrides it; then a portable installation keeps it beside the
    program (:func:`portable_data_dir`); otherwise the platform's user data folder
    (``%LOCALAPPDATA%\\reqdesk`` on Windows, ``~/.local/share/reqdesk`` on Linux).
    """
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override).expanduser()
    portable = portable_data_dir(program_dir())
    if portable is not None:
        return portable
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def program_dir() -> Path | None:
    """The folder of the built program (``reqdesk.exe``); None when run from source."""
    if not getattr(sys, "frozen", False):
        return None
    return Path(sys.executable).resolve().parent


def portable_data_dir(program: Path | None) -> Path | None:
    """``data/`` beside the program when a file named ``portable`` lies next to it: for
    branch PCs without administrator rights, or a program on a USB disk."""
    if program is None or not (program / PORTABLE_MARKER).is_file():
        return None
    return program / "data"


def settings_file() -> Path:
    """Window sizes, column layouts, the last tab: an INI file in the data folder."""
    return data_dir() / "reqdesk.ini"


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


# File systems on which SQLite's locking cannot be trusted (https://sqlite.org/useovernet.html).
NETWORK_FILESYSTEMS = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb3",
        "smbfs",
        "9p",
        "afs",
        "ceph",
        "glusterfs",
        "davfs",
        "fuse.sshfs",
        "fuse.davfs2",
        "fuse.rclone",
        "fuse.s3fs",
        "lustre",
        "ncpfs",
    }
)


def network_filesystem(path: Path, mounts: str | None = None) -> str | None:
    """The kind of network share ``path`` is on, or None for a local disk.

    Windows: a UNC path (``\\\\server\\share``) or a drive Windows reports as remote.
    Elsewhere: the file system type of the longest mount point above ``path``
    (``mounts`` is the text of ``/proc/self/mounts``, given by tests).
    """
    text = str(path)
    if text.startswith(("\\\\?\\UNC\\", "//?/UNC/")):
        return "UNC"
    if text.startswith(("\\\\?\\", "//?/")):  # an extended-length local path
        text = text[4:]
    elif text.startswith(("\\\\", "//")):
        return "UNC"
    if sys.platform == "win32":
        return _windows_remote_drive(Path(text))
    if mounts is None:
        try:
            mounts = Path("/proc/self/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
    resolved = Path(os.path.abspath(text))
    best, best_type = "", ""
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = fields[1].replace("\\040", " ")
        inside = resolved == Path(point) or Path(point) in resolved.parents
        if inside and len(point) > len(best):
            best, best_type = point, fields[2]
    return best_type if best_type in NETWORK_FILESYSTEMS else None


def _windows_remote_drive(path: Path) -> str | None:
    import ctypes

    drive = Path(os.path.abspath(path)).drive
    if not drive:
        return None
    drive_remote = 4
    kind = ctypes.windll.kernel32.GetDriveTypeW(f"{drive}\\")  # type: ignore[attr-defined]
    return "network drive" if kind == drive_remote else None
