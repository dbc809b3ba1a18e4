"""A customer whose personal values reach every table that can hold them, and a search of
every text, JSON and date column of every table for those values (the erasure tests,
SQLite and PostgreSQL alike).

The search walks the database's own catalogue (what the migrations made, not only what
the ORM models declare), so a new table or column is searched without anyone listing it;
a column of a type the walk does not know fails it until someone decides how to search it.
What an erasure keeps on purpose is declared once here, with why (:data:`KEPT_ON_PURPOSE`,
:data:`NOT_SEARCHED`), and every test holds the hits to exactly that.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Engine,
    Float,
    Integer,
    LargeBinary,
    Numeric,
    String,
    Text,
    column,
    inspect,
    select,
    table,
)
from sqlalchemy.types import ARRAY, Interval, TypeEngine

from kkdesk.domain.consent import ConsentItem, Evidence
from kkdesk.domain.customer import ContactPersonDraft, CustomerDraft
from kkdesk.domain.disclosure import DisclosureDraft, DisclosureKind
from kkdesk.domain.enums import Channel, CustomerType, DataSource
from kkdesk.domain.orders import OrderStep, local_day
from kkdesk.domain.restriction import RestrictionGround
from kkdesk.services import consents, customers, disclosures, erasure, requests, restrictions
from kkdesk.services import orders as order_service
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


def rich_person(
    ds: DeskSession,
    *,
    orders: int = 3,
    open_order: bool = False,
    privacy: DeskSession | None = None,
    restriction: bool = True,
) -> Person:
    """A person with a contact, history, consents, a request (its identity check too), a
    disclosure, orders (a delivery address, a return's reason, a step correction's reason)
    and a lifted restriction of processing, each holding their name, e-mail, phone,
    address or birth date somewhere; with ``privacy`` (a privacy-level session) also a
    lifted legal hold whose reason names them."""
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
        identity_method=f"strong electronic identification: {FIRST} {SURNAME} {BIRTH:%d.%m.%Y}",
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
        OrderSpec(
            f"K-{number}-{i}",
            day(i),
            shipped_at=day(i, 2),
            delivered_at=day(i, 30),
            delivery_to=(f"{FIRST} {SURNAME}", NEW_STREET, POSTAL, TOWN),
        )
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
    if orders:
        shown = order_service.get_order(ds, f"K-{number}-0")[1]
        order_service.correct_step(
            ds, f"K-{number}-0", OrderStep.DELIVERED, delivery_id=shown.deliveries[0].id,
            day=local_day(day(0, 40)),
            reason=f"{FIRST} {SURNAME} phoned from {MOBILE}: it came a day later",
        )  # fmt: skip
    if privacy is not None:
        erasure.set_legal_hold(privacy, number, True, f"{SURNAME} disputes an invoice")
        erasure.set_legal_hold(privacy, number, False, f"{FIRST} {SURNAME} paid")
    if restriction:
        # Last: while it is in force nothing above could be recorded.
        restrictions.restrict(
            ds, number, RestrictionGround.ACCURACY_CONTESTED,
            f"{FIRST} {SURNAME} contests the address {NEW_STREET}",
        )  # fmt: skip
        notice = restrictions.make_lift_notice(ds, number, reason="checked")
        restrictions.lift(ds, number, notice.letter_id)
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


# Where an erasure leaves the person's values on purpose, and why (docs/erasure.md).
KEPT_ON_PURPOSE: dict[tuple[str, str], str] = {
    # The normalised e-mail address and phone number of the person's prohibitions: kept so
    # that they are never marketed to again (Art. 17(3)(b), 21(3)); on PostgreSQL row-level
    # security hides them from the levels with no need for them (viewer, clerk).
    ("suppression", "key_value"): "the suppression list blocks marketing to the person",
}
# Columns no text search can read, kept on purpose: the archived letters (PDF bytes) stay
# for letter_archive_years after they were sent, as the outcome letter says.
NOT_SEARCHED: dict[tuple[str, str], str] = {
    ("request_letter", "pdf"): "archived letters follow letter_archive_years",
}
_TEXT = (String, Text, JSON, ARRAY)
_OTHER = (Integer, Boolean, DateTime, Float, Numeric, Interval)


def _kind(t: TypeEngine[object]) -> str:
    """How the walk reads a column of type ``t``: as text, as a date, as bytes, or not."""
    if isinstance(t, _TEXT) or type(t).__name__ in ("JSONB", "CITEXT", "TSVECTOR"):
        return "text"
    if isinstance(t, Date) and not isinstance(t, DateTime):
        return "date"
    if isinstance(t, LargeBinary):
        return "bytes"
    if isinstance(t, _OTHER):
        return "other"
    raise AssertionError(f"the erasure walk does not know how to search a {t!r} column")


@dataclass(frozen=True)
class Walk:
    """What a walk of every column of every table found."""

    hits: frozenset[tuple[str, str, str]]  # (table, column, value)
    tables: frozenset[str]
    searched: frozenset[tuple[str, str]]  # the text and date columns
    not_searched: frozenset[tuple[str, str]]  # the binary ones

    def unexpected(self) -> set[tuple[str, str, str]]:
        """The hits outside :data:`KEPT_ON_PURPOSE`: after an erasure there must be none."""
        return {h for h in self.hits if (h[0], h[1]) not in KEPT_ON_PURPOSE}


def walk(engine: Engine, values: tuple[str, ...], dates: tuple[date, ...] = ()) -> Walk:
    """Search every text and JSON column of every table of the register for ``values``
    (case-insensitive substrings) and every date column for ``dates``, read as the
    engine's user (the owner on PostgreSQL: past row-level security)."""
    wanted = [v.casefold() for v in values]
    hits: set[tuple[str, str, str]] = set()
    searched: set[tuple[str, str]] = set()
    binary: set[tuple[str, str]] = set()
    with engine.connect() as conn:
        insp = inspect(conn)
        names = insp.get_table_names()
        for name in names:
            kinds = {c["name"]: _kind(c["type"]) for c in insp.get_columns(name)}
            binary |= {(name, c) for c, k in kinds.items() if k == "bytes"}
            cols = [c for c, k in kinds.items() if k in ("text", "date")]
            if not cols:
                continue
            searched |= {(name, c) for c in cols}
            t = table(name, *(column(c) for c in cols))
            for row in conn.execute(select(*t.columns)):
                for col, value in zip(cols, row, strict=True):
                    if value is None:
                        continue
                    if kinds[col] == "date":
                        # SQLite gives the ISO text, PostgreSQL a date.
                        day_ = str(value)[:10]
                        if day_ in {d.isoformat() for d in dates}:
                            hits.add((name, col, day_))
                        continue
                    folded = str(value).casefold()
                    for v in wanted:
                        if v in folded:
                            hits.add((name, col, v))
    return Walk(frozenset(hits), frozenset(names), frozenset(searched), frozenset(binary))


def text_hits(engine: Engine, values: tuple[str, ...]) -> Iterator[tuple[str, str, str]]:
    """(table, column, value) for every text column of every table of the register that
    holds one of ``values`` (case-insensitive), read as the engine's user."""
    yield from sorted(walk(engine, values).hits)


def later(n: int) -> date:
    return date.today() + timedelta(days=n)
