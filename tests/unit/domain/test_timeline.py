"""Events of an order history: which, in what order, under which order; the filters."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from kkdesk.domain.orders import Delivery, Order, OrderLine, OrderStatus, Return, ReturnLine
from kkdesk.domain.timeline import (
    EventKind,
    TimelineFilter,
    build_timeline,
    events_of,
    return_value_cents,
    return_vat_cents,
)

T0 = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)
K = EventKind


def day(n: int) -> datetime:
    return T0 + timedelta(days=n)


def line(id: int, name: str, qty: int = 1, price: int = 10000) -> OrderLine:
    return OrderLine(id, id, f"P-{id}", name, qty, price, 2550)


def delivery(shipped: datetime | None, delivered: datetime | None = None) -> Delivery:
    return Delivery(1, shipped, delivered, "Posti", "JJFI1", "Aino", "Katu 1", "40100", "X", "FI")


def order(
    number: str,
    at: datetime,
    *,
    status: OrderStatus = OrderStatus.DELIVERED,
    lines: tuple[OrderLine, ...] = (),
    deliveries: tuple[Delivery, ...] = (),
    returns: tuple[Return, ...] = (),
) -> Order:
    lines = lines or (line(1, "Ketjusaha"),)
    total = sum(ln.total_cents for ln in lines)
    return Order(1, number, at, status, total, lines, deliveries, returns)


def ret(
    number: str,
    requested: datetime,
    received: datetime | None = None,
    refunded: datetime | None = None,
    lines: tuple[ReturnLine, ...] = (ReturnLine(1, 1),),
    refund: int = 0,
) -> Return:
    return Return(1, number, requested, received, refunded, "Broken", refund, lines)


def full_order() -> Order:
    return order(
        "W-1",
        day(0),
        lines=(line(1, "Ketjusaha", 1, 39900), line(2, "Teräketju", 2, 2490)),
        deliveries=(delivery(day(1), day(3)),),
        returns=(ret("R-1", day(5), day(8), day(10), (ReturnLine(2, 1),), refund=2490),),
    )


def test_every_step_of_an_order_is_an_event_newest_first() -> None:
    events = events_of(full_order())
    assert [e.kind for e in events] == [
        K.RETURN_REFUNDED,
        K.RETURN_RECEIVED,
        K.RETURN_REQUESTED,
        K.DELIVERED,
        K.SHIPPED,
        K.ORDER_PLACED,
    ]
    assert [e.at for e in events] == [day(10), day(8), day(5), day(3), day(1), day(0)]
    assert {e.order_number for e in events} == {"W-1"}
    assert all(e.return_number == "R-1" for e in events if e.kind.is_return)


def test_amounts_are_the_order_total_the_returned_value_and_the_refund() -> None:
    o = full_order()
    by_kind = {e.kind: e for e in events_of(o)}
    assert by_kind[K.ORDER_PLACED].amount_cents == 39900 + 2 * 2490
    assert by_kind[K.ORDER_PLACED].vat_cents == o.vat_cents
    assert by_kind[K.RETURN_REQUESTED].amount_cents == 2490
    assert by_kind[K.RETURN_REFUNDED].amount_cents == 2490
    assert by_kind[K.SHIPPED].amount_cents is None
    # 24.90 € including 25.5 % VAT holds 5.06 € of VAT.
    assert return_vat_cents(o, o.returns[0]) == 506
    assert return_value_cents(o, o.returns[0]) == 2490


def test_events_at_the_same_instant_keep_the_life_cycle_order() -> None:
    o = order("W-1", day(0), deliveries=(delivery(day(0), day(0)),))
    assert [e.kind for e in events_of(o)] == [K.DELIVERED, K.SHIPPED, K.ORDER_PLACED]


def test_the_newest_step_of_an_unfinished_item_awaits_the_next() -> None:
    placed = order("W-3", day(30), status=OrderStatus.OPEN)
    assert [e.awaiting for e in events_of(placed)] == [True]
    on_the_way = order("W-2", day(20), status=OrderStatus.SHIPPED, deliveries=(delivery(day(21)),))
    assert [(e.kind, e.awaiting) for e in events_of(on_the_way)] == [
        (K.SHIPPED, True),
        (K.ORDER_PLACED, False),
    ]
    received = order(
        "W-1", day(0), deliveries=(delivery(day(1), day(2)),), returns=(ret("R", day(3), day(4)),)
    )
    assert [(e.kind, e.awaiting) for e in events_of(received) if e.awaiting] == [
        (K.RETURN_RECEIVED, True)
    ]
    assert not any(e.awaiting for e in events_of(full_order()))


def history() -> list[Order]:
    """Newest first, as the service gives them."""
    return [
        order("W-3", day(30), status=OrderStatus.OPEN, lines=(line(1, "Ruohonleikkuri"),)),
        order(
            "W-2",
            day(20),
            status=OrderStatus.SHIPPED,
            lines=(line(1, "Siimaleikkuri"),),
            deliveries=(delivery(day(21)),),
        ),
        full_order(),
    ]


def test_groups_keep_the_order_of_the_orders_and_returns_sit_under_theirs() -> None:
    groups = build_timeline(history())
    assert [g.order.number for g in groups] == ["W-3", "W-2", "W-1"]
    returns = [(g.order.number, e.return_number) for g in groups for e in g.events]
    assert ("W-1", "R-1") in returns
    assert all(num == "W-1" for num, r in returns if r)


def test_the_kind_filter_keeps_only_those_events_and_drops_empty_groups() -> None:
    groups = build_timeline(history(), TimelineFilter(kinds=frozenset({K.RETURN_REFUNDED})))
    assert [(g.order.number, [e.kind for e in g.events]) for g in groups] == [
        ("W-1", [K.RETURN_REFUNDED])
    ]
    shipped = build_timeline(history(), TimelineFilter(kinds=frozenset({K.SHIPPED})))
    assert [g.order.number for g in shipped] == ["W-2", "W-1"]


def test_the_date_range_is_on_the_event_and_until_is_exclusive() -> None:
    flt = TimelineFilter(since=day(3), until=day(10))
    groups = build_timeline(history(), flt)
    assert [(g.order.number, [e.at for e in g.events]) for g in groups] == [
        ("W-1", [day(8), day(5), day(3)])
    ]
    assert build_timeline(history(), TimelineFilter(since=day(40))) == ()


def test_open_items_are_undelivered_orders_and_unrefunded_returns() -> None:
    groups = build_timeline(history(), TimelineFilter(open_only=True))
    assert [g.order.number for g in groups] == ["W-3", "W-2"]
    waiting = order(
        "W-9", day(0), deliveries=(delivery(day(1), day(2)),), returns=(ret("R-9", day(3)),)
    )
    assert [g.order.number for g in build_timeline([waiting], TimelineFilter(open_only=True))] == [
        "W-9"
    ]
    cancelled = order("W-8", day(0), status=OrderStatus.CANCELLED)
    assert build_timeline([cancelled], TimelineFilter(open_only=True)) == ()


def test_text_matches_product_names_codes_and_order_and_return_numbers_ignoring_case() -> None:
    def numbers(text: str) -> list[str]:
        return [g.order.number for g in build_timeline(history(), TimelineFilter(text=text))]

    assert numbers("TERÄKETJU") == ["W-1"]
    assert numbers("leikkuri") == ["W-3", "W-2"]
    assert numbers("w-2") == ["W-2"]
    assert numbers("r-1") == ["W-1"]
    assert numbers("P-1 siima") == ["W-2"]
    assert numbers("moottorisaha") == []


def test_a_group_the_filter_keeps_whole_is_the_same_group() -> None:
    groups = build_timeline(history())
    assert all(len(g.events) == len(events_of(g.order)) for g in groups)
    assert TimelineFilter().is_empty
    assert not TimelineFilter(text=" x ").is_empty
    assert TimelineFilter(text="   ").is_empty
