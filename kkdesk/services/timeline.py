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

from kkdesk.domain.levels import Capability
from kkdesk.domain.timeline import (
    OrderGroup,
    TimelineCursor,
    TimelineFilter,
    TimelinePage,
    group_of,
)
from kkdesk.services.orders import customer_id_of, load_orders, utc
from kkdesk.services.session import DeskSession
from kkdesk.store import timeline as store
from kkdesk.store.unit_of_work import Session

# Events per page: a screenful of rows several times over, so scrolling rarely waits.
PAGE_EVENTS = 200
# Orders examined per query; a filter that keeps little reads several batches.
BATCH_ORDERS = 100
# Orders examined per call at most: a filter that matches nothing in 10,000 orders still
# answers quickly, with a cursor to go on from.
MAX_SCAN_ORDERS = 2000


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
    # The parts of the filter SQL can decide exactly (an upper date bound, "open items
    # only") narrow the scan, so that a selective filter does not load orders it would
    # throw away; flt.apply still decides.
    until = utc(flt.until) if flt.until is not None else None
    while True:
        keys = store.order_keys(
            session,
            customer_id,
            until=until,
            open_only=flt.open_only,
            after=None if cursor is None else (utc(cursor.ordered_at), cursor.order_id),
            limit=batch_orders,
        )
        orders = load_orders(session, [order_id for order_id, _ in keys])
        for order_id, ordered_at in keys:
            scanned += 1
            cursor = TimelineCursor(utc(ordered_at), order_id)
            group = flt.apply(group_of(orders[order_id]))
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
            total = store.order_count(session, customer_id)
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
