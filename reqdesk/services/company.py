"""Tools → Settings → Company: the name and logo printed on every form, and the site code.

A logo is checked by decoding it (never by its file name), made no larger than needed
for print, and stored in the settings table. The site code is shown but never changed:
it starts every record number, and records already numbered and sent to head office
must keep theirs.
"""

from __future__ import annotations

import base64
import hashlib
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import Image, ImageOps, UnidentifiedImageError

from reqdesk.services import settings
from reqdesk.services.audit import Action
from reqdesk.services.context import Context
from reqdesk.services.errors import ValidationError
from reqdesk.services.permissions import Permission, require
from reqdesk.textmarks import QT_TRANSLATE_NOOP

MAX_LOGO_BYTES = 1024 * 1024
MAX_LOGO_PIXELS = 4000  # per side, checked before decoding (no decompression bombs)
MIN_LOGO_PIXELS = 16
STORED_LOGO_PIXELS = 800  # the longer side as stored: ample for a header at 300 dpi
FORMATS = {"PNG": "image/png", "JPEG": "image/jpeg"}


@dataclass(frozen=True)
class Logo:
    """A checked logo as stored: PNG or JPEG bytes and its size in pixels."""

    data: bytes
    format: str
    width: int
    height: int

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    def summary(self) -> dict[str, Any]:
        """What the audit log records of a logo (the picture itself is not copied there)."""
        return {
            "format": self.format,
            "width": self.width,
            "height": self.height,
            "sha256": self.sha256,
        }


@dataclass(frozen=True)
class CompanyInfo:
    company_name: str
    site_code: str
    logo: Logo | None


def get_company(ctx: Context) -> CompanyInfo:
    with ctx.reading() as session:
        name = settings.company_name(session)
        logo = _stored_logo(settings.read_setting(session, settings.Key.COMPANY_LOGO))
    return CompanyInfo(name, ctx.site_code, logo)


def read_logo_file(path: Path) -> Logo:
    """Read and check a logo the user chose (refused before reading a file too large)."""
    try:
        size = path.stat().st_size
        if size > MAX_LOGO_BYTES:
            raise _too_large(size)
        data = path.read_bytes()
    except OSError as exc:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Cannot read {file}: {reason}"),
            field="logo",
            file=str(path),
            reason=exc.strerror or str(exc),
        ) from None
    return check_logo(data)


def check_logo(data: bytes) -> Logo:
    """Decode ``data`` as a PNG or JPEG picture of sensible size; returns it as stored
    (scaled down to :data:`STORED_LOGO_PIXELS`, metadata dropped)."""
    if len(data) > MAX_LOGO_BYTES:
        raise _too_large(len(data))
    try:
        with Image.open(io.BytesIO(data)) as probe:
            kind = probe.format or ""
            width, height = probe.size
            if kind not in FORMATS:
                raise _not_a_picture()
            _check_pixels(width, height)
            probe.load()
            picture = ImageOps.exif_transpose(probe) if kind == "JPEG" else probe.copy()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise _not_a_picture() from None
    return _normalised(picture, kind)


def _check_pixels(width: int, height: int) -> None:
    if min(width, height) < MIN_LOGO_PIXELS or max(width, height) > MAX_LOGO_PIXELS:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The picture is {width} × {height} pixels. A logo needs {low} to {high} pixels "
                "on each side.",
            ),
            field="logo",
            width=width,
            height=height,
            low=MIN_LOGO_PIXELS,
            high=MAX_LOGO_PIXELS,
        )


def _normalised(picture: Image.Image, kind: str) -> Logo:
    picture.thumbnail((STORED_LOGO_PIXELS, STORED_LOGO_PIXELS))
    out = io.BytesIO()
    if kind == "JPEG":
        picture.convert("RGB").save(out, "JPEG", quality=90)
    else:
        transparent = picture.mode in ("RGBA", "LA", "PA") or "transparency" in picture.info
        picture.convert("RGBA" if transparent else "RGB").save(out, "PNG", optimize=True)
    return Logo(out.getvalue(), kind, picture.width, picture.height)


def _too_large(size: int) -> ValidationError:
    return ValidationError(
        QT_TRANSLATE_NOOP(
            "Errors", "The picture has {size} KB. Choose a logo file of at most {limit} KB."
        ),
        field="logo",
        size=(size + 1023) // 1024,
        limit=MAX_LOGO_BYTES // 1024,
    )


def _not_a_picture() -> ValidationError:
    return ValidationError(
        QT_TRANSLATE_NOOP("Errors", "This file is not a PNG or JPEG picture reqdesk can read."),
        field="logo",
    )


def save_company(ctx: Context, *, company_name: str, logo: bytes | None) -> bool:
    """The administrator saves the company's name and logo (None: no logo). Audited with
    the old and new values; returns False when nothing changed."""
    require(ctx.actor, Permission.MANAGE_SETTINGS)
    name = settings.normalise_company_name(company_name)
    checked = None if logo is None else check_logo(logo)
    with ctx.unit_of_work() as uow:
        session = uow.session
        old_name = settings.company_name(session)
        old_logo = _stored_logo(settings.read_setting(session, settings.Key.COMPANY_LOGO))
        details: dict[str, Any] = {}
        if name != old_name:
            settings.write_setting(session, settings.Key.COMPANY_NAME, name)
            details["company_name"] = {"before": old_name, "after": name}
        if _logo_changed(old_logo, logo):
            if checked is None:
                settings.delete_setting(session, settings.Key.COMPANY_LOGO)
            else:
                settings.write_setting(session, settings.Key.COMPANY_LOGO, _stored(checked))
            details["logo"] = {
                "before": old_logo.summary() if old_logo else None,
                "after": checked.summary() if checked else None,
            }
        if not details:
            return False
        uow.audit(Action.UPDATE, entity_type="setting", details=details)
        uow.commit()
    return True


def _logo_changed(stored: Logo | None, given: bytes | None) -> bool:
    """The page hands back the stored logo's bytes when the user kept it: no change (a
    JPEG re-encoded would differ from the stored bytes every time)."""
    if stored is None or given is None:
        return (stored is None) != (given is None)
    return stored.data != given


def _stored(logo: Logo) -> dict[str, Any]:
    return {
        "format": logo.format,
        "width": logo.width,
        "height": logo.height,
        "data": base64.b64encode(logo.data).decode("ascii"),
    }


def _stored_logo(value: dict[str, Any] | None) -> Logo | None:
    if not value:
        return None
    return Logo(
        base64.b64decode(value["data"]), value["format"], int(value["width"]), int(value["height"])
    )
