"""Administration commands: ``backup``, ``restore`` and ``user reset-password``.

    reqdesk backup  [--db DB] [-o FILE] [--list]
    reqdesk restore (FILE | --latest) [--db DB]
    reqdesk user reset-password NAME --user ADMIN    (new password: REQDESK_NEW_PASSWORD)

Backup and restore work on the file itself, like copying it, so they need no sign-in:
a damaged database cannot check anyone's password.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from reqdesk.i18n import translate

NEW_PASSWORD_ENV = "REQDESK_NEW_PASSWORD"


def add_commands(commands: Any, *, add_db: Any, add_user: Any, parser_class: type) -> None:
    backup = commands.add_parser(
        "backup", help=translate("Cli", "copy the database to a checked backup file")
    )
    add_db(backup)
    backup.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FILE",
        help=translate("Cli", "where to write it (default: the backups folder)"),
    )
    backup.add_argument(
        "--list", action="store_true", help=translate("Cli", "list the backups instead")
    )
    restore = commands.add_parser(
        "restore", help=translate("Cli", "put a backup back in place of the database")
    )
    add_db(restore)
    source = restore.add_mutually_exclusive_group(required=True)
    source.add_argument("file", nargs="?", type=Path, metavar="FILE")
    source.add_argument(
        "--latest", action="store_true", help=translate("Cli", "the newest good backup")
    )
    user = commands.add_parser("user", help=translate("Cli", "manage user accounts"))
    what = user.add_subparsers(dest="what", required=True, parser_class=parser_class)
    reset = what.add_parser(
        "reset-password",
        help=translate("Cli", "set a new password (the user must change it at next sign-in)"),
    )
    reset.add_argument("username", metavar="NAME")
    add_user(reset)


def _db_file(args: argparse.Namespace) -> Path:
    from reqdesk.cli import UsageError
    from reqdesk.db import resolve_url

    url = resolve_url(getattr(args, "db", None))
    if url.get_backend_name() != "sqlite" or not url.database:
        raise UsageError(
            translate(
                "Cli",
                "backup and restore work on SQLite files; back up PostgreSQL with pg_dump.",
            )
        )
    path = Path(url.database)
    if not path.is_file():
        raise UsageError(translate("Cli", "There is no database at {db}.").format(db=path))
    return path


def cmd_backup(args: argparse.Namespace) -> int:
    from reqdesk import backups

    db_file = _db_file(args)
    if args.list:
        return _list(db_file)
    target: Path | None = args.output
    now = datetime.now()
    if target is not None:
        target = target.expanduser()
        if target.is_dir():
            target = target / backups.backup_name(db_file, backups.BackupKind.MANUAL, now)
        elif target.exists():
            from reqdesk.cli import UsageError

            raise UsageError(
                translate("Cli", "{file} already exists. Choose another name.").format(file=target)
            )
    from reqdesk.services.backup_settings import chosen_folder_of

    made = backups.take_backup(db_file, target=target, now=now, folder=chosen_folder_of(db_file))
    print(
        translate("Cli", "Backed up {db} to {file} (integrity check ok).").format(
            db=db_file, file=made
        )
    )
    return 0


def _list(db_file: Path) -> int:
    from reqdesk import backups
    from reqdesk.services.backup_settings import startup_folders

    found = backups.list_backups_in(db_file, startup_folders(db_file).folders)
    if not found:
        print(translate("Cli", "No backups of {db} yet.").format(db=db_file))
        return 0
    for backup in found:
        size = f"{backup.size / 1e6:9.1f} MB"
        kind = translate("Backups", backups.KIND_LABELS.get(backup.kind, backup.kind))
        print(f"{backup.taken_at:%Y-%m-%d %H:%M:%S}  {size}  {kind}  {backup.path}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from reqdesk import backups
    from reqdesk.services.backups import restore_database

    db_file = _db_file(args) if not args.latest else _db_file_or_missing(args)
    source: Path
    if args.latest:
        from reqdesk.services.backup_settings import startup_folders

        latest = backups.latest_good_backup(db_file, startup_folders(db_file).folders)
        if latest is None:
            from reqdesk.cli import UsageError

            raise UsageError(
                translate("Cli", "There is no good backup of {db}.").format(db=db_file)
            )
        source = latest.path
    else:
        source = args.file.expanduser()
    restored = restore_database(db_file, source, now=datetime.now(), by="command line")
    print(translate("Cli", "Restored {db} from {file}.").format(db=db_file, file=source))
    if restored.safety_copy is not None:
        print(
            translate("Cli", "The database as it was is kept as {file}.").format(
                file=restored.safety_copy
            )
        )
    return 0


def _db_file_or_missing(args: argparse.Namespace) -> Path:
    """``restore --latest`` also works when the database file itself is gone."""
    from reqdesk.db import resolve_url

    url = resolve_url(getattr(args, "db", None))
    if url.get_backend_name() != "sqlite" or not url.database:
        return _db_file(args)
    return Path(url.database)


def cmd_user(args: argparse.Namespace) -> int:
    from reqdesk.cli import UsageError, _open, _signed_in
    from reqdesk.services.users import find_user_id, reset_password

    db = _open(args, create=False)
    try:
        ctx = _signed_in(args, db)
        user_id = find_user_id(ctx, args.username)
        if user_id is None:
            raise UsageError(
                translate("Cli", "There is no user {name}.").format(name=args.username)
            )
        reset_password(ctx, user_id, _new_password(args.username))
    finally:
        db.dispose()
    print(
        translate(
            "Cli", "The password of {name} was reset; they must choose a new one at next sign-in."
        ).format(name=args.username)
    )
    return 0


def _new_password(username: str) -> str:
    from reqdesk.cli import UsageError

    password = os.environ.get(NEW_PASSWORD_ENV)
    if password is not None:
        return password
    if sys.stdin is None or not sys.stdin.isatty():
        raise UsageError(
            translate("Cli", "Set REQDESK_NEW_PASSWORD or run in a terminal to type it.")
        )
    first = getpass.getpass(translate("Cli", "New password for {user}: ").format(user=username))
    again = getpass.getpass(translate("Cli", "Type it again: "))
    if first != again:
        raise UsageError(translate("Cli", "The two passwords differ. Nothing was changed."))
    return first
