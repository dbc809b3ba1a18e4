"""The reading behind the access letter (:mod:`kkdesk.services.access_report`): a batch
of customers' orders, change histories, access log rows, disclosures and requests, each in
a few queries for the lot instead of a few per customer.

The service turns the rows into the letter's entries and applies the rules (the
requester's scope, naming staff); times come back aware UTC (UtcDateTime columns).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import ColumnElement, and_, not_, or_, select
from sqlalchemy.orm import Session, selectinload

from kkdesk.domain.customer import FieldChange
from kkdesk.domain.enums import DataSource
from kkdesk.domain.orders import Order
from kkdesk.domain.subject_requests import RequestKind, RequestStatus
from kkdesk.store import customers as repo
from kkdesk.store import models as m
from kkdesk.store.database import in_parts, is_central
from kkdesk.store.models import AuditEvent, Customer, PersonalDataChange
from kkdesk.store.models import SubjectRequest as RequestRow
from kkdesk.store.orders import load_orders, orders_in_one


def orders_by_customer(session: Session, ids: Sequence[int]) -> dict[int, list[Order]]:
    """Each customer's orders, newest first (ties: the newer row first)."""
    if is_central(session):
        return orders_in_one(session, ids)
    owner: dict[int, int] = {}
    for part in in_parts(ids):
        rows = session.execute(
            select(m.Order.id, m.Order.customer_id).where(m.Order.customer_id.in_(part))
        ).all()
        owner.update((oid, int(cid or 0)) for oid, cid in rows)
    out: dict[int, list[Order]] = defaultdict(list)
    for part in in_parts(list(owner)):
        for oid, order in load_orders(session, [int(x) for x in part]).items():
            out[owner[oid]].append(order)
    for found in out.values():
        found.sort(key=lambda o: (o.ordered_at, o.id), reverse=True)
    return out


def changes_by_customer(
    session: Session, ids: Sequence[int]
) -> tuple[dict[int, list[FieldChange]], dict[int, dict[str, DataSource]]]:
    """Each customer's change history, newest first, and the current source of each field
    (the source of its latest change, as :func:`repo.latest_sources` gives it)."""
    out: dict[int, list[FieldChange]] = defaultdict(list)
    latest: dict[int, dict[str, tuple[int, DataSource]]] = defaultdict(dict)
    for part in in_parts(ids):
        c = PersonalDataChange
        rows = session.execute(
            select(c.id, c.customer_id, c.changed_at, c.changed_by, c.field, c.old_value,
                   c.new_value, c.source, c.source_detail, c.contact_person_id)
            .where(c.customer_id.in_(part))
            .order_by(c.changed_at.desc(), c.id.desc())
        )  # fmt: skip
        for r in rows:
            key = repo.source_key(r.field, r.contact_person_id)
            known = latest[r.customer_id].get(key)
            if known is None or r.id > known[0]:
                latest[r.customer_id][key] = (r.id, DataSource(r.source))
            out[r.customer_id].append(
                FieldChange(
                    changed_at=r.changed_at,
                    changed_by=r.changed_by,
                    field=r.field,
                    old_value=r.old_value,
                    new_value=r.new_value,
                    source=DataSource(r.source),
                    source_detail=r.source_detail,
                    contact_person_id=r.contact_person_id,
                )
            )
    sources = {cid: {k: src for k, (_, src) in found.items()} for cid, found in latest.items()}
    return out, sources


# The customer number of a read the server collected from its log that named no customer
# (migration 0011): it may have included anyone's data.
REGISTER_WIDE = "*"


def register_wide_reads(session: Session, since: datetime) -> list[tuple[datetime, str, str]]:
    """(at, action, actor) of every register-wide read since ``since``, oldest first."""
    rows = session.execute(
        select(AuditEvent.at, AuditEvent.action, AuditEvent.actor)
        .where(AuditEvent.customer_number == REGISTER_WIDE, AuditEvent.at >= since)
        .order_by(AuditEvent.at, AuditEvent.id)
    ).all()
    return [(at, action, actor) for at, action, actor in rows]


def audit_rows(
    session: Session, numbers: Sequence[str]
) -> list[tuple[str, datetime, str, str, str]]:
    """The audit log rows of these customers (number, at, action, purpose, actor), in the
    order they were written; a record merged into one of them (migration 0020) brings its
    log, under the kept number."""
    aliases = repo.merged_aliases(session, numbers)
    out: list[tuple[str, datetime, str, str, str]] = []
    for part in in_parts([*numbers, *aliases]):
        rows = session.execute(
            select(AuditEvent.customer_number, AuditEvent.at, AuditEvent.action,
                   AuditEvent.purpose, AuditEvent.actor)
            .where(AuditEvent.customer_number.in_(part))
            .order_by(AuditEvent.at, AuditEvent.id)
        ).all()  # fmt: skip
        out.extend(
            (aliases.get(n, n), at, action, purpose, actor)
            for n, at, action, purpose, actor in rows
        )
    if aliases:
        out.sort(key=lambda r: r[1])  # stable: each customer's rows stay in written order
    return out


def disclosure_rows(session: Session, ids: Sequence[int]) -> list[tuple[int, m.Disclosure]]:
    """(customer id, disclosure) for every disclosure of these customers, newest first."""
    out: list[tuple[int, m.Disclosure]] = []
    for part in in_parts(ids):
        rows = session.execute(
            select(m.DisclosureCustomer.customer_id, m.Disclosure)
            .join(m.Disclosure, m.Disclosure.id == m.DisclosureCustomer.disclosure_id)
            .where(m.DisclosureCustomer.customer_id.in_(part))
            .order_by(m.Disclosure.disclosed_at.desc(), m.Disclosure.id.desc())
        ).all()
        out.extend((int(cid), row) for cid, row in rows)
    return out


def request_rows(session: Session, ids: Sequence[int]) -> list[RequestRow]:
    """The data-subject requests of these customers, oldest first."""
    out: list[RequestRow] = []
    for part in in_parts(ids):
        out.extend(
            session.scalars(
                select(RequestRow)
                .where(RequestRow.customer_id.in_(part))
                .order_by(RequestRow.received_on, RequestRow.id)
            )
        )
    return out


def _settled() -> ColumnElement[bool]:
    """SQL: the request's identity is checked or waived, and its requester still exists."""
    return and_(
        or_(RequestRow.identity_method != "", RequestRow.identity_override != ""),
        or_(RequestRow.contact_person_name == "", RequestRow.contact_person_id.is_not(None)),
    )


def open_access_request_ids(session: Session, *, settled: bool) -> list[int]:
    """The open access requests whose customer is still on the register, the nearest
    deadline first: settled ones (identity on record, requester still there) or the
    others."""
    ready = _settled()
    return list(
        session.scalars(
            select(RequestRow.id)
            .join(Customer, Customer.id == RequestRow.customer_id)
            .where(
                RequestRow.kind == RequestKind.ACCESS.value,
                RequestRow.status == RequestStatus.OPEN.value,
                Customer.erased_at.is_(None),
                ready if settled else not_(ready),
            )
            .order_by(RequestRow.deadline, RequestRow.id)
        )
    )


def requests_with_customers(
    session: Session, request_ids: Sequence[int]
) -> dict[int, tuple[Customer, RequestRow]]:
    """Request id -> (its customer with the contact persons loaded, the request)."""
    return {
        req.id: (customer, req)
        for req, customer in session.execute(
            select(RequestRow, Customer)
            .join(Customer, Customer.id == RequestRow.customer_id)
            .where(RequestRow.id.in_(request_ids))
            .options(selectinload(Customer.contacts))
        ).all()
    }
