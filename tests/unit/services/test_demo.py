"""Demo data: deterministic, and valid by the register's own rules."""

from __future__ import annotations

import hashlib
from pathlib import Path

from sqlalchemy import select

from kkdesk.domain.enums import CustomerType, Purpose
from kkdesk.domain.validation import validate_customer
from kkdesk.services import customers as cs
from kkdesk.services import demo
from kkdesk.services.session import DeskSession, open_session
from kkdesk.store.models import Customer, Order, Return


def digest(ds: DeskSession) -> str:
    h = hashlib.sha256()
    with ds.db.read() as session:
        for row in session.execute(
            select(
                Customer.number, Customer.name_key, Customer.email, Customer.birth_date
            ).order_by(Customer.id)
        ):
            h.update(repr(tuple(row)).encode())
        for row in session.execute(select(Order.number, Order.total_cents).order_by(Order.id)):
            h.update(repr(tuple(row)).encode())
    return h.hexdigest()


def test_same_seed_same_register(tmp_path: Path) -> None:
    a = open_session(str(tmp_path / "a.db"))
    b = open_session(str(tmp_path / "b.db"))
    demo.generate(a, 200, seed=3)
    demo.generate(b, 200, seed=3)
    assert digest(a) == digest(b)
    a.close()
    b.close()


def test_every_demo_customer_passes_validation(demo_ds: DeskSession) -> None:
    with demo_ds.db.read() as session:
        numbers = list(session.execute(select(Customer.number)).scalars())
        orders = session.execute(select(Order)).scalars().all()
        returns = session.execute(select(Return)).scalars().all()
    kinds = set()
    for number in numbers:
        c = cs.get(demo_ds, number, purpose=Purpose.ADMINISTRATION)
        kinds.add(c.type)
        draft = c.to_draft()
        assert validate_customer(draft, cs.today()) == draft, number
    assert kinds == {CustomerType.PERSON, CustomerType.COMPANY}
    assert len(orders) > len(numbers)
    assert returns


def test_demo_adds_after_existing_customers(demo_ds: DeskSession) -> None:
    before = cs.count(demo_ds)
    result = demo.generate(demo_ds, 10, seed=99)
    assert cs.count(demo_ds) == before + 10
    assert cs.search(demo_ds, result.last_number).rows[0].number == result.last_number
