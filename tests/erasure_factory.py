"""A customer whose personal values reach every table that can hold them, and a search of
every text column of every table for those values (the erasure tests, SQLite and
PostgreSQL alike)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta

from sqlalchemy import Engine, String, Text, column, inspect, select, table

from kkdesk.domain.consent import ConsentItem, Evidence
from kkdesk.domain.customer import ContactPersonDraft, CustomerDraft
from kkdesk.domain.disclosure import DisclosureDraft, DisclosureKind
from kkdesk.domain.enums import Channel, CustomerType, DataSource
from kkdesk.services import consents, customers, disclosures, requests
from kkdesk.services.session import DeskSession
from tests.orders_factory import OrderSpec, ReturnSpec, add_orders, day

SURNAME, FIRST = "Kivirikko", "Henrietta"
STREET, POSTAL, TOWN = "Ylätuvantie 17 B 4", "33560", "TAMPERELAINEN"
EMAIL, MOBILE, HOME = "henrietta.kivirikko@example.fi", "+358401234567", "+358931234567"
BIRTH = date(1979, 5, 23)
CONTACT_SURNAME, CONTACT_FIRST = "Lumikallio", "Severi"
CONTACT_EMAIL, CONTACT_PHONE = "severi.lumikallio@example.fi", "+358505554433"
NEW_STREET = "Uusikyläntie 99"


@dataclass(frozen=True)
class Person:
    number: str
    values: tuple[str, ...]  # what must be gone from every text column


def rich_person(ds: DeskSession, *, orders: int = 3, open_order: bool = False) -> Person:
    """A person with a contact, history, consents, a request, a disclosure and orders, each
    holding their name, e-mail, phone, address or birth date somewhere."""
    created = customers.create(
        ds,
        CustomerDraft(
            surname=SURNAME, first_names=FIRST, street=STREET, postal_code=POSTAL,
            post_office=TOWN, phone_mobile=MOBILE, phone_home=HOME, email=EMAIL,
            birth_date=BIRTH, notes=f"Called: {FIRST} {SURNAME} prefers e-mail {EMAIL}",
            extra={"shoe size": "44", "nickname": "Henkka Kivirikko"},
        ),
        source=DataSource.CUSTOMER_PHONE,
        source_detail=f"call from {MOBILE}",
    )  # fmt: skip
    number = created.number
    customers.update(
        ds,
        number,
        replace(created.to_draft(), street=NEW_STREET),
        expected_version=created.version,
        source=DataSource.CUSTOMER_LETTER,
    )
    consents.record(
        ds, number, ConsentItem.DIRECT_MARKETING, True,
        Evidence(date.today(), Channel.LETTER, "K-2026/17",
                 note=f"{FIRST} {SURNAME} wrote from {NEW_STREET}"),
    )  # fmt: skip
    consents.record(
        ds, number, ConsentItem.EMAIL_MARKETING, False,
        Evidence(date.today(), Channel.EMAIL, "scan 4", note=f"{EMAIL} said no"),
    )  # fmt: skip
    requests.add(
        ds, number, "erasure", received_on=date.today(), channel=Channel.EMAIL,
        identity_method="strong electronic identification",
        identity_verified_by="privacy officer",
        note=f"{FIRST} {SURNAME} ({BIRTH:%d.%m.%Y}) asks to be erased, {MOBILE}",
    )  # fmt: skip
    disclosures.record(
        ds, number,
        DisclosureDraft(kind=DisclosureKind.AUTHORITY, disclosed_on=date.today(),
                        recipient="Poliisi", legal_basis="Poliisilaki 4:3",
                        description=f"Address of {SURNAME} {FIRST}: {NEW_STREET}, {TOWN}"),
    )  # fmt: skip
    specs = [
        OrderSpec(f"K-{number}-{i}", day(i), shipped_at=day(i, 2), delivered_at=day(i, 30))
        for i in range(orders)
    ]
    if specs:
        specs[0].returns.append(
            ReturnSpec(day(3), {1: 1}, received_at=day(4), refunded_at=day(5),
                       refund_cents=10000, reason=f"{FIRST} says it was broken")
        )  # fmt: skip
    if open_order:
        specs.append(OrderSpec(f"K-{number}-open", day(40)))
    add_orders(ds, number, specs)
    return Person(
        number,
        (SURNAME, FIRST, STREET, NEW_STREET, EMAIL, MOBILE, HOME, "0401234567", TOWN,
         BIRTH.isoformat(), BIRTH.strftime("%d.%m.%Y"), "Henkka"),
    )  # fmt: skip


def rich_company(ds: DeskSession) -> tuple[str, int, tuple[str, ...]]:
    """A company with two contact persons; (number, the first one's id, its values)."""
    created = customers.create(
        ds,
        CustomerDraft(
            type=CustomerType.COMPANY, company_name="Metsäkone Oy", business_id="0737546-2",
            street="Teollisuustie 3", postal_code="40320", post_office="JYVÄSKYLÄ",
            contacts=(
                ContactPersonDraft(surname=CONTACT_SURNAME, first_names=CONTACT_FIRST,
                                   role="buyer", phone_mobile=CONTACT_PHONE,
                                   email=CONTACT_EMAIL),
                ContactPersonDraft(surname="Ahonen", first_names="Pirjo", role="CEO",
                                   email="pirjo.ahonen@example.fi"),
            ),
        ),
        source=DataSource.CUSTOMER_PHONE,
    )  # fmt: skip
    contact = created.contacts[0]
    consents.record(
        ds, created.number, ConsentItem.DIRECT_MARKETING, True,
        Evidence(date.today(), Channel.LETTER, "K-2026/18",
                 note=f"{CONTACT_FIRST} {CONTACT_SURNAME} objects"),
        contact_person_id=contact.id,
    )  # fmt: skip
    return (
        created.number,
        contact.id,
        (CONTACT_SURNAME, CONTACT_FIRST, CONTACT_EMAIL, CONTACT_PHONE, "0505554433"),
    )


def text_hits(engine: Engine, values: tuple[str, ...]) -> Iterator[tuple[str, str, str]]:
    """(table, column, value) for every text column of every table of the register that
    holds one of ``values`` (case-insensitive), read as the engine's user."""
    wanted = [v.casefold() for v in values]
    with engine.connect() as conn:
        insp = inspect(conn)
        for name in insp.get_table_names():
            cols = [
                c["name"] for c in insp.get_columns(name) if isinstance(c["type"], String | Text)
            ]
            if not cols:
                continue
            t = table(name, *(column(c) for c in cols))
            for row in conn.execute(select(*t.columns)):
                for col, value in zip(cols, row, strict=True):
                    if value is None:
                        continue
                    folded = str(value).casefold()
                    for v in wanted:
                        if v in folded:
                            yield name, col, v


def later(n: int) -> date:
    return date.today() + timedelta(days=n)
