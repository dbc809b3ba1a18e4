"""The SQL of merging two records of one person (the rules are in
:mod:`kkdesk.domain.duplicates`, the order of the steps in :mod:`kkdesk.services.merge`).

Every move is one plain ``UPDATE`` of ``customer_id``, the same on SQLite and
PostgreSQL; on PostgreSQL the server lets a row change customers only inside a merge
recorded in the same transaction by the same user (migration 0020), and its per-row
audit trigger writes each moved row into both customers' logs.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.orm import Session

from kkdesk.store import stamps
from kkdesk.store.models import (
    ConsentEvent,
    Customer,
    CustomerMerge,
    DisclosureCustomer,
    Order,
    PersonalDataChange,
    RequestLetter,
    SearchWord,
    SubjectRequest,
)

# What moves, by the name the merge record counts it under.
MOVED: tuple[tuple[str, Any], ...] = (
    ("orders", Order),
    ("history", PersonalDataChange),
    ("requests", SubjectRequest),
    ("letters", RequestLetter),
)

# The personal values of a merged-away record, and what they become (its number, type,
# customer-since date, country and language are no person's and stay).
BLANKED: dict[str, Any] = {
    "surname": "",
    "first_names": "",
    "company_name": "",
    "business_id": "",
    "street": "",
    "postal_code": "",
    "post_office": "",
    "phone_home": "",
    "phone_work": "",
    "phone_mobile": "",
    "email": "",
    "birth_date": None,
    "notes": "",
    "extra": "{}",
    "name_key": "",
    "name_key_rev": "",
    "email_key": "",
}


def row_exact(session: Session, number: str, *, for_update: bool = False) -> Customer | None:
    """The customer row numbered exactly ``number`` (no alias followed: a merge must know
    whether a number is itself merged away)."""
    query = select(Customer).where(Customer.number == number.strip())
    if for_update:
        query = query.with_for_update()
    return session.execute(query).scalar_one_or_none()


def counts(session: Session, customer_id: int) -> dict[str, int]:
    """How many rows of each moved kind, consent events and disclosures a customer has."""
    out: dict[str, int] = {}
    for name, model in MOVED:
        out[name] = int(
            session.execute(
                select(func.count()).select_from(model).where(model.customer_id == customer_id)
            ).scalar_one()
        )
    out["disclosures"] = int(
        session.execute(
            select(func.count())
            .select_from(DisclosureCustomer)
            .where(DisclosureCustomer.customer_id == customer_id)
        ).scalar_one()
    )
    out["consent_events"] = int(
        session.execute(
            select(func.count())
            .select_from(ConsentEvent)
            .where(ConsentEvent.customer_id == customer_id)
        ).scalar_one()
    )
    return out


def record(
    session: Session,
    *,
    kept: Customer,
    other: Customer,
    choices: Mapping[str, str],
    moved: Mapping[str, int],
    actor: str,
    now: datetime,
) -> CustomerMerge:
    """Insert the merge record (first: on PostgreSQL the moves are allowed by it; it is
    append-only there, so it takes the counts :func:`to_move` gave)."""
    row = CustomerMerge(
        kept_id=kept.id,
        merged_id=other.id,
        kept_number=kept.number,
        merged_number=other.number,
        choices=json.dumps(dict(choices), sort_keys=True),
        moved=json.dumps(dict(moved), sort_keys=True),
        **stamps.who_when(session, actor, by="merged_by", at="merged_at", now=now),
    )
    session.add(row)
    session.flush()
    stamps.read_back(session, row, "merged_by", "merged_at")
    return row


def _shared(kept_id: int) -> Any:
    return (
        select(DisclosureCustomer.disclosure_id)
        .where(DisclosureCustomer.customer_id == kept_id)
        .scalar_subquery()
    )


def to_move(session: Session, other_id: int, kept_id: int) -> dict[str, int]:
    """What :func:`move` will move. Exact once both customer rows are locked: a new row
    referring to a customer waits for its row's lock (a foreign key check)."""
    out = {k: v for k, v in counts(session, other_id).items() if k != "consent_events"}
    out["disclosures"] = int(
        session.execute(
            select(func.count())
            .select_from(DisclosureCustomer)
            .where(
                DisclosureCustomer.customer_id == other_id,
                DisclosureCustomer.disclosure_id.not_in(_shared(kept_id)),
            )
        ).scalar_one()
    )
    return out


def move(session: Session, other_id: int, kept_id: int) -> dict[str, int]:
    """Move every row of ``other_id`` to ``kept_id``; how many of each kind moved.

    A disclosure that listed both records keeps its row of the merged-away one (the
    disclosure did name both; its count of customers stays true)."""
    moved: dict[str, int] = {}
    for name, model in MOVED:
        result = session.execute(
            update(model)
            .where(model.customer_id == other_id)
            .values(customer_id=kept_id)
            .execution_options(synchronize_session=False)
        )
        moved[name] = int(result.rowcount)  # type: ignore[attr-defined]
    result = session.execute(
        update(DisclosureCustomer)
        .where(
            DisclosureCustomer.customer_id == other_id,
            DisclosureCustomer.disclosure_id.not_in(_shared(kept_id)),
        )
        .values(customer_id=kept_id)
        .execution_options(synchronize_session=False)
    )
    moved["disclosures"] = int(result.rowcount)  # type: ignore[attr-defined]
    return moved


def mark_merged(session: Session, other: Customer, kept_id: int, actor: str, now: datetime) -> None:
    """Blank the merged-away record's personal values, point it at the kept record (and
    every record merged into it earlier, so that an alias is always one step), and drop
    its search words: it is no second person in any search or export."""
    for name, value in BLANKED.items():
        setattr(other, name, value)
    other.merged_into = kept_id
    stamps.touch(session, other, actor, by="updated_by", at="updated_at", now=now)
    session.flush()
    earlier = select(CustomerMerge.merged_id).where(CustomerMerge.kept_id == other.id)
    session.execute(
        update(Customer)
        .where(or_(Customer.merged_into == other.id, Customer.id.in_(earlier)))
        .where(Customer.id != other.id)
        .values(merged_into=kept_id)
        .execution_options(synchronize_session=False)
    )
    session.execute(delete(SearchWord).where(SearchWord.customer_id == other.id))


@dataclass(frozen=True)
class MergeRow:
    """A merge as the history shows it."""

    kept_number: str
    merged_number: str
    merged_by: str
    merged_at: datetime
    choices: dict[str, str]
    moved: dict[str, int]


def merges_of(session: Session, customer_id: int) -> tuple[MergeRow, ...]:
    """The merges a customer took part in (kept or merged away), oldest first."""
    rows = session.execute(
        select(CustomerMerge)
        .where(or_(CustomerMerge.kept_id == customer_id, CustomerMerge.merged_id == customer_id))
        .order_by(CustomerMerge.merged_at, CustomerMerge.id)
    ).scalars()
    return tuple(
        MergeRow(
            r.kept_number,
            r.merged_number,
            r.merged_by,
            r.merged_at,
            _json_map(r.choices),
            {k: int(v) for k, v in _json_map(r.moved).items()},
        )
        for r in rows
    )


def _json_map(value: str) -> dict[str, Any]:
    try:
        data = json.loads(value or "{}")
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def merged_numbers(session: Session, kept_id: int) -> tuple[str, ...]:
    """The numbers merged into a customer (directly or through an earlier merge)."""
    return tuple(
        session.execute(
            select(Customer.number).where(Customer.merged_into == kept_id).order_by(Customer.id)
        ).scalars()
    )
