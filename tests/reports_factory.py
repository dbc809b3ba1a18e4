"""Customers with rich histories for the letter tests: one built by hand as plain data (no
database), one written into a real register through the services.

Each says what must appear in the customer's letter in a given language, so tests can
check that nothing held is left out, and what must not (another customer's data, stored
codes that a customer cannot read).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from kkdesk.domain.consent import ConsentEvent, ConsentItem, Evidence, MarketingPurpose
from kkdesk.domain.customer import (
    ContactPerson,
    ContactPersonDraft,
    Customer,
    CustomerDraft,
    FieldChange,
)
from kkdesk.domain.disclosure import DisclosureDraft, DisclosureKind
from kkdesk.domain.enums import AuditAction, Channel, CustomerType, DataSource, Language, Purpose
from kkdesk.domain.orders import Delivery, Order, OrderLine, OrderStatus, Return, ReturnLine
from kkdesk.domain.register_info import DEFAULT
from kkdesk.reports.data import AccessEntry, AccessLetter, DisclosureEntry
from kkdesk.reports.texts import Words
from kkdesk.services import consents, customers, disclosures
from kkdesk.services.session import DeskSession
from kkdesk.store import models as m
from tests.orders_factory import LineSpec, OrderSpec, ReturnSpec, add_orders

T0 = datetime(2024, 1, 5, 10, 0, tzinfo=UTC)

# Stored codes a letter must never show a customer (each has a phrase in every language).
# Only the codes that no language's own words contain (an underscore or hyphen in them).
CODES: tuple[str, ...] = tuple(
    sorted(
        code
        for code in {
            *(v.value for v in DataSource),
            *(v.value for v in Purpose),
            *(v.value for v in ConsentItem),
            *(v.value for v in MarketingPurpose),
            *(v.value for v in DisclosureKind),
            *(v.value for v in Channel),
        }
        # ("direct-marketing" is also plain English: "a direct-marketing prohibition".)
        if ("_" in code or "-" in code) and code != "direct-marketing"
    )
)


@dataclass
class Expected:
    """What a letter must contain and must not. ``present`` holds the same strings in every
    language; ``localised(w)`` those written in the letter's language (dates, amounts,
    phone numbers, sources)."""

    number: str
    present: list[str] = field(default_factory=list)
    localised: Callable[[Words], list[str]] = lambda _w: []
    absent: list[str] = field(default_factory=list)
    # A company's contact person's own data: only in the letter made for that person
    # (Art. 15(4)); never in the company's letter nor in a colleague's.
    contact: list[str] = field(default_factory=list)
    contact_id: int | None = None

    def expected(self, language: Language | str) -> list[str]:
        return [*self.present, *self.localised(Words(language))]


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
    language: Language | str = Language.FI,
    *,
    orders: int = 4,
    name_staff: bool = False,
    access_log: int = 5,
) -> AccessLetter:
    """A rich letter built by hand: every kind of data, markup characters in values."""
    events = (
        ConsentEvent(1, ConsentItem.DIRECT_ADVERTISING, True, date(2021, 4, 1), Channel.LETTER,
                     "KIRJE-2021-44", "Kirjallinen kielto", "anna", T0),
        ConsentEvent(2, ConsentItem.EMAIL_MARKETING, True, date(2020, 1, 1), Channel.WEBSHOP,
                     "WEB-1", "", "webshop", T0),
        ConsentEvent(3, ConsentItem.EMAIL_MARKETING, False, date(2022, 2, 2), Channel.EMAIL,
                     "SP-2022-9", "Peruutti", "anna", T0),
        ConsentEvent(4, ConsentItem.GENEALOGY, True, date(2022, 2, 2), Channel.PHONE,
                     "PUH-2022-1", "", "anna", T0, 7),
        ConsentEvent(5, ConsentItem.RESTRICTION, True, date(2023, 3, 3), Channel.IN_PERSON,
                     "KÄYNTI-2023-3", "", "anna", T0),
    )  # fmt: skip
    changes = (
        FieldChange(T0, "anna", "street", "Vanha tie 1", "Pitkä & <Kapea> katu 5 B 12",
                    DataSource.UPDATE_SERVICE, "Posti osoitepalvelu"),
        FieldChange(T0 - timedelta(days=400), "webshop", "email", "", "ollervo@example.fi",
                    DataSource.CUSTOMER_WEBSHOP, ""),
        FieldChange(T0 - timedelta(days=300), "anna", "phone_mobile", "", "+358501112223",
                    DataSource.CUSTOMER_PHONE, "", 7),
        FieldChange(T0 - timedelta(days=500), "anna", "birth_date", "", "1970-05-17",
                    DataSource.PUBLIC_SOURCE, "Väestötietojärjestelmä"),
        FieldChange(T0 - timedelta(days=200), "anna", "country", "SE", "FI",
                    DataSource.PARTNER, "Kumppani Oy"),
    )  # fmt: skip
    disclosed = (
        DisclosureEntry(T0, "Kuluttajatutkimus Oy", "marketing_export", "market-research",
                        "Register description, section 7: disclosure for direct marketing",
                        "Marketing export (market-research, post): kevat.csv", "post"),
        DisclosureEntry(T0 + timedelta(days=2), "Poliisilaitos", "authority", "",
                        "Poliisilaki 4:2", "Osoitetiedot"),
    )  # fmt: skip
    log = tuple(
        AccessEntry(T0 + timedelta(hours=i), "read", "customer_service", "anna.staff")
        for i in range(access_log)
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
        suppressed=((None, ConsentItem.SMS_MARKETING),),
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


def add_marketing_disclosure(ds: DeskSession, number: str, recipient: str) -> None:
    """A marketing export that included this customer, recorded as the export records it
    (its basis and description in the export's own English words)."""
    with ds.db.session() as session:
        cid = session.query(m.Customer.id).filter(m.Customer.number == number).scalar()
        row = m.Disclosure(
            disclosed_at=datetime.now(UTC) - timedelta(days=7),
            recorded_by=ds.user,
            kind=DisclosureKind.MARKETING_EXPORT.value,
            purpose=MarketingPurpose.MARKET_RESEARCH.value,
            channel="post",
            recipient=recipient,
            legal_basis="Register description, section 7: disclosure for direct marketing",
            description="Marketing export (market-research, post): research.csv",
            customer_count=1,
        )
        session.add(row)
        session.flush()
        session.add(m.DisclosureCustomer(disclosure_id=row.id, customer_id=cid))


def rich_customer(ds: DeskSession, tag: str = "A", *, company: bool = False) -> Expected:
    """A customer with every kind of data, written through the services. ``tag`` makes
    each customer's values unique, so a test can tell two customers' letters apart. A
    company has a contact person (with a prohibition of their own); a person has the
    personal fields (names, birth date)."""
    n = ord(tag)
    common = dict(
        street=f"Sääksvuorentie {n % 50 + 1} & B",
        postal_code=f"40{n:03d}",
        post_office=TOWNS[n % len(TOWNS)],
        phone_home=f"014 {n + 200} 456",
        phone_work=f"014 {n + 300} 666",
        phone_mobile=f"040 {n + 100} 4321",
        email=f"asa.{tag.lower()}@example.fi",
        notes=f"Huomautus {tag} <tärkeä>",
        extra={"kanta-asiakasnumero": f"KA-{tag}-77"},
    )
    present: list[str] = []
    if company:
        bid = business_id(n)
        draft = CustomerDraft(
            type=CustomerType.COMPANY,
            company_name=f"Kärkkäinen{tag} & Poika Oy",
            business_id=bid,
            contacts=(
                ContactPersonDraft(surname=f"Puoliso{tag}", first_names="Pirjo", role="hankinnat",
                                   phone_mobile=f"050 {n + 100} 2233",
                                   email=f"pirjo.{tag.lower()}@ex.fi"),
            ),
            **common,  # type: ignore[arg-type]
        )  # fmt: skip
        present += [f"Kärkkäinen{tag} & Poika Oy", bid]
        contact = [f"Puoliso{tag}", "hankinnat", f"pirjo.{tag.lower()}@ex.fi", f"SUKU-{tag}-1"]
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
    add_marketing_disclosure(ds, number, f"Tutkimuslaitos {tag} Oy")
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
        f"Sääksvuorentie {n % 50 + 1} & B",  # the old street, in the change history
        created.postal_code,
        created.post_office,
        f"asa.{tag.lower()}@example.fi",
        f"Huomautus {tag} <tärkeä>",
        f"KA-{tag}-77",
        f"KIELTO-{tag}-1",
        f"SUOST-{tag}-1",
        f"PERUUTUS-{tag}-1",
        *([] if company else [f"SUKU-{tag}-1"]),
        f"Poliisilaitos {tag}",
        f"Osoitetiedot {tag}",
        f"Tutkimuslaitos {tag} Oy",
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

    def localised(w: Words) -> list[str]:
        out = [
            w.phone(created.phone_home),
            w.phone(created.phone_work),
            w.phone(created.phone_mobile),
            w.date(created.customer_since),
            w.date(T0),  # the first order, and its delivery's shipping day - 1
            w.date(T0 + timedelta(days=40)),
            w.date(T0 + timedelta(days=5)),  # the return requested
            w.money(49900),
            w.money(2 * 2490),
            w.money(19900),
            w.money(2490),  # the refund
            w("src_customer_webshop"),  # the source of the fields given at the webshop
            w("src_update_service"),  # ... and of the street from the update service
            w("ci_direct_advertising"),
            w("ci_email_marketing"),
            w("ci_genealogy"),
            w("dk_authority"),
            w("mp_market-research"),  # the marketing export: its purpose,
            w("mx_post"),  # what it held,
            w("mx_basis_interest"),  # and its basis, in the letter's language
            w("ac_create"),  # the access log
            w("pu_customer_service"),
        ]
        if not company:
            out.append(w.date(date(1966, 6, 6)))
        return out

    absent = [
        "Register description, section 7",  # the export's English basis...
        "Marketing export",  # ... and description never print as stored
        "research.csv",
        "+358",  # telephone numbers print as people write them, not as stored
        *CODES,
    ]
    if company:
        contact.append(Words("fi").phone(moved.contacts[0].phone_mobile))
        return Expected(number, present, localised, absent, contact, moved.contacts[0].id)
    return Expected(number, present, localised, absent)


def _draft_dict(draft: CustomerDraft) -> dict[str, object]:
    return {f: getattr(draft, f) for f in draft.__dataclass_fields__}


def log_access(ds: DeskSession, number: str, action: AuditAction, purpose: Purpose) -> None:
    """An audit row as the desk writes one (for tests of the access log)."""
    from kkdesk.services import audit

    with ds.db.session() as session:
        audit.record(session, ds, number, action, purpose)
