"""The customer register on a real PostgreSQL server: the same behaviour as on SQLite.

Search keys use the "C" collation there, so accent-insensitive prefix search, keyset paging
and optimistic locking must hold on both databases; this module proves it for PostgreSQL.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import func, select

from kkdesk.domain.customer import ContactPersonDraft, CustomerDraft
from kkdesk.domain.enums import CustomerType, DataSource, Purpose
from kkdesk.domain.levels import Level
from kkdesk.errors import StaleEdit, ValidationFailed
from kkdesk.services import customers as cs
from kkdesk.services import record
from kkdesk.store.models import Customer, PersonalDataChange

pytestmark = pytest.mark.postgres

MATTI = CustomerDraft(
    surname="Möttönen",
    first_names="Matti Juhani",
    street="Kotikatu 1",
    postal_code="00100",
    post_office="Helsinki",
    phone_mobile="040 123 4567",
    email="matti@example.fi",
    birth_date=date(1970, 5, 1),
)


def test_create_search_update_on_postgres(pg_db) -> None:  # type: ignore[no-untyped-def]
    clerk = pg_db.session(pg_db.add_user(Level.CLERK))
    m = cs.create(clerk, MATTI, source=DataSource.CUSTOMER_PHONE)
    co = cs.create(
        clerk,
        CustomerDraft(
            type=CustomerType.COMPANY,
            company_name="Åkerlund & Söner Ab",
            business_id="2331972-7",
            contacts=(
                ContactPersonDraft(surname="Åkerlund", first_names="Åsa", email="asa@ak.fi"),
            ),
        ),
        source=DataSource.PUBLIC_SOURCE,
    )
    for text in ("mott", "MÖTTÖNEN", "matti mött", m.number, "040 123 4567", "matti@EXAMPLE"):
        assert [r.number for r in cs.search(clerk, text).rows] == [m.number], text
    for text in ("akerl", "åkerlund", "2331972-7", "asa@ak"):
        assert [r.number for r in cs.search(clerk, text).rows] == [co.number], text
    moved = cs.update(
        clerk,
        m.number,
        replace(m.to_draft(), street="Uusikatu 2"),
        expected_version=m.version,
        source=DataSource.UPDATE_SERVICE,
    )
    assert moved.sources["street"] is DataSource.UPDATE_SERVICE
    assert moved.updated_by == clerk.user
    with pytest.raises(StaleEdit):
        cs.update(
            clerk,
            m.number,
            replace(m.to_draft(), street="Kolmas 3"),
            expected_version=m.version,
            source=DataSource.CUSTOMER_PHONE,
        )
    doc = record.customer_record(clerk, m.number, purpose=Purpose.CUSTOMER_SERVICE)
    assert doc["customer"]["address"]["street"] == "Uusikatu 2"
    clerk.close()


def test_invalid_data_changes_nothing_on_postgres(pg_db) -> None:  # type: ignore[no-untyped-def]
    clerk = pg_db.session(pg_db.add_user(Level.CLERK))
    with pytest.raises(ValidationFailed):
        cs.create(clerk, replace(MATTI, postal_code="1"), source=DataSource.CUSTOMER_PHONE)
    with clerk.db.read() as session:
        assert session.execute(select(func.count()).select_from(Customer)).scalar_one() == 0
        assert (
            session.execute(select(func.count()).select_from(PersonalDataChange)).scalar_one() == 0
        )
    clerk.close()


def test_paging_on_postgres_matches_sqlite_order(pg_db, ds) -> None:  # type: ignore[no-untyped-def]
    clerk = pg_db.session(pg_db.add_user(Level.CLERK))
    names = ["Aalto", "Äijälä", "Ahonen", "Åberg", "Aho", "Alanko", "Anttila", "Ahola"]
    for i, surname in enumerate(names):
        draft = CustomerDraft(surname=surname, first_names=f"Testi{i}")
        cs.create(clerk, draft, source=DataSource.CUSTOMER_WEBSHOP)
        cs.create(ds, draft, source=DataSource.CUSTOMER_WEBSHOP)

    def pages(session, limit: int) -> list[str]:  # type: ignore[no-untyped-def]
        out, after = [], None
        while True:
            page = cs.search(session, "a", after=after, limit=limit)
            out += [r.name for r in page.rows]
            if page.next is None:
                return out
            after = page.next

    on_pg = pages(clerk, 3)
    assert on_pg == pages(ds, 3) == pages(clerk, 100)
    assert len(on_pg) == len(names)
    clerk.close()


def test_demo_on_postgres_leaves_the_sequences_ready(pg_db) -> None:  # type: ignore[no-untyped-def]
    """Demo rows take their ids from the tables' sequences (a clerk may not setval), so the
    next customer a member of staff creates gets a fresh id, not a demo customer's."""
    from kkdesk.services import demo
    from kkdesk.store.models import Order

    clerk = pg_db.session(pg_db.add_user(Level.CLERK))
    result = demo.generate(clerk, 30, seed=5)
    assert result.customers == 30
    assert cs.search(clerk, result.first_number).rows[0].number == result.first_number
    created = cs.create(clerk, MATTI, source=DataSource.CUSTOMER_PHONE)
    assert created.number not in (result.first_number, result.last_number)
    with clerk.db.read() as session:
        numbers = session.execute(select(Customer.number)).scalars().all()
        assert len(numbers) == len(set(numbers)) == 31
        order_ids = session.execute(select(Order.id)).scalars().all()
        assert order_ids and len(set(order_ids)) == len(order_ids)
    again = demo.generate(clerk, 5, seed=5)
    assert again.first_number not in numbers
    clerk.close()


def test_marketing_opens_a_customer_with_only_its_columns(pg_db) -> None:  # type: ignore[no-untyped-def]
    """Marketing may read names, addresses and contact channels: the desk opens the record
    with just those columns (a full read would be refused by the database) and shows the
    rest empty; the whole-record JSON withholds what marketing may not read."""
    clerk = pg_db.session(pg_db.add_user(Level.CLERK))
    m = cs.create(clerk, MATTI, source=DataSource.CUSTOMER_PHONE)
    marketing = pg_db.session(pg_db.add_user(Level.MARKETING))
    seen = cs.get(marketing, m.number, purpose=Purpose.CUSTOMER_SERVICE)
    assert (seen.surname, seen.street, seen.email) == ("Möttönen", "Kotikatu 1", "matti@example.fi")
    assert seen.birth_date is None and seen.updated_at is None and seen.sources == {}
    doc = record.customer_record(marketing, m.number, purpose=Purpose.CUSTOMER_SERVICE)
    assert doc["customer"]["surname"] == "Möttönen"
    assert doc["customer"]["birth_date"] is None
    # A clerk still reads everything.
    full = cs.get(clerk, m.number, purpose=Purpose.CUSTOMER_SERVICE)
    assert full.birth_date == date(1970, 5, 1) and full.updated_at is not None
    marketing.close()
    clerk.close()


def test_search_words_on_postgres_for_every_level(pg_db) -> None:  # type: ignore[no-untyped-def]
    """Company words, contact persons, streets and post offices are found on PostgreSQL as
    on SQLite, by every level that may search (marketing reads search words and just the
    customer columns it may); a save rewrites the words; a wrong check digit says so."""
    from kkdesk.domain.search import WordKind
    from kkdesk.errors import KnownError

    clerk = pg_db.session(pg_db.add_user(Level.CLERK))
    co = cs.create(
        clerk,
        CustomerDraft(
            type=CustomerType.COMPANY,
            company_name="Leirintäalue Kotkajärvi Oy",
            business_id="2331972-7",
            street="Kotkankatu 5 B 12",
            postal_code="68600",
            post_office="Pietarsaari",
            contacts=(ContactPersonDraft(surname="Björklund", first_names="Anna"),),
        ),
        source=DataSource.PUBLIC_SOURCE,
    )
    expected = {
        "kotkaj": (WordKind.NAME, "Leirintäalue Kotkajärvi Oy"),
        "björk": (WordKind.CONTACT, "Björklund Anna"),
        "anna bjork": (WordKind.CONTACT, "Björklund Anna"),
        "kotkankatu 5": (WordKind.STREET, "Kotkankatu 5 B 12"),
        "pietars": (WordKind.POST_OFFICE, "PIETARSAARI"),
    }
    for level in (Level.VIEWER, Level.CLERK, Level.MARKETING, Level.PRIVACY, Level.ADMIN):
        ds = clerk if level is Level.CLERK else pg_db.session(pg_db.add_user(level))
        for text, (kind, shown) in expected.items():
            rows = cs.search(ds, text).rows
            assert [(r.number, r.matched, r.matched_text) for r in rows] == [
                (co.number, kind, shown)
            ], (level, text)
        if ds is not clerk:
            ds.close()
    moved = cs.update(
        clerk,
        co.number,
        replace(co.to_draft(), street="Satamatie 2"),
        expected_version=co.version,
        source=DataSource.CUSTOMER_PHONE,
    )
    assert moved.street == "Satamatie 2"
    assert cs.search(clerk, "kotkankatu").rows == ()
    assert [r.number for r in cs.search(clerk, "satamat").rows] == [co.number]
    with pytest.raises(KnownError) as caught:
        cs.search(clerk, "2331972-8")
    assert caught.value.code == "check_digit"
    clerk.close()
