"""Orders, deliveries and returns written straight into a real register, for tests.

Orders reach the register from the webshop, not through the desk, so there is no service
that creates them: tests write the rows themselves, here, in one place.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from kkdesk.domain.customer import CustomerDraft
from kkdesk.domain.enums import DataSource
from kkdesk.services import customers
from kkdesk.services.session import DeskSession
from kkdesk.store import models as m

T0 = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)
VAT = 2550


@dataclass
class LineSpec:
    name: str
    quantity: int = 1
    price_cents: int = 10000
    code: str = "P-1"


@dataclass
class ReturnSpec:
    requested_at: datetime
    quantities: dict[int, int]  # line number → quantity
    received_at: datetime | None = None
    refunded_at: datetime | None = None
    refund_cents: int = 0
    reason: str = "Wrong size"


@dataclass
class OrderSpec:
    number: str
    ordered_at: datetime
    lines: list[LineSpec] = field(default_factory=lambda: [LineSpec("Ketjusaha")])
    shipped_at: datetime | None = None
    delivered_at: datetime | None = None
    tracking_code: str = "JJFI123456789"
    returns: list[ReturnSpec] = field(default_factory=list)
    status: str | None = None  # derived from the delivery when None
    # (recipient, street, postal code, post office) of the delivery; a fixed one when None
    delivery_to: tuple[str, str, str, str] | None = None


def add_customer(ds: DeskSession, surname: str = "Virtanen") -> str:
    created = customers.create(
        ds,
        CustomerDraft(surname=surname, first_names="Aino", street="Kauppakatu 1",
                      postal_code="40100", post_office="JYVÄSKYLÄ"),
        source=DataSource.CUSTOMER_PHONE,
    )  # fmt: skip
    return created.number


def add_orders(ds: DeskSession, customer_number: str, specs: list[OrderSpec]) -> None:
    with ds.db.session() as session:
        cid = session.scalar(select(m.Customer.id).where(m.Customer.number == customer_number))
        for spec in specs:
            lines = [
                m.OrderLine(
                    line_no=i,
                    product_code=ln.code,
                    product_name=ln.name,
                    quantity=ln.quantity,
                    unit_price_cents=ln.price_cents,
                    vat_rate_bp=VAT,
                )
                for i, ln in enumerate(spec.lines, start=1)
            ]
            status = spec.status or (
                "delivered" if spec.delivered_at else "shipped" if spec.shipped_at else "open"
            )
            order = m.Order(
                number=spec.number,
                customer_id=cid,
                ordered_at=spec.ordered_at,
                status=status,
                total_cents=sum(ln.quantity * ln.price_cents for ln in spec.lines),
                lines=lines,
            )
            if spec.shipped_at is not None:
                order.deliveries.append(
                    m.Delivery(
                        shipped_at=spec.shipped_at,
                        delivered_at=spec.delivered_at,
                        carrier="Posti",
                        tracking_code=spec.tracking_code,
                        **dict(
                            zip(
                                ("recipient", "street", "postal_code", "post_office"),
                                spec.delivery_to
                                or ("Aino Virtanen", "Kauppakatu 1", "40100", "JYVÄSKYLÄ"),
                                strict=True,
                            )
                        ),
                    )
                )
            session.add(order)
            session.flush()
            for k, ret in enumerate(spec.returns, start=1):
                order.returns.append(
                    m.Return(
                        number=f"R-{spec.number}-{k}",
                        requested_at=ret.requested_at,
                        received_at=ret.received_at,
                        refunded_at=ret.refunded_at,
                        reason=ret.reason,
                        refund_cents=ret.refund_cents,
                        lines=[
                            m.ReturnLine(order_line_id=lines[no - 1].id, quantity=q)
                            for no, q in ret.quantities.items()
                        ],
                    )
                )


def day(n: int, hours: int = 0) -> datetime:
    return T0 + timedelta(days=n, hours=hours)


def standard_history(ds: DeskSession) -> str:
    """A customer with three orders covering every kind of event, returned by number.

    - W-1 (day 0): two lines, shipped day 1, delivered day 3; return of 1 saw chain
      requested day 5, received day 8, refunded day 10.
    - W-2 (day 20): one trimmer, shipped day 21, not yet delivered (open).
    - W-3 (day 30): placed only (open), a lawn mower.
    """
    number = add_customer(ds)
    add_orders(
        ds,
        number,
        [
            OrderSpec(
                "W-1",
                day(0),
                lines=[
                    LineSpec("Ketjusaha", 1, 39900, "KS-1"),
                    LineSpec("Teräketju", 2, 2490, "TK-2"),
                ],
                shipped_at=day(1),
                delivered_at=day(3),
                returns=[
                    ReturnSpec(day(5), {2: 1}, day(8), day(10), refund_cents=2490),
                ],
            ),
            OrderSpec(
                "W-2",
                day(20),
                lines=[LineSpec("Siimaleikkuri", 1, 14900, "SL-1")],
                shipped_at=day(21),
            ),
            OrderSpec("W-3", day(30), lines=[LineSpec("Ruohonleikkuri", 1, 29900, "RL-1")]),
        ],
    )
    return number
