"""The "Change history" tab: every change of the customer's personal data, newest first,
with who made it, when, and where the data came from (register description, section 6);
above it, the merges of duplicate records this customer took part in."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, QSettings
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from kkdesk.domain.customer import Customer, FieldChange
from kkdesk.services import customers, merge
from kkdesk.services.session import DeskSession
from kkdesk.ui.columns import compact_rows, fit_columns
from kkdesk.ui.errors import field_label
from kkdesk.ui.failures import report_failure
from kkdesk.ui.formatting import format_datetime, format_stored_value
from kkdesk.ui.labels import source_label
from kkdesk.ui.record_table import RecordTableModel, record_table
from kkdesk.ui.tasks import TaskRunner


class HistoryModel(RecordTableModel[FieldChange]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            (
                self.tr("When"),
                self.tr("Who"),
                self.tr("Field"),
                self.tr("Was"),
                self.tr("Now"),
                self.tr("Source"),
                self.tr("Details"),
            ),
            parent,
        )

    def set_rows(self, rows: Sequence[FieldChange]) -> None:
        super().set_rows(sorted(rows, key=lambda c: c.changed_at, reverse=True))

    def cells(self, c: FieldChange) -> tuple[str, ...]:
        field = field_label(c.field)
        if c.contact_person_id is not None:
            field = self.tr("Contact person: %1").replace("%1", field)
        return (
            format_datetime(c.changed_at),
            c.changed_by,
            field,
            format_stored_value(c.field, c.old_value),
            format_stored_value(c.field, c.new_value),
            source_label(c.source),
            c.source_detail,
        )


class HistoryPanel(QWidget):
    """Customer view tab listing the change history of the open customer."""

    panel_id = "history"

    def __init__(self, ds: DeskSession, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self._ds = ds
        self._runner = runner
        self._number: str | None = None
        self.model = HistoryModel(self)
        self.table = record_table(
            self.model, self, name="historyTable", accessible_name=self.tr("Change history")
        )
        compact_rows(self.table)
        fit_columns(
            self.table,
            (
                "24/11/2026 23:59",
                "avirtanen",
                "Street address",
                "Mannerheimintie 1 A",
                "Mannerheimintie 1 A",
                "Customer's notification",
            ),
        )
        # Shown after the field, before the values: at 1280 pixels the source of a change
        # is in sight without scrolling (the model's column order stays as it is).
        self.table.horizontalHeader().moveSection(5, 3)
        self.label = QLabel(self.tr("Changes of personal data, &newest first:"), self)
        self.label.setBuddy(self.table)
        self.status = QLabel(self)
        # The merges this record took part in (the change rows they brought are below).
        self.merges = QLabel(self)
        self.merges.setObjectName("historyMerges")
        self.merges.setWordWrap(True)
        self.merges.setVisible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.merges)
        layout.addWidget(self.label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)

    def title(self) -> str:
        return self.tr("Change history")

    def set_customer(self, customer: Customer | None) -> None:
        self._number = customer.number if customer is not None else None
        self.model.set_rows(())
        self.merges.clear()
        self.merges.setVisible(False)
        if customer is None:
            self.status.setText("")
            return
        self.status.setText(self.tr("Loading…"))
        ds, number = self._ds, customer.number
        self._runner.run(
            lambda: customers.history(ds, number),
            success=lambda rows: self._on_history_loaded(number, rows),
            failure=lambda exc: self._on_history_failed(number, exc),
            key=f"history-panel-{id(self)}",
        )
        self._runner.run(
            lambda: merge.history(ds, number),
            success=lambda rows: self._on_merges_loaded(number, rows),
            failure=lambda exc: self._on_merges_failed(number, exc),
            key=f"history-merges-{id(self)}",
        )

    def _on_merges_loaded(self, number: str, rows: tuple[merge.MergeRow, ...]) -> None:
        if number != self._number or not rows:
            return
        lines = [
            self.tr("Customer %1 was merged into %2 on %3 by %4.")
            .replace("%1", m.merged_number)
            .replace("%2", m.kept_number)
            .replace("%3", format_datetime(m.merged_at))
            .replace("%4", m.merged_by)
            for m in rows
        ]
        self.merges.setText("\n".join(lines))
        self.merges.setVisible(True)

    def _on_merges_failed(self, number: str, exc: BaseException) -> None:
        if number == self._number:
            self.merges.setText(report_failure(exc, self, context="loading the merges"))
            self.merges.setVisible(True)

    def _on_history_loaded(self, number: str, rows: tuple[FieldChange, ...]) -> None:
        if number != self._number:
            return
        self.model.set_rows(rows)
        self.status.setText("" if rows else self.tr("No changes recorded."))

    def _on_history_failed(self, number: str, exc: BaseException) -> None:
        if number == self._number:
            self.status.setText(report_failure(exc, self, context="loading the history"))

    def save_state(self, settings: QSettings) -> None:
        settings.setValue("history/header", self.table.horizontalHeader().saveState())

    def restore_state(self, settings: QSettings) -> None:
        state = settings.value("history/header")
        if state is not None:
            self.table.horizontalHeader().restoreState(state)
