"""The queries of an address-update import: fetching the customers a file's rows may mean,
who of them prohibits updates, and writing the changes with their history.

Everything is read and written in parts of :data:`kkdesk.store.database.IN_PART` values,
so a file of a hundred thousand rows is a few hundred statements, not one per row.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime

from sqlalchemy import Row, and_, bindparam, delete, func, insert, or_, select, update
from sqlalchemy.orm import Session

from kkdesk.domain.address_updates import Candidate, Outcome, source_detail
from kkdesk.domain.consent import ConsentItem
from kkdesk.domain.enums import DataSource
from kkdesk.domain.search import search_words
from kkdesk.errors import KnownError
from kkdesk.store.database import in_parts
from kkdesk.store.models import (
    ConsentEvent,
    ContactPerson,
    Customer,
    PersonalDataChange,
    SearchWord,
)
from kkdesk.store.restrictions import restricted_among

_COLUMNS = (
    Customer.id,
    Customer.number,
    Customer.name_key,
    Customer.street,
    Customer.postal_code,
    Customer.post_office,
    Customer.country,
)


def _candidates(
    session: Session, rows: Sequence[Row[int, str, str, str, str, str, str]]
) -> list[Candidate]:
    prohibiting = prohibiting_updates(session, [r.id for r in rows])
    restricted = restricted_among(session, [r.id for r in rows])
    return [
        Candidate(
            id=r.id,
            number=r.number,
            name_key=r.name_key,
            street=r.street or "",
            postal_code=r.postal_code or "",
            post_office=r.post_office or "",
            country=r.country or "",
            prohibits_updates=r.id in prohibiting,
            restricted=r.id in restricted,
        )
        for r in rows
    ]


def by_numbers(session: Session, numbers: Iterable[str]) -> dict[str, Candidate]:
    """The live customers of ``numbers``, by number."""
    out: dict[str, Candidate] = {}
    for part in in_parts(sorted(set(numbers))):
        rows = session.execute(
            # A merged-away number is no record to update (its kept record has its own).
            select(*_COLUMNS).where(
                Customer.number.in_(part),
                Customer.erased_at.is_(None),
                Customer.merged_into.is_(None),
            )
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
        # One equality pair per key, not ``(postal_code, name_key) IN (…)``: SQLite
        # (3.40) scans the whole table for a row-value list (770 ms a part at 1,000,000
        # customers) but looks each pair up in the index (4 ms); PostgreSQL turns the list
        # into these pairs itself.
        pairs = (
            and_(Customer.postal_code == code, Customer.name_key == name) for code, name in part
        )
        rows = session.execute(
            select(*_COLUMNS).where(or_(*pairs), Customer.erased_at.is_(None))
        ).all()
        for c in _candidates(session, rows):
            out.setdefault((c.postal_code, c.name_key), []).append(c)
    return out


def prohibiting_updates(session: Session, customer_ids: Sequence[int]) -> set[int]:
    """Which of the customers prohibit updating of their data now: the newest event of
    the item by (received_on, recorded_at, id) decides, as in kkdesk.domain.consent."""
    latest: dict[int, tuple[tuple[date, datetime, int], bool]] = {}
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
                # Not ``IS NULL``: SQLite's planner then took the contact-person index,
                # whose statistics count each NULL as a value of its own, for a few
                # dozen rows, and walked the customers' ~780,000 events for every part
                # (200 ms a part, 34 s of a 100,000-row preview; 0.4 ms by customer).
                func.coalesce(ConsentEvent.contact_person_id, 0) == 0,
                ConsentEvent.item == ConsentItem.REGISTER_UPDATES.value,
            )
        ).all()
        for r in rows:
            key = (r.received_on, _aware(r.recorded_at), r.id)
            seen = latest.get(r.customer_id)
            if seen is None or key > seen[0]:
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
    source, new search words. Returns the customer numbers changed.

    Core statements, a part of :data:`IN_PART` customers at a time (one ORM flush per
    customer took minutes for a hundred thousand). Each UPDATE names the version it read,
    and PostgreSQL's rows are locked as they are read: a desk save in between makes the
    whole import fail (code ``address_update_stale``) rather than be overwritten.
    """
    now = datetime.now(UTC)
    done: list[str] = []
    by_id = {o.customer_id: o for o in changes if o.customer_id is not None}
    fields = sorted({name for o in by_id.values() for name, _old, _new in o.changes})
    columns = [getattr(Customer, name) for name in fields]
    for part in in_parts(sorted(by_id)):
        query = select(
            Customer.id, Customer.number, Customer.version, Customer.name_key,
            Customer.name_key_rev, Customer.street, Customer.post_office, *columns,
        ).where(Customer.id.in_(part), Customer.erased_at.is_(None))  # fmt: skip
        if not is_sqlite:
            query = query.with_for_update()
        rows = session.execute(query).all()
        if len(rows) != len(part):
            raise _changed_meanwhile()
        history: list[dict[str, object]] = []
        updates: list[dict[str, object]] = []
        words: list[dict[str, object]] = []
        contacts = _contact_keys(session, part)
        for row in rows:
            outcome = by_id[row.id]
            detail = source_detail(source, outcome.valid_from)
            values = {name: getattr(row, name) or "" for name in fields}
            for name, _old, new in outcome.changes:
                history.append(
                    {
                        "customer_id": row.id,
                        "contact_person_id": None,
                        "field": name,
                        # The value as it is now, not as the preview saw it.
                        "old_value": values[name],
                        "new_value": new,
                        "source": DataSource.UPDATE_SERVICE.value,
                        "source_detail": detail,
                        "changed_by": actor,
                        "changed_at": now,
                    }
                )
                values[name] = new
            updates.append(
                {"b_id": row.id, "b_version": row.version, "b_next": row.version + 1,
                 "b_now": now, "b_actor": actor, **{f"b_{n}": values[n] for n in fields}}
            )  # fmt: skip
            street = str(values.get("street", row.street) or "")
            office = str(values.get("post_office", row.post_office) or "")
            words += [
                {"customer_id": row.id, "kind": w.kind.value, "ref": w.ref, "word": w.word,
                 "sort_key": row.name_key, "phrase": w.phrase}
                for w in search_words(row.name_key, row.name_key_rev, street, office,
                                      contacts.get(row.id, ()))
            ]  # fmt: skip
            done.append(row.number)
        statement = (
            update(Customer)
            .where(Customer.id == bindparam("b_id"), Customer.version == bindparam("b_version"))
            .values(
                {
                    Customer.version: bindparam("b_next"),
                    Customer.updated_at: bindparam("b_now"),
                    Customer.updated_by: bindparam("b_actor"),
                    **{getattr(Customer, n): bindparam(f"b_{n}") for n in fields},
                }
            )
            .execution_options(synchronize_session=False)
        )
        result = session.connection().execute(statement, updates)
        if result.rowcount not in (-1, len(updates)):
            raise _changed_meanwhile()
        session.execute(insert(PersonalDataChange), history)
        session.execute(delete(SearchWord).where(SearchWord.customer_id.in_(part)))
        if words:
            session.execute(insert(SearchWord), words)
    return done


def _contact_keys(session: Session, ids: Sequence[int]) -> dict[int, tuple[tuple[int, str], ...]]:
    """The (id, name key) of each customer's contact persons, for their search words."""
    out: dict[int, list[tuple[int, str]]] = {}
    for r in session.execute(
        select(ContactPerson.customer_id, ContactPerson.id, ContactPerson.name_key)
        .where(ContactPerson.customer_id.in_(ids))
        .order_by(ContactPerson.id)
    ):
        out.setdefault(r.customer_id, []).append((r.id, r.name_key))
    return {k: tuple(v) for k, v in out.items()}


def _changed_meanwhile() -> KnownError:
    return KnownError(
        "Some of the customers were changed or erased while the import ran; nothing was "
        "changed. Preview and apply the file again.",
        code="address_update_stale",
    )


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)
