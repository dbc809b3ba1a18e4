"""The image inside an offline snapshot: the chosen customers' rows in a SQLite database
built in memory, never on disk.

The schema is the register's own — taken from an embedded register at this kkdesk's head
revision, else made by running the migrations — without its indexes (listed in the image
and built when the snapshot is opened). Only the fields given are copied (the service
passes what the level may read, :func:`kkdesk.services.snapshot_fields.readable_fields`):
the tables left out stay empty, the columns left out hold neutral values that the
snapshot's authorizer never lets anyone read.

This is storage work (driver cursors, SQLite DDL), so it lives here; the service
:mod:`kkdesk.services.snapshots` says which customers and which fields.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Table, create_engine
from sqlalchemy.dialects.sqlite import dialect as sqlite_dialect
from sqlalchemy.orm import Session
from sqlalchemy.pool import StaticPool

from kkdesk.store import migrate
from kkdesk.store.database import in_parts
from kkdesk.store.models import Base

# Customers copied per round: big enough to amortise, small enough to keep memory flat.
_BATCH = 5000

Progress = Callable[[int, int], None]


def _table(name: str) -> Table:
    table = Base.metadata.tables[name]
    assert isinstance(table, Table)
    return table


def _filler(table: Table, columns: Iterable[str]) -> dict[str, Any]:
    """Neutral values for the NOT NULL columns a level may not read (never readable in the
    snapshot either: its authorizer refuses them, as the server's grants do)."""
    out: dict[str, Any] = {}
    for col in table.columns:
        if col.name in columns or col.nullable or col.primary_key:
            continue
        if col.default is not None and getattr(col.default, "is_scalar", False):
            out[col.name] = col.default.arg  # type: ignore[attr-defined]
            continue
        python = col.type.python_type
        if python is datetime:
            out[col.name] = datetime(1970, 1, 1)
        elif python is date:
            out[col.name] = date(1970, 1, 1)
        elif python is int:
            out[col.name] = 0
        elif python is bool:
            out[col.name] = False
        elif python is bytes:
            out[col.name] = b""
        else:
            out[col.name] = ""
    return out


_SQLITE = sqlite_dialect()
# The tables _fill copies one by one, each by its own link to the chosen customers.
_EXPLICIT = frozenset(
    {
        "customer", "contact_person", "personal_data_change", "consent_event",
        "customer_order", "order_line", "delivery", "order_return", "return_line",
        "order_correction", "disclosure_customer", "disclosure", "subject_request",
        "request_letter", "audit_event", "suppression", "register_setting", "letter_sending",
    }
)  # fmt: skip


def _to_sqlite(col: Any) -> Callable[[Any], Any] | None:
    """How a value of ``col`` read from PostgreSQL is stored on SQLite (as SQLAlchemy
    stores it, so that the services read it back the same); None: as it is."""
    process = col.type.dialect_impl(_SQLITE).bind_processor(_SQLITE)
    if process is None:
        return None
    if col.type.python_type is datetime:

        def utc(value: Any) -> Any:
            # PostgreSQL hands times in the session's time zone; SQLite keeps them as UTC.
            if isinstance(value, datetime) and value.tzinfo is not None:
                value = value.astimezone(UTC).replace(tzinfo=None)
            return process(value)

        return utc
    return process  # type: ignore[no-any-return]


class _Copier:
    """Copies chosen rows of the register into the snapshot's in-memory database.

    The rows go through the database drivers' own cursors, not SQLAlchemy's row and
    parameter processing (ten thousand customers are some 300,000 rows): from an embedded
    register the stored values are copied as they are; from PostgreSQL each value is
    converted once to how SQLAlchemy stores it on SQLite."""

    def __init__(
        self,
        session: Session,
        target: sqlite3.Connection,
        fields: dict[str, tuple[str, ...] | None],
        *,
        attached: bool = False,
    ) -> None:
        self.source: Any = session.connection().connection.driver_connection
        self.from_sqlite = isinstance(self.source, sqlite3.Connection)
        # An embedded register attached to the snapshot's connection as "src": SQLite
        # copies the rows itself, one INSERT … SELECT per table and batch.
        self.attached = attached
        self.mark = "?" if self.from_sqlite else "%s"
        self.target = target
        self.fields = fields
        self.rows = 0

    def copy(
        self,
        name: str,
        key: str,
        values: Sequence[Any],
        want: str = "",
        *,
        skip_existing: bool = False,
    ) -> list[Any]:
        """Copy the rows of ``name`` whose ``key`` is in ``values``; the values of their
        column ``want`` back (if given)."""
        if name not in self.fields or not values:
            return []
        table = _table(name)
        wanted = self.fields[name]
        cols = [c for c in table.columns if wanted is None or c.name in wanted]
        names = [c.name for c in cols]
        filler = _filler(table, names)
        converters = [None] * len(cols) if self.from_sqlite else [_to_sqlite(c) for c in cols]
        extra = list(filler)
        extra_values = tuple(
            (_to_sqlite(table.c[k]) or (lambda v: v))(v) for k, v in filler.items()
        )
        # A row that an earlier copy took already (by another link) is kept once.
        verb = "or ignore" if skip_existing else ""
        insert_sql = (
            f"insert {verb} into {name} ({', '.join(names + extra)}) "
            f"values ({', '.join('?' * (len(names) + len(extra)))})"
        )
        if self.attached:
            return self._copy_attached(name, key, values, names, extra, extra_values, want, verb)
        index = names.index(want) if want else -1
        out: list[Any] = []
        cursor = self.source.cursor()
        try:
            for part in in_parts(list(values)):
                cursor.execute(
                    f"select {', '.join(names)} from {name} "
                    f"where {key} in ({', '.join([self.mark] * len(part))})",
                    part,
                )
                rows = cursor.fetchall()
                if not self.from_sqlite:
                    rows = [
                        tuple(v if f is None else f(v) for f, v in zip(converters, r, strict=True))
                        for r in rows
                    ]
                if extra_values:
                    rows = [(*r, *extra_values) for r in rows]
                self.target.executemany(insert_sql, rows)
                self.rows += len(rows)
                if index >= 0:
                    out.extend(r[index] for r in rows)
        finally:
            cursor.close()
        return out

    def _copy_attached(
        self,
        name: str,
        key: str,
        values: Sequence[Any],
        names: list[str],
        extra: list[str],
        extra_values: tuple[Any, ...],
        want: str,
        verb: str,
    ) -> list[Any]:
        keys = json.dumps(list(values))
        chosen = f"{key} in (select value from json_each(?))"
        cursor = self.target.execute(
            f"insert {verb} into main.{name} ({', '.join(names + extra)}) "
            f"select {', '.join(names + ['?'] * len(extra))} from src.{name} where {chosen}",
            (*extra_values, keys),
        )
        self.rows += max(cursor.rowcount, 0)
        if not want:
            return []
        return [
            r[0]
            for r in self.target.execute(
                f"select {want} from main.{name} where {chosen}", (keys,)
            ).fetchall()
        ]

    def by_customer_only(self) -> list[str]:
        """Readable tables that hang on a customer and that _fill does not copy by name
        (the search tables, and any such table added later that is made readable)."""
        return [
            name
            for name, table in Base.metadata.tables.items()
            if name in self.fields and name not in _EXPLICIT and "customer_id" in table.c
        ]

    def copy_all(self, name: str) -> None:
        if name in self.fields:
            ids = [c.name for c in _table(name).primary_key.columns]
            cursor = self.source.cursor()
            try:
                cursor.execute(f"select {ids[0]} from {name}")
                keys = [r[0] for r in cursor.fetchall()]
            finally:
                cursor.close()
            self.copy(name, ids[0], keys)


def _fill(
    fields: dict[str, tuple[str, ...] | None],
    session: Session,
    target: sqlite3.Connection,
    ids: Sequence[int],
    progress: Progress | None,
    *,
    attached: bool = False,
) -> list[str]:
    """Copy the customers ``ids`` and what belongs to them; their numbers."""
    copier = _Copier(session, target, fields, attached=attached)
    all_numbers: list[str] = []
    keys: set[str] = set()
    disclosures: set[int] = set()
    total = len(ids)
    for start in range(0, total, _BATCH):
        part = ids[start : start + _BATCH]
        numbers = copier.copy("customer", "id", part, want="number")
        all_numbers += numbers
        copier.copy("contact_person", "customer_id", part)
        # Suppressions are keyed on e-mail and phone, not on a customer.
        for table in ("customer", "contact_person"):
            for column in ("email_key", "phone_home", "phone_work", "phone_mobile"):
                if column in _table(table).c:
                    keys.update(_values(copier, table, column, part))
        copier.copy("personal_data_change", "customer_id", part)
        copier.copy("consent_event", "customer_id", part)
        order_ids = copier.copy("customer_order", "customer_id", part, want="id")
        copier.copy("order_line", "order_id", order_ids)
        copier.copy("delivery", "order_id", order_ids)
        returns = copier.copy("order_return", "order_id", order_ids, want="id")
        copier.copy("return_line", "return_id", returns)
        copier.copy("order_correction", "order_id", order_ids)
        links = copier.copy("disclosure_customer", "customer_id", part, want="disclosure_id")
        new = sorted(set(links) - disclosures)
        disclosures.update(new)
        copier.copy("disclosure", "id", new)
        requests = copier.copy("subject_request", "customer_id", part, want="id")
        letters = copier.copy("request_letter", "request_id", requests, want="id")
        if "customer_id" in _table("request_letter").c:
            # Where letters are kept on the customer too (some answer no request).
            letters += copier.copy(
                "request_letter", "customer_id", part, want="id", skip_existing=True
            )
        copier.copy("letter_sending", "letter_id", list(dict.fromkeys(letters)))
        copier.copy("audit_event", "customer_number", numbers)
        for name in copier.by_customer_only():
            copier.copy(name, "customer_id", part)
        if progress is not None:
            progress(min(start + _BATCH, total), total)
    keys.discard("")
    copier.copy("suppression", "key_value", sorted(keys))
    copier.copy_all("register_setting")
    return all_numbers


def _values(copier: _Copier, table: str, column: str, ids: Sequence[int]) -> list[str]:
    """``column`` of the snapshot's rows of ``table`` for these customers (read back from
    the snapshot: only what was copied)."""
    key = "id" if table == "customer" else "customer_id"
    out: list[str] = []
    for part in in_parts(list(ids)):
        rows = copier.target.execute(
            f"select {column} from {table} where {key} in ({', '.join('?' * len(part))})",
            part,
        ).fetchall()
        out.extend(str(r[0]) for r in rows if r[0])
    return out


@dataclass(frozen=True)
class Image:
    """A snapshot's database image, before sealing."""

    data: bytes
    numbers: list[str]  # the customers in it
    # The register's indexes, built when the snapshot is opened rather than stored: the
    # file is smaller and quicker to make, and opening builds them in memory anyway.
    indexes: list[str]


def build_image(
    session: Session,
    source: str | None,
    fields: dict[str, tuple[str, ...] | None],
    ids: Sequence[int],
    progress: Progress | None = None,
) -> Image:
    """The snapshot's SQLite image: the schema at head without its indexes, then the
    chosen rows (only ``fields``: table name -> its readable columns, None for all).
    ``source`` is the embedded register's file, or None when reading from a server."""
    mem = sqlite3.connect(":memory:", check_same_thread=False)
    engine = create_engine("sqlite://", creator=lambda: mem, poolclass=StaticPool)
    try:
        attached = bool(source) and source != ":memory:" and Path(str(source)).is_file()
        if attached:
            mem.execute("attach database ? as src", (str(source),))
        if not (attached and _schema_from_source(mem)):
            migrate.upgrade_engine(engine)
        # Indexes built once over the copied rows cost less than kept up row by row.
        indexes = mem.execute(
            "select name, sql from main.sqlite_master where type = 'index' and sql is not null"
        ).fetchall()
        try:
            with mem:
                for name, _sql in indexes:
                    mem.execute(f'drop index main."{name}"')
                numbers = _fill(fields, session, mem, ids, progress, attached=attached)
        finally:
            if attached:
                mem.execute("detach database src")
        return Image(mem.serialize(), numbers, [str(sql) for _name, sql in indexes])
    finally:
        engine.dispose()
        mem.close()


def _schema_from_source(mem: sqlite3.Connection) -> bool:
    """The attached embedded register's own schema (its tables and indexes, as its
    migrations made them), if it is at this kkdesk's head revision; else False and the
    migrations are run instead."""
    row = mem.execute("select version_num from src.alembic_version").fetchone()
    if row is None or str(row[0]) != migrate.HEAD:
        return False
    rows = mem.execute(
        "select type, sql from src.sqlite_master where sql is not null "
        "and name not like 'sqlite_%' and type in ('table', 'index') "
        "order by case type when 'table' then 0 else 1 end, rowid"
    ).fetchall()
    with mem:
        for _type, sql in rows:
            mem.execute(str(sql))
        mem.execute("insert into main.alembic_version select * from src.alembic_version")
    return True
