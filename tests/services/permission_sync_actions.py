"""The catalogue of branch-sync actions: packages out and in, peers, the conflict list."""

from __future__ import annotations

import json

from reqdesk.models import SyncConflict
from reqdesk.services.audit import Action as Audit
from reqdesk.services.permissions import Permission as P
from reqdesk.services.sync.conflicts import count_open_conflicts, list_conflicts, mark_reviewed
from reqdesk.services.sync.exporting import export_package
from reqdesk.services.sync.importing import import_package, preview_package
from reqdesk.services.sync.package import Manifest, write_package
from reqdesk.services.sync.peers import list_peers
from tests.services.permission_world import Action, World


def package_from_branch(w: World) -> object:
    """An (empty) package another site sent here."""
    path = w.file("BJ-to-HQ.reqsync")
    manifest = Manifest(
        source_site="BJ",
        target_site=None,
        sequence=1,
        created_at="2026-11-19T02:00:00+00:00",
        since=None,
        until="2026-11-19T02:00:00+00:00",
        program="0.1.0",
    )
    write_package(path, manifest, [])
    return path


def exported_once(w: World) -> None:
    export_package(w.as_("zhuguan"), w.file("to-SZ.reqsync"), "SZ")


def conflict(w: World) -> int:
    version = json.dumps({"vector": {}, "updated_at": "2026-11-19T02:00:00+00:00", "data": {}})
    with w.base.unit_of_work() as uow:
        row = SyncConflict(
            table_name="customer",
            record_uuid="00000000-0000-4000-8000-000000000001",
            label="示例",
            reason="changed_twice",
            home_site="BJ",
            peer_site="BJ",
            detected_at=w.clock(),
            kept_from="BJ",
            kept=version,
            other_from="HQ",
            other=version,
            review_note="",
        )
        uow.session.add(row)
        uow.session.flush()
        conflict_id = row.id
        uow.commit()
    return conflict_id


SYNC: list[Action] = [
    Action(
        "export_package",
        export_package,
        P.SYNC,
        lambda ctx, w, s: export_package(ctx, w.file("to-BJ.reqsync"), "BJ"),
        audit=Audit.EXPORT,
    ),
    Action(
        "import_package",
        import_package,
        P.SYNC,
        lambda ctx, w, s: import_package(ctx, s),
        package_from_branch,
        audit=Audit.IMPORT,
    ),
    Action(
        "preview_package",
        preview_package,
        P.SYNC,
        lambda ctx, w, s: preview_package(ctx, s),
        package_from_branch,
        expect=lambda w, s, r: r.source_site == "BJ",
    ),
    Action(
        "list_peers",
        list_peers,
        P.SYNC,
        lambda ctx, w, s: list_peers(ctx),
        exported_once,
        expect=lambda w, s, r: [p.site_code for p in r] == ["SZ"],
    ),
    Action(
        "list_conflicts",
        list_conflicts,
        P.SYNC,
        lambda ctx, w, s: list_conflicts(ctx),
        conflict,
        expect=lambda w, s, r: [c.id for c in r] == [s],
    ),
    Action(
        "count_open_conflicts",
        count_open_conflicts,
        P.SYNC,
        lambda ctx, w, s: count_open_conflicts(ctx),
        conflict,
        expect=lambda w, s, r: r == 1,
    ),
    Action(
        "mark_reviewed",
        mark_reviewed,
        P.SYNC,
        lambda ctx, w, s: mark_reviewed(ctx, s, "已核对"),
        conflict,
        audit=Audit.UPDATE,
    ),
]
