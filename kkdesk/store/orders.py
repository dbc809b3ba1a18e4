"""Orders, deliveries and returns in the register: the queries behind
:mod:`kkdesk.services.orders` (which holds the rules and the audit).

Reads come back as frozen :mod:`kkdesk.domain.orders` dataclasses; times are aware UTC
(the columns are :class:`~kkdesk.store.types.UtcDateTime`, for ORM and Core reads alike).
The writers take the order row locked by :func:`lock_order` and change it in the caller's
unit of work.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import bindparam, func, select, update
from sqlalchemy.dialects.postgresql import aggregate_order_by
from sqlalchemy.orm import Session, aliased, selectinload

from kkdesk.domain.orders import (
    Delivery,
    Order,
    OrderLine,
    OrderStatus,
    OrderStep,
    Return,
    ReturnLine,
    StepCorrection,
)
from kkdesk.errors import NotFound
from kkdesk.store import models as m
from kkdesk.store import order_steps
from kkdesk.store.customers import number_is
from kkdesk.store.database import in_parts, is_central


def to_domain(row: m.Order) -> Order:
    """A loaded order row (with its lines, deliveries and returns) as plain data."""
    return Order(
        id=row.id,
        number=row.number,
        ordered_at=row.ordered_at,
        status=OrderStatus(row.status),
        total_cents=row.total_cents,
        lines=tuple(
            OrderLine(
                id=ln.id,
                line_no=ln.line_no,
                product_code=ln.product_code,
                product_name=ln.product_name,
                quantity=ln.quantity,
                unit_price_cents=ln.unit_price_cents,
                vat_rate_bp=ln.vat_rate_bp,
            )
            for ln in row.lines
        ),
        deliveries=tuple(_delivery(d) for d in row.deliveries),
        returns=tuple(
            Return(
                id=r.id,
                number=r.number,
                requested_at=r.requested_at,
                received_at=r.received_at,
                refunded_at=r.refunded_at,
                reason=r.reason,
                refund_cents=r.refund_cents,
                lines=tuple(
                    ReturnLine(order_line_id=rl.order_line_id, quantity=rl.quantity)
                    for rl in sorted(r.lines, key=lambda rl: rl.id)
                ),
            )
            for r in row.returns
        ),
        corrections=_corrections(row),
    )


def _corrections(row: m.Order) -> tuple[StepCorrection, ...]:
    numbers = {r.id: r.number for r in row.returns}
    return tuple(
        StepCorrection(c.id, OrderStep(c.step), c.delivery_id, numbers.get(c.return_id or 0, ""),
                       c.old_at, c.new_at, c.old_cents, c.new_cents, c.reason, c.recorded_by,
                       c.recorded_at)
        for c in row.corrections
    )  # fmt: skip


def _delivery(d: Any) -> Delivery:
    """A delivery from its ORM row or from a plain row of the same columns."""
    return Delivery(
        id=d.id,
        shipped_at=d.shipped_at,
        delivered_at=d.delivered_at,
        carrier=d.carrier,
        tracking_code=d.tracking_code,
        recipient=d.recipient,
        street=d.street,
        postal_code=d.postal_code,
        post_office=d.post_office,
        country=d.country,
    )


def with_children() -> tuple[Any, ...]:
    # One IN query per child table for a whole page of orders, not one per order.
    return (
        selectinload(m.Order.lines),
        selectinload(m.Order.deliveries),
        selectinload(m.Order.returns).selectinload(m.Return.lines),
        selectinload(m.Order.corrections),
    )


def load_orders(session: Session, order_ids: Iterable[int]) -> dict[int, Order]:
    """Orders by id, with everything under them, for callers that page the ids (at most a
    few hundred at a time).

    Read as plain rows, five queries for the lot, straight into the domain dataclasses
    (in the same order :func:`to_domain` gives): loading ORM objects first cost a batch of
    letters more than all its other reading together."""
    ids = list(order_ids)
    if not ids:
        return {}
    lines = _lines_of(session, ids)
    deliveries = _deliveries_of(session, ids)
    returns = _returns_of(session, ids)
    corrections = order_steps.corrections_of(session, ids)
    o = m.Order
    rows = session.execute(
        select(o.id, o.number, o.ordered_at, o.status, o.total_cents).where(o.id.in_(ids))
    )
    return {
        r.id: Order(
            id=r.id,
            number=r.number,
            ordered_at=r.ordered_at,
            status=OrderStatus(r.status),
            total_cents=r.total_cents,
            lines=tuple(lines.get(r.id, ())),
            deliveries=tuple(deliveries.get(r.id, ())),
            returns=tuple(returns.get(r.id, ())),
            corrections=tuple(corrections.get(r.id, ())),
        )
        for r in rows
    }


def _lines_of(session: Session, ids: list[int]) -> dict[int, list[OrderLine]]:
    ol = m.OrderLine
    out: dict[int, list[OrderLine]] = defaultdict(list)
    rows = session.execute(
        select(ol.order_id, ol.id, ol.line_no, ol.product_code, ol.product_name, ol.quantity,
               ol.unit_price_cents, ol.vat_rate_bp)
        .where(ol.order_id.in_(ids))
        .order_by(ol.order_id, ol.line_no, ol.id)
    )  # fmt: skip
    for r in rows:
        out[r.order_id].append(
            OrderLine(r.id, r.line_no, r.product_code, r.product_name, r.quantity,
                      r.unit_price_cents, r.vat_rate_bp)
        )  # fmt: skip
    return out


def _deliveries_of(session: Session, ids: list[int]) -> dict[int, list[Delivery]]:
    dl = m.Delivery
    out: dict[int, list[Delivery]] = defaultdict(list)
    rows = session.execute(
        select(dl.order_id, dl.id, dl.shipped_at, dl.delivered_at, dl.carrier,
               dl.tracking_code, dl.recipient, dl.street, dl.postal_code, dl.post_office,
               dl.country)
        .where(dl.order_id.in_(ids))
        .order_by(dl.id)
    )  # fmt: skip
    for r in rows:
        out[r.order_id].append(_delivery(r))
    return out


def _returns_of(session: Session, ids: list[int]) -> dict[int, list[Return]]:
    rt, rl = m.Return, m.ReturnLine
    returned = session.execute(
        select(rt.order_id, rt.id, rt.number, rt.requested_at, rt.received_at, rt.refunded_at,
               rt.reason, rt.refund_cents)
        .where(rt.order_id.in_(ids))
        .order_by(rt.id)
    ).all()  # fmt: skip
    lines: dict[int, list[ReturnLine]] = defaultdict(list)
    for part in in_parts([r.id for r in returned]):
        rows = session.execute(
            select(rl.return_id, rl.order_line_id, rl.quantity)
            .where(rl.return_id.in_(part))
            .order_by(rl.id)
        )
        for return_id, order_line_id, quantity in rows:
            lines[return_id].append(ReturnLine(order_line_id, quantity))
    out: dict[int, list[Return]] = defaultdict(list)
    for r in returned:
        out[r.order_id].append(
            Return(r.id, r.number, r.requested_at, r.received_at,
                   r.refunded_at, r.reason, r.refund_cents,
                   tuple(lines.get(r.id, ())))
        )  # fmt: skip
    return out


def customer_id_of(session: Session, number: str) -> int:
    """The row id of customer ``number``; :class:`NotFound` if there is none."""
    cid = session.scalar(select(m.Customer.id).where(number_is(number)))
    if cid is None:
        raise NotFound(f"There is no customer {number}.", code="customer_not_found", number=number)
    return cid


def orders_of_customer_id(session: Session, customer_id: int) -> tuple[Order, ...]:
    """The customer's orders, newest first, with everything under them: read as plain rows
    (:func:`load_orders`; ORM objects cost ten times the queries in a customer's record),
    on PostgreSQL by one statement (:func:`_orders_in_one`)."""
    if is_central(session):
        return tuple(orders_in_one(session, [customer_id]).get(customer_id, ()))
    o = m.Order
    ids = session.scalars(
        select(o.id).where(o.customer_id == customer_id).order_by(o.ordered_at.desc(), o.id.desc())
    ).all()
    loaded: dict[int, Order] = {}
    for part in in_parts(ids):
        loaded |= load_orders(session, part)
    return tuple(loaded[i] for i in ids)


def _json_rows(*columns: Any, where: Any, order_by: Any) -> Any:
    """The rows of ``columns`` matching ``where`` as one JSON array of arrays (a scalar
    sub-select correlated with the enclosing row)."""
    return (
        select(func.json_agg(aggregate_order_by(func.json_build_array(*columns), *order_by)))
        .where(where)
        .scalar_subquery()
    )


def _orders_statement() -> Any:
    o, ol, dl = m.Order, m.OrderLine, m.Delivery
    rt, rl, c = m.Return, m.ReturnLine, m.OrderCorrection
    numbered = aliased(m.Return, name="corrected_return")
    return_lines = _json_rows(
        rl.order_line_id, rl.quantity, where=rl.return_id == rt.id, order_by=(rl.id,)
    )
    return (
        select(
            o.customer_id, o.id, o.number, o.ordered_at, o.status, o.total_cents,
            _json_rows(ol.id, ol.line_no, ol.product_code, ol.product_name, ol.quantity,
                       ol.unit_price_cents, ol.vat_rate_bp,
                       where=ol.order_id == o.id, order_by=(ol.line_no, ol.id)).label("lines"),
            _json_rows(dl.id, dl.shipped_at, dl.delivered_at, dl.carrier, dl.tracking_code,
                       dl.recipient, dl.street, dl.postal_code, dl.post_office, dl.country,
                       where=dl.order_id == o.id, order_by=(dl.id,)).label("deliveries"),
            _json_rows(rt.id, rt.number, rt.requested_at, rt.received_at, rt.refunded_at,
                       rt.reason, rt.refund_cents, return_lines,
                       where=rt.order_id == o.id, order_by=(rt.id,)).label("returns"),
            _json_rows(c.id, c.step, c.delivery_id,
                       select(numbered.number).where(numbered.id == c.return_id)
                       .scalar_subquery(),
                       c.old_at, c.new_at, c.old_cents, c.new_cents, c.reason, c.recorded_by,
                       c.recorded_at,
                       where=c.order_id == o.id, order_by=(c.id,)).label("corrections"),
        )
        .where(o.customer_id.in_(bindparam("customer_ids", expanding=True)))
        .order_by(o.ordered_at.desc(), o.id.desc())
    )  # fmt: skip


_ORDERS_IN_ONE = _orders_statement()


def _at(value: str | None) -> datetime | None:
    """A timestamp as PostgreSQL writes it in JSON, as the UTC time the columns give."""
    return None if value is None else _when(value)


def _when(value: str) -> datetime:
    return datetime.fromisoformat(value).astimezone(UTC)


def _return_of(item: list[Any]) -> Return:
    i, number, requested, received, refunded, reason, cents, lines = item
    return Return(
        i, number, _when(requested), _at(received), _at(refunded), reason, cents,
        tuple(ReturnLine(*x) for x in lines or ()),
    )  # fmt: skip


def _correction_of(item: list[Any]) -> StepCorrection:
    i, step, delivery_id, return_number, old_at, new_at, old_cents, new_cents, *rest = item
    reason, recorded_by, recorded_at = rest
    return StepCorrection(
        id=i,
        step=OrderStep(step),
        delivery_id=delivery_id,
        return_number=return_number or "",
        old_at=_at(old_at),
        new_at=_at(new_at),
        old_cents=old_cents,
        new_cents=new_cents,
        reason=reason,
        recorded_by=recorded_by,
        recorded_at=_when(recorded_at),
    )


def orders_in_one(session: Session, customer_ids: Iterable[int]) -> dict[int, list[Order]]:
    """PostgreSQL: the orders of these customers by customer id, newest first (ties: the
    newer row first), with what :func:`load_orders` reads in five queries, in ONE
    statement per few hundred customers (each order's lines, deliveries, returns with their
    lines and corrections aggregated as JSON): a customer's record or access letter costs a
    round trip and a query's overhead per table otherwise. The same dataclasses, value for
    value (tested)."""
    out: dict[int, list[Order]] = defaultdict(list)
    for part in in_parts(list(customer_ids)):
        for r in session.execute(_ORDERS_IN_ONE, {"customer_ids": part}):
            out[r.customer_id].append(_order_of(r))
    return out


def _order_of(r: Any) -> Order:
    return Order(
        id=r.id,
        number=r.number,
        ordered_at=r.ordered_at,
        status=OrderStatus(r.status),
        total_cents=r.total_cents,
        lines=tuple(OrderLine(*line) for line in r.lines or ()),
        deliveries=tuple(
            Delivery(i, _at(shipped), _at(delivered), *rest)
            for i, shipped, delivered, *rest in r.deliveries or ()
        ),
        returns=tuple(_return_of(x) for x in r.returns or ()),
        corrections=tuple(_correction_of(x) for x in r.corrections or ()),
    )


def order_not_found(order_number: str) -> NotFound:
    return NotFound(
        f"There is no order {order_number}.", code="order_not_found", order=order_number
    )


def customer_number_of(session: Session, customer_id: int | None) -> str:
    if customer_id is None:
        return ""
    return session.scalar(select(m.Customer.number).where(m.Customer.id == customer_id)) or ""


def lock_order(session: Session, order_number: str) -> m.Order:
    """Take the order for writing before reading it.

    The first statement of the unit of work is a no-op UPDATE of the order row: on
    PostgreSQL it row-locks the order, on SQLite it takes the database's write lock (the
    driver only opens a transaction at the first write). Either way a second clerk
    returning from the same order waits here and then reads our return, so two returns
    can never together exceed what was delivered.
    """
    touched = session.execute(
        update(m.Order).where(m.Order.number == order_number).values(status=m.Order.status)
    )
    if getattr(touched, "rowcount", 1) == 0:
        raise order_not_found(order_number)
    row = session.scalar(
        select(m.Order)
        .where(m.Order.number == order_number)
        .options(*with_children())
        .execution_options(populate_existing=True)
    )
    if row is None:
        raise order_not_found(order_number)
    return row


def _temporary_number() -> str:
    # The final number is made of the row id, known only after the insert; this keeps
    # the unique column unique until then.
    return f"new-{uuid.uuid4().hex[:16]}"


def add_return(
    session: Session,
    row: m.Order,
    quantities: Mapping[int, int],
    *,
    requested_at: datetime,
    reason: str,
) -> m.Return:
    """Add a return of ``quantities`` (order line id -> count; zeros left out) to the
    locked order ``row``, numbered as the webshop numbers its returns."""
    ret = m.Return(
        number=_temporary_number(),
        requested_at=requested_at,
        reason=reason,
        # What was actually refunded, written when the refund is made (as the
        # webshop's own returns are): zero until then.
        refund_cents=0,
        lines=[
            m.ReturnLine(order_line_id=line_id, quantity=qty)
            for line_id, qty in sorted(quantities.items())
            if qty > 0
        ],
    )
    row.returns.append(ret)
    session.flush()
    ret.number = f"R{ret.id:08d}"  # as the webshop numbers its returns
    session.flush()
    return ret


def order_row(session: Session, order_number: str) -> m.Order | None:
    """The order ``order_number`` with everything under it loaded, or None."""
    return session.scalar(
        select(m.Order).where(m.Order.number == order_number).options(*with_children())
    )
