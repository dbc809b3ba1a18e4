"""Data-subject requests in the desk: the open requests with days left (coloured as the
deadline nears), registering, extending and closing them, and printing access letters —
one at a time with a preview, or every open access request at once with a progress bar.

:class:`RequestsWindow` lists the whole register's requests (the desk opens it from a
menu); :class:`RequestsPanel` is the customer view's tab with one customer's requests.
"""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QBrush, QColor, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kkdesk import files
from kkdesk.domain.consent import ConsentItem, Evidence
from kkdesk.domain.customer import Customer
from kkdesk.domain.enums import Channel, Purpose
from kkdesk.domain.levels import Capability
from kkdesk.domain.subject_requests import (
    LetterInfo,
    RequestKind,
    RequestStatus,
    SubjectRequest,
    Urgency,
)
from kkdesk.services import access_report, consents, requests, step_letters
from kkdesk.services.access_report import GeneratedLetter
from kkdesk.services.session import DeskSession
from kkdesk.services.step_letters import DueNotice, MadeLetter
from kkdesk.ui.columns import fit_columns
from kkdesk.ui.desk_events import announce_change, desk_events
from kkdesk.ui.failures import report_failure
from kkdesk.ui.formatting import format_date, format_datetime
from kkdesk.ui.letter_dialog import LetterDialog, describe_request_error
from kkdesk.ui.record_table import RecordTableModel, record_table
from kkdesk.ui.step_letter_dialog import StepLetterDialog, letter_kind_label
from kkdesk.ui.tasks import TaskRunner
from kkdesk.ui.widgets import DateEdit

_Index = QModelIndex | QPersistentModelIndex

# Background colours by urgency: light enough that black text stays readable.
URGENCY_COLOURS: dict[Urgency, QColor] = {
    Urgency.OVERDUE: QColor(244, 180, 180),
    Urgency.DUE: QColor(250, 210, 160),
    Urgency.SOON: QColor(250, 240, 170),
}


def kind_label(kind: RequestKind) -> str:
    return {
        RequestKind.ACCESS: QCoreApplication.translate("requests", "Access (Art. 15)"),
        RequestKind.RECTIFICATION: QCoreApplication.translate(
            "requests", "Rectification (Art. 16)"
        ),
        RequestKind.ERASURE: QCoreApplication.translate("requests", "Erasure (Art. 17)"),
        RequestKind.RESTRICTION: QCoreApplication.translate("requests", "Restriction (Art. 18)"),
        RequestKind.PORTABILITY: QCoreApplication.translate("requests", "Portability (Art. 20)"),
        RequestKind.OBJECTION: QCoreApplication.translate("requests", "Objection (Art. 21)"),
    }[kind]


def channel_label(channel: Channel) -> str:
    return {
        Channel.LETTER: QCoreApplication.translate("requests", "Letter"),
        Channel.EMAIL: QCoreApplication.translate("requests", "E-mail"),
        Channel.PHONE: QCoreApplication.translate("requests", "Phone"),
        Channel.WEBSHOP: QCoreApplication.translate("requests", "Webshop"),
        Channel.IN_PERSON: QCoreApplication.translate("requests", "In person"),
    }[channel]


class RequestsModel(RecordTableModel[SubjectRequest]):
    """Requests as rows; the deadline cells coloured by urgency."""

    def __init__(self, parent: QObject | None = None, *, today: date | None = None) -> None:
        super().__init__(
            (
                self.tr("Deadline"),
                self.tr("Days left"),
                self.tr("Request"),
                self.tr("Customer"),
                self.tr("Received"),
                self.tr("Channel"),
                self.tr("Identity checked"),
                self.tr("Status"),
                self.tr("Letters"),
            ),
            parent,
        )
        self.today = today or requests.today()

    def _days_left(self, r: SubjectRequest) -> str:
        if not r.is_open:
            return ""
        left = r.days_left(self.today)
        if left < 0:
            return self._late(-left)
        if left == 0:
            return self.tr("due today")
        return str(left)

    def _late(self, days: int) -> str:
        if days == 1:
            return self.tr("1 day late")
        return self.tr("%1 days late").replace("%1", QLocale().toString(days))

    def samples(self) -> tuple[str, ...]:
        """A wide value of each column but the last, in the current language: the columns
        start as wide as these (see :func:`~kkdesk.ui.columns.fit_columns`)."""
        day = date(2026, 12, 31)
        return (
            format_date(day),
            self._late(30),
            max((kind_label(k) for k in RequestKind), key=len),
            "1000017 Möttönen Matti Juhani",
            format_date(day),
            max((channel_label(c) for c in Channel), key=len),
            self.tr("not recorded"),
            self.tr("Open, extended"),
        )

    def _status(self, r: SubjectRequest) -> str:
        if r.status is RequestStatus.DONE:
            return self.tr("Done %1").replace("%1", format_date(r.closed_on))
        if r.status is RequestStatus.REFUSED:
            return self.tr("Refused %1").replace("%1", format_date(r.closed_on))
        return self.tr("Open, extended") if r.extended else self.tr("Open")

    def _letter_line(self, letter: LetterInfo) -> str:
        text = (
            self.tr("%1: %2, 1 page, SHA-256 %3…")
            if letter.pages == 1
            else self.tr("%1: %2, %4 pages, SHA-256 %3…")
        )
        return f"{letter_kind_label(letter.kind)} — " + (
            text.replace("%1", format_datetime(letter.created_at))
            .replace("%2", letter.language)
            .replace("%3", letter.sha256[:16])
            .replace("%4", QLocale().toString(letter.pages))
        )

    def cells(self, r: SubjectRequest) -> tuple[str, ...]:
        identity = r.identity_method
        if identity and r.identity_verified_by:
            identity = f"{identity} ({r.identity_verified_by})"
        return (
            format_date(r.deadline),
            self._days_left(r),
            kind_label(r.kind),
            f"{r.customer_number} {r.customer_name}".strip() or self.tr("(erased)"),
            format_date(r.received_on),
            channel_label(r.channel),
            identity or self.tr("not recorded"),
            self._status(r),
            str(len(r.letters)),
        )

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        r = self.row(index.row()) if index.isValid() else None
        if r is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.BackgroundRole:
            if r.is_open and col in (0, 1):
                colour = URGENCY_COLOURS.get(r.urgency(self.today))
                return QBrush(colour) if colour is not None else None
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col in (0, 1) and r.extended:
                return self.tr("Extended by two months: %1").replace("%1", r.extension_reason)
            if col in (0, 1) and r.is_open:
                return self.tr("One month from receipt; may be extended once by two months.")
            if col == 7 and r.note:
                return r.note
            if col == 8 and r.letters:
                return "\n".join(self._letter_line(x) for x in r.letters)
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cells(r)[col]
        return None


def confirm_record_objection(parent: QWidget, request: SubjectRequest) -> bool:
    """True if the user records the objection (Art. 21) that ``request`` asks for."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("RequestsWidget", "Record the objection?"))
    box.setText(
        QCoreApplication.translate(
            "RequestsWidget",
            "An objection to direct marketing takes effect at once. Record it in the "
            "prohibitions of customer %1 now, with this request (received %2) as its "
            "evidence?",
        )
        .replace("%1", request.customer_number)
        .replace("%2", format_date(request.received_on))
    )
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.Yes)
    return box.exec() == QMessageBox.StandardButton.Yes


class NewRequestDialog(QDialog):
    """Register a request: what, when, how it came, how identity was verified and by whom."""

    def __init__(self, number: str = "", parent: QWidget | None = None, *, user: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New data-subject request"))
        self.number = QLineEdit(number, self)
        self.number.setReadOnly(bool(number))
        self.kind = QComboBox(self)
        for kind in RequestKind:
            self.kind.addItem(kind_label(kind), kind.value)
        # Typed in the user's format or picked from the calendar (the shared date field).
        self.received = DateEdit(self)
        self.received.setMaximumDate(QDate.currentDate())
        self.channel = QComboBox(self)
        for channel in Channel:
            self.channel.addItem(channel_label(channel), channel.value)
        self.identity = QLineEdit(self)
        self.identity.setPlaceholderText(self.tr("e.g. passport checked at the counter"))
        self.verified_by = QLineEdit(self)
        self.verified_by.setPlaceholderText(self.tr("you (%1)").replace("%1", user))
        self.note = QLineEdit(self)
        # Someone who is not a customer: logged by name and address (answered with the
        # "we hold no data on you" letter).
        self.requester_name = QLineEdit(self)
        self.requester_name.setPlaceholderText(self.tr("only if not a customer"))
        self.requester_address = QPlainTextEdit(self)
        self.requester_address.setPlaceholderText(self.tr("street, postal code and town"))
        self.requester_address.setMaximumHeight(60)
        self.requester_name.setEnabled(not number)
        self.requester_address.setEnabled(not number)
        hint = QLabel(
            self.tr("The deadline is one calendar month from the day the request was received."),
            self,
        )
        hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("C&ustomer number:"), self.number)
        form.addRow(self.tr("&Request:"), self.kind)
        form.addRow(self.tr("R&eceived on:"), self.received)
        form.addRow(self.tr("C&hannel:"), self.channel)
        form.addRow(self.tr("&Identity checked how:"), self.identity)
        form.addRow(self.tr("Checked &by:"), self.verified_by)
        form.addRow(self.tr("&Note:"), self.note)
        form.addRow(self.tr("Requester's na&me:"), self.requester_name)
        form.addRow(self.tr("Requester's addre&ss:"), self.requester_address)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.number.textChanged.connect(self._on_number_text_changed)
        self.requester_name.textChanged.connect(
            lambda _t: self._on_number_text_changed(self.number.text())
        )
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)
        self._on_number_text_changed(self.number.text())

    def _on_number_text_changed(self, text: str) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(text.strip() or self.requester_name.text().strip()))

    def values(self) -> dict[str, Any]:
        return {
            "number": self.number.text().strip(),
            "kind": str(self.kind.currentData()),
            "received_on": self.received.date().toPython(),
            "channel": str(self.channel.currentData()),
            "identity_method": self.identity.text(),
            "identity_verified_by": self.verified_by.text(),
            "note": self.note.text(),
            "requester_name": self.requester_name.text() if not self.number.text().strip() else "",
            "requester_address": (
                self.requester_address.toPlainText() if not self.number.text().strip() else ""
            ),
        }


class IdentityDialog(QDialog):
    """Record how the requester's identity was checked, or — privacy staff's decision —
    why a copy of the data goes without a check (GDPR Art. 12(6)). No copy of the data is
    made for a request until one of the two is recorded."""

    def __init__(self, request_id: int, parent: QWidget | None = None, *, user: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Identity of the requester"))
        self.method = QLineEdit(self)
        self.method.setPlaceholderText(self.tr("e.g. passport checked at the counter"))
        self.verified_by = QLineEdit(self)
        self.verified_by.setPlaceholderText(self.tr("you (%1)").replace("%1", user))
        self.override = QLineEdit(self)
        self.override.setPlaceholderText(self.tr("only if the copy goes without a check"))
        hint = QLabel(
            self.tr(
                "Request %1: a copy of the data is made only after the requester's identity "
                "has been checked. If it cannot be checked yet, send a request for "
                "identification instead."
            ).replace("%1", str(request_id)),
            self,
        )
        hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Identity checked how:"), self.method)
        form.addRow(self.tr("Checked &by:"), self.verified_by)
        form.addRow(self.tr("Or &why without a check:"), self.override)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.method.textChanged.connect(self._on_text_changed)
        self.override.textChanged.connect(self._on_text_changed)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._on_text_changed("")

    def _on_text_changed(self, _text: str) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        method, override = self.method.text().strip(), self.override.text().strip()
        ok.setEnabled(bool(method) != bool(override))  # one of the two, not both

    def values(self) -> dict[str, str]:
        return {
            "method": self.method.text(),
            "verified_by": self.verified_by.text(),
            "override": self.override.text(),
        }


class _Progress(QObject):
    """Carries a batch's progress from the worker thread to the GUI thread (a signal
    emitted on another thread is delivered queued to this GUI-thread object)."""

    advanced = Signal(int, int)


class RequestsWidget(QWidget):
    """A list of requests with the actions on them; shared by the window and the panel."""

    objection_recorded = Signal(str)  # the customer number whose objection was recorded

    def __init__(
        self,
        ds: DeskSession,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        per_customer: bool = False,
    ) -> None:
        super().__init__(parent)
        self._ds, self._runner = ds, runner
        self._number: str | None = None
        self._per_customer = per_customer
        self._last_batch = ""  # what the last batch of letters did, kept in the status line
        self._changed_number = ""  # whose request the running step changes
        self.model = RequestsModel(self)
        self.table = record_table(
            self.model,
            self,
            name="requestsTable",
            accessible_name=self.tr("Data-subject requests"),
        )
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        fit_columns(self.table, self.model.samples())
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        # A step taken here or anywhere else in the desk (an objection recorded, a letter
        # made) shows without reopening; a refresh records no new read (reload below).
        desk_events().customer_changed.connect(self._on_desk_customer_changed)

        # Alt+letters: none may be a menu's (File, Customer, Help), the customer tabs' or the
        # search panel's, in any language (tests/ui/test_i18n.py checks fi, sv and en).
        self.show_closed = QCheckBox(self.tr("Sho&w closed requests"), self)
        self.show_closed.setChecked(self._per_customer)
        self.show_closed.toggled.connect(self._on_show_closed_toggled)
        self.new_button = QPushButton(self.tr("&New request…"), self)
        self.letter_button = QPushButton(self.tr("Access &letter…"), self)
        self.extend_button = QPushButton(self.tr("E&xtend…"), self)
        self.close_button = QPushButton(self.tr("Cl&ose…"), self)
        self.steps_button = QPushButton(self.tr("Le&tters…"), self)
        self.steps_button.setToolTip(
            self.tr("Every step's letter of the selected request, and how each was sent")
        )
        self.identity_button = QPushButton(self.tr("I&dentity…"), self)
        self.identity_button.setToolTip(
            self.tr("Record how the requester's identity was checked (needed for a copy)")
        )
        self.identity_button.clicked.connect(self.record_identity)
        self.batch_button = QPushButton(self.tr("&Print all open access letters…"), self)
        self.notices_button = QPushButton(self.tr("Notices of other so&urces…"), self)
        self.notices_button.setToolTip(
            self.tr(
                "Notices to people whose data came from a public source, a partner or an "
                "update service (GDPR Art. 14)"
            )
        )
        self.new_button.clicked.connect(self.new_request)
        self.letter_button.clicked.connect(self.open_letter)
        self.extend_button.clicked.connect(self.extend_selected)
        self.close_button.clicked.connect(self.close_selected)
        self.batch_button.clicked.connect(self.print_open_letters)
        self.batch_button.setVisible(not self._per_customer)
        self.steps_button.clicked.connect(self.open_step_letters)
        self.notices_button.clicked.connect(self.print_source_notices)
        self.notices_button.setVisible(not self._per_customer)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.legend = QLabel(self)
        self.legend.setText(
            self.tr(
                "Deadline colours: <span style='background:%1'>&nbsp;overdue&nbsp;</span> "
                "<span style='background:%2'>&nbsp;a week or less&nbsp;</span> "
                "<span style='background:%3'>&nbsp;two weeks or less&nbsp;</span>"
            )
            .replace("%1", URGENCY_COLOURS[Urgency.OVERDUE].name())
            .replace("%2", URGENCY_COLOURS[Urgency.DUE].name())
            .replace("%3", URGENCY_COLOURS[Urgency.SOON].name())
        )

        buttons = QHBoxLayout()
        for button in (self.new_button, self.letter_button, self.steps_button,
                       self.extend_button, self.close_button, self.identity_button):  # fmt: skip
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.notices_button)
        buttons.addWidget(self.batch_button)
        top = QHBoxLayout()
        top.addWidget(self.show_closed)
        top.addStretch(1)
        top.addWidget(self.legend)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)

        if not ds.can(Capability.SUBJECT_REPORTS):
            why = self.tr("Your user level does not allow handling data-subject requests.")
            for widget in (self.new_button, self.letter_button, self.extend_button,
                           self.close_button, self.identity_button, self.batch_button,
                           self.table, self.steps_button, self.notices_button):  # fmt: skip
                widget.setEnabled(False)
                widget.setToolTip(why)
            self.status.setText(why)
        elif ds.read_only:
            # An offline snapshot shows the requests; handling them is writing.
            why = self.tr("An offline snapshot is read-only.")
            for widget in (self.new_button, self.extend_button, self.close_button,
                           self.batch_button):  # fmt: skip
                widget.setEnabled(False)
                widget.setToolTip(why)

    # --- loading --------------------------------------------------------------------

    @property
    def number(self) -> str | None:
        return self._number

    def set_number(self, number: str | None) -> None:
        self._number = number
        self.reload()

    def reload(self, *, refresh: bool = False, changed: str = "") -> None:
        """Load the list; ``refresh``: shown again after a change, so the customers it
        already showed, the open customer of a tab and the customer the change was
        recorded for (``changed``) are not recorded as read again."""
        if not self._ds.can(Capability.SUBJECT_REPORTS):
            return
        if self._per_customer and self._number is None:
            self.model.set_rows(())
            return
        ds, number = self._ds, self._number
        status = None if self.show_closed.isChecked() else RequestStatus.OPEN
        seen: frozenset[str] = frozenset()
        if refresh:
            shown = {r.customer_number for r in self.model.rows()}
            seen = frozenset(shown | {n for n in (number, changed) if n})
        self.status.setText(self.tr("Loading…"))
        self._runner.run(
            lambda: requests.list_requests(ds, status=status, number=number, already_read=seen),
            success=lambda rows: self._on_loaded(number, rows),
            failure=self._on_failed,
            key=f"requests-{id(self)}",
            owner=self,
        )

    def _on_loaded(self, number: str | None, rows: tuple[SubjectRequest, ...]) -> None:
        if number != self._number:
            return
        self.model.today = requests.today()
        self.model.set_rows(rows)
        open_rows = [r for r in rows if r.is_open]
        overdue = sum(1 for r in open_rows if r.urgency(self.model.today) is Urgency.OVERDUE)
        count = len(open_rows)
        text = (
            self.tr("1 open request")
            if count == 1
            else self.tr("%1 open requests").replace("%1", QLocale().toString(count))
        )
        if overdue:
            text += " — " + self.tr("%n overdue", "", overdue)
        if self._last_batch:
            text += " — " + self._last_batch
        self.status.setText(text)

    @Slot(str)
    def _on_desk_customer_changed(self, number: str) -> None:
        if not self._per_customer or number in ("", self._number):
            self.reload(refresh=True, changed=number)

    def _on_failed(self, exc: BaseException) -> None:
        self.status.setText(
            report_failure(exc, self, context="requests", describe=describe_request_error)
        )

    def _on_show_closed_toggled(self, _checked: bool) -> None:
        self.reload()

    def selected(self) -> SubjectRequest | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    # --- actions ---------------------------------------------------------------------

    def new_request(self) -> None:
        dialog = NewRequestDialog(self._number or "", self, user=self._ds.user)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        v = dialog.values()
        ds = self._ds
        self._runner.run(
            lambda: requests.add(
                ds,
                v["number"],
                v["kind"],
                received_on=v["received_on"],
                channel=v["channel"],
                identity_method=v["identity_method"],
                identity_verified_by=v["identity_verified_by"],
                note=v["note"],
                requester_name=v["requester_name"],
                requester_address=v["requester_address"],
            ),
            success=self._on_request_added,
            failure=self._on_failed,
        )

    def _on_request_added(self, request: SubjectRequest) -> None:
        announce_change(request.customer_number or "")
        if request.kind is RequestKind.OBJECTION:
            self.offer_objection(request)

    def offer_objection(self, request: SubjectRequest) -> None:
        """An objection to direct marketing (Art. 21) takes effect at once: offer to record
        it in the customer's prohibitions with the request as its evidence."""
        ds = self._ds
        number = request.customer_number
        if not number or not ds.can(Capability.RECORD_CONSENTS):
            return
        if not confirm_record_objection(self, request):
            return
        evidence = Evidence(
            request.received_on,
            request.channel,
            self.tr("Request %1").replace("%1", str(request.id)),
            request.note,
        )
        self._runner.run(
            lambda: consents.record(
                ds,
                number,
                ConsentItem.OBJECTION,
                True,
                evidence,
                purpose=Purpose.SUBJECT_REQUEST,
            ),
            success=lambda _event: self._on_objection_recorded(number),
            failure=self._on_failed,
        )

    def _on_objection_recorded(self, number: str) -> None:
        # Kept in the status line when the list refreshes (like a batch's outcome).
        self._last_batch = self.tr(
            "The objection to direct marketing of customer %1 is recorded: no marketing "
            "reaches them from now on."
        ).replace("%1", number)
        self.status.setText(self._last_batch)
        self.objection_recorded.emit(number)
        announce_change(number)  # the consents tab, the audit tab and this list show it

    def open_letter(self) -> None:
        chosen = self.selected()
        number = chosen.customer_number if chosen is not None else self._number
        if not number:
            self.status.setText(self.tr("Choose a request of a customer first."))
            return
        request_id = (
            chosen.id
            if chosen is not None and chosen.is_open and chosen.kind is RequestKind.ACCESS
            else None
        )
        dialog = LetterDialog(self._ds, self._runner, number, request_id=request_id, parent=self)
        dialog.finished.connect(lambda _code: self.reload(refresh=True))
        dialog.open()

    def open_step_letters(self) -> StepLetterDialog | None:
        """The letters of the selected request's steps, and how each was sent."""
        chosen = self.selected()
        if chosen is None:
            self.status.setText(self.tr("Choose a request first."))
            return None
        dialog = StepLetterDialog(self._ds, self._runner, chosen, self)
        dialog.finished.connect(lambda _code: self.reload(refresh=True))
        dialog.open()
        return dialog

    def print_source_notices(self) -> None:
        """Find who is due a notice of Art. 14; on confirmation, make them into a folder."""
        ds = self._ds
        self.status.setText(self.tr("Looking for data obtained from other sources…"))
        self._runner.run(
            lambda: step_letters.source_notices_due(ds),
            success=self._on_notices_due,
            failure=self._on_failed,
        )

    def _on_notices_due(self, due: list[DueNotice]) -> None:
        self.status.setText("")
        if not due:
            QMessageBox.information(
                self,
                self.tr("Notices of other sources"),
                self.tr("Nobody is due a notice: all data obtained from other sources in the "
                        "last three months has been notified."),
            )  # fmt: skip
            return
        today = requests.today()
        overdue = sum(1 for d in due if d.overdue(today))
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("Notices of other sources"))
        box.setIcon(QMessageBox.Icon.Question)
        text = self.tr("%n person(s) are due a notice of data obtained from another source "
                       "(GDPR Art. 14: within a month of obtaining it).", "", len(due))  # fmt: skip
        if overdue:
            text += "\n" + self.tr("%n of them overdue.", "", overdue)
        box.setText(text + "\n" + self.tr("Make their notices into a folder?"))
        box.setDetailedText(
            "\n".join(
                f"{d.customer_number} {d.name}: {format_date(d.obtained_at.date())} → "
                f"{format_date(d.due_by)}"
                for d in due
            )
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        if box.exec() != QMessageBox.StandardButton.Yes:
            return
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for the notices"))
        if folder:
            self.generate_source_notices(Path(folder), [d.customer_number for d in due])

    def generate_source_notices(self, folder: Path, numbers: list[str]) -> None:
        """The notices of ``numbers`` into ``folder``, with a progress bar and Stop."""
        self.notices_button.setEnabled(False)
        progress = QProgressDialog(
            self.tr("Making the notices…"), self.tr("Stop"), 0, len(numbers), self
        )
        progress.setWindowTitle(self.tr("Notices of other sources"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        self.notices_progress = progress
        relay = _Progress(self)
        stopping = threading.Event()
        progress.canceled.connect(stopping.set)

        @Slot(int, int)
        def advanced(done: int, total: int) -> None:
            progress.setMaximum(total)
            progress.setValue(done)

        relay.advanced.connect(advanced)
        ds = self._ds

        def write(letter: MadeLetter) -> None:
            (folder / letter.file_name).write_bytes(letter.pdf)

        damaged: list[str] = []  # filled on the worker, read in ``finished``

        def work() -> list[MadeLetter]:
            return step_letters.generate_source_notices(
                ds,
                numbers,
                deliver=write,
                progress=relay.advanced.emit,
                stop=stopping.is_set,
                damaged=damaged,
            )

        def finished(letters: list[MadeLetter]) -> None:
            progress.reset()
            progress.hide()
            relay.deleteLater()
            self.notices_button.setEnabled(True)
            self._last_batch = self.tr("%n notice(s) written to %1", "", len(letters)).replace(
                "%1", str(folder)
            )
            if damaged:
                self._last_batch += " " + self.tr(
                    "No letter for customers %1: their records are damaged (a value kkdesk "
                    "does not know); ask an administrator to correct them."
                ).replace("%1", ", ".join(damaged))
            announce_change("")  # letters of many customers: every list refreshes

        def failed(exc: BaseException) -> None:
            progress.reset()
            progress.hide()
            relay.deleteLater()
            self.notices_button.setEnabled(True)
            self._on_failed(exc)

        self._runner.run(work, success=finished, failure=failed)

    def extend_selected(self) -> None:
        chosen = self.selected()
        if chosen is None or not chosen.is_open:
            self.status.setText(self.tr("Choose an open request first."))
            return
        reason, ok = QInputDialog.getText(
            self,
            self.tr("Extend the deadline"),
            self.tr("Why does the request need two more months? (The requester must be told.)"),
        )
        if not ok:
            return
        ds, rid = self._ds, chosen.id
        self._changed_number = chosen.customer_number or ""
        self._runner.run(
            lambda: requests.extend(ds, rid, reason),
            success=self._on_extended,
            failure=self._on_failed,
        )

    def _on_extended(self, _request: SubjectRequest) -> None:
        # The extension counts only if the requester is told why within the first month.
        self._last_batch = self.tr(
            "Deadline extended: send the extension notice (Letters…) within the first month."
        )
        announce_change(self._changed_number)

    def record_identity(self) -> None:
        chosen = self.selected()
        if chosen is None or not chosen.is_open:
            self.status.setText(self.tr("Choose an open request first."))
            return
        dialog = IdentityDialog(chosen.id, self, user=self._ds.user)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        v = dialog.values()
        ds, rid = self._ds, chosen.id
        self._runner.run(
            lambda: requests.record_identity(
                ds, rid, method=v["method"], verified_by=v["verified_by"], override=v["override"]
            ),
            success=lambda r: announce_change(r.customer_number or ""),
            failure=self._on_failed,
        )

    def close_selected(self) -> None:
        chosen = self.selected()
        if chosen is None or not chosen.is_open:
            self.status.setText(self.tr("Choose an open request first."))
            return
        choices = [self.tr("Done"), self.tr("Refused")]
        picked, ok = QInputDialog.getItem(
            self, self.tr("Close the request"), self.tr("Outcome:"), choices, 0, False
        )
        if not ok:
            return
        status = RequestStatus.DONE if picked == choices[0] else RequestStatus.REFUSED
        note, ok = QInputDialog.getText(
            self, self.tr("Close the request"), self.tr("What was done, or why it was refused:")
        )
        if not ok:
            return
        ds, rid = self._ds, chosen.id
        self._runner.run(
            lambda: requests.close(ds, rid, status=status, note=note),
            success=lambda r: announce_change(r.customer_number or ""),
            failure=self._on_failed,
        )

    def print_open_letters(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for the letters"))
        if folder:
            self.generate_open_letters(Path(folder))

    def generate_open_letters(self, folder: Path) -> None:
        """Every open access request's letter into ``folder``, with a progress bar."""
        self.batch_button.setEnabled(False)
        progress = QProgressDialog(
            self.tr("Making the letters of every open access request…"), self.tr("Stop"), 0, 0,
            self,
        )  # fmt: skip
        progress.setWindowTitle(self.tr("Access letters"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        self.batch_progress = progress
        relay = _Progress(self)

        totals = [0]
        # Stop: the letters already archived are written, no other is made. (A flag the
        # worker thread reads: setting and reading a threading.Event needs no Qt.)
        stopping = threading.Event()
        progress.canceled.connect(stopping.set)

        @Slot(int, int)
        def advanced(done: int, total: int) -> None:
            totals[0] = total
            progress.setMaximum(total)
            progress.setValue(done)

        relay.advanced.connect(advanced)
        ds = self._ds

        def write(letter: GeneratedLetter) -> None:
            files.write_private(folder / letter.file_name, letter.pdf)  # 0600, atomically

        # Customers whose record kkdesk cannot interpret get no letter; the others do.
        # Filled on the worker thread, read in ``finished`` once the work is done.
        damaged: list[str] = []

        def work() -> list[GeneratedLetter]:
            # Each file as soon as its letter is archived (a stop keeps what was made).
            return access_report.generate_open(
                ds,
                progress=relay.advanced.emit,
                deliver=write,
                stop=stopping.is_set,
                damaged=damaged,
            )

        def finished(letters: list[GeneratedLetter]) -> None:
            progress.reset()
            progress.hide()
            relay.deleteLater()
            self.batch_button.setEnabled(True)
            count = QLocale().toString(len(letters))
            if stopping.is_set() and len(letters) < totals[0]:
                done = self.tr("stopped: %2 of %3 letters written to %1").replace(
                    "%3", QLocale().toString(totals[0])
                )
            elif len(letters) == 1:
                done = self.tr("1 letter written to %1")
            else:
                done = self.tr("%2 letters written to %1")
            self._last_batch = done.replace("%2", count).replace("%1", str(folder))
            if damaged:
                self._last_batch += " " + self.tr(
                    "No letter for customers %1: their records are damaged (a value kkdesk "
                    "does not know); ask an administrator to correct them."
                ).replace("%1", ", ".join(damaged))
            announce_change("")  # letters of many customers: every list refreshes

        def failed(exc: BaseException) -> None:
            progress.reset()
            progress.hide()
            relay.deleteLater()
            self.batch_button.setEnabled(True)
            self._on_failed(exc)

        self._runner.run(work, success=finished, failure=failed)

    def _on_table_double_clicked(self, _index: QModelIndex) -> None:
        self.open_letter()


class RequestsWindow(QDialog):
    """Every open data-subject request of the register, nearest deadline first."""

    def __init__(self, ds: DeskSession, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Data-subject requests"))
        self.resize(1150, 600)
        self.requests = RequestsWidget(ds, runner, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.requests)
        self.requests.reload()
        self._shown = False

    def showEvent(self, event: QShowEvent) -> None:
        # The desk keeps one window and shows it again: the list and the days left must
        # be today's, not those of when it was first opened.
        super().showEvent(event)
        if self._shown and not event.spontaneous():
            self.requests.reload()
        self._shown = True


class RequestsPanel(QWidget):
    """Customer view tab: this customer's requests and access letters."""

    panel_id = "requests"
    follows_changes = True  # its list reloads itself on kkdesk.ui.desk_events

    def __init__(self, ds: DeskSession, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.requests = RequestsWidget(ds, runner, self, per_customer=True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.requests)

    def title(self) -> str:
        return self.tr("Requests")

    def set_customer(self, customer: Customer | None) -> None:
        self.requests.set_number(customer.number if customer is not None else None)
