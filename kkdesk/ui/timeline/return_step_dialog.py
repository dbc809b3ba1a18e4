"""Marking a return received (the goods are back) or refunded (the money went back): which
return, on which day, and for a refund how much — at most what the customer paid for the
returned items."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from kkdesk.domain.orders import (
    Order,
    OrderStep,
    Return,
    check_refund,
    check_return_received,
)
from kkdesk.errors import RuleViolation
from kkdesk.services import orders as order_service
from kkdesk.services.session import DeskSession
from kkdesk.ui.formatting import format_date, format_datetime
from kkdesk.ui.tasks import TaskRunner
from kkdesk.ui.timeline.step_dialog import StepDialog, cents_of, money_field
from kkdesk.ui.timeline.words import euros, returned_summary
from kkdesk.ui.widgets import DateEdit


def returns_for(order: Order, step: OrderStep) -> list[Return]:
    """The returns of an order that can take ``step`` now."""
    if step is OrderStep.RETURN_RECEIVED:
        return [r for r in order.returns if r.received_at is None and r.refunded_at is None]
    return [r for r in order.returns if r.refunded_at is None]


class ReturnStepDialog(StepDialog):
    """A return received, or a return refunded (``step``)."""

    def __init__(
        self,
        ds: DeskSession,
        runner: TaskRunner,
        order: Order,
        step: OrderStep,
        parent: QWidget | None = None,
        *,
        return_number: str = "",
    ) -> None:
        super().__init__(ds, runner, order, parent)
        assert step in (OrderStep.RETURN_RECEIVED, OrderStep.RETURN_REFUNDED)
        self.step = step
        refund = step is OrderStep.RETURN_REFUNDED
        title = self.tr("Refund — order %1") if refund else self.tr("Return received — order %1")
        self.setWindowTitle(title.replace("%1", order.number))
        self.heading.setText(
            self.tr("Order %1 of %2")
            .replace("%1", order.number)
            .replace("%2", format_datetime(order.ordered_at))
        )
        self.returns = returns_for(order, step)
        self.ret = QComboBox(self)
        self.ret.setObjectName("returnChoice")
        for r in self.returns:
            self.ret.addItem(
                self.tr("%1, requested %2: %3")
                .replace("%1", r.number)
                .replace("%2", format_date(r.requested_at.astimezone().date()))
                .replace("%3", returned_summary(order, r)),
                r.number,
            )
        if return_number and self.ret.findData(return_number) >= 0:
            self.ret.setCurrentIndex(self.ret.findData(return_number))
        return_label = QLabel(self.tr("Re&turn:"), self)
        return_label.setBuddy(self.ret)
        self.form.addRow(return_label, self.ret)

        self.day = DateEdit(self)
        self.day.setObjectName("stepDay")
        day_text = self.tr("Refunded &on:") if refund else self.tr("Received &on:")
        day_label = QLabel(day_text, self)
        day_label.setBuddy(self.day)
        self.day.setAccessibleName(day_text.replace("&", "").rstrip(":"))
        self.form.addRow(day_label, self.day)

        self.amount = money_field(self)
        self.amount.setObjectName("refundAmount")
        self.amount_hint = QLabel(self)
        self.amount_hint.setWordWrap(True)
        if refund:
            amount_label = QLabel(self.tr("&Amount incl. VAT:"), self)
            amount_label.setBuddy(self.amount)
            self.amount.setAccessibleName(self.tr("Amount refunded, including VAT"))
            self.form.addRow(amount_label, self.amount)
            self.form.addRow("", self.amount_hint)
        else:
            self.amount.hide()
            self.amount_hint.hide()

        self.ok.setText(self.tr("Record refund") if refund else self.tr("Mark received"))
        self.ok.setObjectName("confirmStep")
        self.ret.currentIndexChanged.connect(self._on_return_changed)
        self.day.dateChanged.connect(self.refresh)
        self.amount.valueChanged.connect(self.refresh)
        self.resize(560, 260)
        self._on_return_changed()
        self.day.setFocus()

    def chosen(self) -> Return | None:
        return self.order.return_by_number(self.ret.currentData() or "")

    def _on_return_changed(self) -> None:
        ret = self.chosen()
        if ret is not None and self.step is OrderStep.RETURN_REFUNDED:
            paid = self.order.paid_for(ret)
            # What was paid is what is usually refunded: the clerk lowers it if need be.
            self.amount.setValue(paid / 100)
            self.amount_hint.setText(
                self.tr("At most %1: what the customer paid for the returned items.").replace(
                    "%1", euros(paid)
                )
            )
        self.refresh()

    def check(self, today: date) -> None:
        ret = self.chosen()
        if ret is None:
            raise RuleViolation("No such return.", code="return_not_found")
        if self.step is OrderStep.RETURN_RECEIVED:
            check_return_received(ret, self.day.day(), today)
        else:
            check_refund(self.order, ret, self.day.day(), today, cents_of(self.amount))

    def summary_text(self) -> str:
        ret = self.chosen()
        number = ret.number if ret is not None else ""
        day = format_date(self.day.day())
        if self.step is OrderStep.RETURN_RECEIVED:
            text = self.tr("Return %1 will be marked received on %2.")
        else:
            text = self.tr("A refund of %3 for return %1 will be recorded on %2.")
        return (
            text.replace("%1", number)
            .replace("%2", day)
            .replace("%3", euros(cents_of(self.amount)))
            + " "
            + self.tr("It is recorded in the order's history and the customer's log.")
        )

    def store(self) -> Callable[[], Order]:
        ds, number, day = self._ds, self.order.number, self.day.day()
        ret = self.chosen()
        return_number = ret.number if ret is not None else ""
        if self.step is OrderStep.RETURN_RECEIVED:
            return lambda: order_service.mark_return_received(ds, number, return_number, day=day)
        cents = cents_of(self.amount)
        return lambda: order_service.mark_refunded(ds, number, return_number, day=day, cents=cents)
