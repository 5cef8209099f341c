"""Logo pictures for tests, drawn with Pillow: PNG with transparency, JPEG, and files that
only pretend to be pictures."""

from __future__ import annotations

import io

from PIL import Image, ImageDraw


def png_logo(width: int = 600, height: int = 200) -> bytes:
    """A navy disc and a red bar on a transparent background."""
    picture = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    draw = ImageDraw.Draw(picture)
    draw.ellipse((0, 0, height - 1, height - 1), fill=(31, 58, 95, 255))
    if width > height + 40:
        bar = (height + 20, height // 3, width - 10, 2 * height // 3)
        draw.rectangle(bar, fill=(200, 30, 30, 255))
    out = io.BytesIO()
    picture.save(out, "PNG")
    return out.getvalue()


def jpeg_logo(width: int = 300, height: int = 300) -> bytes:
    picture = Image.new("RGB", (width, height), (240, 240, 240))
    ImageDraw.Draw(picture).rectangle((40, 40, width - 40, height - 40), fill=(20, 90, 40))
    out = io.BytesIO()
    picture.save(out, "JPEG", quality=85)
    return out.getvalue()


def gif_picture() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 64), (255, 0, 0)).save(out, "GIF")
    return out.getvalue()
