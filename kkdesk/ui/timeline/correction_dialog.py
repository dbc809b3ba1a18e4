"""Correcting a wrongly recorded step (a delivery, a return received or refunded) by a
correcting event: the clerk picks the step, says what is right (another date, another
amount, or that it did not happen) and why. Nothing is overwritten silently: the step
stays in the timeline marked corrected, and the correction is kept with its reason, who
and when, and written to the customer's log."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QWidget,
)

from kkdesk.domain.orders import (
    STEP_REASON_MAX,
    Order,
    OrderStep,
    check_correction,
    check_reason,
    step_target,
)
from kkdesk.errors import RuleViolation
from kkdesk.services import orders as order_service
from kkdesk.services.session import DeskSession
from kkdesk.ui.formatting import format_date, format_datetime
from kkdesk.ui.tasks import TaskRunner
from kkdesk.ui.timeline.step_dialog import StepDialog, cents_of, money_field
from kkdesk.ui.timeline.words import euros
from kkdesk.ui.widgets import DateEdit


@dataclass(frozen=True)
class Correctable:
    """A recorded step of the order as the dialog offers it."""

    step: OrderStep
    delivery_id: int | None
    return_number: str
    at: datetime
    cents: int | None


def correctable_steps(order: Order) -> list[Correctable]:
    """Every step of ``order`` a clerk recorded and may correct, in the order they happened."""
    out: list[Correctable] = []
    for d in order.deliveries:
        if d.delivered_at is not None:
            out.append(Correctable(OrderStep.DELIVERED, d.id, "", d.delivered_at, None))
    for r in order.returns:
        if r.received_at is not None:
            out.append(Correctable(OrderStep.RETURN_RECEIVED, None, r.number, r.received_at, None))
        if r.refunded_at is not None:
            out.append(
                Correctable(
                    OrderStep.RETURN_REFUNDED, None, r.number, r.refunded_at, r.refund_cents
                )
            )
    return sorted(out, key=lambda c: c.at)


class CorrectionDialog(StepDialog):
    """Which step, what is right, and why."""

    def __init__(
        self,
        ds: DeskSession,
        runner: TaskRunner,
        order: Order,
        parent: QWidget | None = None,
        *,
        step: OrderStep | None = None,
        delivery_id: int | None = None,
        return_number: str = "",
    ) -> None:
        super().__init__(ds, runner, order, parent)
        self.setWindowTitle(self.tr("Correct a step — order %1").replace("%1", order.number))
        self.heading.setText(
            self.tr(
                "The step stays in the timeline, marked corrected; the correction and its "
                "reason are kept with your name and written to the customer's log."
            )
        )
        font = self.heading.font()
        font.setBold(False)
        self.heading.setFont(font)
        self.steps = correctable_steps(order)
        self.step = QComboBox(self)
        self.step.setObjectName("correctedStep")
        for c in self.steps:
            self.step.addItem(self._step_text(c))
        for i, c in enumerate(self.steps):
            if c.step is step and (
                (step is OrderStep.DELIVERED and c.delivery_id == delivery_id)
                or (step is not OrderStep.DELIVERED and c.return_number == return_number)
            ):
                self.step.setCurrentIndex(i)
        step_label = QLabel(self.tr("&Step:"), self)
        step_label.setBuddy(self.step)
        self.form.addRow(step_label, self.step)

        self.happened = QRadioButton(self.tr("It &happened on"), self)
        self.happened.setObjectName("correctionHappened")
        self.not_happened = QRadioButton(self.tr("It did &not happen"), self)
        self.not_happened.setObjectName("correctionNotHappened")
        group = QButtonGroup(self)
        group.addButton(self.happened)
        group.addButton(self.not_happened)
        self.happened.setChecked(True)
        self.day = DateEdit(self)
        self.day.setObjectName("correctionDay")
        self.day.setAccessibleName(self.tr("The right date"))
        when = QHBoxLayout()
        when.addWidget(self.happened)
        when.addWidget(self.day)
        when.addSpacing(12)
        when.addWidget(self.not_happened)
        when.addStretch(1)
        self.form.addRow(self.tr("What is right:"), when)

        self.amount = money_field(self)
        self.amount.setObjectName("correctionAmount")
        self.amount.setAccessibleName(self.tr("The right amount refunded, including VAT"))
        self.amount_label = QLabel(self.tr("&Amount incl. VAT:"), self)
        self.amount_label.setBuddy(self.amount)
        self.form.addRow(self.amount_label, self.amount)

        self.reason = QLineEdit(self)
        self.reason.setObjectName("correctionReason")
        self.reason.setMaxLength(STEP_REASON_MAX)
        self.reason.setPlaceholderText(self.tr("e.g. the carrier's receipt gives another day"))
        reason_label = QLabel(self.tr("&Reason:"), self)
        reason_label.setBuddy(self.reason)
        self.form.addRow(reason_label, self.reason)

        self.ok.setText(self.tr("Record correction"))
        self.ok.setObjectName("confirmCorrection")
        self.step.currentIndexChanged.connect(self._on_step_changed)
        self.happened.toggled.connect(self._on_happened_toggled)
        self.day.dateChanged.connect(self.refresh)
        self.amount.valueChanged.connect(self.refresh)
        self.reason.textChanged.connect(self.refresh)
        self.resize(640, 300)
        self._quiet = True  # the first checks, as the fields are filled in
        self._on_step_changed()
        self._quiet = False
        self.step.setFocus()

    def hint(self) -> str:
        return self.tr("Give the right date (or amount), and say why.")

    def _step_text(self, c: Correctable) -> str:
        when = format_datetime(c.at)
        if c.step is OrderStep.DELIVERED:
            return self.tr("Delivered %1").replace("%1", when)
        if c.step is OrderStep.RETURN_RECEIVED:
            return (
                self.tr("Return %1 received %2").replace("%1", c.return_number).replace("%2", when)
            )
        return (
            self.tr("Return %1 refunded %2, %3")
            .replace("%1", c.return_number)
            .replace("%2", when)
            .replace("%3", euros(c.cents))
        )

    def chosen(self) -> Correctable | None:
        i = self.step.currentIndex()
        return self.steps[i] if 0 <= i < len(self.steps) else None

    def _on_step_changed(self) -> None:
        c = self.chosen()
        refund = c is not None and c.step is OrderStep.RETURN_REFUNDED
        self.amount.setVisible(refund)
        self.amount_label.setVisible(refund)
        if c is not None:
            self.day.set_day(c.at.astimezone().date())
            if c.cents is not None:
                self.amount.setValue(c.cents / 100)
        self._on_happened_toggled()

    def _on_happened_toggled(self, *_: object) -> None:
        happened = self.happened.isChecked()
        self.day.setEnabled(happened)
        c = self.chosen()
        self.amount.setEnabled(happened and c is not None and c.step is OrderStep.RETURN_REFUNDED)
        self.refresh()

    def new_day(self) -> date | None:
        return self.day.day() if self.happened.isChecked() else None

    def new_cents(self) -> int | None:
        c = self.chosen()
        if c is None or c.step is not OrderStep.RETURN_REFUNDED or not self.happened.isChecked():
            return None
        return cents_of(self.amount)

    def check(self, today: date) -> None:
        c = self.chosen()
        if c is None:
            raise RuleViolation("Nothing to correct.", code="correction_not_recorded")
        target = step_target(
            self.order, c.step, delivery_id=c.delivery_id, return_number=c.return_number
        )
        check_correction(self.order, target, self.new_day(), self.new_cents(), today)
        check_reason(self.reason.text())

    def summary_text(self) -> str:
        c = self.chosen()
        if c is None:
            return ""
        day = self.new_day()
        if day is None:
            text = self.tr("“%1” will be recorded as not having happened.")
        elif self.new_cents() is not None:
            text = self.tr("“%1” will be corrected to %2, %3.")
        else:
            text = self.tr("“%1” will be corrected to %2.")
        return (
            text.replace("%1", self._step_text(c))
            .replace("%2", format_date(day) if day is not None else "")
            .replace("%3", euros(self.new_cents()))
        )

    def store(self) -> Callable[[], Order]:
        c = self.chosen()
        assert c is not None
        ds, number = self._ds, self.order.number
        day, cents, reason = self.new_day(), self.new_cents(), self.reason.text()
        return lambda: order_service.correct_step(
            ds,
            number,
            c.step,
            delivery_id=c.delivery_id,
            return_number=c.return_number,
            day=day,
            cents=cents,
            reason=reason,
        )
