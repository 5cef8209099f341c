"""Writing report files safely, and saying clearly why a file cannot be written."""

from __future__ import annotations

import errno
import os
from contextlib import suppress
from pathlib import Path

from reqdesk.services.errors import ReqdeskError
from reqdesk.textmarks import QT_TRANSLATE_NOOP


class ExportFileError(ReqdeskError):
    """A file cannot be written where the user asked; the message says why."""


def file_error(error: OSError, path: Path) -> ExportFileError:
    """An operating system's refusal as one clear, translatable sentence."""
    code = error.errno
    if code in (errno.ENOENT, errno.ENOTDIR):
        return ExportFileError(
            QT_TRANSLATE_NOOP("Errors", "There is no folder {folder}. Choose an existing folder."),
            folder=str(path.parent),
        )
    if code == errno.EISDIR:
        return folder_error(path)
    if code in (errno.EACCES, errno.EPERM, errno.EROFS, errno.EBUSY):
        return ExportFileError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "{file} cannot be written: the folder is read-only, or the file is open in "
                "another program. Close it there, or choose another place.",
            ),
            file=str(path),
        )
    if code == errno.ENOSPC:
        return ExportFileError(
            QT_TRANSLATE_NOOP("Errors", "There is not enough space on the disk for {file}."),
            file=str(path),
        )
    return ExportFileError(
        QT_TRANSLATE_NOOP("Errors", "{file} cannot be written: {reason}."),
        file=str(path),
        reason=error.strerror or str(error),
    )


def folder_error(path: Path) -> ExportFileError:
    return ExportFileError(
        QT_TRANSLATE_NOOP("Errors", "{file} is a folder. Give the name of a file to write."),
        file=str(path),
    )


def write_atomically(path: Path, data: bytes) -> None:
    """Write beside the target and rename, so a failure never leaves half a file.

    The folder must exist (a mistyped one is not created); a path that cannot be
    written raises :class:`ExportFileError` naming the file or folder.
    """
    if path.is_dir():
        raise folder_error(path)
    partial = path.with_name(f".{path.name}.partial")
    try:
        partial.write_bytes(data)
        os.replace(partial, path)
    except OSError as exc:  # name the file the user asked for, not the temporary one
        raise file_error(exc, path) from None
    finally:
        with suppress(OSError):  # e.g. the "folder" is a file: nothing was made
            partial.unlink(missing_ok=True)
