"""The PDF preview (Qt's PDF view) on long PDFs, and printing at a printer's resolution.

    python bench/pdf_preview.py [--ledger]

Prints, each the median of five runs, for a 2,000-page PDF (and with ``--ledger`` for the
busiest week's ledger of the 100,000-requirement demo, about 1,000 landscape pages):

* the preview built (file read, document loaded), shown, and its first page drawn;
* a jump to the last page until it is drawn;
* printing ten pages to a PDF printer at 300 and 600 dpi: milliseconds and megabytes
  (of page images: about what a printer's spool receives) a page.

Target: a 2,000-page PDF opens (first page drawn) in under a second.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication
from reportlab.pdfgen.canvas import Canvas

from reqdesk.ui.fonts import install_fonts
from reqdesk.ui.pdf_pages import print_pdf
from reqdesk.ui.pdf_preview import PdfPreviewDialog


def long_pdf(path: Path, pages: int) -> Path:
    canvas = Canvas(str(path))
    for page in range(pages):
        canvas.drawString(72, 720, f"page {page + 1}")
        canvas.showPage()
    canvas.save()
    return path


def busiest_ledger(folder: Path) -> Path:
    from demo_generation import big_demo_copy
    from weekly_pdf import week_rows

    from reqdesk.reports.weekly_ledger import write_weekly_ledger

    with big_demo_copy("zhuguan") as (_path, ctx):
        rows = week_rows(ctx)
        year, week, _ = max(rows, key=lambda monday: rows[monday]).isocalendar()
        return write_weekly_ledger(ctx, year, week, folder / f"weekly-{year}-W{week:02d}.pdf")


def inked(dialog: PdfPreviewDialog) -> bool:
    """Whether the view shows some dark pixels, i.e. a page has been drawn."""
    image = dialog.view.viewport().grab().toImage()
    for y in range(0, image.height(), 4):
        for x in range(0, image.width(), 4):
            colour = image.pixelColor(x, y)
            if max(colour.red(), colour.green(), colour.blue()) < 80:
                return True
    return False


def until_drawn(app: QApplication, dialog: PdfPreviewDialog) -> None:
    while not inked(dialog):
        app.processEvents()


def opening(app: QApplication, path: Path) -> None:
    runs = []
    for _ in range(5):
        started = time.perf_counter()
        dialog = PdfPreviewDialog(path, path.stem, temporary=False)
        built = time.perf_counter()
        dialog.show()
        app.processEvents()
        shown = time.perf_counter()
        until_drawn(app, dialog)
        drawn = time.perf_counter()
        dialog.go_to_page(dialog.page_count - 1)
        until_drawn(app, dialog)
        runs.append(
            (built - started, shown - started, drawn - started, time.perf_counter() - drawn)
        )
        pages = dialog.page_count
        dialog.close()
        app.processEvents()
    built_ms, shown_ms, drawn_ms, last_ms = (
        statistics.median(run[i] for run in runs) * 1000 for i in range(4)
    )
    print(
        f"{path.name} ({pages:,} pages, {path.stat().st_size / 1e6:.1f} MB): "
        f"built {built_ms:.0f} ms, shown {shown_ms:.0f} ms, first page drawn {drawn_ms:.0f} ms; "
        f"last page drawn {last_ms:.0f} ms after the jump (target < 1,000 ms to the first page)"
    )


def printing(path: Path, folder: Path, dpi: int, pages: int = 10) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(folder / f"printed-{dpi}.pdf"))
    printer.setResolution(dpi)
    started = time.perf_counter()
    print_pdf(path, printer, pages=range(pages))
    per_page = (time.perf_counter() - started) / pages * 1000
    size = Path(printer.outputFileName()).stat().st_size / pages / 1e6
    print(f"printing {path.name} at {dpi} dpi: {per_page:.0f} ms a page, {size:.1f} MB a page")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--ledger", action="store_true", help="also the busiest weekly ledger")
    args = parser.parse_args()
    app = QApplication([])
    install_fonts(app)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        paths = [long_pdf(folder / "long-2000.pdf", 2000)]
        if args.ledger:
            paths.append(busiest_ledger(folder))
        for path in paths:
            opening(app, path)
        for path in paths:
            for dpi in (300, 600):
                printing(path, folder, dpi)


if __name__ == "__main__":
    main()
