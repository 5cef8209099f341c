"""The PDF preview (Qt's PDF view): pages, navigation, zoom, printing, saving, bad files."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QPageRanges, QWheelEvent
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from reportlab.pdfgen.canvas import Canvas

from reqdesk.db import open_database
from reqdesk.reports.weekly_ledger import write_weekly_ledger
from reqdesk.services.cancel import Cancelled
from reqdesk.services.setup import open_context
from reqdesk.ui.pdf_pages import UnreadablePdf, page_count, print_pdf
from reqdesk.ui.pdf_preview import PdfPreviewDialog
from tests.conftest import copy_db
from tests.helpers import signed_in

Zoom = QPdfView.ZoomMode


@pytest.fixture(scope="module")
def ledger_pdf(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The weekly ledger of 2026-W47 on the demo database: a real reqdesk PDF of some pages."""
    folder = tmp_path_factory.mktemp("ledger")
    db = open_database(copy_db(demo_template, folder / "demo.db"))
    try:
        ctx = signed_in(open_context(db), "zhuguan")
        return write_weekly_ledger(ctx, 2026, 47, folder / "weekly-ledger-2026-W47.pdf")
    finally:
        db.dispose()


@pytest.fixture(scope="module")
def long_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A PDF of 2,000 pages, each saying its number."""
    path = tmp_path_factory.mktemp("long") / "long.pdf"
    canvas = Canvas(str(path))
    for page in range(2000):
        canvas.drawString(72, 720, f"page {page + 1}")
        canvas.showPage()
    canvas.save()
    return path


def shown(
    qtbot: QtBot, path: Path, *, closed_by_test: bool = False, temporary: bool = False
) -> PdfPreviewDialog:
    """The preview of ``path``, shown; qtbot closes it unless the test does (it deletes
    itself on close)."""
    dialog = PdfPreviewDialog(path, path.stem, temporary=temporary)
    if not closed_by_test:
        qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    return dialog


@pytest.fixture
def preview(qtbot: QtBot, ledger_pdf: Path, tmp_path: Path) -> Iterator[PdfPreviewDialog]:
    """The ledger's preview, shown (the view lays its pages out once it has a size)."""
    yield shown(qtbot, Path(shutil.copy(ledger_pdf, tmp_path / ledger_pdf.name)))


def pdf_printer(target: Path) -> QPrinter:
    """A printer writing a PDF file at a coarse resolution (fast, same page count)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(target))
    printer.setResolution(72)
    return printer


def printed_pages(qtbot: QtBot, dialog: PdfPreviewDialog, printer: QPrinter) -> int:
    with qtbot.waitSignal(dialog.printed, timeout=60000) as sent:
        assert dialog.print_to(printer) is not None
    return int(sent.args[0])


def test_the_preview_holds_every_page_of_the_ledger(
    preview: PdfPreviewDialog, ledger_pdf: Path
) -> None:
    """The page count is the PDF's own; no message; zoom fits the width."""
    pages = len(PdfReader(ledger_pdf).pages)
    assert pages > 2
    assert preview.page_count == pages == page_count(ledger_pdf)
    assert preview.view.document() is preview.document
    assert preview.page_box.maximum() == pages and preview.page_box.value() == 1
    assert preview.message.text() == ""
    assert preview.view.zoomMode() == Zoom.FitToWidth
    assert preview.fit_width_action.isChecked()
    assert preview.zoom_label.text().endswith("%")
    assert not preview.previous_action.isEnabled() and preview.next_action.isEnabled()


def test_buttons_keys_and_the_page_box_move_between_pages(  # type: ignore[no-untyped-def]
    qtbot: QtBot, preview: PdfPreviewDialog, on_dialog
) -> None:
    """Next, PgDn, PgUp, the page box (Enter does not print), End and Home."""
    print_dialogs: list[QPrintDialog] = []

    def refuse(dialog: QPrintDialog) -> None:
        print_dialogs.append(dialog)
        dialog.reject()

    on_dialog(QPrintDialog, refuse)
    preview.next_page()
    assert preview.current_page == 1 and preview.page_box.value() == 2
    qtbot.keyClick(preview.view, Qt.Key.Key_PageDown)
    assert preview.current_page == 2
    qtbot.keyClick(preview.view, Qt.Key.Key_PageUp)
    assert preview.current_page == 1 and preview.previous_action.isEnabled()
    box = preview.page_box.lineEdit()
    box.selectAll()
    qtbot.keyClicks(box, "3")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert preview.current_page == 2 and print_dialogs == []
    qtbot.keyClick(preview.view, Qt.Key.Key_End)
    last = preview.page_count - 1
    assert preview.current_page == last and preview.page_box.value() == last + 1
    assert not preview.next_action.isEnabled()
    preview.next_page()
    assert preview.current_page == last
    qtbot.keyClick(preview.view, Qt.Key.Key_Home)
    assert preview.current_page == 0


def test_zoom_in_out_fit_and_ctrl_wheel(qtbot: QtBot, preview: PdfPreviewDialog) -> None:
    """Zoom steps from the fitted scale, keys and Ctrl+wheel change it, fit page fits."""
    fitted = preview.zoom_factor()
    preview.zoom_in()
    assert preview.view.zoomMode() == Zoom.Custom
    assert preview.view.zoomFactor() > fitted
    assert preview.zoom_label.text() == f"{round(preview.view.zoomFactor() * 100)}%"
    assert not preview.fit_width_action.isChecked()
    larger = preview.view.zoomFactor()
    qtbot.keyClick(preview.view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert preview.view.zoomFactor() < larger
    smaller = preview.view.zoomFactor()
    wheel = QWheelEvent(
        QPointF(50, 50),
        QPointF(preview.view.viewport().mapToGlobal(QPoint(50, 50))),
        QPoint(0, 0),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(preview.view.viewport(), wheel)
    assert preview.view.zoomFactor() > smaller
    wheeled = preview.view.zoomFactor()
    qtbot.keyClick(preview.view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert preview.view.zoomFactor() > wheeled
    preview.fit_page_action.trigger()
    assert preview.view.zoomMode() == Zoom.FitInView
    assert preview.fit_page_action.isChecked() and not preview.fit_width_action.isChecked()
    qtbot.keyClick(preview.view, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert preview.view.zoomMode() == Zoom.Custom and preview.view.zoomFactor() == 1.0
    for _ in range(20):
        preview.zoom_out()
    assert preview.view.zoomFactor() == 0.25


def test_save_as_writes_the_very_same_bytes(preview: PdfPreviewDialog, tmp_path: Path) -> None:
    """Save as PDF copies the file byte for byte."""
    target = tmp_path / "saved" / "台账.pdf"
    target.parent.mkdir()
    assert preview.save_to(target)
    assert target.read_bytes() == preview.path.read_bytes()


def test_printing_sends_every_page(qtbot: QtBot, preview: PdfPreviewDialog, tmp_path: Path) -> None:
    """Print to a PDF printer: one printed page for each page of the document."""
    printer = pdf_printer(tmp_path / "printed.pdf")
    assert printed_pages(qtbot, preview, printer) == preview.page_count
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == preview.page_count
    assert preview.print_task is None
    assert str(preview.page_count) in preview.message.text()


def test_printing_honours_the_range_from_the_print_dialog(
    qtbot: QtBot, preview: PdfPreviewDialog, tmp_path: Path
) -> None:
    """Pages 2–3 give two printed pages; "current page" gives one."""
    ranged = pdf_printer(tmp_path / "range.pdf")
    ranges = QPageRanges()
    ranges.addRange(2, 3)
    ranged.setPrintRange(QPrinter.PrintRange.PageRange)
    ranged.setPageRanges(ranges)
    assert printed_pages(qtbot, preview, ranged) == 2
    assert len(PdfReader(tmp_path / "range.pdf").pages) == 2
    current = pdf_printer(tmp_path / "current.pdf")
    current.setPrintRange(QPrinter.PrintRange.CurrentPage)
    assert printed_pages(qtbot, preview, current) == 1
    assert len(PdfReader(tmp_path / "current.pdf").pages) == 1


def test_a_printer_that_cannot_start_is_explained(  # type: ignore[no-untyped-def]
    qtbot: QtBot, preview: PdfPreviewDialog, tmp_path: Path, message_boxes
) -> None:
    """Printing to a file in a missing folder: one warning naming it, the preview stays."""
    target = tmp_path / "missing" / "printed.pdf"
    assert preview.print_to(pdf_printer(target)) is not None
    qtbot.waitUntil(lambda: preview.print_task is None, timeout=60000)
    assert [kind for kind, _text in message_boxes] == ["warning"]
    assert str(target) in message_boxes[0][1]
    assert preview.isVisible() and not target.exists()


def test_print_dialog_offers_the_documents_pages(  # type: ignore[no-untyped-def]
    preview: PdfPreviewDialog, on_dialog
) -> None:
    """Print… opens the system print dialog limited to the document's pages; Cancel prints
    nothing."""
    seen: list[tuple[int, int]] = []

    def look(dialog: QPrintDialog) -> None:
        seen.append((dialog.minPage(), dialog.maxPage()))
        dialog.reject()

    on_dialog(QPrintDialog, look)
    assert preview.print_dialog() is None
    assert seen == [(1, preview.page_count)]
    assert preview.print_task is None


def test_cancel_stops_a_long_printing_and_the_preview_waits_for_it(
    qtbot: QtBot, long_pdf: Path, tmp_path: Path
) -> None:
    """While printing the preview does not close; Cancel stops the job and says so."""
    dialog = shown(qtbot, long_pdf, closed_by_test=True)
    sent: list[int] = []
    dialog.printed.connect(sent.append)
    task = dialog.print_to(pdf_printer(tmp_path / "long-printed.pdf"))
    assert task is not None
    dialog.reject()
    assert dialog.isVisible()
    task.progress.cancel()
    qtbot.waitUntil(lambda: dialog.print_task is None, timeout=60000)
    assert dialog.message.text() == dialog.tr("Printing cancelled.")
    assert sent == []
    dialog.reject()
    assert not dialog.isVisible()


def test_cancelled_printing_stops(ledger_pdf: Path, tmp_path: Path) -> None:
    """A cancelled print job raises Cancelled before any page goes out."""
    sent: list[int] = []
    with pytest.raises(Cancelled):
        print_pdf(
            ledger_pdf,
            pdf_printer(tmp_path / "cancelled.pdf"),
            progress=lambda done, _total: sent.append(done),
            cancelled=lambda: True,
        )
    assert sent == []


@pytest.mark.parametrize("content", [b"%PDF-1.4\n1 0 obj <<", b"not a pdf at all", b""])
def test_a_damaged_pdf_is_explained(qtbot: QtBot, tmp_path: Path, content: bytes) -> None:
    """A damaged file shows one sentence naming it; pages, zoom and Print are off."""
    path = tmp_path / "损坏.pdf"
    path.write_bytes(content)
    dialog = PdfPreviewDialog(path, "损坏", temporary=False)
    qtbot.addWidget(dialog)
    dialog.show()
    assert str(path) in dialog.message.text()
    assert dialog.page_count == 0 and dialog.document is None
    assert not dialog.next_action.isEnabled() and not dialog.zoom_in_action.isEnabled()
    assert not dialog.page_box.isEnabled()
    assert dialog.print_dialog() is None
    with pytest.raises(UnreadablePdf):
        print_pdf(path, pdf_printer(tmp_path / "out.pdf"))


def test_a_missing_pdf_is_explained(qtbot: QtBot, tmp_path: Path) -> None:
    """A file that went away: the message names it; Save as and Print stay off."""
    path = tmp_path / "gone.pdf"
    dialog = PdfPreviewDialog(path, "gone", temporary=False)
    qtbot.addWidget(dialog)
    assert str(path) in dialog.message.text()
    assert dialog.page_count == 0 and dialog.data == b""


def test_a_two_thousand_page_pdf_opens_whole(qtbot: QtBot, long_pdf: Path) -> None:
    """Every page of a 2,000-page PDF is there to scroll to (pages render when seen)."""
    dialog = shown(qtbot, long_pdf)
    assert dialog.page_count == 2000
    dialog.go_to_page(1499)
    assert dialog.current_page == 1499 and dialog.page_box.value() == 1500


@pytest.mark.parametrize("zoom", ["zoom_in", "zoom_out", "fit_page", "fit_width"])
def test_zooming_keeps_the_page(qtbot: QtBot, long_pdf: Path, zoom: str) -> None:
    """Far into a long PDF, a zoom change leaves the same page in view."""
    dialog = shown(qtbot, long_pdf)
    dialog.set_zoom(1.0)
    dialog.go_to_page(1200)
    getattr(dialog, zoom)()
    bar = dialog.view.verticalScrollBar()
    bar.setValue(bar.value() + 1)  # the view names its page anew when it scrolls
    assert dialog.current_page == 1200


def test_escape_closes_and_removes_the_temporary_pdf(
    qtbot: QtBot, ledger_pdf: Path, tmp_path: Path
) -> None:
    """Esc closes the preview; a temporary PDF goes with its folder."""
    folder = tmp_path / "reqdesk-preview"
    folder.mkdir()
    path = Path(shutil.copy(ledger_pdf, folder / "ledger.pdf"))
    dialog = shown(qtbot, path, closed_by_test=True, temporary=True)
    qtbot.keyClick(dialog.view, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: not folder.exists())
