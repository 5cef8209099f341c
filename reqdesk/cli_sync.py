"""Branch sync from the command line (the same service calls as Tools → Sync):

reqdesk sync export -o FILE [--to SITE] --user NAME
reqdesk sync import FILE --user NAME
reqdesk sync conflicts --user NAME
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from reqdesk.i18n import translate

SUFFIX = ".reqsync"


def add_commands(commands: Any, *, add_user: Any, parser_class: type) -> None:
    sync = commands.add_parser(
        "sync", help=translate("Cli", "exchange records with other sites as package files")
    )
    what = sync.add_subparsers(dest="what", required=True, parser_class=parser_class)
    export = what.add_parser(
        "export", help=translate("Cli", "write what changed since the last package to that site")
    )
    add_user(export)
    export.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.reqsync")
    export.add_argument(
        "--to",
        metavar="SITE",
        default=None,
        help=translate("Cli", "the site it is for (default: any site)"),
    )
    importing = what.add_parser("import", help=translate("Cli", "apply another site's package"))
    add_user(importing)
    importing.add_argument("file", type=Path, metavar="FILE.reqsync")
    conflicts = what.add_parser(
        "conflicts", help=translate("Cli", "list the conflicts waiting for review")
    )
    add_user(conflicts)


def cmd_sync(args: argparse.Namespace) -> int:
    from reqdesk.cli import _open, _signed_in

    db = _open(args, create=False)
    try:
        ctx = _signed_in(args, db)
        if args.what == "export":
            return _export(ctx, args)
        if args.what == "import":
            return _import(ctx, args.file)
        return _conflicts(ctx)
    finally:
        db.dispose()


def _export(ctx: Any, args: argparse.Namespace) -> int:
    from reqdesk.services.sync.exporting import export_package

    path: Path = args.output
    if path.suffix.lower() != SUFFIX:
        path = path.with_name(path.name + SUFFIX)
    result = export_package(ctx, path, args.to)
    print(
        translate("Cli", "Package {sequence} for {site}: {n} records written to {file}.").format(
            sequence=result.sequence,
            site=result.target_site or translate("Cli", "any site"),
            n=result.records,
            file=result.path,
        )
    )
    return 0


def _import(ctx: Any, path: Path) -> int:
    from reqdesk.services.sync.importing import import_package

    summary = import_package(ctx, path)
    print(
        translate(
            "Cli",
            "Package {sequence} from {site}: new {new}, updated {updated}, conflicts "
            "{conflicts}, skipped {skipped}, deleted {deleted}.",
        ).format(
            sequence=summary.sequence,
            site=summary.source_site,
            new=summary.new,
            updated=summary.updated,
            conflicts=summary.conflicts,
            skipped=summary.skipped,
            deleted=summary.deleted,
        )
    )
    for problem in summary.problems:
        print(translate("Cli", "Left out: {problem}").format(problem=problem))
    if summary.conflicts:
        print(translate("Cli", "See the conflicts: reqdesk sync conflicts, or Tools → Sync."))
    return 0


def _conflicts(ctx: Any) -> int:
    from reqdesk import formatting
    from reqdesk.services.sync.conflicts import list_conflicts

    items = list_conflicts(ctx)
    for item in items:
        changed = formatting.list_text(name for name, _kept, _other in item.differences())
        print(
            translate(
                "Cli", "{when}  {table} {label}: kept {kept}, set aside {other} ({fields})"
            ).format(
                when=formatting.datetime_text(item.detected_at),
                table=item.table_name,
                label=item.label or item.record_uuid,
                kept=item.kept.site,
                other=item.other.site,
                fields=changed,
            )
        )
    print(translate("Cli", "{n} conflicts to review.").format(n=len(items)))
    return 0
