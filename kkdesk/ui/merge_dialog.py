"""Merging two records of one person, from the duplicate check: both records side by
side, a choice per field group where they differ, what happens to prohibitions, consents
and the rows that move, and a confirmation naming both numbers — all database work off
the GUI thread (:mod:`kkdesk.services.merge`, privacy and admin levels).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kkdesk.domain import duplicates as dup
from kkdesk.domain.customer import Customer
from kkdesk.domain.enums import Language
from kkdesk.services import merge
from kkdesk.services.session import DeskSession
from kkdesk.ui.consent_panel import item_label
from kkdesk.ui.errors import field_label
from kkdesk.ui.failures import report_failure
from kkdesk.ui.formatting import format_date, format_phone
from kkdesk.ui.labels import language_label
from kkdesk.ui.tasks import TaskRunner


def group_label(group: dup.FieldGroup) -> str:
    if group.name == "name":
        return QCoreApplication.translate("MergeDialog", "Name")
    if group.name == "address":
        return QCoreApplication.translate("MergeDialog", "Address")
    return field_label(group.fields[0])


def side_label(side: dup.Side, number: str) -> str:
    labels = {
        dup.Side.KEPT: QCoreApplication.translate("MergeDialog", "Keep %1's"),
        dup.Side.OTHER: QCoreApplication.translate("MergeDialog", "Take %1's"),
        dup.Side.BOTH: QCoreApplication.translate("MergeDialog", "Both"),
    }
    return labels[side].replace("%1", number)


def _text(name: str, value: object) -> str:
    if value is None or value == "" or value == {}:
        return ""
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, dict):
        return "\n".join(f"{k}: {v}" for k, v in sorted(value.items()))
    if isinstance(value, Language):
        return language_label(value)
    if name.startswith("phone_"):
        return format_phone(str(value))
    return str(value)


def values_text(group: dup.FieldGroup, customer: Customer) -> str:
    """A group's values of one record in one cell (an address on two lines)."""
    if group.name == "address":
        town = f"{customer.postal_code} {customer.post_office}".strip()
        lines = [customer.street, town]
        if customer.country != "FI":
            lines.append(customer.country)
        return "\n".join(line for line in lines if line)
    if group.name == "name":
        return f"{customer.surname} {customer.first_names}".strip()
    return _text(group.fields[0], getattr(customer, group.fields[0]))


def confirm_merge(parent: QWidget, kept: str, other: str) -> bool:
    """The irreversible step, named. Module-level so that tests can answer it."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("MergeDialog", "Merge customers"))
    box.setText(
        QCoreApplication.translate(
            "MergeDialog",
            "Merge customer %2 into customer %1? This cannot be undone: %2's orders, "
            "history, requests and disclosures move to %1, and the number %2 will only "
            "lead to %1.",
        )
        .replace("%1", kept)
        .replace("%2", other)
    )
    go = box.addButton(
        QCoreApplication.translate("MergeDialog", "Merge %2 into %1")
        .replace("%1", kept)
        .replace("%2", other),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is go


class MergeDialog(QDialog):
    """Merge ``other`` into ``kept``; emits ``merged`` with the kept number when done."""

    merged = Signal(str)

    def __init__(
        self,
        ds: DeskSession,
        runner: TaskRunner,
        kept: str,
        other: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("merge_dialog")
        self._ds, self._runner = ds, runner
        self._kept, self._other = kept, other
        self._preview: merge.MergePreview | None = None
        self._choices: dict[str, QComboBox] = {}
        self._busy = False
        self._merging = False

        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("merge_fields")
        self.table.setAccessibleName(self.tr("Both records side by side"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.consents = QLabel(self)
        self.consents.setObjectName("merge_consents")
        self.consents.setWordWrap(True)
        self.consents.setTextFormat(Qt.TextFormat.PlainText)
        self.moves = QLabel(self)
        self.moves.setObjectName("merge_moves")
        self.moves.setWordWrap(True)
        self.status = QLabel(self)
        self.status.setObjectName("merge_status")
        self.status.setWordWrap(True)

        self.buttons = QDialogButtonBox(self)
        self.merge_button = QPushButton(self)
        self.merge_button.setObjectName("merge_button")
        self.swap_button = QPushButton(self)
        self.swap_button.setObjectName("merge_swap")
        self.buttons.addButton(self.merge_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.swap_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.merge_button.clicked.connect(self._on_merge_clicked)
        self.swap_button.clicked.connect(self._on_swap_clicked)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.consents)
        layout.addWidget(self.moves)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.setWindowTitle(self.tr("Merge customers"))
        self.resize(900, 560)
        self._load()

    # -- the preview ---------------------------------------------------------------------

    def _load(self) -> None:
        self._preview = None
        self._set_busy(True)
        self.status.setText(self.tr("Reading both records…"))
        self.intro.setText(
            self.tr("Customer %2 is merged into customer %1, which is kept.")
            .replace("%1", self._kept)
            .replace("%2", self._other)
        )
        self.merge_button.setText(
            self.tr("&Merge %2 into %1…").replace("%1", self._kept).replace("%2", self._other)
        )
        self.swap_button.setText(self.tr("&Keep %1 instead").replace("%1", self._other))
        ds, kept, other = self._ds, self._kept, self._other
        self._runner.run(
            lambda: merge.preview(ds, kept, other),
            success=self._on_preview_ready,
            failure=self._on_failed,
            key="merge-preview",
            owner=self,
        )

    @Slot(object)
    def _on_preview_ready(self, preview: merge.MergePreview) -> None:
        self._preview = preview
        self._set_busy(False)
        self.status.clear()
        self._fill(preview)

    def _fill(self, p: merge.MergePreview) -> None:
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Field"),
                self.tr("%1 (kept)").replace("%1", p.kept.number),
                self.tr("%1 (merged away)").replace("%1", p.other.number),
                self.tr("The merged record takes"),
            ]
        )
        diffs = {d.name: d for d in p.differences}
        self._choices.clear()
        self.table.setRowCount(len(dup.GROUPS))
        for row, group in enumerate(dup.GROUPS):
            cells = (group_label(group), values_text(group, p.kept), values_text(group, p.other))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
            diff = diffs.get(group.name)
            if diff is None:
                same = QTableWidgetItem(self.tr("Same"))
                same.setForeground(self.palette().placeholderText())
                self.table.setItem(row, 3, same)
                continue
            for column in (0, 1, 2):
                cell = self.table.item(row, column)
                if cell is None:
                    continue
                font = cell.font()
                font.setBold(True)
                cell.setFont(font)
            combo = QComboBox(self.table)
            combo.setObjectName(f"take_{group.name}")
            combo.setAccessibleName(
                self.tr("Value of %1 to keep").replace("%1", group_label(group))
            )
            sides = [dup.Side.KEPT, dup.Side.OTHER] + ([dup.Side.BOTH] if group.joinable else [])
            for side in sides:
                number = p.kept.number if side is dup.Side.KEPT else p.other.number
                combo.addItem(side_label(side, number), side.value)
            combo.setCurrentIndex(sides.index(diff.default))
            self.table.setCellWidget(row, 3, combo)
            self._choices[group.name] = combo
        self.table.resizeRowsToContents()
        self.consents.setText(self._consent_text(p))
        self.moves.setText(self._moves_text(p))

    def _consent_text(self, p: merge.MergePreview) -> str:
        if not p.consent_changes:
            return self.tr(
                "Prohibitions and consents: the kept record's stay as they are (the other "
                "record's are no less restrictive)."
            )
        lines = [
            self.tr(
                "Prohibitions and consents combine least-permissively; the kept record gets "
                "these new entries, each citing %1's statement:"
            ).replace("%1", p.other.number)
        ]
        for change in p.consent_changes:
            value = self.tr("yes") if change.value else self.tr("no")
            lines.append(f"• {item_label(change.item)}: {value}")
        return "\n".join(lines)

    def _moves_text(self, p: merge.MergePreview) -> str:
        m = p.to_move
        return (
            self.tr(
                "Moves to %1: %2 orders, %3 history entries, %4 requests, %5 letters, "
                "%6 disclosures."
            )
            .replace("%1", p.kept.number)
            .replace("%2", str(m.get("orders", 0)))
            .replace("%3", str(m.get("history", 0)))
            .replace("%4", str(m.get("requests", 0)))
            .replace("%5", str(m.get("letters", 0)))
            .replace("%6", str(m.get("disclosures", 0)))
        )

    def choices(self) -> dict[str, str]:
        return {name: str(combo.currentData()) for name, combo in self._choices.items()}

    # -- the merge -----------------------------------------------------------------------

    @Slot()
    def _on_swap_clicked(self) -> None:
        self._kept, self._other = self._other, self._kept
        self.table.setRowCount(0)
        self._load()

    @Slot()
    def _on_merge_clicked(self) -> None:
        p = self._preview
        if p is None or self._busy or not confirm_merge(self, p.kept.number, p.other.number):
            return
        ds, choices = self._ds, self.choices()
        versions = (p.kept.version, p.other.version)
        kept, other = p.kept.number, p.other.number
        self._set_busy(True)
        self._merging = True
        self.status.setText(self.tr("Merging…"))
        self._runner.run(
            lambda: merge.merge(ds, kept, other, choices, expected_versions=versions),
            success=self._on_merged,
            failure=self._on_failed,
            owner=self,
        )

    def reject(self) -> None:
        """Closing while the merge runs would hide its outcome: the dialog stays."""
        if self._merging:
            return
        super().reject()

    def wait_idle(self, timeout_ms: int = 20000) -> bool:
        """For tests: wait until no preview or merge of this dialog runs."""
        return self._runner.wait_idle(timeout_ms)

    @Slot(object)
    def _on_merged(self, result: merge.MergeResult) -> None:
        self._merging = False
        self._set_busy(False)
        self.merged.emit(result.kept.number)
        self.accept()

    @Slot(object)
    def _on_failed(self, exc: BaseException) -> None:
        self._merging = False
        self._set_busy(False)
        self.status.setText(report_failure(exc, self))
        self.merge_button.setEnabled(self._preview is not None)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.merge_button.setEnabled(not busy and self._preview is not None)
        self.swap_button.setEnabled(not busy)
        for combo in self._choices.values():
            combo.setEnabled(not busy)


def open_merge(
    ds: DeskSession,
    runner: TaskRunner,
    kept: str,
    other: str,
    parent: QWidget | None,
    on_merged: Callable[[str], None],
) -> Any:
    """Show the dialog (window-modal) and return it; ``on_merged(kept_number)`` after."""
    dialog = MergeDialog(ds, runner, kept, other, parent)
    dialog.merged.connect(on_merged)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.show()
    return dialog
