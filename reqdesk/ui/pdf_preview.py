"""Preview, print and save a PDF that reqdesk wrote. Pages are drawn with PDFium, so the
preview and the printout are the very PDF that is saved (one layout for all three)."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtCore import QRect, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QKeySequence, QPainter, QPixmap, QShortcut
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from reqdesk.reports.files import write_atomically
from reqdesk.services.errors import ReqdeskError
from reqdesk.ui.messages import report_failure

PREVIEW_SCALE = 1.4  # 72 dpi × 1.4 ≈ 100 dpi on screen


def render_page(pdf: pdfium.PdfDocument, index: int, scale: float) -> QImage:
    bitmap = pdf[index].render(scale=scale, rev_byteorder=True)  # 3 bytes a pixel, RGB
    data = bytes(bitmap.buffer)
    image = QImage(data, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGB888)
    return image.copy()  # own the pixels: ``data`` goes away


def page_count(path: Path) -> int:
    pdf = pdfium.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


def print_pdf(path: Path, printer: QPrinter) -> int:
    """Send every page to ``printer`` at its resolution; returns the number of pages."""
    pdf = pdfium.PdfDocument(str(path))
    painter = QPainter()
    try:
        if not painter.begin(printer):
            return 0
        scale = printer.resolution() / 72
        for index in range(len(pdf)):
            if index:
                printer.newPage()
            image = render_page(pdf, index, scale)
            target = painter.viewport()
            size = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRect(target.topLeft(), size), image)
        return len(pdf)
    finally:
        if painter.isActive():
            painter.end()
        pdf.close()


MAX_PREVIEW_PAGES = 40  # each page is an image in memory; the file keeps every page


class PdfPreviewDialog(QDialog):
    def __init__(
        self, path: Path, title: str, parent: QWidget | None = None, *, temporary: bool = True
    ) -> None:
        """``temporary``: the PDF (and its folder) is deleted when the preview closes."""
        super().__init__(parent)
        self.path = path
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if temporary:
            self.destroyed.connect(lambda: shutil.rmtree(path.parent, ignore_errors=True))
        self.setWindowTitle(title)
        self.resize(900, 900)
        pages = QWidget(self)
        column = QVBoxLayout(pages)
        column.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        pdf = pdfium.PdfDocument(str(path))
        try:
            self.page_labels = []
            self.total_pages = len(pdf)
            for index in range(min(len(pdf), MAX_PREVIEW_PAGES)):
                label = QLabel(pages)
                label.setPixmap(QPixmap.fromImage(render_page(pdf, index, PREVIEW_SCALE)))
                label.setStyleSheet("border: 1px solid #999; background: white;")
                column.addWidget(label)
                self.page_labels.append(label)
        finally:
            pdf.close()
        if self.total_pages > len(self.page_labels):  # a long ledger: print or save for all
            more = QLabel(
                self.tr(
                    "%n more page(s) not shown here: Print or Save as PDF has them all.",
                    "",
                    self.total_pages - len(self.page_labels),
                ),
                pages,
            )
            column.addWidget(more)
        scroll = QScrollArea(self)
        scroll.setWidget(pages)
        scroll.setWidgetResizable(True)
        scroll.setStyleSheet("background: #d9dde2;")

        print_button = QPushButton(self.tr("Print…"), self)
        print_button.setToolTip(self.tr("Print (Ctrl+P)"))
        print_button.clicked.connect(self.print_dialog)
        save_button = QPushButton(self.tr("Save as PDF…"), self)
        save_button.clicked.connect(self.save_as)
        system_button = QPushButton(self.tr("Open in PDF viewer"), self)
        system_button.setToolTip(self.tr("Open the PDF with the system's PDF program"))
        system_button.clicked.connect(self.open_externally)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.accept)
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_dialog)
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(self.tr("%n page(s)", "", self.total_pages), self))
        buttons.addStretch(1)
        for button in (print_button, save_button, system_button, close):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)

    def print_dialog(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            print_pdf(self.path, printer)

    def save_as(self) -> None:
        target, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save as PDF"), self.path.name, self.tr("PDF files (*.pdf)")
        )
        if target:
            self.save_to(Path(target))

    def save_to(self, target: Path) -> bool:
        """Copy the PDF to ``target``; a place that cannot be written is explained."""
        try:
            if target.resolve() != self.path.resolve():
                write_atomically(target, self.path.read_bytes())
        except (ReqdeskError, OSError) as error:  # OSError: the preview's own file went away
            report_failure(self, self.tr("Save as PDF"), error)
            return False
        return True

    def open_externally(self) -> bool:
        """Hand a copy to the system's PDF viewer (the preview's own file goes on close)."""
        copy = Path(tempfile.gettempdir()) / f"reqdesk-{self.path.name}"
        try:
            write_atomically(copy, self.path.read_bytes())
        except (ReqdeskError, OSError) as error:
            report_failure(self, self.tr("Open in PDF viewer"), error)
            return False
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(copy)))
