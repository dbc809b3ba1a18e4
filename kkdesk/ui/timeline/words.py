"""Words and money of the order timeline: event kinds, statuses, amounts in the user's
locale and one-line summaries of what an event is about.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import (
    QCoreApplication,
    QLocale,
)

from kkdesk.domain.orders import Order, OrderStatus, Return, StepCorrection
from kkdesk.domain.timeline import (
    STEP_KINDS,
    EventKind,
    TimelineEvent,
    correction_of,
)
from kkdesk.ui.formatting import format_date


def kind_labels() -> dict[EventKind, str]:
    return {
        EventKind.ORDER_PLACED: QCoreApplication.translate("timeline", "Ordered"),
        EventKind.SHIPPED: QCoreApplication.translate("timeline", "Shipped"),
        EventKind.DELIVERED: QCoreApplication.translate("timeline", "Delivered"),
        EventKind.RETURN_REQUESTED: QCoreApplication.translate("timeline", "Return requested"),
        EventKind.RETURN_RECEIVED: QCoreApplication.translate("timeline", "Return received"),
        EventKind.RETURN_REFUNDED: QCoreApplication.translate("timeline", "Refunded"),
        EventKind.CORRECTION: QCoreApplication.translate("timeline", "Correction"),
    }


def status_labels() -> dict[OrderStatus, str]:
    return {
        OrderStatus.OPEN: QCoreApplication.translate("timeline", "Open"),
        OrderStatus.SHIPPED: QCoreApplication.translate("timeline", "On its way"),
        OrderStatus.DELIVERED: QCoreApplication.translate("timeline", "Delivered"),
        OrderStatus.CANCELLED: QCoreApplication.translate("timeline", "Cancelled"),
    }


def awaiting_labels() -> dict[EventKind, str]:
    return {
        EventKind.ORDER_PLACED: QCoreApplication.translate("timeline", "Awaiting shipping"),
        EventKind.SHIPPED: QCoreApplication.translate("timeline", "Awaiting delivery"),
        EventKind.RETURN_REQUESTED: QCoreApplication.translate("timeline", "Awaiting the goods"),
        EventKind.RETURN_RECEIVED: QCoreApplication.translate("timeline", "Awaiting refund"),
    }


def corrected_label() -> str:
    """The status of a step a later correction replaced."""
    return QCoreApplication.translate("timeline", "Corrected")


def euros(cents: int | None) -> str:
    """An amount in the user's locale: 1 234,50 € in Finnish, €1,234.50 in English."""
    if cents is None:
        return ""
    return QLocale().toCurrencyString(cents / 100, "€", 2)


def vat_percent(rate_bp: int) -> str:
    return QLocale().toString(rate_bp / 100, "f", 1 if rate_bp % 100 else 0) + " %"


# Icon colours: distinct hues *and* distinct lightness, so that a greyscale print still


def products_summary(order: Order, limit: int = 3) -> str:
    """ "Ketjusaha, Teräketju ×2 …": what a list row has room for."""
    parts = [
        ln.product_name if ln.quantity == 1 else f"{ln.product_name} ×{ln.quantity}"
        for ln in order.lines[:limit]
    ]
    if len(order.lines) > limit:
        parts.append("…")
    return ", ".join(parts)


def returned_summary(order: Order, ret: Return) -> str:
    names = {ln.id: ln.product_name for ln in order.lines}
    return ", ".join(
        names.get(rl.order_line_id, "?") if rl.quantity == 1
        else f"{names.get(rl.order_line_id, '?')} ×{rl.quantity}"
        for rl in ret.lines
    )  # fmt: skip


def correction_summary(order: Order, c: StepCorrection) -> str:
    """ "Delivered: 6/3/2026 → 7/3/2026 — the carrier's receipt says the 7th"."""
    step = kind_labels()[STEP_KINDS[c.step]]
    if c.return_number:
        step = f"{step} {c.return_number}"

    def said(at: datetime | None, cents: int | None) -> str:
        if at is None:
            return QCoreApplication.translate("timeline", "did not happen")
        day = format_date(at.astimezone().date())
        return f"{day}, {euros(cents)}" if cents is not None else day

    new_cents = c.new_cents if c.new_at is not None else None
    return f"{step}: {said(c.old_at, c.old_cents)} → {said(c.new_at, new_cents)} — {c.reason}"


def event_summary(order: Order, event: TimelineEvent) -> str:
    correction = correction_of(order, event)
    if event.kind is EventKind.CORRECTION and correction is not None:
        return correction_summary(order, correction)
    if event.kind is EventKind.ORDER_PLACED:
        return products_summary(order)
    if event.delivery_id is not None:
        d = next((d for d in order.deliveries if d.id == event.delivery_id), None)
        if d is None:
            return ""
        if event.kind is EventKind.SHIPPED:
            return " ".join(x for x in (d.carrier, d.tracking_code) if x)
        return " ".join(x for x in (d.postal_code, d.post_office) if x)
    ret = next((r for r in order.returns if r.number == event.return_number), None)
    if ret is None:
        return ""
    if event.kind is EventKind.RETURN_REQUESTED and ret.reason:
        return f"{returned_summary(order, ret)} — {ret.reason}"
    return returned_summary(order, ret)
