"""Erasing many customers at once (the retention run): the end state of
:func:`kkdesk.services.erasure.erase_in` for each of them, in set-based statements.

Erasing customers one at a time costs some twenty statements each (~70 ms on the embedded
register): a million-customer register's retention run would take hours. Here a chunk of
customers (a few hundred to a couple of thousand, one transaction) is erased with about
the same number of statements in all: ``UPDATE ... WHERE customer_id IN (...)`` and
``DELETE ... WHERE customer_id IN (...)``. Only what depends on one person's own values is
worked out per person in Python — the texts scrubbed of their values (a return's or a
request's free text, a disclosure's description: rare, and then one UPDATE per changed
row, exactly as the single erasure does), the erasure record's counts and dates — and the
erasure rows go in as one multi-row INSERT.

The end state must be the single erasure's, row for row (ids, random references and times
aside): ``tests/unit/services/test_erasure_batch.py`` and the PostgreSQL test
``tests/integration/test_erasure_batch_pg.py`` erase one register's customers both ways
and compare every table. When the single erasure learns to erase something more, that
test fails until this module does too.

On PostgreSQL the statements run as the signed-in privacy user and the server's triggers
check and audit them row by row as they do for the single erasure (migration 0017): the
erasure rows are inserted first, each order is pointed at its own customer's erasure.

Who is blocked (a legal hold, a restriction of processing, an open order or return) is
:func:`blockers`: the caller skips those and reports why (:func:`blocker_columns` is also
what the retention run's listing reads).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import partial
from typing import Any, cast

from sqlalchemy import ColumnElement, delete, exists, false, func, insert, select, true, update
from sqlalchemy.orm import Session

from kkdesk.domain import erasure as rules
from kkdesk.domain.catalogue import Table
from kkdesk.domain.consent import ConsentItem
from kkdesk.domain.retention import order_kept_until
from kkdesk.store import stamps
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

# Why a customer is not erased, in the order a report names them.
LEGAL_HOLD = "legal_hold"
RESTRICTED = "processing_restricted"
OPEN_ORDER = "open_order"
OPEN_RETURN = "open_return"
ERASED = "already_erased"
BLOCKERS = (LEGAL_HOLD, RESTRICTED, OPEN_ORDER, OPEN_RETURN)

_OPEN_ORDER = ("open", "shipped")
_PHONES = ("phone_home", "phone_work", "phone_mobile")


def blocker_columns(customer_id: Any) -> list[tuple[str, ColumnElement[bool]]]:
    """(reason, a boolean expression on customer ``customer_id``) for each reason that
    keeps a customer from being erased: the newest legal hold row active (as
    :func:`kkdesk.store.erasure.legal_hold_active` reads it); a restriction of processing
    in force (Art. 18: the ``processing_restriction`` row not lifted, or the older consent
    item "restriction" whose latest event is on); an order open or shipped; a return not
    refunded."""
    held = (
        select(LegalHold.active)
        .where(LegalHold.customer_id == customer_id)
        .order_by(LegalHold.id.desc())
        .limit(1)
        .scalar_subquery()
    )
    restriction_event = (
        select(ConsentEvent.state)
        .where(
            ConsentEvent.customer_id == customer_id,
            ConsentEvent.contact_person_id.is_(None),
            ConsentEvent.item == ConsentItem.RESTRICTION.value,
        )
        .order_by(ConsentEvent.received_on.desc(), ConsentEvent.id.desc())
        .limit(1)
        .scalar_subquery()
    )
    in_force = exists(
        select(ProcessingRestriction.id).where(
            ProcessingRestriction.customer_id == customer_id,
            ProcessingRestriction.lifted_at.is_(None),
        )
    )
    open_order = exists(
        select(Order.id).where(Order.customer_id == customer_id, Order.status.in_(_OPEN_ORDER))
    )
    open_return = exists(
        select(Return.id)
        .join(Order, Order.id == Return.order_id)
        .where(Order.customer_id == customer_id, Return.refunded_at.is_(None))
    )
    return [
        (LEGAL_HOLD, func.coalesce(held, false()) == true()),
        (RESTRICTED, (func.coalesce(restriction_event, false()) == true()) | in_force),
        (OPEN_ORDER, open_order),
        (OPEN_RETURN, open_return),
    ]


def lock(session: Session, ids: Sequence[int]) -> dict[int, tuple[str, bool]]:
    """Lock the customers for the erasure (PostgreSQL: ``FOR UPDATE``, which also keeps a
    new order out until the chunk commits): id → (number, already erased)."""
    out: dict[int, tuple[str, bool]] = {}
    for part in in_parts(sorted(set(ids))):
        rows = session.execute(
            select(Customer.id, Customer.number, Customer.erased_at)
            .where(Customer.id.in_(part))
            .order_by(Customer.id)
            .with_for_update(of=Customer)
        )
        out |= {r.id: (r.number, r.erased_at is not None) for r in rows}
    return out


def blockers(session: Session, ids: Sequence[int]) -> dict[int, tuple[str, ...]]:
    """The reasons each of ``ids`` may not be erased now (only the blocked are listed)."""
    columns = blocker_columns(Customer.id)
    out: dict[int, tuple[str, ...]] = {}
    for part in in_parts(sorted(set(ids))):
        rows = session.execute(
            select(Customer.id, *(c.label(n) for n, c in columns)).where(Customer.id.in_(part))
        )
        for r in rows:
            reasons = tuple(n for n, _ in columns if r._mapping[n])
            if reasons:
                out[r.id] = reasons
    return out


@dataclass(frozen=True)
class Erased:
    """One customer erased in a chunk: what the report and the audit trail name."""

    customer_id: int
    number: str
    reference: str
    orders_kept: int


@dataclass(frozen=True)
class Settings:
    """The register settings an erasure records what it keeps by."""

    financial_year_end: str
    voucher_years: int
    letter_archive_years: int


def _ids_in(column: Any, ids: Sequence[int]) -> ColumnElement[bool]:
    clause: ColumnElement[bool] = column.in_(list(ids))
    return clause


def _personal(session: Session, ids: Sequence[int]) -> dict[int, list[dict[str, Any]]]:
    """As :func:`kkdesk.store.erasure.personal_rows` for each whole customer: the
    customer's personal values, then each of its contact persons' (erased or not)."""
    names = rules.erased_fields(Table.CUSTOMER)
    cols = [getattr(Customer, n) for n in names if hasattr(Customer, n)]
    out: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for r in session.execute(
        select(Customer.id.label("_id"), *cols).where(_ids_in(Customer.id, ids))
    ):
        values = dict(r._mapping)
        out[values.pop("_id")].append(values)
    contact_cols = [
        ContactPerson.surname,
        ContactPerson.first_names,
        ContactPerson.phone_work,
        ContactPerson.phone_mobile,
        ContactPerson.email,
    ]
    for r in session.execute(
        select(ContactPerson.customer_id.label("_id"), *contact_cols).where(
            _ids_in(ContactPerson.customer_id, ids)
        )
    ):
        values = dict(r._mapping)
        out[values.pop("_id")].append(values)
    return out


def _suppression_counts(
    session: Session, keys: dict[int, tuple[set[str], set[str]]]
) -> dict[int, int]:
    """As :func:`kkdesk.store.erasure.suppressions_on` for each customer: the entries on
    its own distinct e-mail and phone keys, counted with one grouped query per part."""
    per_key: dict[tuple[str, str], int] = {}
    for kind, index in (("email", 0), ("phone", 1)):
        values = sorted(set().union(*(k[index] for k in keys.values())) - {""})
        for part in in_parts(values):
            for value, n in session.execute(
                select(Suppression.key_value, func.count())
                .where(Suppression.key_kind == kind, Suppression.key_value.in_(part))
                .group_by(Suppression.key_value)
            ):
                per_key[(kind, value)] = int(n)
    return {
        cid: sum(per_key.get(("email", e), 0) for e in emails - {""})
        + sum(per_key.get(("phone", p), 0) for p in phones - {""})
        for cid, (emails, phones) in keys.items()
    }


def _letter_days(session: Session, ids: Sequence[int]) -> dict[int, dict[int, date]]:
    """As :func:`kkdesk.store.erasure.letter_dates` for each whole customer: the letters
    archived on the customer or on one of its requests (letter id → day made)."""
    out: dict[int, dict[int, date]] = defaultdict(dict)
    for lid, at, cid in session.execute(
        select(RequestLetter.id, RequestLetter.created_at, RequestLetter.customer_id).where(
            _ids_in(RequestLetter.customer_id, ids)
        )
    ):
        out[cast(int, cid)][lid] = at.date()
    for lid, at, cid in session.execute(
        select(RequestLetter.id, RequestLetter.created_at, SubjectRequest.customer_id)
        .join(SubjectRequest, SubjectRequest.id == RequestLetter.request_id)
        .where(_ids_in(SubjectRequest.customer_id, ids))
    ):
        out[cast(int, cid)][lid] = at.date()
    return out


def erase_customers(
    session: Session,
    user: str,
    customers: dict[int, str],
    reason: str,
    settings: Settings,
    today: date,
) -> list[Erased]:
    """Erase the whole customers ``customers`` (id → number), which the caller has locked
    (:func:`lock`) and found erasable (:func:`blockers`), inside ``session``; the caller
    commits. ``reason`` is already checked (:func:`kkdesk.domain.erasure.check_reason`)."""
    ids = sorted(customers)
    if not ids:
        return []
    personal = _personal(session, ids)
    scrubs = {
        cid: partial(
            rules.scrub, values=[v for p in personal[cid] for v in rules.personal_strings(p)]
        )
        for cid in ids
    }
    keys = {
        cid: (
            {str(p.get("email", "")).strip().casefold() for p in personal[cid]},
            {str(p.get(k) or "") for p in personal[cid] for k in _PHONES},
        )
        for cid in ids
    }
    suppressions = _suppression_counts(session, keys)
    order_days: dict[int, list[date]] = defaultdict(list)
    for cid, at in session.execute(
        select(Order.customer_id, Order.ordered_at).where(_ids_in(Order.customer_id, ids))
    ):
        order_days[cast(int, cid)].append(at.date())
    letters = _letter_days(session, ids)

    stamp = stamps.who_when(session, user, by="erased_by", at="erased_at")
    rows = []
    for cid in ids:
        days = order_days.get(cid, [])
        kept_until = [
            order_kept_until(d, settings.financial_year_end, settings.voucher_years) for d in days
        ]
        made = [*letters.get(cid, {}).values(), today]
        rows.append(
            {
                "reference": rules.new_reference(),
                "customer_id": cid,
                "customer_number": customers[cid],
                "contact_person_id": None,
                "request_id": None,
                "reason": scrubs[cid](reason),
                "orders_kept": len(days),
                "orders_kept_until": max(kept_until, default=None),
                "orders_removed": 0,
                "suppressions_kept": suppressions.get(cid, 0),
                "letters_kept": len(made) - 1,
                "letters_kept_until": rules.letters_kept_until(made, settings.letter_archive_years),
                **stamp,
            }
        )
    inserted = session.execute(
        insert(ErasureRow).returning(
            ErasureRow.id, ErasureRow.customer_id, sort_by_parameter_order=True
        ),
        rows,
    ).all()
    erasure_of: dict[int, int] = {cast(int, cid): eid for eid, cid in inserted}
    # The records merged into the customers (migration 0020) are the same people's: their
    # consent events, holds, lifted restrictions and disclosures are erased with them, as
    # the single erasure does (kkdesk.store.erasure.merged_ids).
    owner_of = {cid: cid for cid in ids}
    for mid, into in session.execute(
        select(Customer.id, Customer.merged_into).where(_ids_in(Customer.merged_into, ids))
    ):
        owner_of.setdefault(mid, cast(int, into))
    people = sorted(owner_of)
    erasure_ids = sorted(erasure_of.values())
    customer_of: dict[int, int] = {eid: cid for cid, eid in erasure_of.items()}
    # On PostgreSQL the server replaces the times (migration 0017); it needs a value to
    # see the row being erased.
    at = datetime.now(UTC)
    conn = session.connection()
    quiet = {"synchronize_session": False}

    # Orders: each pointed at its own customer's erasure, unlinked from the customer.
    own_erasure = (
        select(ErasureRow.id)
        .where(ErasureRow.customer_id == Order.customer_id, ErasureRow.id.in_(erasure_ids))
        .scalar_subquery()
    )
    conn.execute(
        update(Order)
        .where(_ids_in(Order.customer_id, ids))
        .values(erasure_id=own_erasure, customer_id=None)
        .execution_options(**quiet)
    )
    kept_orders = select(Order.id).where(Order.erasure_id.in_(erasure_ids))
    conn.execute(
        update(Delivery)
        .where(Delivery.order_id.in_(kept_orders))
        .values(recipient="", street="", postal_code="", post_office="")
        .execution_options(**quiet)
    )
    for rid, reason_text, eid in session.execute(
        select(Return.id, Return.reason, Order.erasure_id)
        .join(Order, Order.id == Return.order_id)
        .where(Order.erasure_id.in_(erasure_ids), Return.reason != "")
        .order_by(Return.id)
    ).all():
        new = scrubs[customer_of[cast(int, eid)]](reason_text)
        if new != reason_text:
            session.execute(update(Return).where(Return.id == rid).values(reason=new))
    # The kept orders' step corrections lose the person's values from their reasons (on
    # PostgreSQL allowed only for an order an erasure of this transaction unlinked: the
    # erasure rows and the orders' UPDATE above come first, migration 0022).
    for kid, reason_text, eid in session.execute(
        select(OrderCorrection.id, OrderCorrection.reason, Order.erasure_id)
        .join(Order, Order.id == OrderCorrection.order_id)
        .where(Order.erasure_id.in_(erasure_ids), OrderCorrection.reason != "")
        .order_by(OrderCorrection.id)
    ).all():
        new = scrubs[customer_of[cast(int, eid)]](reason_text)
        if new != reason_text:
            session.execute(
                update(OrderCorrection).where(OrderCorrection.id == kid).values(reason=new)
            )
    conn.execute(
        update(LegalHold)
        .where(_ids_in(LegalHold.customer_id, people), LegalHold.reason != "")
        .values(reason="")
        .execution_options(**quiet)
    )
    # A lifted restriction's reason (an erasure never meets one in force: blocked); on
    # PostgreSQL only inside an erasure of this transaction (migration 0022).
    conn.execute(
        update(ProcessingRestriction)
        .where(
            _ids_in(ProcessingRestriction.customer_id, people),
            ProcessingRestriction.lifted_at.is_not(None),
            ProcessingRestriction.reason != rules.ERASED_MARK,
        )
        .values(reason=rules.ERASED_MARK)
        .execution_options(**quiet)
    )
    conn.execute(
        update(ConsentEvent)
        .where(_ids_in(ConsentEvent.customer_id, people), ConsentEvent.erased_at.is_(None))
        .values(note="", document_ref=rules.ERASED_MARK, erased_at=at)
        .execution_options(**quiet)
    )
    conn.execute(
        update(PersonalDataChange)
        .where(_ids_in(PersonalDataChange.customer_id, ids))
        .values(old_value="", new_value="", source_detail="")
        .execution_options(**quiet)
    )
    _erase_requests(session, ids, scrubs)
    _erase_disclosures(session, owner_of, scrubs)
    conn.execute(delete(SearchWord).where(_ids_in(SearchWord.customer_id, ids)))
    conn.execute(
        update(ContactPerson)
        .where(_ids_in(ContactPerson.customer_id, ids), ContactPerson.erased_at.is_(None))
        .values(**rules.erased_values(Table.CONTACT_PERSON), erased_at=at)
        .execution_options(**quiet)
    )
    # The customer rows last, one UPDATE (on PostgreSQL an erased row may never change
    # again): as the ORM's flush of the single erasure writes them, with the version
    # bumped and who and when stamped (by the server's trigger on PostgreSQL).
    touched: dict[str, Any] = {"version": Customer.version + 1}
    if stamps._is_sqlite(session):
        touched |= {"updated_by": user, "updated_at": datetime.now(UTC)}
    else:
        touched["updated_by"] = Customer.updated_by
    conn.execute(
        update(Customer)
        .where(_ids_in(Customer.id, ids))
        .values(**rules.erased_values(Table.CUSTOMER), erased_at=at, **touched)
        .execution_options(**quiet)
    )
    session.expire_all()
    references = {r["customer_id"]: r["reference"] for r in rows}
    return [
        Erased(cid, customers[cid], references[cid], len(order_days.get(cid, []))) for cid in ids
    ]


def _erase_requests(session: Session, ids: Sequence[int], scrubs: dict[int, Any]) -> None:
    """Blank the free texts of the customers' subject requests; an extension reason or an
    identity check's field that names the person loses their values (one UPDATE for each
    such request; the identity check stays as evidence that it was made)."""
    blank = {"note": "", "contact_person_name": "", "requester_name": "", "requester_address": ""}
    scrubbed = ("extension_reason", "identity_method", "identity_verified_by",
                "identity_override")  # fmt: skip
    same: list[int] = []
    for row in session.execute(
        select(
            SubjectRequest.id,
            SubjectRequest.customer_id,
            *(getattr(SubjectRequest, n) for n in scrubbed),
        )
        .where(_ids_in(SubjectRequest.customer_id, ids))
        .order_by(SubjectRequest.id)
    ).all():
        scrub = scrubs[cast(int, row.customer_id)]
        old = {n: getattr(row, n) for n in scrubbed}
        new = {n: scrub(v) for n, v in old.items()}
        if new == old:
            same.append(row.id)
        else:
            session.execute(
                update(SubjectRequest)
                .where(SubjectRequest.id == row.id)
                .values(**blank, **new)
                .execution_options(synchronize_session=False)
            )
    for part in in_parts(same):
        session.connection().execute(
            update(SubjectRequest)
            .where(SubjectRequest.id.in_(part))
            .values(**blank)
            .execution_options(synchronize_session=False)
        )


def _erase_disclosures(session: Session, owner_of: dict[int, int], scrubs: dict[int, Any]) -> None:
    """As the single erasure, customer after customer in id order: a description is
    blanked when the disclosure concerned that customer (or a record merged into it)
    alone, else the customer's values are taken out of it (a disclosure of several
    customers of the chunk is scrubbed once for each, each change one UPDATE, as the
    erasures one by one do). ``owner_of``: each record → the customer it is erased with."""
    rows = session.execute(
        select(
            DisclosureCustomer.customer_id,
            Disclosure.id,
            Disclosure.description,
            Disclosure.customer_count,
        )
        .join(DisclosureCustomer, DisclosureCustomer.disclosure_id == Disclosure.id)
        .where(
            _ids_in(DisclosureCustomer.customer_id, sorted(owner_of)),
            Disclosure.description != "",
        )
    ).all()
    current = {did: text for _, did, text, _ in rows}
    # Each disclosure once per erased customer, however many of its records it named.
    work = sorted({(owner_of[cid], did, count) for cid, did, _, count in rows})
    for owner, did, count in work:
        old = current[did]
        if old == "":
            continue
        new = "" if count <= 1 else scrubs[owner](old)
        if new != old:
            session.execute(update(Disclosure).where(Disclosure.id == did).values(description=new))
            current[did] = new
