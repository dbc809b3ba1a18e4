"""The subject-access letter in the desk: preview, print with Qt's print dialog, save.

The preview is rendered from the register as it is now and is neither archived nor counted
as sent. *Print…* and *Save as PDF…* make the official letter: generated once, archived on
the request it answers (PDF bytes and SHA-256) and audited, then printed or written to a
file. PDF pages become images with pypdfium2 on a worker thread, so a long letter never
freezes the desk, and only the pages in view and a few either side of them are held as
images (a page is about 2 MB): a 45-page letter would otherwise hold 100 MB. Printing is
at true scale on A4 from the paper's corner, so the address lands in the envelope's window
whatever margins the printer driver would add.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPixmap, QResizeEvent
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kkdesk import files
from kkdesk.domain.enums import Language
from kkdesk.domain.letters import empty_contact_fields
from kkdesk.domain.levels import Capability
from kkdesk.errors import KnownError, ValidationFailed
from kkdesk.services import access_report, register_settings
from kkdesk.services.access_report import GeneratedLetter, Preview
from kkdesk.services.session import DeskSession
from kkdesk.ui.desk_events import announce_change
from kkdesk.ui.errors import describe_error
from kkdesk.ui.failures import report_failure
from kkdesk.ui.formatting import format_date
from kkdesk.ui.screen import fit_to_screen
from kkdesk.ui.tasks import Task, TaskRunner

PREVIEW_SCALE = 1.25  # 90 dpi: readable on screen, ~2 MB a page
PREVIEW_FIRST = 2  # pages rendered with the preview itself; the rest as they come into view
PREVIEW_KEEP = 2  # pages kept as images either side of those in view (a few MB each)
PRINT_DPI = 200  # ample for text; keeps a 60-page letter's print job small


def language_name(language: Language | str) -> str:
    return {
        Language.FI: QCoreApplication.translate("letters", "Finnish"),
        Language.SV: QCoreApplication.translate("letters", "Swedish"),
        Language.EN: QCoreApplication.translate("letters", "English"),
    }[Language(language)]


def describe_request_error(exc: BaseException) -> str:
    """The errors of requests and letters in the user's language (the rest as usual)."""
    if isinstance(exc, ValidationFailed):
        labels = {
            "number": QCoreApplication.translate("letters", "Customer number"),
            "kind": QCoreApplication.translate("letters", "Request"),
            "channel": QCoreApplication.translate("letters", "Channel"),
            "received_on": QCoreApplication.translate("letters", "Received on"),
            "reason": QCoreApplication.translate("letters", "Reason"),
            "note": QCoreApplication.translate("letters", "Note"),
        }
        problems = {
            "required": QCoreApplication.translate("letters", "Required."),
            "date_future": QCoreApplication.translate("letters", "The date is in the future."),
            "too_long": QCoreApplication.translate("letters", "Too long."),
            "invalid": QCoreApplication.translate("letters", "Not one of the choices."),
        }
        if set(exc.errors) <= set(labels):
            lines = [
                f"{labels[key]}: {problems.get(err.code, err.message)}"
                for key, err in exc.errors.items()
            ]
            return "\n".join(
                [QCoreApplication.translate("letters", "Some fields need attention:"), *lines]
            )
    if isinstance(exc, KnownError):
        sentences = {
            "customer_not_found": QCoreApplication.translate(
                "letters", "There is no such customer."
            ),
            "request_not_found": QCoreApplication.translate(
                "letters", "The request was not found."
            ),
            "request_closed": QCoreApplication.translate(
                "letters", "The request has already been closed."
            ),
            "request_already_extended": QCoreApplication.translate(
                "letters", "The deadline has already been extended once; it cannot be again."
            ),
            "request_extension_late": QCoreApplication.translate(
                "letters",
                "The deadline has passed: an extension must be made, and the requester "
                "told why, within the first month.",
            ),
            "request_not_access": QCoreApplication.translate(
                "letters", "That request is not an access request; the letter does not answer it."
            ),
            "request_other_customer": QCoreApplication.translate(
                "letters", "That request is from another customer."
            ),
            "request_status": QCoreApplication.translate(
                "letters", "A request is closed as done or refused."
            ),
            "identity_not_checked": QCoreApplication.translate(
                "letters",
                "No identity check is recorded for this request, so no copy of the data is "
                "made. Record how the requester's identity was verified (Identity… in the "
                "requests list), or send a request for identification first.",
            ),
            "request_requester_removed": QCoreApplication.translate(
                "letters",
                "The contact person who made this request has been removed: a copy of the "
                "company's data cannot go to them.",
            ),
            "letter_corrupt": QCoreApplication.translate(
                "letters", "The archived letter does not match its recorded hash."
            ),
            "report_fonts_missing": QCoreApplication.translate(
                "letters", "The letter fonts are missing from the installation."
            ),
        }
        if exc.code in sentences:
            return sentences[exc.code]
    return describe_error(exc)


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


def prepare_printer(printer: QPrinter) -> None:
    """A4 portrait with the page's own coordinates: the letter's layout (the address block
    20 mm from the left, 45 mm from the top) must reach the paper unscaled."""
    printer.setFullPage(True)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)


def print_pdf(pdf: bytes, printer: QPrinter) -> None:
    """Send every page of ``pdf`` to ``printer`` at true scale on A4."""
    prepare_printer(printer)
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("The printer could not be started.")
    try:
        dpi = min(PRINT_DPI, printer.resolution())
        paper = QRectF(printer.pageLayout().fullRectPixels(printer.resolution()))
        for i in range(page_count(pdf)):
            if i:
                printer.newPage()
            [page] = render_pages(pdf, dpi / 72, range(i, i + 1))
            # Full-page mode: (0, 0) is the paper's corner and the paper rectangle is A4.
            painter.drawImage(QRectF(0, 0, paper.width(), paper.height()), page.to_qimage())
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
        self._preview: Preview | None = None
        self._busy = False
        self.setWindowTitle(self.tr("Access letter — customer %1").replace("%1", number))
        fit_to_screen(self, 860, 920)  # a 720-pixel screen gets a shorter window

        self.language = QComboBox(self)
        self.language.addItem(self.tr("Customer's language"), None)
        for lang in Language:
            self.language.addItem(language_name(lang), lang.value)
        self.language.currentIndexChanged.connect(self._on_language_changed)
        language_label = QLabel(self.tr("&Language:"), self)
        language_label.setBuddy(self.language)
        self.status = QLabel(self)
        self.status.setAccessibleName(self.tr("Letter status"))
        # What Print and Save will do: archived on which request, or not archived at all.
        self.answers = QLabel(self)
        self.answers.setWordWrap(True)
        self.answers.setAccessibleName(self.tr("What the letter answers"))
        # Contact details the letter prints but the register settings leave empty.
        self.contact_warning = QLabel(self)
        self.contact_warning.setWordWrap(True)
        self.contact_warning.setStyleSheet("color: #8a4b00")

        self.pages = QWidget(self)
        self.pages_layout = QVBoxLayout(self.pages)
        self.pages_layout.setSpacing(12)
        # The pages widget is as tall as its pages: the scroll area scrolls, never squeezes.
        self.pages_layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        scroll = QScrollArea(self)
        scroll.setWidget(self.pages)
        scroll.setWidgetResizable(True)
        scroll.setAccessibleName(self.tr("Letter preview"))
        scroll.setBackgroundRole(self.backgroundRole())
        self.preview_area = scroll
        self._page_labels: list[QLabel] = []
        self._rendering: set[int] = set()  # pages being rendered on a worker thread
        self._generation = 0  # which preview the page images belong to
        # Scrolling asks for the pages in view once it pauses, not on every step.
        self._draw_timer = QTimer(self)
        self._draw_timer.setSingleShot(True)
        self._draw_timer.setInterval(60)
        self._draw_timer.timeout.connect(self._render_pages_in_view)
        scroll.verticalScrollBar().valueChanged.connect(lambda _v: self._draw_timer.start())
        self._drawing: list[Task] = []  # previews and pages being made on worker threads
        self.finished.connect(self._stop_drawing)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.print_button = QPushButton(self.tr("&Print…"), self)
        self.save_button = QPushButton(self.tr("&Save as PDF…"), self)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.print_button.clicked.connect(self.print_letter)
        self.save_button.clicked.connect(self.save_letter)
        self._allowed = ds.can(Capability.SUBJECT_REPORTS)
        # An offline snapshot previews the letter but neither prints nor saves it: both
        # archive the letter on its request (a write) and take the data out (an export).
        self._can_issue = self._allowed and not ds.read_only
        if not self._allowed:
            why = self.tr("Your user level does not allow subject-access letters.")
            for button in (self.print_button, self.save_button):
                button.setToolTip(why)
        elif ds.read_only:
            why = self.tr("An offline snapshot is read-only: print and save from the register.")
            for button in (self.print_button, self.save_button):
                button.setToolTip(why)

        top = QHBoxLayout()
        top.addWidget(language_label)
        top.addWidget(self.language)
        top.addStretch(1)
        top.addWidget(self.status)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.answers)
        layout.addWidget(self.contact_warning)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self._set_busy(False)
        self.refresh()

    def chosen_language(self) -> str | None:
        value = self.language.currentData()
        return str(value) if value else None

    def _set_busy(self, busy: bool) -> None:
        """While a letter is being made, Print and Save wait (a second click would make a
        second archived letter)."""
        self._busy = busy
        for button in (self.print_button, self.save_button):
            button.setEnabled(self._can_issue and not busy and self._preview is not None)

    def refresh(self) -> None:
        """Render the preview again (after a change of language)."""
        if not self._allowed:
            self.status.setText(self.tr("Your user level does not allow subject-access letters."))
            return
        self.status.setText(self.tr("Preparing the preview…"))
        ds, number, lang, rid = self._ds, self._number, self.chosen_language(), self._request_id

        def work() -> tuple[Preview, list[PageImage]]:
            shown = access_report.preview(ds, number, request_id=rid, language=lang)
            first = range(min(PREVIEW_FIRST, shown.pages))
            return shown, render_pages(shown.pdf, PREVIEW_SCALE, first)

        self._drawing.append(
            self._runner.run(
                work,
                success=self._on_preview_ready,
                failure=self._on_failed,
                key=f"letter-preview-{id(self)}",
            )
        )
        self._drawing.append(
            self._runner.run(
                lambda: empty_contact_fields(register_settings.get(ds)),
                success=self._on_contacts_checked,
                failure=self._on_failed,
            )
        )

    def _on_contacts_checked(self, empty: tuple[str, ...]) -> None:
        from kkdesk.ui.register_settings_dialog import setting_label

        self.contact_warning.setText(
            self.tr(
                "The register settings leave these contact details empty, so the letter "
                "prints without them: %1"
            ).replace("%1", ", ".join(setting_label(k) for k in empty))
            if empty
            else ""
        )

    def _on_language_changed(self, _index: int) -> None:
        self.refresh()

    def _on_preview_ready(self, result: tuple[Preview, list[PageImage]]) -> None:
        shown, images = result
        self._preview = shown
        announce_change(self._number)  # the preview's read is in the audit trail now
        self._generation += 1
        self._rendering.clear()
        while self.pages_layout.count():
            item = self.pages_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        # Every page of a letter is A4: each gets its place at once, the first ones their
        # image; the others are drawn as they scroll into view.
        size = QSize(images[0].width, images[0].height) if images else QSize(744, 1052)
        self._page_labels = []
        for i in range(shown.pages):
            label = QLabel(self.pages)
            label.setFixedSize(size)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setAccessibleName(self.tr("Page %1").replace("%1", str(i + 1)))
            label.setFrameShape(QLabel.Shape.Box)
            self.pages_layout.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
            self._page_labels.append(label)
            self._show_page(i, images[i] if i < len(images) else None)
        self._draw_timer.start()
        if self.language.currentIndex() == 0:
            self.language.setItemText(
                0, self.tr("Customer's language (%1)").replace("%1", language_name(shown.language))
            )
        self.status.setText(self.tr("Preview: %n page(s)", "", shown.pages))
        if shown.request_id is not None:
            text = self.tr(
                "Answers request no. %1, received %2. Print or save it to send it: the letter "
                "is then archived on the request and its making is logged."
            )
            text = text.replace("%1", str(shown.request_id))
            text = text.replace("%2", format_date(shown.received_on))
        else:
            text = self.tr(
                "The customer has no open access request, so the letter will not be archived "
                "on one (its making is still logged). Register the request first if it "
                "answers one."
            )
        self.answers.setText(text)
        self._set_busy(self._busy)

    def _show_page(self, index: int, image: PageImage | None) -> None:
        label = self._page_labels[index]
        if image is None:
            label.clear()
            label.setText(self.tr("Page %1").replace("%1", str(index + 1)))
        else:
            label.setPixmap(QPixmap.fromImage(image.to_qimage()))

    def rendered_pages(self) -> list[int]:
        """The pages held as images now (numbered from 0)."""
        return [i for i, label in enumerate(self._page_labels) if not label.pixmap().isNull()]

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        timer = getattr(self, "_draw_timer", None)  # not yet made while __init__ sizes us
        if timer is not None:
            timer.start()  # a taller window shows more pages

    def pages_in_view(self) -> range:
        """The pages the preview shows now, numbered from 0 (empty while there are none)."""
        if not self._page_labels:
            return range(0)
        top = self.preview_area.verticalScrollBar().value()
        bottom = top + self.preview_area.viewport().height()
        seen = [
            i
            for i, label in enumerate(self._page_labels)
            if label.y() < bottom and label.y() + label.height() > top
        ]
        return range(seen[0], seen[-1] + 1) if seen else range(0)

    def _render_pages_in_view(self) -> None:
        """Render the pages in view and one either side; let go of the images far away."""
        shown = self._preview
        view = self.pages_in_view()
        if shown is None or not view:
            return
        wanted = range(max(0, view.start - 1), min(shown.pages, view.stop + 1))
        keep = range(max(0, wanted.start - PREVIEW_KEEP), wanted.stop + PREVIEW_KEEP)
        for i in self.rendered_pages():
            if i not in keep:
                self._show_page(i, None)
        held = set(self.rendered_pages()) | self._rendering
        missing = [i for i in wanted if i not in held]
        if not missing:
            return
        pages = range(missing[0], missing[-1] + 1)
        self._rendering.update(pages)
        generation, pdf = self._generation, shown.pdf

        def done(images: list[PageImage]) -> None:
            if generation != self._generation:
                return  # another preview (another language) came meanwhile
            self._rendering.difference_update(pages)
            for i, image in zip(pages, images, strict=True):
                self._show_page(i, image)
            self._draw_timer.start()  # the view may have moved on meanwhile

        def failed(exc: BaseException) -> None:
            if generation == self._generation:
                self._rendering.difference_update(pages)
            self._on_failed(exc)

        self._drawing.append(
            self._runner.run(
                lambda: render_pages(pdf, PREVIEW_SCALE, pages), success=done, failure=failed
            )
        )

    def _stop_drawing(self) -> None:
        """The dialog is closing: previews and pages still being made are not wanted (the
        dialog may be gone when they are ready). A letter being made to print or save is
        not stopped: it is archived, and its file is written, whatever the dialog does."""
        for task in self._drawing:
            task.cancel()
        self._drawing.clear()
        self._draw_timer.stop()

    def _on_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.status.setText(
            report_failure(exc, self, context="a letter", describe=describe_request_error)
        )

    def _generate(self, then: Callable[[GeneratedLetter], None]) -> None:
        """Make the official letter (archived and audited), then hand it to ``then``."""
        ds, number, lang = self._ds, self._number, self.chosen_language()
        rid = self._preview.request_id if self._preview is not None else self._request_id
        self._set_busy(True)
        self.status.setText(self.tr("Making the letter…"))

        def done(letter: GeneratedLetter) -> None:
            self._set_busy(False)
            announce_change(number)  # archived and audited: the audit tab and lists show it
            then(letter)

        self._runner.run(
            lambda: access_report.generate(ds, number, request_id=rid, language=lang),
            success=done,
            failure=self._on_failed,
        )

    def print_letter(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        prepare_printer(printer)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> None:
        """Make the letter and send it to ``printer`` (chosen in the print dialog)."""

        def send(letter: GeneratedLetter) -> None:
            try:
                print_pdf(letter.pdf, printer)
            except OSError:
                self.status.setText(self.tr("The printer could not be started."))
                return
            self.status.setText(self._sent_text(letter, self.tr("Printed")))

        self._generate(send)

    def save_letter(self) -> None:
        lang = self.chosen_language() or (
            self._preview.language.value if self._preview is not None else ""
        )
        suggested = f"access-letter-{self._number}-{lang}.pdf" if lang else "access-letter.pdf"
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the letter"), suggested, self.tr("PDF files (*.pdf)")
        )
        if path:
            self.save_to(Path(path))

    def save_to(self, path: Path) -> None:
        """Make the letter and write it to ``path``."""

        def write(letter: GeneratedLetter) -> None:
            try:
                files.write_private(path, letter.pdf)  # 0600, atomically
            except OSError as exc:
                self.status.setText(
                    self.tr("The file could not be written: %1").replace("%1", exc.strerror or "")
                )
                return
            self.status.setText(self._sent_text(letter, self.tr("Saved")))

        self._generate(write)

    def _sent_text(self, letter: GeneratedLetter, what: str) -> str:
        if letter.request_id is not None:
            return (
                self.tr("%1; archived on request %2.")
                .replace("%1", what)
                .replace("%2", str(letter.request_id))
            )
        return self.tr("%1 (not archived: no open access request).").replace("%1", what)
