"""The letters of one data-subject request in the desk: make each step's letter (preview,
print, save), see every letter archived on the request, and record how each was sent.

The preview is neither archived nor counted as sent. *Print…* and *Save as PDF…* make the
official letter through :mod:`kkdesk.services.step_letters`: archived on the request with
its SHA-256 and audited. *Record sending…* asks how (post, e-mail, handed over) and when.
Every service call runs on the task runner: the dialog never waits on the database.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kkdesk.domain.enums import Language
from kkdesk.domain.letters import FOR_REQUEST, NEED_CUSTOMER, LetterKind, SendVia
from kkdesk.domain.levels import Capability
from kkdesk.domain.subject_requests import LetterInfo, SubjectRequest
from kkdesk.errors import KnownError
from kkdesk.services import requests, step_letters
from kkdesk.services.session import DeskSession
from kkdesk.services.step_letters import COPY_KIND, MadeLetter
from kkdesk.ui.desk_events import announce_change
from kkdesk.ui.failures import report_failure
from kkdesk.ui.formatting import format_date, format_datetime
from kkdesk.ui.letter_dialog import (
    PREVIEW_SCALE,
    PageImage,
    describe_request_error,
    language_name,
    prepare_printer,
    print_pdf,
    render_pages,
)
from kkdesk.ui.record_table import RecordTableModel, record_table
from kkdesk.ui.tasks import TaskRunner
from kkdesk.ui.widgets import DateEdit

_Index = QModelIndex | QPersistentModelIndex


def letter_kind_label(kind: str) -> str:
    labels = {
        LetterKind.ACCESS: QCoreApplication.translate("letters", "Access reply (Art. 15)"),
        LetterKind.ACKNOWLEDGEMENT: QCoreApplication.translate(
            "letters", "Acknowledgement (Art. 12(3))"
        ),
        LetterKind.EXTENSION: QCoreApplication.translate(
            "letters", "Extension notice (Art. 12(3))"
        ),
        LetterKind.REFUSAL: QCoreApplication.translate("letters", "Refusal (Art. 12(4))"),
        LetterKind.NO_DATA: QCoreApplication.translate(
            "letters", "We hold no data on you (Art. 15)"
        ),
        LetterKind.IDENTIFICATION: QCoreApplication.translate(
            "letters", "Request for identification (Art. 12(6))"
        ),
        LetterKind.CONFIRMATION: QCoreApplication.translate(
            "letters", "Confirmation of prohibitions and objection (Art. 21)"
        ),
        LetterKind.SOURCE_NOTICE: QCoreApplication.translate(
            "letters", "Notice of data from another source (Art. 14)"
        ),
        LetterKind.RECIPIENT_NOTICE: QCoreApplication.translate(
            "letters", "Notice to each recipient (Art. 19)"
        ),
        LetterKind.RECIPIENTS_LIST: QCoreApplication.translate(
            "letters", "The recipients, told to the person (Art. 19)"
        ),
        LetterKind.COPY_COVER: QCoreApplication.translate(
            "letters", "Cover letter of the machine-readable copy (Art. 20)"
        ),
        LetterKind.ERASURE: QCoreApplication.translate("letters", "Erasure outcome (Art. 17)"),
    }
    if kind == COPY_KIND:
        return QCoreApplication.translate("letters", "Machine-readable copy (JSON)")
    try:
        return labels[LetterKind(kind)]
    except ValueError:
        return kind


def via_label(via: SendVia | str) -> str:
    return {
        SendVia.POST: QCoreApplication.translate("letters", "By post"),
        SendVia.EMAIL: QCoreApplication.translate("letters", "By e-mail"),
        SendVia.HANDED: QCoreApplication.translate("letters", "Handed over"),
    }[SendVia(via)]


def describe_letter_error(exc: BaseException) -> str:
    """The step letters' own refusals in the user's language (the rest as requests')."""
    if isinstance(exc, KnownError):
        sentences = {
            "request_not_extended": QCoreApplication.translate(
                "letters", "Extend the request (with its reason) before making its notice."
            ),
            "extension_notice_late": QCoreApplication.translate(
                "letters",
                "An extension must be notified within the first month of the request.",
            ),
            "request_has_customer": QCoreApplication.translate(
                "letters",
                "The requester is a customer, so the register does hold data on them: send "
                "the access letter instead.",
            ),
            "letter_not_for_request": QCoreApplication.translate(
                "letters", "This letter does not answer this kind of request."
            ),
            "letter_needs_customer": QCoreApplication.translate(
                "letters", "This letter needs a customer on the register."
            ),
            "no_recipients": QCoreApplication.translate(
                "letters", "No disclosure of the customer's data is recorded: no recipient to tell."
            ),
            "nothing_from_other_sources": QCoreApplication.translate(
                "letters", "None of the customer's data came from another source."
            ),
            "letter_already_sent": QCoreApplication.translate(
                "letters", "The letter's sending has already been recorded."
            ),
            "letter_not_found": QCoreApplication.translate("letters", "The letter was not found."),
        }
        if exc.code in sentences:
            return sentences[exc.code]
        errors = getattr(exc, "errors", None)
        if isinstance(errors, dict) and "reason" in errors:
            return QCoreApplication.translate("letters", "Write the reasons the letter gives.")
        if isinstance(errors, dict) and "sent_on" in errors:
            return QCoreApplication.translate(
                "letters", "The date cannot be in the future nor before the letter was made."
            )
    return describe_request_error(exc)


class LettersModel(RecordTableModel[LetterInfo]):
    """The letters archived on a request, with how each was sent."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            (self.tr("Letter"), self.tr("To"), self.tr("Language"), self.tr("Made"),
             self.tr("Sent")),
            parent,
        )  # fmt: skip

    def cells(self, x: LetterInfo) -> tuple[str, ...]:
        if x.kind == COPY_KIND:
            sent = ""
        elif x.sent_on is not None:
            sent = f"{format_date(x.sent_on)}, {via_label(x.sent_via)}"
        else:
            sent = self.tr("not recorded")
        return (
            letter_kind_label(x.kind),
            x.addressee or self.tr("the person"),
            language_name(x.language) if x.language in {v.value for v in Language} else "",
            format_datetime(x.created_at),
            sent,
        )

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        x = self.row(index.row()) if index.isValid() else None
        if x is not None and role == Qt.ItemDataRole.ToolTipRole:
            return f"SHA-256 {x.sha256}"
        return super().data(index, role)


class SendingDialog(QDialog):
    """How and when a letter was sent."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Record the sending"))
        self.via = QComboBox(self)
        for via in SendVia:
            self.via.addItem(via_label(via), via.value)
        # Typed in the user's format or picked from the calendar (the shared date field).
        self.sent_on = DateEdit(self)
        self.sent_on.setMaximumDate(QDate.currentDate())
        form = QFormLayout()
        form.addRow(self.tr("&How:"), self.via)
        form.addRow(self.tr("&Sent on:"), self.sent_on)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def values(self) -> tuple[str, date]:
        day = self.sent_on.date().toPython()
        assert isinstance(day, date)
        return str(self.via.currentData()), day


class StepLetterDialog(QDialog):
    """Make the letters of one request's steps and record how each went."""

    def __init__(
        self,
        ds: DeskSession,
        runner: TaskRunner,
        request: SubjectRequest,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ds, self._runner, self._request = ds, runner, request
        self._busy = False
        self._has_preview = False
        who = request.customer_number or request.requester_name or request.customer_name
        self.setWindowTitle(
            self.tr("Letters of request %1 — %2").replace("%1", str(request.id)).replace("%2", who)
        )
        self.resize(1000, 760)

        self.kind = QComboBox(self)
        for kind in self.kinds():
            self.kind.addItem(letter_kind_label(kind), kind.value)
        kind_label = QLabel(self.tr("&Letter:"), self)
        kind_label.setBuddy(self.kind)
        self.language = QComboBox(self)
        self.language.addItem(self.tr("Customer's language"), None)
        for lang in Language:
            self.language.addItem(language_name(lang), lang.value)
        language_label = QLabel(self.tr("L&anguage:"), self)
        language_label.setBuddy(self.language)
        self.reason = QPlainTextEdit(self)
        self.reason.setAccessibleName(self.tr("Reasons or what to send"))
        self.reason.setMaximumHeight(80)
        self.reason_label = QLabel(self.tr("&Reasons:"), self)
        self.reason_label.setBuddy(self.reason)
        self.warning = QLabel(self)
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #8a4b00")
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Letter status"))

        self.page = QLabel(self)
        self.page.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.page.setAccessibleName(self.tr("Page 1 of the letter"))
        scroll = QScrollArea(self)
        scroll.setWidget(self.page)
        scroll.setWidgetResizable(True)
        scroll.setAccessibleName(self.tr("Letter preview"))

        self.letters = LettersModel(self)
        self.table = record_table(
            self.letters, self, name="stepLettersTable", accessible_name=self.tr("Letters sent")
        )
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.letters.set_rows(request.letters)

        self.preview_button = QPushButton(self.tr("Pre&view"), self)
        self.print_button = QPushButton(self.tr("&Print…"), self)
        self.save_button = QPushButton(self.tr("&Save as PDF…"), self)
        self.sent_button = QPushButton(self.tr("Record se&nding…"), self)
        self.preview_button.clicked.connect(self.refresh)
        self.print_button.clicked.connect(self.print_letter)
        self.save_button.clicked.connect(self.save_letter)
        self.sent_button.clicked.connect(self.record_sending)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(kind_label, self.kind)
        form.addRow(language_label, self.language)
        form.addRow(self.reason_label, self.reason)
        actions = QHBoxLayout()
        for button in (self.preview_button, self.print_button, self.save_button):
            actions.addWidget(button)
        actions.addStretch(1)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.addLayout(form)
        left_layout.addLayout(actions)
        left_layout.addWidget(self.warning)
        left_layout.addWidget(self.status)
        left_layout.addWidget(QLabel(self.tr("Letters of this request:"), self))
        left_layout.addWidget(self.table, 1)
        sent_row = QHBoxLayout()
        sent_row.addStretch(1)
        sent_row.addWidget(self.sent_button)
        left_layout.addLayout(sent_row)
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(scroll)
        splitter.setSizes([430, 570])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(close)

        self.kind.currentIndexChanged.connect(self._on_kind_changed)
        self.language.currentIndexChanged.connect(lambda _i: self.refresh())
        self._allowed = ds.can(Capability.SUBJECT_REPORTS)
        self._on_kind_changed(self.kind.currentIndex())

    def kinds(self) -> list[LetterKind]:
        """The letters this request may get: by its kind, and whether its requester is a
        customer on the register."""
        customer = bool(self._request.customer_number)
        out = []
        for kind in FOR_REQUEST[self._request.kind]:
            if kind in NEED_CUSTOMER and not customer:
                continue
            if kind is LetterKind.NO_DATA and customer:
                continue
            out.append(kind)
        return out

    def chosen_kind(self) -> LetterKind:
        return LetterKind(str(self.kind.currentData()))

    def chosen_language(self) -> str | None:
        value = self.language.currentData()
        return str(value) if value else None

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        ok = self._allowed and not busy
        for button in (self.preview_button, self.print_button, self.save_button,
                       self.sent_button):  # fmt: skip
            button.setEnabled(ok)

    def _on_kind_changed(self, _index: int) -> None:
        kind = self.chosen_kind() if self.kind.count() else None
        # Each letter asks its own thing here: what one letter was given is not another's.
        self.reason.clear()
        self.reason.setPlaceholderText("")
        if kind is LetterKind.REFUSAL:
            self.reason_label.setText(self.tr("&Reasons:"))
            self.reason.setReadOnly(False)
            if self._request.status.value == "refused":
                self.reason.setPlainText(self._request.note)
        elif kind is LetterKind.IDENTIFICATION:
            self.reason_label.setText(self.tr("&What to send:"))
            self.reason.setReadOnly(False)
            self.reason.setPlaceholderText(self.tr("One item a line; empty: the usual ones"))
        elif kind is LetterKind.RECIPIENT_NOTICE:
            self.reason_label.setText(self.tr("Recipients' a&ddresses:"))
            self.reason.setReadOnly(False)
            self.reason.setPlaceholderText(
                self.tr("One recipient a line: its name as recorded; street; postal code and town")
            )
        elif kind is LetterKind.EXTENSION:
            self.reason_label.setText(self.tr("&Reasons:"))
            self.reason.setPlainText(self._request.extension_reason)
            self.reason.setReadOnly(True)
        else:
            self.reason_label.setText(self.tr("&Reasons:"))
            self.reason.setReadOnly(True)
        self.reason.setEnabled(
            kind
            in (
                LetterKind.REFUSAL,
                LetterKind.IDENTIFICATION,
                LetterKind.EXTENSION,
                LetterKind.RECIPIENT_NOTICE,
            )
        )
        self.refresh()

    def _params(self) -> dict[str, Any]:
        kind = self.chosen_kind()
        wanted = kind in (LetterKind.REFUSAL, LetterKind.IDENTIFICATION)
        reason = self.reason.toPlainText() if wanted else ""
        addresses: dict[str, list[str]] = {}
        if kind is LetterKind.RECIPIENT_NOTICE:
            for line in self.reason.toPlainText().splitlines():
                name, *rest = [part.strip() for part in line.split(";")]
                if name:
                    addresses[name] = [x for x in rest if x]
        return {
            "request_id": self._request.id,
            "language": self.chosen_language(),
            "reason": reason,
            "addresses": addresses,
        }

    def refresh(self) -> None:
        """Preview the chosen letter (not archived)."""
        if not self._allowed:
            self.status.setText(self.tr("Your user level does not allow subject-access letters."))
            self._set_busy(False)
            return
        if not self.kind.count():
            return
        ds, kind, params = self._ds, self.chosen_kind(), self._params()
        if kind is LetterKind.REFUSAL and not params["reason"].strip():
            self.status.setText(self.tr("Write the reasons the letter gives."))
            return
        self.status.setText(self.tr("Preparing the preview…"))

        def work() -> tuple[int, tuple[str, ...], list[PageImage]]:
            pdf, pages, warnings = step_letters.preview(ds, kind, **params)
            return pages, warnings, render_pages(pdf, PREVIEW_SCALE * 0.8, range(1))

        self._runner.run(
            work,
            success=self._on_preview_ready,
            failure=self._on_failed,
            key=f"step-preview-{id(self)}",
        )

    def _on_preview_ready(self, result: tuple[int, tuple[str, ...], list[PageImage]]) -> None:
        pages, warnings, images = result
        self._has_preview = True
        if images:
            self.page.setPixmap(QPixmap.fromImage(images[0].to_qimage()))
        self.status.setText(self.tr("Preview: %n page(s)", "", pages))
        self.show_warnings(warnings)

    def show_warnings(self, warnings: tuple[str, ...]) -> None:
        if warnings:
            self.warning.setText(
                self.tr(
                    "The register settings leave these contact details empty, so the letter "
                    "prints without them: %1"
                ).replace("%1", ", ".join(contact_label(k) for k in warnings))
            )
        else:
            self.warning.clear()

    def _on_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.status.setText(
            report_failure(exc, self, context="a step letter", describe=describe_letter_error)
        )

    def _reload_letters(self) -> None:
        ds, rid = self._ds, self._request.id
        self._runner.run(
            lambda: requests.get(ds, rid), success=self._on_request_loaded, failure=self._on_failed
        )

    def _on_request_loaded(self, request: SubjectRequest) -> None:
        self._request = request
        self.letters.set_rows(request.letters)

    def _generate(self, then: Callable[[list[MadeLetter]], None]) -> None:
        ds, kind, params = self._ds, self.chosen_kind(), self._params()
        self._set_busy(True)
        self.status.setText(self.tr("Making the letter…"))

        def done(letters: list[MadeLetter]) -> None:
            self._set_busy(False)
            self.show_warnings(letters[0].warnings if letters else ())
            then(letters)
            self._reload_letters()
            # Archived and audited: the audit tab and the request lists show the letter.
            announce_change(self._request.customer_number or "")

        self._runner.run(
            lambda: step_letters.generate(ds, kind, **params), success=done, failure=self._on_failed
        )

    def save_letter(self) -> None:
        if self.chosen_kind() in (LetterKind.RECIPIENT_NOTICE, LetterKind.COPY_COVER):
            folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for the letters"))
            if folder:
                self.save_to(Path(folder))
            return
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the letter"), f"{self.chosen_kind().value}.pdf",
            self.tr("PDF files (*.pdf)"),
        )  # fmt: skip
        if path:
            self.save_to(Path(path))

    def save_to(self, path: Path) -> None:
        """Make the letter(s) and write them: into ``path`` when it is a folder (under the
        letters' own names, with a copy's JSON beside its cover letter), else to it."""

        def write(letters: list[MadeLetter]) -> None:
            try:
                for letter in letters:
                    target = path / letter.file_name if path.is_dir() else path
                    target.write_bytes(letter.pdf)
                    if letter.attachment:
                        (target.parent / letter.attachment_name).write_bytes(letter.attachment)
            except OSError as exc:
                self.status.setText(
                    self.tr("The file could not be written: %1").replace("%1", exc.strerror or "")
                )
                return
            self.status.setText(
                self.tr("Saved %n letter(s); archived on the request.", "", len(letters))
            )

        self._generate(write)

    def print_letter(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        prepare_printer(printer)
        if QPrintDialog(printer, self).exec() != QDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> None:
        def send(letters: list[MadeLetter]) -> None:
            try:
                for letter in letters:
                    print_pdf(letter.pdf, printer)
            except OSError:
                self.status.setText(self.tr("The printer could not be started."))
                return
            self.status.setText(
                self.tr("Printed %n letter(s); archived on the request.", "", len(letters))
            )

        self._generate(send)

    def selected_letter(self) -> LetterInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.letters.row(rows[0].row()) if rows else None

    def record_sending(self) -> None:
        chosen = self.selected_letter()
        if chosen is None or chosen.kind == COPY_KIND:
            self.status.setText(self.tr("Choose a letter in the list first."))
            return
        if chosen.sent:
            self.status.setText(self.tr("The letter's sending has already been recorded."))
            return
        dialog = SendingDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        via, day = dialog.values()
        self.record_sending_of(chosen.id, via, day)

    def record_sending_of(self, letter_id: int, via: str, day: date) -> None:
        ds = self._ds

        def recorded(_letter: LetterInfo) -> None:
            self.status.setText(self.tr("The sending is recorded."))
            self._reload_letters()

        self._runner.run(
            lambda: step_letters.record_sending(ds, letter_id, via, sent_on=day),
            success=recorded,
            failure=self._on_failed,
        )


def contact_label(key: str) -> str:
    """A register setting's name as the desk shows it (the settings editor's labels)."""
    from kkdesk.ui.register_settings_dialog import setting_label

    return setting_label(key)
