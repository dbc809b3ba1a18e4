"""The queries of a retention run: who and what is past its retention period, in keyset
batches, and removing vouchers and archived letters.

The periods and the rules (what counts as the last contact, what keeps a customer) are in
:mod:`kkdesk.domain.retention` and :mod:`kkdesk.services.retention`; here each listing is
one query that reads through an index per customer (``NOT EXISTS`` on the child tables'
``customer_id`` indexes), taken ``limit`` rows after the last id seen, so a register of a
million customers is read in bounded memory.

A customer is due when nothing of theirs is newer than the last day due: their joining
day, orders, consent events (prohibitions, consents, restrictions received from them),
requests and changes of their data that came from them (the access letter's
:func:`kkdesk.reports.access_parts.last_activity` counts the same things); and nothing
holds them: no open request. A customer past the period whom something holds — an order still open
or shipped, a return not yet refunded, a restriction of processing in force (Art. 18) or a
legal hold (Art. 17(3)(e)) — is listed with the reasons (:func:`customers_past`), to be
skipped and reported, never erased (the reasons are
:func:`kkdesk.store.erasure_batch.blocker_columns`, the same the erasure checks).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import (
    ColumnElement,
    and_,
    case,
    delete,
    exists,
    func,
    not_,
    or_,
    select,
)
from sqlalchemy.orm import Session

from kkdesk.domain.enums import DataSource
from kkdesk.domain.orders import OrderStatus
from kkdesk.domain.subject_requests import RequestStatus
from kkdesk.store import erasure_batch
from kkdesk.store.models import (
    ConsentEvent,
    Customer,
    Order,
    PersonalDataChange,
    RequestLetter,
    Return,
    SubjectRequest,
)

OPEN_ORDER_STATUSES = (OrderStatus.OPEN.value, OrderStatus.SHIPPED.value)
CUSTOMER_SOURCES = tuple(s.value for s in DataSource if s.is_customer)


def start_of_day_after(day: date) -> datetime:
    """Timestamps are UTC: a thing dated ``day`` happened before this instant."""
    return datetime.combine(day + timedelta(days=1), time(0), tzinfo=UTC)


def _customer_past(last_due: date) -> ColumnElement[bool]:
    """Past the relationship period by its dates: nothing of the customer's is newer than
    ``last_due`` (whatever still holds them, :func:`_blocked`)."""
    after = start_of_day_after(last_due)
    c = Customer.id
    newer_order = exists().where(Order.customer_id == c, Order.ordered_at >= after)
    newer_consent = exists().where(ConsentEvent.customer_id == c,
                                   ConsentEvent.received_on > last_due)  # fmt: skip
    newer_or_open_request = exists().where(
        SubjectRequest.customer_id == c,
        or_(SubjectRequest.received_on > last_due,
            SubjectRequest.status == RequestStatus.OPEN.value),
    )  # fmt: skip
    newer_own_change = exists().where(
        PersonalDataChange.customer_id == c,
        PersonalDataChange.changed_at >= after,
        PersonalDataChange.source.in_(CUSTOMER_SOURCES),
    )
    return and_(
        Customer.erased_at.is_(None),
        Customer.customer_since <= last_due,
        not_(newer_order),
        not_(newer_consent),
        not_(newer_or_open_request),
        not_(newer_own_change),
    )


def _blocked() -> ColumnElement[bool]:
    """Something holds the customer (a legal hold, a restriction of processing, an open
    order or return): past the period, but skipped and reported, not erased."""
    return or_(*(expr for _, expr in erasure_batch.blocker_columns(Customer.id)))


def _customer_due(last_due: date) -> ColumnElement[bool]:
    return and_(_customer_past(last_due), not_(_blocked()))


def count_customers_due(session: Session, last_due: date) -> int:
    return int(session.scalar(select(func.count()).where(_customer_due(last_due))) or 0)


def count_customers_past(session: Session, last_due: date) -> tuple[int, int]:
    """(due, skipped): the customers past the relationship period that may be erased, and
    those past it that something holds — one pass over the register."""
    blocked = case((_blocked(), 1), else_=0)
    row = session.execute(
        select(func.count(), func.coalesce(func.sum(blocked), 0)).where(_customer_past(last_due))
    ).one()
    total, skipped = int(row[0] or 0), int(row[1] or 0)
    return total - skipped, skipped


def customers_due(
    session: Session, last_due: date, *, after_id: int = 0, limit: int = 1000
) -> list[tuple[int, str]]:
    """The next ``limit`` customers due (id and number), in id order after ``after_id``."""
    rows = session.execute(
        select(Customer.id, Customer.number)
        .where(Customer.id > after_id, _customer_due(last_due))
        .order_by(Customer.id)
        .limit(limit)
    ).all()
    return [(r.id, r.number) for r in rows]


def customers_past(
    session: Session, last_due: date, *, after_id: int = 0, limit: int = 1000
) -> list[tuple[int, str, tuple[str, ...]]]:
    """The next ``limit`` customers past the relationship period, in id order after
    ``after_id``: id, number and what holds them (empty: due for erasure; else the
    reasons of :mod:`kkdesk.store.erasure_batch`, in its order)."""
    columns = erasure_batch.blocker_columns(Customer.id)
    rows = session.execute(
        select(Customer.id, Customer.number, *(c.label(n) for n, c in columns))
        .where(Customer.id > after_id, _customer_past(last_due))
        .order_by(Customer.id)
        .limit(limit)
    ).all()
    return [(r.id, r.number, tuple(n for n, _ in columns if r._mapping[n])) for r in rows]


def _voucher_due(last_day: date) -> ColumnElement[bool]:
    # An order still open or with a return not yet refunded is unfinished business, not
    # a closed voucher: it stays whatever its age (the run reports none of them).
    unfinished_return = exists().where(Return.order_id == Order.id,
                                       Return.refunded_at.is_(None))  # fmt: skip
    return and_(
        Order.ordered_at < start_of_day_after(last_day),
        Order.status.not_in(OPEN_ORDER_STATUSES),
        not_(unfinished_return),
    )


def count_vouchers_due(session: Session, last_day: date) -> int:
    return int(session.scalar(select(func.count()).where(_voucher_due(last_day))) or 0)


def vouchers_due(
    session: Session, last_day: date, *, after_id: int = 0, limit: int = 1000
) -> list[tuple[int, str, datetime, str]]:
    """The next ``limit`` orders past their accounting period: id, order number, when
    ordered and the customer's number ("" once the customer was erased)."""
    rows = session.execute(
        select(Order.id, Order.number, Order.ordered_at, Customer.number)
        .outerjoin(Customer, Customer.id == Order.customer_id)
        .where(Order.id > after_id, _voucher_due(last_day))
        .order_by(Order.id)
        .limit(limit)
    ).all()
    return [(r[0], r[1], r[2], r[3] or "") for r in rows]


def delete_orders(session: Session, ids: Sequence[int]) -> int:
    """Remove orders with their lines, deliveries, returns and corrections (the foreign
    keys cascade)."""
    if not ids:
        return 0
    result = session.execute(delete(Order).where(Order.id.in_(list(ids))))
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


def count_letters_due(session: Session, last_day: date) -> int:
    return int(
        session.scalar(
            select(func.count()).where(RequestLetter.created_at < start_of_day_after(last_day))
        )
        or 0
    )


def letters_due(
    session: Session, last_day: date, *, after_id: int = 0, limit: int = 1000
) -> list[tuple[int, str, datetime, str]]:
    """The next ``limit`` archived letters past their period: id, kind, when made and the
    customer's number (the request's customer, else the letter's own; "" if none)."""
    via_request = (
        select(Customer.number)
        .join(SubjectRequest, SubjectRequest.customer_id == Customer.id)
        .where(SubjectRequest.id == RequestLetter.request_id)
        .scalar_subquery()
    )
    direct = (
        select(Customer.number).where(Customer.id == RequestLetter.customer_id).scalar_subquery()
    )
    rows = session.execute(
        select(
            RequestLetter.id,
            RequestLetter.kind,
            RequestLetter.created_at,
            func.coalesce(direct, via_request, ""),
        )
        .where(RequestLetter.id > after_id, RequestLetter.created_at < start_of_day_after(last_day))
        .order_by(RequestLetter.id)
        .limit(limit)
    ).all()
    return [(r[0], r[1], r[2], r[3] or "") for r in rows]


def delete_letters(session: Session, ids: Sequence[int]) -> int:
    """Remove archived letters (their sending records cascade)."""
    if not ids:
        return 0
    result = session.execute(delete(RequestLetter).where(RequestLetter.id.in_(list(ids))))
    return int(result.rowcount or 0)  # type: ignore[attr-defined]
