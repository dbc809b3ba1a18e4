"""The queries of an address-update import: fetching the customers a file's rows may mean,
who of them prohibits updates, and writing the changes with their history.

Everything is read and written in parts of :data:`kkdesk.store.database.IN_PART` values,
so a file of a hundred thousand rows is a few hundred statements, not one per row.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime

from sqlalchemy import insert, select, tuple_
from sqlalchemy.orm import Session, selectinload

from kkdesk.domain.address_updates import Candidate, Outcome, source_detail
from kkdesk.domain.consent import ConsentItem
from kkdesk.domain.enums import DataSource
from kkdesk.store.customers import index_words
from kkdesk.store.database import in_parts
from kkdesk.store.models import ConsentEvent, Customer, PersonalDataChange

_COLUMNS = (
    Customer.id,
    Customer.number,
    Customer.name_key,
    Customer.street,
    Customer.postal_code,
    Customer.post_office,
    Customer.country,
)


def _candidates(session: Session, rows: Sequence[object]) -> list[Candidate]:
    ids = [r.id for r in rows]  # type: ignore[attr-defined]
    prohibiting = prohibiting_updates(session, ids)
    return [
        Candidate(
            id=r.id,  # type: ignore[attr-defined]
            number=r.number,  # type: ignore[attr-defined]
            name_key=r.name_key,  # type: ignore[attr-defined]
            street=r.street or "",  # type: ignore[attr-defined]
            postal_code=r.postal_code or "",  # type: ignore[attr-defined]
            post_office=r.post_office or "",  # type: ignore[attr-defined]
            country=r.country or "",  # type: ignore[attr-defined]
            prohibits_updates=r.id in prohibiting,  # type: ignore[attr-defined]
        )
        for r in rows
    ]


def by_numbers(session: Session, numbers: Iterable[str]) -> dict[str, Candidate]:
    """The live customers of ``numbers``, by number."""
    out: dict[str, Candidate] = {}
    for part in in_parts(sorted(set(numbers))):
        rows = session.execute(
            select(*_COLUMNS).where(Customer.number.in_(part), Customer.erased_at.is_(None))
        ).all()
        out.update((c.number, c) for c in _candidates(session, rows))
    return out


def by_postal_code_and_name(
    session: Session, keys: Iterable[tuple[str, str]]
) -> dict[tuple[str, str], list[Candidate]]:
    """The live customers under each (postal code, name key): one range of the
    ``(postal_code, name_key, id)`` index each."""
    out: dict[tuple[str, str], list[Candidate]] = {}
    for part in in_parts(sorted(set(keys))):
        rows = session.execute(
            select(*_COLUMNS).where(
                tuple_(Customer.postal_code, Customer.name_key).in_(part),
                Customer.erased_at.is_(None),
            )
        ).all()
        for c in _candidates(session, rows):
            out.setdefault((c.postal_code, c.name_key), []).append(c)
    return out


def prohibiting_updates(session: Session, customer_ids: Sequence[int]) -> set[int]:
    """Which of the customers prohibit updating of their data now: the newest event of
    the item by (received_on, recorded_at, id) decides, as in kkdesk.domain.consent."""
    latest: dict[int, tuple[object, bool]] = {}
    for part in in_parts(list(customer_ids)):
        rows = session.execute(
            select(
                ConsentEvent.customer_id,
                ConsentEvent.received_on,
                ConsentEvent.recorded_at,
                ConsentEvent.id,
                ConsentEvent.state,
            ).where(
                ConsentEvent.customer_id.in_(part),
                ConsentEvent.contact_person_id.is_(None),
                ConsentEvent.item == ConsentItem.REGISTER_UPDATES.value,
            )
        ).all()
        for r in rows:
            key = (r.received_on, _aware(r.recorded_at), r.id)
            seen = latest.get(r.customer_id)
            if seen is None or key > seen[0]:  # type: ignore[operator]
                latest[r.customer_id] = (key, bool(r.state))
    return {cid for cid, (_, state) in latest.items() if state}


def apply(
    session: Session,
    changes: Sequence[Outcome],
    *,
    source: str,
    actor: str,
    is_sqlite: bool,
) -> list[str]:
    """Write ``changes`` (outcomes of the CHANGED category) in the caller's transaction:
    the new values, one history row per changed field with the update service as its
    source, new search words. Returns the customer numbers changed. Rows are locked on
    PostgreSQL so that a desk save in between is refused by its version, not lost."""
    now = datetime.now(UTC)
    done: list[str] = []
    by_id = {o.customer_id: o for o in changes if o.customer_id is not None}
    for part in in_parts(sorted(by_id)):
        query = (
            select(Customer)
            .where(Customer.id.in_(part))
            .options(selectinload(Customer.contacts))
            .order_by(Customer.id)
        )
        if not is_sqlite:
            query = query.with_for_update(of=Customer)
        history: list[dict[str, object]] = []
        rows = list(session.execute(query).scalars())
        for row in rows:
            outcome = by_id[row.id]
            detail = source_detail(source, outcome.valid_from)
            for name, _old, new in outcome.changes:
                history.append(
                    {
                        "customer_id": row.id,
                        "contact_person_id": None,
                        "field": name,
                        # The value as it is now, not as the preview saw it.
                        "old_value": getattr(row, name) or "",
                        "new_value": new,
                        "source": DataSource.UPDATE_SERVICE.value,
                        "source_detail": detail,
                        "changed_by": actor,
                        "changed_at": now,
                    }
                )
                setattr(row, name, new)
            row.updated_at = now
            row.updated_by = actor
            done.append(row.number)
        session.flush()
        if history:
            session.execute(insert(PersonalDataChange), history)
        for row in rows:
            index_words(session, row)
    return done


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)
