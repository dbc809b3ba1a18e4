"""Customers with rich histories for the letter tests: one built by hand as plain data (no
database), one written into a real register through the services.

Each returns the strings that must appear in the customer's letter, so tests can check
that nothing held is left out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from kkdesk.domain.consent import ConsentEvent, ConsentItem, Evidence
from kkdesk.domain.customer import ContactPerson, ContactPersonDraft, Customer, CustomerDraft
from kkdesk.domain.disclosure import DisclosureDraft, DisclosureKind
from kkdesk.domain.enums import Channel, CustomerType, DataSource, Language
from kkdesk.domain.orders import (
    Delivery,
    Order,
    OrderLine,
    OrderStatus,
    Return,
    ReturnLine,
)
from kkdesk.domain.register_info import DEFAULT
from kkdesk.reports.data import AccessEntry, AccessLetter, DisclosureEntry
from kkdesk.services import consents, customers, disclosures
from kkdesk.services.session import DeskSession
from tests.orders_factory import LineSpec, OrderSpec, ReturnSpec, add_orders

T0 = datetime(2024, 1, 5, 10, 0, tzinfo=UTC)


@dataclass
class Expected:
    """What a letter must contain (any language) and must not."""

    number: str
    present: list[str] = field(default_factory=list)
    absent: list[str] = field(default_factory=list)


def plain_customer(
    number: str = "100234",
    *,
    language: Language = Language.FI,
    surname: str = "Äijälä",
    first_names: str = "Öllervo Åke",
) -> Customer:
    return Customer(
        id=1,
        number=number,
        type=CustomerType.PERSON,
        customer_since=date(2019, 3, 1),
        surname=surname,
        first_names=first_names,
        company_name="",
        business_id="",
        street="Pitkä & <Kapea> katu 5 B 12",
        postal_code="00100",
        post_office="Helsinki",
        country="FI",
        phone_home="+35891234567",
        phone_work="+35898765432",
        phone_mobile="+358401234567",
        email="ollervo@example.fi",
        birth_date=date(1970, 5, 17),
        language=language,
        notes="Soittaa mieluiten aamuisin.",
        extra={"asiakasryhmä": "kanta-asiakas"},
        version=3,
        updated_at=T0,
        updated_by="anna",
        contacts=(
            ContactPerson(7, "Virtanen", "Liisa", "Puoliso", "", "+358501112223", "liisa@ex.fi"),
        ),
    )


def plain_orders(n: int) -> tuple[Order, ...]:
    out = []
    for i in range(n):
        at = T0 + timedelta(days=3 * i)
        lines = (
            OrderLine(10 * i + 1, 1, "KK-1001", "Ruohonleikkuri Honda HRX 476", 1, 89900, 2550),
            OrderLine(10 * i + 2, 2, "KK-2002", 'Teräketju 3/8" 1,3 mm', 3, 2490, 2550),
        )
        returns = (
            (
                Return(
                    i + 1, f"R{i:05d}", at + timedelta(days=10), at + timedelta(days=14),
                    at + timedelta(days=15), f"Väärä koko {i}", 2490,
                    (ReturnLine(10 * i + 2, 1),),
                ),
            )
            if i % 3 == 0
            else ()
        )  # fmt: skip
        out.append(
            Order(
                i + 1, f"W{2023000 + i}", at, OrderStatus.DELIVERED, 89900 + 3 * 2490, lines,
                (
                    Delivery(
                        i + 1, at + timedelta(days=1), at + timedelta(days=3), "Posti",
                        f"JJFI{i:08d}", "Öllervo Äijälä", "Pitkä katu 5 B 12", "00100",
                        "HELSINKI", "FI",
                    ),
                ),
                returns,
            )
        )  # fmt: skip
    return tuple(out)


def plain_letter(
    language: Language | str = Language.FI, *, orders: int = 4, name_staff: bool = False
) -> AccessLetter:
    """A rich letter built by hand: every kind of data, markup characters in values."""
    from kkdesk.domain.customer import FieldChange

    events = (
        ConsentEvent(1, ConsentItem.DIRECT_ADVERTISING, True, date(2021, 4, 1), Channel.LETTER,
                     "KIRJE-2021-44", "Kirjallinen kielto", "anna", T0),
        ConsentEvent(2, ConsentItem.EMAIL_MARKETING, True, date(2020, 1, 1), Channel.WEBSHOP,
                     "WEB-1", "", "webshop", T0),
        ConsentEvent(3, ConsentItem.EMAIL_MARKETING, False, date(2022, 2, 2), Channel.EMAIL,
                     "SP-2022-9", "Peruutti", "anna", T0),
        ConsentEvent(4, ConsentItem.GENEALOGY, True, date(2022, 2, 2), Channel.PHONE,
                     "PUH-2022-1", "", "anna", T0, 7),
    )  # fmt: skip
    changes = (
        FieldChange(T0, "anna", "street", "Vanha tie 1", "Pitkä & <Kapea> katu 5 B 12",
                    DataSource.UPDATE_SERVICE, "Posti osoitepalvelu"),
        FieldChange(T0 - timedelta(days=400), "webshop", "email", "", "ollervo@example.fi",
                    DataSource.CUSTOMER_WEBSHOP, ""),
        FieldChange(T0 - timedelta(days=300), "anna", "phone_mobile", "", "+358501112223",
                    DataSource.CUSTOMER_PHONE, "", 7),
    )  # fmt: skip
    disclosed = (
        DisclosureEntry(T0, "Kuluttajatutkimus Oy", "marketing_export", "market-research",
                        "oikeutettu etu", "Postitusluettelo kevät 2023"),
    )  # fmt: skip
    log = tuple(
        AccessEntry(T0 + timedelta(hours=i), "read", "customer_service", "anna.staff")
        for i in range(5)
    )
    return AccessLetter(
        language=Language(language),
        letter_date=date(2025, 11, 24),
        register=DEFAULT,
        customer=plain_customer(language=Language(language)),
        reference="42",
        received_on=date(2025, 11, 10),
        orders=plain_orders(orders),
        consent_events=events,
        changes=changes,
        disclosures=disclosed,
        access_log=log,
        name_staff=name_staff,
    )


# --- a rich customer in a real register ------------------------------------------------

TODAY = date.today()


TOWNS = ("Jyväskylä", "Äänekoski", "Mänttä-Vilppula", "Pietarsaari", "Närpiö", "Säkylä", "Öja")


def business_id(seed: int) -> str:
    from stdnum.fi import ytunnus

    for n in range(2300000 + seed * 10, 2300000 + seed * 10 + 10):
        for check in "0123456789":
            if ytunnus.is_valid(f"{n}-{check}"):
                return f"{n}-{check}"
    raise AssertionError("no valid business ID near the seed")


def rich_customer(ds: DeskSession, tag: str = "A", *, company: bool = False) -> Expected:
    """A customer with every kind of data, written through the services. ``tag`` makes
    each customer's values unique, so a test can tell two customers' letters apart. A
    company has a contact person (with a prohibition of their own); a person has the
    personal fields (names, birth date)."""
    common = dict(
        street=f"Sääksvuorentie {ord(tag) % 50 + 1} & B",
        postal_code=f"40{ord(tag):03d}",
        post_office=TOWNS[ord(tag) % len(TOWNS)],
        phone_home=f"014 {ord(tag) + 200} 456",
        phone_work=f"014 {ord(tag) + 300} 666",
        phone_mobile=f"040 {ord(tag) + 100} 4321",
        email=f"asa.{tag.lower()}@example.fi",
        notes=f"Huomautus {tag} <tärkeä>",
        extra={"kanta-asiakasnumero": f"KA-{tag}-77"},
    )
    present: list[str] = []
    if company:
        bid = business_id(ord(tag))
        draft = CustomerDraft(
            type=CustomerType.COMPANY,
            company_name=f"Kärkkäinen{tag} & Poika Oy",
            business_id=bid,
            contacts=(
                ContactPersonDraft(surname=f"Puoliso{tag}", first_names="Pirjo", role="hankinnat",
                                   phone_mobile=f"050 {ord(tag) + 100} 2233",
                                   email=f"pirjo.{tag.lower()}@ex.fi"),
            ),
            **common,  # type: ignore[arg-type]
        )  # fmt: skip
        present += [f"Kärkkäinen{tag} & Poika Oy", bid, f"Puoliso{tag}", "hankinnat",
                    f"pirjo.{tag.lower()}@ex.fi", f"+35850{ord(tag) + 100}2233"]  # fmt: skip
    else:
        draft = CustomerDraft(
            surname=f"Kärkkäinen{tag}",
            first_names=f"Åsa Öljy{tag}",
            birth_date=date(1966, 6, 6),
            **common,  # type: ignore[arg-type]
        )
        present += [f"Kärkkäinen{tag}", f"Åsa Öljy{tag}"]
    created = customers.create(ds, draft, source=DataSource.CUSTOMER_WEBSHOP)
    number = created.number
    moved = customers.update(
        ds,
        number,
        CustomerDraft(**{**_draft_dict(created.to_draft()), "street": f"Uusikatu {tag} 9"}),
        expected_version=created.version,
        source=DataSource.UPDATE_SERVICE,
        source_detail=f"Osoitepalvelu-{tag}",
    )
    consents.record(
        ds,
        number,
        ConsentItem.DIRECT_ADVERTISING,
        True,
        Evidence(TODAY - timedelta(days=30), Channel.LETTER, f"KIELTO-{tag}-1"),
    )
    consents.record(
        ds,
        number,
        ConsentItem.EMAIL_MARKETING,
        True,
        Evidence(TODAY - timedelta(days=60), Channel.WEBSHOP, f"SUOST-{tag}-1"),
    )
    consents.record(
        ds,
        number,
        ConsentItem.EMAIL_MARKETING,
        False,
        Evidence(TODAY - timedelta(days=10), Channel.EMAIL, f"PERUUTUS-{tag}-1"),
    )
    consents.record(
        ds,
        number,
        ConsentItem.GENEALOGY,
        True,
        Evidence(TODAY - timedelta(days=5), Channel.PHONE, f"SUKU-{tag}-1"),
        contact_person_id=moved.contacts[0].id if moved.contacts else None,
    )
    disclosures.record(
        ds,
        number,
        DisclosureDraft(DisclosureKind.AUTHORITY, TODAY - timedelta(days=3),
                        f"Poliisilaitos {tag}", "Poliisilaki 4:2", f"Osoitetiedot {tag}"),
    )  # fmt: skip
    add_orders(
        ds,
        number,
        [
            OrderSpec(
                f"W{tag}-1", T0,
                lines=[LineSpec(f"Moottorisaha {tag}", 1, 49900, f"MS-{tag}"),
                       LineSpec(f"Teräketju {tag}", 2, 2490, f"TK-{tag}")],
                shipped_at=T0 + timedelta(days=1), delivered_at=T0 + timedelta(days=3),
                tracking_code=f"JJFI{tag}0001",
                returns=[ReturnSpec(T0 + timedelta(days=5), {2: 1}, T0 + timedelta(days=8),
                                    T0 + timedelta(days=10), refund_cents=2490,
                                    reason=f"Väärä koko {tag}")],
            ),
            OrderSpec(f"W{tag}-2", T0 + timedelta(days=40),
                      lines=[LineSpec(f"Lehtipuhallin {tag}", 1, 19900, f"LP-{tag}")]),
        ],
    )  # fmt: skip
    present += [
        number,
        f"Uusikatu {tag} 9",
        f"Sääksvuorentie {ord(tag) % 50 + 1} & B",  # the old street, in the change history
        created.postal_code,
        created.post_office,
        created.phone_home,
        created.phone_work,
        created.phone_mobile,
        f"asa.{tag.lower()}@example.fi",
        f"Huomautus {tag} <tärkeä>",
        f"KA-{tag}-77",
        f"KIELTO-{tag}-1",
        f"SUOST-{tag}-1",
        f"PERUUTUS-{tag}-1",
        f"SUKU-{tag}-1",
        f"Poliisilaitos {tag}",
        f"Osoitetiedot {tag}",
        f"Osoitepalvelu-{tag}",
        f"W{tag}-1",
        f"W{tag}-2",
        f"Moottorisaha {tag}",
        f"Teräketju {tag}",
        f"Lehtipuhallin {tag}",
        f"JJFI{tag}0001",
        f"R-W{tag}-1-1",
        f"Väärä koko {tag}",
    ]
    return Expected(number, present)


def _draft_dict(draft: CustomerDraft) -> dict[str, object]:
    return {f: getattr(draft, f) for f in draft.__dataclass_fields__}
