"""Orders, deliveries and returns as plain data (register description, section 5.2).

Amounts are integer cents including VAT; VAT rates are basis points (2550 = 25.5 %).

The steps a clerk records (a delivery arrived, a return came back, a refund was paid) and
the corrections of a wrongly recorded step are checked here, so that the desk, the
command line and the tests refuse the same things with the same codes. Dates people give
are local calendar days; :func:`step_instant` turns one into the instant stored.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from enum import StrEnum

from kkdesk.errors import RuleViolation


class OrderStatus(StrEnum):
    OPEN = "open"
    SHIPPED = "shipped"
    DELIVERED = "delivered"
    CANCELLED = "cancelled"


@dataclass(frozen=True)
class OrderLine:
    id: int
    line_no: int
    product_code: str
    product_name: str
    quantity: int
    unit_price_cents: int
    vat_rate_bp: int

    @property
    def total_cents(self) -> int:
        return self.quantity * self.unit_price_cents

    @property
    def vat_cents(self) -> int:
        """The VAT included in the line total, rounded half up to the cent."""
        total = self.total_cents
        return (total * self.vat_rate_bp * 2 + (10000 + self.vat_rate_bp)) // (
            2 * (10000 + self.vat_rate_bp)
        )


@dataclass(frozen=True)
class Delivery:
    id: int
    shipped_at: datetime | None
    delivered_at: datetime | None
    carrier: str
    tracking_code: str
    recipient: str
    street: str
    postal_code: str
    post_office: str
    country: str


@dataclass(frozen=True)
class ReturnLine:
    order_line_id: int
    quantity: int


@dataclass(frozen=True)
class Return:
    id: int
    number: str
    requested_at: datetime
    received_at: datetime | None
    refunded_at: datetime | None
    reason: str
    refund_cents: int
    lines: tuple[ReturnLine, ...]


class OrderStep(StrEnum):
    """A step of an order's life that a clerk records, and so may correct. (Orders and
    shipments come from the webshop and are not the desk's to correct.)"""

    DELIVERED = "delivered"
    RETURN_RECEIVED = "return_received"
    RETURN_REFUNDED = "return_refunded"


@dataclass(frozen=True)
class StepCorrection:
    """A correction of a recorded step: what it said (``old_*``), what is right
    (``new_at`` None: the step did not happen), why, by whom and when. Corrections are
    never changed or deleted; the step's current value is the last correction's new one.
    ``delivery_id`` names the delivery of a DELIVERED step, ``return_number`` the return
    of the others. The cents are a refund's amount (None for the other steps)."""

    id: int
    step: OrderStep
    delivery_id: int | None
    return_number: str
    old_at: datetime | None
    new_at: datetime | None
    old_cents: int | None
    new_cents: int | None
    reason: str
    recorded_by: str
    recorded_at: datetime


@dataclass(frozen=True)
class Order:
    id: int
    number: str
    ordered_at: datetime
    status: OrderStatus
    total_cents: int
    lines: tuple[OrderLine, ...]
    deliveries: tuple[Delivery, ...]
    returns: tuple[Return, ...]
    corrections: tuple[StepCorrection, ...] = ()

    @property
    def vat_cents(self) -> int:
        return sum(line.vat_cents for line in self.lines)

    def delivered_quantity(self, line_id: int) -> int:
        """What of a line has reached the customer: all of it once a delivery of the
        order is marked delivered (deliveries here are whole-order shipments)."""
        if any(d.delivered_at is not None for d in self.deliveries):
            return next((ln.quantity for ln in self.lines if ln.id == line_id), 0)
        return 0

    def returned_quantity(self, line_id: int) -> int:
        return sum(
            rl.quantity for r in self.returns for rl in r.lines if rl.order_line_id == line_id
        )

    def returnable_quantity(self, line_id: int) -> int:
        return self.delivered_quantity(line_id) - self.returned_quantity(line_id)

    def paid_for(self, ret: Return) -> int:
        """What the customer paid for the items of ``ret``, VAT included: the most that
        can be refunded for it."""
        prices = {ln.id: ln.unit_price_cents for ln in self.lines}
        return sum(prices.get(rl.order_line_id, 0) * rl.quantity for rl in ret.lines)

    def return_by_number(self, number: str) -> Return | None:
        return next((r for r in self.returns if r.number == number), None)

    def delivery_by_id(self, delivery_id: int | None) -> Delivery | None:
        return next((d for d in self.deliveries if d.id == delivery_id), None)


def check_return(order: Order, quantities: dict[int, int]) -> None:
    """Refuse a return of more than was delivered minus what was already returned."""
    if not quantities or all(q == 0 for q in quantities.values()):
        raise RuleViolation("A return needs at least one returned item.", code="return_empty")
    line_ids = {ln.id for ln in order.lines}
    for line_id, qty in quantities.items():
        if line_id not in line_ids:
            raise RuleViolation(
                "The line is not on this order.", code="return_foreign_line", line_id=line_id
            )
        if qty < 0:
            raise RuleViolation(
                "A returned quantity cannot be negative.", code="return_negative", line_id=line_id
            )
        allowed = order.returnable_quantity(line_id)
        if qty > allowed:
            raise RuleViolation(
                f"At most {allowed} of this line can be returned "
                "(delivered minus already returned).",
                code="return_too_many",
                line_id=line_id,
                allowed=allowed,
                asked=qty,
            )


# ---------------------------------------------------------------------------------------
# Recording and correcting steps

# A correction's reason and a return's reason share the column size (500 characters).
STEP_REASON_MAX = 500


def local_day(at: datetime) -> date:
    """The calendar day of an instant where the desk runs."""
    return at.astimezone().date()


def step_instant(day: date, *, now: datetime, floor: datetime | None = None) -> datetime:
    """The instant stored for a step a clerk dates ``day``.

    Today: now (what "mark delivered" always meant). An earlier day: its local noon, the
    time nobody gives and that reads as "that day" in every time zone the desk is used
    in; never before ``floor`` (the shipment or request the step follows on the same day).
    """
    if day >= local_day(now):
        return now
    at = datetime.combine(day, time(12)).astimezone()
    if floor is not None and at < floor:
        return floor
    return at


def _check_day(day: date, today: date, earliest: date | None, code: str, **params: object) -> None:
    if day > today:
        raise RuleViolation(
            "The date cannot be in the future.", code="step_date_future", day=day.isoformat()
        )
    if earliest is not None and day < earliest:
        raise RuleViolation(
            "The date is before the step it follows.",
            code=code,
            earliest=earliest.isoformat(),
            **params,
        )


def check_delivery_day(order: Order, delivery: Delivery, day: date, today: date) -> None:
    """A delivery arrives today at the latest, and not before it was shipped or ordered."""
    _check_day(day, today, local_day(order.ordered_at), "delivery_before_order")
    if delivery.shipped_at is not None:
        _check_day(day, today, local_day(delivery.shipped_at), "delivery_before_shipping")


def check_return_received(ret: Return, day: date, today: date) -> None:
    """Returned goods arrive once, today at the latest and not before they were asked
    to be returned."""
    if ret.received_at is not None:
        raise RuleViolation(
            "The return is already marked received.",
            code="return_already_received",
            ret=ret.number,
        )
    _check_day(day, today, local_day(ret.requested_at), "return_received_before_request")


def check_refund_amount(order: Order, ret: Return, cents: int) -> None:
    if cents <= 0:
        raise RuleViolation("A refund must be more than zero.", code="refund_not_positive")
    allowed = order.paid_for(ret)
    if cents > allowed:
        raise RuleViolation(
            "A refund cannot exceed what was paid for the returned items.",
            code="refund_too_much",
            allowed=allowed,
            asked=cents,
        )


def _refund_earliest(ret: Return) -> tuple[date, str]:
    if ret.received_at is not None:
        return local_day(ret.received_at), "refund_before_receipt"
    return local_day(ret.requested_at), "refund_before_request"


def check_refund(order: Order, ret: Return, day: date, today: date, cents: int) -> None:
    """A return is refunded once, today at the latest, not before it was asked for (or
    received), and with no more than the customer paid for its items."""
    if ret.refunded_at is not None:
        raise RuleViolation(
            "The return is already refunded.", code="return_already_refunded", ret=ret.number
        )
    earliest, code = _refund_earliest(ret)
    _check_day(day, today, earliest, code)
    check_refund_amount(order, ret, cents)


def check_reason(reason: str) -> str:
    """A correction says why: required, at most :data:`STEP_REASON_MAX` characters."""
    reason = reason.strip()
    if not reason:
        raise RuleViolation("Say why the step is corrected.", code="correction_reason_missing")
    if len(reason) > STEP_REASON_MAX:
        raise RuleViolation(
            f"The reason can be at most {STEP_REASON_MAX} characters.",
            code="reason_too_long",
            limit=STEP_REASON_MAX,
        )
    return reason


@dataclass(frozen=True)
class StepTarget:
    """Which recorded step a correction is about, and what it says now."""

    step: OrderStep
    delivery: Delivery | None
    ret: Return | None

    @property
    def at(self) -> datetime | None:
        if self.delivery is not None:
            return self.delivery.delivered_at
        assert self.ret is not None
        return (
            self.ret.received_at if self.step is OrderStep.RETURN_RECEIVED else self.ret.refunded_at
        )

    @property
    def cents(self) -> int | None:
        if self.step is OrderStep.RETURN_REFUNDED and self.ret is not None:
            return self.ret.refund_cents
        return None


def step_target(
    order: Order, step: OrderStep, *, delivery_id: int | None = None, return_number: str = ""
) -> StepTarget:
    """The recorded step of ``order`` a correction is about; refused when it is not on the
    order (``correction_no_step``) or was never recorded (``correction_not_recorded``)."""
    delivery = ret = None
    if step is OrderStep.DELIVERED:
        delivery = order.delivery_by_id(delivery_id)
        found = delivery is not None
    else:
        ret = order.return_by_number(return_number)
        found = ret is not None
    if not found:
        raise RuleViolation("The step is not on this order.", code="correction_no_step")
    target = StepTarget(step, delivery, ret)
    if target.at is None:
        raise RuleViolation(
            "That step has not been recorded: there is nothing to correct.",
            code="correction_not_recorded",
        )
    return target


def check_correction(
    order: Order,
    target: StepTarget,
    new_day: date | None,
    new_cents: int | None,
    today: date,
) -> None:
    """What a correction may say. ``new_day`` None: the step did not happen.

    A delivery with returns against it cannot be undone (the returns would be of goods
    never delivered) nor moved after the first of them, nor a receipt of a refunded
    return undone or moved after the refund. A new date follows the same rules as
    recording the step; a corrected refund stays within what was paid. A
    correction that changes nothing is refused, so the history holds only real ones.
    """
    if new_day is None:
        if target.step is OrderStep.DELIVERED and order.returns:
            raise RuleViolation(
                "The order has returns: its delivery cannot be undone.",
                code="correction_has_returns",
            )
        if (
            target.step is OrderStep.RETURN_RECEIVED
            and target.ret is not None
            and target.ret.refunded_at is not None
        ):
            raise RuleViolation(
                "The return is refunded: correct the refund first.",
                code="correction_refunded",
            )
        return
    if target.delivery is not None:
        check_delivery_day(order, target.delivery, new_day, today)
        requested = [local_day(r.requested_at) for r in order.returns]
        if requested and new_day > min(requested):
            raise RuleViolation(
                "A delivery cannot be dated after a return of its goods was requested.",
                code="delivery_after_return",
            )
    elif target.ret is not None:
        ret = target.ret
        if target.step is OrderStep.RETURN_RECEIVED:
            _check_day(
                new_day, today, local_day(ret.requested_at), "return_received_before_request"
            )
            if ret.refunded_at is not None and new_day > local_day(ret.refunded_at):
                raise RuleViolation(
                    "A refund cannot be dated before the returned goods were received.",
                    code="refund_before_receipt",
                )
        else:
            earliest, code = _refund_earliest(ret)
            _check_day(new_day, today, earliest, code)
            check_refund_amount(
                order, ret, new_cents if new_cents is not None else ret.refund_cents
            )
    old = target.at
    same_day = old is not None and local_day(old) == new_day
    same_cents = new_cents is None or new_cents == target.cents
    if same_day and same_cents:
        raise RuleViolation("The correction changes nothing.", code="correction_no_change")
