"""Orders, deliveries and returns of a customer (register description, section 5.2).

Reading: :func:`orders_of` gives a customer's whole order history as frozen
:mod:`kkdesk.domain.orders` dataclasses, newest order first; the desk's timeline, the
``orders`` section of ``kkdesk customer show --json`` and the data-subject report all use
it, so they always tell the same story. It does not write an audit row itself: the
callers' own purpose (opening the record, printing a report) is what gets audited.

Changing: a clerk records a return against the lines of an order (never more than was
delivered minus what was already returned), marks a delivery delivered on a date, marks a
return received or refunded, or corrects such a step with a correcting event (the rules
are in :mod:`kkdesk.domain.orders`; the corrections' SQL in
:mod:`kkdesk.store.order_steps`). Each checks the user's level, refuses cleanly with a
:class:`~kkdesk.errors.KnownError` changing nothing, and writes an audit row in the same
transaction as the change.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import Any

from kkdesk.domain.enums import AuditAction, Purpose
from kkdesk.domain.levels import Capability
from kkdesk.domain.orders import (
    Order,
    OrderStatus,
    OrderStep,
    Return,
    check_correction,
    check_delivery_day,
    check_reason,
    check_refund,
    check_return,
    check_return_received,
    local_day,
    step_instant,
    step_target,
)
from kkdesk.errors import NotFound, RuleViolation
from kkdesk.services import audit
from kkdesk.services.session import DeskSession
from kkdesk.store import models as m
from kkdesk.store import order_steps
from kkdesk.store import orders as store
from kkdesk.store.orders import (
    customer_id_of,
    load_orders,
    orders_of_customer_id,
    to_domain,
)
from kkdesk.store.orders import with_children as _with_children  # noqa: F401 (tests)
from kkdesk.store.unit_of_work import Session

# Re-exported: the timeline, the portability copy and the tests read orders through here.
__all__ = [
    "REASON_MAX",
    "correct_step",
    "customer_id_of",
    "get_order",
    "load_orders",
    "mark_delivered",
    "mark_refunded",
    "mark_return_received",
    "order_json",
    "orders_of",
    "orders_of_customer_id",
    "record_return",
    "record_section",
    "to_domain",
    "utc",
]

# A return's reason is free text from the customer; the column holds 500 characters.
REASON_MAX = 500


def utc(value: datetime) -> datetime:
    """A caller's time as aware UTC; a naive one is taken as UTC, as every time in the
    register is. (Times read from the register come back aware already.)"""
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


# ---------------------------------------------------------------------------------------
# Reading


def orders_of(ds: DeskSession, number: str) -> tuple[Order, ...]:
    """Every order of customer ``number`` with its lines, deliveries and returns, newest
    order first (ties broken by the newer row). Not audited here: see the module text."""
    ds.require(Capability.READ_ORDERS)
    with ds.db.read() as session:
        return orders_of_customer_id(session, customer_id_of(session, number))


def get_order(ds: DeskSession, order_number: str) -> tuple[str, Order]:
    """One order by its number, and the number of the customer it belongs to ("" once
    the customer has been erased: orders outlive their customer for the accounts)."""
    ds.require(Capability.READ_ORDERS)
    with ds.db.read() as session:
        row = store.order_row(session, order_number)
        if row is None:
            raise store.order_not_found(order_number)
        return store.customer_number_of(session, row.customer_id), to_domain(row)


# ---------------------------------------------------------------------------------------
# Changing


def record_return(
    ds: DeskSession,
    order_number: str,
    quantities: Mapping[int, int],
    *,
    reason: str,
    requested_at: datetime | None = None,
    purpose: Purpose = Purpose.ORDER_HANDLING,
) -> Return:
    """Record the customer's return of ``quantities`` (order line id → count) of an order.

    Refused with :class:`~kkdesk.errors.RuleViolation` (``return_too_many`` with
    ``allowed``, ``return_empty``, ``return_foreign_line``, ``return_negative``,
    ``reason_too_long``) when a count exceeds what was delivered minus what was already
    returned; nothing is changed then.
    """
    ds.require(Capability.EDIT_ORDERS)
    reason = reason.strip()
    if len(reason) > REASON_MAX:
        raise RuleViolation(
            f"The reason can be at most {REASON_MAX} characters.",
            code="reason_too_long",
            limit=REASON_MAX,
        )
    wanted = {int(line_id): int(qty) for line_id, qty in quantities.items()}
    at = utc(requested_at) if requested_at is not None else datetime.now(UTC)
    with ds.db.session() as session:
        row = store.lock_order(session, order_number)
        order = to_domain(row)
        check_return(order, wanted)
        ret = store.add_return(session, row, wanted, requested_at=at, reason=reason)
        count = sum(wanted.values())
        # No personal values in the audit detail: numbers and counts only.
        audit.record(
            session,
            ds,
            store.customer_number_of(session, row.customer_id),
            AuditAction.RETURN,
            purpose,
            f"order {order.number}: return {ret.number} of {count} item(s)",
        )
        return next(r for r in to_domain(row).returns if r.id == ret.id)


def mark_delivered(
    ds: DeskSession,
    order_number: str,
    *,
    delivery_id: int | None = None,
    at: datetime | None = None,
    day: date | None = None,
    purpose: Purpose = Purpose.ORDER_HANDLING,
) -> Order:
    """Mark a shipped delivery of an order delivered (the one given, else the only one
    still on its way). The order becomes delivered once all its deliveries are.

    ``day`` is the local date the clerk gives (checked by
    :func:`~kkdesk.domain.orders.check_delivery_day`: ``step_date_future``,
    ``delivery_before_order``, ``delivery_before_shipping``); else ``at``, else now.

    Refused with :class:`~kkdesk.errors.RuleViolation`: ``delivery_none`` (nothing is on
    its way), ``delivery_ambiguous`` (several are: say which), ``delivery_not_shipped``,
    ``delivery_already_delivered``, ``delivery_before_shipping``, ``order_cancelled``.
    """
    ds.require(Capability.EDIT_ORDERS)
    when = utc(at) if at is not None else datetime.now(UTC)
    with ds.db.session() as session:
        row = store.lock_order(session, order_number)
        if row.status == OrderStatus.CANCELLED:
            raise RuleViolation(
                "The order is cancelled.", code="order_cancelled", order=order_number
            )
        target = _pick_delivery(row, order_number, delivery_id)
        shipped_at = target.shipped_at
        if shipped_at is None:
            raise RuleViolation(
                "The delivery has not been shipped yet.",
                code="delivery_not_shipped",
                order=order_number,
            )
        if target.delivered_at is not None:
            raise RuleViolation(
                "The delivery is already marked delivered.",
                code="delivery_already_delivered",
                order=order_number,
            )
        if day is not None:
            now = datetime.now(UTC)
            order = to_domain(row)
            delivery = order.delivery_by_id(target.id)
            assert delivery is not None
            check_delivery_day(order, delivery, day, local_day(now))
            when = step_instant(day, now=now, floor=shipped_at)
        if when < shipped_at:
            raise RuleViolation(
                "A delivery cannot arrive before it was shipped.",
                code="delivery_before_shipping",
                order=order_number,
            )
        target.delivered_at = when
        if all(d.delivered_at is not None for d in row.deliveries):
            row.status = OrderStatus.DELIVERED.value
        session.flush()
        audit.record(
            session,
            ds,
            store.customer_number_of(session, row.customer_id),
            AuditAction.DELIVERY,
            purpose,
            f"order {row.number}: delivery {target.id} marked delivered",
        )
        return to_domain(row)


def _pick_delivery(row: m.Order, order_number: str, delivery_id: int | None) -> m.Delivery:
    if delivery_id is not None:
        for d in row.deliveries:
            if d.id == delivery_id:
                return d
        raise NotFound(
            "The delivery is not on this order.",
            code="delivery_not_found",
            order=order_number,
            delivery=delivery_id,
        )
    pending = [d for d in row.deliveries if d.delivered_at is None]
    if not pending:
        code = "delivery_already_delivered" if row.deliveries else "delivery_none"
        raise RuleViolation("No delivery of this order is on its way.", code=code)
    on_the_way = [d for d in pending if d.shipped_at is not None]
    if len(on_the_way) == 1:
        return on_the_way[0]
    if not on_the_way:
        raise RuleViolation(
            "The delivery has not been shipped yet.",
            code="delivery_not_shipped",
            order=order_number,
        )
    raise RuleViolation(
        "Several deliveries of this order are on their way: choose one.",
        code="delivery_ambiguous",
        order=order_number,
    )


def _return_of(row: m.Order, order_number: str, return_number: str) -> m.Return:
    found = next((r for r in row.returns if r.number == return_number), None)
    if found is None:
        raise NotFound(
            "The return is not on this order.",
            code="return_not_found",
            order=order_number,
            ret=return_number,
        )
    return found


def mark_return_received(
    ds: DeskSession,
    order_number: str,
    return_number: str,
    *,
    day: date,
    purpose: Purpose = Purpose.ORDER_HANDLING,
) -> Order:
    """Record that the goods of a return came back on ``day`` (a local date).

    Refused (:func:`~kkdesk.domain.orders.check_return_received`): ``step_date_future``,
    ``return_received_before_request``, ``return_already_received``; ``return_not_found``.
    """
    ds.require(Capability.EDIT_ORDERS)
    now = datetime.now(UTC)
    with ds.db.session() as session:
        row = store.lock_order(session, order_number)
        target = _return_of(row, order_number, return_number)
        ret = to_domain(row).return_by_number(return_number)
        assert ret is not None
        check_return_received(ret, day, local_day(now))
        target.received_at = step_instant(day, now=now, floor=ret.requested_at)
        session.flush()
        audit.record(
            session,
            ds,
            store.customer_number_of(session, row.customer_id),
            AuditAction.RETURN,
            purpose,
            f"order {row.number}: return {return_number} received",
        )
        return to_domain(row)


def mark_refunded(
    ds: DeskSession,
    order_number: str,
    return_number: str,
    *,
    day: date,
    cents: int,
    purpose: Purpose = Purpose.ORDER_HANDLING,
) -> Order:
    """Record the refund of a return: ``cents`` paid back on ``day`` (a local date).

    Refused (:func:`~kkdesk.domain.orders.check_refund`): ``step_date_future``,
    ``refund_before_request``, ``refund_before_receipt``, ``return_already_refunded``,
    ``refund_not_positive``, ``refund_too_much`` (with ``allowed``: what was paid for the
    returned items); ``return_not_found``.
    """
    ds.require(Capability.EDIT_ORDERS)
    now = datetime.now(UTC)
    with ds.db.session() as session:
        row = store.lock_order(session, order_number)
        target = _return_of(row, order_number, return_number)
        order = to_domain(row)
        ret = order.return_by_number(return_number)
        assert ret is not None
        check_refund(order, ret, day, local_day(now), cents)
        target.refunded_at = step_instant(day, now=now, floor=ret.received_at or ret.requested_at)
        target.refund_cents = cents
        session.flush()
        audit.record(
            session,
            ds,
            store.customer_number_of(session, row.customer_id),
            AuditAction.RETURN,
            purpose,
            f"order {row.number}: return {return_number} refunded",
        )
        return to_domain(row)


def correct_step(
    ds: DeskSession,
    order_number: str,
    step: OrderStep,
    *,
    delivery_id: int | None = None,
    return_number: str = "",
    day: date | None,
    cents: int | None = None,
    reason: str,
    purpose: Purpose = Purpose.ORDER_HANDLING,
) -> Order:
    """Correct a recorded step by a correcting event: ``day`` is the right local date
    (None: the step did not happen), ``cents`` a refund's right amount.

    The step's row gets the right value and a correction row keeps what it said, the
    reason, who and when; nothing is lost. Refused (:func:`~kkdesk.domain.orders
    .check_correction`, :func:`~kkdesk.domain.orders.check_reason`) with
    ``correction_reason_missing``, ``reason_too_long``, ``correction_no_step``,
    ``correction_not_recorded``, ``correction_no_change``, ``correction_has_returns``,
    ``correction_refunded`` and the date and amount codes of the step itself.
    """
    ds.require(Capability.EDIT_ORDERS)
    reason = check_reason(reason)
    now = datetime.now(UTC)
    with ds.db.session() as session:
        row = store.lock_order(session, order_number)
        order = to_domain(row)
        target = step_target(order, step, delivery_id=delivery_id, return_number=return_number)
        check_correction(order, target, day, cents, local_day(now))
        old_at, old_cents = target.at, target.cents
        new_cents = None
        if target.delivery is not None:
            delivery = next(d for d in row.deliveries if d.id == target.delivery.id)
            floor = delivery.shipped_at
            new_at = None if day is None else step_instant(day, now=now, floor=floor)
            delivery.delivered_at = new_at
            row.status = _status_after(row)
            subject = f"delivery {delivery.id}"
        else:
            assert target.ret is not None
            ret_row = _return_of(row, order_number, target.ret.number)
            if step is OrderStep.RETURN_RECEIVED:
                floor = target.ret.requested_at
                new_at = None if day is None else step_instant(day, now=now, floor=floor)
                ret_row.received_at = new_at
            else:
                floor = target.ret.received_at or target.ret.requested_at
                new_at = None if day is None else step_instant(day, now=now, floor=floor)
                new_cents = 0 if day is None else (cents if cents is not None else old_cents)
                ret_row.refunded_at = new_at
                ret_row.refund_cents = new_cents or 0
            subject = f"return {target.ret.number}"
        correction_id = order_steps.add_correction(
            session,
            order_id=row.id,
            step=step,
            delivery_id=target.delivery.id if target.delivery is not None else None,
            return_id=target.ret.id if target.ret is not None else None,
            old_at=old_at,
            new_at=new_at,
            old_cents=old_cents,
            new_cents=new_cents,
            reason=reason,
            recorded_by=ds.user,
            recorded_at=now,
        )
        session.flush()
        # The reason is free text about the customer's order: kept in the correction
        # row, not in the audit trail, which holds no personal values.
        audit.record(
            session,
            ds,
            store.customer_number_of(session, row.customer_id),
            AuditAction.DELIVERY if step is OrderStep.DELIVERED else AuditAction.RETURN,
            purpose,
            f"order {row.number}: correction {correction_id} of {step.value} ({subject})",
        )
        session.expire(row, ["corrections"])
        return to_domain(row)


def _status_after(row: m.Order) -> str:
    """An order's status once its deliveries changed: delivered when all are, shipped
    when any is on its way (a cancelled order is never delivered or corrected)."""
    if row.status == OrderStatus.CANCELLED:
        return row.status
    if row.deliveries and all(d.delivered_at is not None for d in row.deliveries):
        return OrderStatus.DELIVERED.value
    if any(d.shipped_at is not None for d in row.deliveries):
        return OrderStatus.SHIPPED.value
    return OrderStatus.OPEN.value


# ---------------------------------------------------------------------------------------
# JSON (``kkdesk customer show NUMBER --json``; documented in docs/customer-json.md)


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def order_json(order: Order) -> dict[str, Any]:
    """One order as the JSON document's ``orders`` items: amounts in integer cents with
    VAT included, times ISO 8601 in UTC, line ids so that returns can refer to them."""
    return {
        "number": order.number,
        "ordered_at": _iso(order.ordered_at),
        "status": order.status.value,
        "total_cents": order.total_cents,
        "vat_cents": order.vat_cents,
        "lines": [
            {
                "id": ln.id,
                "line_no": ln.line_no,
                "product_code": ln.product_code,
                "product_name": ln.product_name,
                "quantity": ln.quantity,
                "unit_price_cents": ln.unit_price_cents,
                "vat_rate_bp": ln.vat_rate_bp,
                "total_cents": ln.total_cents,
                "vat_cents": ln.vat_cents,
                "returned_quantity": order.returned_quantity(ln.id),
            }
            for ln in order.lines
        ],
        "deliveries": [
            {
                "id": d.id,
                "shipped_at": _iso(d.shipped_at),
                "delivered_at": _iso(d.delivered_at),
                "carrier": d.carrier,
                "tracking_code": d.tracking_code,
                "recipient": d.recipient,
                "street": d.street,
                "postal_code": d.postal_code,
                "post_office": d.post_office,
                "country": d.country,
            }
            for d in order.deliveries
        ],
        "returns": [
            {
                "number": r.number,
                "requested_at": _iso(r.requested_at),
                "received_at": _iso(r.received_at),
                "refunded_at": _iso(r.refunded_at),
                "reason": r.reason,
                "refund_cents": r.refund_cents,
                "lines": [
                    {"order_line_id": rl.order_line_id, "quantity": rl.quantity} for rl in r.lines
                ],
            }
            for r in order.returns
        ],
    }


def record_section(session: Session, customer_row: m.Customer) -> tuple[str, Any]:
    """The ``orders`` section of the customer JSON document (see ``record.SECTIONS``)."""
    return "orders", [order_json(o) for o in orders_of_customer_id(session, customer_row.id)]
