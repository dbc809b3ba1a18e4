"""The desk's retention window: what is past its retention period today, and the run.

It lists the three kinds the retention run handles (customers past the relationship
period, orders past the Accounting Act period, archived letters past theirs) with how many
of each there are and the day that makes them due, worked out from the register settings.
"Dry run" lists them into a report and changes nothing; "Run" asks for a confirmation that
names the counts first, since erasing and removing cannot be undone. Both run on the task
runner with a progress bar; "Stop" lets the current batch finish and stops there (the
report says how far it got). The dialog never touches the database itself.
"""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kkdesk.domain.levels import Capability
from kkdesk.services import retention
from kkdesk.services.session import DeskSession
from kkdesk.ui.failures import report_failure
from kkdesk.ui.formatting import format_count, format_date
from kkdesk.ui.tasks import TaskRunner


def counted(kind: str, count: int) -> str:
    """``count`` of ``kind`` as a phrase, singular for one ("1 customer", "3 customers").

    Separate texts for one and for several rather than Qt's "%n" plural forms: English is
    the source language and has no translation file to hold its plural forms, and Finnish
    and Swedish, like English, use the singular for one alone. A phrase of its own per
    count, as a sentence names three counts and "%n" can carry only one."""
    translate = QCoreApplication.translate
    if kind == retention.CUSTOMERS:
        one = translate("RetentionDialog", "1 customer")
        several = translate("RetentionDialog", "%1 customers")
    elif kind == retention.VOUCHERS:
        one = translate("RetentionDialog", "1 order")
        several = translate("RetentionDialog", "%1 orders")
    else:
        one = translate("RetentionDialog", "1 archived letter")
        several = translate("RetentionDialog", "%1 archived letters")
    return one if count == 1 else several.replace("%1", format_count(count))


def confirm_run(parent: QWidget, plan: retention.Plan, may_erase: bool) -> bool:
    """True if the user confirms erasing and removing what ``plan`` counts. Module-level
    so that tests can answer."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("RetentionDialog", "Run retention"))
    if may_erase:
        text = QCoreApplication.translate("RetentionDialog", "Erase %1 and remove %2 and %3?")
    else:
        text = QCoreApplication.translate("RetentionDialog", "Remove %2 and %3?")
    box.setText(
        text.replace("%1", counted(retention.CUSTOMERS, plan.customers))
        .replace("%2", counted(retention.VOUCHERS, plan.vouchers))
        .replace("%3", counted(retention.LETTERS, plan.letters))
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "RetentionDialog",
            "This cannot be undone. A report of everything done is written to a file.",
        )
    )
    run = box.addButton(
        QCoreApplication.translate("RetentionDialog", "Erase and remove"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is run


class _Progress(QObject):
    """Carries the worker's progress to the GUI thread (created on the GUI thread)."""

    advanced = Signal(str, int, int)


class RetentionDialog(QDialog):
    """The three kinds past their period with their counts, and the run."""

    ran = Signal(object)  # retention.Outcome

    def __init__(self, ds: DeskSession, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("retentionDialog")
        self.setWindowTitle(self.tr("Retention"))
        self.resize(860, 300)
        self._ds, self._runner = ds, runner
        self._plan: retention.Plan | None = None
        self._stop = threading.Event()
        self._busy = self._running = False
        self._may_erase = ds.can(Capability.ERASE)

        intro = QLabel(
            self.tr(
                "The privacy notice promises how long data is kept; the periods are register "
                "settings. These are past their period today. A dry run lists them in a "
                "report and changes nothing; a run erases the customers and removes the "
                "orders and letters."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(3, 3, self)
        self.table.setObjectName("kinds")
        self.table.setHorizontalHeaderLabels(
            [self.tr("What"), self.tr("Past its period when"), self.tr("Count")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setWordWrap(True)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        for row, kind in enumerate(retention.KINDS):
            self.table.setItem(row, 0, QTableWidgetItem(self._kind_label(kind)))
        self.note = QLabel(self)
        self.note.setObjectName("note")
        self.note.setWordWrap(True)
        if not self._may_erase:
            self.note.setText(
                self.tr(
                    "Your user level removes orders and letters; customers past their period "
                    "are listed in the report and erased by the privacy level."
                )
            )
        # Empty, it would still take a line's height and its spacing.
        self.note.setVisible(bool(self.note.text()))
        self.progress = QProgressBar(self)
        self.progress.setObjectName("progress")
        self.progress.setVisible(False)
        self.status = QLabel(self)
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.buttons = QDialogButtonBox(self)
        self.dry_button = QPushButton(self.tr("&Dry run"), self)
        self.dry_button.setObjectName("dryRun")
        self.run_button = QPushButton(self.tr("&Run…"), self)
        self.run_button.setObjectName("run")
        self.stop_button = QPushButton(self.tr("&Stop"), self)
        self.stop_button.setObjectName("stop")
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.setObjectName("close")
        for button, role in (
            (self.dry_button, QDialogButtonBox.ButtonRole.ActionRole),
            (self.run_button, QDialogButtonBox.ButtonRole.ActionRole),
            (self.stop_button, QDialogButtonBox.ButtonRole.ActionRole),
            (self.close_button, QDialogButtonBox.ButtonRole.RejectRole),
        ):
            button.setAutoDefault(False)
            self.buttons.addButton(button, role)
        self.dry_button.clicked.connect(lambda: self.start(dry_run=True))
        self.run_button.clicked.connect(lambda: self.start(dry_run=False))
        self.stop_button.clicked.connect(self._on_stop_clicked)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addWidget(self.note)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        # The space a taller window gives goes below the text, not between its lines: the
        # table, the note and the outcome stay together and the buttons at the bottom.
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self._progress = _Progress(self)
        self._progress.advanced.connect(self._on_progress_advanced)
        self._set_busy(True)
        self._counting = self.tr("Counting what is past its period…")
        self.status.setText(self._counting)
        self.refresh()

    def _kind_label(self, kind: str) -> str:
        return {
            retention.CUSTOMERS: self.tr("Customers past the relationship period"),
            retention.VOUCHERS: self.tr("Orders past the accounting period"),
            retention.LETTERS: self.tr("Archived letters past their period"),
        }[kind]

    def refresh(self) -> None:
        ds = self._ds
        self._runner.run(lambda: retention.plan(ds), success=self._on_planned,
                         failure=self._on_failed, owner=self)  # fmt: skip

    def _on_planned(self, plan: retention.Plan) -> None:
        self._plan = plan
        p = plan.periods
        conditions = {
            retention.CUSTOMERS: self.tr(
                "No order or contact since %1 (%2 years), nothing open, no hold"
            )
            .replace("%1", format_date(p.customers_last_day))
            .replace("%2", str(p.basic_data_years)),
            retention.VOUCHERS: self.tr(
                "Ordered on or before %1 (%2 years from the end of the year in which the "
                "financial year ended)"
            )
            .replace("%1", format_date(p.vouchers_last_day))
            .replace("%2", str(p.voucher_years)),
            retention.LETTERS: self.tr("Made on or before %1 (%2 years)")
            .replace("%1", format_date(p.letters_last_day))
            .replace("%2", str(p.letter_archive_years)),
        }
        if plan.skipped == 1:
            conditions[retention.CUSTOMERS] += self.tr(
                "; 1 more is held (a legal hold, a restriction of processing, an open "
                "order or return) and will be skipped"
            )
        elif plan.skipped:
            conditions[retention.CUSTOMERS] += self.tr(
                "; %1 more are held (a legal hold, a restriction of processing, an open "
                "order or return) and will be skipped"
            ).replace("%1", format_count(plan.skipped))
        for row, kind in enumerate(retention.KINDS):
            self.table.setItem(row, 1, QTableWidgetItem(conditions[kind]))
            count = QTableWidgetItem(format_count(plan.count(kind)))
            count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, 2, count)
        self.table.resizeColumnToContents(0)
        self._fit_table()
        self._set_busy(False)
        if self.status.text() == self._counting:  # a run's outcome stays in view
            self.status.setText("")

    def _fit_table(self) -> None:
        # Three rows: the table is as tall as they are, and the window no taller.
        self._fit_rows()
        self.resize(self.width(), self.minimumSizeHint().height())

    def _fit_rows(self) -> None:
        """The table as tall as its rows, wrapped to its current width."""
        self.table.resizeRowsToContents()
        height = self.table.horizontalHeader().height() + 2 * self.table.frameWidth()
        height += sum(self.table.rowHeight(row) for row in range(self.table.rowCount()))
        self.table.setFixedHeight(height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # A wider window wraps the conditions in fewer lines: the rows shrink to fit.
        if self._plan is not None:
            self._fit_rows()

    def start(self, *, dry_run: bool) -> None:
        plan = self._plan
        if self._busy or plan is None:
            return
        if not dry_run and not confirm_run(self, plan, self._may_erase):
            return
        self._stop.clear()
        self._set_busy(True, running=True)
        self.progress.setValue(0)
        self.status.setText(self.tr("Listing…") if dry_run else self.tr("Erasing and removing…"))
        ds, progress, stop = self._ds, self._progress, self._stop
        self._runner.run(
            lambda: retention.run(
                ds,
                dry_run=dry_run,
                progress=lambda kind, done, total: progress.advanced.emit(kind, done, total),
                cancelled=stop.is_set,
            ),
            success=self._on_ran,
            failure=self._on_failed,
            owner=self,
        )

    @Slot()
    def _on_stop_clicked(self) -> None:
        self._stop.set()
        self.stop_button.setEnabled(False)
        self.status.setText(self.tr("Stopping after the current batch…"))

    @Slot(str, int, int)
    def _on_progress_advanced(self, kind: str, done: int, total: int) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(min(done, max(total, 1)))
        self.progress.setFormat(f"{self._kind_label(kind)}: %v / %m")

    def _on_ran(self, out: Any) -> None:
        self._set_busy(False)
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.progress.setFormat(self.tr("Stopped") if out.cancelled else self.tr("Finished"))
        if out.dry_run:
            text = self.tr("Dry run: %1, %2 and %3 are past their period; nothing was changed.")
            counts = out.listed
        else:
            text = self.tr("%1 erased; %2 and %3 removed.")
            counts = out.done
        text = (
            text.replace("%1", counted(retention.CUSTOMERS, counts[retention.CUSTOMERS]))
            .replace("%2", counted(retention.VOUCHERS, counts[retention.VOUCHERS]))
            .replace("%3", counted(retention.LETTERS, counts[retention.LETTERS]))
        )
        if out.skipped == 1:
            text += " " + self.tr(
                "1 customer past the period was skipped (a legal hold, a restriction of "
                "processing, an open order or return): the report names them and why."
            )
        elif out.skipped:
            text += " " + self.tr(
                "%1 customers past the period were skipped (a legal hold, a restriction of "
                "processing, an open order or return): the report names them and why."
            ).replace("%1", format_count(out.skipped))
        if out.cancelled:
            text += " " + self.tr("Stopped before the end.")
        self.status.setText(text + " " + self.tr("Report: %1").replace("%1", str(out.report)))
        self.ran.emit(out)
        if not out.dry_run:
            self._set_busy(True)
            self.refresh()

    def _on_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.status.setText(report_failure(exc, self, context="retention"))

    def _set_busy(self, busy: bool, *, running: bool = False) -> None:
        self._busy, self._running = busy, running
        if running:
            self.progress.setVisible(True)
        self.dry_button.setEnabled(not busy)
        self.run_button.setEnabled(not busy)
        self.stop_button.setEnabled(running)

    def reject(self) -> None:
        # Closing while a run works would hide its outcome: it asks the run to stop after
        # its batch instead, and the window closes once the report says how far it got.
        if self._running:
            self._on_stop_clicked()
            return
        super().reject()

    def wait_idle(self, timeout_ms: int = 20000) -> bool:
        """For tests and closing: wait for the worker and deliver its outcome."""
        return self._runner.wait_idle(timeout_ms)
