"""Customer rows in and out: search by keyset pages, load, and convert to domain views.

Search never loads more than one page. Each reading of the query text (see
:func:`kkdesk.domain.search.interpret`) is a *phase*, an index range scan ordered by that
index; the cursor remembers the phase and the last key seen, so the next page continues
exactly where the previous one ended however many customers match.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, not_, or_, select, tuple_
from sqlalchemy.orm import Session, selectinload

from kkdesk.domain import customer as dc
from kkdesk.domain.enums import CustomerType, DataSource, Language
from kkdesk.domain.search import KEY_END, Interpretation, QueryKind, interpret
from kkdesk.errors import NotFound
from kkdesk.store.models import ContactPerson, Customer, PersonalDataChange


@dataclass(frozen=True)
class SearchCursor:
    """Where the next page starts: the phase, and the sort key and id of the last row."""

    text: str
    phase: int
    last_key: str
    last_id: int


@dataclass(frozen=True)
class SearchPage:
    rows: tuple[dc.CustomerSummary, ...]
    next: SearchCursor | None


_SUMMARY_COLUMNS = (
    Customer.id,
    Customer.number,
    Customer.type,
    Customer.surname,
    Customer.first_names,
    Customer.company_name,
    Customer.postal_code,
    Customer.post_office,
    Customer.email,
    Customer.phone_mobile,
    Customer.phone_home,
    Customer.phone_work,
)


def _prefix(column: Any, value: str) -> ColumnElement[bool]:
    return and_(column >= value, column < value + KEY_END)


def _words_filter(column: Any, words: list[str]) -> list[ColumnElement[bool]]:
    # Later words may match the start of any word of the key ("virt mat" → Virtanen Matti).
    # fold() leaves only letters, digits and spaces, so no LIKE escaping is needed.
    return [(" " + column).like(f"% {w}%") for w in words]


def _phase_query(
    interp: Interpretation,
) -> list[tuple[Any, Any]]:
    """The phases of one interpretation: (filtered select, sort key column)."""
    base = select(*_SUMMARY_COLUMNS, Customer.name_key).where(Customer.erased_at.is_(None))
    v = interp.value
    if interp.kind is QueryKind.NUMBER:
        return [(base.where(Customer.number == v), Customer.name_key)]
    if interp.kind is QueryKind.BUSINESS_ID:
        return [(base.where(Customer.business_id == v), Customer.name_key)]
    if interp.kind is QueryKind.POSTAL_CODE:
        return [(base.where(Customer.postal_code == v), Customer.name_key)]
    if interp.kind is QueryKind.PHONE:
        on_customer = or_(
            Customer.phone_mobile == v, Customer.phone_home == v, Customer.phone_work == v
        )
        on_contact = Customer.id.in_(
            select(ContactPerson.customer_id).where(
                or_(ContactPerson.phone_mobile == v, ContactPerson.phone_work == v)
            )
        )
        return [(base.where(or_(on_customer, on_contact)), Customer.name_key)]
    if interp.kind is QueryKind.EMAIL:
        return [
            (base.where(_prefix(Customer.email_key, v)), Customer.email_key),
            (
                base.where(
                    Customer.id.in_(
                        select(ContactPerson.customer_id).where(_prefix(ContactPerson.email_key, v))
                    ),
                    not_(_prefix(Customer.email_key, v)),
                ),
                Customer.name_key,
            ),
        ]
    # A name: "surname first" order first, then "first surname" for those not yet shown.
    words = v.split()
    first, rest = words[0], words[1:]
    return [
        (
            base.where(_prefix(Customer.name_key, first), *_words_filter(Customer.name_key, rest)),
            Customer.name_key,
        ),
        (
            base.where(
                _prefix(Customer.name_key_rev, first),
                *_words_filter(Customer.name_key_rev, rest),
                not_(
                    and_(
                        _prefix(Customer.name_key, first),
                        *_words_filter(Customer.name_key, rest),
                    )
                ),
            ),
            Customer.name_key_rev,
        ),
    ]


def search(
    session: Session, text: str, *, after: SearchCursor | None = None, limit: int = 50
) -> SearchPage:
    """One page of customers matching ``text``; ``after`` continues a previous page."""
    text = " ".join(text.split())
    if after is not None and after.text != text:
        after = None
    phases = [p for interp in interpret(text) for p in _phase_query(interp)]
    rows: list[dc.CustomerSummary] = []
    phase = after.phase if after else 0
    last_key, last_id = (after.last_key, after.last_id) if after else (None, None)
    while phase < len(phases) and len(rows) < limit:
        query, key = phases[phase]
        want = limit - len(rows)
        if last_key is not None and last_id is not None:
            query = query.where(tuple_(key, Customer.id) > tuple_(last_key, last_id))
        query = query.add_columns(key.label("sort_key")).order_by(key, Customer.id).limit(want)
        result = session.execute(query).all()
        for r in result:
            rows.append(_summary(r))
        if len(result) == want:
            last = result[-1]
            return SearchPage(tuple(rows), SearchCursor(text, phase, last.sort_key, last.id))
        phase += 1
        last_key = last_id = None
    return SearchPage(tuple(rows), None)


def _summary(r: object) -> dc.CustomerSummary:
    row = r  # a Row; attribute access by column name
    phone = row.phone_mobile or row.phone_home or row.phone_work  # type: ignore[attr-defined]
    return dc.CustomerSummary(
        id=row.id,  # type: ignore[attr-defined]
        number=row.number,  # type: ignore[attr-defined]
        type=CustomerType(row.type),  # type: ignore[attr-defined]
        name=dc.display_name(
            row.type,  # type: ignore[attr-defined]
            row.surname,  # type: ignore[attr-defined]
            row.first_names,  # type: ignore[attr-defined]
            row.company_name,  # type: ignore[attr-defined]
        ),
        postal_code=row.postal_code,  # type: ignore[attr-defined]
        post_office=row.post_office,  # type: ignore[attr-defined]
        email=row.email,  # type: ignore[attr-defined]
        phone=phone,
    )


def summaries(
    session: Session, where: ColumnElement[bool], limit: int = 20
) -> list[dc.CustomerSummary]:
    query = (
        select(*_SUMMARY_COLUMNS)
        .where(where, Customer.erased_at.is_(None))
        .order_by(Customer.name_key, Customer.id)
        .limit(limit)
    )
    return [_summary(r) for r in session.execute(query).all()]


def row_by_number(session: Session, number: str, *, for_update: bool = False) -> Customer:
    query = (
        select(Customer)
        .where(Customer.number == number.strip())
        .options(selectinload(Customer.contacts))
    )
    if for_update:
        query = query.with_for_update()
    row = session.execute(query).scalar_one_or_none()
    if row is None or row.erased_at is not None:
        raise NotFound(
            f"No customer with number {number}.", code="customer_not_found", number=number
        )
    return row


def latest_sources(session: Session, customer_id: int) -> dict[str, DataSource]:
    """The current source of each field: the source of its latest change."""
    rows = session.execute(
        select(
            PersonalDataChange.field,
            PersonalDataChange.contact_person_id,
            PersonalDataChange.source,
        )
        .where(PersonalDataChange.customer_id == customer_id)
        .order_by(PersonalDataChange.id)
    ).all()
    out: dict[str, DataSource] = {}
    for field, contact_id, source in rows:
        key = field if contact_id is None else f"contact:{contact_id}:{field}"
        out[key] = DataSource(source)
    return out


def to_view(session: Session, row: Customer) -> dc.Customer:
    return dc.Customer(
        id=row.id,
        number=row.number,
        type=CustomerType(row.type),
        customer_since=row.customer_since,
        surname=row.surname,
        first_names=row.first_names,
        company_name=row.company_name,
        business_id=row.business_id,
        street=row.street,
        postal_code=row.postal_code,
        post_office=row.post_office,
        country=row.country,
        phone_home=row.phone_home,
        phone_work=row.phone_work,
        phone_mobile=row.phone_mobile,
        email=row.email,
        birth_date=row.birth_date,
        language=Language(row.language),
        notes=row.notes,
        extra=json.loads(row.extra or "{}"),
        version=row.version,
        updated_at=_aware(row.updated_at),
        updated_by=row.updated_by,
        contacts=tuple(
            dc.ContactPerson(
                id=c.id,
                surname=c.surname,
                first_names=c.first_names,
                role=c.role,
                phone_work=c.phone_work,
                phone_mobile=c.phone_mobile,
                email=c.email,
            )
            for c in row.contacts
        ),
        sources=latest_sources(session, row.id),
        erased=row.erased_at is not None,
    )


def history(session: Session, customer_id: int) -> tuple[dc.FieldChange, ...]:
    rows = session.execute(
        select(PersonalDataChange)
        .where(PersonalDataChange.customer_id == customer_id)
        .order_by(PersonalDataChange.changed_at.desc(), PersonalDataChange.id.desc())
    ).scalars()
    return tuple(
        dc.FieldChange(
            changed_at=_aware(r.changed_at),
            changed_by=r.changed_by,
            field=r.field,
            old_value=r.old_value,
            new_value=r.new_value,
            source=DataSource(r.source),
            source_detail=r.source_detail,
            contact_person_id=r.contact_person_id,
        )
        for r in rows
    )


def _aware(value: datetime) -> datetime:
    """SQLite hands back naive datetimes; every time kkdesk stores is UTC."""
    from datetime import UTC

    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)
