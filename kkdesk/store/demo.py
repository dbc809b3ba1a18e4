"""Writing the demo register at the speed of the database (:mod:`kkdesk.services.demo`
makes up the rows).

The generator hands over batches of plain tuples (:class:`Rows`, columns in
:data:`COLUMNS` order, times as ints: microseconds since :data:`EPOCH`), with ids it took
from :attr:`Loader.next_id`. How they are written depends on the database and on who is
connected:

- **SQLite** (:class:`_SqliteLoader`): one transaction for the whole load on the raw
  connection, each table one prepared ``executemany`` of 50-row INSERTs per batch; SQLite
  itself spells the times out as SQLAlchemy stores them (:data:`_SQLITE_STAMP`). When the
  load at least doubles the register, the demo tables' secondary indexes are dropped first
  and built again at the end (a sorted build beats millions of random B-tree inserts), and
  the register is switched to a rollback journal for the load (in WAL mode every page
  would be written twice, once to a WAL as big as the register). ``synchronous=OFF`` only
  while the register had no customers: a power cut can then cost nothing but demo data.
  Foreign keys go unchecked during the load: its rows refer to each other by construction
  (the tests run ``PRAGMA foreign_key_check`` on a loaded register).
- **PostgreSQL as the tables' owner** (:class:`_PgCopyLoader`): one transaction, binary
  ``COPY`` per table and batch (times sent as the ``int8`` a timestamptz is in binary),
  formatted in the loading thread and sent by another (:class:`_CopySender`), so that the
  server stores a batch while the generator makes the next. The demo tables are locked,
  their user triggers (who/when stamps, date and text checks, the per-row audit, the
  consent lock and suppression triggers) are disabled *inside* that transaction and
  enabled again before it commits, so no other session ever sees them off (the lock keeps
  everyone out until the commit); the rows are valid by construction and carry their
  historical who/when values, as under ``kkdesk.import`` (migration 0004). Foreign keys
  and secondary indexes are dropped and made again after the load where the load at least
  doubles the tables; the sequences are set past the ids used, and the tables analysed.
  Only the owner (or a superuser) may alter the tables: no staff level can do any of this.
- **PostgreSQL as anyone else** (:class:`_PgInsertLoader`, e.g. a clerk): the normal write
  path, one transaction per batch, rows inserted with ``executemany`` (pipelined by
  psycopg) under every trigger and row-level security (``COPY FROM`` is refused under
  row-level security anyway). Ids come from the tables' sequences in blocks (a clerk may
  ``nextval``, not ``setval``); the server stamps who/when, audits each row and writes the
  suppression entries itself. Slow, and meant to be: use the owner for a big register.
"""

from __future__ import annotations

import itertools
import queue
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field, fields
from datetime import UTC, date, datetime, timedelta
from functools import cache
from typing import Any, cast

import psycopg
import psycopg.copy
from sqlalchemy import Connection, Date, text
from sqlalchemy import exc as sa_exc

from kkdesk.store.database import Database
from kkdesk.store.errors import translate
from kkdesk.store.models import Base
from kkdesk.store.types import UtcDateTime

Row = tuple[Any, ...]

# The columns of each demo table, in the order of the generator's tuples; tables in the
# order they are written (parents first). Ids are given by the generator: a server that
# draws one from a sequence per row of a big COPY spends a good part of its time there.
COLUMNS: dict[str, tuple[str, ...]] = {
    "customer": (
        "id", "number", "type", "customer_since", "surname", "first_names", "company_name",
        "business_id", "street", "postal_code", "post_office", "country", "phone_home",
        "phone_work", "phone_mobile", "email", "birth_date", "language", "notes", "extra",
        "name_key", "name_key_rev", "email_key", "created_at", "created_by", "updated_at",
        "updated_by", "erased_at", "version",
    ),
    "contact_person": (
        "id", "customer_id", "surname", "first_names", "role", "phone_work", "phone_mobile",
        "email", "email_key", "name_key", "name_key_rev",
    ),
    "search_word": ("customer_id", "kind", "ref", "word", "sort_key", "phrase"),
    "personal_data_change": (
        "id", "customer_id", "contact_person_id", "field", "old_value", "new_value", "source",
        "source_detail", "changed_by", "changed_at",
    ),
    "customer_order": ("id", "number", "customer_id", "ordered_at", "status", "total_cents"),
    "order_line": (
        "id", "order_id", "line_no", "product_code", "product_name", "quantity",
        "unit_price_cents", "vat_rate_bp",
    ),
    "delivery": (
        "id", "order_id", "shipped_at", "delivered_at", "carrier", "tracking_code",
        "recipient", "street", "postal_code", "post_office", "country",
    ),
    "order_return": (
        "id", "order_id", "number", "requested_at", "received_at", "refunded_at", "reason",
        "refund_cents",
    ),
    "return_line": ("id", "return_id", "order_line_id", "quantity"),
    "consent_event": (
        "id", "customer_id", "contact_person_id", "item", "state", "received_on", "channel",
        "document_ref", "note", "recorded_by", "recorded_at",
    ),
    "suppression": (
        "id", "key_kind", "key_value", "item", "active", "created_at", "created_by",
        "consent_event_id",
    ),
}  # fmt: skip

# Times (the datetime columns) are whole microseconds since EPOCH, UTC, as plain ints:
# PostgreSQL's own representation of a timestamptz (its binary COPY sends them as they
# are) and, on SQLite, made into SQLAlchemy's text by SQLite itself (_SQLITE_STAMP).
# Neither side then makes a datetime object per value, nor spells one out in Python.
EPOCH = datetime(2000, 1, 1, tzinfo=UTC)
EPOCH_UNIX = int(EPOCH.timestamp())  # 946684800

# Tables whose ids the generator gives (they are referred to within a batch).
NUMBERED = tuple(t for t, cols in COLUMNS.items() if cols[0] == "id")


@dataclass
class Rows:
    """One batch of demo rows: per table, tuples in :data:`COLUMNS` order (times as
    microseconds since :data:`EPOCH`, dates as dates)."""

    customer: list[Row] = field(default_factory=list)
    contact_person: list[Row] = field(default_factory=list)
    search_word: list[Row] = field(default_factory=list)
    personal_data_change: list[Row] = field(default_factory=list)
    customer_order: list[Row] = field(default_factory=list)
    order_line: list[Row] = field(default_factory=list)
    delivery: list[Row] = field(default_factory=list)
    order_return: list[Row] = field(default_factory=list)
    return_line: list[Row] = field(default_factory=list)
    consent_event: list[Row] = field(default_factory=list)
    suppression: list[Row] = field(default_factory=list)

    def tables(self) -> Iterator[tuple[str, list[Row]]]:
        """(table, rows) in :data:`COLUMNS` order (parents before children)."""
        for f in fields(self):
            yield f.name, getattr(self, f.name)


class Loader:
    """Where a demo load writes; made by :func:`loader`."""

    #: Per table of :data:`NUMBERED`, a function giving the next free id.
    next_id: dict[str, Callable[[], int]]
    #: Whether the demo writes suppression entries (on PostgreSQL the server writes them
    #: for every consent event, except while its owner loads history).
    writes_suppressions: bool = True

    def write(self, rows: Rows) -> None:
        raise NotImplementedError

    def finish(self, stage: Callable[[str], None]) -> None:
        """Make the load permanent (indexes, sequences, statistics, commit)."""

    def abort(self) -> None:
        """Undo what is not committed yet."""


@contextmanager
def loader(db: Database, customers: int) -> Iterator[Loader]:
    """A loader for ``customers`` more demo customers on ``db``; its load is committed by
    :meth:`Loader.finish` and undone if the block ends without it (an error, Ctrl-C).
    Errors are classified as every storage error is."""
    with translate(), _driver_errors():
        if db.is_sqlite:
            # Idle pooled connections of this process would keep the register in WAL mode.
            db.engine.dispose()
        conn = db.engine.connect()
        load: Loader | None = None
        try:
            if db.is_sqlite:
                load = _SqliteLoader(conn, customers)
            elif _may_copy(conn):
                load = _PgCopyLoader(conn, customers)
            else:
                load = _PgInsertLoader(conn)
            yield load
        finally:
            if load is not None:
                load.abort()
            conn.close()


# --- helpers ------------------------------------------------------------------------------


@contextmanager
def _driver_errors() -> Iterator[None]:
    """Errors of the raw driver connection wrapped as SQLAlchemy wraps them, so that
    :func:`kkdesk.store.errors.translate` classifies them the same way."""
    try:
        yield
    except sa_exc.SQLAlchemyError:
        raise
    except Exception as exc:
        base = _driver_base(exc)
        if base is None:
            raise
        raise sa_exc.DBAPIError.instance(None, None, exc, base) from exc


def _driver_base(exc: Exception) -> type[Exception] | None:
    if isinstance(exc, sqlite3.Error):
        return sqlite3.Error
    try:
        import psycopg
    except ImportError:  # pragma: no cover - psycopg is a dependency
        return None
    return psycopg.Error if isinstance(exc, psycopg.Error) else None


def _counter(start: int) -> Callable[[], int]:
    return itertools.count(start).__next__


def _insert_sql(table: str, placeholder: str) -> str:
    cols = COLUMNS[table]
    values = ", ".join([placeholder] * len(cols))
    return f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({values})"


# --- SQLite -------------------------------------------------------------------------------


def _positions() -> dict[str, tuple[tuple[int, ...], tuple[int, ...]]]:
    """Per table, the positions of its datetime and its date values (sqlite3 stores
    neither as kkdesk reads them; the times are ints until a loader sends them)."""
    out = {}
    for table, cols in COLUMNS.items():
        columns = Base.metadata.tables[table].c
        stamps = tuple(i for i, n in enumerate(cols) if isinstance(columns[n].type, UtcDateTime))
        dates = tuple(i for i, n in enumerate(cols) if isinstance(columns[n].type, Date))
        out[table] = (stamps, dates)
    return out


_POSITIONS = _positions()

# A time's text as SQLAlchemy's SQLite DateTime stores it ("2026-11-20 12:00:00.000000",
# what the ORM writes and reads back), from microseconds since EPOCH, made by SQLite (a
# microsecond, where Python takes three to make a datetime and spell it out); NULL stays
# NULL.
_SQLITE_STAMP = (
    f"datetime(?{{n}} / 1000000 + {EPOCH_UNIX}, 'unixepoch') "
    "|| '.' || substr(?{n} % 1000000 + 1000000, 2)"
)
# Times that recur within a batch (a customer's creation time in each of its change rows
# and as its update time; a consent event's time in its suppression entries) are spelled
# out once each, in Python (:class:`_Texts`), and sent as text.
_RECURRING_STAMPS = {
    ("customer", "created_at"),
    ("customer", "updated_at"),
    ("personal_data_change", "changed_at"),
    ("suppression", "created_at"),
}


# Rows per INSERT statement: sqlite3 runs a prepared statement once per parameter set,
# and a statement of 50 rows' VALUES costs a sixth less per row than 50 statements.
_ROWS_PER_INSERT = 50


def _sqlite_insert_sql(table: str, rows: int = 1) -> str:
    """The prepared INSERT of ``rows`` rows of ``table``: numbered parameters in
    :data:`COLUMNS` order, row after row, its times (but the recurring ones, text
    already) turned into text by SQLite."""
    cols = COLUMNS[table]
    stamps = _POSITIONS[table][0]
    row_values = []
    for r in range(rows):
        n = r * len(cols)
        values = ", ".join(
            _SQLITE_STAMP.format(n=n + i + 1)
            if i in stamps and (table, cols[i]) not in _RECURRING_STAMPS
            else f"?{n + i + 1}"
            for i in range(len(cols))
        )
        row_values.append(f"({values})")
    return f"INSERT INTO {table} ({', '.join(cols)}) VALUES {', '.join(row_values)}"


class _Texts(dict[Any, str]):
    """Values' texts, each made once (days recur across customers, times within one)."""

    def __init__(self, make: Callable[[Any], str]) -> None:
        super().__init__()
        self._make = make

    def __missing__(self, value: Any) -> str:
        text_ = self[value] = self._make(value)
        return text_


_DAY_US = 86_400_000_000


@cache
def _times_of_day() -> list[str]:
    """Every second of a day as "HH:MM:SS." (made on a load's first use, not on import)."""
    return [f"{s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d}." for s in range(86400)]


def _sqlite_stamp(value: int) -> str:
    """A time (microseconds since EPOCH) as :data:`_SQLITE_STAMP` spells it."""
    day = EPOCH + timedelta(microseconds=value - value % _DAY_US)
    return (
        f"{day.date().isoformat()} {_times_of_day()[value // 1_000_000 % 86400]}"
        f"{value % 1_000_000:06d}"
    )


Convert = Callable[[list[Row], _Texts, _Texts], list[Row]]


@cache
def _sqlite_converter(table: str) -> Convert | None:
    """For a table with dates or recurring times, a function making its rows what
    sqlite3 stores: one list comprehension that unpacks each row and rebuilds it with
    those values as text, each made once (``days``, ``stamps``: :class:`_Texts`)."""
    stamps, dates = _POSITIONS[table]
    cols = COLUMNS[table]
    recurring = [i for i in stamps if (table, cols[i]) in _RECURRING_STAMPS]
    if not dates and not recurring:
        return None
    columns = Base.metadata.tables[table].c
    names = [f"v{i}" for i in range(len(cols))]
    out = []
    for i, name in enumerate(names):
        if i not in dates and i not in recurring:
            out.append(name)
            continue
        value = f"{'days' if i in dates else 'stamps'}[{name}]"
        nullable = columns[cols[i]].nullable
        out.append(f"({value} if {name} is not None else None)" if nullable else value)
    source = f"lambda rows, days, stamps: [({', '.join(out)},) for {', '.join(names)} in rows]"
    convert: Convert = eval(compile(source, f"<sqlite rows of {table}>", "eval"))
    return convert


def _bulk(customers: int, present: int) -> bool:
    """Whether a load is big enough to drop and rebuild indexes: it at least doubles the
    register (adding ten customers to a million is cheaper through the indexes)."""
    return customers >= max(present, 1000)


class _SqliteLoader(Loader):
    def __init__(self, conn: Connection, customers: int) -> None:
        self._conn = conn
        raw: sqlite3.Connection = conn.connection.driver_connection  # type: ignore[assignment]
        self._raw = raw
        self._saved_isolation = raw.isolation_level
        raw.isolation_level = None  # explicit BEGIN / COMMIT below
        self._open = False
        present = raw.execute("SELECT count(*) FROM customer").fetchone()[0]
        # A rollback journal: new pages at the end of the file are not journaled, where
        # WAL would write each of them twice. Not possible while another program has the
        # register open; the load is then only slower.
        self._journal = str(raw.execute("PRAGMA journal_mode").fetchone()[0])
        timeout = raw.execute("PRAGMA busy_timeout").fetchone()[0]
        raw.execute("PRAGMA busy_timeout=0")  # no waiting for a change that cannot happen
        with suppress(sqlite3.OperationalError):
            raw.execute("PRAGMA journal_mode=TRUNCATE")
        raw.execute(f"PRAGMA busy_timeout={int(timeout)}")
        raw.execute("PRAGMA cache_size=-131072")  # 128 MB
        raw.execute("PRAGMA foreign_keys=OFF")
        if present == 0:
            raw.execute("PRAGMA synchronous=OFF")
        raw.execute("BEGIN IMMEDIATE")
        self._open = True
        self.next_id = {
            t: _counter(raw.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {t}").fetchone()[0])
            for t in NUMBERED
        }
        self._sql = {t: _sqlite_insert_sql(t) for t in COLUMNS}
        self._sql_many = {t: _sqlite_insert_sql(t, _ROWS_PER_INSERT) for t in COLUMNS}
        self._days = _Texts(date.isoformat)
        self._stamps = _Texts(_sqlite_stamp)
        self._indexes: list[tuple[str, str]] = []
        self._bulk = _bulk(customers, present)
        if self._bulk:
            names = ", ".join(f"'{t}'" for t in COLUMNS)
            self._indexes = raw.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                f"AND tbl_name IN ({names}) ORDER BY name"
            ).fetchall()
            for name, _sql in self._indexes:
                raw.execute(f'DROP INDEX "{name}"')

    def write(self, rows: Rows) -> None:
        cur = self._raw.cursor()
        for table, batch in rows.tables():
            if batch:
                convert = _sqlite_converter(table)
                if convert is not None:
                    batch = convert(batch, self._days, self._stamps)
                k = _ROWS_PER_INSERT
                whole = len(batch) - len(batch) % k
                flat = itertools.chain.from_iterable
                groups = (tuple(flat(batch[i : i + k])) for i in range(0, whole, k))
                cur.executemany(self._sql_many[table], groups)
                cur.executemany(self._sql[table], batch[whole:])
        cur.close()
        self._stamps.clear()  # a batch's times do not recur in the next one

    def finish(self, stage: Callable[[str], None]) -> None:
        if self._indexes:
            stage("indexes")
            for _name, sql in self._indexes:
                self._raw.execute(sql)
        stage("commit")
        self._raw.execute("COMMIT")
        self._open = False
        if self._bulk:
            # A register mostly made by this load: the planner's statistics from it (a few
            # customers added to a register leave its statistics as they were).
            stage("analyze")
            self._raw.execute("ANALYZE")

    def abort(self) -> None:
        raw = self._raw
        try:
            if self._open:
                self._open = False
                raw.execute("ROLLBACK")
            raw.execute(f"PRAGMA journal_mode={self._journal}")
        finally:
            raw.isolation_level = self._saved_isolation
            # The connection's pragmas were changed for the load: never back to the pool.
            self._conn.invalidate()


# --- PostgreSQL ---------------------------------------------------------------------------


def _may_copy(conn: Connection) -> bool:
    """Whether the session may load by COPY: it owns every demo table (or is a superuser),
    so it may switch their triggers off in its own transaction. (As the owner it may also
    keep historical who/when values: migration 0004's ``kkdesk_importing``.)"""
    names = list(COLUMNS)
    owns = conn.execute(
        text(
            "SELECT bool_and(pg_has_role(current_user, c.relowner, 'USAGE')) "
            "FROM pg_class c WHERE c.oid = ANY (CAST(:names AS regclass[]))"
        ),
        {"names": names},
    ).scalar()
    conn.rollback()
    return bool(owns)


def _column_types(conn: Connection, table: str) -> list[str]:
    """The types ``table``'s demo columns are sent in, in :data:`COLUMNS` order: the
    server's own (a binary COPY must send each value in exactly its column's type), except
    that times go as the ``int8`` they are. A timestamptz is sent in binary as exactly that,
    microseconds since 2000-01-01 UTC (:data:`EPOCH`), so the server reads the ints as
    the times they stand for, with no datetime object made and taken apart per value."""
    types: dict[str, str] = dict(
        conn.execute(
            text(
                "SELECT attname, format_type(atttypid, NULL) FROM pg_attribute "
                "WHERE attrelid = CAST(:t AS regclass) AND attnum > 0 AND NOT attisdropped"
            ),
            {"t": table},
        ).all()
    )
    out = [str(types[c]) for c in COLUMNS[table]]
    for i in _POSITIONS[table][0]:
        if out[i] != "timestamp with time zone":  # pragma: no cover - the schema's own
            raise AssertionError(f"{table}.{COLUMNS[table][i]} is {out[i]}, not a timestamptz")
        out[i] = "int8"
    return out


def _sequence_name(conn: Connection, table: str) -> str:
    return str(
        conn.execute(text("SELECT pg_get_serial_sequence(:t, 'id')"), {"t": table}).scalar_one()
    )


class _PgCopyLoader(Loader):
    def __init__(self, conn: Connection, customers: int) -> None:
        self._conn = conn
        self._raw: Any = conn.connection.driver_connection
        self._open = True
        run = conn.exec_driver_sql
        # A batch job: the desk's statement timeout is for a clerk's queries.
        run("SET LOCAL statement_timeout = 0")
        run("SELECT set_config('kkdesk.import', 'on', true)")
        tables = ", ".join(COLUMNS)
        # Everyone else waits until the commit: nobody sees the triggers off, and nobody
        # takes an id from a sequence the load is numbering by itself.
        run(f"LOCK TABLE {tables} IN ACCESS EXCLUSIVE MODE")
        present = int(run("SELECT count(*) FROM customer").scalar_one())
        self._sequences = {t: _sequence_name(conn, t) for t in NUMBERED}
        starts = {}
        for t, seq in self._sequences.items():
            last, called = run(f"SELECT last_value, is_called FROM {seq}").one()
            used = int(run(f"SELECT coalesce(max(id), 0) FROM {t}").scalar_one())
            starts[t] = max(int(last) + 1 if called else int(last), used + 1)
        self._starts = starts
        self.next_id = {t: _counter(v) for t, v in starts.items()}
        for t in COLUMNS:
            run(f"ALTER TABLE {t} DISABLE TRIGGER USER")
        self._constraints: list[tuple[str, str, str]] = []
        self._indexes: list[str] = []
        if _bulk(customers, present):
            self._drop_for_bulk()
        # Binary: neither side spells values out as text and parses them back.
        self._copy_sql = {
            t: f"COPY {t} ({', '.join(cols)}) FROM STDIN (FORMAT BINARY)"
            for t, cols in COLUMNS.items()
        }
        self._types = {t: _column_types(conn, t) for t in COLUMNS}
        # Formats rows only: never runs a statement.
        self._formats = cast("psycopg.Connection[Any]", self._raw).cursor()
        self._sender = _CopySender(self._raw)

    def _drop_for_bulk(self) -> None:
        run = self._conn.exec_driver_sql
        names = "ARRAY[" + ", ".join(f"'{t}'::regclass" for t in COLUMNS) + "]"
        # Foreign keys from and to the demo tables (checked row by row during COPY, and in
        # one join each when added again), then their non-constraint indexes.
        self._constraints = [
            (str(rel), str(name), str(ddl))
            for rel, name, ddl in run(
                "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) "
                "FROM pg_constraint WHERE contype = 'f' "
                f"AND (conrelid = ANY ({names}) OR confrelid = ANY ({names})) ORDER BY oid"
            )
        ]
        for rel, name, _ddl in self._constraints:
            run(f'ALTER TABLE {rel} DROP CONSTRAINT "{name}"')
        indexes = run(
            "SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) "
            "FROM pg_index i WHERE i.indrelid = ANY (" + names + ") "
            "AND NOT EXISTS (SELECT FROM pg_constraint c WHERE c.conindid = i.indexrelid) "
            "ORDER BY i.indexrelid"
        ).all()
        for name, ddl in indexes:
            run(f"DROP INDEX {name}")
            self._indexes.append(str(ddl))

    def write(self, rows: Rows) -> None:
        # Made into COPY's binary data here, sent by the sender thread: the server stores
        # one batch while the generator makes the next.
        payload = []
        for table, batch in rows.tables():
            if batch:
                data = _CopyData()
                with psycopg.Copy(self._formats, binary=True, writer=data) as copy:
                    copy.set_types(self._types[table])
                    write_row = copy.write_row
                    for row in batch:
                        write_row(row)
                payload.append((self._copy_sql[table], b"".join(data.parts)))
        self._sender.send(payload)

    def finish(self, stage: Callable[[str], None]) -> None:
        self._sender.close()  # every batch stored (or the sender's error raised)
        run = self._conn.exec_driver_sql
        if self._indexes or self._constraints:
            stage("indexes")
            # Room to sort an index's keys in memory (the default 64 MB wrote a million
            # customers' indexes out to temporary files and merged them back) and to join
            # a foreign key's tables once; for this transaction only.
            run("SET LOCAL maintenance_work_mem = '256MB'")
            run("SET LOCAL work_mem = '64MB'")
            for ddl in self._indexes:
                run(ddl)
            for rel, name, ddl in self._constraints:
                run(f'ALTER TABLE {rel} ADD CONSTRAINT "{name}" {ddl}')
        for t in COLUMNS:
            run(f"ALTER TABLE {t} ENABLE TRIGGER USER")
        for t, seq in self._sequences.items():
            # Past every id used, never back: a number once given is never given again.
            used = int(run(f"SELECT coalesce(max(id), 0) FROM {t}").scalar_one())
            last = max(used, self._starts[t] - 1)
            if last >= 1:
                run(f"SELECT setval('{seq}', {last}, true)")
        stage("commit")
        self._conn.commit()
        self._open = False
        stage("analyze")
        run("SET LOCAL statement_timeout = 0")  # a batch job's, not the desk's 15 s
        for t in COLUMNS:
            run(f"ANALYZE {t}")
        self._conn.commit()

    def abort(self) -> None:
        if self._open:
            self._open = False
            self._sender.stop()
            self._conn.rollback()


class _CopyData(psycopg.copy.Writer):
    """A COPY's data as psycopg formats it, kept (``parts``) instead of sent."""

    def __init__(self) -> None:
        self.parts: list[Any] = []

    def write(self, data: Any) -> None:
        self.parts.append(data)


class _CopySender:
    """Sends batches of COPY data on ``raw`` from a thread of its own, one batch behind
    the generator: the server parses and stores a batch (on a 2-core machine, on the
    other core) while the generator makes the next, where one after the other took their
    sum. The thread holds Python's lock only to hand the data to libpq, a megabyte at a
    time.

    At most two batches wait (bounded memory). The first error stops the sending; it is
    raised in the loading thread at its next :meth:`send` or at :meth:`close`."""

    def __init__(self, raw: Any) -> None:
        self._raw = raw
        self._queue: queue.Queue[list[tuple[str, bytes]] | None] = queue.Queue(maxsize=2)
        self._error: BaseException | None = None
        self._stopping = False
        self._thread = threading.Thread(target=self._run, name="kkdesk-demo-copy", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while (payload := self._queue.get()) is not None:
            if self._error is not None or self._stopping:
                continue  # drain: the load fails or is abandoned
            try:
                with self._raw.cursor() as cur:
                    for sql, data in payload:
                        with cur.copy(sql) as copy:
                            copy.write(data)
            except BaseException as exc:  # raised in the loading thread
                self._error = exc

    def _raise(self) -> None:
        if self._error is not None:
            error, self._error = self._error, None
            self._stopping = True
            raise error

    def send(self, payload: list[tuple[str, bytes]]) -> None:
        self._raise()
        self._queue.put(payload)

    def close(self) -> None:
        """Wait until every batch is stored; raise the sender's error, if any."""
        self._queue.put(None)
        self._thread.join()
        self._raise()

    def stop(self) -> None:
        """Abandon what is not sent yet and wait for the thread to end (the batch being
        sent ends first: the connection is then free for the rollback)."""
        if self._thread.is_alive():
            self._stopping = True
            with suppress(queue.Empty):
                while True:
                    self._queue.get_nowait()
            self._queue.put(None)
            self._thread.join()


def _with_datetimes(table: str, rows: list[Row]) -> list[Row]:
    """``rows`` with their times (microseconds since :data:`EPOCH`) as datetimes, as an
    INSERT's parameters take them."""
    stamps = _POSITIONS[table][0]
    if not stamps:
        return rows
    out = []
    for row in rows:
        values = list(row)
        for i in stamps:
            if values[i] is not None:
                values[i] = EPOCH + timedelta(microseconds=values[i])
        out.append(tuple(values))
    return out


class _PgInsertLoader(Loader):
    """The normal write path, under every trigger (see the module docstring)."""

    BLOCK = 1000

    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self._raw: Any = conn.connection.driver_connection
        self._sequences = {t: _sequence_name(conn, t) for t in NUMBERED}
        conn.commit()
        self.next_id = {t: self._ids(t) for t in NUMBERED}
        # A clerk's consent events make the server write their suppression entries; only
        # the owner or a superuser loading history writes them itself (migration 0011).
        conn.exec_driver_sql("SELECT set_config('kkdesk.import', 'on', true)")
        self.writes_suppressions = bool(conn.exec_driver_sql("SELECT kkdesk_importing()").scalar())
        conn.commit()
        self._sql = {t: _insert_sql(t, "%s") for t in COLUMNS}

    def _ids(self, table: str) -> Callable[[], int]:
        """Ids from ``table``'s own sequence, drawn a block at a time: the next customer or
        order a member of staff creates never collides with a demo row."""
        seq = self._sequences[table]

        def ids() -> Iterator[int]:
            while True:
                with self._raw.cursor() as cur:
                    cur.execute("SELECT nextval(%s) FROM generate_series(1, %s)", (seq, self.BLOCK))
                    block = [int(r[0]) for r in cur.fetchall()]
                yield from block

        return ids().__next__

    def write(self, rows: Rows) -> None:
        run = self._conn.exec_driver_sql
        run("SET LOCAL statement_timeout = 0")
        run("SELECT set_config('kkdesk.import', 'on', true)")
        with self._raw.cursor() as cur:
            for table, batch in rows.tables():
                if batch and (table != "suppression" or self.writes_suppressions):
                    cur.executemany(self._sql[table], _with_datetimes(table, batch))
        self._conn.commit()

    def abort(self) -> None:
        self._conn.rollback()
