"""The frame shared by the dialogs that record a step of an order or correct one.

Each dialog asks for what the step needs (a date, an amount, a reason), checks it as the
user types with the same domain rule the service applies (so a date in the future or
before the shipment is explained at once, in the user's language), says in one sentence
what will be recorded, and stores it on the task runner only when the user confirms. A
refusal of the database (another clerk was quicker) is shown in the dialog, which stays
open; nothing is changed then.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, QLocale, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from kkdesk.domain.orders import Order
from kkdesk.errors import KnownError
from kkdesk.services.session import DeskSession
from kkdesk.ui.failures import report_failure
from kkdesk.ui.tasks import TaskRunner
from kkdesk.ui.timeline.details import describe_order_error


class StepDialog(QDialog):
    """Subclasses build their fields into ``form``, and say how to check, summarise and
    store the step (:meth:`check`, :meth:`summary_text`, :meth:`store`)."""

    stored = Signal(object)  # the Order as stored

    def __init__(
        self,
        ds: DeskSession,
        runner: TaskRunner,
        order: Order,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ds = ds
        self._runner = runner
        self.order = order
        self.heading = QLabel(self)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.form = QFormLayout()
        self.summary = QLabel(self)
        self.summary.setObjectName("stepSummary")
        self.summary.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setObjectName("stepMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.ok = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setDefault(True)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(self.form)
        layout.addWidget(self.summary)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self._saving = False
        # While the dialog fills its fields in, what is still missing is not an error.
        self._quiet = False

    # -- what subclasses say ------------------------------------------------------------

    def check(self, today: date) -> None:
        """Raise the domain's refusal of what is entered now."""

    def summary_text(self) -> str:
        return ""

    def hint(self) -> str:
        """What to do, shown instead of a refusal before the user has changed anything."""
        return ""

    def store(self) -> Callable[[], Order]:
        raise NotImplementedError

    # -- checking and storing -------------------------------------------------------

    def refresh(self) -> bool:
        """Check what is entered; say what is wrong or what will be recorded."""
        if self._saving:
            return False
        try:
            self.check(date.today())
        except KnownError as exc:
            if self._quiet:
                self.message.setText("")
                self.summary.setText(self.hint())
            else:
                self.message.setText(describe_order_error(exc, self.order))
                self.summary.setText("")
            self.ok.setEnabled(False)
            return False
        self.message.setText("")
        self.summary.setText(self.summary_text())
        self.ok.setEnabled(True)
        return True

    def submit(self) -> None:
        """Store the step on the task runner; close on success, explain a refusal."""
        if not self.refresh():
            return
        self._saving = True
        self.ok.setEnabled(False)
        self.message.setText(QCoreApplication.translate("StepDialog", "Saving…"))
        self._runner.run(self.store(), success=self._on_stored, failure=self._on_refused)

    def _on_stored(self, order: Order) -> None:
        self._saving = False
        self.message.setText("")
        self.stored.emit(order)
        self.accept()

    def _on_refused(self, exc: BaseException) -> None:
        self._saving = False
        self.ok.setEnabled(True)
        self.message.setText(
            report_failure(
                exc,
                self,
                context="an order step",
                describe=lambda e: describe_order_error(e, self.order),
            )
        )


def money_field(parent: QWidget) -> QDoubleSpinBox:
    """Euros and cents in the user's locale. Not capped at what may be refunded: the
    domain's refusal then says what the most is, instead of a field that will not type."""
    field = QDoubleSpinBox(parent)
    field.setLocale(QLocale())
    field.setDecimals(2)
    field.setRange(0, 10_000_000)
    field.setSuffix(" €")
    field.setGroupSeparatorShown(True)
    return field


def cents_of(field: QDoubleSpinBox) -> int:
    return round(field.value() * 100)
