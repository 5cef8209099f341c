"""Reading a PDF that reqdesk wrote into Qt's PDF engine, and printing its pages.

The document is loaded from bytes in memory, so no file stays open (the preview's
temporary folder can go on any system) and the printout is the very PDF that is saved.
Printing draws each page as an image at the printer's resolution, in bands, so a
page at 600 dpi never needs more than a few tens of megabytes.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QObject, QRect, QRectF, QSize
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPrintSupport import QPrinter

from reqdesk.services.cancel import CancelCheck, Progress, check
from reqdesk.services.errors import ReqdeskError
from reqdesk.textmarks import QT_TRANSLATE_NOOP

MAX_PRINT_DPI = 600  # a finer printer gets 600-dpi pages scaled up: the text stays sharp
BAND_PIXELS = 4_000_000  # pixels rendered at a time (16 MB) while printing a page


class UnreadablePdf(ReqdeskError):
    """The PDF cannot be read or shown; the message says why."""


class PrinterNotReady(ReqdeskError):
    """The printer (or the print-to-file target) refused to start the job."""


_PROTECTED = (QPdfDocument.Error.IncorrectPassword, QPdfDocument.Error.UnsupportedSecurityScheme)


def read_pdf(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise UnreadablePdf(
            QT_TRANSLATE_NOOP("Errors", "The PDF {file} cannot be opened: {reason}."),
            file=str(path),
            reason=error.strerror or str(error),
        ) from None


def load_pdf(data: bytes, name: str, parent: QObject | None = None) -> QPdfDocument:
    """A ready document holding ``data`` (``name`` is for messages); a damaged or
    protected PDF raises :class:`UnreadablePdf`."""
    document = QPdfDocument(parent) if parent is not None else QPdfDocument()
    buffer = QBuffer(document)  # the document reads from it on demand: keep it alive
    buffer.setData(QByteArray(data))
    buffer.open(QBuffer.OpenModeFlag.ReadOnly)
    document.load(buffer)  # a seekable device loads at once (no Loading state to wait for)
    if document.status() == QPdfDocument.Status.Ready and document.pageCount() > 0:
        return document
    error = document.error()
    document.setParent(None)  # Python's now: it goes with this call
    if error in _PROTECTED:
        message = QT_TRANSLATE_NOOP(
            "Errors", "The PDF {file} cannot be shown: it is protected by a password."
        )
    else:
        message = QT_TRANSLATE_NOOP(
            "Errors", "The PDF {file} cannot be shown: the file is damaged or is not a PDF."
        )
    raise UnreadablePdf(message, file=name)


def open_pdf(path: Path, parent: QObject | None = None) -> QPdfDocument:
    return load_pdf(read_pdf(path), str(path), parent)


def page_count(path: Path) -> int:
    document = open_pdf(path)
    try:
        return document.pageCount()
    finally:
        document.close()


def pages_to_print(printer: QPrinter, count: int, current: int) -> list[int]:
    """The page indexes (from 0) the print dialog asked for, in the order to print."""
    chosen = printer.printRange()
    if chosen == QPrinter.PrintRange.CurrentPage:
        pages = [current]
    elif chosen == QPrinter.PrintRange.PageRange and not printer.pageRanges().isEmpty():
        ranges = printer.pageRanges()
        pages = [index for index in range(count) if ranges.contains(index + 1)]
    else:
        pages = list(range(count))
    if printer.pageOrder() == QPrinter.PageOrder.LastPageFirst:
        pages.reverse()
    return pages


def print_pdf(
    source: Path | bytes,
    printer: QPrinter,
    *,
    pages: Sequence[int] | None = None,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> int:
    """Send ``pages`` (all when None) of the PDF to ``printer``; returns how many were
    sent. Safe in a worker thread. ``cancelled()`` turning true aborts the print job
    and raises :class:`~reqdesk.services.cancel.Cancelled`."""
    if isinstance(source, Path):
        data, name = read_pdf(source), str(source)
    else:
        data, name = source, printer.docName()
    document = load_pdf(data, name)
    chosen = list(range(document.pageCount())) if pages is None else list(pages)
    painter = QPainter()
    try:
        if not painter.begin(printer):
            raise PrinterNotReady(
                QT_TRANSLATE_NOOP(
                    "Errors", "Printing to {printer} could not start: check the printer."
                ),
                printer=printer.printerName() or printer.outputFileName(),
            )
        for done, index in enumerate(chosen):
            if cancelled is not None and cancelled():
                printer.abort()
                check(cancelled)
            if done:
                printer.newPage()
            _print_page(painter, document, index)
            if progress is not None:
                progress(done + 1, len(chosen))
        return len(chosen)
    finally:
        if painter.isActive():
            painter.end()
        document.close()


def _print_page(painter: QPainter, document: QPdfDocument, index: int) -> None:
    """Fit page ``index`` into the printable area, centred, drawn band by band."""
    points = document.pagePointSize(index)
    area = QRectF(painter.viewport())  # device pixels
    device_scale = min(area.width() / points.width(), area.height() / points.height())
    target = QRectF(0, 0, points.width() * device_scale, points.height() * device_scale)
    target.moveCenter(area.center())
    render_scale = min(device_scale, MAX_PRINT_DPI / 72)
    size = QSize(round(points.width() * render_scale), round(points.height() * render_scale))
    ratio = target.height() / size.height()
    rows = max(1, BAND_PIXELS // size.width())
    for top in range(0, size.height(), rows):
        band = QRect(0, top, size.width(), min(rows, size.height() - top))
        image = _render_band(document, index, size, band)
        place = QRectF(target.x(), target.y() + top * ratio, target.width(), band.height() * ratio)
        painter.drawImage(place, image)


def _render_band(document: QPdfDocument, index: int, size: QSize, band: QRect) -> QImage:
    """Rows ``band`` of the page rendered at ``size``, on white (PDFium leaves the paper
    transparent, which printers handle slowly or badly)."""
    options = QPdfDocumentRenderOptions()
    options.setScaledSize(size)
    options.setScaledClipRect(band)
    ink = document.render(index, band.size(), options)
    paper = QImage(band.size(), QImage.Format.Format_RGB32)
    paper.fill(0xFFFFFFFF)
    painter = QPainter(paper)
    painter.drawImage(0, 0, ink)
    painter.end()
    return paper
