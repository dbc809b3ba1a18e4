"""Keyset pages of a customer's orders, newest first, for the order timeline (the paging
and filtering rules are in :mod:`kkdesk.services.timeline`).

Pages are index range scans on ``ix_customer_order_customer_id_ordered_at``: each is at
most a batch of orders however far back the user has scrolled (an OFFSET would grow with
every page).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ColumnElement, and_, exists, func, or_, select
from sqlalchemy.orm import Session

from kkdesk.domain.orders import OrderStatus
from kkdesk.store import models as m


def _narrowing(until: datetime | None, open_only: bool) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = []
    if until is not None:
        # Every event of an order happens at or after the order is placed.
        conds.append(m.Order.ordered_at < until)
    if open_only:
        unrefunded = exists().where(m.Return.order_id == m.Order.id, m.Return.refunded_at.is_(None))
        conds.append(
            or_(m.Order.status.in_([OrderStatus.OPEN.value, OrderStatus.SHIPPED.value]), unrefunded)
        )
    return conds


def _after(ordered_at: datetime, order_id: int) -> ColumnElement[bool]:
    # Written out rather than as a row value so that both databases use the index range
    # on (customer_id, ordered_at) for the first condition.
    return and_(
        m.Order.ordered_at <= ordered_at,
        or_(m.Order.ordered_at < ordered_at, m.Order.id < order_id),
    )


def order_keys(
    session: Session,
    customer_id: int,
    *,
    until: datetime | None,
    open_only: bool,
    after: tuple[datetime, int] | None,
    limit: int,
) -> list[tuple[int, datetime]]:
    """(id, ordered_at) of up to ``limit`` orders of the customer, newest first, older than
    ``after`` (ordered_at, id) when given; ``until`` and ``open_only`` narrow the scan
    exactly as the timeline filter would (placed before ``until``; open, shipped or with a
    return not yet refunded)."""
    query = select(m.Order.id, m.Order.ordered_at).where(
        m.Order.customer_id == customer_id, *_narrowing(until, open_only)
    )
    if after is not None:
        query = query.where(_after(*after))
    rows = session.execute(
        query.order_by(m.Order.ordered_at.desc(), m.Order.id.desc()).limit(limit)
    ).all()
    return [(row.id, row.ordered_at) for row in rows]


def order_count(session: Session, customer_id: int) -> int:
    return int(
        session.scalar(
            select(func.count()).select_from(m.Order).where(m.Order.customer_id == customer_id)
        )
        or 0
    )
