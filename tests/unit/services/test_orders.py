"""Orders of a customer, returns and deliveries, on a real migrated SQLite register."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import func, select

from kkdesk.domain.enums import AuditAction, Purpose
from kkdesk.domain.levels import Level
from kkdesk.domain.orders import OrderStatus
from kkdesk.errors import NotFound, PermissionDenied, RuleViolation
from kkdesk.services import orders, record
from kkdesk.services.session import DeskSession
from kkdesk.store import models as m
from tests.orders_factory import LineSpec, OrderSpec, add_orders, day, standard_history


@pytest.fixture
def clerk(ds: DeskSession) -> Iterator[DeskSession]:
    yield DeskSession(ds.db, Level.CLERK)


def counts(ds: DeskSession) -> tuple[int, int, int]:
    with ds.db.read() as s:
        return (
            s.scalar(select(func.count()).select_from(m.Return)) or 0,
            s.scalar(select(func.count()).select_from(m.ReturnLine)) or 0,
            s.scalar(select(func.count()).select_from(m.AuditEvent)) or 0,
        )


def audit_rows(ds: DeskSession, action: AuditAction) -> list[tuple[str, str, str]]:
    """(customer number, purpose, detail) of each audit row of ``action``."""
    with ds.db.read() as s:
        rows = s.execute(
            select(m.AuditEvent.customer_number, m.AuditEvent.purpose, m.AuditEvent.detail).where(
                m.AuditEvent.action == action.value
            )
        )
        return [tuple(r) for r in rows]


def test_orders_of_gives_every_order_newest_first_with_everything_under_it(
    clerk: DeskSession,
) -> None:
    number = standard_history(clerk)
    got = orders.orders_of(clerk, number)
    assert [o.number for o in got] == ["W-3", "W-2", "W-1"]
    w1 = got[2]
    assert [ln.product_name for ln in w1.lines] == ["Ketjusaha", "Teräketju"]
    assert w1.total_cents == 39900 + 2 * 2490
    assert w1.deliveries[0].delivered_at == day(3)
    assert w1.deliveries[0].delivered_at.tzinfo is not None
    assert w1.returns[0].refunded_at == day(10)
    assert w1.returned_quantity(w1.lines[1].id) == 1
    assert got[0].status is OrderStatus.OPEN


def test_orders_of_an_unknown_customer_is_not_found(clerk: DeskSession) -> None:
    with pytest.raises(NotFound):
        orders.orders_of(clerk, "9999999")


def test_a_valid_return_is_stored_with_its_lines_and_audited(clerk: DeskSession) -> None:
    number = standard_history(clerk)
    _, w1 = orders.get_order(clerk, "W-1")
    saw, chain = w1.lines
    made = orders.record_return(clerk, "W-1", {saw.id: 1, chain.id: 1}, reason="  Too heavy ")
    assert made.number.startswith("R")
    assert made.reason == "Too heavy"
    assert made.refunded_at is None and made.refund_cents == 0
    assert sorted((rl.order_line_id, rl.quantity) for rl in made.lines) == [
        (saw.id, 1),
        (chain.id, 1),
    ]
    _, again = orders.get_order(clerk, "W-1")
    assert again.returnable_quantity(saw.id) == 0
    assert again.returnable_quantity(chain.id) == 0
    [(customer, purpose, detail)] = audit_rows(clerk, AuditAction.RETURN)
    assert customer == number
    assert purpose == Purpose.ORDER_HANDLING.value
    assert "W-1" in detail and made.number in detail
    assert "heavy" not in detail  # the reason may be personal: never in the audit


@pytest.mark.parametrize(
    ("order", "quantities", "code"),
    [
        ("W-1", {2: 2}, "return_too_many"),  # 2 delivered, 1 already returned
        ("W-1", {1: 2}, "return_too_many"),  # only 1 was ordered
        ("W-2", {1: 1}, "return_too_many"),  # shipped but not delivered
        ("W-1", {}, "return_empty"),
        ("W-1", {1: 0}, "return_empty"),
        ("W-1", {1: -1, 2: 1}, "return_negative"),
        ("W-1", {99: 1}, "return_foreign_line"),
    ],
)
def test_a_return_beyond_what_can_be_returned_is_refused_and_changes_nothing(
    clerk: DeskSession, order: str, quantities: dict[int, int], code: str
) -> None:
    standard_history(clerk)
    _, o = orders.get_order(clerk, order)
    # The parameters name line numbers; the service takes line ids.
    by_no = {ln.line_no: ln.id for ln in o.lines}
    wanted = {by_no.get(no, 10_000 + no): q for no, q in quantities.items()}
    before = counts(clerk)
    with pytest.raises(RuleViolation) as err:
        orders.record_return(clerk, order, wanted, reason="x")
    assert err.value.code == code
    assert counts(clerk) == before
    assert orders.get_order(clerk, order)[1] == o


def test_the_refusal_says_how_many_can_still_be_returned(clerk: DeskSession) -> None:
    standard_history(clerk)
    _, w1 = orders.get_order(clerk, "W-1")
    with pytest.raises(RuleViolation) as err:
        orders.record_return(clerk, "W-1", {w1.lines[1].id: 2}, reason="")
    assert err.value.params["allowed"] == 1
    assert err.value.params["asked"] == 2


def test_returns_add_up_across_several_requests(clerk: DeskSession) -> None:
    number = standard_history(clerk)
    add_orders(
        clerk,
        number,
        [OrderSpec("W-5", day(40), [LineSpec("Työkäsine", 5, 990)], day(41), day(42))],
    )
    _, o = orders.get_order(clerk, "W-5")
    gloves = o.lines[0].id
    orders.record_return(clerk, "W-5", {gloves: 2}, reason="")
    orders.record_return(clerk, "W-5", {gloves: 3}, reason="")
    with pytest.raises(RuleViolation):
        orders.record_return(clerk, "W-5", {gloves: 1}, reason="")
    numbers = [r.number for r in orders.get_order(clerk, "W-5")[1].returns]
    assert len(set(numbers)) == 2


def test_a_too_long_reason_is_refused(clerk: DeskSession) -> None:
    standard_history(clerk)
    _, w1 = orders.get_order(clerk, "W-1")
    with pytest.raises(RuleViolation) as err:
        orders.record_return(clerk, "W-1", {w1.lines[0].id: 1}, reason="x" * 501)
    assert err.value.code == "reason_too_long"


def test_viewers_can_read_orders_but_not_change_them(clerk: DeskSession) -> None:
    number = standard_history(clerk)
    viewer = DeskSession(clerk.db, Level.VIEWER)
    assert len(orders.orders_of(viewer, number)) == 3
    before = counts(clerk)
    with pytest.raises(PermissionDenied):
        orders.record_return(viewer, "W-1", {1: 1}, reason="")
    with pytest.raises(PermissionDenied):
        orders.mark_delivered(viewer, "W-2")
    marketing = DeskSession(clerk.db, Level.MARKETING)
    with pytest.raises(PermissionDenied):
        orders.orders_of(marketing, number)
    assert counts(clerk) == before


def test_marking_the_delivery_delivered_closes_the_order_and_is_audited(
    clerk: DeskSession,
) -> None:
    number = standard_history(clerk)
    done = orders.mark_delivered(clerk, "W-2", at=day(23))
    assert done.status is OrderStatus.DELIVERED
    assert done.deliveries[0].delivered_at == day(23)
    [(customer, _, detail)] = audit_rows(clerk, AuditAction.DELIVERY)
    assert customer == number and "W-2" in detail
    # Now it can be returned.
    orders.record_return(clerk, "W-2", {done.lines[0].id: 1}, reason="")


@pytest.mark.parametrize(
    ("order", "at", "code"),
    [
        ("W-3", None, "delivery_none"),  # never shipped
        ("W-1", None, "delivery_already_delivered"),
        ("W-2", day(20), "delivery_before_shipping"),
    ],
)
def test_marking_delivered_is_refused_when_it_makes_no_sense(
    clerk: DeskSession, order: str, at: object, code: str
) -> None:
    standard_history(clerk)
    before = orders.get_order(clerk, order)
    with pytest.raises(RuleViolation) as err:
        orders.mark_delivered(clerk, order, at=at)  # type: ignore[arg-type]
    assert err.value.code == code
    assert orders.get_order(clerk, order) == before
    assert audit_rows(clerk, AuditAction.DELIVERY) == []


def test_unknown_orders_are_not_found(clerk: DeskSession) -> None:
    with pytest.raises(NotFound):
        orders.record_return(clerk, "NOPE", {1: 1}, reason="")
    with pytest.raises(NotFound):
        orders.mark_delivered(clerk, "NOPE")


def test_the_customer_record_json_has_the_same_orders(clerk: DeskSession) -> None:
    number = standard_history(clerk)
    doc = record.customer_record(clerk, number, purpose=Purpose.SUBJECT_REQUEST)
    assert [o["number"] for o in doc["orders"]] == ["W-3", "W-2", "W-1"]
    w1 = doc["orders"][2]
    assert w1["total_cents"] == 39900 + 2 * 2490
    assert w1["lines"][1]["product_name"] == "Teräketju"
    assert w1["lines"][1]["returned_quantity"] == 1
    assert w1["deliveries"][0]["delivered_at"] == day(3).isoformat()
    assert w1["returns"][0]["refund_cents"] == 2490
    assert w1["returns"][0]["lines"] == [{"order_line_id": w1["lines"][1]["id"], "quantity": 1}]
