"""Serialising changes of one customer's data between concurrent writers.

On PostgreSQL a transaction-level advisory lock keyed on (space, customer id): the server's
own triggers take the same lock for consent rows (migration 0004), so a writer outside
kkdesk waits too. SQLite has no row or advisory locks; there the whole register's write
lock is taken at once instead, before anything is read. (Python's sqlite3 runs reads
outside a transaction until the first write: two writers could otherwise both read the
same state and both act on it, the second only waiting for the first's commit.)
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

# A write statement that changes nothing: enough for SQLite to begin the transaction and
# take the register's write lock (waiting for another writer up to the busy timeout).
_SQLITE_WRITE_LOCK = text("update register_setting set key = key where 0")
_PG_LOCK = text("select pg_advisory_xact_lock(:space, :key)")


def lock_customer(session: Session, space: int, customer_id: int) -> None:
    """Wait until no other transaction changes ``space`` of customer ``customer_id``; the
    lock lasts until the caller's unit of work ends. Read the state to change after this."""
    if session.get_bind().dialect.name == "sqlite":
        session.execute(_SQLITE_WRITE_LOCK)
    else:
        session.execute(_PG_LOCK, {"space": space, "key": customer_id})
