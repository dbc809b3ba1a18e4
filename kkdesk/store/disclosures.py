"""Queries of the ``disclosure`` and ``disclosure_customer`` tables, as domain
:class:`~kkdesk.domain.disclosure.Disclosure` values (the rules are in
:mod:`kkdesk.services.disclosures`; marketing exports write theirs in
:mod:`kkdesk.store.marketing`)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from kkdesk.domain.disclosure import Disclosure, DisclosureKind
from kkdesk.store import stamps
from kkdesk.store.customers import number_is
from kkdesk.store.models import Customer, DisclosureCustomer
from kkdesk.store.models import Disclosure as DisclosureRow


def to_view(row: DisclosureRow) -> Disclosure:
    return Disclosure(
        id=row.id,
        kind=DisclosureKind(row.kind),
        disclosed_at=row.disclosed_at,
        recorded_by=row.recorded_by,
        recipient=row.recipient,
        legal_basis=row.legal_basis,
        description=row.description,
        purpose=row.purpose,
        channel=row.channel,
        customer_count=row.customer_count,
    )


def add_for_one(
    session: Session,
    customer_id: int,
    *,
    disclosed_at: datetime,
    recorded_by: str,
    kind: DisclosureKind,
    recipient: str,
    legal_basis: str,
    description: str,
) -> Disclosure:
    """Record a disclosure of one customer's data (not a marketing export)."""
    disclosure = DisclosureRow(
        disclosed_at=disclosed_at,
        **stamps.who_when(session, recorded_by, by="recorded_by"),
        kind=kind.value,
        purpose="",
        channel="",
        recipient=recipient,
        legal_basis=legal_basis,
        description=description,
        customer_count=1,
    )
    session.add(disclosure)
    session.flush()
    stamps.read_back(session, disclosure, "recorded_by")  # the server's, on PostgreSQL
    session.add(DisclosureCustomer(disclosure_id=disclosure.id, customer_id=customer_id))
    return to_view(disclosure)


def of_customer_id(session: Session, customer_id: int) -> tuple[Disclosure, ...]:
    """Every disclosure that included the customer, newest first."""
    rows = session.execute(
        select(DisclosureRow)
        .join(DisclosureCustomer, DisclosureCustomer.disclosure_id == DisclosureRow.id)
        .where(DisclosureCustomer.customer_id == customer_id)
        .order_by(DisclosureRow.disclosed_at.desc(), DisclosureRow.id.desc())
    ).scalars()
    return tuple(to_view(r) for r in rows)


def live_customer(session: Session, number: str) -> tuple[int, str] | None:
    """Id and number of the live (not erased) customer ``number``. Only these columns: on
    PostgreSQL the marketing level may read a few customer columns."""
    row = session.execute(
        select(Customer.id, Customer.number, Customer.erased_at).where(number_is(number))
    ).one_or_none()
    if row is None or row.erased_at is not None:
        return None
    return row.id, row.number
