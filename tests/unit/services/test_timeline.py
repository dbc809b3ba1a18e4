"""Timeline pages on a real migrated SQLite register: complete, in order, never repeating."""

from __future__ import annotations

from datetime import timedelta

import pytest

from kkdesk.domain.levels import Level
from kkdesk.domain.timeline import EventKind, TimelineFilter, build_timeline
from kkdesk.errors import NotFound, PermissionDenied
from kkdesk.services import orders, timeline
from kkdesk.services.session import DeskSession
from kkdesk.store import models as m
from tests.orders_factory import (
    LineSpec,
    OrderSpec,
    ReturnSpec,
    add_customer,
    add_orders,
    day,
    standard_history,
)


def many_orders(ds: DeskSession, n: int) -> str:
    """``n`` orders, some sharing the same instant (the keyset must still be exact)."""
    number = add_customer(ds, "Laaksonen")
    specs = []
    for i in range(n):
        at = day(i // 3)  # three orders per instant
        specs.append(
            OrderSpec(
                f"M-{i:04d}",
                at,
                [LineSpec("Lehtipuhallin" if i % 10 == 0 else "Harava", 1, 1990)],
                shipped_at=at + timedelta(hours=5) if i % 2 == 0 else None,
                delivered_at=at + timedelta(hours=30) if i % 4 == 0 else None,
                returns=[ReturnSpec(at + timedelta(days=2), {1: 1})] if i % 8 == 0 else [],
            )
        )
    add_orders(ds, number, specs)
    return number


def all_groups(ds: DeskSession, number: str, flt: TimelineFilter, page_events: int) -> list[str]:
    seen: list[str] = []
    page = timeline.page(ds, number, flt, page_events=page_events)
    assert page.total_orders is not None
    while True:
        seen.extend(g.order.number for g in page.groups)
        if page.next is None:
            return seen
        page = timeline.page(ds, number, flt, after=page.next, page_events=page_events)
        assert page.total_orders is None


def test_the_first_page_is_the_newest_orders_and_says_how_many_there_are(
    ds: DeskSession,
) -> None:
    number = standard_history(ds)
    page = timeline.page(ds, number)
    assert page.total_orders == 3
    assert page.next is None
    assert [g.order.number for g in page.groups] == ["W-3", "W-2", "W-1"]
    assert [e.kind for e in page.groups[2].events][:3] == [
        EventKind.RETURN_REFUNDED,
        EventKind.RETURN_RECEIVED,
        EventKind.RETURN_REQUESTED,
    ]


@pytest.mark.parametrize("page_events", [1, 7, 50, 10_000])
def test_pages_cover_every_order_once_in_order_whatever_the_page_size(
    ds: DeskSession, page_events: int
) -> None:
    number = many_orders(ds, 120)
    expected = [o.number for o in orders.orders_of(ds, number)]
    assert len(expected) == 120
    assert all_groups(ds, number, TimelineFilter(), page_events) == expected


@pytest.mark.parametrize(
    "flt",
    [
        TimelineFilter(open_only=True),
        TimelineFilter(text="lehtipuhallin"),
        TimelineFilter(kinds=frozenset({EventKind.RETURN_REQUESTED})),
        TimelineFilter(until=day(20)),
        TimelineFilter(since=day(30), until=day(35), open_only=True),
    ],
)
def test_paged_filtered_timeline_equals_the_domain_filter_of_every_order(
    ds: DeskSession, flt: TimelineFilter
) -> None:
    number = many_orders(ds, 120)
    expected = [g.order.number for g in build_timeline(orders.orders_of(ds, number), flt)]
    assert expected  # each filter keeps something
    assert all_groups(ds, number, flt, 5) == expected
    assert [g.order.number for g in timeline.timeline(ds, number, flt)] == expected


def test_a_filter_that_matches_nothing_ends_with_no_groups(ds: DeskSession) -> None:
    number = many_orders(ds, 30)
    assert all_groups(ds, number, TimelineFilter(text="moottorisaha"), 5) == []


def test_a_very_selective_filter_answers_in_bounded_steps(ds: DeskSession) -> None:
    number = many_orders(ds, 60)
    with ds.db.read() as session:
        cid = orders.customer_id_of(session, number)
        groups, cursor = timeline.read_page(
            session, cid, TimelineFilter(text="nothing"), None, batch_orders=10, max_scan=25
        )
    assert groups == ()
    assert cursor is not None  # go on from here


def test_a_return_recorded_now_is_on_top_of_its_order(ds: DeskSession) -> None:
    number = standard_history(ds)
    _, w1 = orders.get_order(ds, "W-1")
    made = orders.record_return(ds, "W-1", {w1.lines[0].id: 1}, reason="")
    page = timeline.page(ds, number)
    w1_group = next(g for g in page.groups if g.order.number == "W-1")
    top = w1_group.events[0]
    assert (top.kind, top.return_number, top.awaiting) == (
        EventKind.RETURN_REQUESTED,
        made.number,
        True,
    )


def test_orders_of_other_customers_never_show(ds: DeskSession) -> None:
    number = standard_history(ds)
    other = add_customer(ds, "Nieminen")
    add_orders(ds, other, [OrderSpec("X-1", day(50))])
    assert [g.order.number for g in timeline.timeline(ds, number)] == ["W-3", "W-2", "W-1"]
    assert [g.order.number for g in timeline.timeline(ds, other)] == ["X-1"]


def test_an_erased_customers_orders_are_not_anyones(ds: DeskSession) -> None:
    number = standard_history(ds)
    with ds.db.session() as s:
        for row in s.query(m.Order):
            row.customer_id = None
    assert timeline.timeline(ds, number) == ()
    assert orders.get_order(ds, "W-1")[0] == ""


def test_unknown_customers_and_levels_without_orders_are_refused(ds: DeskSession) -> None:
    with pytest.raises(NotFound):
        timeline.page(ds, "9999999")
    number = standard_history(ds)
    with pytest.raises(PermissionDenied):
        timeline.page(DeskSession(ds.db, Level.MARKETING), number)
