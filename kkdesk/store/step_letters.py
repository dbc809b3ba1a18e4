"""The reading and writing behind the step letters (:mod:`kkdesk.services.step_letters`):
a person's change history, the disclosures of their data, the sendings of archived letters
and the Art. 14 notices still due.

Times come back aware UTC (UtcDateTime columns, in ORM and Core reads alike).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import Row, func, select
from sqlalchemy.orm import Session

from kkdesk.domain.letters import LetterKind
from kkdesk.store import models as m
from kkdesk.store import stamps
from kkdesk.store.models import Customer, LetterSending, RequestLetter


def changes(session: Session, customer_id: int, contact_id: int | None = None) -> list[Any]:
    """The change history of the customer's own fields, or of contact person
    ``contact_id``'s (never a mix: each is a different person's data), oldest first:
    rows of id, changed_at, field, new_value, source, source_detail."""
    c = m.PersonalDataChange
    whose = (
        c.contact_person_id.is_(None) if contact_id is None else c.contact_person_id == contact_id
    )
    return list(
        session.execute(
            select(c.id, c.changed_at, c.field, c.new_value, c.source, c.source_detail)
            .where(c.customer_id == customer_id, whose)
            .order_by(c.changed_at, c.id)
        ).all()
    )


def disclosures_of(session: Session, customer_id: int) -> list[tuple[str, datetime | date]]:
    """(recipient, disclosed at) of every disclosure of the customer's data, oldest first."""
    rows = session.execute(
        select(m.Disclosure.recipient, m.Disclosure.disclosed_at)
        .join(m.DisclosureCustomer, m.DisclosureCustomer.disclosure_id == m.Disclosure.id)
        .where(m.DisclosureCustomer.customer_id == customer_id)
        .order_by(m.Disclosure.disclosed_at)
    ).all()
    return [(recipient, at) for recipient, at in rows]


def sending_of(session: Session, letter_id: int) -> int | None:
    """The id of the recorded sending of letter ``letter_id``, if any."""
    return session.scalar(select(LetterSending.id).where(LetterSending.letter_id == letter_id))


def add_sending(
    session: Session, letter_id: int, *, sent_on: date, via: str, recorded_by: str, at: datetime
) -> None:
    session.add(
        LetterSending(
            letter_id=letter_id,
            sent_on=sent_on,
            via=via,
            # Ours on SQLite; the server's on PostgreSQL (migration 0011).
            **stamps.who_when(session, recorded_by, by="recorded_by", at="recorded_at", now=at),
        )
    )


def customer_changes_due(
    session: Session, start: datetime, sources: Iterable[str]
) -> Sequence[Row[str, str, str, str, str, datetime, str]]:
    """Rows (number, type, surname, first_names, company_name, changed_at, source) of each
    live customer's own field changed from one of ``sources`` since ``start`` and after the
    customer's last own source notice, oldest first."""
    c = m.PersonalDataChange
    notified = (
        select(RequestLetter.customer_id, func.max(RequestLetter.created_at).label("at"))
        .where(
            RequestLetter.kind == LetterKind.SOURCE_NOTICE.value,
            RequestLetter.addressee == "",  # the customer's own notices
        )
        .group_by(RequestLetter.customer_id)
        .subquery()
    )
    rows = session.execute(
        select(
            Customer.number,
            Customer.type,
            Customer.surname,
            Customer.first_names,
            Customer.company_name,
            c.changed_at,
            c.source,
        )
        .join(c, c.customer_id == Customer.id)
        .outerjoin(notified, notified.c.customer_id == Customer.id)
        .where(
            Customer.erased_at.is_(None),
            c.contact_person_id.is_(None),
            c.source.in_(list(sources)),
            c.changed_at >= start,
            (notified.c.at.is_(None)) | (c.changed_at > notified.c.at),
        )
        .order_by(c.changed_at)
    ).all()
    return rows


def contact_changes_since(
    session: Session, start: datetime, sources: Iterable[str]
) -> Sequence[Row[int, str, str, int, str, str, datetime, str]]:
    """Rows (customer id, number, company_name, contact id, surname, first_names,
    changed_at, source) of each current contact person's field changed from one of
    ``sources`` since ``start``, oldest first."""
    c = m.PersonalDataChange
    cp = m.ContactPerson
    rows = session.execute(
        select(
            Customer.id,
            Customer.number,
            Customer.company_name,
            cp.id,
            cp.surname,
            cp.first_names,
            c.changed_at,
            c.source,
        )
        .join(c, c.customer_id == Customer.id)
        .join(cp, (cp.id == c.contact_person_id) & (cp.customer_id == Customer.id))
        .where(
            Customer.erased_at.is_(None),
            c.source.in_(list(sources)),
            c.changed_at >= start,
        )
        .order_by(c.changed_at)
    ).all()
    return rows


def addressed_notices(
    session: Session, customer_ids: Iterable[int]
) -> list[tuple[int | None, str, datetime]]:
    """(customer id, addressee, made at) of the source notices of these customers that
    went to someone else than the customer (a contact person)."""
    rows = session.execute(
        select(RequestLetter.customer_id, RequestLetter.addressee, RequestLetter.created_at).where(
            RequestLetter.kind == LetterKind.SOURCE_NOTICE.value,
            RequestLetter.customer_id.in_(set(customer_ids)),
            RequestLetter.addressee != "",
        )
    )
    return [(cid, addressee, at) for cid, addressee, at in rows]
