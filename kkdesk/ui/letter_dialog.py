"""The subject-access letter in the desk: preview, print with Qt's print dialog, save.

The preview is rendered from the register as it is now and is neither archived nor counted
as sent. *Print…* and *Save…* make the official letter: generated once, archived on the
request it answers (PDF bytes and SHA-256) and audited, then printed or written to a file.
PDF pages become images with pypdfium2 on a worker thread, so a long letter never freezes
the desk.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kkdesk.domain.enums import Language
from kkdesk.domain.levels import Capability
from kkdesk.reports.data import RenderedPdf
from kkdesk.services import access_report
from kkdesk.services.access_report import GeneratedLetter
from kkdesk.services.session import DeskSession
from kkdesk.ui.errors import describe_error
from kkdesk.ui.tasks import TaskRunner

PREVIEW_SCALE = 1.25  # 90 dpi: readable on screen, ~2 MB a page
PRINT_DPI = 200  # ample for text; keeps a 60-page letter's print job small


@dataclass(frozen=True)
class PageImage:
    """One rendered page as raw RGB bytes (QImage is built from it on the GUI thread)."""

    data: bytes
    width: int
    height: int
    stride: int

    def to_qimage(self) -> QImage:
        image = QImage(self.data, self.width, self.height, self.stride, QImage.Format.Format_BGR888)
        return image.copy()  # own the pixels: ``data`` may go away


def render_pages(pdf: bytes, scale: float, pages: range | None = None) -> list[PageImage]:
    """PDF pages as images (any thread; no Qt involved)."""
    import pypdfium2

    doc = pypdfium2.PdfDocument(pdf)
    try:
        out = []
        for i in pages if pages is not None else range(len(doc)):
            bitmap = doc[i].render(scale=scale)
            # pdfium renders BGR(x); a 3-byte format keeps memory down.
            out.append(PageImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride))
        return out
    finally:
        doc.close()


def page_count(pdf: bytes) -> int:
    import pypdfium2

    doc = pypdfium2.PdfDocument(pdf)
    try:
        return len(doc)
    finally:
        doc.close()


def print_pdf(pdf: bytes, printer: QPrinter) -> None:
    """Send every page of ``pdf`` to ``printer``, each scaled to the printable page."""
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("The printer could not be started.")
    try:
        dpi = min(PRINT_DPI, printer.resolution())
        total = page_count(pdf)
        for i in range(total):
            if i:
                printer.newPage()
            [page] = render_pages(pdf, dpi / 72, range(i, i + 1))
            image = page.to_qimage()
            target = QRectF(painter.viewport())
            size = image.size().scaled(target.size().toSize(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRectF(0, 0, size.width(), size.height()), image)
    finally:
        painter.end()


class LetterDialog(QDialog):
    """Preview, print and save the access letter of one customer."""

    def __init__(
        self,
        ds: DeskSession,
        runner: TaskRunner,
        number: str,
        *,
        request_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ds, self._runner, self._number, self._request_id = ds, runner, number, request_id
        self._rendered: RenderedPdf | None = None
        self.setWindowTitle(self.tr("Access letter — customer %1").replace("%1", number))
        self.resize(820, 900)

        self.language = QComboBox(self)
        self.language.addItem(self.tr("Customer's language"), None)
        self.language.addItem(self.tr("Finnish"), Language.FI.value)
        self.language.addItem(self.tr("Swedish"), Language.SV.value)
        self.language.addItem(self.tr("English"), Language.EN.value)
        self.language.currentIndexChanged.connect(self._on_language_changed)
        language_label = QLabel(self.tr("&Language:"), self)
        language_label.setBuddy(self.language)
        self.status = QLabel(self)

        self.pages = QWidget(self)
        self.pages_layout = QVBoxLayout(self.pages)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        scroll = QScrollArea(self)
        scroll.setWidget(self.pages)
        scroll.setWidgetResizable(True)
        scroll.setAccessibleName(self.tr("Letter preview"))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.print_button = QPushButton(self.tr("&Print…"), self)
        self.save_button = QPushButton(self.tr("&Save as PDF…"), self)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.print_button.clicked.connect(self.print_letter)
        self.save_button.clicked.connect(self.save_letter)
        if not ds.can(Capability.SUBJECT_REPORTS):
            why = self.tr("Your user level does not allow subject-access letters.")
            for button in (self.print_button, self.save_button):
                button.setEnabled(False)
                button.setToolTip(why)

        top = QHBoxLayout()
        top.addWidget(language_label)
        top.addWidget(self.language)
        top.addStretch(1)
        top.addWidget(self.status)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self.refresh()

    def chosen_language(self) -> str | None:
        value = self.language.currentData()
        return str(value) if value else None

    def refresh(self) -> None:
        """Render the preview again (after a change of language)."""
        if not self._ds.can(Capability.SUBJECT_REPORTS):
            self.status.setText(self.tr("Your user level does not allow subject-access letters."))
            return
        self.status.setText(self.tr("Preparing the letter…"))
        ds, number, lang = self._ds, self._number, self.chosen_language()

        def work() -> tuple[RenderedPdf, list[PageImage]]:
            rendered = access_report.preview(ds, number, language=lang)
            return rendered, render_pages(rendered.pdf, PREVIEW_SCALE)

        self._runner.run(
            work,
            success=self._on_preview_ready,
            failure=self._on_failed,
            key=f"letter-preview-{id(self)}",
        )

    def _on_language_changed(self, _index: int) -> None:
        self.refresh()

    def _on_preview_ready(self, result: tuple[RenderedPdf, list[PageImage]]) -> None:
        rendered, images = result
        self._rendered = rendered
        while self.pages_layout.count():
            item = self.pages_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for i, page in enumerate(images, 1):
            label = QLabel(self.pages)
            label.setPixmap(QPixmap.fromImage(page.to_qimage()))
            label.setAccessibleName(self.tr("Page %1").replace("%1", str(i)))
            label.setFrameShape(QLabel.Shape.Box)
            self.pages_layout.addWidget(label)
        self.status.setText(self.tr("%n page(s)", "", rendered.pages))

    def _on_failed(self, exc: BaseException) -> None:
        self.status.setText(describe_error(exc))

    def _generate(self, then: Callable[[GeneratedLetter], None]) -> None:
        """Make the official letter (archived and audited), then hand it to ``then``."""
        ds, number, lang, request_id = (
            self._ds,
            self._number,
            self.chosen_language(),
            self._request_id,
        )
        self.status.setText(self.tr("Generating the letter…"))
        self._runner.run(
            lambda: access_report.generate(
                ds, None if request_id else number, request_id=request_id, language=lang
            ),
            success=then,
            failure=self._on_failed,
        )

    def print_letter(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return

        def send(letter: GeneratedLetter) -> None:
            try:
                print_pdf(letter.pdf, printer)
            except OSError as exc:
                self.status.setText(str(exc))
                return
            self.status.setText(self._sent_text(letter))

        self._generate(send)

    def save_letter(self) -> None:
        suggested = f"access-letter-{self._number}.pdf"
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the letter"), suggested, self.tr("PDF files (*.pdf)")
        )
        if not path:
            return

        def write(letter: GeneratedLetter) -> None:
            try:
                Path(path).write_bytes(letter.pdf)
            except OSError as exc:
                self.status.setText(str(exc))
                return
            self.status.setText(self._sent_text(letter))

        self._generate(write)

    def _sent_text(self, letter: GeneratedLetter) -> str:
        if letter.request_id is not None:
            return self.tr("Done; archived on request %1.").replace("%1", str(letter.request_id))
        return self.tr("Done (no open access request to archive it on).")
