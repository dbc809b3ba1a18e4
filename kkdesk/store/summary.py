"""Queries of the customer summary header: counts and deadlines of what is open.

Small aggregate queries on indexed customer ids (``ix_customer_order_customer_id_...``,
``subject_request.customer_id``), one round trip each, inside the caller's session.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kkdesk.domain.orders import OrderStatus
from kkdesk.domain.subject_requests import RequestStatus
from kkdesk.store.models import Order, Return, SubjectRequest

# Order statuses that still need something from the desk.
OPEN_ORDER_STATUSES = (OrderStatus.OPEN.value, OrderStatus.SHIPPED.value)


def open_orders_and_returns(session: Session, customer_id: int) -> tuple[int, int]:
    """(orders not yet delivered or cancelled, returns not yet refunded) of a customer."""
    orders = session.execute(
        select(func.count())
        .select_from(Order)
        .where(Order.customer_id == customer_id, Order.status.in_(OPEN_ORDER_STATUSES))
    ).scalar_one()
    returns = session.execute(
        select(func.count())
        .select_from(Return)
        .join(Order, Return.order_id == Order.id)
        .where(Order.customer_id == customer_id, Return.refunded_at.is_(None))
    ).scalar_one()
    return int(orders), int(returns)


def open_requests(session: Session, customer_id: int) -> list[tuple[int, str, date]]:
    """(id, kind, deadline) of the customer's open data-subject requests, nearest first."""
    rows = session.execute(
        select(SubjectRequest.id, SubjectRequest.kind, SubjectRequest.deadline)
        .where(
            SubjectRequest.customer_id == customer_id,
            SubjectRequest.status == RequestStatus.OPEN.value,
        )
        .order_by(SubjectRequest.deadline, SubjectRequest.id)
    ).all()
    return [(r.id, r.kind, r.deadline) for r in rows]
