"""Recording disclosures of a customer's data and listing them per customer.

Marketing exports record their own disclosure (:mod:`kkdesk.services.marketing`); this
module records the others — to an authority under a legal duty, or to a third party at the
customer's own request (register description, section 8: "data is disclosed to outsiders
only under a legal duty ... such as at the customer's own request or at an authority's
request based on law") — and lists every disclosure that included a customer, which the
customer's record and the access report show (GDPR Art. 15(1)(c)).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kkdesk.domain.disclosure import (
    Disclosure,
    DisclosureDraft,
    DisclosureKind,
    validate_disclosure,
)
from kkdesk.domain.enums import AuditAction, Purpose
from kkdesk.domain.levels import Capability
from kkdesk.errors import NotFound, PermissionDenied
from kkdesk.services import audit
from kkdesk.services.record import jsonable
from kkdesk.services.session import DeskSession
from kkdesk.store import customers as repo
from kkdesk.store import stamps
from kkdesk.store.errors import classify
from kkdesk.store.models import Customer, DisclosureCustomer
from kkdesk.store.models import Disclosure as DisclosureRow


def _aware(value: datetime) -> datetime:
    # SQLite hands back naive datetimes; every time kkdesk stores is UTC.
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def to_view(row: DisclosureRow) -> Disclosure:
    return Disclosure(
        id=row.id,
        kind=DisclosureKind(row.kind),
        disclosed_at=_aware(row.disclosed_at),
        recorded_by=row.recorded_by,
        recipient=row.recipient,
        legal_basis=row.legal_basis,
        description=row.description,
        purpose=row.purpose,
        channel=row.channel,
        customer_count=row.customer_count,
    )


def _disclosed_at(day: date) -> datetime:
    """A disclosure entered by hand has a date, not a time: noon UTC keeps the date the
    same in every time zone the desk runs in."""
    now = datetime.now(UTC)
    if day == now.date():
        return now
    return datetime.combine(day, time(12, 0), tzinfo=UTC)


def record(
    ds: DeskSession,
    number: str,
    draft: DisclosureDraft,
    *,
    purpose: Purpose | str | None = None,
) -> Disclosure:
    """Record a disclosure of one customer's data to an authority or a third party.

    The audit row's purpose is what the disclosure was for: an authority's request based on
    law, or the customer's own request for a disclosure to a third party (``purpose``
    overrides it)."""
    # Disclosures to authorities and third parties are the privacy staff's job (on
    # PostgreSQL only their level and admin may write the disclosure tables).
    ds.require(Capability.SUBJECT_REPORTS)
    draft = validate_disclosure(draft, date.today())
    with ds.db.session() as session:
        row = repo.row_by_number(session, number)
        disclosure = DisclosureRow(
            disclosed_at=_disclosed_at(draft.disclosed_on),
            **stamps.who_when(session, ds.user, by="recorded_by"),
            kind=draft.kind.value,
            purpose="",
            channel="",
            recipient=draft.recipient,
            legal_basis=draft.legal_basis,
            description=draft.description,
            customer_count=1,
        )
        session.add(disclosure)
        session.flush()
        stamps.read_back(session, disclosure, "recorded_by")  # the server's, on PostgreSQL
        session.add(DisclosureCustomer(disclosure_id=disclosure.id, customer_id=row.id))
        audit.record(
            session,
            ds,
            row.number,
            AuditAction.EXPORT,
            purpose
            or (
                Purpose.AUTHORITY_REQUEST
                if draft.kind is DisclosureKind.AUTHORITY
                else Purpose.SUBJECT_REQUEST
            ),
            f"disclosure {disclosure.id} to {draft.recipient}",
        )
        return to_view(disclosure)


def of_customer_row(session: Session, customer_id: int) -> tuple[Disclosure, ...]:
    rows = session.execute(
        select(DisclosureRow)
        .join(DisclosureCustomer, DisclosureCustomer.disclosure_id == DisclosureRow.id)
        .where(DisclosureCustomer.customer_id == customer_id)
        .order_by(DisclosureRow.disclosed_at.desc(), DisclosureRow.id.desc())
    ).scalars()
    return tuple(to_view(r) for r in rows)


def can_record(ds: DeskSession) -> bool:
    """Whether the user's level may record a disclosure to an authority or third party
    (never in a read-only offline snapshot)."""
    return ds.can(Capability.SUBJECT_REPORTS) and not ds.read_only


def can_read(ds: DeskSession) -> bool:
    """Whether the user's level may list disclosures: the levels that make them (privacy
    staff, marketing with its exports, administrators), as on PostgreSQL's grants."""
    return ds.can(Capability.SUBJECT_REPORTS) or ds.can(Capability.MARKETING_EXPORT)


def of_customer(
    ds: DeskSession, number: str, *, purpose: Purpose | str = Purpose.SUBJECT_REQUEST
) -> tuple[Disclosure, ...]:
    """Every disclosure that included this customer's data, newest first; the list is a
    read of the customer's data, audited with ``purpose``."""
    if not can_read(ds):
        raise PermissionDenied(
            f"Your user level ({ds.level.value}) does not allow this.",
            capability="read_disclosures",
        )
    with ds.db.session() as session:
        # Only the id: on PostgreSQL the marketing level may read a few customer columns.
        row = session.execute(
            select(Customer.id, Customer.number, Customer.erased_at).where(
                Customer.number == number.strip()
            )
        ).one_or_none()
        if row is None or row.erased_at is not None:
            raise NotFound(
                f"No customer with number {number}.", code="customer_not_found", number=number
            )
        out = of_customer_row(session, row.id)
        audit.record_reads(session, ds, [row.number], purpose, "disclosure list")
        return out


def disclosure_json(d: Disclosure) -> dict[str, Any]:
    out: dict[str, Any] = jsonable(
        {
            "id": d.id,
            "kind": d.kind.value,
            "disclosed_at": d.disclosed_at,
            "recorded_by": d.recorded_by,
            "recipient": d.recipient,
            "legal_basis": d.legal_basis,
            "description": d.description,
            "purpose": d.purpose,
            "channel": d.channel,
            "customer_count": d.customer_count,
        }
    )
    return out


def record_section(session: Session, row: Customer) -> tuple[str, Any]:
    """The ``disclosures`` section of ``kkdesk customer show --json``; null for a level that
    may not read disclosures (on PostgreSQL, viewers and clerks), rather than failing the
    whole record."""
    try:
        with session.begin_nested():
            listed = of_customer_row(session, row.id)
    except Exception as exc:
        if not isinstance(classify(exc), PermissionDenied):
            raise
        return "disclosures", None
    return "disclosures", [disclosure_json(d) for d in listed]
