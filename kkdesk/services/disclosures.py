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

from kkdesk.domain.disclosure import (
    Disclosure,
    DisclosureDraft,
    DisclosureKind,
    validate_disclosure,
)
from kkdesk.domain.enums import AuditAction, Purpose
from kkdesk.domain.levels import Capability
from kkdesk.domain.restriction import Refused
from kkdesk.errors import NotFound, PermissionDenied
from kkdesk.services import audit
from kkdesk.services.record import jsonable
from kkdesk.services.session import DeskSession
from kkdesk.store import customers as repo
from kkdesk.store import disclosures as store
from kkdesk.store import restrictions
from kkdesk.store.disclosures import to_view
from kkdesk.store.models import Customer
from kkdesk.store.unit_of_work import Session

__all__ = [
    "can_read",
    "can_record",
    "disclosure_json",
    "of_customer",
    "of_customer_row",
    "record",
    "record_section",
    "to_view",
]


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
        # Art. 18: a restricted customer's data goes to no third party (the central
        # database refuses it itself, migration 0019). A disclosure to an authority under
        # law stays recordable: Art. 18(2) allows it for an important public interest, and
        # a disclosure that happened must never go unrecorded.
        if ds.db.is_sqlite and draft.kind is not DisclosureKind.AUTHORITY:
            restrictions.refuse_if_restricted(session, row, Refused.EXPORT)
        disclosure = store.add_for_one(
            session,
            row.id,
            disclosed_at=_disclosed_at(draft.disclosed_on),
            recorded_by=ds.user,
            kind=draft.kind,
            recipient=draft.recipient,
            legal_basis=draft.legal_basis,
            description=draft.description,
        )
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
        return disclosure


def of_customer_row(session: Session, customer_id: int) -> tuple[Disclosure, ...]:
    return store.of_customer_id(session, customer_id)


def can_record(ds: DeskSession) -> bool:
    """Whether the user's level may record a disclosure to an authority or third party
    (never in a read-only offline snapshot)."""
    return ds.can(Capability.SUBJECT_REPORTS) and not ds.read_only


def can_read(ds: DeskSession) -> bool:
    """Whether the user's level may list disclosures: the levels that make them (privacy
    staff, marketing with its exports, administrators), as on PostgreSQL's grants."""
    return ds.can(Capability.SUBJECT_REPORTS) or ds.can(Capability.MARKETING_EXPORT)


def of_customer(
    ds: DeskSession,
    number: str,
    *,
    purpose: Purpose | str = Purpose.SUBJECT_REQUEST,
    refresh: bool = False,
) -> tuple[Disclosure, ...]:
    """Every disclosure that included this customer's data, newest first; the list is a
    read of the customer's data, audited with ``purpose`` (not when ``refresh``: the same
    list shown again after a change, already audited)."""
    if not can_read(ds):
        raise PermissionDenied(
            f"Your user level ({ds.level.value}) does not allow this.",
            capability="read_disclosures",
        )
    with ds.db.session() as session:
        found = store.live_customer(session, number)
        if found is None:
            raise NotFound(
                f"No customer with number {number}.", code="customer_not_found", number=number
            )
        customer_id, customer_number = found
        out = of_customer_row(session, customer_id)
        if not refresh:
            audit.record_reads(session, ds, [customer_number], purpose, "disclosure list")
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
    """The ``disclosures`` section of ``kkdesk customer show --json`` (null for a level that
    may not read disclosures: see ``record.NULL_WHEN_WITHHELD``)."""
    return "disclosures", [disclosure_json(d) for d in of_customer_row(session, row.id)]
