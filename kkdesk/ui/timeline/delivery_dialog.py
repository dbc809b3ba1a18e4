"""Marking a delivery delivered: on which day (typed or picked, today by default), and a
confirmation of what will be recorded before anything is stored."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from kkdesk.domain.orders import Delivery, Order, check_delivery_day
from kkdesk.errors import RuleViolation
from kkdesk.services import orders as order_service
from kkdesk.services.session import DeskSession
from kkdesk.ui.formatting import format_date, format_datetime
from kkdesk.ui.tasks import TaskRunner
from kkdesk.ui.timeline.step_dialog import StepDialog
from kkdesk.ui.widgets import DateEdit


def on_the_way(order: Order) -> list[Delivery]:
    """The deliveries of an order that are shipped and not yet delivered."""
    return [d for d in order.deliveries if d.shipped_at is not None and d.delivered_at is None]


class DeliveryDialog(StepDialog):
    """Which delivery (when several are on their way) and the day it arrived."""

    def __init__(
        self,
        ds: DeskSession,
        runner: TaskRunner,
        order: Order,
        parent: QWidget | None = None,
        *,
        delivery_id: int | None = None,
    ) -> None:
        super().__init__(ds, runner, order, parent)
        self.setWindowTitle(self.tr("Mark delivered — order %1").replace("%1", order.number))
        self.heading.setText(
            self.tr("Order %1 of %2")
            .replace("%1", order.number)
            .replace("%2", format_datetime(order.ordered_at))
        )
        self.deliveries = on_the_way(order)
        self.delivery = QComboBox(self)
        self.delivery.setObjectName("deliveryChoice")
        for d in self.deliveries:
            text = self.tr("Shipped %1").replace("%1", format_datetime(d.shipped_at))
            carrier = " ".join(x for x in (d.carrier, d.tracking_code) if x)
            self.delivery.addItem(f"{text} · {carrier}" if carrier else text, d.id)
        if delivery_id is not None and self.delivery.findData(delivery_id) >= 0:
            self.delivery.setCurrentIndex(self.delivery.findData(delivery_id))
        self.delivery.setEnabled(len(self.deliveries) > 1)
        delivery_label = QLabel(self.tr("Deli&very:"), self)
        delivery_label.setBuddy(self.delivery)
        self.form.addRow(delivery_label, self.delivery)

        self.day = DateEdit(self)
        self.day.setObjectName("deliveredOn")
        self.day.setAccessibleName(self.tr("Delivered on"))
        day_label = QLabel(self.tr("Delivered &on:"), self)
        day_label.setBuddy(self.day)
        self.form.addRow(day_label, self.day)

        self.ok.setText(self.tr("Mark delivered"))
        self.ok.setObjectName("confirmDelivered")
        self.delivery.currentIndexChanged.connect(self.refresh)
        self.day.dateChanged.connect(self.refresh)
        self.resize(520, 240)
        self.refresh()
        self.day.setFocus()

    def chosen(self) -> Delivery | None:
        wanted = self.delivery.currentData()
        return next((d for d in self.deliveries if d.id == wanted), None)

    def check(self, today: date) -> None:
        delivery = self.chosen()
        if delivery is None:
            raise RuleViolation("Nothing is on its way.", code="delivery_none")
        check_delivery_day(self.order, delivery, self.day.day(), today)

    def summary_text(self) -> str:
        day = self.day.day()
        if day == date.today():
            text = self.tr("Order %1 will be marked delivered today, %2.")
        else:
            text = self.tr("Order %1 will be marked delivered on %2.")
        return (
            text.replace("%1", self.order.number).replace("%2", format_date(day))
            + " "
            + self.tr("It is recorded in the order's history and the customer's log.")
        )

    def store(self) -> Callable[[], Order]:
        ds, number, day = self._ds, self.order.number, self.day.day()
        delivery = self.chosen()
        delivery_id = delivery.id if delivery is not None else None
        return lambda: order_service.mark_delivered(ds, number, delivery_id=delivery_id, day=day)
