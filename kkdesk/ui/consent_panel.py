"""The "Prohibitions and consents" tab: one toggle per prohibition and consent, each with
since when and on what evidence, and the full history below.

Turning a toggle does not change anything by itself: it asks for the evidence (received
date, channel, document reference) in :class:`EvidenceDialog`, which cannot be saved
without it, and only then records one event. Clerks and privacy staff may change the
toggles; marketing and viewers see them disabled, with a tooltip saying why.
"""

from __future__ import annotations

from datetime import date
from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kkdesk.domain.consent import (
    BLANKET_STOPS,
    CONSENTS,
    DATA_PROHIBITIONS,
    DOCUMENT_REF_MAX,
    PROHIBITIONS,
    ConsentEvent,
    ConsentItem,
    Evidence,
    MarketingChannel,
    MarketingPurpose,
    PersonConsents,
    Reason,
    Verdict,
    validate_evidence,
    verdicts,
)
from kkdesk.domain.customer import Customer
from kkdesk.domain.enums import Channel, Language, Purpose
from kkdesk.domain.letters import LetterKind
from kkdesk.domain.levels import Capability
from kkdesk.errors import KnownError, ValidationFailed
from kkdesk.files import write_private
from kkdesk.services import consents, step_letters
from kkdesk.services.session import DeskSession
from kkdesk.ui import dialogs
from kkdesk.ui.desk_events import announce_change, desk_events
from kkdesk.ui.errors import describe_field_error, field_message
from kkdesk.ui.failures import report_failure
from kkdesk.ui.formatting import date_example, format_date, format_datetime, parse_date
from kkdesk.ui.tasks import TaskRunner
from kkdesk.ui.widgets import FlowLayout


def verdict_reason(v: Verdict) -> str:
    """Why a purpose on a channel is allowed or not, with the date it took effect."""
    when = format_date(v.since) if v.since is not None else ""
    reasons = {
        Reason.RESTRICTION: QCoreApplication.translate(
            "ConsentPanel", "restriction of processing in force since %1"
        ),
        Reason.OBJECTION: QCoreApplication.translate(
            "ConsentPanel", "objection to direct marketing in force since %1"
        ),
        Reason.PROHIBITED: QCoreApplication.translate("ConsentPanel", "prohibited since %1"),
        Reason.SUPPRESSED_ELSEWHERE: QCoreApplication.translate(
            "ConsentPanel", "stopped by the suppression list (another record)"
        ),
        Reason.CONSENT_WITHDRAWN: QCoreApplication.translate(
            "ConsentPanel", "consent withdrawn on %1"
        ),
        Reason.NO_CONSENT: QCoreApplication.translate("ConsentPanel", "no consent given"),
        Reason.CONSENT_GIVEN: QCoreApplication.translate("ConsentPanel", "consent given on %1"),
        Reason.NOT_PROHIBITED: QCoreApplication.translate("ConsentPanel", "not prohibited"),
    }
    return reasons[v.reason].replace("%1", when)


def verdict_sentence(v: Verdict) -> str:
    """ "E-mail, Direct advertising: not allowed — objection to direct marketing in force
    since 5.10.2026" (the cell's tooltip and accessible text)."""
    from kkdesk.ui.marketing_export_dialog import marketing_channel_label, purpose_label

    verdict_word = (
        QCoreApplication.translate("ConsentPanel", "allowed")
        if v.allowed
        else QCoreApplication.translate("ConsentPanel", "not allowed")
    )
    return (
        QCoreApplication.translate("ConsentPanel", "%1, %2: %3 — %4")
        .replace("%1", marketing_channel_label(v.channel))
        .replace("%2", purpose_label(v.purpose))
        .replace("%3", verdict_word)
        .replace("%4", verdict_reason(v))
    )


def item_label(item: ConsentItem) -> str:
    """The item's name in the user's language (one literal per item, for lupdate)."""
    labels = {
        ConsentItem.DIRECT_ADVERTISING: QCoreApplication.translate(
            "ConsentPanel", "Direct advertising prohibited"
        ),
        ConsentItem.DISTANCE_SELLING: QCoreApplication.translate(
            "ConsentPanel", "Distance selling prohibited"
        ),
        ConsentItem.DIRECT_MARKETING: QCoreApplication.translate(
            "ConsentPanel", "Other direct marketing prohibited"
        ),
        ConsentItem.MARKET_RESEARCH: QCoreApplication.translate(
            "ConsentPanel", "Market and opinion research prohibited"
        ),
        ConsentItem.DIRECTORIES: QCoreApplication.translate(
            "ConsentPanel", "Person directories prohibited"
        ),
        ConsentItem.GENEALOGY: QCoreApplication.translate(
            "ConsentPanel", "Genealogy research prohibited"
        ),
        ConsentItem.REGISTER_UPDATES: QCoreApplication.translate(
            "ConsentPanel", "Updating from the population register prohibited"
        ),
        ConsentItem.EMAIL_MARKETING: QCoreApplication.translate(
            "ConsentPanel", "Consents to e-mail marketing"
        ),
        ConsentItem.SMS_MARKETING: QCoreApplication.translate(
            "ConsentPanel", "Consents to SMS marketing"
        ),
        ConsentItem.RESTRICTION: QCoreApplication.translate(
            "ConsentPanel", "Processing restricted (GDPR Art. 18)"
        ),
        ConsentItem.OBJECTION: QCoreApplication.translate(
            "ConsentPanel", "Objects to direct marketing (GDPR Art. 21)"
        ),
    }
    return labels[item]


def item_name(item: ConsentItem) -> str:
    """The item's short name, for the history table and the evidence dialog."""
    names = {
        ConsentItem.DIRECT_ADVERTISING: QCoreApplication.translate(
            "ConsentPanel", "Direct advertising"
        ),
        ConsentItem.DISTANCE_SELLING: QCoreApplication.translate(
            "ConsentPanel", "Distance selling"
        ),
        ConsentItem.DIRECT_MARKETING: QCoreApplication.translate(
            "ConsentPanel", "Other direct marketing"
        ),
        ConsentItem.MARKET_RESEARCH: QCoreApplication.translate(
            "ConsentPanel", "Market and opinion research"
        ),
        ConsentItem.DIRECTORIES: QCoreApplication.translate("ConsentPanel", "Person directories"),
        ConsentItem.GENEALOGY: QCoreApplication.translate("ConsentPanel", "Genealogy research"),
        ConsentItem.REGISTER_UPDATES: QCoreApplication.translate(
            "ConsentPanel", "Updating of the customer register"
        ),
        ConsentItem.EMAIL_MARKETING: QCoreApplication.translate(
            "ConsentPanel", "Consent to e-mail marketing"
        ),
        ConsentItem.SMS_MARKETING: QCoreApplication.translate(
            "ConsentPanel", "Consent to SMS marketing"
        ),
        ConsentItem.RESTRICTION: QCoreApplication.translate(
            "ConsentPanel", "Restriction of processing (Art. 18)"
        ),
        ConsentItem.OBJECTION: QCoreApplication.translate(
            "ConsentPanel", "Objection to direct marketing (Art. 21)"
        ),
    }
    return names[item]


def state_word(item: ConsentItem, value: bool) -> str:
    """What ``value`` means for ``item``, in words ("prohibited", "withdrawn"...)."""
    if item.is_prohibition:
        return (
            QCoreApplication.translate("ConsentPanel", "prohibited")
            if value
            else QCoreApplication.translate("ConsentPanel", "allowed")
        )
    if item.is_consent:
        return (
            QCoreApplication.translate("ConsentPanel", "given")
            if value
            else QCoreApplication.translate("ConsentPanel", "withdrawn")
        )
    if item is ConsentItem.RESTRICTION:
        return (
            QCoreApplication.translate("ConsentPanel", "restricted")
            if value
            else QCoreApplication.translate("ConsentPanel", "lifted")
        )
    return (
        QCoreApplication.translate("ConsentPanel", "objected")
        if value
        else QCoreApplication.translate("ConsentPanel", "withdrawn")
    )


def channel_label(channel: Channel) -> str:
    labels = {
        Channel.LETTER: QCoreApplication.translate("ConsentPanel", "Letter"),
        Channel.EMAIL: QCoreApplication.translate("ConsentPanel", "E-mail"),
        Channel.PHONE: QCoreApplication.translate("ConsentPanel", "Phone"),
        Channel.WEBSHOP: QCoreApplication.translate("ConsentPanel", "Webshop"),
        Channel.IN_PERSON: QCoreApplication.translate("ConsentPanel", "In person"),
    }
    return labels[channel]


class EvidenceDialog(QDialog):
    """Asks for the evidence of one change. Save stays disabled until the received date,
    the channel and the document reference are all given; the missing parts are named
    once the user has started filling in the form (or pressed Enter)."""

    def __init__(self, item: ConsentItem, state: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Evidence of the change"))
        intro = QLabel(
            self.tr("<b>%1: %2</b><br>What is this change based on? Enter the customer's "
                    "notification: when it was received, how, and where the document is.")
            .replace("%1", escape(item_name(item)))
            .replace("%2", escape(state_word(item, state))),
            self,
        )  # fmt: skip
        intro.setObjectName("intro")
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.RichText)
        self.received = QLineEdit(self)
        self.received.setObjectName("received")
        self.received.setAccessibleName(self.tr("Received on"))
        self.received.setToolTip(
            self.tr("The date the notification reached us, e.g. %1").replace("%1", date_example())
        )
        self.received.setPlaceholderText(date_example())
        self.received.setText(format_date(date.today()))
        self.channel = QComboBox(self)
        self.channel.setObjectName("channel")
        self.channel.setAccessibleName(self.tr("Received by"))
        self.channel.addItem(self.tr("— choose —"), "")
        for ch in Channel:
            self.channel.addItem(channel_label(ch), ch.value)
        self.reference = QLineEdit(self)
        self.reference.setObjectName("reference")
        self.reference.setAccessibleName(self.tr("Document reference"))
        self.reference.setPlaceholderText(self.tr("e.g. the scanned letter's id"))
        self.reference.setMaxLength(DOCUMENT_REF_MAX)
        self.note = QPlainTextEdit(self)
        self.note.setObjectName("note")
        self.note.setAccessibleName(self.tr("Note"))
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(70)
        self.problem, self.buttons = dialogs.lay_out_evidence_form(
            self,
            intro,
            (
                (self.tr("&Received on:"), self.received),
                (self.tr("Received &by:"), self.channel),
                (self.tr("&Document reference:"), self.reference),
                (self.tr("&Note (optional):"), self.note),
            ),
        )
        self._touched = False
        self.received.textEdited.connect(self._on_input_edited)
        self.channel.activated.connect(self._on_input_edited)
        self.reference.textEdited.connect(self._on_input_edited)
        self.received.textChanged.connect(self._on_input_changed)
        self.channel.currentIndexChanged.connect(self._on_input_changed)
        self.reference.textChanged.connect(self._on_input_changed)
        self._on_input_changed()
        self.setMinimumWidth(460)
        # The date is usually today's, so the first thing to choose is how it came.
        self.channel.setFocus()

    @property
    def save_button(self) -> QWidget:
        return self.buttons.button(QDialogButtonBox.StandardButton.Save)

    def _check(self) -> tuple[Evidence | None, list[str]]:
        """The validated evidence, or None and the problems in words."""
        names = {
            "received_on": self.tr("Received on"),
            "channel": self.tr("Received by"),
            "document_ref": self.tr("Document reference"),
            "note": self.tr("Note"),
        }
        problems: list[str] = []
        try:
            received = parse_date(self.received.text())
        except ValueError:
            received = None
            problems.append(f"{names['received_on']}: {field_message('invalid_date')}")
        # Missing parts go in as they are: validate_evidence names each one.
        raw = Evidence(
            received,  # type: ignore[arg-type]
            self.channel.currentData() or "",  # type: ignore[arg-type]
            self.reference.text(),
            self.note.toPlainText(),
        )
        try:
            evidence = validate_evidence(raw, date.today())
        except ValidationFailed as exc:
            for name, err in exc.errors.items():
                if name == "received_on" and problems:
                    continue  # already said: not a date
                problems.append(f"{names.get(name, name)}: {describe_field_error(err)}")
            return None, problems
        return (None, problems) if problems else (evidence, [])

    def evidence(self) -> Evidence | None:
        """The validated evidence, or None (and the problems shown) if any part is missing."""
        evidence, problems = self._check()
        self.problem.setText("\n".join(problems))
        return evidence

    def _on_input_edited(self, *_: object) -> None:
        self._touched = True
        self._on_input_changed()

    def _on_input_changed(self, *_: object) -> None:
        evidence, problems = self._check()
        self.problem.setText("\n".join(problems) if self._touched else "")
        self.save_button.setEnabled(evidence is not None)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter while Save is disabled would do nothing at all: say what is missing.
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and not self.save_button.isEnabled():
            self.accept()
            return
        super().keyPressEvent(event)

    def accept(self) -> None:
        # The Save button is disabled without evidence; Enter in a field must not bypass it.
        self._touched = True
        if self.evidence() is not None:
            super().accept()


def ask_evidence(parent: QWidget, item: ConsentItem, state: bool) -> Evidence | None:
    """The evidence for turning ``item`` to ``state``, or None if the user cancelled.
    Module-level so that tests can answer it."""
    dialog = EvidenceDialog(item, state, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.evidence()


class ConsentPanel(QWidget):
    """Customer view tab: prohibitions, consents, restriction and objection."""

    panel_id = "consents"
    follows_changes = True  # reloads itself on kkdesk.ui.desk_events (no new read)
    event_recorded = Signal(object)  # the ConsentEvent just recorded

    HISTORY_COLUMNS = 7

    def __init__(self, ds: DeskSession, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self._keep_status = False  # the status line tells a letter's outcome
        desk_events().customer_changed.connect(self._on_desk_customer_changed)
        self._ds = ds
        self._runner = runner
        self._number: str | None = None
        self._changed_note = ""  # shown once the state is reloaded after a refused change
        self._persons: tuple[PersonConsents, ...] = ()
        # The record's restriction of processing (Art. 18), told by the customer view once
        # its summary is read: (customer number, since). Exports leave such a customer out.
        self._restricted: tuple[str, date | None] | None = None
        self.can_change = ds.can(Capability.RECORD_CONSENTS)
        # The purpose of use chosen in the desk's toolbar: each change is audited with it.
        self.purpose: Purpose | str = Purpose.CUSTOMER_SERVICE

        self.person = QComboBox(self)
        self.person.setObjectName("person")
        self.person.setAccessibleName(self.tr("Person"))
        self.person.currentIndexChanged.connect(self._on_person_changed)
        self.person_label = QLabel(self.tr("&Person:"), self)
        self.person_label.setBuddy(self.person)
        # The letter confirming what is recorded (section 9, Art. 21), also when no
        # objection request was made: a prohibition sent in by post is confirmed here.
        self.confirm_button = QPushButton(self.tr("Confirmation &letter…"), self)
        self.confirm_button.setObjectName("confirmationLetter")
        self.confirm_button.setToolTip(
            self.tr("A letter confirming to the customer the prohibitions, objection and "
                    "withdrawn consents recorded (Art. 21); archived on the customer.")
        )  # fmt: skip
        self.confirm_button.setEnabled(False)
        self.confirm_button.clicked.connect(self.confirmation_letter)
        self.can_write_letters = ds.can(Capability.SUBJECT_REPORTS)
        self._language = Language.FI
        top = QHBoxLayout()
        top.addWidget(self.person_label)
        top.addWidget(self.person, 1)
        # Its own size, at the left where it stays in view (the panel may scroll sideways):
        # a person's tab has no contact-person chooser beside it to take the room.
        top.addWidget(self.confirm_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.toggles: dict[ConsentItem, QCheckBox] = {}
        self.evidence_labels: dict[ConsentItem, QLabel] = {}
        # Side by side where both fit; one under the other where they do not (Finnish at
        # 1280×720): a toggle's text cannot wrap, so a row of both would make the tab wider
        # than its panel, with the right-hand column clipped behind a sideways scroll.
        groups = FlowLayout()
        for title, items in (
            (
                self.tr("Prohibitions (register description, section 9)"),
                (*PROHIBITIONS, *DATA_PROHIBITIONS),
            ),
            (
                self.tr("Consents (opt-in), restriction and objection"),
                (*CONSENTS, *BLANKET_STOPS),
            ),
        ):
            box = QGroupBox(title, self)
            grid = QGridLayout(box)
            grid.setVerticalSpacing(2)
            for row, item in enumerate(items):
                toggle = QCheckBox(item_label(item), box)
                toggle.setObjectName(f"toggle_{item.value}")
                toggle.setEnabled(False)
                toggle.clicked.connect(
                    lambda checked, it=item: self._on_toggle_clicked(it, checked)
                )
                label = QLabel(box)
                label.setObjectName(f"since_{item.value}")
                label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                label.setContentsMargins(24, 0, 0, 4)  # under the toggle's text
                label.setWordWrap(True)  # evidence with a long reference stays in view
                # The evidence goes under its toggle: two columns side by side stay
                # readable in a narrow customer view.
                grid.addWidget(toggle, 2 * row, 0)
                grid.addWidget(label, 2 * row + 1, 0)
                grid.setRowMinimumHeight(2 * row + 1, 0)
                self.toggles[item] = toggle
                self.evidence_labels[item] = label
            grid.setRowStretch(2 * len(items), 1)
            groups.addWidget(box)

        # The effective result: per purpose and channel, what is allowed now and why.
        from kkdesk.ui.marketing_export_dialog import marketing_channel_label, purpose_label

        self.allowed = QTableWidget(len(MarketingPurpose), len(MarketingChannel), self)
        self.allowed.setObjectName("allowedNow")
        self.allowed.setAccessibleName(self.tr("What is allowed now"))
        self.allowed.setHorizontalHeaderLabels(
            [marketing_channel_label(c) for c in MarketingChannel]
        )
        self.allowed.setVerticalHeaderLabels([purpose_label(p) for p in MarketingPurpose])
        self.allowed.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.allowed.setTabKeyNavigation(False)
        self.allowed.setWordWrap(True)
        self.allowed.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.allowed.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        allowed_label = QLabel(self.tr("&Allowed now, and why:"), self)
        allowed_label.setBuddy(self.allowed)

        self.elsewhere = QLabel(self)
        self.elsewhere.setObjectName("elsewhere")
        self.elsewhere.setWordWrap(True)
        self.elsewhere.setFrameShape(QFrame.Shape.StyledPanel)  # set apart from the toggles
        self.elsewhere.setMargin(4)
        self.elsewhere.setVisible(False)

        self.table = QTableWidget(0, self.HISTORY_COLUMNS, self)
        self.table.setObjectName("consentHistory")
        self.table.setAccessibleName(self.tr("History of prohibitions and consents"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Received"),
                self.tr("Item"),
                self.tr("New state"),
                self.tr("Received by"),
                self.tr("Reference"),
                self.tr("Recorded"),
                self.tr("Note"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        for column, width in enumerate((90, 260, 90, 90, 150, 170)):
            header.resizeSection(column, width)
        history_label = QLabel(
            self.tr("H&istory, newest first (nothing is ever changed or deleted):"), self
        )
        history_label.setBuddy(self.table)
        self.status = QLabel(self)
        self.status.setObjectName("status")
        self.status.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(groups)
        layout.addWidget(allowed_label)
        layout.addWidget(self.allowed)
        layout.addWidget(self.elsewhere)
        layout.addWidget(history_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self._show_persons(())

    def title(self) -> str:
        return self.tr("Prohibitions and consents")

    def wait_loaded(self, timeout_ms: int = 10000) -> bool:
        """Tests: wait until loading or saving is done."""
        return self._runner.wait_idle(timeout_ms)

    # -- loading -----------------------------------------------------------------------

    def set_customer(self, customer: Customer | None) -> None:
        self._number = customer.number if customer is not None else None
        self._language = customer.language if customer is not None else Language.FI
        self._keep_status = False
        self.confirm_button.setEnabled(customer is not None and self.can_write_letters)
        self._show_persons(())
        if customer is None:
            self.status.setText("")
            return
        self._load()

    @Slot(str)
    def _on_desk_customer_changed(self, number: str) -> None:
        """A change recorded anywhere in the desk (here, or an objection recorded from the
        requests window): reloaded without a new audited read."""
        if self._number is not None and number in ("", self._number):
            self._load(refresh=True)

    def customer_saved(self, customer: Customer) -> None:
        """The open customer was saved: keep its language for the confirmation letter."""
        if customer.number == self._number:
            self._language = customer.language

    def _load(self, *, refresh: bool = False) -> None:
        number = self._number
        if number is None:
            return
        if not self._keep_status:
            self.status.setText(self.tr("Loading…"))
        ds = self._ds
        self._runner.run(
            lambda: consents.load(ds, number, refresh=refresh),
            success=lambda persons: self._on_loaded(number, persons),
            failure=lambda exc: self._on_failed(number, exc),
            key=f"consent-panel-{id(self)}",
            owner=self,
        )

    def _on_loaded(self, number: str, persons: tuple[PersonConsents, ...]) -> None:
        if number != self._number:
            return
        self._show_persons(persons)
        if self._changed_note:
            self.status.setText(self._changed_note)
            self._changed_note = ""
            self._keep_status = False
        elif self._keep_status:
            # The status tells the outcome of a letter just made; the refresh that letter
            # announced must not wipe it.
            self._keep_status = False
        elif self.can_change:
            self.status.setText(
                self.tr("Turning a toggle asks for the evidence; nothing changes without it.")
            )
        else:
            self.status.setText(
                self.tr("Your user level can see but not change prohibitions and consents.")
            )

    def _on_failed(self, number: str, exc: BaseException) -> None:
        if number == self._number:
            self.status.setText(report_failure(exc, self, context="consents"))
            self._set_toggles_enabled(False)

    def _show_persons(self, persons: tuple[PersonConsents, ...]) -> None:
        keep = self.person.currentData()
        self._persons = persons
        self.person.blockSignals(True)
        self.person.clear()
        for p in persons:
            if p.contact_person_id is None:
                self.person.addItem(p.name, -1)
            else:
                self.person.addItem(
                    self.tr("%1 (contact person)").replace("%1", p.name), p.contact_person_id
                )
        index = self.person.findData(keep) if keep is not None else -1
        self.person.setCurrentIndex(max(index, 0) if persons else -1)
        self.person.blockSignals(False)
        # A choice only when there is one: a company with contact persons.
        several = len(persons) > 1
        self.person.setVisible(several)
        self.person_label.setVisible(several)
        self._show_current()

    def _current(self) -> PersonConsents | None:
        i = self.person.currentIndex()
        return self._persons[i] if 0 <= i < len(self._persons) else None

    def _on_person_changed(self, _index: int) -> None:
        self._show_current()

    def _set_toggles_enabled(self, on: bool) -> None:
        why = (
            ""
            if self.can_change
            else self.tr("Your user level can see but not change prohibitions and consents.")
        )
        for toggle in self.toggles.values():
            toggle.setEnabled(on and self.can_change)
            toggle.setToolTip(why)

    def _show_current(self) -> None:
        p = self._current()
        self._set_toggles_enabled(p is not None)
        for item, toggle in self.toggles.items():
            toggle.blockSignals(True)
            toggle.setChecked(bool(p is not None and p.state[item]))
            toggle.blockSignals(False)
            label = self.evidence_labels[item]
            s = p.state.get(item) if p is not None else None
            if s is None or s.event is None:
                label.setText(self.tr("never recorded") if p is not None else "")
                continue
            e = s.event
            label.setText(
                self.tr("%1 since %2 · %3 · %4")
                .replace("%1", state_word(item, e.state))
                .replace("%2", format_date(e.received_on))
                .replace("%3", channel_label(e.channel))
                .replace("%4", e.document_ref)
            )
        elsewhere = sorted(p.suppressed_elsewhere) if p is not None else []
        self.elsewhere.setVisible(bool(elsewhere))
        self.elsewhere.setText(
            self.tr(
                "The suppression list also stops marketing to this person's e-mail address or "
                "phone: %1. Another record with the same e-mail or phone (possibly an erased "
                "one) said so, and the least permissive state wins."
            ).replace("%1", ", ".join(item_name(i) for i in elsewhere))
        )
        self._fill_allowed(p)
        self._fill_history(p.history if p is not None else ())

    def restriction_known(self, number: str, since: date | None) -> None:
        """The customer view read whether ``number``'s processing is restricted: "allowed
        now" says what the exports do (nothing while it is)."""
        if self._restricted == (number, since):
            return
        self._restricted = (number, since)
        if number == self._number:
            self._fill_allowed(self._current())

    def _fill_allowed(self, p: PersonConsents | None) -> None:
        purposes, channels = list(MarketingPurpose), list(MarketingChannel)
        self.allowed.clearContents()
        restricted = (
            self._restricted[1]
            if self._restricted and self._restricted[0] == self._number
            else None
        )
        if p is not None:
            for v in verdicts(p.state, p.suppressed_elsewhere, restricted):
                word = self.tr("✓ Allowed") if v.allowed else self.tr("✗ Not allowed")
                cell = QTableWidgetItem(f"{word}\n{verdict_reason(v)}")
                cell.setToolTip(verdict_sentence(v))
                cell.setData(Qt.ItemDataRole.AccessibleTextRole, verdict_sentence(v))
                cell.setData(Qt.ItemDataRole.UserRole, v.allowed)
                self.allowed.setItem(purposes.index(v.purpose), channels.index(v.channel), cell)
        self.allowed.resizeRowsToContents()
        height = self.allowed.horizontalHeader().height() + self.allowed.verticalHeader().length()
        self.allowed.setFixedHeight(height + 2 * self.allowed.frameWidth())

    def verdict_text(self, purpose: MarketingPurpose, channel: MarketingChannel) -> str:
        """The sentence of one cell of "allowed now" (tests)."""
        cell = self.allowed.item(
            list(MarketingPurpose).index(purpose), list(MarketingChannel).index(channel)
        )
        return cell.toolTip() if cell is not None else ""

    def _fill_history(self, events: tuple[ConsentEvent, ...]) -> None:
        self.table.setRowCount(len(events))
        for row, e in enumerate(events):
            values = (
                format_date(e.received_on),
                item_name(e.item),
                state_word(e.item, e.state),
                channel_label(e.channel),
                e.document_ref,
                f"{format_datetime(e.recorded_at)} {e.recorded_by}",
                e.note,
            )
            for column, text in enumerate(values):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                self.table.setItem(row, column, cell)

    # -- changing ----------------------------------------------------------------------

    def _on_toggle_clicked(self, item: ConsentItem, checked: bool) -> None:
        p = self._current()
        toggle = self.toggles[item]
        # Nothing changes until the evidence is given and the event is stored.
        toggle.blockSignals(True)
        toggle.setChecked(not checked)
        toggle.blockSignals(False)
        if p is None or self._number is None or not self.can_change:
            return
        evidence = ask_evidence(self, item, checked)
        if evidence is None:
            return
        self._save(item, checked, evidence, p.contact_person_id)

    def _save(
        self, item: ConsentItem, state: bool, evidence: Evidence, contact_id: int | None
    ) -> None:
        number = self._number
        assert number is not None
        ds, purpose = self._ds, self.purpose
        # The newest event of the history the user is looking at: the change is refused if
        # anyone recorded another since (the toggles would have been decided on old facts).
        p = self._current()
        seen = max((e.id for e in p.history), default=0) if p is not None else 0
        self._set_toggles_enabled(False)
        self._keep_status = False
        self.status.setText(self.tr("Saving…"))
        self._runner.run(
            lambda: consents.record(
                ds,
                number,
                item,
                state,
                evidence,
                contact_person_id=contact_id,
                purpose=purpose,
                seen_event_id=seen,
            ),
            success=lambda event: self._on_saved(number, event),
            failure=lambda exc: self._on_save_failed(number, exc),
        )

    def _on_save_failed(self, number: str, exc: BaseException) -> None:
        if not (isinstance(exc, KnownError) and exc.code == "consent_changed"):
            self._on_failed(number, exc)
            return
        if number != self._number:
            return
        # Someone else changed this person's consents since they were shown: say so and
        # show the state as it is now, so the user decides again on the facts.
        self._changed_note = " ".join(
            (report_failure(exc, self, context="consents"),
             self.tr("The current state is shown below."))
        )  # fmt: skip
        self._load(refresh=True)  # the same customer again: not a new read

    def _on_saved(self, number: str, event: ConsentEvent) -> None:
        self.event_recorded.emit(event)
        # The customer view refreshes every tab of this customer, this one included.
        announce_change(number)

    # -- the confirmation letter -------------------------------------------------------

    def confirmation_letter(self) -> None:
        """Ask the letter's language and file, then make it (archived and audited)."""
        if self._number is None:
            return
        from kkdesk.ui.letter_dialog import language_name

        languages = list(Language)
        names = [language_name(x) for x in languages]
        name, ok = QInputDialog.getItem(
            self, self.tr("Confirmation letter"), self.tr("Language of the letter:"), names,
            languages.index(self._language), False,
        )  # fmt: skip
        if not ok:
            return
        language = languages[names.index(name)]
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the confirmation letter"),
            f"confirmation-{self._number}-{language.value}.pdf", self.tr("PDF files (*.pdf)"),
        )  # fmt: skip
        if path:
            self.save_confirmation(Path(path), language)

    def save_confirmation(self, path: Path, language: Language) -> None:
        """Make the confirmation letter of the shown customer into ``path`` (off the GUI
        thread): archived on the customer with its hash and audited, written 0600."""
        number = self._number
        if number is None:
            return
        ds = self._ds

        def make() -> step_letters.MadeLetter:
            [letter] = step_letters.generate(
                ds, LetterKind.CONFIRMATION, number=number, language=language
            )
            try:
                write_private(path, letter.pdf)
            except OSError as exc:
                raise _Unwritten(letter.letter_id, exc.strerror or str(exc)) from exc
            return letter

        self.confirm_button.setEnabled(False)
        self.status.setText(self.tr("Making the confirmation letter…"))
        self._runner.run(make, success=self._on_confirmation_made,
                         failure=self._on_confirmation_failed)  # fmt: skip

    def _on_confirmation_made(self, letter: step_letters.MadeLetter) -> None:
        if self._number is not None:
            self._keep_status = True
            announce_change(self._number)  # archived and audited: the audit tab shows it
        self.confirm_button.setEnabled(self._number is not None and self.can_write_letters)
        self.status.setText(
            self.tr("Confirmation letter saved; archived on the customer as letter %1.")
            .replace("%1", str(letter.letter_id))
        )  # fmt: skip

    def _on_confirmation_failed(self, exc: BaseException) -> None:
        self.confirm_button.setEnabled(self._number is not None and self.can_write_letters)
        if isinstance(exc, _Unwritten):
            self.status.setText(
                self.tr("The file could not be written: %1. The letter is archived as letter %2.")
                .replace("%1", exc.reason).replace("%2", str(exc.letter_id))
            )  # fmt: skip
            return
        from kkdesk.errors import KnownError
        from kkdesk.ui.step_letter_dialog import describe_letter_error

        if isinstance(exc, KnownError) and exc.code == "nothing_to_confirm":
            self.status.setText(
                self.tr("Nothing to confirm: no prohibition, objection, restriction or "
                        "withdrawn consent is recorded for the customer.")
            )  # fmt: skip
        elif isinstance(exc, KnownError):
            self.status.setText(describe_letter_error(exc))
        else:
            self.status.setText(report_failure(exc, self, context="consents"))


class _Unwritten(Exception):
    """The letter was made and archived, but its file could not be written."""

    def __init__(self, letter_id: int, reason: str) -> None:
        super().__init__(reason)
        self.letter_id = letter_id
        self.reason = reason
