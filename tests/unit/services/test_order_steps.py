"""Deliveries with a date, returns received and refunded, and corrections of a wrongly
recorded step, on a real migrated SQLite register."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from kkdesk.domain.enums import AuditAction
from kkdesk.domain.levels import Level
from kkdesk.domain.orders import OrderStatus, OrderStep, local_day
from kkdesk.domain.timeline import EventKind, events_of
from kkdesk.errors import PermissionDenied, RuleViolation
from kkdesk.services import orders
from kkdesk.services.session import DeskSession
from kkdesk.store import models as m
from tests.orders_factory import LineSpec, OrderSpec, ReturnSpec, add_customer, add_orders, day


@pytest.fixture
def clerk(ds: DeskSession) -> Iterator[DeskSession]:
    yield DeskSession(ds.db, Level.CLERK)


@pytest.fixture
def number(clerk: DeskSession) -> str:
    """W-1 shipped on day 1, on its way; W-2 delivered day 3 with a return requested day 5."""
    customer = add_customer(clerk)
    add_orders(
        clerk,
        customer,
        [
            OrderSpec("W-1", day(0), shipped_at=day(1)),
            OrderSpec(
                "W-2",
                day(0),
                lines=[LineSpec("Teräketju", 2, 2490, "TK-2")],
                shipped_at=day(1),
                delivered_at=day(3),
                returns=[ReturnSpec(day(5), {1: 2})],
            ),
        ],
    )
    return customer


def audit_details(ds: DeskSession, action: AuditAction) -> list[str]:
    with ds.db.read() as s:
        return list(
            s.scalars(select(m.AuditEvent.detail).where(m.AuditEvent.action == action.value))
        )


def corrections(ds: DeskSession) -> int:
    with ds.db.read() as s:
        return s.scalar(select(func.count()).select_from(m.OrderCorrection)) or 0


def test_a_delivery_is_recorded_on_the_day_given(clerk: DeskSession, number: str) -> None:
    on = local_day(day(2))
    got = orders.mark_delivered(clerk, "W-1", day=on)
    assert got.status is OrderStatus.DELIVERED
    assert local_day(got.deliveries[0].delivered_at or day(0)) == on
    assert audit_details(clerk, AuditAction.DELIVERY)[-1].endswith("marked delivered")


@pytest.mark.parametrize(
    ("when", "code"),
    [
        (date.today() + timedelta(days=2), "step_date_future"),
        (local_day(day(1)) - timedelta(days=1), "delivery_before_shipping"),
    ],
)
def test_a_delivery_date_in_the_future_or_before_shipping_changes_nothing(
    clerk: DeskSession, number: str, when: date, code: str
) -> None:
    with pytest.raises(RuleViolation) as exc:
        orders.mark_delivered(clerk, "W-1", day=when)
    assert exc.value.code == code
    assert orders.get_order(clerk, "W-1")[1].deliveries[0].delivered_at is None


def test_a_return_is_received_then_refunded_at_most_what_was_paid(
    clerk: DeskSession, number: str
) -> None:
    ret = orders.get_order(clerk, "W-2")[1].returns[0]
    got = orders.mark_return_received(clerk, "W-2", ret.number, day=local_day(day(7)))
    assert local_day(got.returns[0].received_at or day(0)) == local_day(day(7))
    with pytest.raises(RuleViolation) as exc:
        orders.mark_refunded(clerk, "W-2", ret.number, day=local_day(day(8)), cents=4981)
    assert exc.value.code == "refund_too_much"
    assert exc.value.params["allowed"] == 4980
    got = orders.mark_refunded(clerk, "W-2", ret.number, day=local_day(day(8)), cents=4980)
    assert got.returns[0].refund_cents == 4980
    assert local_day(got.returns[0].refunded_at or day(0)) == local_day(day(8))
    details = audit_details(clerk, AuditAction.RETURN)
    assert details[-2:] == [
        f"order W-2: return {ret.number} received",
        f"order W-2: return {ret.number} refunded",
    ]


def test_a_correction_keeps_the_old_value_and_is_audited(clerk: DeskSession, number: str) -> None:
    before = orders.get_order(clerk, "W-2")[1]
    old = before.deliveries[0].delivered_at
    got = orders.correct_step(
        clerk,
        "W-2",
        OrderStep.DELIVERED,
        delivery_id=before.deliveries[0].id,
        day=local_day(day(4)),
        reason="The carrier's receipt says the 5th",
    )
    assert local_day(got.deliveries[0].delivered_at or day(0)) == local_day(day(4))
    (c,) = got.corrections
    assert (c.step, c.old_at, c.reason) == (
        OrderStep.DELIVERED,
        old,
        "The carrier's receipt says the 5th",
    )
    assert c.recorded_by == clerk.user
    kinds = {(e.kind, e.corrected) for e in events_of(got)}
    assert (EventKind.DELIVERED, True) in kinds and (EventKind.CORRECTION, False) in kinds
    assert audit_details(clerk, AuditAction.DELIVERY)[-1] == (
        f"order W-2: correction {c.id} of delivered (delivery {before.deliveries[0].id})"
    )


def test_timeline_pages_carry_the_corrections(clerk: DeskSession, number: str) -> None:
    ret = orders.get_order(clerk, "W-2")[1].returns[0]
    orders.mark_return_received(clerk, "W-2", ret.number, day=local_day(day(7)))
    orders.correct_step(
        clerk, "W-2", OrderStep.RETURN_RECEIVED, return_number=ret.number, day=None,
        reason="Received by mistake: that parcel was another customer's",
    )  # fmt: skip
    with clerk.db.read() as s:
        order_id = s.scalar(select(m.Order.id).where(m.Order.number == "W-2"))
        (paged,) = orders.load_orders(s, [order_id]).values()
    assert paged.returns[0].received_at is None
    assert [c.return_number for c in paged.corrections] == [ret.number]
    assert paged.corrections == orders.get_order(clerk, "W-2")[1].corrections


def test_refused_corrections_change_nothing(clerk: DeskSession, number: str) -> None:
    w2 = orders.get_order(clerk, "W-2")[1]
    with pytest.raises(RuleViolation) as exc:
        orders.correct_step(
            clerk, "W-2", OrderStep.DELIVERED, delivery_id=w2.deliveries[0].id, day=None,
            reason="did not arrive",
        )  # fmt: skip
    assert exc.value.code == "correction_has_returns"
    with pytest.raises(RuleViolation) as exc:
        orders.correct_step(
            clerk, "W-2", OrderStep.DELIVERED, delivery_id=w2.deliveries[0].id,
            day=local_day(day(4)), reason=" ",
        )  # fmt: skip
    assert exc.value.code == "correction_reason_missing"
    assert corrections(clerk) == 0
    assert orders.get_order(clerk, "W-2")[1] == w2


def test_undoing_a_delivery_puts_the_order_back_on_its_way(clerk: DeskSession, number: str) -> None:
    orders.mark_delivered(clerk, "W-1", day=local_day(day(2)))
    w1 = orders.get_order(clerk, "W-1")[1]
    got = orders.correct_step(
        clerk, "W-1", OrderStep.DELIVERED, delivery_id=w1.deliveries[0].id, day=None,
        reason="Marked on the wrong order",
    )  # fmt: skip
    assert got.status is OrderStatus.SHIPPED
    assert got.deliveries[0].delivered_at is None


def test_a_viewer_may_not_record_steps(ds: DeskSession, number: str) -> None:
    viewer = DeskSession(ds.db, Level.VIEWER)
    with pytest.raises(PermissionDenied):
        orders.mark_return_received(viewer, "W-2", "x", day=date.today())
    with pytest.raises(PermissionDenied):
        orders.correct_step(viewer, "W-2", OrderStep.DELIVERED, delivery_id=1, day=None, reason="x")
