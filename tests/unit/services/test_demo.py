"""Demo data: deterministic, valid by the register's own rules, and the register the
desk's own writes would have made (search words, suppression entries)."""

from __future__ import annotations

import hashlib
import random
import sqlite3
from pathlib import Path
from typing import Any

import phonenumbers
import pytest
from sqlalchemy import select, text

from kkdesk.domain.consent import ConsentEvent, derive
from kkdesk.domain.enums import CustomerType, Purpose
from kkdesk.domain.levels import Level
from kkdesk.domain.validation import validate_customer
from kkdesk.services import customers as cs
from kkdesk.services import demo
from kkdesk.services.consents import Keys, item_keys
from kkdesk.services.session import DeskSession, open_session
from kkdesk.store import consents as consent_store
from kkdesk.store import customers as store_customers
from kkdesk.store.demo import COLUMNS
from kkdesk.store.models import (
    Base,
    ContactPerson,
    Customer,
    Order,
    Return,
    SearchWord,
    Suppression,
)
from kkdesk.store.models import ConsentEvent as ConsentEventRow


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


# --- the fast load writes the register the generator always wrote -------------------------

DEMO_TABLES = (
    "customer",
    "contact_person",
    "search_word",
    "personal_data_change",
    "customer_order",
    "order_line",
    "delivery",
    "order_return",
    "return_line",
    "consent_event",
    "suppression",
)


def stored_digest(path: Path) -> str:
    """Every demo table's rows exactly as stored (SQLite's own text for times and dates).

    The columns the demo writes, in the table's order: columns added to the schema since
    the pin (erasure, merging) are NULL in every demo row and left out, so that the digest
    keeps meaning "the same register" as the schema grows."""
    h = hashlib.sha256()
    con = sqlite3.connect(path)
    try:
        for table in DEMO_TABLES:
            names = [r[1] for r in con.execute(f"PRAGMA table_info({table})")]
            cols = ", ".join(n for n in names if n in COLUMNS[table])
            for row in con.execute(f"SELECT {cols} FROM {table} ORDER BY 1, 2, 3, 4"):
                h.update(repr(row).encode())
    finally:
        con.close()
    return h.hexdigest()


@pytest.mark.parametrize(
    ("runs", "expected"),
    [
        # A load big enough to rebuild the indexes afterwards (and two chunks of consents).
        ([(1200, 3)], "164eddaf5dc58474da718bd2bcad82a00bc9b1681afe71a3f103b25a4cbeda1c"),
        # Demo customers added to a register that has some: through the indexes.
        (
            [(200, 3), (150, 99)],
            "93717ba87bc5f25f0f420baf21289170b52b5dd7c1e8817b43e1d378da00f1f3",
        ),
    ],
)
def test_a_seed_gives_the_register_it_always_gave(
    tmp_path: Path, runs: list[tuple[int, int]], expected: str
) -> None:
    """Pinned from the row-by-row generator this one replaced: the same customers, orders,
    history, search words, consents and suppression entries, value for value and id for id,
    so that registers and benchmarks built from a seed stay comparable."""
    path = tmp_path / "demo.sqlite3"
    ds = open_session(str(path), level=Level.ADMIN)
    for customers, seed in runs:
        demo.generate(ds, customers, seed=seed)
    ds.close()
    assert stored_digest(path) == expected


def test_an_interrupted_load_leaves_the_register_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "demo.sqlite3"
    ds = open_session(str(path), level=Level.ADMIN)
    demo.generate(ds, 20, seed=1)
    before = stored_digest(path)

    def stop(done: int, _total: int) -> None:
        raise KeyboardInterrupt  # Ctrl-C after the first chunk

    with pytest.raises(KeyboardInterrupt):
        demo.generate(ds, demo.CHUNK + 10, seed=2, progress=stop)
    assert stored_digest(path) == before
    assert cs.count(ds) == 20
    with ds.db.read() as session:
        # Back in WAL mode, with every index of the schema.
        assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        indexes = set(session.execute(text(INDEXES)).scalars())
    assert indexes == {i.name for t in Base.metadata.sorted_tables for i in t.indexes}
    ds.close()


INDEXES = "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"


def test_a_big_load_rebuilds_every_index(tmp_path: Path) -> None:
    path = tmp_path / "demo.sqlite3"
    ds = open_session(str(path), level=Level.ADMIN)
    stages: list[str] = []
    demo.generate(ds, 1000, seed=1, stage=stages.append)
    assert stages == ["indexes", "commit", "analyze"]
    with ds.db.read() as session:
        indexes = set(session.execute(text(INDEXES)).scalars())
        assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert session.execute(text("PRAGMA foreign_key_check")).all() == []
    assert indexes == {i.name for t in Base.metadata.sorted_tables for i in t.indexes}
    ds.close()


# --- the same register the desk would write -------------------------------------------------


def test_landline_numbers_are_judged_by_their_leading_digits() -> None:
    """The demo asks the numbering plan once per area and three leading digits: the same
    answer phonenumbers gives for whole numbers."""
    rng = random.Random(5)
    for _ in range(5000):
        area = rng.choice(demo._AREA_CODES)
        subscriber = rng.randrange(2 * 10**6, 10**7)
        whole = phonenumbers.is_valid_number(phonenumbers.parse(f"+358{area}{subscriber}"))
        assert demo._valid_landline(area, subscriber // 10000) == whole, (area, subscriber)


def test_search_words_are_the_ones_a_save_writes(demo_ds: DeskSession) -> None:
    def words(session: Any, customer_id: int) -> list[tuple[Any, ...]]:
        return [
            tuple(r)
            for r in session.execute(
                select(SearchWord.__table__)
                .where(SearchWord.customer_id == customer_id)
                .order_by(SearchWord.kind, SearchWord.ref, SearchWord.word)
            )
        ]

    with demo_ds.db.session() as session:
        for row in session.execute(select(Customer).order_by(Customer.id)).scalars():
            demo_written = words(session, row.id)
            store_customers.index_words(session, row)  # what every save does
            assert words(session, row.id) == demo_written, row.number
        session.rollback()


def test_suppression_entries_follow_the_consent_rules(demo_ds: DeskSession) -> None:
    """Each person's suppression entries are what kkdesk.domain.consent derives from their
    consent history: the items in force by their own statement, on their keys."""
    expected = set()
    with demo_ds.db.read() as session:
        entries = {
            (r.key_kind, r.key_value, r.item, r.consent_event_id)
            for r in session.execute(select(Suppression)).scalars()
        }
        customers = {c.id: c for c in session.execute(select(Customer)).scalars()}
        contacts = {p.id: p for p in session.execute(select(ContactPerson)).scalars()}
        by_person: dict[tuple[int, int | None], list[ConsentEvent]] = {}
        for e in session.execute(select(ConsentEventRow).order_by(ConsentEventRow.id)).scalars():
            by_person.setdefault((e.customer_id, e.contact_person_id), []).append(
                consent_store.to_event(e)
            )
        for (customer_id, contact_id), history in by_person.items():
            if contact_id is None:
                c = customers[customer_id]
                phones: tuple[str, ...] = (c.phone_home, c.phone_work, c.phone_mobile)
                email = c.email
            else:
                p = contacts[contact_id]
                phones, email = (p.phone_work, p.phone_mobile), p.email
            keys = Keys(email.casefold(), tuple(sorted({x for x in phones if x})))
            state = derive(history)
            for item in state.suppressed_items():
                event = state.get(item).event
                assert event is not None
                for kind, value in item_keys(keys, item):
                    expected.add((kind, value, item.value, event.id))
    assert entries == expected
    assert len(entries) > 50  # the demo has prohibitions and withdrawn consents to check


def test_demo_customers_are_found_by_every_search_kind(demo_ds: DeskSession) -> None:
    with demo_ds.db.read() as session:
        person = (
            session.execute(
                select(Customer)
                .where(Customer.type == "person", Customer.email != "", Customer.phone_mobile != "")
                .order_by(Customer.id)
            )
            .scalars()
            .first()
        )
        company = (
            session.execute(
                select(Customer).where(Customer.type == "company").order_by(Customer.id)
            )
            .scalars()
            .first()
        )
        assert person is not None and company is not None
        contact = company.contacts[0]
        session.expunge_all()

    def found(text_: str, number: str) -> bool:
        page = cs.search(demo_ds, text_, limit=500)
        return number in {r.number for r in page.rows}

    p, c = person, company
    local_mobile = "0" + p.phone_mobile.removeprefix("+358")
    first = p.first_names.split()[0]
    for query in (
        p.number,
        p.surname,
        f"{p.surname} {first}",
        f"{first} {p.surname}",
        p.email.upper(),
        p.phone_mobile,
        local_mobile,
        p.postal_code,
        p.street.split()[0],
        p.post_office.lower(),
    ):
        assert found(query, p.number), query
    for query in (
        c.business_id,
        c.company_name.split()[1],  # a later word of the company name
        contact.surname + " " + contact.first_names,
        c.number,
    ):
        assert found(query, c.number), query
