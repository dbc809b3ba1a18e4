"""Writing the demo register (:mod:`kkdesk.services.demo` makes up the rows): the ids
already taken, and a chunk's rows in bulk Core inserts, one transaction per chunk.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, func, insert, select, text

from kkdesk.domain.search import customer_number
from kkdesk.store.database import Database
from kkdesk.store.errors import translate
from kkdesk.store.models import (
    ContactPerson,
    Customer,
    Delivery,
    Order,
    OrderLine,
    PersonalDataChange,
    Return,
    ReturnLine,
    SearchWord,
)

# Connection is named here for the extra generators' type (services import no sqlalchemy).
__all__ = [
    "Connection",
    "chunk_transaction",
    "insert_chunk",
    "last_ids",
    "prepare_import",
]


def last_ids(db: Database) -> tuple[int, dict[Any, int]]:
    """The highest customer id, and the highest id of each table the demo numbers itself
    (keyed by model class); 0 for an empty table."""
    with db.engine.connect() as conn:
        start_id = int(conn.execute(select(func.coalesce(func.max(Customer.id), 0))).scalar_one())
        ids = {
            t: int(conn.execute(select(func.coalesce(func.max(t.id), 0))).scalar_one())
            for t in (Order, OrderLine, Delivery, Return, ReturnLine, ContactPerson)
        }
    return start_id, ids


@contextmanager
def chunk_transaction(db: Database) -> Iterator[Connection]:
    """One chunk's transaction, its errors classified as every storage error is."""
    with translate(), db.engine.begin() as conn:
        yield conn


def prepare_import(
    conn: Connection,
    custs: list[dict[str, Any]],
    contacts: list[dict[str, Any]],
    changes: list[dict[str, Any]],
    orders: list[dict[str, Any]],
    lines: list[dict[str, Any]],
    deliveries: list[dict[str, Any]],
    returns: list[dict[str, Any]],
    return_lines: list[dict[str, Any]],
) -> None:
    """Ready a chunk for :func:`insert_chunk`: on PostgreSQL keep its historical who/when
    values and give its rows ids from the tables' own sequences (renumbering in place)."""
    if conn.dialect.name == "postgresql":
        # Historical who/when values are kept only for the database's owner (migration
        # 0004); for anyone else the server writes them, whatever is sent.
        conn.execute(text("select set_config('kkdesk.import', 'on', true)"))
        _take_sequence_ids(
            conn, custs, contacts, changes, orders, lines, deliveries, returns, return_lines
        )


def insert_chunk(
    conn: Connection,
    custs: list[dict[str, Any]],
    contacts: list[dict[str, Any]],
    words: list[dict[str, Any]],
    changes: list[dict[str, Any]],
    orders: list[dict[str, Any]],
    lines: list[dict[str, Any]],
    deliveries: list[dict[str, Any]],
    returns: list[dict[str, Any]],
    return_lines: list[dict[str, Any]],
) -> None:
    """Insert a chunk's rows, each table in one executemany."""
    conn.execute(insert(Customer), custs)
    if contacts:
        conn.execute(insert(ContactPerson), contacts)
    if words:
        conn.execute(insert(SearchWord), words)
    conn.execute(insert(PersonalDataChange), changes)
    for table, batch in (
        (Order, orders),
        (OrderLine, lines),
        (Delivery, deliveries),
        (Return, returns),
        (ReturnLine, return_lines),
    ):
        if batch:
            conn.execute(insert(table), batch)


def _reserve(conn: Connection, table: Any, rows: list[dict[str, Any]]) -> dict[int, int]:
    """Draw ids for ``rows`` from ``table``'s sequence: provisional id → real id."""
    if not rows:
        return {}
    real = conn.execute(
        text("select nextval(pg_get_serial_sequence(:table, 'id')) from generate_series(1, :n)"),
        {"table": table.__tablename__, "n": len(rows)},
    ).scalars()
    mapping = {row["id"]: int(new) for row, new in zip(rows, real, strict=True)}
    for row in rows:
        row["id"] = mapping[row["id"]]
    return mapping


def _take_sequence_ids(
    conn: Connection,
    custs: list[dict[str, Any]],
    contacts: list[dict[str, Any]],
    changes: list[dict[str, Any]],
    orders: list[dict[str, Any]],
    lines: list[dict[str, Any]],
    deliveries: list[dict[str, Any]],
    returns: list[dict[str, Any]],
    return_lines: list[dict[str, Any]],
) -> None:
    """On PostgreSQL, give the chunk's rows ids from the tables' own sequences.

    Explicit ids would leave the sequences behind, and the next customer or order a member
    of staff creates would collide with demo rows; ``setval`` needs more than the clerk's
    USAGE on a sequence, ``nextval`` does not. The rows were generated with provisional
    ids; here they and every reference to them are renumbered.
    """
    customer = _reserve(conn, Customer, custs)
    for c in custs:
        c["number"] = customer_number(c["id"])
    contact = _reserve(conn, ContactPerson, contacts)
    for row in (*contacts, *orders):
        row["customer_id"] = customer[row["customer_id"]]
    for change in changes:
        change["customer_id"] = customer[change["customer_id"]]
        if change["contact_person_id"] is not None:
            change["contact_person_id"] = contact[change["contact_person_id"]]
    order = _reserve(conn, Order, orders)
    for o in orders:
        o["number"] = f"T{o['id']:08d}"
    line = _reserve(conn, OrderLine, lines)
    for row in (*lines, *deliveries, *returns):
        row["order_id"] = order[row["order_id"]]
    _reserve(conn, Delivery, deliveries)
    returned = _reserve(conn, Return, returns)
    for r in returns:
        r["number"] = f"R{r['id']:08d}"
    _reserve(conn, ReturnLine, return_lines)
    for rl in return_lines:
        rl["return_id"] = returned[rl["return_id"]]
        rl["order_line_id"] = line[rl["order_line_id"]]
