"""Writes and reads of the ``audit_event`` table (the rules of who, when and why are in
:mod:`kkdesk.services.audit`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Table, insert, select, text
from sqlalchemy.orm import Session

from kkdesk.store import prepared
from kkdesk.store.customers import merged_aliases
from kkdesk.store.models import AuditEvent

# What the audit writes go through: the caller's ORM session or a Core connection (the hot
# paths of search and the consent view write their audit rows on a connection).
Executor = Session | Connection

_TABLE: Table = AuditEvent.__table__  # type: ignore[assignment]  # declarative: a Table
_INSERT = insert(_TABLE).inline()
_INSERT_MANY = text(
    "insert into audit_event (customer_number, action, purpose, detail) "
    "select n, :action, :purpose, :detail from unnest(cast(:numbers as text[])) as n"
)
_SET_PURPOSE = text("select set_config('kkdesk.purpose', :purpose, true)")
# The same, with the row that records it: an INSERT returns no rows, so in a pipelined unit
# it waits for the next statement or the COMMIT instead of costing a round trip of its own.
_INSERT_WITH_PURPOSE = text(
    "insert into audit_event (customer_number, action, purpose, detail) "
    "select :customer_number, :action, p.purpose, :detail "
    "from (select set_config('kkdesk.purpose', :purpose, true) as purpose) as p"
)


def set_purpose(conn: Executor, purpose: str) -> None:
    """Tell PostgreSQL's deferred change triggers the purpose (transaction-local: they
    read it at commit)."""
    conn.execute(_SET_PURPOSE, {"purpose": purpose})


def add_setting_purpose(conn: Executor, values: dict[str, Any]) -> None:
    """PostgreSQL: one row (customer_number, action, purpose, detail), and the purpose
    told to the change triggers as :func:`set_purpose` does, in one statement."""
    conn.execute(_INSERT_WITH_PURPOSE, values)


def add(conn: Executor, rows: dict[str, Any] | list[dict[str, Any]]) -> None:
    """Insert one row or many. A Core insert without RETURNING: most levels may add audit
    rows but not read them. The values go as parameters of one statement, compiled once
    per process (a batch of letters writes a thousand rows)."""
    if isinstance(conn, Connection) and isinstance(rows, list):
        # A page of search hits on a Core connection: straight to the driver on SQLite
        # (see kkdesk.store.prepared); through SQLAlchemy everywhere else.
        prepared.insert_many(conn, _INSERT, rows)
        return
    conn.execute(_INSERT, rows)


def add_for_numbers(conn: Executor, base: dict[str, Any], numbers: list[str]) -> None:
    """PostgreSQL: one row per customer number with the same ``base`` values, in one
    statement and one round trip, whatever the number of customers."""
    conn.execute(_INSERT_MANY, base | {"numbers": numbers})


def of_customer(session: Session, customer_number: str, limit: int) -> Sequence[Any]:
    """Rows (at, actor, customer_number, action, purpose, detail) of one customer, newest
    first, with those of the records merged into it (under their own numbers)."""
    numbers = [customer_number, *merged_aliases(session, [customer_number])]
    return session.execute(
        select(
            AuditEvent.at,
            AuditEvent.actor,
            AuditEvent.customer_number,
            AuditEvent.action,
            AuditEvent.purpose,
            AuditEvent.detail,
        )
        .where(AuditEvent.customer_number.in_(numbers))
        .order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
        .limit(limit)
    ).all()
