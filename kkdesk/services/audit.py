"""The audit trail: who read or changed which customer's data, when, and why.

Rows hold no personal values (customer number, action, purpose, user, time), so they never
need changing or erasing. On PostgreSQL the security migration makes the table append-only
and the server, not the client, decides who the actor is and when: :func:`record` gives only
the customer, action, purpose and detail there (no level may give more), and tells the
server's change triggers the purpose so that their rows carry it too. On the embedded
SQLite database, which has no users, the desk writes the OS user and the time itself.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from kkdesk.domain.enums import AuditAction, Purpose
from kkdesk.domain.levels import Capability
from kkdesk.services.session import DeskSession
from kkdesk.store import audit_trail as store
from kkdesk.store.audit_trail import Executor
from kkdesk.store.unit_of_work import Session


@dataclass(frozen=True)
class AuditEntry:
    """One row of the audit trail as the privacy officer sees it."""

    at: datetime
    actor: str
    customer_number: str
    action: str
    purpose: str
    detail: str


def record(
    session: Session,
    ds: DeskSession,
    customer_number: str,
    action: AuditAction,
    purpose: Purpose | str = "",
    detail: str = "",
) -> None:
    """Add one audit row inside the caller's unit of work (it commits with the work)."""
    values: dict[str, Any] = {
        "customer_number": customer_number,
        "action": str(action),
        "purpose": str(purpose),
        "detail": detail[:200],
    }
    if ds.db.is_sqlite:
        values |= {"at": datetime.now(UTC), "actor": ds.user}
        store.add(session, values)
    else:
        # The server's change triggers carry the purpose too (told by the same statement).
        store.add_setting_purpose(session, values)


def read_values(purpose: Purpose | str = "", detail: str = "") -> dict[str, str]:
    """The values of a ``read`` row for the store to write in the statement that reads
    (PostgreSQL; the server adds who and when, as for :func:`record_reads`)."""
    return {"action": str(AuditAction.READ), "purpose": str(purpose), "detail": detail[:200]}


def record_reads(
    conn: Executor,
    ds: DeskSession,
    customer_numbers: Iterable[str],
    purpose: Purpose | str = "",
    detail: str = "",
) -> int:
    """Record that ``customer_numbers`` were shown (a result list, a consent view, a request
    or disclosure list): one ``read`` row each, written by one multi-row insert. Returns
    how many rows were written."""
    numbers = list(dict.fromkeys(n for n in customer_numbers if n))
    if not numbers:
        return 0
    base: dict[str, Any] = {
        "action": str(AuditAction.READ),
        "purpose": str(purpose),
        "detail": detail[:200],
    }
    if ds.db.is_sqlite:
        # In-process: one prepared statement run for each row is the cheapest there (a
        # multi-row VALUES list built per page cost more to compile than the rows to write).
        base |= {"at": datetime.now(UTC), "actor": ds.user}
        store.add(conn, [base | {"customer_number": n} for n in numbers])
    else:
        # One statement and one round trip for the page, whatever its length.
        store.add_for_numbers(conn, base, numbers)
    return len(numbers)


def trail(ds: DeskSession, customer_number: str, *, limit: int = 1000) -> tuple[AuditEntry, ...]:
    """The audit trail of one customer, newest first (the ``privacy`` level only)."""
    ds.require(Capability.READ_AUDIT)
    with ds.db.read() as session:
        rows = store.of_customer(session, customer_number, limit)
    return tuple(
        AuditEntry(
            at=r.at,
            actor=r.actor,
            customer_number=r.customer_number,
            action=r.action,
            purpose=r.purpose,
            detail=r.detail,
        )
        for r in rows
    )


def record_many(
    session: Session,
    ds: DeskSession,
    customer_numbers: list[str],
    action: AuditAction,
    purpose: Purpose | str = "",
    detail: str = "",
) -> None:
    """One audit row per customer, in one statement (a snapshot of ten thousand)."""
    base: dict[str, Any] = {"action": str(action), "purpose": str(purpose), "detail": detail[:200]}
    if ds.db.is_sqlite:
        base |= {"at": datetime.now(UTC), "actor": ds.user}
    else:
        store.set_purpose(session, str(purpose))
    if customer_numbers:
        store.add(session, [{**base, "customer_number": n} for n in customer_numbers])


def record_each(
    session: Session,
    ds: DeskSession,
    rows: list[tuple[str, str]],
    action: AuditAction,
    purpose: Purpose | str = "",
) -> None:
    """One audit row per (customer number, detail), in one statement: a chunk of erasures,
    each naming its own reference, as :func:`record` would write them one by one."""
    base: dict[str, Any] = {"action": str(action), "purpose": str(purpose)}
    if ds.db.is_sqlite:
        base |= {"at": datetime.now(UTC), "actor": ds.user}
    else:
        store.set_purpose(session, str(purpose))
    if rows:
        store.add(session, [{**base, "customer_number": n, "detail": d[:200]} for n, d in rows])
