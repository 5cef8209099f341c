"""The sites this one exchanges packages with."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from reqdesk.models import SyncPeer
from reqdesk.services.context import Context
from reqdesk.services.errors import ValidationError
from reqdesk.services.permissions import Permission, require
from reqdesk.services.settings import SITE_CODE_PATTERN
from reqdesk.textmarks import QT_TRANSLATE_NOOP


def peer_key(ctx: Context, site: str | None) -> str:
    """The peer's site code, upper-cased; ``""`` for a package meant for any site."""
    code = (site or "").strip().upper()
    if not code:
        return ""
    if not SITE_CODE_PATTERN.match(code):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Errors", "“{site}” is not a site code: 2 to 8 capital letters or digits."
            ),
            site=site,
        )
    if code == ctx.site_code:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "{site} is this site's own code; name the other site."),
            site=code,
        )
    return code


@dataclass(frozen=True)
class PeerInfo:
    site_code: str  # "" for packages meant for any site
    exports: int
    last_export_at: datetime | None
    imports: int
    last_import_at: datetime | None
    last_import_sequence: int | None


def list_peers(ctx: Context) -> list[PeerInfo]:
    require(ctx.actor, Permission.SYNC)
    with ctx.reading() as session:
        return [
            PeerInfo(
                p.site_code,
                p.exports,
                p.last_export_at,
                p.imports,
                p.last_import_at,
                p.last_import_sequence,
            )
            for p in session.scalars(select(SyncPeer).order_by(SyncPeer.site_code))
        ]
