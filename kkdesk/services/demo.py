"""Deterministic, realistic Finnish demo data for the desk, the tests and the benchmarks.

The same ``--seed`` gives the same register, value for value the one the row-by-row
generator before this one made (``tests/unit/services/test_demo.py`` pins it). Speed
matters (a million customers in five minutes, issue 19; ``bench/bench_demo.py``): Faker
only fills name and street pools once; rows are then drawn from those pools with one
seeded ``random.Random`` as plain tuples, a chunk of :data:`CHUNK` customers at a time
(:class:`_Maker`), and handed to :func:`kkdesk.store.demo.loader`, which writes them as
fast as the database takes them (one transaction and ``COPY`` or prepared
``executemany``; see there). Each draw is the one ``random`` would make, without its
argument checks (:func:`_drawer`); times are ints (microseconds since
:data:`kkdesk.store.demo.EPOCH`), computed exactly as datetimes were, never made into
datetime objects. Memory stays bounded by a few chunks.
"""

from __future__ import annotations

import json
import random
import unicodedata
from bisect import bisect
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import cache, lru_cache, partial
from itertools import accumulate
from math import log, modf
from typing import Any

import phonenumbers
from faker import Faker
from stdnum.fi import ytunnus

from kkdesk.domain.customer import CONTACT_TRACKED_FIELDS
from kkdesk.domain.enums import CustomerType, DataSource
from kkdesk.domain.levels import Capability
from kkdesk.domain.search import WordKind, customer_number, fold, name_keys
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


Draw = Callable[[], int]


def _drawer(rng: random.Random, n: int) -> Draw:
    """``rng.randrange(n)`` as a function of nothing: the same draw (CPython's
    ``_randbelow``: ``n.bit_length()`` random bits until they make a number below ``n``),
    so the same numbers, at half the cost (a million customers make fifty million)."""
    if n < 1:  # pragma: no cover - every pool has something in it
        raise ValueError(n)
    k = n.bit_length()

    def draw(bits: Callable[[int], int] = rng.getrandbits, k: int = k, n: int = n) -> int:
        r = bits(k)
        while r >= n:
            r = bits(k)
        return r

    return draw


def _below(rng: random.Random) -> Callable[[int], int]:
    """``rng.randrange(n)`` for any ``n``: the same draw as :func:`_drawer`'s."""

    def below(n: int, bits: Callable[[int], int] = rng.getrandbits) -> int:
        k = n.bit_length()
        r = bits(k)
        while r >= n:
            r = bits(k)
        return r

    return below


_MOBILE_PREFIXES = ("40", "41", "44", "45", "46", "50")
_AREA_CODES = ("9", "2", "3", "5", "6", "8", "13", "14", "15", "17", "19")


class _Phones:
    """Phone numbers drawn from one random generator."""

    def __init__(self, rng: random.Random) -> None:
        self.prefix = _drawer(rng, len(_MOBILE_PREFIXES))
        self.subscriber = _drawer(rng, 10**7)
        self.area = _drawer(rng, len(_AREA_CODES))
        self.landline_subscriber = _drawer(rng, 8 * 10**6)

    def mobile(self) -> str:
        # rng.choice(_MOBILE_PREFIXES), then rng.randrange(10**7)
        return f"+358{_MOBILE_PREFIXES[self.prefix()]}{self.subscriber():07d}"

    def landline(self) -> str:
        # Not every subscriber range exists in every area; draw until the numbering plan
        # accepts it, so demo data always passes validation.
        while True:
            area = _AREA_CODES[self.area()]
            subscriber = 2 * 10**6 + self.landline_subscriber()  # randrange(2e6, 1e7)
            if _valid_landline(area, subscriber // 10000):
                return f"+358{area}{subscriber}"


@cache
def _valid_landline(area: str, lead: int) -> bool:
    """Whether the numbering plan (phonenumbers' metadata) accepts +358 ``area`` with a
    7-digit subscriber number starting with the 3 digits ``lead``. Finland's patterns
    decide by a number's first digits and its length (tests/unit/services/test_demo.py
    holds this to phonenumbers for whole numbers), so it is worked out once per lead."""
    number = phonenumbers.PhoneNumber(country_code=358, national_number=int(f"{area}{lead}0000"))
    return bool(phonenumbers.is_valid_number(number))


_YTUNNUS_WEIGHTS = (7, 9, 10, 5, 8, 4, 2)


def _business_id(draw: Draw) -> str:
    """A valid business ID; ``draw`` is ``rng.randrange(9 * 10**6)``."""
    while True:
        body = f"{10**6 + draw():07d}"  # rng.randrange(10**6, 10**7)
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
    maker = _Maker(seed)
    orders_total = done = 0
    first = last = ""
    with store.loader(ds.db, customers) as load:
        while done < customers:
            n = min(CHUNK, customers - done)
            rows = maker.chunk(n, load)
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
_C_ID, _C_NUMBER, _C_TYPE, _C_EMAIL = _C["id"], _C["number"], _C["type"], _C["email"]
_C_NAME_KEY, _C_NAME_KEY_REV, _C_OFFICE = _C["name_key"], _C["name_key_rev"], _C["post_office"]
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

# Plain strings, not the enum members: a driver may adapt an enum by its name.
_NAME, _CONTACT = WordKind.NAME.value, WordKind.CONTACT.value
_STREET, _POST_OFFICE = WordKind.STREET.value, WordKind.POST_OFFICE.value
_COMPANY = CustomerType.COMPANY.value
_PERSON = CustomerType.PERSON.value
_SOURCES = (
    DataSource.CUSTOMER_WEBSHOP.value,
    DataSource.CUSTOMER_PHONE.value,
    DataSource.PARTNER.value,
)
_SOURCE_CUM = list(accumulate((85, 10, 5)))

# Times are microseconds since store.EPOCH (see kkdesk.store.demo), ints all the way.
_US = 1_000_000
_MINUTE = 60 * _US
_HOUR = 60 * _MINUTE
_DAY = 24 * _HOUR
_EPOCH_DAY = store.EPOCH.date()
_NOW = (NOW - store.EPOCH) // timedelta(microseconds=1)
_TODAY = NOW.date()
_DAY_AGO = _NOW - _DAY
_SIX_DAYS_AGO = _NOW - 6 * _DAY
_THREE_DAYS_AGO = _NOW - 3 * _DAY
_LINE_COUNTS = (1, 1, 1, 2, 2, 3)
_QUANTITIES = (1, 1, 2, 3, 4)
_PICKUP = "Nouto myymälästä"
_RETURN_PRICE = COLUMNS["order_line"].index("unit_price_cents")


def _us(seconds: float) -> int:
    """``timedelta(seconds=seconds)`` in microseconds, rounded as timedelta rounds (the
    fraction's microseconds half to even), for seconds >= 0."""
    fraction, whole = modf(seconds)
    return int(whole) * _US + round(fraction * 1e6)


def _pick_weighted(rand: Callable[[], float], population: Any, cum: list[int]) -> Any:
    """``rng.choices(population, weights)[0]``, the same draw, without the per-call sums."""
    return population[bisect(cum, rand() * (cum[-1] + 0.0), 0, len(cum) - 1)]


class _Maker:
    """Makes the rows of a seed's customers, a chunk at a time.

    Every draw is the one the row-by-row generator made, in the same order, so a seed
    gives the register it always gave (tests/unit/services/test_demo.py pins it): a draw
    of ``rng.randrange(n)`` is a :func:`_drawer` made once per ``n``, ``rng.choice(seq)``
    is ``seq[draw()]``, and times are computed as ints exactly as datetimes were."""

    def __init__(self, seed: int) -> None:
        rng = self.rng = random.Random(seed)
        pools = self.pools = _Pools(seed)
        self.rand = rng.random
        self.below = _below(rng)
        self.phones = _Phones(rng)
        self.more_phones = _Phones(pools.more)
        d = partial(_drawer, rng)
        self.since_day, self.minute = d(12 * 365 - 30), d(14 * 60)
        self.street, self.house = d(len(pools.streets)), d(119)
        self.stair, self.flat, self.language = d(6), d(39), d(3)
        self.trade, self.surname = d(len(cat.COMPANY_TRADES)), d(len(pools.surnames))
        self.form, self.either, self.business_body = d(len(cat.COMPANY_FORMS)), d(2), d(9 * 10**6)
        self.female, self.male = d(len(pools.first_female)), d(len(pools.first_male))
        self.birth_day, self.mail_number = d(70 * 365), d(99)
        self.mail_domain = d(len(cat.EMAIL_DOMAINS))
        self.contact_count, self.first_any = d(4), d(len(pools.first_any))
        self.role = d(len(cat.ROLES))
        self.line_count, self.product, self.quantity = d(6), d(len(cat.PRODUCTS)), d(5)
        self.ship_hours, self.delivery_hours = d(68), d(84)
        self.carrier, self.tracking = d(len(cat.CARRIERS)), d(9 * 10**11)
        self.request_days, self.receive_days, self.refund_days = d(13), d(5), d(4)
        self.reason = d(len(cat.RETURN_REASONS))
        # Street names' folded forms and search words (streets repeat, their numbers not).
        self.street_words = {name: (fold(name), _words(fold(name))) for name in pools.streets}
        self.office_words = {
            office: (fold(office), _words(fold(office))) for _code, office, _lang in pools.areas
        }

    def chunk(self, n: int, load: store.Loader) -> Rows:
        """The rows of ``n`` more customers: theirs and everything that belongs to them."""
        rows = Rows()
        changes = rows.personal_data_change
        contacts = rows.contact_person
        words = rows.search_word
        customer_ids = load.next_id["customer"]
        contact_ids = load.next_id["contact_person"]
        change_ids = load.next_id["personal_data_change"]
        since_of: dict[int, date] = {}
        rand = self.rand
        for _ in range(n):
            c, since, created, street_phrase, street_words = self._customer(customer_ids())
            rows.customer.append(c)
            cid = c[_C_ID]
            since_of[cid] = since
            source = _pick_weighted(rand, _SOURCES, _SOURCE_CUM)
            # Each field's first value and its source, as a save writes it (section 6).
            changes += [
                (change_ids(), cid, None, field, "", str(value), source, "", DEMO_USER, created)
                for field, i in _CUSTOMER_TRACKED
                if (value := c[i])
            ]
            mine: list[tuple[int, str]] = []
            if c[_C_TYPE] == _COMPANY:
                for _ in range((1, 1, 2, 3)[self.contact_count()]):
                    contact = self._contact(cid, contact_ids(), c[_C_EMAIL])
                    contacts.append(contact)
                    pid = contact[0]
                    mine.append((pid, contact[_P["name_key"]]))
                    # A contact person's data came from the same source as their company's.
                    changes += [
                        (change_ids(), cid, pid, field, "", value, source, "", DEMO_USER, created)
                        for field, i in _CONTACT_TRACKED
                        if (value := contact[i])
                    ]
            # The search words the desk writes with each save: kkdesk.domain.search's
            # search_words, from parts whose words are worked out once (streets' names,
            # post offices; test_demo holds the two equal).
            name_key, name_key_rev = c[_C_NAME_KEY], c[_C_NAME_KEY_REV]
            covered = {k.split()[0] for k in (name_key, name_key_rev) if k}
            words += [
                (cid, _NAME, 0, w, name_key, name_key) for w in _words(name_key) if w not in covered
            ]
            words += [(cid, _STREET, 0, w, name_key, street_phrase) for w in street_words]
            office, office_words = self.office_words[c[_C_OFFICE]]
            words += [(cid, _POST_OFFICE, 0, w, name_key, office) for w in office_words]
            for pid, key in mine:
                words += [(cid, _CONTACT, pid, w, name_key, key) for w in _words(key)]
            self._orders(c, created, load, rows)
        consent_demo.generate(self.rng, rows, load, since_of)
        return rows

    def _customer(self, cid: int) -> tuple[tuple[Any, ...], date, int, str, list[str]]:
        """One customer row (store.COLUMNS["customer"] order), its customer_since, its
        creation time, its street folded and that street name's search words."""
        rand = self.rand
        pools = self.pools
        postal, office, area_lang = _pick_weighted(rand, pools.areas, pools.area_cum)
        since_days = 30 + self.since_day()
        since = _TODAY - timedelta(days=since_days)
        created = ((since - _EPOCH_DAY).days * _DAY) + 8 * _HOUR + self.minute() * _MINUTE
        name = pools.streets[self.street()]
        house = 1 + self.house()
        street = f"{name} {house}"
        # fold(street), from the parts: fold works word by word, and street names repeat.
        folded_name, words = self.street_words[name]
        phrase = f"{folded_name} {house}"
        if rand() < 0.35:
            stair, flat = "ABCDEF"[self.stair()], 1 + self.flat()
            street += f" {stair} {flat}"
            phrase += f" {stair.lower()} {flat}"
        language = area_lang if rand() < 0.9 else ("fi", "sv", "en")[self.language()]
        is_company = rand() < 0.1
        surname = first = company = business_id = ""
        birth: date | None = None
        phone_home = phone_work = ""
        surnames = pools.surnames
        if is_company:
            trade = cat.COMPANY_TRADES[self.trade()]
            owner = surnames[self.surname()]
            form = cat.COMPANY_FORMS[self.form()]
            company = (f"{trade} {owner} {form}", f"{owner}n {trade} Oy")[self.either()]
            business_id = _business_id(self.business_body)
            phone_work = self.phones.landline()
            mail_local = _ascii(owner)
            email = f"{mail_local}@{_ascii(trade)}{_ascii(owner)}.fi" if rand() < 0.8 else ""
        else:
            if rand() < 0.5:
                names, pick = pools.first_female, self.female
            else:
                names, pick = pools.first_male, self.male
            first = names[pick()]
            if rand() < 0.6:
                second = names[pick()]
                if second != first:
                    first = f"{first} {second}"
            surname = surnames[self.surname()]
            if rand() < 0.85:
                birth = _TODAY - timedelta(days=18 * 365 + self.birth_day())
            if rand() < 0.15:
                phone_home = self.phones.landline()
            if rand() < 0.1:
                phone_work = self.phones.landline()
            local = f"{_ascii(first.split()[0])}.{_ascii(surname)}"
            if rand() < 0.5:
                local += str(1 + self.mail_number())
            email = f"{local}@{cat.EMAIL_DOMAINS[self.mail_domain()]}" if rand() < 0.9 else ""
        mobile = self.phones.mobile() if rand() < 0.92 else ""
        key, key_rev = name_keys(surname, first, company)
        extra = "{}" if rand() < 0.9 else _EXTRA
        return (
            cid, customer_number(cid), _COMPANY if is_company else _PERSON, since, surname,
            first, company, business_id, street, postal, office, "FI", phone_home, phone_work,
            mobile, email, birth, language, "", extra, key, key_rev, email.casefold(), created,
            DEMO_USER, created, DEMO_USER, None, 1,
        ), since, created, phrase, words  # fmt: skip

    def _contact(self, cid: int, contact_id: int, company_email: str) -> tuple[Any, ...]:
        """One contact person row (store.COLUMNS["contact_person"] order)."""
        pools = self.pools
        first = pools.first_any[self.first_any()]
        surname = pools.surnames[self.surname()]
        domain = company_email.split("@")[-1] if company_email else "example.fi"
        email = f"{_ascii(first)}.{_ascii(surname)}@{domain}"
        key, key_rev = name_keys(surname, first, "")
        role = cat.ROLES[self.role()]
        # About half have a direct line of their own beside the mobile phone.
        phone_work = self.more_phones.landline() if pools.more.random() < 0.5 else ""
        mobile = self.phones.mobile()
        return (
            contact_id, cid, surname, first, role, phone_work, mobile, email, email.casefold(),
            key, key_rev,
        )  # fmt: skip

    def _orders(self, c: tuple[Any, ...], created: int, load: store.Loader, rows: Rows) -> None:
        """A customer's orders with their lines, deliveries and returns."""
        rand = self.rand
        line_count, product, quantity = self.line_count, self.product, self.quantity
        ship_hours, delivery_hours = self.ship_hours, self.delivery_hours
        carrier_of, tracking = self.carrier, self.tracking
        order_ids = load.next_id["customer_order"]
        line_ids = load.next_id["order_line"]
        delivery_ids = load.next_id["delivery"]
        orders, lines, deliveries = rows.customer_order, rows.order_line, rows.delivery
        products, carriers, vat = cat.PRODUCTS, cat.CARRIERS, cat.VAT_BP
        cid = c[_C_ID]
        count = min(int(-log(1.0 - rand()) / 0.2), 40)  # rng.expovariate(1 / 5)
        # (NOW - created).total_seconds(), at least an hour
        span = max((_NOW - created) / _US, 3600)
        company, first_names = c[_C["company_name"]], c[_C["first_names"]]
        recipient = company or f"{first_names.split()[0]} {c[_C['surname']]}"
        street, postal, office = c[_C["street"]], c[_C["postal_code"]], c[_C["post_office"]]
        for _ in range(count):
            oid = order_ids()
            ordered = created + _us(rand() * span)
            total = 0
            first_line = len(lines)
            for line_no in range(1, _LINE_COUNTS[line_count()] + 1):
                code, name, price = products[product()]
                qty = 1 if price > 10000 else _QUANTITIES[quantity()]
                lines.append((line_ids(), oid, line_no, code, name, qty, price, vat))
                total += qty * price
            # (NOW - ordered > a day, exactly: times count whole microseconds)
            if ordered < _DAY_AGO:
                shipped = ordered + (4 + ship_hours()) * _HOUR
                if ordered < _SIX_DAYS_AGO:
                    delivered = shipped + (12 + delivery_hours()) * _HOUR
                    status = "delivered"
                else:
                    delivered = None
                    status = "shipped"
                orders.append((oid, f"T{oid:08d}", cid, ordered, status, total))
                carrier = carriers[carrier_of()]
                code = "" if carrier == _PICKUP else f"JJFI{10**11 + tracking()}"
                # fmt: off
                deliveries.append((
                    delivery_ids(), oid, shipped, delivered, carrier, code,
                    recipient, street, postal, office, "FI",
                ))
                # fmt: on
                if delivered is not None and rand() < 0.05:
                    self._return(load, rows, oid, delivered, lines[first_line:])
            else:
                orders.append((oid, f"T{oid:08d}", cid, ordered, "open", total))

    def _return(
        self,
        load: store.Loader,
        rows: Rows,
        order_id: int,
        delivered: int,
        order_lines: list[tuple[Any, ...]],
    ) -> None:
        line = order_lines[self.below(len(order_lines))]  # rng.choice
        rid = load.next_id["order_return"]()
        requested = delivered + (1 + self.request_days()) * _DAY
        received = requested + (2 + self.receive_days()) * _DAY if requested < _NOW else None
        refunded = (
            received + (1 + self.refund_days()) * _DAY
            if received is not None and received < _THREE_DAYS_AGO
            else None
        )
        reason = cat.RETURN_REASONS[self.reason()]
        refund = line[_RETURN_PRICE] if refunded else 0
        rows.order_return.append(
            (rid, order_id, f"R{rid:08d}", requested, received, refunded, reason, refund)
        )
        rows.return_line.append((load.next_id["return_line"](), rid, line[0], 1))


_EXTRA = json.dumps({"asiakasryhmä": "kanta-asiakas"})


def _words(phrase: str) -> list[str]:
    """The search words of a folded phrase (kkdesk.domain.search's): house numbers and
    stair letters are none, so a street's are its name's."""
    return [w for w in dict.fromkeys(phrase.split()) if len(w) >= 2 and not w.isdigit()]
