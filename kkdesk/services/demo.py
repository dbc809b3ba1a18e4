"""Deterministic, realistic Finnish demo data for the desk, the tests and the benchmarks.

The same ``--seed`` gives the same register. Speed matters (100,000 customers well under
two minutes, a million for the benchmarks), so Faker only fills name and street pools once;
rows are then drawn from those pools with one seeded ``random.Random`` and written with
bulk Core inserts in chunks, each chunk one transaction.
"""

from __future__ import annotations

import json
import random
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

import phonenumbers
from faker import Faker
from stdnum.fi import ytunnus

from kkdesk.domain.customer import CONTACT_TRACKED_FIELDS
from kkdesk.domain.enums import CustomerType, DataSource
from kkdesk.domain.levels import Capability
from kkdesk.domain.search import customer_number, name_keys, search_words
from kkdesk.errors import KnownError
from kkdesk.services import consent_demo
from kkdesk.services import customers as customers_service
from kkdesk.services import demo_catalogue as cat
from kkdesk.services.session import DeskSession
from kkdesk.store import demo as store
from kkdesk.store.demo import Connection
from kkdesk.store.models import (
    ContactPerson,
    Delivery,
    Order,
    OrderLine,
    Return,
    ReturnLine,
)

CHUNK = 5000
DEMO_USER = "demo"
NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)  # fixed, so that a seed is reproducible

# Extra generators run per chunk, after the chunk's customers and orders exist:
# ``fn(conn, rng, customer_rows)`` where customer_rows are the inserted customer dicts.
# The consents feature adds its prohibitions and consents here.
ExtraGenerator = Callable[[Connection, random.Random, list[dict[str, Any]]], None]
EXTRA_GENERATORS: list[ExtraGenerator] = [consent_demo.generate]


@dataclass(frozen=True)
class DemoResult:
    customers: int
    orders: int
    first_number: str
    last_number: str


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in folded if c.isalnum() and c.isascii())


class _Pools:
    def __init__(self, seed: int) -> None:
        fake = Faker("fi_FI")
        fake.seed_instance(seed)
        person = fake.provider("faker.providers.person")
        self.first_male: list[str] = list(person.first_names_male)
        self.first_female: list[str] = list(person.first_names_female)
        base = list(person.last_names)
        # Faker knows ~400 surnames; real registers have far more. Compose plausible ones
        # so that searches and benchmarks see a realistic spread of name prefixes.
        composed = [r + s for r in cat.SURNAME_ROOTS for s in cat.SURNAME_SUFFIXES]
        self.surnames = sorted(set(base + composed))
        self.streets = sorted({fake.street_name() for _ in range(1500)})
        areas = cat.POSTAL_AREAS
        self.areas = [(a[0], a[1], a[3]) for a in areas]
        self.area_weights = [a[2] for a in areas]
        # Draws added after the first release come from here, so that the main generator's
        # sequence (and with it every customer, order and consent of a seed) stays the same.
        self.more = random.Random(seed * 7919 + 17)


def _mobile(rng: random.Random) -> str:
    return f"+358{rng.choice(('40', '41', '44', '45', '46', '50'))}{rng.randrange(10**7):07d}"


_AREA_CODES = ("9", "2", "3", "5", "6", "8", "13", "14", "15", "17", "19")


def _landline(rng: random.Random) -> str:
    # Not every subscriber range exists in every area; draw until the numbering plan
    # (phonenumbers' metadata) accepts it, so demo data always passes validation.
    while True:
        number = f"+358{rng.choice(_AREA_CODES)}{rng.randrange(2 * 10**6, 10**7)}"
        if phonenumbers.is_valid_number(phonenumbers.parse(number)):
            return number


_YTUNNUS_WEIGHTS = (7, 9, 10, 5, 8, 4, 2)


def _business_id(rng: random.Random) -> str:
    while True:
        body = f"{rng.randrange(10**6, 10**7):07d}"
        rest = sum(int(d) * w for d, w in zip(body, _YTUNNUS_WEIGHTS, strict=True)) % 11
        if rest != 1:  # a remainder of 1 has no valid check digit
            check = 0 if rest == 0 else 11 - rest
            return str(ytunnus.format(f"{body}{check}"))


def fill(
    ds: DeskSession,
    customers: int,
    *,
    seed: int = 1,
    if_empty: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> DemoResult | None:
    """``kkdesk demo``: :func:`generate`, or None when ``if_empty`` and the register has
    customers already.

    A central (PostgreSQL) register that holds customers is refused (code
    ``demo_not_empty``) without ``if_empty``: invented people mixed into a real register
    could be written to, exported and disclosed as if they were customers, and could not
    be told apart afterwards. The embedded register is this workstation's own: more demo
    customers may be added to it (``make run`` adds them once, with ``if_empty``).
    """
    present = customers_service.count(ds)
    if present and if_empty:
        return None
    if present and not ds.is_embedded:
        raise KnownError(
            f"{ds.describe()} already holds {present:,} customers: demo data is added to a "
            "central database only while it is empty, so that no invented customer is ever "
            "mixed with real ones. Use an empty database for trying kkdesk out.",
            code="demo_not_empty",
            customers=present,
        )
    return generate(ds, customers, seed=seed, progress=progress)


def generate(
    ds: DeskSession,
    customers: int,
    *,
    seed: int = 1,
    progress: Callable[[int, int], None] | None = None,
) -> DemoResult:
    """Add ``customers`` demo customers with orders, deliveries and returns."""
    ds.require(Capability.EDIT_CUSTOMERS)
    rng = random.Random(seed)
    pools = _Pools(seed)
    start_id, ids = store.last_ids(ds.db)
    next_id = {t: v + 1 for t, v in ids.items()}
    done = orders_total = 0
    numbers: list[str] = []
    while done < customers:
        n = min(CHUNK, customers - done)
        with store.chunk_transaction(ds.db) as conn:
            rows, first, last = _chunk(conn, rng, pools, start_id + done + 1, n, next_id)
            orders_total += rows
        numbers += [first, last] if not numbers else [last]
        done += n
        if progress is not None:
            progress(done, customers)
    return DemoResult(
        customers=customers,
        orders=orders_total,
        first_number=numbers[0],
        last_number=numbers[-1],
    )


def _chunk(
    conn: Connection,
    rng: random.Random,
    pools: _Pools,
    first_id: int,
    n: int,
    next_id: dict[Any, int],
) -> tuple[int, str, str]:
    """Generate and insert one chunk; the number of orders, the first and last customer
    numbers."""
    custs: list[dict[str, Any]] = []
    contacts: list[dict[str, Any]] = []
    changes: list[dict[str, Any]] = []
    orders: list[dict[str, Any]] = []
    lines: list[dict[str, Any]] = []
    deliveries: list[dict[str, Any]] = []
    returns: list[dict[str, Any]] = []
    return_lines: list[dict[str, Any]] = []
    for cid in range(first_id, first_id + n):
        c = _customer(rng, pools, cid)
        custs.append(c)
        source = rng.choices(
            (DataSource.CUSTOMER_WEBSHOP, DataSource.CUSTOMER_PHONE, DataSource.PARTNER),
            (85, 10, 5),
        )[0].value
        for field in (
            "surname", "first_names", "company_name", "business_id", "street", "postal_code",
            "post_office", "phone_home", "phone_work", "phone_mobile", "email", "birth_date",
        ):  # fmt: skip
            value = c[field]
            if value:
                changes.append(
                    {
                        "customer_id": cid,
                        "contact_person_id": None,
                        "field": field,
                        "old_value": "",
                        "new_value": str(value),
                        "source": source,
                        "source_detail": "",
                        "changed_by": DEMO_USER,
                        "changed_at": c["created_at"],
                    }
                )
        if c["type"] == CustomerType.COMPANY.value:
            for _ in range(rng.choice((1, 1, 2, 3))):
                contact = _contact(rng, pools, cid, next_id, c)
                contacts.append(contact)
                changes.extend(_contact_changes(contact, source, c["created_at"]))
        _orders(rng, c, next_id, orders, lines, deliveries, returns, return_lines)
    store.prepare_import(
        conn, custs, contacts, changes, orders, lines, deliveries, returns, return_lines
    )
    words = _search_words(custs, contacts)
    store.insert_chunk(
        conn, custs, contacts, words, changes, orders, lines, deliveries, returns, return_lines
    )
    for extra in EXTRA_GENERATORS:
        extra(conn, rng, custs)
    return len(orders), custs[0]["number"], custs[-1]["number"]


def _search_words(
    custs: list[dict[str, Any]], contacts: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """The search-word rows of a chunk's customers (what the desk writes with each save)."""
    by_customer: dict[int, list[tuple[int, str]]] = {}
    for contact in contacts:
        by_customer.setdefault(contact["customer_id"], []).append(
            (contact["id"], contact["name_key"])
        )
    return [
        {
            "customer_id": c["id"],
            "kind": w.kind.value,
            "ref": w.ref,
            "word": w.word,
            "sort_key": c["name_key"],
            "phrase": w.phrase,
        }
        for c in custs
        for w in search_words(
            c["name_key"],
            c["name_key_rev"],
            c["street"],
            c["post_office"],
            tuple(by_customer.get(c["id"], ())),
        )
    ]


def _customer(rng: random.Random, pools: _Pools, cid: int) -> dict[str, Any]:
    postal, office, area_lang = rng.choices(pools.areas, pools.area_weights)[0]
    since = NOW.date() - timedelta(days=rng.randrange(30, 12 * 365))
    created = datetime.combine(since, datetime.min.time(), UTC) + timedelta(
        minutes=rng.randrange(8 * 60, 22 * 60)
    )
    street = f"{rng.choice(pools.streets)} {rng.randrange(1, 120)}"
    if rng.random() < 0.35:
        street += f" {rng.choice('ABCDEF')} {rng.randrange(1, 40)}"
    language = area_lang if rng.random() < 0.9 else rng.choice(("fi", "sv", "en"))
    is_company = rng.random() < 0.1
    surname = first = company = business_id = ""
    birth: date | None = None
    phone_home = phone_work = ""
    if is_company:
        trade = rng.choice(cat.COMPANY_TRADES)
        owner = rng.choice(pools.surnames)
        company = rng.choice(
            (f"{trade} {owner} {rng.choice(cat.COMPANY_FORMS)}", f"{owner}n {trade} Oy")
        )
        business_id = _business_id(rng)
        phone_work = _landline(rng)
        mail_local = _ascii(owner)
        email = f"{mail_local}@{_ascii(trade)}{_ascii(owner)}.fi" if rng.random() < 0.8 else ""
    else:
        female = rng.random() < 0.5
        names = pools.first_female if female else pools.first_male
        first = rng.choice(names)
        if rng.random() < 0.6:
            second = rng.choice(names)
            if second != first:
                first = f"{first} {second}"
        surname = rng.choice(pools.surnames)
        if rng.random() < 0.85:
            age_days = rng.randrange(18 * 365, 88 * 365)
            birth = NOW.date() - timedelta(days=age_days)
        if rng.random() < 0.15:
            phone_home = _landline(rng)
        if rng.random() < 0.1:
            phone_work = _landline(rng)
        local = f"{_ascii(first.split()[0])}.{_ascii(surname)}"
        if rng.random() < 0.5:
            local += str(rng.randrange(1, 100))
        email = f"{local}@{rng.choice(cat.EMAIL_DOMAINS)}" if rng.random() < 0.9 else ""
    mobile = _mobile(rng) if rng.random() < 0.92 else ""
    key, key_rev = name_keys(surname, first, company)
    return {
        "id": cid,
        "number": customer_number(cid),
        "type": (CustomerType.COMPANY if is_company else CustomerType.PERSON).value,
        "customer_since": since,
        "surname": surname,
        "first_names": first,
        "company_name": company,
        "business_id": business_id,
        "street": street,
        "postal_code": postal,
        "post_office": office,
        "country": "FI",
        "phone_home": phone_home,
        "phone_work": phone_work,
        "phone_mobile": mobile,
        "email": email,
        "birth_date": birth,
        "language": language,
        "notes": "",
        "extra": "{}" if rng.random() < 0.9 else json.dumps({"asiakasryhmä": "kanta-asiakas"}),
        "name_key": key,
        "name_key_rev": key_rev,
        "email_key": email.casefold(),
        "created_at": created,
        "created_by": DEMO_USER,
        "updated_at": created,
        "updated_by": DEMO_USER,
        "erased_at": None,
        "version": 1,
    }


def _contact(
    rng: random.Random, pools: _Pools, cid: int, next_id: dict[Any, int], company: dict[str, Any]
) -> dict[str, Any]:
    first = rng.choice(pools.first_female + pools.first_male)
    surname = rng.choice(pools.surnames)
    domain = company["email"].split("@")[-1] if company["email"] else "example.fi"
    email = f"{_ascii(first)}.{_ascii(surname)}@{domain}"
    key, key_rev = name_keys(surname, first, "")
    contact_id = next_id[ContactPerson]
    next_id[ContactPerson] += 1
    return {
        "id": contact_id,
        "customer_id": cid,
        "surname": surname,
        "first_names": first,
        "role": rng.choice(cat.ROLES),
        # About half have a direct line of their own beside the mobile phone.
        "phone_work": _landline(pools.more) if pools.more.random() < 0.5 else "",
        "phone_mobile": _mobile(rng),
        "email": email,
        "email_key": email.casefold(),
        "name_key": key,
        "name_key_rev": key_rev,
    }


def _contact_changes(contact: dict[str, Any], source: str, at: datetime) -> list[dict[str, Any]]:
    """A contact person's data came from the same source as their company's (section 6)."""
    return [
        {
            "customer_id": contact["customer_id"],
            "contact_person_id": contact["id"],
            "field": field,
            "old_value": "",
            "new_value": contact[field],
            "source": source,
            "source_detail": "",
            "changed_by": DEMO_USER,
            "changed_at": at,
        }
        for field in CONTACT_TRACKED_FIELDS
        if contact[field]
    ]


def _orders(
    rng: random.Random,
    c: dict[str, Any],
    next_id: dict[Any, int],
    orders: list[dict[str, Any]],
    lines: list[dict[str, Any]],
    deliveries: list[dict[str, Any]],
    returns: list[dict[str, Any]],
    return_lines: list[dict[str, Any]],
) -> None:
    count = min(int(rng.expovariate(1 / 5)), 40)
    span = max((NOW - c["created_at"]).total_seconds(), 3600)
    recipient = c["company_name"] or f"{c['first_names'].split()[0]} {c['surname']}"
    for _ in range(count):
        oid = next_id[Order]
        next_id[Order] += 1
        ordered = c["created_at"] + timedelta(seconds=rng.random() * span)
        total = 0
        order_lines = []
        for line_no in range(1, rng.choice((1, 1, 1, 2, 2, 3)) + 1):
            code, name, price = rng.choice(cat.PRODUCTS)
            qty = 1 if price > 10000 else rng.choice((1, 1, 2, 3, 4))
            lid = next_id[OrderLine]
            next_id[OrderLine] += 1
            line = {
                "id": lid,
                "order_id": oid,
                "line_no": line_no,
                "product_code": code,
                "product_name": name,
                "quantity": qty,
                "unit_price_cents": price,
                "vat_rate_bp": cat.VAT_BP,
            }
            order_lines.append(line)
            total += qty * price
        lines.extend(order_lines)
        age = NOW - ordered
        shipped = (
            ordered + timedelta(hours=rng.randrange(4, 72)) if age > timedelta(days=1) else None
        )
        delivered = (
            shipped + timedelta(hours=rng.randrange(12, 96))
            if shipped is not None and age > timedelta(days=6)
            else None
        )
        status = "delivered" if delivered else ("shipped" if shipped else "open")
        orders.append(
            {
                "id": oid,
                "number": f"T{oid:08d}",
                "customer_id": c["id"],
                "ordered_at": ordered,
                "status": status,
                "total_cents": total,
            }
        )
        if shipped is not None:
            carrier = rng.choice(cat.CARRIERS)
            deliveries.append(
                {
                    "id": next_id[Delivery],
                    "order_id": oid,
                    "shipped_at": shipped,
                    "delivered_at": delivered,
                    "carrier": carrier,
                    "tracking_code": ""
                    if carrier == "Nouto myymälästä"
                    else f"JJFI{rng.randrange(10**11, 10**12)}",
                    "recipient": recipient,
                    "street": c["street"],
                    "postal_code": c["postal_code"],
                    "post_office": c["post_office"],
                    "country": "FI",
                }
            )
            next_id[Delivery] += 1
        if delivered is not None and rng.random() < 0.05:
            line = rng.choice(order_lines)
            rid = next_id[Return]
            next_id[Return] += 1
            requested = delivered + timedelta(days=rng.randrange(1, 14))
            received = requested + timedelta(days=rng.randrange(2, 7)) if requested < NOW else None
            refunded = (
                received + timedelta(days=rng.randrange(1, 5))
                if received is not None and received < NOW - timedelta(days=3)
                else None
            )
            returns.append(
                {
                    "id": rid,
                    "order_id": oid,
                    "number": f"R{rid:08d}",
                    "requested_at": requested,
                    "received_at": received,
                    "refunded_at": refunded,
                    "reason": rng.choice(cat.RETURN_REASONS),
                    "refund_cents": line["unit_price_cents"] if refunded else 0,
                }
            )
            return_lines.append(
                {
                    "id": next_id[ReturnLine],
                    "return_id": rid,
                    "order_line_id": line["id"],
                    "quantity": 1,
                }
            )
            next_id[ReturnLine] += 1
