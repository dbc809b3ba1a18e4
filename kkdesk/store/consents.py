"""Queries of the ``consent_event`` and ``suppression`` tables and of the keys (e-mail,
phones) of customers and contact persons (the rules — what a statement suppresses, who
wins across records — are in :mod:`kkdesk.services.consents`).

Both tables are append-only: nothing here updates or deletes a row.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import lru_cache
from types import SimpleNamespace
from typing import Any, cast

from sqlalchemy import Connection, Select, and_, func, literal_column, or_, select, text
from sqlalchemy.dialects.postgresql import aggregate_order_by
from sqlalchemy.orm import Session

from kkdesk.domain.consent import ConsentEvent, ConsentItem
from kkdesk.domain.enums import Channel
from kkdesk.store import stamps
from kkdesk.store.customers import NUMBER, number_is, number_target, read_params, with_read
from kkdesk.store.database import in_parts, is_central
from kkdesk.store.models import ConsentEvent as EventRow
from kkdesk.store.models import ContactPerson, Customer, Suppression

__all__ = ["Connection"]  # the demo generator's handle, named without importing SQLAlchemy

# The advisory-lock space of consent changes (migration 0004's kkdesk_consent_lock uses the
# same key: "kkdd" as a 32-bit integer).
CONSENT_LOCK_SPACE = 1801675620


def to_event(row: Any) -> ConsentEvent:
    """An event from its ORM row or from a plain row of :data:`_EVENT_COLUMNS`."""
    return ConsentEvent(
        id=row.id,
        item=ConsentItem(row.item),
        state=bool(row.state),
        received_on=row.received_on,
        channel=Channel(row.channel),
        document_ref=row.document_ref,
        note=row.note,
        recorded_by=row.recorded_by,
        recorded_at=row.recorded_at,
        contact_person_id=row.contact_person_id,
    )


_EVENT_COLUMNS = (
    EventRow.id, EventRow.customer_id, EventRow.item, EventRow.state, EventRow.received_on,
    EventRow.channel, EventRow.document_ref, EventRow.note, EventRow.recorded_by,
    EventRow.recorded_at, EventRow.contact_person_id,
)  # fmt: skip


def _person_filter(customer_id: int, contact_person_id: int | None) -> Any:
    if contact_person_id is None:
        return and_(EventRow.customer_id == customer_id, EventRow.contact_person_id.is_(None))
    return and_(
        EventRow.customer_id == customer_id, EventRow.contact_person_id == contact_person_id
    )


def events(session: Session, customer_id: int, contact_person_id: int | None) -> list[ConsentEvent]:
    """One person's events (the customer itself when ``contact_person_id`` is None)."""
    rows = session.execute(
        select(EventRow)
        .where(_person_filter(customer_id, contact_person_id))
        .order_by(EventRow.received_on.desc(), EventRow.recorded_at.desc(), EventRow.id.desc())
    ).scalars()
    return [to_event(r) for r in rows]


def events_of_customers(
    session: Session, customer_ids: Sequence[int]
) -> dict[int, list[ConsentEvent]]:
    """Every event of these customers and their contact persons, by customer id."""
    out: dict[int, list[ConsentEvent]] = {cid: [] for cid in customer_ids}
    for part in in_parts(list(customer_ids)):
        for r in session.execute(select(*_EVENT_COLUMNS).where(EventRow.customer_id.in_(part))):
            out[r.customer_id].append(to_event(r))
    return out


def newest_event_id(session: Session, customer_id: int, contact_person_id: int | None) -> int:
    newest = session.execute(
        select(func.max(EventRow.id)).where(_person_filter(customer_id, contact_person_id))
    ).scalar_one_or_none()
    return int(newest or 0)


def lock_customer(session: Session, customer_id: int) -> None:
    """PostgreSQL: take the customer's consent lock until the transaction ends (the server
    takes the same lock for any insert of an event)."""
    session.execute(
        text("select pg_advisory_xact_lock(:space, :customer)"),
        {"space": CONSENT_LOCK_SPACE, "customer": customer_id},
    )


def add_event(
    session: Session,
    *,
    customer_id: int,
    contact_person_id: int | None,
    item: ConsentItem,
    state: bool,
    received_on: date,
    channel: Channel,
    document_ref: str,
    note: str,
    recorded_by: str,
    recorded_at: datetime,
    stamped: tuple[str, datetime] | None = None,
) -> ConsentEvent:
    """Append one event. Who and when are ours on SQLite; on PostgreSQL the server writes
    them (migration 0004) and the event carries the server's values: ``stamped`` (the
    session's user and the transaction's time, read earlier in the same transaction), else
    read back."""
    row = EventRow(
        customer_id=customer_id,
        contact_person_id=contact_person_id,
        item=item.value,
        state=bool(state),
        received_on=received_on,
        channel=channel.value,
        document_ref=document_ref,
        note=note,
        **stamps.who_when(
            session, recorded_by, by="recorded_by", at="recorded_at", now=recorded_at
        ),
    )
    session.add(row)
    session.flush()
    user, when = stamped or (None, None)
    stamps.server_stamped(session, row, by="recorded_by", at="recorded_at", user=user, when=when)
    return to_event(row)


def event_owner(session: Session, event_id: int) -> tuple[int, int | None]:
    """(customer id, contact person id or None) of an event."""
    ev = session.get(EventRow, event_id)
    assert ev is not None
    return ev.customer_id, ev.contact_person_id


def person_rows(session: Session, number: str) -> tuple[Any, Sequence[Any]] | None:
    """The live customer ``number`` and its contact persons, from columns every user level
    may read (on PostgreSQL the marketing level reads only some of a customer's columns):
    (id, number, type, surname, first_names, company_name, email_key, phone_home,
    phone_work, phone_mobile) and, per contact in id order, (id, surname, first_names,
    email_key, phone_work, phone_mobile). None if there is no such live customer."""
    if is_central(session):
        # One statement (one round trip): the contact persons aggregated with the row.
        found = session.execute(
            select(*_PERSON_COLUMNS, _CONTACTS_JSON.label("contacts")).where(number_is(number))
        ).one_or_none()
        if found is None or found.erased_at is not None:
            return None
        return found, _contacts_of(found.contacts)
    row = session.execute(select(*_PERSON_COLUMNS).where(number_is(number))).one_or_none()
    if row is None or row.erased_at is not None:
        return None
    contacts = session.execute(
        select(
            ContactPerson.id, ContactPerson.surname, ContactPerson.first_names,
            ContactPerson.email_key, ContactPerson.phone_work, ContactPerson.phone_mobile,
        )
        .where(ContactPerson.customer_id == row.id)
        .order_by(ContactPerson.id)
    ).all()  # fmt: skip
    return row, contacts


@dataclass(frozen=True)
class Recorded:
    """What :func:`record_event` did: ``outcome`` is ``recorded`` (then ``event`` is the
    event as the server stored it), ``customer_not_found``, ``contact_not_found`` or
    ``changed`` (nothing was written)."""

    outcome: str
    number: str | None
    event: ConsentEvent | None


def record_event(
    session: Session,
    *,
    number: str,
    contact_person_id: int | None,
    item: ConsentItem,
    state: bool,
    received_on: date,
    channel: Channel,
    document_ref: str,
    note: str,
    seen_event_id: int | None,
) -> Recorded:
    """PostgreSQL: ONE statement (migration 0023's ``kkdesk_record_consent``, run as the
    caller) finds the live customer, takes its consent lock, checks that the person's
    newest event did not change while it waited (nor since ``seen_event_id``) and appends
    the event; the server stamps who and when and its triggers fire as for any insert."""
    row = session.execute(
        text(
            "select * from kkdesk_record_consent(:number, :contact, :item, :state, "
            ":received_on, :channel, :document_ref, :note, :seen)"
        ),
        {
            "number": number,
            "contact": contact_person_id,
            "item": item.value,
            "state": bool(state),
            "received_on": received_on,
            "channel": channel.value,
            "document_ref": document_ref,
            "note": note,
            "seen": seen_event_id,
        },
    ).one()
    if row.outcome != "recorded":
        return Recorded(str(row.outcome), row.out_number, None)
    event = ConsentEvent(
        id=row.out_id,
        item=item,
        state=bool(state),
        received_on=received_on,
        channel=channel,
        document_ref=document_ref,
        note=note,
        recorded_by=str(row.out_recorded_by),
        recorded_at=row.out_recorded_at.astimezone(UTC),
        contact_person_id=contact_person_id,
    )
    return Recorded("recorded", str(row.out_number), event)


@dataclass(frozen=True)
class ConsentView:
    """What :func:`consent_view` read: the rows as :func:`person_rows` gives them, every
    event of the customer and its contact persons, and (id, kind, value, item, active) of
    every suppression entry on the keys of those persons."""

    row: Any
    contacts: Sequence[Any]
    events: list[ConsentEvent]
    entries: list[tuple[int, str, str, str, bool]]


# The events of the customer in the statement's row, as JSON (one round trip for all).
_EVENTS_JSON: Any = literal_column(
    """(SELECT json_agg(json_build_array(e.id, e.item, e.state, e.received_on, e.channel,
                                         e.document_ref, e.note, e.recorded_by,
                                         e.recorded_at, e.contact_person_id))
          FROM consent_event e WHERE e.customer_id = customer.id)"""
)
# The suppression entries on the keys (e-mail, phones) of the customer and its contact
# persons. Each key is looked up on its own (kind, value) — the index leads with the kind.
_ENTRIES_JSON: Any = literal_column(
    """(SELECT json_agg(json_build_array(s.id, s.key_kind, s.key_value, s.item, s.active))
          FROM (SELECT DISTINCT k.kind, k.value FROM (
                  SELECT 'email' AS kind, customer.email_key AS value
                  UNION ALL SELECT 'phone', customer.phone_home
                  UNION ALL SELECT 'phone', customer.phone_work
                  UNION ALL SELECT 'phone', customer.phone_mobile
                  UNION ALL SELECT 'email', cp.email_key FROM contact_person cp
                             WHERE cp.customer_id = customer.id
                  UNION ALL SELECT 'phone', cp.phone_work FROM contact_person cp
                             WHERE cp.customer_id = customer.id
                  UNION ALL SELECT 'phone', cp.phone_mobile FROM contact_person cp
                             WHERE cp.customer_id = customer.id) k
                 WHERE k.value <> '') keys
          CROSS JOIN LATERAL (
              SELECT s.id, s.key_kind, s.key_value, s.item, s.active FROM suppression s
               WHERE s.key_kind = keys.kind AND s.key_value = keys.value) s)"""
)


def consent_view(
    session: Session, number: str, *extra: Any, audit_read: dict[str, str] | None = None
) -> ConsentView | None:
    """PostgreSQL: ONE statement reads what a consents tab shows — the live customer
    ``number`` (or the one it was merged into) with its contact persons, their events and
    the suppression entries on their keys — and the ``extra`` labelled columns (scalar
    sub-selects correlated with the customer; read from ``row``). None if there is no such
    live customer. ``audit_read``: the same statement records the read (see
    :func:`kkdesk.store.customers.with_read`)."""
    query = _view_statement(tuple(extra), audit_read is not None)
    found = session.execute(query, read_params(number, audit_read)).one_or_none()
    if found is None or found.erased_at is not None:
        return None
    events = [
        ConsentEvent(
            id=eid,
            item=ConsentItem(item),
            state=bool(state),
            received_on=date.fromisoformat(received_on),
            channel=Channel(channel),
            document_ref=ref,
            note=note,
            recorded_by=by,
            recorded_at=datetime.fromisoformat(at).astimezone(UTC),
            contact_person_id=contact,
        )
        for eid, item, state, received_on, channel, ref, note, by, at, contact in (
            found.events or ()
        )
    ]
    entries = [
        (int(sid), str(kind), str(value), str(item), bool(active))
        for sid, kind, value, item, active in found.entries or ()
    ]
    return ConsentView(found, _contacts_of(found.contacts), events, entries)


@lru_cache(maxsize=16)
def _view_statement(extra: tuple[Any, ...], audited: bool) -> Select[Any]:
    """:func:`consent_view`'s statement, built once per shape (``extra`` made once too, see
    store.summary.overview_columns) for the bound customer number."""
    query = cast(
        "Select[Any]",
        select(
            *_PERSON_COLUMNS,
            _CONTACTS_JSON.label("contacts"),
            _EVENTS_JSON.label("events"),
            _ENTRIES_JSON.label("entries"),
            *extra,
        ).where(Customer.id == number_target(NUMBER)),
    )
    return with_read(query) if audited else query


def _contacts_of(aggregated: Any) -> list[Any]:
    """The contact persons aggregated by _CONTACTS_JSON, with attributes as rows have."""
    return [SimpleNamespace(**c) for c in aggregated or ()]


_PERSON_COLUMNS = (
    Customer.id, Customer.number, Customer.type, Customer.surname, Customer.first_names,
    Customer.company_name, Customer.email_key, Customer.phone_home, Customer.phone_work,
    Customer.phone_mobile, Customer.erased_at,
)  # fmt: skip


def _contacts_json() -> Any:
    return (
        select(
            func.json_agg(
                aggregate_order_by(
                    func.json_build_object(
                        "id", ContactPerson.id,
                        "surname", ContactPerson.surname,
                        "first_names", ContactPerson.first_names,
                        "email_key", ContactPerson.email_key,
                        "phone_work", ContactPerson.phone_work,
                        "phone_mobile", ContactPerson.phone_mobile,
                    ),
                    ContactPerson.id,
                )
            )
        )
        .where(ContactPerson.customer_id == Customer.id)
        .scalar_subquery()
    )  # fmt: skip


_CONTACTS_JSON = _contacts_json()


def suppression_entries(
    session: Session, kinds: Iterable[str], values: Iterable[str]
) -> list[tuple[int, str, str, str, bool]]:
    """(id, kind, value, item, active) of every suppression entry on these key values.

    The kinds go into the query because the index leads with key_kind: on the value alone
    PostgreSQL scanned the whole list (64 ms on 559,000 entries; 0.09 ms with the kinds).
    """
    out: list[tuple[int, str, str, str, bool]] = []
    kind_list = sorted(set(kinds))
    for part in in_parts(sorted(set(values))):
        rows = session.execute(
            select(Suppression.id, Suppression.key_kind, Suppression.key_value,
                   Suppression.item, Suppression.active)
            .where(Suppression.key_kind.in_(kind_list), Suppression.key_value.in_(part))
        )  # fmt: skip
        out.extend(
            (sid, kind, value, item, bool(active)) for sid, kind, value, item, active in rows
        )
    return out


def suppression_active(session: Session, kind: str, value: str, item: ConsentItem) -> bool:
    """Whether the newest entry for (key, item) is active."""
    latest = session.execute(
        select(Suppression.active)
        .where(
            Suppression.key_kind == kind,
            Suppression.key_value == value,
            Suppression.item == item.value,
        )
        .order_by(Suppression.id.desc())
        .limit(1)
    ).scalar_one_or_none()
    return bool(latest)


def live_records_with_key(
    session: Session, value: str, *, email: bool
) -> list[tuple[int, int | None]]:
    """(customer id, contact person id or None) of every live record — a customer or a
    contact person of a live customer — holding ``value`` as its e-mail key (``email``) or
    as one of its phones."""
    if email:
        cust = select(Customer.id).where(Customer.email_key == value)
        cont = select(ContactPerson.customer_id, ContactPerson.id).where(
            ContactPerson.email_key == value
        )
    else:
        cust = select(Customer.id).where(
            or_(
                Customer.phone_home == value,
                Customer.phone_work == value,
                Customer.phone_mobile == value,
            )
        )
        cont = select(ContactPerson.customer_id, ContactPerson.id).where(
            or_(ContactPerson.phone_work == value, ContactPerson.phone_mobile == value)
        )
    records: list[tuple[int, int | None]] = [
        (cid, None) for (cid,) in session.execute(cust.where(Customer.erased_at.is_(None))).all()
    ]
    records += [
        (cid, pid)
        for cid, pid in session.execute(
            cont.join(Customer, Customer.id == ContactPerson.customer_id).where(
                Customer.erased_at.is_(None)
            )
        ).all()
    ]
    return records


def add_suppression(
    session: Session,
    *,
    kind: str,
    value: str,
    item: ConsentItem,
    active: bool,
    created_at: datetime,
    created_by: str,
    consent_event_id: int,
) -> None:
    session.add(
        Suppression(
            key_kind=kind,
            key_value=value,
            item=item.value,
            active=active,
            consent_event_id=consent_event_id,
            **stamps.who_when(
                session, created_by, by="created_by", at="created_at", now=created_at
            ),
        )
    )
