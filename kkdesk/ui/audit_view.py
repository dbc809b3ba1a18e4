"""The "Audit trail" tab: who read or changed the open customer's data, when and why.

Only the ``privacy`` level (and ``admin``) may read the audit trail; for the others the tab
says so instead of asking the database, which would refuse anyway.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTableView, QVBoxLayout, QWidget

from kkdesk.domain.customer import Customer
from kkdesk.domain.enums import AuditAction, Purpose
from kkdesk.domain.levels import Capability
from kkdesk.services import audit
from kkdesk.services.audit import AuditEntry
from kkdesk.services.session import DeskSession
from kkdesk.ui.errors import describe_error
from kkdesk.ui.formatting import format_datetime
from kkdesk.ui.labels import purpose_label
from kkdesk.ui.tasks import TaskRunner

_Index = QModelIndex | QPersistentModelIndex


def action_label(action: str) -> str:
    from PySide6.QtCore import QCoreApplication

    def tr(text: str) -> str:
        return QCoreApplication.translate("AuditPanel", text)

    labels = {
        AuditAction.READ: tr("Opened"),
        AuditAction.CREATE: tr("Created"),
        AuditAction.UPDATE: tr("Changed"),
        AuditAction.REPORT: tr("Report"),
        AuditAction.EXPORT: tr("Export"),
        AuditAction.CONSENT: tr("Consent or prohibition"),
        AuditAction.RETURN: tr("Return"),
        AuditAction.DELIVERY: tr("Delivery"),
        AuditAction.ERASE: tr("Erased"),
    }
    try:
        return labels[AuditAction(action)]
    except ValueError:
        return action


def _purpose(purpose: str) -> str:
    if not purpose:
        return ""
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
            e.detail,
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
            self.table.setEnabled(False)
            reason = self.tr(
                "Only the privacy and admin user levels may read the audit trail (your level: %1)."
            ).replace("%1", ds.level.value)
            self.table.setToolTip(reason)
            self.status.setText(reason)

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
