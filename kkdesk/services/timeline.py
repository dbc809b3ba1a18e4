"""A customer's order timeline, one page at a time.

A long-standing business customer can have thousands of orders; the desk shows the first
screen at once and fetches the rest as the user scrolls. Pages are keyset pages on the
order's time (``ix_customer_order_customer_id_ordered_at``): each page is an index range
scan of at most a batch of orders plus one IN query per child table, however far back
the user has scrolled (an OFFSET would grow with every page).

Filters are applied by :mod:`kkdesk.domain.timeline`; the parts that SQL can decide
exactly (an upper date bound, "open items only") also narrow the query so that a
selective filter does not load orders it would throw away.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, and_, exists, func, or_, select
from sqlalchemy.orm import Session

from kkdesk.domain.levels import Capability
from kkdesk.domain.orders import OrderStatus
from kkdesk.domain.timeline import (
    OrderGroup,
    TimelineCursor,
    TimelineFilter,
    TimelinePage,
    group_of,
)
from kkdesk.services.orders import customer_id_of, load_orders, utc
from kkdesk.services.session import DeskSession
from kkdesk.store import models as m

# Events per page: a screenful of rows several times over, so scrolling rarely waits.
PAGE_EVENTS = 200
# Orders examined per query; a filter that keeps little reads several batches.
BATCH_ORDERS = 100
# Orders examined per call at most: a filter that matches nothing in 10,000 orders still
# answers quickly, with a cursor to go on from.
MAX_SCAN_ORDERS = 2000


def _narrowing(flt: TimelineFilter) -> list[ColumnElement[bool]]:
    """Conditions that SQL can apply without changing the result of ``flt.apply``."""
    conds: list[ColumnElement[bool]] = []
    if flt.until is not None:
        # Every event of an order happens at or after the order is placed.
        conds.append(m.Order.ordered_at < utc(flt.until))
    if flt.open_only:
        unrefunded = exists().where(m.Return.order_id == m.Order.id, m.Return.refunded_at.is_(None))
        conds.append(
            or_(m.Order.status.in_([OrderStatus.OPEN.value, OrderStatus.SHIPPED.value]), unrefunded)
        )
    return conds


def _after(cursor: TimelineCursor) -> ColumnElement[bool]:
    at = utc(cursor.ordered_at)
    # Written out rather than as a row value so that both databases use the index range
    # on (customer_id, ordered_at) for the first condition.
    return and_(
        m.Order.ordered_at <= at,
        or_(m.Order.ordered_at < at, m.Order.id < cursor.order_id),
    )


def read_page(
    session: Session,
    customer_id: int,
    flt: TimelineFilter,
    after: TimelineCursor | None,
    *,
    page_events: int = PAGE_EVENTS,
    batch_orders: int = BATCH_ORDERS,
    max_scan: int = MAX_SCAN_ORDERS,
) -> tuple[tuple[OrderGroup, ...], TimelineCursor | None]:
    """The groups after ``after`` until ``page_events`` events are kept or ``max_scan``
    orders examined, and the cursor to continue from (None at the end)."""
    groups: list[OrderGroup] = []
    kept_events = 0
    scanned = 0
    cursor = after
    conds = [m.Order.customer_id == customer_id, *_narrowing(flt)]
    while True:
        query = select(m.Order.id, m.Order.ordered_at).where(*conds)
        if cursor is not None:
            query = query.where(_after(cursor))
        keys = session.execute(
            query.order_by(m.Order.ordered_at.desc(), m.Order.id.desc()).limit(batch_orders)
        ).all()
        orders = load_orders(session, [k.id for k in keys])
        for key in keys:
            scanned += 1
            cursor = TimelineCursor(utc(key.ordered_at), key.id)
            group = flt.apply(group_of(orders[key.id]))
            if group is not None:
                groups.append(group)
                kept_events += len(group.events)
            if kept_events >= page_events or scanned >= max_scan:
                # More may follow; an empty next page is the price of not counting ahead.
                return tuple(groups), cursor
        if len(keys) < batch_orders:
            return tuple(groups), None


def page(
    ds: DeskSession,
    number: str,
    flt: TimelineFilter | None = None,
    *,
    after: TimelineCursor | None = None,
    page_events: int = PAGE_EVENTS,
) -> TimelinePage:
    """A page of customer ``number``'s timeline, newest first. The first page (``after``
    None) also says how many orders the customer has in all."""
    ds.require(Capability.READ_ORDERS)
    flt = flt or TimelineFilter()
    with ds.db.read() as session:
        customer_id = customer_id_of(session, number)
        groups, next_cursor = read_page(session, customer_id, flt, after, page_events=page_events)
        total = None
        if after is None:
            total = session.scalar(
                select(func.count()).select_from(m.Order).where(m.Order.customer_id == customer_id)
            )
        return TimelinePage(groups, next_cursor, total)


def timeline(
    ds: DeskSession, number: str, flt: TimelineFilter | None = None
) -> tuple[OrderGroup, ...]:
    """The whole filtered timeline (the command line's; the desk pages instead)."""
    out: list[OrderGroup] = []
    cursor: TimelineCursor | None = None
    while True:
        result = page(ds, number, flt, after=cursor)
        out.extend(result.groups)
        if result.next is None:
            return tuple(out)
        cursor = result.next
