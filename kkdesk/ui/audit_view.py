"""The "Audit trail" tab: who read or changed the open customer's data, when and why.

Only the ``privacy`` level (and ``admin``) may read the audit trail; for the others the tab
says so instead of asking the database, which would refuse anyway.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Slot
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from kkdesk.domain.consent import ConsentItem
from kkdesk.domain.customer import Customer
from kkdesk.domain.enums import AuditAction, Purpose
from kkdesk.domain.levels import Capability, Level
from kkdesk.domain.subject_requests import RequestKind
from kkdesk.services import audit
from kkdesk.services.audit import AuditEntry
from kkdesk.services.session import DeskSession
from kkdesk.ui.columns import compact_rows
from kkdesk.ui.consent_panel import item_name, state_word
from kkdesk.ui.desk_events import desk_events
from kkdesk.ui.failures import report_failure
from kkdesk.ui.formatting import format_datetime
from kkdesk.ui.labels import language_label, level_label, purpose_label
from kkdesk.ui.record_table import RecordTableModel, record_table
from kkdesk.ui.requests_view import kind_label
from kkdesk.ui.tasks import TaskRunner


def action_label(action: str) -> str:
    labels = {
        AuditAction.READ: QCoreApplication.translate("AuditPanel", "Opened"),
        AuditAction.CREATE: QCoreApplication.translate("AuditPanel", "Created"),
        AuditAction.UPDATE: QCoreApplication.translate("AuditPanel", "Changed"),
        AuditAction.REPORT: QCoreApplication.translate("AuditPanel", "Report"),
        AuditAction.EXPORT: QCoreApplication.translate("AuditPanel", "Export"),
        AuditAction.CONSENT: QCoreApplication.translate("AuditPanel", "Consent or prohibition"),
        AuditAction.RETURN: QCoreApplication.translate("AuditPanel", "Return"),
        AuditAction.DELIVERY: QCoreApplication.translate("AuditPanel", "Delivery"),
        AuditAction.ERASE: QCoreApplication.translate("AuditPanel", "Erased"),
        AuditAction.MERGE: QCoreApplication.translate("AuditPanel", "Merged"),
    }
    try:
        return labels[AuditAction(action)]
    except ValueError:
        return action


# What the desk's services write in an audit row's detail (kkdesk/services/*: consents,
# orders, requests, access_report, disclosures, portability, record) is English with raw
# keys, so that it reads the same in every installation and in `kkdesk audit`; the tab says
# it in the user's language. A detail of any other shape is shown as it is.
_CONSENT = re.compile(r"^(\w+)=(on|off)(?: contact (\d+))? ref (.*)$", re.DOTALL)
_DISCLOSURE = re.compile(r"^disclosure (\d+) to (.*)$", re.DOTALL)
_RETURN = re.compile(r"^order (\S+): return (\S+) of (\d+) item\(s\)$")
_DELIVERY = re.compile(r"^order (\S+): delivery (\d+) marked delivered$")
_RETURN_STEP = re.compile(r"^order (\S+): return (\S+) (received|refunded)$")
_CORRECTION = re.compile(
    r"^order (\S+): correction (\d+) of (delivered|return_received|return_refunded) "
    r"\((?:delivery|return) (\S+)\)$"
)
_REQUEST_ADDED = re.compile(r"^subject request (\d+) \((\w+)\)$")
_REQUEST_CHANGED = re.compile(r"^subject request (\d+) (extended|done|refused)$")
_LETTER = re.compile(r"^(?:request (\d+): )?access letter (\w+), (\d+) pages, sha256 ([0-9a-f]+)$")
# The central database's change triggers write "recorded by the database: <op> on <table>"
# (migrations 0002, 0003), since 0004 one row per changed row followed by the row's id and
# the changed columns: a change made outside the desk, e.g. with psql, or the server's own
# record of one the desk made.
_TRIGGER_DETAIL = re.compile(r"^recorded by the database: (\w+) on (\w+)(?: .*)?$")


def detail_label(detail: str) -> str:
    """An audit row's detail in the user's language (the raw text if its shape is unknown)."""
    fixed = {
        "portability copy (Art. 20)": QCoreApplication.translate(
            "AuditPanel", "Portability copy (Art. 20)"
        ),
        "access letter preview": QCoreApplication.translate(
            "AuditPanel", "Access letter previewed"
        ),
        "record": QCoreApplication.translate("AuditPanel", "The whole record read"),
        # The views that read a customer's data (kkdesk/services/*), said as what was seen.
        "summary": QCoreApplication.translate("AuditPanel", "Summary header"),
        "consent view": QCoreApplication.translate("AuditPanel", "Prohibitions and consents"),
        "consent history": QCoreApplication.translate("AuditPanel", "Consent history"),
        "disclosure list": QCoreApplication.translate("AuditPanel", "List of disclosures"),
        "request list": QCoreApplication.translate("AuditPanel", "List of requests"),
        "search result": QCoreApplication.translate("AuditPanel", "In search results"),
    }
    if detail in fixed:
        return fixed[detail]
    for pattern, say in (
        (_CONSENT, _consent_detail),
        (_DISCLOSURE, _disclosure_detail),
        (_RETURN, _return_detail),
        (_DELIVERY, _delivery_detail),
        (_RETURN_STEP, _return_step_detail),
        (_CORRECTION, _correction_detail),
        (_REQUEST_ADDED, _request_added_detail),
        (_REQUEST_CHANGED, _request_changed_detail),
        (_LETTER, _letter_detail),
        (_TRIGGER_DETAIL, _trigger_detail),
    ):
        found = pattern.match(detail)
        if found is not None:
            said = say(found)
            if said is not None:
                return said
    return detail


def _consent_detail(found: re.Match[str]) -> str | None:
    try:
        item = ConsentItem(found.group(1))
    except ValueError:
        return None
    parts = [
        QCoreApplication.translate("AuditPanel", "%1: %2")
        .replace("%1", item_name(item))
        .replace("%2", state_word(item, found.group(2) == "on"))
    ]
    if found.group(3):
        parts.append(
            QCoreApplication.translate("AuditPanel", "contact person %1").replace(
                "%1", found.group(3)
            )
        )
    if found.group(4).strip():
        parts.append(
            QCoreApplication.translate("AuditPanel", "reference %1").replace(
                "%1", found.group(4).strip()
            )
        )
    return ", ".join(parts)


def _disclosure_detail(found: re.Match[str]) -> str:
    return (
        QCoreApplication.translate("AuditPanel", "Disclosure %1 to %2")
        .replace("%1", found.group(1))
        .replace("%2", found.group(2))
    )


def _return_detail(found: re.Match[str]) -> str:
    count = int(found.group(3))
    text = (
        QCoreApplication.translate("AuditPanel", "Order %1: return %2 of 1 item")
        if count == 1
        else QCoreApplication.translate("AuditPanel", "Order %1: return %2 of %3 items")
    )
    return (
        text.replace("%1", found.group(1))
        .replace("%2", found.group(2))
        .replace("%3", QLocale().toString(count))
    )


def _delivery_detail(found: re.Match[str]) -> str:
    return (
        QCoreApplication.translate("AuditPanel", "Order %1: delivery %2 marked delivered")
        .replace("%1", found.group(1))
        .replace("%2", found.group(2))
    )


def _return_step_detail(found: re.Match[str]) -> str:
    text = (
        QCoreApplication.translate("AuditPanel", "Order %1: return %2 marked received")
        if found.group(3) == "received"
        else QCoreApplication.translate("AuditPanel", "Order %1: return %2 refunded")
    )
    return text.replace("%1", found.group(1)).replace("%2", found.group(2))


def _correction_detail(found: re.Match[str]) -> str:
    texts = {
        "delivered": QCoreApplication.translate(
            "AuditPanel", "Order %1: delivery %2 corrected (correction %3)"
        ),
        "return_received": QCoreApplication.translate(
            "AuditPanel", "Order %1: receipt of return %2 corrected (correction %3)"
        ),
        "return_refunded": QCoreApplication.translate(
            "AuditPanel", "Order %1: refund of return %2 corrected (correction %3)"
        ),
    }
    return (
        texts[found.group(3)]
        .replace("%1", found.group(1))
        .replace("%2", found.group(4))
        .replace("%3", found.group(2))
    )


def _request_added_detail(found: re.Match[str]) -> str | None:
    try:
        kind = kind_label(RequestKind(found.group(2)))
    except ValueError:
        return None
    return (
        QCoreApplication.translate("AuditPanel", "Data-subject request %1 registered: %2")
        .replace("%1", found.group(1))
        .replace("%2", kind)
    )


def _request_changed_detail(found: re.Match[str]) -> str:
    texts = {
        "extended": QCoreApplication.translate(
            "AuditPanel", "Data-subject request %1 extended by two months"
        ),
        "done": QCoreApplication.translate("AuditPanel", "Data-subject request %1 closed as done"),
        "refused": QCoreApplication.translate("AuditPanel", "Data-subject request %1 refused"),
    }
    return texts[found.group(2)].replace("%1", found.group(1))


def _letter_detail(found: re.Match[str]) -> str:
    pages = int(found.group(3))
    text = (
        QCoreApplication.translate("AuditPanel", "Access letter (%1), 1 page, SHA-256 %3…")
        if pages == 1
        else QCoreApplication.translate("AuditPanel", "Access letter (%1), %2 pages, SHA-256 %3…")
    )
    text = (
        text.replace("%1", language_label(found.group(2)))
        .replace("%2", QLocale().toString(pages))
        .replace("%3", found.group(4))
    )
    if found.group(1):
        text = (
            QCoreApplication.translate("AuditPanel", "Data-subject request %1: %2")
            .replace("%1", found.group(1))
            .replace("%2", text)
        )
    return text


def _trigger_detail(found: re.Match[str]) -> str:
    # The one kind of row a privacy officer will want explained: a change made outside
    # the desk.
    tables = {
        "customer": QCoreApplication.translate("AuditPanel", "customer data"),
        "contact_person": QCoreApplication.translate("AuditPanel", "contact person"),
        "delivery": QCoreApplication.translate("AuditPanel", "delivery"),
        "consent_event": QCoreApplication.translate("AuditPanel", "consents and prohibitions"),
        "customer_order": QCoreApplication.translate("AuditPanel", "order"),
        "order_line": QCoreApplication.translate("AuditPanel", "order line"),
        "order_return": QCoreApplication.translate("AuditPanel", "return"),
        "return_line": QCoreApplication.translate("AuditPanel", "returned item"),
    }
    what = tables.get(found.group(2), found.group(2))
    return QCoreApplication.translate("AuditPanel", "Changed outside the desk: %1").replace(
        "%1", what
    )


def _purpose(purpose: str) -> str:
    if not purpose:
        return "—"  # not given: a change made outside the desk has no chosen purpose
    try:
        return purpose_label(Purpose(purpose))
    except ValueError:
        return purpose


class AuditModel(RecordTableModel[AuditEntry]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            (
                self.tr("When"),
                self.tr("Who"),
                self.tr("What"),
                self.tr("Why"),
                self.tr("Details"),
            ),
            parent,
        )

    def cells(self, e: AuditEntry) -> tuple[str, ...]:
        return (
            format_datetime(e.at),
            e.actor,
            action_label(e.action),
            _purpose(e.purpose),
            detail_label(e.detail),
        )


class AuditPanel(QWidget):
    """Customer view tab listing the open customer's audit trail, newest first."""

    panel_id = "audit"
    follows_changes = True  # reloads itself on kkdesk.ui.desk_events

    def __init__(self, ds: DeskSession, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        desk_events().customer_changed.connect(self._on_desk_customer_changed)
        self._ds = ds
        self._runner = runner
        self._number: str | None = None
        self.allowed = ds.can(Capability.READ_AUDIT)
        self.model = AuditModel(self)
        self.table = record_table(
            self.model, self, name="auditTable", accessible_name=self.tr("Audit trail")
        )
        compact_rows(self.table)  # a long detail is cut short; its tooltip has it whole
        for column, width in enumerate((130, 110, 150, 160)):
            self.table.setColumnWidth(column, width)
        self.label = QLabel(self.tr("&Who read or changed this customer's data, newest first:"))
        self.label.setBuddy(self.table)
        self.status = QLabel(self)
        self.status.setObjectName("auditStatus")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        if not self.allowed:
            # Nothing to show but the reason: an empty, greyed table would look broken.
            self.table.setEnabled(False)
            self.table.hide()
            self.label.hide()
            reason = (
                self.tr(
                    "Only the user levels %1 and %2 may read the audit trail of who read or "
                    "changed customer data. Your user level is %3."
                )
                .replace("%1", level_label(Level.PRIVACY))
                .replace("%2", level_label(Level.ADMIN))
                .replace("%3", level_label(ds.level))
            )
            self.status.setText(reason)
            layout.addStretch(1)

    def title(self) -> str:
        return self.tr("Audit trail")

    def set_customer(self, customer: Customer | None) -> None:
        self._number = customer.number if customer is not None else None
        self.model.set_rows(())
        if customer is None or not self.allowed:
            if self.allowed:
                self.status.setText("")
            return
        self.status.setText(self.tr("Loading…"))
        ds, number = self._ds, customer.number
        self._runner.run(
            lambda: audit.trail(ds, number),
            success=lambda rows: self._on_trail_loaded(number, rows),
            failure=lambda exc: self._on_trail_failed(number, exc),
            key=f"audit-panel-{id(self)}",
            owner=self,
        )

    @Slot(str)
    def _on_desk_customer_changed(self, number: str) -> None:
        """The trail again after a change recorded anywhere in the desk (the rows stay
        until the new ones arrive); reading the trail is no read of the customer."""
        if self._number is None or number not in ("", self._number) or not self.allowed:
            return
        ds, number = self._ds, self._number
        self._runner.run(
            lambda: audit.trail(ds, number),
            success=lambda rows: self._on_trail_loaded(number, rows),
            failure=lambda exc: self._on_trail_failed(number, exc),
            key=f"audit-panel-{id(self)}",
            owner=self,
        )

    def _on_trail_loaded(self, number: str, rows: tuple[AuditEntry, ...]) -> None:
        if number != self._number:
            return
        self.model.set_rows(rows)
        self.status.setText("" if rows else self.tr("Nothing recorded."))

    def _on_trail_failed(self, number: str, exc: BaseException) -> None:
        if number == self._number:
            self.status.setText(report_failure(exc, self, context="loading the audit trail"))
