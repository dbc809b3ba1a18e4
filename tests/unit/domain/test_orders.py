"""The rules of recording and correcting order steps, without Qt or a database."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from kkdesk.domain.orders import (
    Delivery,
    Order,
    OrderLine,
    OrderStatus,
    OrderStep,
    Return,
    ReturnLine,
    StepCorrection,
    check_correction,
    check_delivery_day,
    check_reason,
    check_refund,
    check_return_received,
    local_day,
    step_instant,
    step_target,
)
from kkdesk.domain.timeline import EventKind, correction_of, events_of
from kkdesk.errors import RuleViolation

ORDERED = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
SHIPPED = datetime(2026, 3, 4, 15, 0, tzinfo=UTC)
TODAY = date(2026, 3, 20)


def delivery(delivered: datetime | None = None) -> Delivery:
    return Delivery(1, SHIPPED, delivered, "Posti", "JJ1", "A V", "K 1", "40100", "JKL", "FI")


def ret(
    received: datetime | None = None, refunded: datetime | None = None, cents: int = 0
) -> Return:
    requested = datetime(2026, 3, 10, 10, 0, tzinfo=UTC)
    return Return(7, "R1", requested, received, refunded, "", cents, (ReturnLine(11, 2),))


def order(*returns: Return, delivered: datetime | None = None) -> Order:
    return Order(
        id=1,
        number="W-1",
        ordered_at=ORDERED,
        status=OrderStatus.DELIVERED if delivered else OrderStatus.SHIPPED,
        total_cents=3 * 2490,
        lines=(OrderLine(11, 1, "P-1", "Teräketju", 3, 2490, 2550),),
        deliveries=(delivery(delivered),),
        returns=returns,
    )


def code(exc: pytest.ExceptionInfo[RuleViolation]) -> str:
    return exc.value.code


def test_a_delivery_day_is_today_at_the_latest_and_not_before_shipping_or_ordering() -> None:
    o = order()
    check_delivery_day(o, o.deliveries[0], TODAY, TODAY)
    check_delivery_day(o, o.deliveries[0], local_day(SHIPPED), TODAY)
    with pytest.raises(RuleViolation) as exc:
        check_delivery_day(o, o.deliveries[0], TODAY + timedelta(days=1), TODAY)
    assert code(exc) == "step_date_future"
    with pytest.raises(RuleViolation) as exc:
        check_delivery_day(o, o.deliveries[0], local_day(SHIPPED) - timedelta(days=1), TODAY)
    assert code(exc) == "delivery_before_shipping"
    with pytest.raises(RuleViolation) as exc:
        check_delivery_day(o, o.deliveries[0], local_day(ORDERED) - timedelta(days=1), TODAY)
    assert code(exc) == "delivery_before_order"


def test_step_instant_is_now_today_noon_before_and_never_before_its_floor() -> None:
    now = datetime(2026, 3, 20, 13, 30, tzinfo=UTC)
    assert step_instant(local_day(now), now=now) == now
    earlier = step_instant(date(2026, 3, 10), now=now)
    assert local_day(earlier) == date(2026, 3, 10)
    assert earlier.astimezone().hour == 12
    late_floor = (
        datetime.combine(date(2026, 3, 10), datetime.min.time()).astimezone().replace(hour=20)
    )
    assert step_instant(date(2026, 3, 10), now=now, floor=late_floor) == late_floor


def test_a_return_is_received_once_and_not_before_it_was_asked_for() -> None:
    check_return_received(ret(), TODAY, TODAY)
    with pytest.raises(RuleViolation) as exc:
        check_return_received(ret(), date(2026, 3, 9), TODAY)
    assert code(exc) == "return_received_before_request"
    with pytest.raises(RuleViolation) as exc:
        check_return_received(ret(), TODAY + timedelta(days=1), TODAY)
    assert code(exc) == "step_date_future"
    with pytest.raises(RuleViolation) as exc:
        check_return_received(ret(received=SHIPPED), TODAY, TODAY)
    assert code(exc) == "return_already_received"


def test_a_refund_is_at_most_what_was_paid_for_the_returned_items() -> None:
    r = ret(received=datetime(2026, 3, 12, 10, tzinfo=UTC))
    o = order(r, delivered=SHIPPED)
    check_refund(o, r, TODAY, TODAY, 2 * 2490)
    with pytest.raises(RuleViolation) as exc:
        check_refund(o, r, TODAY, TODAY, 2 * 2490 + 1)
    assert code(exc) == "refund_too_much"
    assert exc.value.params["allowed"] == 2 * 2490
    with pytest.raises(RuleViolation) as exc:
        check_refund(o, r, TODAY, TODAY, 0)
    assert code(exc) == "refund_not_positive"
    with pytest.raises(RuleViolation) as exc:
        check_refund(o, r, date(2026, 3, 11), TODAY, 100)
    assert code(exc) == "refund_before_receipt"
    done = ret(refunded=datetime(2026, 3, 12, tzinfo=UTC), cents=100)
    with pytest.raises(RuleViolation) as exc:
        check_refund(order(done), done, TODAY, TODAY, 100)
    assert code(exc) == "return_already_refunded"


def test_a_correction_needs_a_reason_and_a_recorded_step_and_must_change_something() -> None:
    with pytest.raises(RuleViolation) as exc:
        check_reason("   ")
    assert code(exc) == "correction_reason_missing"
    with pytest.raises(RuleViolation) as exc:
        check_reason("x" * 501)
    assert code(exc) == "reason_too_long"
    assert check_reason("  wrong day ") == "wrong day"

    with pytest.raises(RuleViolation) as exc:
        step_target(order(), OrderStep.DELIVERED, delivery_id=1)
    assert code(exc) == "correction_not_recorded"
    with pytest.raises(RuleViolation) as exc:
        step_target(order(), OrderStep.RETURN_RECEIVED, return_number="nope")
    assert code(exc) == "correction_no_step"

    delivered = datetime(2026, 3, 6, 12, tzinfo=UTC)
    o = order(delivered=delivered)
    target = step_target(o, OrderStep.DELIVERED, delivery_id=1)
    with pytest.raises(RuleViolation) as exc:
        check_correction(o, target, local_day(delivered), None, TODAY)
    assert code(exc) == "correction_no_change"
    check_correction(o, target, local_day(delivered) + timedelta(days=1), None, TODAY)
    check_correction(o, target, None, None, TODAY)  # it did not happen
    with pytest.raises(RuleViolation) as exc:
        check_correction(o, target, local_day(SHIPPED) - timedelta(days=1), None, TODAY)
    assert code(exc) == "delivery_before_shipping"


def test_a_delivery_with_returns_and_a_refunded_receipt_cannot_be_undone() -> None:
    delivered = datetime(2026, 3, 6, 12, tzinfo=UTC)
    r = ret(received=datetime(2026, 3, 12, tzinfo=UTC), refunded=datetime(2026, 3, 13, tzinfo=UTC))
    o = order(r, delivered=delivered)
    with pytest.raises(RuleViolation) as exc:
        check_correction(o, step_target(o, OrderStep.DELIVERED, delivery_id=1), None, None, TODAY)
    assert code(exc) == "correction_has_returns"
    received = step_target(o, OrderStep.RETURN_RECEIVED, return_number="R1")
    with pytest.raises(RuleViolation) as exc:
        check_correction(o, received, None, None, TODAY)
    assert code(exc) == "correction_refunded"
    refunded = step_target(o, OrderStep.RETURN_REFUNDED, return_number="R1")
    with pytest.raises(RuleViolation) as exc:
        check_correction(o, refunded, date(2026, 3, 13), 99999, TODAY)
    assert code(exc) == "refund_too_much"
    check_correction(o, refunded, date(2026, 3, 13), 2490, TODAY)


def test_the_timeline_keeps_a_corrected_step_beside_its_correction() -> None:
    old = datetime(2026, 3, 6, 12, tzinfo=UTC)
    new = datetime(2026, 3, 7, 12, tzinfo=UTC)
    fixed = StepCorrection(
        5, OrderStep.DELIVERED, 1, "", old, new, None, None, "wrong day", "clerk",
        datetime(2026, 3, 8, 9, tzinfo=UTC),
    )  # fmt: skip
    base = order(delivered=new)
    o = Order(**{**base.__dict__, "corrections": (fixed,)})
    events = events_of(o)
    kinds = [(e.kind, e.at, e.corrected) for e in events]
    assert (EventKind.CORRECTION, fixed.recorded_at, False) in kinds
    assert (EventKind.DELIVERED, new, False) in kinds
    assert (EventKind.DELIVERED, old, True) in kinds
    struck = next(e for e in events if e.corrected)
    assert correction_of(o, struck) == fixed
    assert struck.step is None or struck.step is OrderStep.DELIVERED


def test_a_correction_keeps_the_steps_in_order() -> None:
    delivered = datetime(2026, 3, 6, 12, tzinfo=UTC)
    r = ret(received=datetime(2026, 3, 12, tzinfo=UTC), refunded=datetime(2026, 3, 13, tzinfo=UTC))
    o = order(r, delivered=delivered)
    target = step_target(o, OrderStep.DELIVERED, delivery_id=1)
    with pytest.raises(RuleViolation) as exc:  # after the return was requested (10 March)
        check_correction(o, target, date(2026, 3, 11), None, TODAY)
    assert code(exc) == "delivery_after_return"
    received = step_target(o, OrderStep.RETURN_RECEIVED, return_number="R1")
    with pytest.raises(RuleViolation) as exc:  # after the refund (13 March)
        check_correction(o, received, date(2026, 3, 14), None, TODAY)
    assert code(exc) == "refund_before_receipt"
    check_correction(o, received, date(2026, 3, 11), None, TODAY)
