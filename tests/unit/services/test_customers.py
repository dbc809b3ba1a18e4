"""Customer use cases on a real migrated SQLite register."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import func, select

from kkdesk.domain.customer import ContactPersonDraft, CustomerDraft
from kkdesk.domain.enums import CustomerType, DataSource, Purpose
from kkdesk.domain.levels import Level
from kkdesk.errors import NotFound, PermissionDenied, StaleEdit, ValidationFailed
from kkdesk.services import customers as cs
from kkdesk.services.session import DeskSession
from kkdesk.store.models import AuditEvent, Customer, PersonalDataChange

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
COMPANY = CustomerDraft(
    type=CustomerType.COMPANY,
    company_name="Virtanen & Poika Oy",
    business_id="2331972-7",
    street="Teollisuustie 5",
    postal_code="33100",
    post_office="Tampere",
    contacts=(ContactPersonDraft(surname="Virtanen", first_names="Ville", email="ville@vp.fi"),),
)


def count(ds: DeskSession, model: type) -> int:
    with ds.db.read() as session:
        return int(session.execute(select(func.count()).select_from(model)).scalar_one())


def test_create_normalises_numbers_and_records_sources(ds: DeskSession) -> None:
    c = cs.create(ds, MATTI, source=DataSource.CUSTOMER_PHONE, source_detail="call 24.11.")
    assert c.number.isdigit() and len(c.number) == 7
    assert c.phone_mobile == "+358401234567"
    assert c.sources["street"] is DataSource.CUSTOMER_PHONE
    hist = cs.history(ds, c.number)
    assert {h.field for h in hist} >= {"surname", "first_names", "street", "email", "birth_date"}
    assert all(h.old_value == "" and h.changed_by == ds.user for h in hist)


def test_invalid_data_is_never_stored(ds: DeskSession) -> None:
    with pytest.raises(ValidationFailed):
        cs.create(ds, replace(MATTI, email="not an address"), source=DataSource.CUSTOMER_PHONE)
    assert count(ds, Customer) == 0
    assert count(ds, PersonalDataChange) == 0


def test_update_records_old_and_new_with_the_new_source(ds: DeskSession) -> None:
    c = cs.create(ds, MATTI, source=DataSource.CUSTOMER_WEBSHOP)
    moved = cs.update(
        ds,
        c.number,
        replace(c.to_draft(), street="Uusikatu 2", postal_code="33100", post_office="Tampere"),
        expected_version=c.version,
        source=DataSource.UPDATE_SERVICE,
    )
    assert moved.version > c.version
    assert moved.sources["street"] is DataSource.UPDATE_SERVICE
    assert moved.sources["surname"] is DataSource.CUSTOMER_WEBSHOP
    change = next(h for h in cs.history(ds, c.number) if h.field == "street")
    assert (change.old_value, change.new_value) == ("Kotikatu 1", "Uusikatu 2")


def test_an_outdated_save_is_refused_and_changes_nothing(ds: DeskSession) -> None:
    c = cs.create(ds, MATTI, source=DataSource.CUSTOMER_WEBSHOP)
    cs.update(
        ds,
        c.number,
        replace(c.to_draft(), street="Eka 1"),
        expected_version=c.version,
        source=DataSource.CUSTOMER_PHONE,
    )
    before = count(ds, PersonalDataChange)
    with pytest.raises(StaleEdit) as err:
        cs.update(
            ds,
            c.number,
            replace(c.to_draft(), street="Toka 2"),
            expected_version=c.version,
            source=DataSource.CUSTOMER_PHONE,
        )
    assert err.value.params["changed_by"] == ds.user
    assert count(ds, PersonalDataChange) == before
    assert cs.get(ds, c.number, purpose=Purpose.CUSTOMER_SERVICE).street == "Eka 1"


def test_company_contacts_are_added_changed_and_removed_with_history(ds: DeskSession) -> None:
    co = cs.create(ds, COMPANY, source=DataSource.PUBLIC_SOURCE)
    assert [c.first_names for c in co.contacts] == ["Ville"]
    ville = co.contacts[0]
    draft = replace(
        co.to_draft(),
        contacts=(
            replace(co.to_draft().contacts[0], role="Toimitusjohtaja"),
            ContactPersonDraft(surname="Nieminen", first_names="Nea", phone_mobile="050 765 4321"),
        ),
    )
    co2 = cs.update(
        ds, co.number, draft, expected_version=co.version, source=DataSource.CUSTOMER_EMAIL
    )
    assert [(c.first_names, c.role) for c in co2.contacts] == [
        ("Ville", "Toimitusjohtaja"),
        ("Nea", ""),
    ]
    co3 = cs.update(
        ds,
        co.number,
        replace(co2.to_draft(), contacts=co2.to_draft().contacts[1:]),
        expected_version=co2.version,
        source=DataSource.CUSTOMER_EMAIL,
    )
    assert [c.first_names for c in co3.contacts] == ["Nea"]
    removed = [
        h
        for h in cs.history(ds, co.number)
        if h.contact_person_id == ville.id and h.new_value == ""
    ]
    assert {h.field for h in removed} >= {"surname", "first_names", "email"}


def test_reads_and_changes_are_audited_without_personal_values(ds: DeskSession) -> None:
    c = cs.create(ds, MATTI, source=DataSource.CUSTOMER_WEBSHOP)
    cs.get(ds, c.number, purpose=Purpose.ORDER_HANDLING)
    with ds.db.read() as session:
        rows = session.execute(
            select(
                AuditEvent.customer_number, AuditEvent.action, AuditEvent.purpose, AuditEvent.detail
            ).order_by(AuditEvent.id)
        ).all()
    assert [(r.action, r.purpose) for r in rows] == [
        ("create", "customer_service"),
        ("read", "order_handling"),
    ]
    for r in rows:
        assert r.customer_number == c.number
        assert "Möttönen" not in "".join(r)


def test_search_finds_by_every_kind_of_key(ds: DeskSession) -> None:
    m = cs.create(ds, MATTI, source=DataSource.CUSTOMER_WEBSHOP)
    co = cs.create(ds, COMPANY, source=DataSource.PUBLIC_SOURCE)

    def hits(text: str) -> list[str]:
        return [r.number for r in cs.search(ds, text).rows]

    for text in (
        "mott",
        "MÖTTÖNEN",
        "matti mött",
        "mött juh",
        m.number,
        "matti@example.fi",
        "040 123 4567",
        "+358401234567",
        "00100",
    ):
        assert hits(text) == [m.number], text
    for text in ("virtanen", "2331972-7", "ville@vp", "33100"):
        assert hits(text) == [co.number], text
    assert hits("nobody") == []


def test_search_finds_a_company_by_its_contact_persons_phones(ds: DeskSession) -> None:
    contact = ContactPersonDraft(
        surname="Aalto", first_names="Aino", phone_work="09 123 4567", phone_mobile="0451234567"
    )
    co = cs.create(ds, replace(COMPANY, contacts=(contact,)), source=DataSource.PUBLIC_SOURCE)
    for text in ("09 1234567", "+358 45 1234567"):
        assert [r.number for r in cs.search(ds, text).rows] == [co.number], text


def test_search_pages_continue_where_they_ended(demo_ds: DeskSession) -> None:
    whole = [r.number for r in cs.search(demo_ds, "ma", limit=10_000).rows]
    assert len(whole) > 30
    pages: list[str] = []
    after = None
    while True:
        page = cs.search(demo_ds, "ma", after=after, limit=7)
        pages += [r.number for r in page.rows]
        if page.next is None:
            break
        after = page.next
    assert pages == whole


def test_find_duplicates(ds: DeskSession) -> None:
    m = cs.create(ds, MATTI, source=DataSource.CUSTOMER_WEBSHOP)
    same_phone = CustomerDraft(surname="Other", first_names="Name", phone_mobile="+358401234567")
    assert [d.number for d in cs.find_duplicates(ds, same_phone)] == [m.number]
    same_person = replace(MATTI, email="", phone_mobile="")
    assert [d.number for d in cs.find_duplicates(ds, same_person)] == [m.number]
    assert cs.find_duplicates(ds, CustomerDraft(surname="New", first_names="One")) == ()


def test_unknown_number_and_level_refusals(ds: DeskSession) -> None:
    with pytest.raises(NotFound):
        cs.get(ds, "1234567", purpose=Purpose.CUSTOMER_SERVICE)
    viewer = DeskSession(ds.db, Level.VIEWER)
    with pytest.raises(PermissionDenied):
        cs.create(viewer, MATTI, source=DataSource.CUSTOMER_WEBSHOP)
    assert count(ds, Customer) == 0


def test_type_cannot_change(ds: DeskSession) -> None:
    m = cs.create(ds, MATTI, source=DataSource.CUSTOMER_WEBSHOP)
    with pytest.raises(Exception) as err:
        cs.update(
            ds,
            m.number,
            replace(COMPANY),
            expected_version=m.version,
            source=DataSource.CUSTOMER_PHONE,
        )
    assert getattr(err.value, "code", "") == "type_change"
