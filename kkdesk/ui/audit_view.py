"""The "Audit trail" tab: who read or changed the open customer's data, when and why.

Only the ``privacy`` level (and ``admin``) may read the audit trail; for the others the tab
says so instead of asking the database, which would refuse anyway.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTableView, QVBoxLayout, QWidget

from kkdesk.domain.customer import Customer
from kkdesk.domain.enums import AuditAction, Purpose
from kkdesk.domain.levels import Capability, Level
from kkdesk.services import audit
from kkdesk.services.audit import AuditEntry
from kkdesk.services.session import DeskSession
from kkdesk.ui.errors import describe_error
from kkdesk.ui.formatting import format_datetime
from kkdesk.ui.labels import level_label, purpose_label
from kkdesk.ui.tasks import TaskRunner

_Index = QModelIndex | QPersistentModelIndex


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
    }
    try:
        return labels[AuditAction(action)]
    except ValueError:
        return action


# The central database's change triggers write "recorded by the database: <op> on <table>"
# (migrations 0002, 0003): a change made outside the desk, e.g. with psql. Said in the user's
# language, since it is the one kind of row a privacy officer will want explained.
_TRIGGER_DETAIL = re.compile(r"^recorded by the database: (\w+) on (\w+)$")


def detail_label(detail: str) -> str:
    found = _TRIGGER_DETAIL.match(detail)
    if found is None:
        return detail
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


class AuditModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[AuditEntry, ...] = ()
        self._headers = (
            self.tr("When"),
            self.tr("Who"),
            self.tr("What"),
            self.tr("Why"),
            self.tr("Details"),
        )

    def set_rows(self, rows: tuple[AuditEntry, ...]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's idiom)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        e = self._rows[index.row()]
        values = (
            format_datetime(e.at),
            e.actor,
            action_label(e.action),
            _purpose(e.purpose),
            detail_label(e.detail),
        )
        return values[index.column()]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None


class AuditPanel(QWidget):
    """Customer view tab listing the open customer's audit trail, newest first."""

    panel_id = "audit"

    def __init__(self, ds: DeskSession, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self._ds = ds
        self._runner = runner
        self._number: str | None = None
        self.allowed = ds.can(Capability.READ_AUDIT)
        self.model = AuditModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("auditTable")
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Audit trail"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
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
        )

    def _on_trail_loaded(self, number: str, rows: tuple[AuditEntry, ...]) -> None:
        if number != self._number:
            return
        self.model.set_rows(rows)
        self.status.setText("" if rows else self.tr("Nothing recorded."))

    def _on_trail_failed(self, number: str, exc: BaseException) -> None:
        if number == self._number:
            self.status.setText(describe_error(exc))
