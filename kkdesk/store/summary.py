"""Queries of the customer summary header: counts and deadlines of what is open.

Small aggregate queries on indexed customer ids (``ix_customer_order_customer_id_...``,
``subject_request.customer_id``), one round trip each, inside the caller's session; on
PostgreSQL the same as sub-selects of the header's one statement (:func:`overview_columns`).
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import aggregate_order_by
from sqlalchemy.orm import Session

from kkdesk.domain.orders import OrderStatus
from kkdesk.domain.subject_requests import RequestStatus
from kkdesk.store.models import Customer, Order, Return, SubjectRequest
from kkdesk.store.models import ProcessingRestriction as R

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


@lru_cache(maxsize=4)
def overview_columns(*, orders: bool, requests: bool) -> tuple[Any, ...]:
    """PostgreSQL: the header's counts and lists as labelled scalar sub-selects correlated
    with the customer, read in the same statement as its consents
    (:func:`kkdesk.store.consents.consent_view`): ``restricted_since`` always,
    ``open_orders`` and ``open_returns`` with ``orders``, ``open_requests`` (JSON) with
    ``requests`` — only the sections the level may read are asked for."""
    cols: list[Any] = [
        select(R.started_at)
        .where(R.customer_id == Customer.id, R.lifted_at.is_(None))
        .scalar_subquery()
        .label("restricted_since")
    ]
    if orders:
        cols.append(
            select(func.count())
            .select_from(Order)
            .where(Order.customer_id == Customer.id, Order.status.in_(OPEN_ORDER_STATUSES))
            .scalar_subquery()
            .label("open_orders")
        )
        cols.append(
            select(func.count())
            .select_from(Return)
            .join(Order, Return.order_id == Order.id)
            .where(Order.customer_id == Customer.id, Return.refunded_at.is_(None))
            .scalar_subquery()
            .label("open_returns")
        )
    if requests:
        cols.append(
            select(
                func.json_agg(
                    aggregate_order_by(
                        func.json_build_array(
                            SubjectRequest.id, SubjectRequest.kind, SubjectRequest.deadline
                        ),
                        SubjectRequest.deadline,
                        SubjectRequest.id,
                    )
                )
            )
            .where(
                SubjectRequest.customer_id == Customer.id,
                SubjectRequest.status == RequestStatus.OPEN.value,
            )
            .scalar_subquery()
            .label("open_requests")
        )
    return tuple(cols)
