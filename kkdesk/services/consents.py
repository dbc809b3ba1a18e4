"""Recording prohibitions and consents with their evidence; a person's state and history.

Every change is one new row of the append-only ``consent_event`` table (nothing is ever
updated or deleted) with the evidence that backs it; the current state is derived from the
history by :func:`kkdesk.domain.consent.derive`. When a person's own statement forbids
something (a prohibition, restriction or objection in force, or a consent withdrawn) the
person's normalised e-mail and E.164 phones are written to the ``suppression`` list, which
outlives the customer's erasure. When the statement is lifted, an inactive entry is
appended for a key only if no other live record with that key still forbids the item: the
least permissive state wins across several records of one person.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from kkdesk.domain.consent import (
    ConsentEvent,
    ConsentItem,
    ConsentState,
    Evidence,
    PersonConsents,
    derive,
    email_key,
    validate_evidence,
)
from kkdesk.domain.customer import display_name
from kkdesk.domain.enums import AuditAction, Purpose
from kkdesk.domain.levels import Capability
from kkdesk.errors import KnownError, NotFound
from kkdesk.services import audit
from kkdesk.services.record import jsonable
from kkdesk.services.session import DeskSession
from kkdesk.store import consents as store
from kkdesk.store import locks
from kkdesk.store.consents import CONSENT_LOCK_SPACE, to_event
from kkdesk.store.database import is_central
from kkdesk.store.models import Customer
from kkdesk.store.unit_of_work import Session

__all__ = ["CONSENT_LOCK_SPACE", "to_event"]  # re-exported: their callers predate the store

EMAIL = "email"
PHONE = "phone"


def _events(
    session: Session, customer_id: int, contact_person_id: int | None
) -> list[ConsentEvent]:
    return store.events(session, customer_id, contact_person_id)


def _history_order(events: Iterable[ConsentEvent]) -> tuple[ConsentEvent, ...]:
    """Newest first in the order the events take effect, so the top row of each item is
    the one in force."""
    return tuple(sorted(events, key=lambda e: e.order_key(), reverse=True))


@dataclass(frozen=True)
class Person:
    """One person of a customer record as consents need it: id, name and keys."""

    contact_person_id: int | None
    name: str
    keys: Keys


@dataclass(frozen=True)
class CustomerPersons:
    """A customer and its contact persons, from columns every user level may read (on
    PostgreSQL the marketing level reads only some of a customer's columns)."""

    id: int
    number: str
    persons: tuple[Person, ...]  # the customer itself first

    def contact(self, contact_person_id: int | None) -> Person:
        for person in self.persons:
            if person.contact_person_id == contact_person_id:
                return person
        raise NotFound(
            f"Customer {self.number} has no contact person {contact_person_id}.",
            code="contact_not_found",
            number=self.number,
            contact_person_id=contact_person_id,
        )


def _keys(email: str, *phones: str) -> Keys:
    return Keys(email_key(email), tuple(sorted({p for p in phones if p})))


def of_row(row: Customer) -> CustomerPersons:
    """From a customer row already loaded in full (the customer's record, letters)."""
    persons = [
        Person(
            None,
            display_name(row.type, row.surname, row.first_names, row.company_name),
            _keys(row.email_key, row.phone_home, row.phone_work, row.phone_mobile),
        )
    ]
    for contact in sorted(row.contacts, key=lambda c: c.id):
        persons.append(
            Person(
                contact.id,
                f"{contact.surname} {contact.first_names}".strip(),
                _keys(contact.email_key, contact.phone_work, contact.phone_mobile),
            )
        )
    return CustomerPersons(row.id, row.number, tuple(persons))


def _not_found(number: str) -> NotFound:
    return NotFound(f"No customer with number {number}.", code="customer_not_found", number=number)


def persons_by_number(session: Session, number: str) -> CustomerPersons:
    """A live customer by number with its contact persons; NotFound otherwise."""
    found = store.person_rows(session, number)
    if found is None:
        raise _not_found(number)
    return _persons(*found)


def _persons(row: Any, contacts: Sequence[Any]) -> CustomerPersons:
    """The persons of a customer from the rows store.person_rows gives."""
    persons = [
        Person(
            None,
            display_name(row.type, row.surname, row.first_names, row.company_name),
            _keys(row.email_key, row.phone_home, row.phone_work, row.phone_mobile),
        )
    ]
    persons += [
        Person(
            c.id,
            f"{c.surname} {c.first_names}".strip(),
            _keys(c.email_key, c.phone_work, c.phone_mobile),
        )
        for c in contacts
    ]
    return CustomerPersons(row.id, row.number, tuple(persons))


def persons_of(session: Session, row: Customer | CustomerPersons) -> tuple[PersonConsents, ...]:
    """The customer itself, then each contact person, with state, history and what the
    suppression list forbids beyond the person's own state."""
    who = row if isinstance(row, CustomerPersons) else of_row(row)
    return persons_of_many(session, [who])[who.id]


def persons_of_many(
    session: Session, customers: Sequence[CustomerPersons]
) -> dict[int, tuple[PersonConsents, ...]]:
    """:func:`persons_of` for many customers in two queries (a batch of letters), by
    customer id."""
    events = store.events_of_customers(session, [who.id for who in customers])
    active = active_suppressions(session, [p.keys for who in customers for p in who.persons])
    return _consents_of(customers, events, active)


def _consents_of(
    customers: Sequence[CustomerPersons],
    events: dict[int, list[ConsentEvent]],
    active: set[tuple[str, str, str]],
) -> dict[int, tuple[PersonConsents, ...]]:
    out = {}
    for who in customers:
        persons = []
        for person in who.persons:
            mine = [e for e in events[who.id] if e.contact_person_id == person.contact_person_id]
            state = derive(mine)
            listed = {
                item for item in ConsentItem if active & set(_item_keys_tagged(person.keys, item))
            }
            elsewhere = frozenset(listed - state.suppressed_items())
            persons.append(
                PersonConsents(
                    person.contact_person_id, person.name, state, _history_order(mine), elsewhere
                )
            )
        out[who.id] = tuple(persons)
    return out


def _item_keys_tagged(keys: Keys, item: ConsentItem) -> list[tuple[str, str, str]]:
    return [(kind, value, item.value) for kind, value in item_keys(keys, item)]


def active_suppressions(session: Session, keys: Iterable[Keys]) -> set[tuple[str, str, str]]:
    """(kind, value, item) of every active suppression entry on these keys (the newest entry
    of a key and item decides: entries are never changed, lifting is a newer entry)."""
    wanted = _wanted(keys)
    if not wanted:
        return set()
    # With the kinds: the index leads with key_kind, and on the value alone PostgreSQL
    # scanned the whole list (64 ms on 559,000 entries; 0.09 ms with the kinds).
    entries = store.suppression_entries(
        session, {kind for kind, _ in wanted}, (v for _, v in wanted)
    )
    return _active_of(entries, wanted)


def _wanted(keys: Iterable[Keys]) -> set[tuple[str, str]]:
    wanted = {(EMAIL, k.email) for k in keys if k.email}
    wanted |= {(PHONE, p) for k in keys for p in k.phones}
    return wanted


def _active_of(
    entries: Iterable[tuple[int, str, str, str, bool]], wanted: set[tuple[str, str]]
) -> set[tuple[str, str, str]]:
    newest: dict[tuple[str, str, str], tuple[int, bool]] = {}
    for sid, kind, value, item, is_active in entries:
        if (kind, value) not in wanted:
            continue
        key = (kind, value, item)
        if key not in newest or sid > newest[key][0]:
            newest[key] = (sid, is_active)
    return {key for key, (_, is_active) in newest.items() if is_active}


def persons_of_view(
    view: store.ConsentView | None, number: str
) -> tuple[CustomerPersons, tuple[PersonConsents, ...]]:
    """The customer and its persons' consents from what :func:`store.consent_view` read in
    one statement (PostgreSQL); NotFound if it found no live customer."""
    if view is None:
        raise _not_found(number)
    who = _persons(view.row, view.contacts)
    active = _active_of(view.entries, _wanted(p.keys for p in who.persons))
    return who, _consents_of([who], {who.id: view.events}, active)[who.id]


def load(
    ds: DeskSession,
    number: str,
    *,
    purpose: Purpose | str = Purpose.CUSTOMER_SERVICE,
    refresh: bool = False,
) -> tuple[PersonConsents, ...]:
    """State and history of the customer and of each of its contact persons; the view is
    a read of the customer's data, audited with ``purpose``. ``refresh``: the same view
    shown again after a change (the customer is open and its view was audited), so no new
    read is recorded (issue 12)."""
    ds.require(Capability.READ_CUSTOMERS)
    if not ds.db.is_sqlite:
        # One statement reads it all and records the read: one round trip.
        read = None if refresh else audit.read_values(purpose, "consent view")
        with ds.db.statement_session() as session:
            view = store.consent_view(session, number, audit_read=read)
        return persons_of_view(view, number)[1]
    with ds.db.session() as session:
        who = persons_by_number(session, number)
        out = persons_of(session, who)
        if not refresh:
            audit.record_reads(session, ds, [who.number], purpose, "consent view")
        return out


def current(ds: DeskSession, number: str, *, contact_person_id: int | None = None) -> ConsentState:
    """The current state of the customer (or of one of its contact persons)."""
    ds.require(Capability.READ_CUSTOMERS)
    with ds.db.read(pipelined=True) as session:
        who = persons_by_number(session, number)
        who.contact(contact_person_id)
        return derive(_events(session, who.id, contact_person_id))


def history(
    ds: DeskSession, number: str, *, contact_person_id: int | None = None
) -> tuple[ConsentEvent, ...]:
    """The full history of one person, newest first."""
    ds.require(Capability.READ_CUSTOMERS)
    with ds.db.session(pipelined=True) as session:
        who = persons_by_number(session, number)
        who.contact(contact_person_id)
        out = _history_order(_events(session, who.id, contact_person_id))
        audit.record_reads(session, ds, [who.number], Purpose.CUSTOMER_SERVICE, "consent history")
        return out


def today() -> date:
    """The local calendar date: a letter received "today" in Helsinki is not in the future."""
    return date.today()


def record(
    ds: DeskSession,
    number: str,
    item: ConsentItem,
    state: bool,
    evidence: Evidence,
    *,
    contact_person_id: int | None = None,
    purpose: Purpose | str = Purpose.CUSTOMER_SERVICE,
    seen_event_id: int | None = None,
) -> ConsentEvent:
    """Append one event (``item`` becomes ``state``) backed by ``evidence``; audited.

    Raises :class:`~kkdesk.errors.ValidationFailed` if the evidence is incomplete; nothing
    is stored then. Changes of one customer's consents are serialised: on PostgreSQL the
    customer's consent lock is taken before the state is read (the server takes the same
    lock for any insert). Raises :class:`ConsentChanged` and stores nothing when another
    change of this person's consents was recorded while this one waited for the lock, or
    since the user saw the history whose newest event was ``seen_event_id`` (0: none).
    """
    ds.require(Capability.RECORD_CONSENTS)
    item = ConsentItem(item)
    evidence = validate_evidence(evidence, today())
    if not ds.db.is_sqlite:
        return _record_on_server(ds, number, item, state, evidence, contact_person_id,
                                 purpose, seen_event_id)  # fmt: skip
    # The embedded register: the same steps, one call each (no network to save).
    with ds.db.session() as session:
        who = persons_by_number(session, number)
        person = who.contact(contact_person_id)
        newest = _newest_event_id(session, who.id, contact_person_id)
        locks.lock_customer(session, CONSENT_LOCK_SPACE, who.id)
        # After the lock this sees what a writer that held it committed (the write
        # transaction starts at the lock).
        events_now = _events(session, who.id, contact_person_id)
        now_newest = max((e.id for e in events_now), default=0)
        if now_newest != newest:
            raise _changed(who.number)
        if seen_event_id is not None and newest != seen_event_id:
            raise _changed(who.number)
        before = derive(events_now)
        event = store.add_event(
            session,
            customer_id=who.id,
            contact_person_id=contact_person_id,
            item=item,
            state=bool(state),
            received_on=evidence.received_on,
            channel=evidence.channel,
            document_ref=evidence.document_ref,
            note=evidence.note,
            recorded_by=ds.user,
            recorded_at=datetime.now(UTC),
        )
        # The central database appends the entries itself, for any insert (0011).
        after = derive(_events(session, who.id, contact_person_id))
        update_suppression(session, ds, person.keys, before, after, event.id, event.recorded_at)
        contact = "" if contact_person_id is None else f" contact {contact_person_id}"
        audit.record(
            session,
            ds,
            who.number,
            AuditAction.CONSENT,
            purpose,
            f"{item.value}={'on' if state else 'off'}{contact} ref {evidence.document_ref}",
        )
        return event


def _record_on_server(
    ds: DeskSession,
    number: str,
    item: ConsentItem,
    state: bool,
    evidence: Evidence,
    contact_person_id: int | None,
    purpose: Purpose | str,
    seen_event_id: int | None,
) -> ConsentEvent:
    """:func:`record` on PostgreSQL in two round trips: one statement looks the person up,
    locks, checks and appends (the server's function, see store.record_event), and the
    audit row goes with the COMMIT. The suppression entries are the server's (0011)."""
    with ds.db.session(pipelined=True) as session:
        done = store.record_event(
            session,
            number=number,
            contact_person_id=contact_person_id,
            item=item,
            state=bool(state),
            received_on=evidence.received_on,
            channel=evidence.channel,
            document_ref=evidence.document_ref,
            note=evidence.note,
            seen_event_id=seen_event_id,
        )
        if done.outcome == "customer_not_found":
            raise _not_found(number)
        if done.outcome == "contact_not_found":
            raise NotFound(
                f"Customer {done.number} has no contact person {contact_person_id}.",
                code="contact_not_found",
                number=done.number,
                contact_person_id=contact_person_id,
            )
        if done.outcome == "changed" or done.event is None:
            raise _changed(str(done.number))
        contact = "" if contact_person_id is None else f" contact {contact_person_id}"
        audit.record(
            session,
            ds,
            str(done.number),
            AuditAction.CONSENT,
            purpose,
            f"{item.value}={'on' if state else 'off'}{contact} ref {evidence.document_ref}",
        )
        return done.event


class ConsentChanged(KnownError):
    """Another user recorded a change of this person's consents in the meantime."""

    code = "consent_changed"


def _changed(number: str) -> ConsentChanged:
    return ConsentChanged(
        f"The consents of customer {number} were changed by someone else just now; "
        "nothing was recorded. Check the current state and record again if needed.",
        number=number,
    )


def _newest_event_id(session: Session, customer_id: int, contact_person_id: int | None) -> int:
    return store.newest_event_id(session, customer_id, contact_person_id)


# --- suppression ----------------------------------------------------------------------


@dataclass(frozen=True)
class Keys:
    email: str
    phones: tuple[str, ...]


def item_keys(keys: Keys, item: ConsentItem) -> list[tuple[str, str]]:
    """The keys an item suppresses: e-mail consent only the address, SMS consent only the
    phones, everything else (a prohibition stops the person whatever the channel) both."""
    out: list[tuple[str, str]] = []
    if keys.email and item is not ConsentItem.SMS_MARKETING:
        out.append((EMAIL, keys.email))
    if item is not ConsentItem.EMAIL_MARKETING:
        out.extend((PHONE, p) for p in keys.phones)
    return out


def suppression_active(session: Session, kind: str, value: str, item: ConsentItem) -> bool:
    """Whether the newest entry for (key, item) is active: entries are never changed, so
    lifting one is a newer inactive entry."""
    return store.suppression_active(session, kind, value, item)


def _others_forbid(
    session: Session, kind: str, value: str, item: ConsentItem, exclude: tuple[int, int | None]
) -> bool:
    """Whether another live record (customer or contact person) with this key has, by its
    own statement, the item in force."""
    records = store.live_records_with_key(session, value, email=kind == EMAIL)
    for rec in records:
        if rec == exclude:
            continue
        if item in derive(_events(session, *rec)).suppressed_items():
            return True
    return False


def update_suppression(
    session: Session,
    ds: DeskSession,
    keys: Keys,
    before: ConsentState,
    after: ConsentState,
    event_id: int,
    now: datetime,
) -> int:
    """Append suppression entries for what the event changed; returns how many."""
    me = store.event_owner(session, event_id)
    added = 0
    old, new = before.suppressed_items(), after.suppressed_items()
    for item in ConsentItem:
        if (item in new) == (item in old) and item not in new:
            continue
        for kind, value in item_keys(keys, item):
            active = suppression_active(session, kind, value, item)
            want = item in new or _others_forbid(session, kind, value, item, me)
            if want != active:
                store.add_suppression(
                    session,
                    kind=kind,
                    value=value,
                    item=item,
                    active=want,
                    created_at=now,
                    created_by=ds.user,
                    consent_event_id=event_id,
                )
                added += 1
    return added


# --- the customer's JSON record -------------------------------------------------------


def event_json(e: ConsentEvent) -> dict[str, Any]:
    out: dict[str, Any] = jsonable(
        {
            "id": e.id,
            "item": e.item.value,
            "state": e.state,
            "received_on": e.received_on,
            "channel": e.channel.value,
            "document_ref": e.document_ref,
            "note": e.note,
            "recorded_by": e.recorded_by,
            "recorded_at": e.recorded_at,
        }
    )
    return out


def person_json(p: PersonConsents) -> dict[str, Any]:
    return {
        "contact_person_id": p.contact_person_id,
        "name": p.name,
        "current": {
            s.item.value: {
                "value": s.value,
                "since": jsonable(s.since),
                "event_id": s.event.id if s.event is not None else None,
            }
            for s in p.state.items
        },
        "history": [event_json(e) for e in p.history],
        "suppressed_elsewhere": sorted(i.value for i in p.suppressed_elsewhere),
    }


def record_section(session: Session, row: Customer) -> tuple[str, Any]:
    """The ``consents`` section of ``kkdesk customer show --json`` (on PostgreSQL read by
    the consents tab's one statement instead of a query per table)."""
    if is_central(session):
        persons = persons_of_view(store.consent_view(session, row.number), row.number)[1]
    else:
        persons = persons_of(session, row)
    return "consents", [person_json(p) for p in persons]
