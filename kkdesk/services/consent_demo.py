"""Demo prohibitions and consents: a realistic mix, with evidence and suppression entries.

Called by :mod:`kkdesk.services.demo` once per chunk of demo customers, after the chunk's
customers and contact persons are made; adds its rows to the chunk's. It draws from its
own random generator, seeded from the demo generator's state without consuming from it,
so adding consents does not change the customers and orders a seed produces.

Roughly, as a webshop's register looks after some years: a third of the persons with an
e-mail address gave e-mail consent at the checkout (some withdrew it later), fewer gave
SMS consent, a few per cent sent a letter prohibiting one or more of the section 9
purposes (some lifted it later), about one in a hundred objected to all direct marketing
and a few asked for a restriction. Contact persons of companies have a few prohibitions
of their own.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta

from kkdesk.domain.consent import PROHIBITIONS, ConsentItem
from kkdesk.domain.enums import Channel
from kkdesk.services.consents import Keys, item_keys
from kkdesk.store.demo import COLUMNS, EPOCH, Loader, Row, Rows

NextId = Callable[[], int]

DEMO_USER = "demo"

_C = {name: i for i, name in enumerate(COLUMNS["customer"])}
_C_ID, _C_EMAIL = _C["id"], _C["email"]
_C_HOME, _C_WORK, _C_MOBILE = _C["phone_home"], _C["phone_work"], _C["phone_mobile"]
_P = {name: i for i, name in enumerate(COLUMNS["contact_person"])}
_P_ID, _P_CUSTOMER, _P_EMAIL = _P["id"], _P["customer_id"], _P["email"]
_P_WORK, _P_MOBILE = _P["phone_work"], _P["phone_mobile"]
_E = {name: i for i, name in enumerate(COLUMNS["consent_event"])}
_E_ID, _E_ITEM, _E_STATE, _E_RECEIVED = _E["id"], _E["item"], _E["state"], _E["received_on"]
_E_AT = _E["recorded_at"]
TODAY = date(2026, 11, 20)  # the demo's fixed "now" (kkdesk.services.demo.NOW)
# Times are microseconds since store.EPOCH (kkdesk.store.demo).
_MINUTE = 60_000_000
_DAY = 24 * 60 * _MINUTE
_EIGHT = 8 * 60 * _MINUTE
_EPOCH_DAY = EPOCH.date()

# Per cent of persons with each prohibition (a letter to the register's contact person).
_PROHIBITION_RATES = {
    ConsentItem.DIRECT_ADVERTISING: 4.0,
    ConsentItem.DISTANCE_SELLING: 2.0,
    ConsentItem.DIRECT_MARKETING: 3.0,
    ConsentItem.MARKET_RESEARCH: 5.0,
    ConsentItem.DIRECTORIES: 6.0,
    ConsentItem.GENEALOGY: 3.0,
}

# (item, per cent) in PROHIBITIONS order, for customers and (half as often) contact persons
_CUSTOMER_RATES = tuple((item, _PROHIBITION_RATES[item] * 1.0) for item in PROHIBITIONS)
_CONTACT_RATES = tuple((item, _PROHIBITION_RATES[item] * 0.5) for item in PROHIBITIONS)


class _Person:
    def __init__(
        self,
        customer_id: int,
        contact_id: int | None,
        since: date,
        keys: Keys,
        ids: NextId,
        suppression_ids: NextId,
    ):
        self.customer_id = customer_id
        self.contact_id = contact_id
        self.since = since
        self.keys = keys
        self.ids = ids
        self.suppression_ids = suppression_ids
        self.events: list[Row] = []  # store.COLUMNS["consent_event"] rows


def _day(rng: random.Random, start: date) -> date:
    span = max((TODAY - start).days, 1)
    return start + timedelta(days=rng.randrange(span))


def _event(
    rng: random.Random,
    person: _Person,
    item: ConsentItem,
    state: bool,
    on: date,
    channel: Channel,
    ref: str,
) -> None:
    # 08:00 UTC on the day, plus up to 3 days and 9 hours: microseconds since store.EPOCH
    days, minutes = rng.randrange(0, 4), rng.randrange(0, 9 * 60)
    recorded = ((on - _EPOCH_DAY).days + days) * _DAY + _EIGHT + minutes * _MINUTE
    # fmt: off
    person.events.append((
        person.ids(), person.customer_id, person.contact_id, item.value, state, on,
        channel.value, ref, "", DEMO_USER, recorded,
    ))
    # fmt: on


def _history(rng: random.Random, p: _Person, is_contact: bool) -> None:
    cid = p.customer_id
    if not is_contact:
        if p.keys.email and rng.random() < 0.35:
            on = _day(rng, p.since)
            _event(rng, p, ConsentItem.EMAIL_MARKETING, True, on, Channel.WEBSHOP, f"WEB-{cid}")
            if rng.random() < 0.08:
                off = _day(rng, on)
                ch = rng.choice((Channel.EMAIL, Channel.WEBSHOP))
                _event(
                    rng, p, ConsentItem.EMAIL_MARKETING, False, off, ch, f"UNSUB-{cid}-{off:%y%m}"
                )
        if p.keys.phones and rng.random() < 0.15:
            on = _day(rng, p.since)
            _event(rng, p, ConsentItem.SMS_MARKETING, True, on, Channel.WEBSHOP, f"WEB-{cid}-S")
            if rng.random() < 0.1:
                off = _day(rng, on)
                _event(rng, p, ConsentItem.SMS_MARKETING, False, off, Channel.PHONE, f"PUH-{cid}")
    scale = 0.5 if is_contact else 1.0
    letter_day: date | None = None
    for item, rate in _CONTACT_RATES if is_contact else _CUSTOMER_RATES:
        if rng.random() * 100 < rate:
            # People who write tend to prohibit several purposes in one letter.
            letter_day = letter_day or _day(rng, p.since)
            ref = f"KIRJE-{letter_day:%Y}-{cid:06d}"
            _event(rng, p, item, True, letter_day, Channel.LETTER, ref)
            if rng.random() < 0.1:
                lifted = _day(rng, letter_day)
                _event(rng, p, item, False, lifted, Channel.LETTER, f"KIRJE-{lifted:%Y}-{cid}-P")
    if rng.random() < 0.01 * scale:
        on = _day(rng, p.since)
        ch = rng.choice((Channel.LETTER, Channel.EMAIL, Channel.PHONE))
        _event(rng, p, ConsentItem.OBJECTION, True, on, ch, f"VASTUSTUS-{cid}")
    if not is_contact and rng.random() < 0.003:
        on = _day(rng, p.since)
        _event(rng, p, ConsentItem.RESTRICTION, True, on, Channel.LETTER, f"RAJOITUS-{cid}")
        if rng.random() < 0.3:
            off = _day(rng, on)
            _event(rng, p, ConsentItem.RESTRICTION, False, off, Channel.LETTER, f"RAJ-{cid}-P")


def _suppressions(p: _Person) -> list[Row]:
    """The suppression entries (store.COLUMNS["suppression"] rows) a person's own
    statements cause, each naming the event that causes it: the central database refuses
    an entry without one.

    What :func:`kkdesk.domain.consent.derive` and ``suppressed_items`` decide, without
    building a whole state per person (half a million persons in a big build): the
    latest event of each item in ``order_key`` order; a consent withdrawn, or any other
    item in force, suppresses (tests/unit/services/test_demo.py holds the two equal)."""
    latest: dict[str, Row] = {}
    for e in p.events:
        seen = latest.get(e[_E_ITEM])
        if seen is None or _order_key(e) > _order_key(seen):
            latest[e[_E_ITEM]] = e
    out: list[Row] = []
    for value in sorted(latest):
        e = latest[value]
        item = ConsentItem(value)
        if e[_E_STATE] == item.is_consent:  # consent given, or nothing prohibited
            continue
        for kind, key in item_keys(p.keys, item):
            out.append((p.suppression_ids(), kind, key, value, True, e[_E_AT], DEMO_USER, e[_E_ID]))
    return out


def _order_key(e: Row) -> tuple[date, int, int]:
    # ConsentEvent.order_key: the latest notification received wins, then recording order.
    return (e[_E_RECEIVED], e[_E_AT], e[_E_ID])


def generate(rng: random.Random, rows: Rows, load: Loader, since_of: dict[int, date]) -> None:
    """Add consent events and suppression entries for one chunk of demo customers (and
    their contact persons), ``rows``; ``since_of`` maps each customer's id to the day they
    became one."""
    if not rows.customer:
        return
    # Seeded from the demo's state without drawing from it (see the module docstring).
    # Not hash(rng.getstate()): the state holds None, whose hash differs between runs of
    # Python 3.11, which made the consents of a seed differ from run to run. A str seed
    # is hashed with SHA-512: the same in every run.
    mine = random.Random(repr(rng.getstate()[1]))
    ids, suppression_ids = load.next_id["consent_event"], load.next_id["suppression"]
    persons: list[tuple[_Person, bool]] = []
    for c in rows.customer:
        cid = c[_C_ID]
        since = since_of[cid]
        raw = (c[_C_HOME], c[_C_WORK], c[_C_MOBILE])
        phones = tuple(sorted({p for p in raw if p}))
        keys = Keys(c[_C_EMAIL].casefold(), phones)
        persons.append((_Person(cid, None, since, keys, ids, suppression_ids), False))
    for p in rows.contact_person:  # in id order, as they were made
        pid, cid, email = p[_P_ID], p[_P_CUSTOMER], p[_P_EMAIL]
        work, mobile = p[_P_WORK], p[_P_MOBILE]
        keys = Keys(email.casefold(), tuple(sorted({x for x in (work, mobile) if x})))
        persons.append((_Person(cid, pid, since_of[cid], keys, ids, suppression_ids), True))
    events, suppressions = rows.consent_event, rows.suppression
    for person, is_contact in persons:
        _history(mine, person, is_contact)
        if person.events:  # most persons have none
            events.extend(person.events)
            if load.writes_suppressions:
                suppressions.extend(_suppressions(person))
