"""Every user level × every table × SELECT / INSERT / UPDATE / DELETE, enforced by the server.

The same matrix runs twice: through a plain psycopg connection as the staff member (what
``psql`` would do) and through kkdesk's own storage layer (a :class:`DeskSession` opened
with that member's credentials, where the server's refusal arrives as a
:class:`PermissionDenied`). Each operation runs in a transaction that is rolled back, so
the seeded rows stay the same for every case. Allowed operations must succeed; forbidden
ones must be refused by the server with SQLSTATE 42501.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime
from typing import Any

import psycopg
import pytest
from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Integer,
    LargeBinary,
    Table,
    TypeDecorator,
    delete,
    insert,
    select,
    text,
    update,
)

from kkdesk.domain.levels import Level
from kkdesk.errors import PermissionDenied
from kkdesk.services.session import DeskSession
from kkdesk.store import security
from kkdesk.store.models import Base

pytestmark = pytest.mark.postgres

V, C, M, P, A = Level.VIEWER, Level.CLERK, Level.MARKETING, Level.PRIVACY, Level.ADMIN

# The specification: which of S(elect), I(nsert), U(pdate), D(elete) each level may do.
# Marketing's "SELECT *" on customer is refused (column privileges; see the test below).
EXPECTED: dict[str, dict[Level, str]] = {
    "customer": {V: "S", C: "SIU", M: "", P: "SU", A: "SIU"},
    "contact_person": {V: "S", C: "SIUD", M: "S", P: "SUD", A: "SIUD"},
    "personal_data_change": {V: "S", C: "SI", M: "", P: "SIUD", A: "SIUD"},
    # Deleted only past the accounting period, by the retention run (privacy; 0018).
    "customer_order": {V: "S", C: "SIU", M: "", P: "SUD", A: "SIUD"},
    "order_line": {V: "S", C: "SIUD", M: "", P: "S", A: "SIUD"},
    "delivery": {V: "S", C: "SIU", M: "", P: "SU", A: "SIU"},
    "order_return": {V: "S", C: "SIU", M: "", P: "SU", A: "SIU"},
    "return_line": {V: "S", C: "SIUD", M: "", P: "S", A: "SIUD"},
    # Corrections of order steps: added by the levels that record steps, never changed (0012).
    "order_correction": {V: "S", C: "SI", M: "", P: "S", A: "SI"},
    "audit_event": {V: "I", C: "I", M: "I", P: "SI", A: "SI"},
    "consent_event": {V: "S", C: "SI", M: "S", P: "SI", A: "SI"},
    # Read by all, written by no level: the server appends entries for each consent event
    # (migration 0011).
    "suppression": {V: "S", C: "S", M: "S", P: "S", A: "S"},
    "disclosure": {V: "", C: "", M: "SI", P: "SI", A: "SI"},
    "disclosure_customer": {V: "", C: "", M: "SI", P: "SI", A: "SI"},
    "subject_request": {V: "", C: "", M: "", P: "SIU", A: "SIU"},
    # Deleted only past their period, by the retention run (migration 0018).
    "request_letter": {V: "", C: "", M: "", P: "SID", A: "SID"},
    # How each letter was sent: added and read by privacy, never changed (migration 0005).
    "letter_sending": {V: "", C: "", M: "", P: "SI", A: "SI"},
    "register_setting": {V: "S", C: "S", M: "S", P: "S", A: "SIUD"},
    # Rewritten (deleted and inserted) with each save by the levels that save customers.
    "search_word": {V: "S", C: "SID", M: "S", P: "SID", A: "SID"},
    # Erasures: recorded by privacy only, never changed (migration 0017); an administrator
    # reads them (through its membership of privacy) but may not erase.
    "erasure": {V: "", C: "", M: "", P: "SI", A: "S"},
    "legal_hold": {V: "", C: "", M: "", P: "SI", A: "SI"},
    # Restrictions of processing (0019): read by all (the marker), started by privacy with
    # the ground, reason and request only; the lift's one column (notice_letter_id) and
    # its rules are tested in test_restrictions_pg.py. Never deleted.
    "processing_restriction": {V: "S", C: "S", M: "S", P: "SI", A: "SI"},
    # Merges of two records of one person: recorded by privacy (and admin), never changed
    # (migration 0020).
    "customer_merge": {V: "S", C: "S", M: "", P: "SI", A: "SI"},
}
APPEND_ONLY = ("audit_event", "consent_event", "suppression", "order_correction", "customer_merge")
TABLES: dict[str, Table] = {t.name: t for t in Base.metadata.sorted_tables}
OPS = "SIUD"
CASES = [(t, lv, op) for t in EXPECTED for lv in (V, C, M, P, A) for op in OPS]
VICTIM = 99  # the row each table's DELETE aims at: nothing refers to it


def test_expected_covers_every_table() -> None:
    assert set(EXPECTED) == set(TABLES)


def _value(table: Table, column: Any, ident: int | None) -> Any:
    if column.foreign_keys:
        return 1
    if column.primary_key and isinstance(column.type, Integer):
        return ident
    kind = column.type
    if isinstance(kind, TypeDecorator):  # e.g. the UTC timestamp of kkdesk.store.types
        kind = kind.impl_instance
    if isinstance(kind, DateTime):
        return datetime(2024, 1, 2, 3, 4, tzinfo=UTC)
    if isinstance(kind, Date):
        return date(2024, 1, 2)
    if isinstance(kind, Boolean):
        return True
    if isinstance(kind, LargeBinary):
        return b"%PDF"
    if isinstance(kind, Integer):
        return 1
    length = getattr(kind, "length", None) or 20
    return uuid.uuid4().hex[: min(length, 12)]


# Coded columns hold a value of their vocabulary: the database checks them (migration 0004).
VALID: dict[str, dict[str, Any]] = {
    "customer": {
        "type": "person",
        "language": "fi",
        "country": "FI",
        "business_id": "",
        "phone_home": "",
        "phone_work": "",
        "phone_mobile": "",
        "extra": "{}",
    },
    "contact_person": {"phone_work": "", "phone_mobile": ""},
    "personal_data_change": {"source": "customer_phone", "field": "surname"},
    "customer_order": {"status": "open"},
    "delivery": {"country": "FI"},
    "order_correction": {"step": "delivered", "return_id": None},
    "audit_event": {"action": "read", "purpose": "customer_service"},
    "consent_event": {"item": "direct_advertising", "channel": "letter"},
    "suppression": {"key_kind": "email", "item": "direct_advertising"},
    "disclosure": {"kind": "authority", "purpose": "", "channel": ""},
    "subject_request": {"kind": "access", "status": "open", "channel": "letter"},
    "request_letter": {"language": "fi", "sha256": "0" * 64},
    "register_setting": {"value": '"x"'},
    # Seeded lifted, so that no seeded customer is restricted (every other table's cases
    # write rows of customer 1).
    "processing_restriction": {
        "ground": "legal_claims",
        "lifted_at": datetime(2024, 2, 1, tzinfo=UTC),
        "lifted_by": "x",
    },
}


def row_values(table: Table, ident: int | None) -> dict[str, Any]:
    """A valid row for ``table`` (``ident`` None: let the sequence number it)."""
    values: dict[str, Any] = {}
    for column in table.columns:
        if column.nullable and not column.primary_key and not column.foreign_keys:
            continue
        value = _value(table, column, ident)
        if value is None:
            continue
        values[column.name] = value
    values |= VALID.get(table.name, {})
    if table.name == "customer":
        # The server numbers a new customer whose number is left empty.
        values["number"] = "" if ident is None else str(1000000 + ident)
    if table.name == "disclosure_customer":
        values["customer_id"] = 2 if ident is None else ident
    if table.name == "customer_merge":  # one merge per merged-away record
        values["merged_id"] = {1: 1, VICTIM: 2}.get(ident or 0, VICTIM)
    if table.name == "search_word" and ident is None:
        values["ref"] = 500  # its key has no sequence
    if table.name == "customer" and ident == 2:
        values["erased_at"] = datetime(2024, 5, 1, tzinfo=UTC)
    if table.name in ("customer_order", "request_letter") and ident == VICTIM:
        # Past its retention period and closed: the server lets it be deleted (0018).
        values["ordered_at" if table.name == "customer_order" else "created_at"] = datetime(
            2000, 1, 2, tzinfo=UTC
        )
        if table.name == "customer_order":
            values["status"] = "delivered"
    if table.name == "audit_event":
        values.pop("actor", None)
        values.pop("at", None)
    if table.name == "processing_restriction" and ident is None:
        # A new one is started in force, with what privacy may give; the server the rest.
        values = {k: values[k] for k in ("customer_id", "ground", "reason", "request_id")}
    if table.name == "letter_sending":
        # One record per letter, of a known way: letters 1 and 99 have theirs, 2 is free.
        values["via"] = "post"
        values["letter_id"] = ident if ident in (1, VICTIM) else 2
    return values


def key_of(table: Table, ident: int) -> dict[str, Any]:
    if table.name == "disclosure_customer":
        return {"disclosure_id": 1, "customer_id": ident}
    if table.name == "register_setting":
        return {"key": f"k{ident}"}
    if table.name == "search_word":
        return {"customer_id": 1, "ref": ident}
    return {"id": ident}


def set_column(table: Table) -> str:
    """The column an UPDATE sets to itself: the first that is no key."""
    for column in table.columns:
        if not column.primary_key and not column.foreign_keys:
            return column.name
    return next(iter(table.columns)).name  # disclosure_customer: keys only


@pytest.fixture(scope="module")
def seeded(pg_db_module: Any) -> Any:
    """Rows 1 and 99 in every table (customer 2 erased), written by the owner."""
    owner = pg_db_module.owner_db()
    try:
        with owner.engine.begin() as conn:
            # The owner loads the rows as they are (suppressions without their events).
            conn.execute(text("select set_config('kkdesk.import', 'on', true)"))
            for table in Base.metadata.sorted_tables:
                idents = (
                    (1, 2, VICTIM) if table.name in ("customer", "request_letter") else (1, VICTIM)
                )
                for ident in idents:
                    values = row_values(table, ident)
                    if table.name == "register_setting":
                        values["key"] = f"k{ident}"
                    conn.execute(insert(table).values(**values))
            # Serial sequences start after the explicit ids.
            for table in Base.metadata.sorted_tables:
                if (
                    "id" in table.c
                    and isinstance(table.c.id.type, Integer)
                    and table.c.id.primary_key
                ):
                    conn.execute(
                        text(f"select setval(pg_get_serial_sequence('{table.name}', 'id'), 1000)")
                    )
    finally:
        owner.dispose()
    return pg_db_module


@pytest.fixture(scope="module")
def users(seeded: Any) -> dict[Level, Any]:
    return {level: seeded.add_user(level) for level in Level}


def _sql(table: Table, op: str) -> tuple[str, dict[str, Any]]:
    name = table.name
    if op == "S":
        return f"SELECT * FROM {name} LIMIT 1", {}
    if op == "I":
        values = row_values(table, None)
        if name == "register_setting":
            values["key"] = "new-" + uuid.uuid4().hex[:8]
        cols = ", ".join(values)
        marks = ", ".join(f"%({c})s" for c in values)
        return f"INSERT INTO {name} ({cols}) VALUES ({marks})", values
    key = key_of(table, 1 if op == "U" else VICTIM)
    where = " AND ".join(f"{k} = %({k})s" for k in key)
    if op == "U":
        col = set_column(table)
        return f"UPDATE {name} SET {col} = {col} WHERE {where}", key
    return f"DELETE FROM {name} WHERE {where}", key


def _event_for_suppression(cur: Any) -> int:
    """A suppression entry comes with the consent event that causes it (migration 0004):
    the event is recorded first, in the same transaction."""
    values = row_values(TABLES["consent_event"], None)
    cols = ", ".join(values)
    marks = ", ".join(f"%({c})s" for c in values)
    cur.execute(
        f"INSERT INTO consent_event ({cols}) VALUES ({marks}) RETURNING id".encode(), values
    )
    return int(cur.fetchone()[0])


def _sql_with(table: Table, values: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    cols = ", ".join(values)
    marks = ", ".join(f"%({c})s" for c in values)
    return f"INSERT INTO {table.name} ({cols}) VALUES ({marks})", values


def _psql_attempt(conn: psycopg.Connection[Any], table: Table, op: str) -> str | None:
    """None if the server allowed it, else the SQLSTATE."""
    sql, params = _sql(table, op)
    try:
        with conn.transaction(force_rollback=True), conn.cursor() as cur:
            if table.name == "suppression" and op == "I":
                params["consent_event_id"] = _event_for_suppression(cur)
                sql, params = _sql_with(table, params)
            cur.execute(sql.encode(), params)
            if op in "UD":
                assert cur.rowcount == 1, f"{op} on {table.name} touched {cur.rowcount} rows"
    except psycopg.Error as exc:
        return exc.sqlstate or "?"
    return None


@pytest.fixture(scope="module")
def connections(users: dict[Level, Any], seeded: Any) -> Iterator[dict[Level, Any]]:
    conns = {level: seeded.connect(user) for level, user in users.items()}
    yield conns
    for conn in conns.values():
        conn.close()


@pytest.mark.parametrize(("table", "level", "op"), CASES)
def test_plain_psycopg(connections: dict[Level, Any], table: str, level: Level, op: str) -> None:
    allowed = op in EXPECTED[table][level]
    state = _psql_attempt(connections[level], TABLES[table], op)
    if allowed:
        assert state is None, f"{level} {op} {table} was refused ({state})"
    else:
        assert state == "42501", f"{level} {op} {table}: expected refusal, got {state}"


@pytest.fixture(scope="module")
def desk_sessions(users: dict[Level, Any], seeded: Any) -> Iterator[dict[Level, DeskSession]]:
    sessions = {level: seeded.session(user) for level, user in users.items()}
    yield sessions
    seeded.close()


def _desk_attempt(ds: DeskSession, table: Table, op: str) -> None:
    """The same operation through kkdesk's storage layer (rolled back at the end)."""
    with ds.db.read() as session:
        if op == "S":
            session.execute(select(table).limit(1)).all()
            return
        if op == "I":
            values = row_values(table, None)
            if table.name == "register_setting":
                values["key"] = "new-" + uuid.uuid4().hex[:8]
            if table.name == "suppression":
                event = row_values(TABLES["consent_event"], None)
                values["consent_event_id"] = session.execute(
                    insert(TABLES["consent_event"]).values(**event).returning(text("id"))
                ).scalar_one()
            session.execute(insert(table).values(**values).inline())
            return
        key = key_of(table, 1 if op == "U" else VICTIM)
        where = [table.c[k] == v for k, v in key.items()]
        if op == "U":
            col = set_column(table)
            result = session.execute(update(table).where(*where).values({col: table.c[col]}))
        else:
            result = session.execute(delete(table).where(*where))
        assert result.rowcount == 1  # type: ignore[attr-defined]


@pytest.mark.parametrize(("table", "level", "op"), CASES)
def test_through_kkdesk(
    desk_sessions: dict[Level, DeskSession], table: str, level: Level, op: str
) -> None:
    ds = desk_sessions[level]
    assert ds.level is level  # the level came from the server's group role
    if op in EXPECTED[table][level]:
        _desk_attempt(ds, TABLES[table], op)
    else:
        with pytest.raises(PermissionDenied):
            _desk_attempt(ds, TABLES[table], op)


@pytest.mark.parametrize("table", APPEND_ONLY)
@pytest.mark.parametrize("op", ["U", "D", "TRUNCATE"])
def test_append_only_even_for_the_owner(seeded: Any, table: str, op: str) -> None:
    with seeded.connect("kkdesk_owner", seeded.server.owner_password) as conn:
        if op == "TRUNCATE":
            sql: str = f"TRUNCATE {table} CASCADE"
            params: dict[str, Any] = {}
        else:
            sql, params = _sql(TABLES[table], op)
        with (
            pytest.raises(psycopg.errors.InsufficientPrivilege, match="append-only"),
            conn.transaction(force_rollback=True),
        ):
            conn.execute(sql.encode(), params)


def test_audit_actor_and_time_cannot_be_forged(connections: dict[Level, Any]) -> None:
    for level, conn in connections.items():
        for column, value in (("actor", "someone_else"), ("at", datetime(2000, 1, 1, tzinfo=UTC))):
            with (
                pytest.raises(psycopg.errors.InsufficientPrivilege),
                conn.transaction(force_rollback=True),
            ):
                conn.execute(
                    f"INSERT INTO audit_event (customer_number, action, {column}) "
                    "VALUES ('1', 'read', %s)".encode(),
                    (value,),
                )
        # Without them, the server fills in who and when.
        with conn.transaction(force_rollback=True):
            conn.execute(b"INSERT INTO audit_event (customer_number, action) VALUES ('1', 'read')")
        assert level


def test_audit_rows_name_the_session_user(
    seeded: Any, users: dict[Level, Any], connections: dict[Level, Any]
) -> None:
    conn = connections[V]
    conn.execute(b"INSERT INTO audit_event (customer_number, action) VALUES ('X1', 'read')")
    with seeded.connect() as su:
        actor = su.execute(b"SELECT actor FROM audit_event WHERE customer_number = 'X1'").fetchone()
    assert actor is not None and actor[0] == users[V].login


def test_marketing_reads_only_its_columns_and_no_erased_customers(
    connections: dict[Level, Any],
) -> None:
    conn = connections[M]
    cols = ", ".join(security.MARKETING_CUSTOMER_COLUMNS)
    ids = [r[0] for r in conn.execute(f"SELECT {cols} FROM customer ORDER BY id".encode())]
    assert ids == [1, VICTIM]  # customer 2 is erased: hidden by row-level security
    for hidden in ("birth_date", "notes", "extra", "created_by", "updated_by"):
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(f"SELECT {hidden} FROM customer".encode())
    others = [r[0] for r in connections[V].execute(b"SELECT id FROM customer ORDER BY id")]
    assert others == [1, 2, VICTIM]


def test_marketing_columns_match_the_grants(seeded: Any) -> None:
    with seeded.connect() as su:
        rows = su.execute(
            b"SELECT column_name FROM information_schema.column_privileges "
            b"WHERE table_name = 'customer' AND grantee = 'kkdesk_marketing' "
            b"AND privilege_type = 'SELECT'"
        ).fetchall()
    assert {r[0] for r in rows} == set(security.MARKETING_CUSTOMER_COLUMNS)


def test_clerk_cannot_erase(connections: dict[Level, Any]) -> None:
    with (
        pytest.raises(psycopg.errors.InsufficientPrivilege),
        connections[C].transaction(force_rollback=True),
    ):
        connections[C].execute(b"UPDATE customer SET erased_at = now() WHERE id = 1")


def test_levels_come_from_group_roles(desk_sessions: dict[Level, DeskSession]) -> None:
    for level, ds in desk_sessions.items():
        assert ds.level is level
        assert not ds.is_embedded
