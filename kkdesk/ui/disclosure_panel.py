"""The "Disclosures" tab: every disclosure of the customer's data, and recording a new one.

The register description (sections 7 and 8) allows disclosures for direct marketing, to
an authority under a legal duty, and to a third party at the customer's own request; GDPR
Art. 15(1)(c) gives the customer the right to know the recipients. Marketing exports
record themselves (:mod:`kkdesk.services.marketing`); the others are recorded here with
:class:`DisclosureDialog` — date, recipient, legal basis and what was disclosed — which
cannot be saved until all of them are given. Privacy staff and administrators record
them; they and marketing may list them (the same as PostgreSQL's grants); other levels see
a sentence saying so.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kkdesk.domain.consent import MarketingChannel, MarketingPurpose
from kkdesk.domain.customer import Customer
from kkdesk.domain.disclosure import (
    LEGAL_BASIS_MAX,
    RECIPIENT_MAX,
    Disclosure,
    DisclosureDraft,
    DisclosureKind,
    validate_disclosure,
)
from kkdesk.errors import ValidationFailed
from kkdesk.services import disclosures
from kkdesk.services.session import DeskSession
from kkdesk.ui import dialogs
from kkdesk.ui.desk_events import announce_change, desk_events
from kkdesk.ui.errors import describe_field_error, field_message
from kkdesk.ui.failures import report_failure
from kkdesk.ui.formatting import date_example, format_count, format_date, parse_date
from kkdesk.ui.marketing_export_dialog import marketing_channel_label, purpose_label
from kkdesk.ui.tasks import TaskRunner


def kind_label(kind: DisclosureKind) -> str:
    labels = {
        DisclosureKind.MARKETING_EXPORT: QCoreApplication.translate(
            "DisclosurePanel", "Marketing export"
        ),
        DisclosureKind.AUTHORITY: QCoreApplication.translate(
            "DisclosurePanel", "Authority (legal duty)"
        ),
        DisclosureKind.THIRD_PARTY: QCoreApplication.translate(
            "DisclosurePanel", "Third party (customer's request)"
        ),
    }
    return labels[kind]


def what_was_disclosed(d: Disclosure) -> str:
    """The content of a disclosure in words; an export names its purpose and channel."""
    if d.kind is not DisclosureKind.MARKETING_EXPORT:
        return d.description
    try:
        purpose = purpose_label(MarketingPurpose(d.purpose))
        channel = marketing_channel_label(MarketingChannel(d.channel))
    except ValueError:
        return d.description
    return (
        QCoreApplication.translate("DisclosurePanel", "%1 by %2: name and %3")
        .replace("%1", purpose)
        .replace("%2", channel.lower())
        .replace("%3", _channel_data(MarketingChannel(d.channel)))
    )


def _channel_data(channel: MarketingChannel) -> str:
    data = {
        MarketingChannel.POST: QCoreApplication.translate("DisclosurePanel", "postal address"),
        MarketingChannel.EMAIL: QCoreApplication.translate("DisclosurePanel", "e-mail address"),
        MarketingChannel.SMS: QCoreApplication.translate("DisclosurePanel", "mobile number"),
        MarketingChannel.PHONE: QCoreApplication.translate("DisclosurePanel", "phone number"),
    }
    return data[channel]


class DisclosureDialog(QDialog):
    """Asks for a disclosure to an authority or a third party. Save stays disabled until
    the date, the recipient, the legal basis and what was disclosed are all given."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Record a disclosure"))
        intro = QLabel(
            self.tr(
                "Record that this customer's data was given outside the controller: to an "
                "authority under a legal duty, or to a third party at the customer's own "
                "request. The customer can see every disclosure (GDPR Art. 15)."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.kind = QComboBox(self)
        self.kind.setObjectName("kind")
        self.kind.setAccessibleName(self.tr("Disclosed to"))
        for kind in (DisclosureKind.AUTHORITY, DisclosureKind.THIRD_PARTY):
            self.kind.addItem(kind_label(kind), kind.value)
        self.disclosed_on = QLineEdit(self)
        self.disclosed_on.setObjectName("disclosedOn")
        self.disclosed_on.setAccessibleName(self.tr("Date"))
        self.disclosed_on.setPlaceholderText(date_example())
        self.disclosed_on.setText(format_date(date.today()))
        self.recipient = QLineEdit(self)
        self.recipient.setObjectName("recipient")
        self.recipient.setAccessibleName(self.tr("Recipient"))
        self.recipient.setMaxLength(RECIPIENT_MAX)
        self.recipient.setPlaceholderText(self.tr("e.g. Helsinki Police Department"))
        self.legal_basis = QLineEdit(self)
        self.legal_basis.setObjectName("legalBasis")
        self.legal_basis.setAccessibleName(self.tr("Legal basis"))
        self.legal_basis.setMaxLength(LEGAL_BASIS_MAX)
        self.legal_basis.setPlaceholderText(
            self.tr("e.g. Police Act 4:3, or the customer's request of 2 May")
        )
        self.description = QPlainTextEdit(self)
        self.description.setObjectName("description")
        self.description.setAccessibleName(self.tr("What was disclosed"))
        self.description.setTabChangesFocus(True)
        self.description.setPlaceholderText(self.tr("e.g. name, address and orders of 2024"))
        self.description.setMaximumHeight(90)
        self.problem, self.buttons = dialogs.lay_out_evidence_form(
            self,
            intro,
            (
                (self.tr("Disclosed &to:"), self.kind),
                (self.tr("&Date:"), self.disclosed_on),
                (self.tr("&Recipient:"), self.recipient),
                (self.tr("&Legal basis:"), self.legal_basis),
                (self.tr("&What was disclosed:"), self.description),
            ),
        )
        self._touched = False
        for line in (self.disclosed_on, self.recipient, self.legal_basis):
            line.textEdited.connect(self._on_input_edited)
        self.description.textChanged.connect(self._on_input_edited)
        self._on_input_changed()
        self.setMinimumWidth(520)
        self.kind.setFocus()

    @property
    def save_button(self) -> QWidget:
        return self.buttons.button(QDialogButtonBox.StandardButton.Save)

    def _check(self) -> tuple[DisclosureDraft | None, list[str]]:
        names = {
            "disclosed_on": self.tr("Date"),
            "recipient": self.tr("Recipient"),
            "legal_basis": self.tr("Legal basis"),
            "description": self.tr("What was disclosed"),
            "kind": self.tr("Disclosed to"),
        }
        problems: list[str] = []
        try:
            day = parse_date(self.disclosed_on.text())
        except ValueError:
            day = None
            problems.append(f"{names['disclosed_on']}: {field_message('invalid_date')}")
        raw = DisclosureDraft(
            DisclosureKind(self.kind.currentData()),
            day,  # type: ignore[arg-type]
            self.recipient.text(),
            self.legal_basis.text(),
            self.description.toPlainText(),
        )
        try:
            draft = validate_disclosure(raw, date.today())
        except ValidationFailed as exc:
            for name, err in exc.errors.items():
                if name == "disclosed_on" and problems:
                    continue  # already said: not a date
                problems.append(f"{names.get(name, name)}: {describe_field_error(err)}")
            return None, problems
        return (None, problems) if problems else (draft, [])

    def draft(self) -> DisclosureDraft | None:
        """The validated disclosure, or None (and the problems shown)."""
        draft, problems = self._check()
        self.problem.setText("\n".join(problems))
        return draft

    def _on_input_edited(self, *_: object) -> None:
        self._touched = True
        self._on_input_changed()

    def _on_input_changed(self) -> None:
        draft, problems = self._check()
        self.problem.setText("\n".join(problems) if self._touched else "")
        self.save_button.setEnabled(draft is not None)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter while Save is disabled would do nothing at all: say what is missing.
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and not self.save_button.isEnabled():
            self.accept()
            return
        super().keyPressEvent(event)

    def accept(self) -> None:
        # Save is disabled until complete; Enter in a field must not bypass that.
        self._touched = True
        if self.draft() is not None:
            super().accept()


def ask_disclosure(parent: QWidget) -> DisclosureDraft | None:
    """The disclosure to record, or None if cancelled. Module-level so tests can answer."""
    dialog = DisclosureDialog(parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.draft()


class DisclosurePanel(QWidget):
    """Customer view tab: the disclosures of the customer's data."""

    panel_id = "disclosures"
    follows_changes = True  # reloads itself on kkdesk.ui.desk_events (no new read)
    disclosure_recorded = Signal(object)  # the Disclosure just recorded

    COLUMNS = 7

    def __init__(self, ds: DeskSession, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        desk_events().customer_changed.connect(self._on_desk_customer_changed)
        self._ds = ds
        self._runner = runner
        self._number: str | None = None
        self.can_read = disclosures.can_read(ds)
        self.can_record = disclosures.can_record(ds)

        intro = QLabel(
            self.tr(
                "Every disclosure of this customer's data outside the controller: marketing "
                "exports, and disclosures to authorities or third parties."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(0, self.COLUMNS, self)
        self.table.setObjectName("disclosures")
        self.table.setAccessibleName(self.tr("Disclosures of the customer's data"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Date"),
                self.tr("Kind"),
                self.tr("Recipient"),
                self.tr("Legal basis"),
                self.tr("Recorded by"),
                self.tr("Customers"),
                self.tr("What was disclosed"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for column, width in enumerate((90, 190, 170, 170, 100, 80)):
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        label = QLabel(self.tr("&List of disclosures, newest first:"), self)
        label.setBuddy(self.table)

        self.record_button = QPushButton(self.tr("Record a &disclosure…"), self)
        self.record_button.setObjectName("recordDisclosure")
        self.record_button.clicked.connect(self._on_record_clicked)
        self.record_button.setEnabled(False)
        if not self.can_record:
            self.record_button.setToolTip(
                self.tr("Only privacy staff and administrators record disclosures.")
            )
        self.status = QLabel(self)
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        buttons = QHBoxLayout()
        buttons.addWidget(self.record_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(label)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)

    def title(self) -> str:
        return self.tr("Disclosures")

    def wait_loaded(self, timeout_ms: int = 10000) -> bool:
        """Tests: wait until loading or saving is done."""
        return self._runner.wait_idle(timeout_ms)

    def set_customer(self, customer: Customer | None) -> None:
        self._number = customer.number if customer is not None else None
        self._show(())
        self.record_button.setEnabled(self.can_record and customer is not None)
        if customer is None:
            self.status.setText("")
            return
        if not self.can_read:
            self.status.setText(
                self.tr("Your user level may not see the disclosures of customer data.")
            )
            return
        self._load()

    @Slot(str)
    def _on_desk_customer_changed(self, number: str) -> None:
        """A change recorded anywhere in the desk: reloaded without a new audited read."""
        if self._number is not None and number in ("", self._number):
            self._load(refresh=True)

    def _load(self, *, refresh: bool = False) -> None:
        number = self._number
        if number is None or not self.can_read:
            return
        self.status.setText(self.tr("Loading…"))
        ds = self._ds
        self._runner.run(
            lambda: disclosures.of_customer(ds, number, refresh=refresh),
            success=lambda listed: self._on_loaded(number, listed),
            failure=lambda exc: self._on_failed(number, exc),
            key=f"disclosure-panel-{id(self)}",
            owner=self,
        )

    def _on_loaded(self, number: str, listed: tuple[Disclosure, ...]) -> None:
        if number != self._number:
            return
        self._show(listed)
        self.status.setText(
            self.tr("No disclosures of this customer's data.") if not listed else ""
        )

    def _on_failed(self, number: str, exc: BaseException) -> None:
        if number == self._number:
            self.status.setText(report_failure(exc, self, context="disclosures"))

    def _show(self, listed: tuple[Disclosure, ...]) -> None:
        self.table.setRowCount(len(listed))
        for row, d in enumerate(listed):
            values = (
                format_date(d.disclosed_at.astimezone().date()),
                kind_label(d.kind),
                d.recipient,
                d.legal_basis,
                d.recorded_by,
                format_count(d.customer_count),
                what_was_disclosed(d),
            )
            for column, text in enumerate(values):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                if column == 5:  # the number of customers
                    cell.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, cell)

    def _on_record_clicked(self) -> None:
        number = self._number
        if number is None or not self.can_record:
            return
        draft = ask_disclosure(self)
        if draft is None:
            return
        ds = self._ds
        self.record_button.setEnabled(False)
        self.status.setText(self.tr("Saving…"))
        # The audit row's purpose follows the disclosure (disclosures.record): an
        # authority's request based on law, or the customer's own request.
        self._runner.run(
            lambda: disclosures.record(ds, number, draft),
            success=lambda d: self._on_recorded(number, d),
            failure=lambda exc: self._on_record_failed(number, exc),
        )

    def _on_recorded(self, number: str, disclosure: Disclosure) -> None:
        self.record_button.setEnabled(self.can_record)
        self.disclosure_recorded.emit(disclosure)
        # The customer view refreshes every tab of this customer, this one included.
        announce_change(number)

    def _on_record_failed(self, number: str, exc: BaseException) -> None:
        self.record_button.setEnabled(self.can_record)
        self._on_failed(number, exc)
