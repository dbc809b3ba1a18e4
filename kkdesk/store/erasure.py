"""The SQL of erasing a person (GDPR Art. 17) and of legal holds.

Each function does one table's part inside the caller's unit of work; the order and the
rules (what may be erased, what is kept) are :mod:`kkdesk.services.erasure`'s. On
PostgreSQL the statements run as the signed-in privacy user and the server checks each of
them (migration 0017): an ``erasure`` row must come first, and the server writes who and
when. Bulk statements, not row-by-row ORM changes: a customer with hundreds of orders is
erased in a handful of statements.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import ColumnElement, delete, func, or_, select, update
from sqlalchemy.orm import Session

from kkdesk.domain.erasure import ERASED_MARK, ErasureRecord
from kkdesk.domain.search import WordKind
from kkdesk.store import stamps
from kkdesk.store.customers import number_is
from kkdesk.store.database import in_parts
from kkdesk.store.models import (
    ConsentEvent,
    ContactPerson,
    Customer,
    Delivery,
    Disclosure,
    DisclosureCustomer,
    ErasureRow,
    LegalHold,
    Order,
    OrderCorrection,
    PersonalDataChange,
    ProcessingRestriction,
    RequestLetter,
    Return,
    SearchWord,
    SubjectRequest,
    Suppression,
)

_OPEN_ORDER = ("open", "shipped")


def now_or_server(session: Session) -> datetime | None:
    """The time to write on SQLite; None on PostgreSQL (the server writes it)."""
    return datetime.now(UTC) if stamps._is_sqlite(session) else None


def customer_row(session: Session, customer_id: int, *, lock: bool = True) -> Customer | None:
    """The customer, locked for the erasure unless ``lock`` is false (a check that changes
    nothing, in a read-only transaction); its contacts load with it."""
    query = select(Customer).where(Customer.id == customer_id)
    if lock:
        query = query.with_for_update()
    return session.execute(query).scalar_one_or_none()


def customer_id_of(session: Session, number: str) -> int | None:
    """The customer numbered ``number`` or, for a number merged away (migration 0020), the
    record it was merged into: erasing by an old number erases the person, not the blank
    record the merge left behind."""
    return session.execute(select(Customer.id).where(number_is(number))).scalar_one_or_none()


def open_orders(session: Session, customer_id: int) -> list[str]:
    return list(
        session.execute(
            select(Order.number).where(
                Order.customer_id == customer_id, Order.status.in_(_OPEN_ORDER)
            )
        ).scalars()
    )


def open_returns(session: Session, customer_id: int) -> list[str]:
    return list(
        session.execute(
            select(Return.number)
            .join(Order, Order.id == Return.order_id)
            .where(Order.customer_id == customer_id, Return.refunded_at.is_(None))
        ).scalars()
    )


def orders_of(session: Session, customer_id: int) -> list[tuple[int, str, datetime, int]]:
    """(id, number, ordered_at, total_cents) of every order of the customer."""
    return [
        (r.id, r.number, r.ordered_at, r.total_cents)
        for r in session.execute(
            select(Order.id, Order.number, Order.ordered_at, Order.total_cents)
            .where(Order.customer_id == customer_id)
            .order_by(Order.ordered_at, Order.id)
        )
    ]


def legal_hold_active(session: Session, customer_id: int) -> bool:
    latest = session.execute(
        select(LegalHold.active)
        .where(LegalHold.customer_id == customer_id)
        .order_by(LegalHold.id.desc())
        .limit(1)
    ).scalar_one_or_none()
    return bool(latest)


def latest_legal_hold(session: Session, customer_id: int) -> LegalHold | None:
    """The customer's newest legal-hold record (its ``active`` is the hold's state)."""
    return session.execute(
        select(LegalHold)
        .where(LegalHold.customer_id == customer_id)
        .order_by(LegalHold.id.desc())
        .limit(1)
    ).scalar_one_or_none()


def add_legal_hold(
    session: Session, customer_id: int, active: bool, reason: str, user: str
) -> None:
    session.add(
        LegalHold(
            customer_id=customer_id,
            active=active,
            reason=reason,
            **stamps.who_when(session, user, by="recorded_by", at="recorded_at"),
        )
    )
    session.flush()


def suppressions_on(session: Session, emails: Iterable[str], phones: Iterable[str]) -> int:
    """How many suppression entries are on these keys (kept by the erasure)."""
    total = 0
    for kind, values in (
        ("email", sorted(set(emails) - {""})),
        ("phone", sorted(set(phones) - {""})),
    ):
        for part in in_parts(values):
            total += session.execute(
                select(func.count())
                .select_from(Suppression)
                .where(Suppression.key_kind == kind, Suppression.key_value.in_(part))
            ).scalar_one()
    return total


def letter_dates(session: Session, customer_id: int, contact_person_id: int | None) -> list[date]:
    """The days the archived letters about the person were made."""
    requests = select(SubjectRequest.id).where(SubjectRequest.customer_id == customer_id)
    where: ColumnElement[bool]
    if contact_person_id is not None:
        requests = requests.where(SubjectRequest.contact_person_id == contact_person_id)
        where = RequestLetter.request_id.in_(requests)
    else:
        where = or_(
            RequestLetter.customer_id == customer_id, RequestLetter.request_id.in_(requests)
        )
    return [
        at.date() for at in session.execute(select(RequestLetter.created_at).where(where)).scalars()
    ]


def request_of(session: Session, request_id: int) -> tuple[int | None, str] | None:
    """(customer id, kind) of subject request ``request_id``."""
    row = session.execute(
        select(SubjectRequest.customer_id, SubjectRequest.kind).where(
            SubjectRequest.id == request_id
        )
    ).one_or_none()
    return None if row is None else (row.customer_id, row.kind)


def add_erasure(session: Session, user: str, **values: Any) -> ErasureRow:
    row = ErasureRow(**values, **stamps.who_when(session, user, by="erased_by", at="erased_at"))
    session.add(row)
    session.flush()
    stamps.read_back(session, row, "erased_by", "erased_at")
    return row


def to_record(row: ErasureRow) -> ErasureRecord:
    return ErasureRecord(
        id=row.id,
        reference=row.reference,
        customer_number=row.customer_number,
        contact_person_id=row.contact_person_id,
        request_id=row.request_id,
        reason=row.reason,
        erased_by=row.erased_by,
        erased_at=row.erased_at,
        orders_kept=row.orders_kept,
        orders_kept_until=row.orders_kept_until,
        orders_removed=row.orders_removed,
        suppressions_kept=row.suppressions_kept,
        letters_kept=row.letters_kept,
        letters_kept_until=row.letters_kept_until,
    )


def erasures_of(session: Session, customer_id: int) -> list[ErasureRecord]:
    rows = session.execute(
        select(ErasureRow).where(ErasureRow.customer_id == customer_id).order_by(ErasureRow.id)
    ).scalars()
    return [to_record(r) for r in rows]


def erasure_by_reference(session: Session, reference: str) -> ErasureRecord | None:
    row = session.execute(
        select(ErasureRow).where(ErasureRow.reference == reference)
    ).scalar_one_or_none()
    return to_record(row) if row is not None else None


# --- the erasure's statements, in the order the service runs them -----------------------


def unlink_orders(session: Session, customer_id: int, erasure_id: int) -> int:
    """Point the customer's orders at the erasure instead of the customer, and blank their
    delivery addresses; amounts, lines and dates stay. Returns how many orders."""
    ids = select(Order.id).where(Order.erasure_id == erasure_id).scalar_subquery()
    n = (
        session.connection()
        .execute(
            update(Order)
            .where(Order.customer_id == customer_id)
            .values(customer_id=None, erasure_id=erasure_id)
            .execution_options(synchronize_session=False)
        )
        .rowcount
    )
    session.execute(
        update(Delivery)
        .where(Delivery.order_id.in_(ids))
        .values(recipient="", street="", postal_code="", post_office="")
        .execution_options(synchronize_session=False)
    )
    return int(n or 0)


def scrub_returns(session: Session, erasure_id: int, scrub: Callable[[str], str]) -> int:
    """Take the person's values out of the reasons of the kept orders' returns."""
    rows = session.execute(
        select(Return.id, Return.reason)
        .join(Order, Order.id == Return.order_id)
        .where(Order.erasure_id == erasure_id, Return.reason != "")
    ).all()
    changed = 0
    for rid, reason in rows:
        new = scrub(reason)
        if new != reason:
            session.execute(update(Return).where(Return.id == rid).values(reason=new))
            changed += 1
    return changed


def merged_ids(session: Session, customer_id: int) -> list[int]:
    """The records merged into the customer (migration 0020): blank already, but their
    consent events, holds and lifted restrictions stay where they were and are the same
    person's, so an erasure of the customer erases them too."""
    return list(
        session.execute(select(Customer.id).where(Customer.merged_into == customer_id)).scalars()
    )


def scrub_corrections(session: Session, erasure_id: int, scrub: Callable[[str], str]) -> int:
    """Take the person's values out of the reasons of the kept orders' step corrections
    (the correction, its dates and amounts stay: accounting evidence)."""
    rows = session.execute(
        select(OrderCorrection.id, OrderCorrection.reason)
        .join(Order, Order.id == OrderCorrection.order_id)
        .where(Order.erasure_id == erasure_id, OrderCorrection.reason != "")
    ).all()
    changed = 0
    for cid, reason in rows:
        new = scrub(reason)
        if new != reason:
            session.execute(
                update(OrderCorrection).where(OrderCorrection.id == cid).values(reason=new)
            )
            changed += 1
    return changed


def erase_restriction_reasons(session: Session, customer_ids: Sequence[int]) -> int:
    """Blank the reasons of the person's lifted restrictions of processing (staff's words
    about the person; the ground, dates and notice letter stay). An erasure never meets
    one in force: it is refused then."""
    return int(
        session.connection()
        .execute(
            update(ProcessingRestriction)
            .where(
                ProcessingRestriction.customer_id.in_(customer_ids),
                ProcessingRestriction.lifted_at.is_not(None),
                ProcessingRestriction.reason != ERASED_MARK,
            )
            .values(reason=ERASED_MARK)
            .execution_options(synchronize_session=False)
        )
        .rowcount
        or 0
    )


def erase_consent_events(
    session: Session,
    customer_ids: Sequence[int],
    contact_person_id: int | None,
    at: datetime | None,
) -> int:
    """Blank the notes and document references of the person's consent events and mark
    them erased; the events themselves (what was prohibited, when) stay."""
    where: list[ColumnElement[bool]] = [
        ConsentEvent.customer_id.in_(customer_ids),
        ConsentEvent.erased_at.is_(None),
    ]
    if contact_person_id is not None:
        where.append(ConsentEvent.contact_person_id == contact_person_id)
    # On PostgreSQL the server replaces the time (migration 0017); it needs a value to see
    # the row being erased.
    stamp = at or datetime.now(UTC)
    return int(
        session.connection()
        .execute(
            update(ConsentEvent)
            .where(*where)
            .values(note="", document_ref=ERASED_MARK, erased_at=stamp)
            .execution_options(synchronize_session=False)
        )
        .rowcount
        or 0
    )


def erase_changes(session: Session, customer_id: int, contact_person_id: int | None) -> int:
    """Blank the old and new values (and the source's detail) of the change history; which
    field changed, when, by whom and from which kind of source stay."""
    where = [PersonalDataChange.customer_id == customer_id]
    if contact_person_id is not None:
        where.append(PersonalDataChange.contact_person_id == contact_person_id)
    return int(
        session.connection()
        .execute(
            update(PersonalDataChange)
            .where(*where)
            .values(old_value="", new_value="", source_detail="")
            .execution_options(synchronize_session=False)
        )
        .rowcount
        or 0
    )


def erase_requests(
    session: Session,
    customer_id: int,
    contact_person_id: int | None,
    scrub: Callable[[str], str],
) -> int:
    """Blank the free texts of the person's subject requests (the request, its kind, dates
    and outcome stay: they show the request was answered)."""
    where = [SubjectRequest.customer_id == customer_id]
    if contact_person_id is not None:
        where.append(SubjectRequest.contact_person_id == contact_person_id)
    rows = session.execute(
        select(
            SubjectRequest.id,
            SubjectRequest.extension_reason,
            SubjectRequest.identity_method,
            SubjectRequest.identity_verified_by,
            SubjectRequest.identity_override,
        ).where(*where)
    ).all()
    for rid, extension, method, verified_by, override in rows:
        # The identity check stays as evidence that it was made (how, by whom, on what
        # grounds): only the person's own values (a document number is not one, but a
        # name, birth date or phone typed in is) are taken out.
        session.execute(
            update(SubjectRequest)
            .where(SubjectRequest.id == rid)
            .values(
                note="",
                contact_person_name="",
                requester_name="",
                requester_address="",
                extension_reason=scrub(extension),
                identity_method=scrub(method),
                identity_verified_by=scrub(verified_by),
                identity_override=scrub(override),
            )
            .execution_options(synchronize_session=False)
        )
    return len(rows)


def erase_disclosures(
    session: Session, customer_ids: Sequence[int], whole: bool, scrub: Callable[[str], str]
) -> int:
    """The descriptions of the disclosures of the person's data: blanked when the
    disclosure concerned this customer alone, otherwise the person's values taken out."""
    rows = session.execute(
        select(Disclosure.id, Disclosure.description, Disclosure.customer_count)
        .join(DisclosureCustomer, DisclosureCustomer.disclosure_id == Disclosure.id)
        .where(DisclosureCustomer.customer_id.in_(customer_ids), Disclosure.description != "")
        .distinct()
    ).all()
    changed = 0
    for did, description, count in rows:
        new = "" if whole and count <= 1 else scrub(description)
        if new != description:
            session.execute(update(Disclosure).where(Disclosure.id == did).values(description=new))
            changed += 1
    return changed


def erase_legal_holds(session: Session, customer_ids: Sequence[int]) -> int:
    return int(
        session.connection()
        .execute(
            update(LegalHold)
            .where(LegalHold.customer_id.in_(customer_ids), LegalHold.reason != "")
            .values(reason="")
            .execution_options(synchronize_session=False)
        )
        .rowcount
        or 0
    )


def erase_contacts(
    session: Session,
    customer_id: int,
    contact_person_id: int | None,
    values: dict[str, Any],
    at: datetime | None,
) -> int:
    where = [ContactPerson.customer_id == customer_id, ContactPerson.erased_at.is_(None)]
    if contact_person_id is not None:
        where.append(ContactPerson.id == contact_person_id)
    return int(
        session.connection()
        .execute(
            update(ContactPerson)
            .where(*where)
            .values(**values, erased_at=at or datetime.now(UTC))
            .execution_options(synchronize_session=False)
        )
        .rowcount
        or 0
    )


def drop_search_words(session: Session, customer_id: int, contact_person_id: int | None) -> int:
    where = [SearchWord.customer_id == customer_id]
    if contact_person_id is not None:
        where += [SearchWord.kind == WordKind.CONTACT.value, SearchWord.ref == contact_person_id]
    return int(session.connection().execute(delete(SearchWord).where(*where)).rowcount or 0)


def erase_customer(
    session: Session, row: Customer, values: dict[str, Any], user: str, at: datetime | None
) -> None:
    """Blank the customer row's personal values and mark it erased, in one UPDATE (on
    PostgreSQL an erased row may never be changed again, migration 0017)."""
    for name, value in values.items():
        setattr(row, name, value)
    row.erased_at = at or datetime.now(UTC)
    stamps.touch(session, row, user, by="updated_by", at="updated_at")
    session.flush()


def personal_rows(
    session: Session, customer_id: int, contact_person_id: int | None, names: Sequence[str]
) -> list[dict[str, Any]]:
    """The current personal values of the customer (or of one contact person) and of its
    contact persons: what the erasure takes out of free texts."""
    out: list[dict[str, Any]] = []
    if contact_person_id is None:
        cols = [getattr(Customer, n) for n in names if hasattr(Customer, n)]
        row = session.execute(select(*cols).where(Customer.id == customer_id)).one()
        out.append(dict(row._mapping))
    contact_cols = [
        ContactPerson.surname,
        ContactPerson.first_names,
        ContactPerson.phone_work,
        ContactPerson.phone_mobile,
        ContactPerson.email,
    ]
    query = select(*contact_cols).where(ContactPerson.customer_id == customer_id)
    if contact_person_id is not None:
        query = query.where(ContactPerson.id == contact_person_id)
    out.extend(dict(r._mapping) for r in session.execute(query))
    return out
