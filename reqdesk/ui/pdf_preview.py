"""Preview, print and save a PDF that reqdesk wrote, inside the program (Qt's PDF view).

The view draws only the pages in sight, so a ledger of thousands of pages opens at once;
the preview, the printout and the saved file are the very same PDF bytes."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence, QPageLayout, QWheelEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from reqdesk.i18n import error_text
from reqdesk.reports.files import write_atomically
from reqdesk.services.errors import ReqdeskError
from reqdesk.ui.background import ProgressTask, TaskProgress
from reqdesk.ui.icons import icon
from reqdesk.ui.messages import report_failure
from reqdesk.ui.pdf_pages import UnreadablePdf, load_pdf, pages_to_print, print_pdf, read_pdf

ZOOM_STEPS = (0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0)
Zoom = QPdfView.ZoomMode


class PdfPreviewDialog(QDialog):
    """``PdfPreviewDialog(path, title, parent).show()``: pages, zoom, Print…, Save as PDF…"""

    printed = Signal(int)  # pages sent to the printer

    def __init__(
        self, path: Path, title: str, parent: QWidget | None = None, *, temporary: bool = True
    ) -> None:
        """``temporary``: the PDF (and its folder) is deleted when the preview closes."""
        super().__init__(parent)
        self.path = path
        self.print_task: ProgressTask | None = None
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if temporary:
            self.destroyed.connect(lambda: shutil.rmtree(path.parent, ignore_errors=True))
        self.setWindowTitle(title)
        self.resize(900, 900)
        self.view = QPdfView(self)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(Zoom.FitToWidth)
        self.message = QLabel(self)  # why no page shows, or how the printing went
        self.message.setWordWrap(True)
        self.data = b""
        self.document = self._load()
        layout = QVBoxLayout(self)
        layout.addWidget(self._toolbar())
        if self.document is not None:
            layout.addWidget(self.view, 1)
        else:  # the reason takes the pages' place
            self.view.hide()
            self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(self.message, 1)
        layout.addLayout(self._buttons())
        navigator = self.view.pageNavigator()
        navigator.currentPageChanged.connect(self._show_page)
        self.view.zoomModeChanged.connect(self._show_zoom)
        self.view.zoomFactorChanged.connect(self._show_zoom)
        self.view.viewport().installEventFilter(self)
        self._show_page(0)
        self._show_zoom()

    def _load(self) -> QPdfDocument | None:
        try:
            self.data = read_pdf(self.path)
            document = load_pdf(self.data, str(self.path), self)
        except UnreadablePdf as error:
            self.message.setText(error_text(error))
            self.message.setStyleSheet("color: #b3261e;")
            return None
        self.view.setDocument(document)
        return document

    @property
    def page_count(self) -> int:
        return self.document.pageCount() if self.document is not None else 0

    @property
    def current_page(self) -> int:
        """The page in view (for Qt, the one 40% down the view), from 0."""
        return self.view.pageNavigator().currentPage()

    # --- building ---------------------------------------------------------------------

    def _action(self, text: str, keys: list[QKeySequence], slot: Callable[[], object]) -> QAction:
        action = QAction(text, self)
        action.setShortcuts(keys)
        shown = keys[0].toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{text} ({shown})")
        action.triggered.connect(slot)
        action.setEnabled(self.document is not None)
        self.addAction(action)  # the keys work wherever the focus is in the preview
        return action

    def _toolbar(self) -> QToolBar:
        keys = QKeySequence
        self.previous_action = self._action(
            self.tr("Previous page"), [keys(Qt.Key.Key_PageUp)], self.previous_page
        )
        self.next_action = self._action(
            self.tr("Next page"), [keys(Qt.Key.Key_PageDown)], self.next_page
        )
        self._action(self.tr("First page"), [keys(Qt.Key.Key_Home)], lambda: self.go_to_page(0))
        self._action(
            self.tr("Last page"), [keys(Qt.Key.Key_End)], lambda: self.go_to_page(self.page_count)
        )
        self.page_box = QSpinBox(self)
        self.page_box.setRange(1, max(1, self.page_count))
        self.page_box.setKeyboardTracking(False)  # jump on Enter, not on every digit
        self.page_box.valueChanged.connect(lambda number: self.go_to_page(number - 1))
        self.page_box.setEnabled(self.document is not None)
        zoom_in_keys = [keys(keys.StandardKey.ZoomIn), keys("Ctrl+=")]
        self.zoom_out_action = self._action(
            self.tr("Zoom out"), [keys(keys.StandardKey.ZoomOut)], self.zoom_out
        )
        self.zoom_in_action = self._action(self.tr("Zoom in"), zoom_in_keys, self.zoom_in)
        self.zoom_label = QLabel(self)
        self.zoom_label.setMinimumWidth(self.zoom_label.fontMetrics().horizontalAdvance("0000%"))
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.actual_size_action = self._action(
            self.tr("Actual size"), [keys("Ctrl+1")], lambda: self.set_zoom(1.0)
        )
        self.fit_width_action = self._action(self.tr("Fit width"), [keys("Ctrl+2")], self.fit_width)
        self.fit_page_action = self._action(self.tr("Fit page"), [keys("Ctrl+0")], self.fit_page)
        for action in (self.fit_width_action, self.fit_page_action):
            action.setCheckable(True)
        for action, name in (
            (self.previous_action, "previous"),
            (self.next_action, "next"),
            (self.zoom_out_action, "zoom_out"),
            (self.zoom_in_action, "zoom_in"),
            (self.fit_width_action, "fit_width"),
            (self.fit_page_action, "fit_page"),
        ):
            action.setIcon(icon(name))
        bar = QToolBar(self)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar.addAction(self.previous_action)
        bar.addWidget(QLabel(self.tr("Page"), self))
        bar.addWidget(self.page_box)
        bar.addWidget(QLabel(self.tr("of %n", "", self.page_count), self))
        bar.addAction(self.next_action)
        bar.addSeparator()
        bar.addAction(self.zoom_out_action)
        bar.addWidget(self.zoom_label)
        bar.addAction(self.zoom_in_action)
        for action in (self.actual_size_action, self.fit_width_action, self.fit_page_action):
            bar.addAction(action)
        return bar

    def _buttons(self) -> QHBoxLayout:
        print_button = QPushButton(icon("print"), self.tr("Print…"), self)
        print_button.setToolTip(self.tr("Print (Ctrl+P)"))
        print_button.clicked.connect(self.print_dialog)
        print_button.setEnabled(self.document is not None)
        self._action(
            self.tr("Print…"), [QKeySequence(QKeySequence.StandardKey.Print)], self.print_dialog
        )
        save_button = QPushButton(icon("pdf"), self.tr("Save as PDF…"), self)
        save_button.clicked.connect(self.save_as)
        system_button = QPushButton(self.tr("Open in PDF viewer"), self)
        system_button.setToolTip(self.tr("Open the PDF with the system's PDF program"))
        system_button.clicked.connect(self.open_externally)
        for button in (save_button, system_button):
            button.setEnabled(bool(self.data))
        close = QPushButton(self.tr("Close"), self)
        close.setToolTip(self.tr("Close (Esc)"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        if self.document is not None:
            buttons.addWidget(self.message, 1)
        else:
            buttons.addStretch(1)
        for button in (print_button, save_button, system_button, close):
            button.setAutoDefault(False)  # Enter in the page box must not print
            buttons.addWidget(button)
        return buttons

    # --- pages and zoom ---------------------------------------------------------------

    def go_to_page(self, index: int) -> None:
        if self.document is None:
            return
        index = max(0, min(index, self.page_count - 1))
        navigator = self.view.pageNavigator()
        navigator.jump(index, QPointF(), navigator.currentZoom())

    def next_page(self) -> None:
        self.go_to_page(self.current_page + 1)

    def previous_page(self) -> None:
        self.go_to_page(self.current_page - 1)

    def _show_page(self, index: int) -> None:
        self.page_box.blockSignals(True)
        self.page_box.setValue(index + 1)
        self.page_box.blockSignals(False)
        if self.document is not None:
            self.previous_action.setEnabled(index > 0)
            self.next_action.setEnabled(index < self.page_count - 1)

    def zoom_factor(self) -> float:
        """The scale the pages are shown at (1.0 = actual size), in every zoom mode."""
        mode = self.view.zoomMode()
        if mode == Zoom.Custom or self.document is None:
            return self.view.zoomFactor()
        points = self.document.pagePointSize(self.current_page)
        pixels_per_point = self.view.logicalDpiX() / 72
        margins = self.view.documentMargins()
        room = self.view.viewport().size()
        width = (room.width() - margins.left() - margins.right()) / points.width()
        if mode == Zoom.FitToWidth:
            return width / pixels_per_point
        height = (room.height() - margins.top() - margins.bottom()) / points.height()
        return min(width, height) / pixels_per_point

    def set_zoom(self, factor: float) -> None:
        """Show the pages at ``factor`` (1.0 = actual size)."""
        self._keeping_place(Zoom.Custom, factor)

    def fit_width(self) -> None:
        self._keeping_place(Zoom.FitToWidth)

    def fit_page(self) -> None:
        self._keeping_place(Zoom.FitInView)

    def _keeping_place(self, mode: QPdfView.ZoomMode, factor: float | None = None) -> None:
        """Change the zoom keeping the middle of the view on the same spot of the document
        (left alone, the view keeps its scroll position in pixels: another page)."""
        bar = self.view.verticalScrollBar()
        half = self.view.viewport().height() / 2
        spot = (bar.value() + half) / (bar.maximum() + 2 * half)
        self.view.setZoomMode(mode)
        if factor is not None:
            self.view.setZoomFactor(factor)
        bar.setValue(round(spot * (bar.maximum() + 2 * half) - half))

    def zoom_in(self) -> None:
        now = self.zoom_factor()
        larger = [step for step in ZOOM_STEPS if step > now * 1.01]
        if larger:
            self.set_zoom(larger[0])

    def zoom_out(self) -> None:
        now = self.zoom_factor()
        smaller = [step for step in ZOOM_STEPS if step < now / 1.01]
        if smaller:
            self.set_zoom(smaller[-1])

    def _show_zoom(self) -> None:
        mode = self.view.zoomMode()
        self.fit_width_action.setChecked(mode == Zoom.FitToWidth)
        self.fit_page_action.setChecked(mode == Zoom.FitInView)
        if self.document is not None:
            self.zoom_label.setText(f"{round(self.zoom_factor() * 100)}%")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl+wheel on the pages zooms; a resize changes what "fit" means."""
        if watched is self.view.viewport():
            if event.type() == QEvent.Type.Resize:
                self._show_zoom()
            elif (
                isinstance(event, QWheelEvent)
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier
                and self.document is not None
            ):
                self.zoom_in() if event.angleDelta().y() > 0 else self.zoom_out()
                return True
        return super().eventFilter(watched, event)

    # --- print, save, open --------------------------------------------------------------

    def print_dialog(self) -> ProgressTask | None:
        """The system's print dialog, then the printing with a progress dialog."""
        if self.document is None or self.print_task is not None:
            return None
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.windowTitle())
        first = self.document.pagePointSize(0)
        if first.width() > first.height():  # the weekly ledger: landscape paper
            printer.setPageOrientation(QPageLayout.Orientation.Landscape)
        dialog = QPrintDialog(printer, self)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintCurrentPage, True)
        dialog.setMinMax(1, self.page_count)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return self.print_to(printer)

    def print_to(self, printer: QPrinter) -> ProgressTask | None:
        """Print the pages ``printer``'s range asks for, off the GUI thread; ``printed``
        tells how many went. A long document shows a progress dialog with Cancel."""
        if self.document is None:
            return None
        pages = pages_to_print(printer, self.page_count, self.current_page)
        data = self.data

        def work(progress: TaskProgress) -> int:
            return print_pdf(
                data, printer, pages=pages, progress=progress.report, cancelled=progress.cancelled
            )

        task = ProgressTask(self, self.tr("Printing…"), work)
        task.start(self._printed, self._print_failed, self._print_cancelled)
        self.print_task = task
        return task

    def _printed(self, count: object) -> None:
        self.print_task = None
        sent = int(count)  # type: ignore[call-overload]
        self.message.setText(self.tr("%n page(s) sent to the printer.", "", sent))
        self.printed.emit(sent)

    def _print_failed(self, error: Exception) -> None:
        self.print_task = None
        report_failure(self, self.tr("Print"), error)

    def _print_cancelled(self) -> None:
        self.print_task = None
        self.message.setText(self.tr("Printing cancelled."))

    def done(self, result: int) -> None:
        if self.print_task is not None:  # the print job's task is this preview's child:
            return  # its progress dialog's Cancel comes first
        super().done(result)

    def save_as(self) -> None:
        target, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save as PDF"), self.path.name, self.tr("PDF files (*.pdf)")
        )
        if target:
            self.save_to(Path(target))

    def save_to(self, target: Path) -> bool:
        """Write the PDF to ``target``; a place that cannot be written is explained."""
        try:
            if target.resolve() != self.path.resolve():
                write_atomically(target, self.data)
        except (ReqdeskError, OSError) as error:
            report_failure(self, self.tr("Save as PDF"), error)
            return False
        return True

    def open_externally(self) -> bool:
        """Hand a copy to the system's PDF viewer (the preview's own file goes on close)."""
        copy = Path(tempfile.gettempdir()) / f"reqdesk-{self.path.name}"
        try:
            write_atomically(copy, self.data)
        except ReqdeskError as error:
            report_failure(self, self.tr("Open in PDF viewer"), error)
            return False
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(copy)))
