"""Order steps on the real server (issue 12): a clerk records a delivery on a date, a
return received and refunded, and corrects a step, under the grants and triggers of
migrations 0002–0004 and 0012; the correction is append-only, stamped by the server and
audited; a viewer is refused by the server itself."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import psycopg
import pytest
from sqlalchemy import select

from kkdesk.domain.levels import Level
from kkdesk.domain.orders import OrderStep, local_day
from kkdesk.errors import PermissionDenied, RuleViolation
from kkdesk.services import orders
from kkdesk.services.session import DeskSession
from kkdesk.store import models as m
from tests.orders_factory import LineSpec, OrderSpec, ReturnSpec, add_customer, add_orders, day

pytestmark = pytest.mark.postgres


@pytest.fixture
def world(pg_db: Any) -> tuple[Any, str]:
    owner = pg_db.session()
    number = add_customer(owner)
    add_orders(
        owner,
        number,
        [
            OrderSpec("P-1", day(0), shipped_at=day(1)),
            OrderSpec(
                "P-2",
                day(0),
                lines=[LineSpec("Teräketju", 2, 2490, "TK-2")],
                shipped_at=day(1),
                delivered_at=day(3),
                returns=[ReturnSpec(day(5), {1: 2})],
            ),
        ],
    )
    return pg_db, number


def audit_of(owner: DeskSession, number: str) -> list[tuple[str, str, str]]:
    with owner.db.read() as s:
        rows = s.execute(
            select(m.AuditEvent.actor, m.AuditEvent.action, m.AuditEvent.detail)
            .where(m.AuditEvent.customer_number == number)
            .order_by(m.AuditEvent.id)
        )
        return [tuple(r) for r in rows]


@pytest.mark.parametrize("level", [Level.CLERK, Level.ADMIN])
def test_the_levels_that_record_steps_record_and_correct_them_on_the_server(
    world: tuple[Any, str], level: Level
) -> None:
    pg_db, number = world
    user = pg_db.add_user(level)
    clerk = pg_db.session(user)
    assert clerk.level is level

    got = orders.mark_delivered(clerk, "P-1", day=local_day(day(2)))
    assert got.status.value == "delivered"
    ret = orders.get_order(clerk, "P-2")[1].returns[0]
    orders.mark_return_received(clerk, "P-2", ret.number, day=local_day(day(7)))
    with pytest.raises(RuleViolation):
        orders.mark_refunded(clerk, "P-2", ret.number, day=local_day(day(8)), cents=4981)
    orders.mark_refunded(clerk, "P-2", ret.number, day=local_day(day(8)), cents=4980)
    fixed = orders.correct_step(
        clerk,
        "P-2",
        OrderStep.RETURN_REFUNDED,
        return_number=ret.number,
        day=local_day(day(9)),
        cents=4000,
        reason="Bank statement: 40 euros on the 10th",
    )
    (c,) = fixed.corrections
    assert fixed.returns[0].refund_cents == 4000
    assert (c.old_cents, c.new_cents) == (4980, 4000)
    assert c.recorded_by == user.login  # written by the server, not the client
    assert local_day(c.old_at or day(0)) == local_day(day(8))

    owner = pg_db.session()
    log = audit_of(owner, number)
    mine = [(a, d) for actor, a, d in log if actor == user.login]
    assert any(a == "delivery" and d.startswith("order P-1: delivery ") for a, d in mine)
    assert ("return", f"order P-2: return {ret.number} received") in mine
    assert ("return", f"order P-2: return {ret.number} refunded") in mine
    assert any(a == "return" and d.startswith(f"order P-2: correction {c.id} of ") for a, d in mine)
    # The server's own per-row audit saw the changed step row too.
    assert any(
        a == "return" and d.startswith("recorded by the database: update on order_return")
        for a, d in mine
    )


def test_corrections_are_append_only_and_a_viewer_is_refused_by_the_server(
    world: tuple[Any, str],
) -> None:
    pg_db, _ = world
    clerk_user = pg_db.add_user(Level.CLERK)
    clerk = pg_db.session(clerk_user)
    w2 = orders.get_order(clerk, "P-2")[1]
    orders.correct_step(
        clerk, "P-2", OrderStep.DELIVERED, delivery_id=w2.deliveries[0].id,
        day=local_day(day(2)), reason="Carrier's receipt",
    )  # fmt: skip
    with pg_db.connect(clerk_user) as conn:
        for sql in ("UPDATE order_correction SET reason = 'x'", "DELETE FROM order_correction"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(sql.encode())
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(b"TRUNCATE order_correction")
    # Not even the superuser changes a correction: the trigger refuses it.
    with (
        pg_db.connect() as conn,
        pytest.raises(psycopg.errors.InsufficientPrivilege, match="append-only"),
    ):
        conn.execute(b"UPDATE order_correction SET reason = 'x'")

    viewer_user = pg_db.add_user(Level.VIEWER)
    viewer = pg_db.session(viewer_user)
    assert orders.get_order(viewer, "P-2")[1].corrections  # viewers read them
    # A viewer claiming more than its level: the server itself refuses the write.
    liar = DeskSession(viewer.db, Level.ADMIN)
    with pytest.raises(PermissionDenied):
        orders.mark_delivered(liar, "P-1", day=local_day(day(2)))
    with pytest.raises(PermissionDenied):
        orders.correct_step(
            liar, "P-2", OrderStep.DELIVERED, delivery_id=w2.deliveries[0].id,
            day=local_day(day(3)) + timedelta(days=1), reason="x",
        )  # fmt: skip


def test_a_customers_orders_read_in_one_statement_are_those_read_table_by_table(
    world: tuple[Any, str],
) -> None:
    """The record's orders on PostgreSQL come from one statement with the children
    aggregated as JSON (store.orders._orders_in_one): value for value the dataclasses
    load_orders builds from its five queries — lines, deliveries, returns with their lines,
    corrections (with a return's number), timestamps in UTC."""
    from kkdesk.store import orders as store

    pg_db, number = world
    clerk = pg_db.session(pg_db.add_user(Level.CLERK))
    orders.mark_delivered(clerk, "P-1", day=local_day(day(2)))
    ret = orders.get_order(clerk, "P-2")[1].returns[0]
    orders.mark_return_received(clerk, "P-2", ret.number, day=local_day(day(7)))
    orders.mark_refunded(clerk, "P-2", ret.number, day=local_day(day(8)), cents=4980)
    orders.correct_step(
        clerk, "P-2", OrderStep.RETURN_REFUNDED, return_number=ret.number,
        day=local_day(day(9)), cents=4000, reason="Bank statement",
    )  # fmt: skip
    with clerk.db.read() as s:
        customer_id = store.customer_id_of(s, number)
        in_one = store.orders_of_customer_id(s, customer_id)
        ids = [o.id for o in in_one]
        by_table = store.load_orders(s, ids)
    assert len(in_one) == 2
    assert list(in_one) == [by_table[i] for i in ids]
    p2 = next(o for o in in_one if o.number == "P-2")
    assert p2.lines and p2.deliveries and p2.returns[0].lines and p2.corrections
    assert p2.corrections[0].return_number == ret.number
    assert all(o.ordered_at.tzinfo is not None for o in in_one)
    # The access letter's reading of many customers' orders is the same statement.
    with clerk.db.read() as s:
        other = store.customer_id_of(s, add_customer(pg_db.session()))
        many = store.orders_in_one(s, [customer_id, other])
    assert many == {customer_id: list(in_one)}
