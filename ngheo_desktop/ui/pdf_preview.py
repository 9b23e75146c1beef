"""The preview of a generated PDF, and printing it on the system printer.

PySide6-Essentials has QtPrintSupport but not QtPdf, so pages are rasterised with PDFium (``pypdfium2``):
the preview draws only the pages in view, and printing paints each page as an image onto the
``QPrinter`` chosen in the system print dialog, on a worker with progress and Cancel. PDFium is not
thread-safe, so every call into it holds ``_PDFIUM``.
"""

from __future__ import annotations

import bisect
import shutil
import threading
from collections import OrderedDict
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRect, QSize, QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QColor, QDesktopServices, QImage, QKeySequence, QPainter, QPalette, QShortcut
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ngheo_desktop.errors import NgheoError
from ngheo_desktop.reports.errors import cannot_write
from ngheo_desktop.ui.errors import present_error
from ngheo_desktop.ui.worker import Progress, Task, run_in_background

_PDFIUM = threading.Lock()
POINTS_PER_INCH = 72
# Enough for sharp text and a scannable QR code; a 1,200 dpi printer would only make the job 16 times bigger.
MAX_PRINT_DPI = 300


class PrintFailed(NgheoError):
    """The printer could not start or stopped; nothing more is sent to it."""


class PrintCancelled(NgheoError):
    def __init__(self, done: int, total: int):
        super().__init__(QCoreApplication.translate("PdfPreview", "Đã dừng in sau {0}/{1} trang.").format(
            done, total))


class PdfPages:
    """A PDF opened for drawing its pages as images."""

    def __init__(self, path: Path) -> None:
        import pypdfium2

        with _PDFIUM:
            self._doc = pypdfium2.PdfDocument(str(path))
            self.sizes = [self._doc.get_page_size(i) for i in range(len(self._doc))]  # points

    def __len__(self) -> int:
        return len(self.sizes)

    def render(self, index: int, dpi: float) -> QImage:
        with _PDFIUM:
            page = self._doc[index]
            try:
                bitmap = page.render(scale=dpi / POINTS_PER_INCH, fill_color=(255, 255, 255, 255),
                                     rev_byteorder=True, prefer_bgrx=True)
                # copy(): the QImage must own its pixels before PDFium frees the bitmap.
                image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                               QImage.Format.Format_RGBX8888).copy()
                bitmap.close()
            finally:
                page.close()
        return image

    def close(self) -> None:
        with _PDFIUM:
            self._doc.close()


def print_pdf(progress: Progress, path: Path, printer: QPrinter) -> int:
    """Paint the pages of ``path`` (the printer's page range, or all) onto ``printer``; returns the count.

    Runs on a worker: QPainter may paint on a QPrinter outside the GUI thread."""
    pages = PdfPages(path)
    try:
        first, last = printer.fromPage(), printer.toPage()
        indices = list(range(first - 1, min(last, len(pages)))) if first > 0 else list(range(len(pages)))
        total = len(indices)
        progress.update(0, total)
        painter = QPainter()
        if not painter.begin(printer):
            raise PrintFailed(QCoreApplication.translate("PdfPreview", "Không bắt đầu in được trên máy in {0}.").format(
                printer.printerName() or printer.outputFileName()))
        try:
            dpi = min(printer.resolution(), MAX_PRINT_DPI)
            for done, index in enumerate(indices):
                if progress.cancelled():
                    printer.abort()
                    raise PrintCancelled(done, total)
                if done and not printer.newPage():
                    raise PrintFailed(QCoreApplication.translate("PdfPreview", "Máy in dừng ở trang {0}.").format(
                        index + 1))
                image = pages.render(index, dpi)
                area = painter.viewport()
                size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
                target = QRect(area.x() + (area.width() - size.width()) // 2,
                               area.y() + (area.height() - size.height()) // 2, size.width(), size.height())
                painter.drawImage(target, image)
                progress.update(done + 1, total)
        finally:
            painter.end()
        return total
    finally:
        pages.close()


class PageView(QAbstractScrollArea):
    """The pages one under another, fitted to the width; only the pages in view are rendered."""

    GAP = 14
    CACHE = 6
    page_changed = Signal(int)  # the page at the top of the view, from 0

    def __init__(self, pages: PdfPages, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pages = pages
        self._images: OrderedDict[int, QImage] = OrderedDict()
        self._tops: list[int] = []
        self._heights: list[int] = []
        self._width = 0
        self.viewport().setAutoFillBackground(True)
        palette = self.viewport().palette()
        palette.setColor(QPalette.ColorRole.Window, QColor("#8a939c"))
        self.viewport().setPalette(palette)
        self.verticalScrollBar().valueChanged.connect(lambda _v: self.page_changed.emit(self.current_page()))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def sizeHint(self) -> QSize:
        return QSize(760, 900)

    def _layout(self) -> None:
        widest = max((w for w, _h in self.pages.sizes), default=1)
        self._width = max(200, self.viewport().width() - 2 * self.GAP)
        scale = self._width / widest
        self._tops, self._heights, y = [], [], self.GAP
        for _w, h in self.pages.sizes:
            self._tops.append(y)
            self._heights.append(round(h * scale))
            y += round(h * scale) + self.GAP
        bar = self.verticalScrollBar()
        bar.setRange(0, max(0, y - self.viewport().height()))
        bar.setPageStep(self.viewport().height())
        bar.setSingleStep(40)
        self._images.clear()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._layout()

    def scrollContentsBy(self, _dx: int, _dy: int) -> None:
        self.viewport().update()

    def current_page(self) -> int:
        if not self._tops:
            return 0
        return max(0, bisect.bisect_right(self._tops, self.verticalScrollBar().value() + self.GAP) - 1)

    def show_page(self, index: int) -> None:
        if self._tops:
            self.verticalScrollBar().setValue(self._tops[max(0, min(index, len(self._tops) - 1))] - self.GAP)

    def _image(self, index: int) -> QImage:
        image = self._images.get(index)
        if image is None:
            ratio = self.devicePixelRatioF()
            dpi = self._width * ratio / self.pages.sizes[index][0] * POINTS_PER_INCH
            image = self.pages.render(index, dpi)
            image.setDevicePixelRatio(ratio)
            self._images[index] = image
            while len(self._images) > self.CACHE:
                self._images.popitem(last=False)
        else:
            self._images.move_to_end(index)
        return image

    def paintEvent(self, _event) -> None:
        if not self._tops:
            self._layout()
        painter = QPainter(self.viewport())
        top = self.verticalScrollBar().value()
        bottom = top + self.viewport().height()
        x = (self.viewport().width() - self._width) // 2
        index = max(0, bisect.bisect_right(self._tops, top) - 1)
        while index < len(self._tops) and self._tops[index] < bottom:
            rect = QRect(x, self._tops[index] - top, self._width, self._heights[index])
            painter.fillRect(rect.translated(3, 3), QColor(0, 0, 0, 60))
            painter.drawImage(rect, self._image(index))
            index += 1
        painter.end()


class PreviewDialog(QDialog):
    """A generated PDF: look at it, print it, save a copy or open it in another program.

    ``job_folder``, when given, holds the file and is removed when the dialog closes (after a print job
    still running has finished); the dialog then deletes itself."""

    printed = Signal(int)

    def __init__(self, path: Path, title: str, suggested_name: str, parent: QWidget | None = None,
                 job_folder: Path | None = None) -> None:
        super().__init__(parent)
        self.path, self.suggested_name, self.job_folder = path, suggested_name, job_folder
        self.print_task: Task | None = None
        self._printer: QPrinter | None = None
        self.setWindowTitle(title)
        self.pages = PdfPages(path)

        layout = QVBoxLayout(self)
        header = QHBoxLayout()
        heading = QLabel(title)
        heading.setObjectName("subtitle")
        header.addWidget(heading, 1)
        self.page_label = QLabel()
        self.page_label.setObjectName("caption")
        header.addWidget(self.page_label)
        layout.addLayout(header)

        self.view = PageView(self.pages)
        self.view.page_changed.connect(self._show_page_number)
        layout.addWidget(self.view, 1)

        buttons = QHBoxLayout()
        self.print_button = QPushButton(self.tr("&In…"))
        self.print_button.setObjectName("primary")
        self.print_button.setToolTip(self.tr("Chọn máy in và in (Ctrl+P)"))
        self.print_button.clicked.connect(self.print_)
        self.save_button = QPushButton(self.tr("&Lưu thành…"))
        self.save_button.setToolTip(self.tr("Lưu một bản PDF vào thư mục bạn chọn (Ctrl+S)"))
        self.save_button.clicked.connect(self.save_as)
        self.open_button = QPushButton(self.tr("&Mở tệp PDF"))
        self.open_button.setToolTip(self.tr("Mở bằng phần mềm đọc PDF của máy"))
        self.open_button.clicked.connect(self.open_external)
        close = QPushButton(self.tr("Đó&ng"))
        close.clicked.connect(self.reject)
        for button in (self.print_button, self.save_button, self.open_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save_as)
        self.finished.connect(self._release)
        self._show_page_number(0)
        self.resize(820, 960)
        self.print_button.setFocus()

    def _show_page_number(self, index: int) -> None:
        self.page_label.setText(self.tr("Trang {0}/{1}").format(index + 1, len(self.pages)))

    # -- printing
    def print_(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.suggested_name)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("In {0}").format(self.suggested_name))
        dialog.setMinMax(1, len(self.pages))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> Task:
        """Send the pages to a printer set up by the print dialog (or a PDF printer in tests)."""
        printer.setFullPage(True)  # the PDF page already has its margins: map it onto the whole sheet
        self.print_button.setEnabled(False)
        task = run_in_background(self.tr("Đang gửi {0} trang đến máy in…").format(len(self.pages)), print_pdf,
                                 self.path, printer, parent=self, on_done=self._printed,
                                 on_error=self._print_failed)
        task.finished.connect(self._print_over)
        task.failed.connect(self._print_over)
        # The printer and this dialog live until the worker is done with them, even if the dialog is closed.
        self.print_task, self._printer = task, printer
        return task

    def _printed(self, count: int) -> None:
        self.page_label.setText(self.tr("Đã gửi {0} trang đến máy in.").format(count))
        self.printed.emit(count)

    def _print_failed(self, exc: BaseException) -> None:
        if isinstance(exc, PrintCancelled):
            self.page_label.setText(exc.message)
            return
        present_error(exc, self)

    def _print_over(self, _payload: object) -> None:
        self.print_task, self._printer = None, None
        if self.isVisible():
            self.print_button.setEnabled(True)
        else:
            self._dispose()

    # -- the file
    def save_as(self) -> Path | None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Lưu tệp PDF"), str(Path(folder) / self.suggested_name),
                                              self.tr("Tệp PDF (*.pdf)"))
        if not name:
            return None
        target = Path(name) if name.lower().endswith(".pdf") else Path(name + ".pdf")
        try:
            shutil.copyfile(self.path, target)
        except OSError as exc:
            present_error(cannot_write(target, exc), self)
            return None
        self.page_label.setText(self.tr("Đã lưu: {0}").format(target))
        return target

    def open_external(self) -> bool:
        if QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path))):
            return True
        QMessageBox.warning(self, self.tr("Không mở được tệp"),
                            self.tr("Máy này chưa có phần mềm đọc PDF. Bấm “Lưu thành…” để lưu tệp, rồi mở nó "
                                    "trên máy khác hoặc sau khi cài phần mềm đọc PDF."))
        return False

    def _release(self) -> None:
        self.pages.close()
        if self.print_task is None:
            self._dispose()

    def _dispose(self) -> None:
        if self.job_folder is not None:
            # A PDF viewer opened with "Mở tệp PDF" may still hold the file (Windows refuses to delete it):
            # such a folder is left for ``print_actions`` to clear on a later print.
            shutil.rmtree(self.job_folder, ignore_errors=True)
            self.job_folder = None
        self.deleteLater()
