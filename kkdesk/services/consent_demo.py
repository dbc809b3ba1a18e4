"""Demo prohibitions and consents: a realistic mix, with evidence and suppression entries.

Plugged into :data:`kkdesk.services.demo.EXTRA_GENERATORS`; runs once per chunk of demo
customers inside the chunk's transaction, with bulk inserts. It draws from its own random
generator, seeded from the demo generator's state without consuming from it, so adding
consents does not change the customers and orders a seed produces.

Roughly, as a webshop's register looks after some years: a third of the persons with an
e-mail address gave e-mail consent at the checkout (some withdrew it later), fewer gave
SMS consent, a few per cent sent a letter prohibiting one or more of the section 9
purposes (some lifted it later), about one in a hundred objected to all direct marketing
and a few asked for a restriction. Contact persons of companies have a few prohibitions
of their own.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from kkdesk.domain.consent import (
    PROHIBITIONS,
    ConsentEvent,
    ConsentItem,
    derive,
)
from kkdesk.domain.enums import Channel
from kkdesk.services.consents import Keys, item_keys
from kkdesk.store import consents as store
from kkdesk.store.consents import Connection

DEMO_USER = "demo"
TODAY = date(2026, 11, 20)  # the demo's fixed "now" (kkdesk.services.demo.NOW)

# Per cent of persons with each prohibition (a letter to the register's contact person).
_PROHIBITION_RATES = {
    ConsentItem.DIRECT_ADVERTISING: 4.0,
    ConsentItem.DISTANCE_SELLING: 2.0,
    ConsentItem.DIRECT_MARKETING: 3.0,
    ConsentItem.MARKET_RESEARCH: 5.0,
    ConsentItem.DIRECTORIES: 6.0,
    ConsentItem.GENEALOGY: 3.0,
}


class _Person:
    def __init__(self, customer_id: int, contact_id: int | None, since: date, keys: Keys):
        self.customer_id = customer_id
        self.contact_id = contact_id
        self.since = since
        self.keys = keys
        self.events: list[dict[str, Any]] = []


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
    recorded = datetime.combine(on, time(8), UTC) + timedelta(
        days=rng.randrange(0, 4), minutes=rng.randrange(0, 9 * 60)
    )
    person.events.append(
        {
            "customer_id": person.customer_id,
            "contact_person_id": person.contact_id,
            "item": item.value,
            "state": state,
            "received_on": on,
            "channel": channel.value,
            "document_ref": ref,
            "note": "",
            "recorded_by": DEMO_USER,
            "recorded_at": recorded,
        }
    )


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
    for item in PROHIBITIONS:
        if rng.random() * 100 < _PROHIBITION_RATES[item] * scale:
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


def _suppressions(p: _Person) -> list[dict[str, Any]]:
    if not p.events:
        return []
    state = derive(
        ConsentEvent(
            id=i,
            item=ConsentItem(e["item"]),
            state=e["state"],
            received_on=e["received_on"],
            channel=Channel(e["channel"]),
            document_ref=e["document_ref"],
            note="",
            recorded_by=DEMO_USER,
            recorded_at=e["recorded_at"],
        )
        for i, e in enumerate(p.events)
    )
    out = []
    for item in sorted(state.suppressed_items()):
        at = state.get(item).event
        assert at is not None  # only a person's own statement suppresses
        for kind, value in item_keys(p.keys, item):
            out.append(
                {
                    "key_kind": kind,
                    "key_value": value,
                    "item": item.value,
                    "active": True,
                    "created_at": at.recorded_at,
                    "created_by": DEMO_USER,
                    # The event that causes the entry (its id is known once inserted): the
                    # central database refuses an entry without one.
                    "consent_event_id": p.events[at.id],
                }
            )
    return out


def generate(conn: Connection, rng: random.Random, customers: list[dict[str, Any]]) -> None:
    """Add consent events and suppression entries for one chunk of demo customers."""
    if not customers:
        return
    # Seeded from the demo's state without drawing from it (see the module docstring).
    # Not hash(rng.getstate()): the state holds None, whose hash differs between runs of
    # Python 3.11, which made the consents of a seed differ from run to run. A str seed
    # is hashed with SHA-512: the same in every run.
    mine = random.Random(repr(rng.getstate()[1]))
    ids = [c["id"] for c in customers]
    by_id = {c["id"]: c for c in customers}
    persons: list[tuple[_Person, bool]] = []
    for c in customers:
        raw = (c["phone_home"], c["phone_work"], c["phone_mobile"])
        phones = tuple(sorted({p for p in raw if p}))
        keys = Keys(c["email"].casefold(), phones)
        persons.append((_Person(c["id"], None, c["customer_since"], keys), False))
    contacts = store.contacts_between(conn, min(ids), max(ids))
    for pid, cid, email, work, mobile in contacts:
        keys = Keys(email.casefold(), tuple(sorted({p for p in (work, mobile) if p})))
        since = by_id[cid]["customer_since"]
        persons.append((_Person(cid, pid, since, keys), True))
    events: list[dict[str, Any]] = []
    suppressions: list[dict[str, Any]] = []
    for person, is_contact in persons:
        _history(mine, person, is_contact)
        events.extend(person.events)
        suppressions.extend(_suppressions(person))
    if events:
        inserted = store.insert_events(conn, events)
        ids_of = {id(e): event_id for e, event_id in zip(events, inserted, strict=True)}
        for entry in suppressions:
            entry["consent_event_id"] = ids_of[id(entry["consent_event_id"])]
    if suppressions and store.writes_suppressions(conn):
        store.insert_suppressions(conn, suppressions)
