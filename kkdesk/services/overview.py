"""The summary header of the open customer, in one call: see :mod:`kkdesk.domain.overview`.

The first load with an opening is an audited read like every tab's ("summary"); a refresh
after the user's own change (``refresh=True``) records none: the customer is already open
and the audit trail has that read (issue 12: a refresh is not a new read). Parts the
user's level may not read are left out (``None``), so no level is refused the header.
"""

from __future__ import annotations

from datetime import date

from kkdesk.domain.consent import ConsentItem, PersonConsents, verdicts
from kkdesk.domain.enums import Purpose
from kkdesk.domain.levels import Capability
from kkdesk.domain.overview import OpenRequest, Overview
from kkdesk.domain.subject_requests import RequestKind
from kkdesk.services import audit, consents
from kkdesk.services.session import DeskSession
from kkdesk.store import consents as consent_store
from kkdesk.store import erasure as erasure_store
from kkdesk.store import restrictions
from kkdesk.store import summary as store
from kkdesk.store.unit_of_work import Session


def overview(
    ds: DeskSession,
    number: str,
    *,
    purpose: Purpose | str = Purpose.CUSTOMER_SERVICE,
    refresh: bool = False,
) -> Overview:
    """What the header shows of customer ``number``, read in one session."""
    ds.require(Capability.READ_CUSTOMERS)
    if not ds.db.is_sqlite:
        return _overview_on_server(ds, number, purpose, refresh)
    with ds.db.session() as session:
        who = consents.persons_by_number(session, number)
        own: PersonConsents = consents.persons_of(session, who)[0]  # the customer itself
        orders = returns = None
        if ds.can(Capability.READ_ORDERS):
            orders, returns = store.open_orders_and_returns(session, who.id)
        requests = None
        if ds.can(Capability.SUBJECT_REPORTS):
            requests = tuple(
                OpenRequest(rid, RequestKind(kind), deadline)
                for rid, kind, deadline in store.open_requests(session, who.id)
            )
        # The levels the server lets see whether a hold is on (0017: viewer and clerk read
        # its state, privacy all of it; admin through membership): those that read orders.
        held = (
            erasure_store.legal_hold_active(session, who.id)
            if ds.can(Capability.READ_ORDERS)
            else None
        )
        restriction = own.state.get(ConsentItem.RESTRICTION)
        restricted = processing_restriction(session, who.id)
        if not refresh:
            audit.record_reads(session, ds, [who.number], purpose, "summary")
        return Overview(
            number=who.number,
            verdicts=verdicts(own.state, own.suppressed_elsewhere, restricted),
            restricted_since=restriction.since if restriction.value else None,
            processing_restricted_since=restricted,
            open_orders=orders,
            open_returns=returns,
            open_requests=requests,
            legal_hold=held,
        )


def _overview_on_server(
    ds: DeskSession, number: str, purpose: Purpose | str, refresh: bool
) -> Overview:
    """:func:`overview` on PostgreSQL in one round trip: one statement reads the customer,
    its consents and the open orders, returns, requests and restriction the level may see
    (store.summary.overview_columns), and records the read."""
    reads_orders = ds.can(Capability.READ_ORDERS)
    reads_requests = ds.can(Capability.SUBJECT_REPORTS)
    extra = store.overview_columns(orders=reads_orders, requests=reads_requests)
    read = None if refresh else audit.read_values(purpose, "summary")
    with ds.db.statement_session() as session:
        view = consent_store.consent_view(session, number, *extra, audit_read=read)
    who, persons = consents.persons_of_view(view, number)
    assert view is not None
    own: PersonConsents = persons[0]  # the customer itself
    row = view.row
    requests = None
    if reads_requests:
        requests = tuple(
            OpenRequest(int(rid), RequestKind(kind), date.fromisoformat(deadline))
            for rid, kind, deadline in row.open_requests or ()
        )
    restriction = own.state.get(ConsentItem.RESTRICTION)
    restricted = row.restricted_since.date() if row.restricted_since is not None else None
    return Overview(
        number=who.number,
        verdicts=verdicts(own.state, own.suppressed_elsewhere, restricted),
        restricted_since=restriction.since if restriction.value else None,
        processing_restricted_since=restricted,
        open_orders=int(row.open_orders) if reads_orders else None,
        open_returns=int(row.open_returns) if reads_orders else None,
        open_requests=requests,
    )


def processing_restriction(session: Session, customer_id: int) -> date | None:
    """The restriction of processing held on the record itself (issue 15, Art. 18; not the
    consent event of that name): since when, or None when none is in force."""
    since = restrictions.since_of(session, customer_id)
    return since.date() if since is not None else None
