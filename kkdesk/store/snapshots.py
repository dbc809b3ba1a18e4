"""The queries that choose the customers of an encrypted snapshot (services/snapshots.py).

Plain Core selects over the model's tables: a snapshot may name thousands of customers, and
only their ids are wanted, so no ORM objects are built.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from kkdesk.domain.subject_requests import RequestStatus
from kkdesk.store.database import in_parts
from kkdesk.store.models import Base


def _table(name: str) -> Table:
    table = Base.metadata.tables[name]
    assert isinstance(table, Table)
    return table


def live_ids_by_number(session: Session, numbers: Sequence[str]) -> dict[str, int]:
    """The id of each live (not erased) customer among ``numbers``; unknown ones are left out."""
    c = _table("customer").c
    found: dict[str, int] = {}
    for part in in_parts(list(numbers)):
        rows = session.execute(
            select(c.number, c.id).where(c.number.in_(part), c.erased_at.is_(None))
        )
        found.update({str(n): int(i) for n, i in rows})
    return found


def open_request_customer_ids(session: Session) -> list[int]:
    """The live customers with an open data subject request, earliest deadline first (a
    customer with several requests is listed at each; the caller removes repeats)."""
    c = _table("customer").c
    r = _table("subject_request").c
    found = session.scalars(
        select(r.customer_id)
        .join(_table("customer"), c.id == r.customer_id)
        .where(r.status == RequestStatus.OPEN.value, c.erased_at.is_(None))
        .order_by(r.deadline, r.id)
    ).all()
    return [int(i) for i in found]
