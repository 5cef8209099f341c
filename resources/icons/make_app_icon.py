"""Draw the reqdesk application icon: a blue clipboard holding a sheet with a check mark.

Writes reqdesk.png (256 px, window icon) and reqdesk.ico (16-256 px, the Windows program
icon) beside this script. Run it again after changing the design:

    .venv/bin/python resources/icons/make_app_icon.py
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

HERE = Path(__file__).resolve().parent
CANVAS = 1024  # drawn large, then scaled down for smooth edges
ICO_SIZES = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]

BOARD = (29, 99, 196, 255)  # clipboard blue
BOARD_EDGE = (17, 66, 140, 255)
SHEET = (255, 255, 255, 255)
CLIP = (214, 222, 235, 255)
CLIP_EDGE = (90, 104, 128, 255)
CHECK = (34, 150, 83, 255)


def draw(size: int = CANVAS) -> Image.Image:
    """The icon at ``size`` pixels square (transparent background)."""
    s = size / CANVAS
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)

    def box(x0: float, y0: float, x1: float, y1: float) -> tuple[float, float, float, float]:
        return (x0 * s, y0 * s, x1 * s, y1 * s)

    pen.rounded_rectangle(
        box(150, 120, 874, 980), radius=90 * s, fill=BOARD, outline=BOARD_EDGE, width=int(24 * s)
    )
    pen.rounded_rectangle(box(230, 230, 794, 900), radius=36 * s, fill=SHEET)
    pen.rounded_rectangle(
        box(350, 60, 674, 250), radius=60 * s, fill=CLIP, outline=CLIP_EDGE, width=int(20 * s)
    )
    pen.ellipse(box(472, 100, 552, 180), fill=CLIP_EDGE)
    for top in (330, 420):  # two text lines above the check mark
        pen.rounded_rectangle(box(300, top, 724, top + 40), radius=20 * s, fill=CLIP)
    pen.line(
        [(330 * s, 680 * s), (460 * s, 800 * s), (720 * s, 520 * s)],
        fill=CHECK,
        width=int(96 * s),
        joint="curve",
    )
    return image


def main() -> None:
    big = draw()
    big.resize((256, 256), Image.Resampling.LANCZOS).save(HERE / "reqdesk.png", optimize=True)
    big.save(HERE / "reqdesk.ico", sizes=ICO_SIZES)
    print(f"Wrote {HERE / 'reqdesk.png'} and {HERE / 'reqdesk.ico'}")


if __name__ == "__main__":
    main()
