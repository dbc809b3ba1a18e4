"""Deterministic, realistic Finnish demo data for the desk, the tests and the benchmarks.

The same ``--seed`` gives the same register, draw for draw the same as every earlier
version (``tests/unit/services/test_demo.py`` pins it). Speed matters (a million customers
for the benchmarks in minutes): Faker only fills name and street pools once; rows are then
drawn from those pools with one seeded ``random.Random`` as plain tuples, a chunk of
:data:`CHUNK` customers at a time, and handed to :func:`kkdesk.store.demo.loader`, which
writes them as fast as the database takes them (one transaction and ``COPY`` or prepared
``executemany``; see there). Memory stays bounded by a chunk.
"""

from __future__ import annotations

import json
import random
import unicodedata
from bisect import bisect
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import cache, lru_cache
from itertools import accumulate
from typing import Any, cast

import phonenumbers
from faker import Faker
from stdnum.fi import ytunnus

from kkdesk.domain.customer import CONTACT_TRACKED_FIELDS
from kkdesk.domain.enums import CustomerType, DataSource
from kkdesk.domain.levels import Capability
from kkdesk.domain.search import WordKind, customer_number, fold, name_keys, search_words_folded
from kkdesk.errors import KnownError
from kkdesk.services import consent_demo
from kkdesk.services import customers as customers_service
from kkdesk.services import demo_catalogue as cat
from kkdesk.services.session import DeskSession
from kkdesk.store import demo as store
from kkdesk.store.demo import COLUMNS, Rows

# Customers per chunk. Part of what a seed means: the consents of a chunk are drawn from a
# generator seeded by the main one's state after the chunk (kkdesk.services.consent_demo).
CHUNK = 5000
DEMO_USER = "demo"
NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)  # fixed, so that a seed is reproducible

Progress = Callable[[int, int], None]
Stage = Callable[[str], None]


@dataclass(frozen=True)
class DemoResult:
    customers: int
    orders: int
    first_number: str
    last_number: str


def _ascii_uncached(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in folded if c.isalnum() and c.isascii())


# Names come from finite pools: fold each once.
_ascii = lru_cache(maxsize=16384)(_ascii_uncached)


class _Pools:
    def __init__(self, seed: int) -> None:
        fake = Faker("fi_FI")
        fake.seed_instance(seed)
        person = fake.provider("faker.providers.person")
        self.first_male: list[str] = list(person.first_names_male)
        self.first_female: list[str] = list(person.first_names_female)
        self.first_any = self.first_female + self.first_male
        base = list(person.last_names)
        # Faker knows ~400 surnames; real registers have far more. Compose plausible ones
        # so that searches and benchmarks see a realistic spread of name prefixes.
        composed = [r + s for r in cat.SURNAME_ROOTS for s in cat.SURNAME_SUFFIXES]
        self.surnames = sorted(set(base + composed))
        self.streets = sorted({fake.street_name() for _ in range(1500)})
        areas = cat.POSTAL_AREAS
        self.areas = [(a[0], a[1], a[3]) for a in areas]
        # random.choices with these weights, without summing them for every draw.
        self.area_cum = list(accumulate(a[2] for a in areas))
        # Draws added after the first release come from here, so that the main generator's
        # sequence (and with it every customer, order and consent of a seed) stays the same.
        self.more = random.Random(seed * 7919 + 17)


_MOBILE_PREFIXES = ("40", "41", "44", "45", "46", "50")


def _mobile(rng: random.Random) -> str:
    return f"+358{rng.choice(_MOBILE_PREFIXES)}{rng.randrange(10**7):07d}"


_AREA_CODES = ("9", "2", "3", "5", "6", "8", "13", "14", "15", "17", "19")


@cache
def _valid_landline(area: str, lead: int) -> bool:
    """Whether the numbering plan (phonenumbers' metadata) accepts +358 ``area`` with a
    7-digit subscriber number starting with the 3 digits ``lead``. Finland's patterns
    decide by a number's first digits and its length (tests/unit/services/test_demo.py
    holds this to phonenumbers for whole numbers), so it is worked out once per lead."""
    number = phonenumbers.PhoneNumber(country_code=358, national_number=int(f"{area}{lead}0000"))
    return bool(phonenumbers.is_valid_number(number))


def _landline(rng: random.Random) -> str:
    # Not every subscriber range exists in every area; draw until the numbering plan
    # accepts it, so demo data always passes validation.
    while True:
        area = rng.choice(_AREA_CODES)
        subscriber = rng.randrange(2 * 10**6, 10**7)
        if _valid_landline(area, subscriber // 10000):
            return f"+358{area}{subscriber}"


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
    progress: Progress | None = None,
    stage: Stage | None = None,
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
    return generate(ds, customers, seed=seed, progress=progress, stage=stage)


def generate(
    ds: DeskSession,
    customers: int,
    *,
    seed: int = 1,
    progress: Progress | None = None,
    stage: Stage | None = None,
) -> DemoResult:
    """Add ``customers`` demo customers with orders, deliveries and returns, contact
    persons, change history, search words, consents and suppression entries.

    ``progress(done, total)`` follows the customers written; ``stage(name)`` names what
    follows the last of them ("indexes", "commit", "analyze"), which takes a while on a
    big load. All or nothing: an interrupted load leaves the register as it was (on
    PostgreSQL as anyone but the tables' owner, what was written up to the last chunk).
    """
    ds.require(Capability.EDIT_CUSTOMERS)
    rng = random.Random(seed)
    pools = _Pools(seed)
    orders_total = done = 0
    first = last = ""
    with store.loader(ds.db, customers) as load:
        while done < customers:
            n = min(CHUNK, customers - done)
            rows = _chunk(rng, pools, n, load)
            load.write(rows)
            orders_total += len(rows.customer_order)
            first = first or rows.customer[0][_C_NUMBER]
            last = rows.customer[-1][_C_NUMBER]
            done += n
            if progress is not None:
                progress(done, customers)
        load.finish(stage or _quiet)
    return DemoResult(
        customers=customers,
        orders=orders_total,
        first_number=first,
        last_number=last,
    )


def _quiet(_stage: str) -> None:
    pass


# Positions in a customer row (store.COLUMNS["customer"]).
_C = {name: i for i, name in enumerate(COLUMNS["customer"])}
_C_ID, _C_NUMBER, _C_TYPE, _C_SINCE = _C["id"], _C["number"], _C["type"], _C["customer_since"]
_C_SURNAME, _C_FIRST, _C_COMPANY = _C["surname"], _C["first_names"], _C["company_name"]
_C_STREET, _C_POSTAL, _C_OFFICE = _C["street"], _C["postal_code"], _C["post_office"]
_C_EMAIL, _C_CREATED = _C["email"], _C["created_at"]
_C_NAME_KEY, _C_NAME_KEY_REV = _C["name_key"], _C["name_key_rev"]
_CUSTOMER_TRACKED = tuple(
    (field, _C[field])
    for field in (
        "surname", "first_names", "company_name", "business_id", "street", "postal_code",
        "post_office", "phone_home", "phone_work", "phone_mobile", "email", "birth_date",
    )
)  # fmt: skip
# Positions in a contact person row (store.COLUMNS["contact_person"]).
_P = {name: i for i, name in enumerate(COLUMNS["contact_person"])}
_CONTACT_TRACKED = tuple((field, _P[field]) for field in CONTACT_TRACKED_FIELDS)

# Streets' names and post offices come from finite pools: fold each once.
_folded = lru_cache(maxsize=None)(fold)
# Plain strings, not the enum members: a driver may adapt an enum by its name.
_KIND = {kind: kind.value for kind in WordKind}
_COMPANY = CustomerType.COMPANY.value
_PERSON = CustomerType.PERSON.value
_SOURCES = (
    DataSource.CUSTOMER_WEBSHOP.value,
    DataSource.CUSTOMER_PHONE.value,
    DataSource.PARTNER.value,
)
_SOURCE_CUM = list(accumulate((85, 10, 5)))


def _below(rng: random.Random) -> Callable[[int], int]:
    """``rng.randrange(n)``: the draw ``rng.choice`` and ``rng.randrange`` make (so the
    same numbers), without their argument checks where CPython offers it directly."""
    fast = getattr(rng, "_randbelow", None)
    return cast(Callable[[int], int], fast) if fast is not None else rng.randrange


def _pick_weighted(rng: random.Random, population: Any, cum: list[int]) -> Any:
    """``rng.choices(population, weights)[0]``, the same draw, without the per-call sums."""
    return population[bisect(cum, rng.random() * (cum[-1] + 0.0), 0, len(cum) - 1)]


def _chunk(rng: random.Random, pools: _Pools, n: int, load: store.Loader) -> Rows:
    """The rows of ``n`` more customers: theirs and everything that belongs to them."""
    rows = Rows()
    changes = rows.personal_data_change
    contacts = rows.contact_person
    words = rows.search_word
    customer_ids = load.next_id["customer"]
    contact_ids = load.next_id["contact_person"]
    change_ids = load.next_id["personal_data_change"]
    for _ in range(n):
        c, street_phrase = _customer(rng, pools, customer_ids())
        rows.customer.append(c)
        cid = c[_C_ID]
        source = _pick_weighted(rng, _SOURCES, _SOURCE_CUM)
        # Each field's first value and its source, as a save writes it (section 6).
        for field, i in _CUSTOMER_TRACKED:
            if value := c[i]:
                changes.append(_change(change_ids(), c, None, field, str(value), source))
        mine: list[tuple[int, str]] = []
        if c[_C_TYPE] == _COMPANY:
            for _ in range(rng.choice((1, 1, 2, 3))):
                contact = _contact(rng, pools, cid, contact_ids(), c[_C_EMAIL])
                contacts.append(contact)
                pid = contact[0]
                mine.append((pid, contact[_P["name_key"]]))
                # A contact person's data came from the same source as their company's.
                for field, i in _CONTACT_TRACKED:
                    if value := contact[i]:
                        changes.append(_change(change_ids(), c, pid, field, value, source))
        # The search words the desk writes with each save (kkdesk.domain.search).
        name_key = c[_C_NAME_KEY]
        words.extend(
            (cid, _KIND[w.kind], w.ref, w.word, name_key, w.phrase)
            for w in search_words_folded(
                name_key, c[_C_NAME_KEY_REV], street_phrase, _folded(c[_C_OFFICE]), tuple(mine)
            )
        )
        _orders(rng, c, load, rows)
    consent_demo.generate(rng, rows, load)
    return rows


def _change(
    id_: int, c: tuple[Any, ...], contact_id: int | None, field: str, value: str, source: str
) -> tuple[Any, ...]:
    """A personal_data_change row (store.COLUMNS order): a field's first value."""
    return (id_, c[_C_ID], contact_id, field, "", value, source, "", DEMO_USER, c[_C_CREATED])


def _customer(rng: random.Random, pools: _Pools, cid: int) -> tuple[tuple[Any, ...], str]:
    """One customer row (store.COLUMNS["customer"] order), and its street folded."""
    rand = rng.random
    below = _below(rng)
    postal, office, area_lang = _pick_weighted(rng, pools.areas, pools.area_cum)
    since = NOW.date() - timedelta(days=30 + below(12 * 365 - 30))
    created = datetime.combine(since, datetime.min.time(), UTC) + timedelta(
        minutes=8 * 60 + below(14 * 60)
    )
    streets = pools.streets
    name, house = streets[below(len(streets))], 1 + below(119)
    street = f"{name} {house}"
    # fold(street), from the parts: fold works word by word, and street names repeat.
    phrase = f"{_folded(name)} {house}"
    if rand() < 0.35:
        stair, flat = "ABCDEF"[below(6)], 1 + below(39)
        street += f" {stair} {flat}"
        phrase += f" {stair.lower()} {flat}"
    language = area_lang if rand() < 0.9 else ("fi", "sv", "en")[below(3)]
    is_company = rand() < 0.1
    surname = first = company = business_id = ""
    birth: date | None = None
    phone_home = phone_work = ""
    surnames = pools.surnames
    if is_company:
        trade = cat.COMPANY_TRADES[below(len(cat.COMPANY_TRADES))]
        owner = surnames[below(len(surnames))]
        form = cat.COMPANY_FORMS[below(len(cat.COMPANY_FORMS))]
        company = (f"{trade} {owner} {form}", f"{owner}n {trade} Oy")[below(2)]
        business_id = _business_id(rng)
        phone_work = _landline(rng)
        mail_local = _ascii(owner)
        email = f"{mail_local}@{_ascii(trade)}{_ascii(owner)}.fi" if rand() < 0.8 else ""
    else:
        names = pools.first_female if rand() < 0.5 else pools.first_male
        first = names[below(len(names))]
        if rand() < 0.6:
            second = names[below(len(names))]
            if second != first:
                first = f"{first} {second}"
        surname = surnames[below(len(surnames))]
        if rand() < 0.85:
            birth = NOW.date() - timedelta(days=18 * 365 + below(70 * 365))
        if rand() < 0.15:
            phone_home = _landline(rng)
        if rand() < 0.1:
            phone_work = _landline(rng)
        local = f"{_ascii(first.split()[0])}.{_ascii(surname)}"
        if rand() < 0.5:
            local += str(1 + below(99))
        if rand() < 0.9:
            email = f"{local}@{cat.EMAIL_DOMAINS[below(len(cat.EMAIL_DOMAINS))]}"
        else:
            email = ""
    mobile = _mobile(rng) if rand() < 0.92 else ""
    key, key_rev = name_keys(surname, first, company)
    extra = "{}" if rand() < 0.9 else json.dumps({"asiakasryhmä": "kanta-asiakas"})
    return (
        cid, customer_number(cid), _COMPANY if is_company else _PERSON, since, surname, first,
        company, business_id, street, postal, office, "FI", phone_home, phone_work, mobile,
        email, birth, language, "", extra, key, key_rev, email.casefold(), created, DEMO_USER,
        created, DEMO_USER, None, 1,
    ), phrase  # fmt: skip


def _contact(
    rng: random.Random, pools: _Pools, cid: int, contact_id: int, company_email: str
) -> tuple[Any, ...]:
    """One contact person row (store.COLUMNS["contact_person"] order)."""
    first = rng.choice(pools.first_any)
    surname = rng.choice(pools.surnames)
    domain = company_email.split("@")[-1] if company_email else "example.fi"
    email = f"{_ascii(first)}.{_ascii(surname)}@{domain}"
    key, key_rev = name_keys(surname, first, "")
    role = rng.choice(cat.ROLES)
    # About half have a direct line of their own beside the mobile phone.
    phone_work = _landline(pools.more) if pools.more.random() < 0.5 else ""
    mobile = _mobile(rng)
    return (
        contact_id, cid, surname, first, role, phone_work, mobile, email, email.casefold(),
        key, key_rev,
    )  # fmt: skip


_DAY_AGO = NOW - timedelta(days=1)
_SIX_DAYS_AGO = NOW - timedelta(days=6)
_THREE_DAYS_AGO = NOW - timedelta(days=3)
_HOURS = [timedelta(hours=h) for h in range(97)]
_DAYS = [timedelta(days=d) for d in range(15)]
_LINE_COUNTS = (1, 1, 1, 2, 2, 3)
_QUANTITIES = (1, 1, 2, 3, 4)
_PICKUP = "Nouto myymälästä"


def _orders(rng: random.Random, c: tuple[Any, ...], load: store.Loader, rows: Rows) -> None:
    """A customer's orders with their lines, deliveries and returns."""
    rand = rng.random
    below = _below(rng)
    order_ids = load.next_id["customer_order"]
    line_ids = load.next_id["order_line"]
    delivery_ids = load.next_id["delivery"]
    orders, lines, deliveries = rows.customer_order, rows.order_line, rows.delivery
    products, carriers = cat.PRODUCTS, cat.CARRIERS
    cid, created = c[_C_ID], c[_C_CREATED]
    count = min(int(rng.expovariate(1 / 5)), 40)
    span = max((NOW - created).total_seconds(), 3600)
    company, first_names = c[_C_COMPANY], c[_C_FIRST]
    recipient = company or f"{first_names.split()[0]} {c[_C_SURNAME]}"
    street, postal, office = c[_C_STREET], c[_C_POSTAL], c[_C_OFFICE]
    for _ in range(count):
        oid = order_ids()
        ordered = created + timedelta(seconds=rand() * span)
        total = 0
        first_line = len(lines)
        for line_no in range(1, _LINE_COUNTS[below(6)] + 1):
            code, name, price = products[below(len(products))]
            qty = 1 if price > 10000 else _QUANTITIES[below(5)]
            lines.append((line_ids(), oid, line_no, code, name, qty, price, cat.VAT_BP))
            total += qty * price
        # (NOW - ordered > a day, exactly: datetimes count whole microseconds)
        shipped = ordered + _HOURS[4 + below(68)] if ordered < _DAY_AGO else None
        delivered = (
            shipped + _HOURS[12 + below(84)]
            if shipped is not None and ordered < _SIX_DAYS_AGO
            else None
        )
        status = "delivered" if delivered else ("shipped" if shipped else "open")
        orders.append((oid, f"T{oid:08d}", cid, ordered, status, total))
        if shipped is not None:
            carrier = carriers[below(len(carriers))]
            tracking = "" if carrier == _PICKUP else f"JJFI{rng.randrange(10**11, 10**12)}"
            # fmt: off
            deliveries.append((
                delivery_ids(), oid, shipped, delivered, carrier, tracking,
                recipient, street, postal, office, "FI",
            ))
            # fmt: on
        if delivered is not None and rand() < 0.05:
            _return(rng, load, rows, oid, delivered, lines[first_line:])


def _return(
    rng: random.Random,
    load: store.Loader,
    rows: Rows,
    order_id: int,
    delivered: datetime,
    order_lines: list[tuple[Any, ...]],
) -> None:
    line = rng.choice(order_lines)
    rid = load.next_id["order_return"]()
    requested = delivered + _DAYS[rng.randrange(1, 14)]
    received = requested + _DAYS[rng.randrange(2, 7)] if requested < NOW else None
    refunded = (
        received + _DAYS[rng.randrange(1, 5)]
        if received is not None and received < _THREE_DAYS_AGO
        else None
    )
    reason = rng.choice(cat.RETURN_REASONS)
    refund = line[6] if refunded else 0  # the line's unit price
    rows.order_return.append(
        (rid, order_id, f"R{rid:08d}", requested, received, refunded, reason, refund)
    )
    rows.return_line.append((load.next_id["return_line"](), rid, line[0], 1))
