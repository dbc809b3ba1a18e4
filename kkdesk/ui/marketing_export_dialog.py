"""The marketing export in the desk: purpose, channel, recipient, a preview of the count,
and saving with a progress bar and a Cancel button — all database work off the GUI thread.

Saving waits for the count: the count is the progress bar's end, and a file saved for a
choice whose count is not yet shown would be saved blind. Cancel is cooperative: the
service asks after every batch of rows and stops with nothing written and no disclosure
recorded.

The same rules and the same service as ``kkdesk export marketing``
(:mod:`kkdesk.services.marketing`); the export is recorded as a disclosure.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kkdesk.domain.consent import EXPORT_CHANNELS, MarketingChannel, MarketingPurpose
from kkdesk.domain.disclosure import RECIPIENT_MAX, ExportResult
from kkdesk.domain.levels import Capability
from kkdesk.services import marketing
from kkdesk.services.session import DeskSession
from kkdesk.ui.failures import report_failure
from kkdesk.ui.formatting import format_count
from kkdesk.ui.tasks import TaskRunner


def purpose_label(purpose: MarketingPurpose) -> str:
    labels = {
        MarketingPurpose.DIRECT_ADVERTISING: QCoreApplication.translate(
            "MarketingExportDialog", "Direct advertising"
        ),
        MarketingPurpose.DISTANCE_SELLING: QCoreApplication.translate(
            "MarketingExportDialog", "Distance selling"
        ),
        MarketingPurpose.DIRECT_MARKETING: QCoreApplication.translate(
            "MarketingExportDialog", "Other direct marketing"
        ),
        MarketingPurpose.MARKET_RESEARCH: QCoreApplication.translate(
            "MarketingExportDialog", "Market and opinion research"
        ),
        MarketingPurpose.DIRECTORIES: QCoreApplication.translate(
            "MarketingExportDialog", "Person directories"
        ),
        MarketingPurpose.GENEALOGY: QCoreApplication.translate(
            "MarketingExportDialog", "Genealogy research"
        ),
    }
    return labels[purpose]


def marketing_channel_label(channel: MarketingChannel) -> str:
    labels = {
        MarketingChannel.POST: QCoreApplication.translate("MarketingExportDialog", "Post"),
        MarketingChannel.EMAIL: QCoreApplication.translate("MarketingExportDialog", "E-mail"),
        MarketingChannel.SMS: QCoreApplication.translate("MarketingExportDialog", "SMS"),
        MarketingChannel.PHONE: QCoreApplication.translate("MarketingExportDialog", "Phone"),
    }
    return labels[channel]


def columns_label(channel: MarketingChannel) -> str:
    """What the file holds for ``channel``: only what that channel needs."""
    labels = {
        MarketingChannel.POST: QCoreApplication.translate(
            "MarketingExportDialog",
            "customer number, name, street address, postal code, post office, country, language",
        ),
        MarketingChannel.EMAIL: QCoreApplication.translate(
            "MarketingExportDialog", "customer number, name, e-mail address, language"
        ),
        MarketingChannel.SMS: QCoreApplication.translate(
            "MarketingExportDialog", "customer number, name, mobile number, language"
        ),
        MarketingChannel.PHONE: "",
    }
    return labels[channel]


class _Progress(QObject):
    """Carries the worker's progress to the GUI thread. Created on the GUI thread; the
    worker only emits (a queued connection), never touches a widget."""

    advanced = Signal(int, int)


def ask_save_path(parent: QWidget, suggestion: str) -> str:
    """The file to write, or "" if cancelled. Module-level so that tests can answer it."""
    path, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("MarketingExportDialog", "Save marketing export"),
        suggestion,
        QCoreApplication.translate("MarketingExportDialog", "CSV files (*.csv)"),
    )
    return path


class MarketingExportDialog(QDialog):
    """Choose purpose, channel and recipient; see how many; save to a CSV file."""

    exported = Signal(object)  # ExportResult

    def __init__(self, ds: DeskSession, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self._ds = ds
        self._runner = runner
        self._busy = False
        self._counting = False
        self._counted: tuple[tuple[MarketingPurpose, MarketingChannel], int] | None = None
        self._stopping: threading.Event | None = None
        self.setWindowTitle(self.tr("Marketing export"))
        intro = QLabel(
            self.tr(
                "The file contains exactly the customers whose prohibitions and consents "
                "allow this purpose on this channel. E-mail and SMS need consent; an "
                "objection or a restriction stops everything. The export is recorded as a "
                "disclosure."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.purpose = QComboBox(self)
        self.purpose.setObjectName("purpose")
        self.purpose.setAccessibleName(self.tr("Purpose"))
        for p in MarketingPurpose:
            self.purpose.addItem(purpose_label(p), p.value)
        self.channel = QComboBox(self)
        self.channel.setObjectName("channel")
        self.channel.setAccessibleName(self.tr("Channel"))
        for c in EXPORT_CHANNELS:
            self.channel.addItem(marketing_channel_label(c), c.value)
        self.recipient = QLineEdit(self)
        self.recipient.setObjectName("recipient")
        self.recipient.setAccessibleName(self.tr("Recipient"))
        self.recipient.setMaxLength(RECIPIENT_MAX)
        self.recipient.setPlaceholderText(marketing.DEFAULT_RECIPIENT)
        self.recipient.setToolTip(
            self.tr("Who receives the file, e.g. the mailing house; recorded in the disclosure.")
        )
        self.contents = QLabel(self)
        self.contents.setObjectName("contents")
        self.contents.setWordWrap(True)
        self.count = QLabel(self)
        self.count.setObjectName("count")
        self.count.setAccessibleName(self.tr("Customers in the file"))
        self.progress = QProgressBar(self)
        self.progress.setObjectName("progress")
        self.progress.setVisible(False)
        self.status = QLabel(self)
        self.status.setObjectName("status")
        self.status.setWordWrap(True)

        form = QFormLayout()
        for text, widget in (
            (self.tr("&Purpose:"), self.purpose),
            (self.tr("&Channel:"), self.channel),
            (self.tr("&Recipient:"), self.recipient),
            (self.tr("Columns:"), self.contents),
            (self.tr("Customers in the file:"), self.count),
        ):
            label = QLabel(text, self)
            if not isinstance(widget, QLabel):  # read-only lines take no focus
                label.setBuddy(widget)
            form.addRow(label, widget)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.save_button = QPushButton(self.tr("&Save as…"), self)
        self.save_button.setObjectName("save")
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.cancel_button = QPushButton(self.tr("Cancel e&xport"), self)
        self.cancel_button.setObjectName("cancel_export")
        self.cancel_button.setToolTip(
            self.tr("Stop saving: no file is written and no disclosure is recorded.")
        )
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.cancel_button.setVisible(False)  # after addButton, which shows it
        self.buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(self._on_save_clicked)
        self.cancel_button.clicked.connect(self._on_cancel_clicked)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

        self._progress = _Progress(self)
        self._progress.advanced.connect(self._on_progress)
        self.purpose.currentIndexChanged.connect(self._on_choice_changed)
        self.channel.currentIndexChanged.connect(self._on_choice_changed)
        if not ds.can(Capability.MARKETING_EXPORT):
            self.status.setText(self.tr("Your user level does not allow marketing exports."))
        self._on_choice_changed()
        self.resize(560, 340)

    def chosen(self) -> tuple[MarketingPurpose, MarketingChannel]:
        return (
            MarketingPurpose(self.purpose.currentData()),
            MarketingChannel(self.channel.currentData()),
        )

    def wait_idle(self, timeout_ms: int = 20000) -> bool:
        """Tests: wait until the preview or the export is done."""
        return self._runner.wait_idle(timeout_ms)

    # -- preview -------------------------------------------------------------------------

    def _on_choice_changed(self, *_: object) -> None:
        purpose, channel = self.chosen()
        self.contents.setText(columns_label(channel))
        if not self._ds.can(Capability.MARKETING_EXPORT):
            self._update_save()
            return
        self.count.setText(self.tr("counting…"))
        self._counting = True
        self._counted = None
        self._update_save()
        ds = self._ds
        self._runner.run(
            lambda: marketing.preview(ds, purpose, channel),
            success=lambda n: self._on_counted((purpose, channel), n),
            failure=lambda exc: self._on_count_failed((purpose, channel), exc),
            key=f"marketing-preview-{id(self)}",
        )

    def _on_counted(self, choice: tuple[MarketingPurpose, MarketingChannel], n: int) -> None:
        if choice == self.chosen():
            self.count.setText(format_count(n))
            self._counting = False
            self._counted = (choice, n)
            self._update_save()

    def _on_count_failed(
        self, choice: tuple[MarketingPurpose, MarketingChannel], exc: BaseException
    ) -> None:
        if choice != self.chosen():
            return
        # Saving stays possible without a count: the export counts for itself.
        self._counting = False
        self.count.setText("—")
        self._update_save()
        self.status.setText(report_failure(exc, self, context="the marketing export count"))

    def _update_save(self) -> None:
        """Save is enabled only when it can be used now; when not, its tooltip says why."""
        if not self._ds.can(Capability.MARKETING_EXPORT):
            why = self.tr("Your user level does not allow marketing exports.")
        elif self._busy:
            why = self.tr("The export is being saved.")
        elif self._counting:
            why = self.tr("Wait until the customers in the file have been counted.")
        else:
            why = ""
        self.save_button.setEnabled(not why)
        self.save_button.setToolTip(why)
        self.save_button.setStatusTip(why)

    # -- export --------------------------------------------------------------------------

    def _on_save_clicked(self) -> None:
        purpose, channel = self.chosen()
        path = ask_save_path(self, f"{purpose.value}-{channel.value}.csv")
        if not path:
            return
        if not path.lower().endswith(".csv"):
            path += ".csv"
        self._start_export(purpose, channel, Path(path))

    def _start_export(
        self, purpose: MarketingPurpose, channel: MarketingChannel, path: Path
    ) -> None:
        self._stopping = stopping = threading.Event()
        counted = self._counted
        expected = counted[1] if counted is not None and counted[0] == (purpose, channel) else None
        self.progress.reset()
        self.progress.setRange(0, max(expected or 0, 1))
        self.progress.setValue(0)
        self._set_busy(True)
        self.status.setText(self.tr("Saving…"))
        ds, recipient, progress = self._ds, self.recipient.text(), self._progress

        def work() -> ExportResult:
            return marketing.export(
                ds,
                purpose,
                channel,
                path,
                recipient=recipient,
                progress=lambda done, total: progress.advanced.emit(done, total),
                expected=expected,
                stop=stopping.is_set,
            )

        self._runner.run(work, success=self._on_exported, failure=self._on_failed)

    def _on_cancel_clicked(self) -> None:
        if self._stopping is None:
            return
        self._stopping.set()
        self.cancel_button.setEnabled(False)
        self.status.setText(self.tr("Cancelling…"))

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        if not self._busy:
            return  # a queued report that arrived after the export ended
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(
            self.tr("%1 of %2 customers")
            .replace("%1", format_count(done))
            .replace("%2", format_count(total))
        )

    def _on_exported(self, result: ExportResult) -> None:
        self._set_busy(False)
        self.progress.setValue(self.progress.maximum())
        self.status.setText(
            self.tr("Saved %1 customers to %2 and recorded it as disclosure %3.")
            .replace("%1", format_count(result.count))
            .replace("%2", result.path)
            .replace("%3", str(result.disclosure_id))
        )
        self.exported.emit(result)

    def _on_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, marketing.ExportCancelled):
            self.progress.reset()
            self.progress.setVisible(False)
            self.status.setText(
                self.tr("Export cancelled: no file was saved and no disclosure was recorded.")
            )
            return
        self.status.setText(report_failure(exc, self, context="the marketing export"))

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        if not busy:
            self._stopping = None
        self.progress.setVisible(busy or self.progress.value() > 0)
        for widget in (self.purpose, self.channel, self.recipient):
            widget.setEnabled(not busy)
        self.cancel_button.setVisible(busy)
        self.cancel_button.setEnabled(busy)
        self._update_save()

    def reject(self) -> None:
        # Closing while the file is being written would hide the outcome; wait for it.
        if not self._busy:
            super().reject()


def open_marketing_export(ds: DeskSession, runner: TaskRunner, parent: QWidget | None) -> Any:
    """Show the dialog (non-modal) and return it; for the main window's menu action."""
    dialog = MarketingExportDialog(ds, runner, parent)
    dialog.show()
    return dialog
