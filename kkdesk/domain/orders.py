"""Orders, deliveries and returns as plain data (register description, section 5.2).

Amounts are integer cents including VAT; VAT rates are basis points (2550 = 25.5 %).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
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
