"""A customer's orders, deliveries and returns as one line of events, newest first.

Each order becomes a group: the order itself and everything that happened to it (shipped,
delivered, a return requested, received, refunded, a step corrected), so a return always
sits under the order it returns. A corrected step stays in the list, marked corrected, at
the time it used to say, beside the correction that says what is right. Groups are
ordered by the order's time, newest first, which is also the key the service pages on;
events inside a group are newest first.

Filters (kind, date range, open items only, text on product or order number) are applied
here, in plain Python, so that the desk, the command line and the tests agree on what
"open" or "matches" means.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from kkdesk.domain.orders import Order, OrderStatus, OrderStep, Return, StepCorrection


class EventKind(StrEnum):
    """What happened. The order of the members is the order of a normal life cycle and
    breaks ties between events at the same instant."""

    ORDER_PLACED = "order_placed"
    SHIPPED = "shipped"
    DELIVERED = "delivered"
    RETURN_REQUESTED = "return_requested"
    RETURN_RECEIVED = "return_received"
    RETURN_REFUNDED = "return_refunded"
    CORRECTION = "correction"

    @property
    def is_return(self) -> bool:
        return self in _RETURN_KINDS

    @property
    def rank(self) -> int:
        return _RANK[self]


_RETURN_KINDS = frozenset(
    {EventKind.RETURN_REQUESTED, EventKind.RETURN_RECEIVED, EventKind.RETURN_REFUNDED}
)
_RANK = {kind: i for i, kind in enumerate(EventKind)}
_STEPS = {
    EventKind.DELIVERED: OrderStep.DELIVERED,
    EventKind.RETURN_RECEIVED: OrderStep.RETURN_RECEIVED,
    EventKind.RETURN_REFUNDED: OrderStep.RETURN_REFUNDED,
}
STEP_KINDS = {step: kind for kind, step in _STEPS.items()}


@dataclass(frozen=True)
class TimelineEvent:
    """One thing that happened to an order.

    ``amount_cents`` (VAT included) is the order's total for a placed order, the value
    of the returned items for a return requested or received, the amount refunded for a
    refund, and None for deliveries. ``awaiting`` is True on the newest
    event of an item that still waits for its next step (an order not yet delivered, a
    return not yet refunded).
    """

    kind: EventKind
    at: datetime
    order_number: str
    delivery_id: int | None = None
    return_number: str = ""
    amount_cents: int | None = None
    vat_cents: int | None = None
    awaiting: bool = False
    # A step a later correction replaced (shown struck through), or the correction itself:
    # the id of that correction.
    corrected: bool = False
    correction_id: int | None = None

    @property
    def sort_key(self) -> tuple[datetime, int, str, int, int]:
        return (
            self.at,
            self.kind.rank,
            self.return_number,
            self.delivery_id or 0,
            self.correction_id or 0,
        )

    @property
    def step(self) -> OrderStep | None:
        """The recorded step this event is, if a clerk may correct it."""
        return _STEPS.get(self.kind)


def order_is_open(order: Order) -> bool:
    """Not yet delivered and not cancelled."""
    return order.status in (OrderStatus.OPEN, OrderStatus.SHIPPED)


def return_is_open(ret: Return) -> bool:
    """Not yet refunded."""
    return ret.refunded_at is None


def return_value_cents(order: Order, ret: Return) -> int:
    """What the returned items cost the customer, VAT included: the refund to expect
    (``Return.refund_cents`` is what was actually refunded, zero until then)."""
    prices = {ln.id: ln.unit_price_cents for ln in order.lines}
    return sum(prices.get(rl.order_line_id, 0) * rl.quantity for rl in ret.lines)


def return_vat_cents(order: Order, ret: Return) -> int:
    """The VAT included in the returned items' value, line by line at each line's rate."""
    rates = {ln.id: ln.vat_rate_bp for ln in order.lines}
    prices = {ln.id: ln.unit_price_cents for ln in order.lines}
    total = 0
    for rl in ret.lines:
        rate = rates.get(rl.order_line_id, 0)
        gross = prices.get(rl.order_line_id, 0) * rl.quantity
        total += (gross * rate * 2 + (10000 + rate)) // (2 * (10000 + rate))
    return total


def events_of(order: Order) -> tuple[TimelineEvent, ...]:
    """Every event of one order, newest first."""
    events: list[TimelineEvent] = []
    order_open = order_is_open(order)
    shipped_any = any(d.shipped_at is not None for d in order.deliveries)
    events.append(
        TimelineEvent(
            EventKind.ORDER_PLACED,
            order.ordered_at,
            order.number,
            amount_cents=order.total_cents,
            vat_cents=order.vat_cents,
            awaiting=order_open and not shipped_any,
        )
    )
    for d in order.deliveries:
        if d.shipped_at is not None:
            events.append(
                TimelineEvent(
                    EventKind.SHIPPED,
                    d.shipped_at,
                    order.number,
                    delivery_id=d.id,
                    awaiting=order_open and d.delivered_at is None,
                )
            )
        if d.delivered_at is not None:
            events.append(
                TimelineEvent(EventKind.DELIVERED, d.delivered_at, order.number, delivery_id=d.id)
            )
    for r in order.returns:
        not_refunded = r.refunded_at is None
        events.append(
            _return_event(
                order,
                r,
                EventKind.RETURN_REQUESTED,
                r.requested_at,
                awaiting=r.received_at is None and not_refunded,
            )
        )
        if r.received_at is not None:
            events.append(
                _return_event(
                    order, r, EventKind.RETURN_RECEIVED, r.received_at, awaiting=not_refunded
                )
            )
        if r.refunded_at is not None:
            events.append(_return_event(order, r, EventKind.RETURN_REFUNDED, r.refunded_at))
    for c in order.corrections:
        events.extend(_correction_events(order, c))
    events.sort(key=lambda e: e.sort_key, reverse=True)
    return tuple(events)


def _return_event(
    order: Order, ret: Return, kind: EventKind, at: datetime, *, awaiting: bool = False
) -> TimelineEvent:
    return TimelineEvent(
        kind,
        at,
        order.number,
        return_number=ret.number,
        amount_cents=ret.refund_cents
        if kind is EventKind.RETURN_REFUNDED
        else return_value_cents(order, ret),
        vat_cents=return_vat_cents(order, ret),
        awaiting=awaiting,
    )


def _correction_events(order: Order, c: StepCorrection) -> list[TimelineEvent]:
    """The correction, and the step as it used to read (struck through in the desk)."""
    ret = next((r for r in order.returns if r.number == c.return_number), None)
    value = return_value_cents(order, ret) if ret is not None else None
    vat = return_vat_cents(order, ret) if ret is not None else None
    events = [
        TimelineEvent(
            EventKind.CORRECTION,
            c.recorded_at,
            order.number,
            delivery_id=c.delivery_id,
            return_number=c.return_number,
            amount_cents=c.new_cents if c.step is OrderStep.RETURN_REFUNDED else None,
            correction_id=c.id,
        )
    ]
    if c.old_at is not None:
        kind = STEP_KINDS[c.step]
        events.append(
            TimelineEvent(
                kind,
                c.old_at,
                order.number,
                delivery_id=c.delivery_id,
                return_number=c.return_number,
                amount_cents=c.old_cents if c.step is OrderStep.RETURN_REFUNDED else value,
                vat_cents=vat,
                corrected=True,
                correction_id=c.id,
            )
        )
    return events


def correction_of(order: Order, event: TimelineEvent) -> StepCorrection | None:
    """The correction an event is, or that replaced it."""
    if event.correction_id is None:
        return None
    return next((c for c in order.corrections if c.id == event.correction_id), None)


@dataclass(frozen=True)
class OrderGroup:
    """An order and the events shown under it (all of them, or those a filter kept)."""

    order: Order
    events: tuple[TimelineEvent, ...]

    @property
    def has_open_items(self) -> bool:
        return order_is_open(self.order) or any(return_is_open(r) for r in self.order.returns)

    def return_of(self, number: str) -> Return | None:
        return next((r for r in self.order.returns if r.number == number), None)


def group_of(order: Order) -> OrderGroup:
    return OrderGroup(order, events_of(order))


@dataclass(frozen=True)
class TimelineFilter:
    """What the user asked to see. The empty filter keeps everything.

    ``since`` and ``until`` are instants (aware datetimes; ``until`` exclusive): the desk
    turns the user's local dates into them. ``text`` matches, word by word and ignoring
    case, the order number, a return number, a product name or a product code.
    """

    kinds: frozenset[EventKind] = frozenset(EventKind)
    since: datetime | None = None
    until: datetime | None = None
    open_only: bool = False
    text: str = ""

    @property
    def is_empty(self) -> bool:
        return (
            self.kinds == frozenset(EventKind)
            and self.since is None
            and self.until is None
            and not self.open_only
            and not self.words
        )

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(self.text.casefold().split())

    def keeps_event(self, event: TimelineEvent) -> bool:
        if event.kind not in self.kinds:
            return False
        if self.since is not None and event.at < self.since:
            return False
        return not (self.until is not None and event.at >= self.until)

    def matches_text(self, order: Order) -> bool:
        words = self.words
        if not words:
            return True
        haystack = " ".join(
            [
                order.number,
                *(r.number for r in order.returns),
                *(ln.product_name for ln in order.lines),
                *(ln.product_code for ln in order.lines),
            ]
        ).casefold()
        return all(word in haystack for word in words)

    def apply(self, group: OrderGroup) -> OrderGroup | None:
        """The group with only the events this filter keeps, or None if nothing is left."""
        if self.open_only and not group.has_open_items:
            return None
        if not self.matches_text(group.order):
            return None
        events = tuple(e for e in group.events if self.keeps_event(e))
        if not events:
            return None
        return group if len(events) == len(group.events) else OrderGroup(group.order, events)


def build_timeline(
    orders: tuple[Order, ...] | list[Order], flt: TimelineFilter | None = None
) -> tuple[OrderGroup, ...]:
    """Groups for ``orders`` (already newest first, as the service gives them), filtered."""
    flt = flt or TimelineFilter()
    groups = (flt.apply(group_of(o)) for o in orders)
    return tuple(g for g in groups if g is not None)


@dataclass(frozen=True)
class TimelineCursor:
    """Where the next page starts: after this order in (time, id) descending order."""

    ordered_at: datetime
    order_id: int


@dataclass(frozen=True)
class TimelinePage:
    """One page of groups. ``next`` is None on the last page. A very selective filter
    may give a page with few or no groups and a ``next``: ask again from there.
    ``total_orders`` (on the first page only) is how many orders the customer has."""

    groups: tuple[OrderGroup, ...]
    next: TimelineCursor | None
    total_orders: int | None = None

    @property
    def event_count(self) -> int:
        return sum(len(g.events) for g in self.groups)
