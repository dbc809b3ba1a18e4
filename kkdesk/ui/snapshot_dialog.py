"""Taking customers offline: the desk's "Take selected customers offline…" dialog, and the
file choosers of snapshots.

The snapshot is made on a worker thread (:class:`~kkdesk.ui.tasks.TaskRunner`) with a
progress bar; the dialog only collects the choices and shows the outcome.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kkdesk.domain.enums import Purpose
from kkdesk.services import snapshots
from kkdesk.services.session import DeskSession
from kkdesk.ui.failures import report_failure
from kkdesk.ui.formatting import format_count, format_datetime
from kkdesk.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

SUFFIX = ".kksnap"


def ask_snapshot_path(parent: QWidget, suggestion: str) -> str:
    """Where to write the snapshot, or "" if cancelled. Module-level so tests can answer."""
    path, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("SnapshotDialog", "Save offline snapshot"),
        suggestion,
        QCoreApplication.translate("SnapshotDialog", "kkdesk snapshots (*.kksnap)"),
    )
    return path


def ask_open_snapshot(parent: QWidget) -> str:
    """The snapshot to open, or "" if cancelled. Module-level so tests can answer."""
    path, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("SnapshotDialog", "Open offline snapshot"),
        "",
        QCoreApplication.translate("SnapshotDialog", "kkdesk snapshots (*.kksnap)"),
    )
    return path


class _Progress(QObject):
    """Carries the worker's progress to the GUI thread (created on the GUI thread)."""

    advanced = Signal(int, int)


class SnapshotDialog(QDialog):
    """Choose where and for how long; make the snapshot with a progress bar."""

    made = Signal(object)  # SnapshotResult

    def __init__(
        self,
        ds: DeskSession,
        runner: TaskRunner,
        numbers: list[str],
        *,
        purpose: str = Purpose.CUSTOMER_SERVICE.value,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("snapshotDialog")
        self.setWindowTitle(self.tr("Take customers offline"))
        self._ds = ds
        self._runner = runner
        self._numbers = numbers
        self._purpose = purpose
        intro = QLabel(
            self.tr(
                "An encrypted, read-only snapshot of %1 customer(s) for review where the "
                "register cannot be reached. Only you can open it, on this computer: its "
                "key stays in your keyring. Making it is recorded in the audit trail, and "
                "every customer you open in it is recorded when you next sign in."
            ).replace("%1", format_count(len(numbers))),
            self,
        )
        intro.setWordWrap(True)
        self.days = QSpinBox(self)
        self.days.setObjectName("days")
        self.days.setRange(1, snapshots.MAX_DAYS)
        self.days.setValue(snapshots.DEFAULT_DAYS)
        self.days.setSuffix(self.tr(" days"))
        self.path = QLineEdit(self)
        self.path.setObjectName("path")
        self.path.setText(str(Path.home() / f"kkdesk-snapshot{SUFFIX}"))
        browse = QPushButton(self.tr("&Browse…"), self)
        browse.clicked.connect(self._on_browse_clicked)
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(browse)
        form = QFormLayout()
        days_label = QLabel(self.tr("&Expires after:"), self)
        days_label.setBuddy(self.days)
        file_label = QLabel(self.tr("&File:"), self)
        file_label.setBuddy(self.path)
        form.addRow(days_label, self.days)
        form.addRow(file_label, where)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("progress")
        self.progress.setVisible(False)
        self.status = QLabel(self)
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.make_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.make_button.setText(self.tr("&Make snapshot"))
        self.buttons.accepted.connect(self.make)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self._progress = _Progress(self)
        self._progress.advanced.connect(self._on_progress_advanced)
        self._busy = False

    @Slot()
    def _on_browse_clicked(self) -> None:
        chosen = ask_snapshot_path(self, self.path.text())
        if chosen:
            self.path.setText(chosen if chosen.endswith(SUFFIX) else chosen + SUFFIX)

    def make(self) -> None:
        if self._busy:
            return
        text = self.path.text().strip()
        if not text:
            self.status.setText(self.tr("Choose the file to write."))
            return
        self._set_busy(True)
        self.status.setText(self.tr("Making the snapshot…"))
        ds, numbers, days, purpose = (
            self._ds,
            tuple(self._numbers),
            self.days.value(),
            self._purpose,
        )
        progress, dest = self._progress, Path(text)
        self._runner.run(
            lambda: snapshots.create(
                ds,
                dest,
                snapshots.Selection(numbers=numbers),
                days=days,
                purpose=purpose,
                progress=lambda done, total: progress.advanced.emit(done, total),
            ),
            success=self._on_made,
            failure=self._on_failed,
        )

    @Slot(int, int)
    def _on_progress_advanced(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)

    def _on_made(self, result: snapshots.SnapshotResult) -> None:
        self._set_busy(False)
        self.progress.setValue(self.progress.maximum())
        self.status.setText(
            self.tr("Snapshot of %1 customer(s) written to %2; it expires %3.")
            .replace("%1", format_count(result.customers))
            .replace("%2", str(result.path))
            .replace("%3", format_datetime(result.expires))
        )
        self.made.emit(result)
        self.make_button.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Close"))

    def _on_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.status.setText(report_failure(exc, self, context="making a snapshot"))

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.progress.setVisible(True)
        self.make_button.setEnabled(not busy)
        self.days.setEnabled(not busy)
        self.path.setEnabled(not busy)
