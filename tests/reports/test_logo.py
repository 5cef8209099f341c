"""The company logo in the header of printed forms: drawn on every page, embedded once,
visible where the header is; left out (never fatal) when it cannot be read."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm
from sqlalchemy import func, select

from reqdesk import i18n
from reqdesk.models import Customer, Requirement, Review
from reqdesk.reports import pdf
from reqdesk.reports.monthly_report import write_monthly_report
from reqdesk.reports.weekly_ledger import write_weekly_ledger
from reqdesk.services.company import save_company
from reqdesk.services.context import Context
from reqdesk.services.customers.card import print_customer_card
from reqdesk.services.requirements.printing import (
    FORM_LIAISON,
    FORM_REGISTRATION,
    print_requirement_form,
)
from reqdesk.services.reviews.printing import print_review_record
from tests.helpers import signed_in
from tests.logo_pictures import png_logo

NAVY = (31, 58, 95)
SCALE = 4  # rendering at 288 dpi


def logo_images(path: Path) -> list[list[tuple[int, tuple[int, int]]]]:
    """Per page: (object number, pixel size) of each picture drawn on it."""
    pages = []
    for page in PdfReader(path).pages:
        objects = page["/Resources"].get("/XObject") or {}
        pages.append(
            [
                (ref.idnum, (obj["/Width"], obj["/Height"]))
                for ref in objects.values()
                if (obj := ref.get_object()).get("/Subtype") == "/Image"
            ]
        )
    return pages


def pixel_at(path: Path, x_mm: float, y_mm_from_top: float) -> tuple[int, int, int]:
    """The colour of page 1 at a point measured from its top-left corner."""
    document = pdfium.PdfDocument(path)
    try:
        image = document[0].render(scale=SCALE).to_pil().convert("RGB")
    finally:
        document.close()
    to_px = SCALE * 72 / 25.4
    return image.getpixel((round(x_mm * to_px), round(y_mm_from_top * to_px)))  # type: ignore[return-value]


def near(colour: tuple[int, int, int], wanted: tuple[int, int, int]) -> bool:
    return all(abs(a - b) <= 24 for a, b in zip(colour, wanted, strict=True))


def frame(logo: bytes | None) -> pdf.PageFrame:
    return pdf.PageFrame(
        "测试精密机械有限公司",
        "客户服务信息登记表",
        "李静",
        datetime(2026, 11, 20, 10, 0),
        i18n.translate,
        logo,
    )


def long_story() -> list[object]:
    return [pdf.para("需求说明 " * 60) for _ in range(40)]


def test_the_logo_heads_every_page_and_is_embedded_once(tmp_path: Path) -> None:
    path = pdf.build(tmp_path / "form.pdf", long_story(), frame(png_logo()))
    pages = logo_images(path)
    assert len(pages) >= 3
    assert all(len(images) == 1 for images in pages)
    assert {images[0] for images in pages} == {pages[0][0]}  # one object, drawn on each page
    assert pages[0][0][1] == (600, 200)
    # The navy disc sits at the left of the header: 6.5 mm high, its bottom 12 mm down.
    assert near(pixel_at(path, 15 + 3.25, 12 - 3.25), NAVY)
    assert near(pixel_at(path, 15 + 3.25, 3), (255, 255, 255))  # the page's top margin


def test_without_a_logo_the_header_has_no_picture(tmp_path: Path) -> None:
    path = pdf.build(tmp_path / "form.pdf", long_story(), frame(None))
    assert all(images == [] for images in logo_images(path))
    assert near(pixel_at(path, 15 + 3.25, 12 - 3.25), (255, 255, 255))


def test_a_logo_that_cannot_be_read_never_stops_the_print(tmp_path: Path) -> None:
    path = pdf.build(tmp_path / "form.pdf", long_story(), frame(b"\x89PNG broken"))
    assert all(images == [] for images in logo_images(path))
    assert "测试精密机械有限公司" in PdfReader(path).pages[0].extract_text()


def test_the_company_name_moves_right_of_the_logo(tmp_path: Path) -> None:
    """The name starts after the logo (19.5 mm wide) and the gap, not under it."""
    with_logo = pdf.build(tmp_path / "a.pdf", [pdf.para("正文")], frame(png_logo()))
    without = pdf.build(tmp_path / "b.pdf", [pdf.para("正文")], frame(None))

    def name_x(path: Path) -> float:
        found: list[float] = []

        def visit(text: str, _cm: object, tm: list[float], *_args: object) -> None:
            if "测试精密" in text:
                found.append(tm[4])

        PdfReader(path).pages[0].extract_text(visitor_text=visit)
        return found[0]

    assert name_x(without) == pytest.approx(15 * mm, abs=0.5)
    assert name_x(with_logo) == pytest.approx(15 * mm + 19.5 * mm + pdf.LOGO_GAP, abs=0.5)


# --- every printed form, through its service ---------------------------------------------


def _first(ctx: Context, model: type, *where: object) -> int:
    with ctx.reading() as session:
        return int(session.scalar(select(func.min(model.id)).where(*where)))  # type: ignore[attr-defined]


Printer = Callable[[Context, Path], Path]
FORMS: dict[str, Printer] = {
    "registration": lambda c, p: print_requirement_form(
        c, p, i18n.translate, form=FORM_REGISTRATION, requirement_id=_first(c, Requirement)
    ),
    "liaison": lambda c, p: print_requirement_form(
        c,
        p,
        i18n.translate,
        form=FORM_LIAISON,
        requirement_id=_first(c, Requirement, Requirement.department_id.is_not(None)),
    ),
    "review": lambda c, p: print_review_record(c, p, i18n.translate, review_id=_first(c, Review)),
    "card": lambda c, p: print_customer_card(c, p, i18n.translate, customer_id=_first(c, Customer)),
    "weekly": lambda c, p: write_weekly_ledger(c, 2026, 47, p),
    "monthly": lambda c, p: write_monthly_report(c, 2026, 11, p),
}


@pytest.mark.parametrize("name", list(FORMS))
def test_every_printed_form_shows_the_logo_once_set(
    demo_ctx: Context, tmp_path: Path, name: str
) -> None:
    supervisor = signed_in(demo_ctx, "zhuguan")
    before = FORMS[name](supervisor, tmp_path / "before.pdf")
    assert logo_images(before)[0] == []
    save_company(signed_in(demo_ctx, "admin"), company_name="苏州精工机械有限公司", logo=png_logo())
    after = FORMS[name](supervisor, tmp_path / "after.pdf")
    pages = logo_images(after)
    assert all(len(images) == 1 for images in pages), pages
    assert near(pixel_at(after, 15 + 3.25, 12 - 3.25), NAVY)
