"""Offline snapshots: a chosen set of customers, encrypted, for review where the central
database cannot be reached (``kkdesk snapshot create``, ``kkdesk --snapshot FILE``).

Making one: the customers' rows — the record, contact persons, change history, consents
and prohibitions, orders, requests, disclosures, and what else the desk shows about them —
are copied into a SQLite database built in memory with the register's own schema (the
Alembic migrations), taking only what the user's level may read
(:func:`kkdesk.services.snapshot_fields.readable_fields`). The image is serialised and
sealed with AES-GCM (:mod:`kkdesk.store.sealed`) under a fresh random key kept in the
OS keyring of the user who made it, never beside the file: plaintext never reaches the
disk, not even as a temporary file. Making it is audited, one row per customer, in the
register's audit trail (who and when by the database; the detail names the snapshot and
its expiry).

Opening one: the header says which key and when it expires; an expired snapshot, a
missing or wrong key, a cut-off file and an altered byte are each refused with their own
code. The image is decrypted into memory and served read-only
(:class:`kkdesk.store.memory_db.ImageDatabase`) to a :class:`DeskSession` whose reads go to
an encrypted journal (:mod:`kkdesk.services.offline_reads`).
"""

from __future__ import annotations

import json
import logging
import sqlite3
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Table, create_engine, select
from sqlalchemy.dialects.sqlite import dialect as sqlite_dialect
from sqlalchemy.orm import Session
from sqlalchemy.pool import StaticPool

from kkdesk import __version__
from kkdesk.auth import keychain
from kkdesk.domain.enums import AuditAction, Purpose
from kkdesk.domain.levels import Capability, Level
from kkdesk.domain.offline import SnapshotInfo
from kkdesk.domain.subject_requests import RequestStatus
from kkdesk.errors import KnownError, NotFound
from kkdesk.services import audit, customers
from kkdesk.services.session import DeskSession
from kkdesk.services.snapshot_fields import KNOWN_TABLES, readable_fields
from kkdesk.store import migrate, sealed
from kkdesk.store.database import in_parts
from kkdesk.store.memory_db import ImageDatabase
from kkdesk.store.models import Base
from kkdesk.store.private import write_private

log = logging.getLogger(__name__)

KIND = "snapshot"
DEFAULT_DAYS = 14
MAX_DAYS = 90
MAX_CUSTOMERS = 100_000
# Rows copied per statement: big enough to amortise, small enough to keep memory flat.
_BATCH = 5000

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Selection:
    """Which customers go in: numbers, a search, or those with open requests."""

    numbers: tuple[str, ...] = ()
    query: str = ""
    open_requests: bool = False


@dataclass(frozen=True)
class SnapshotResult:
    path: Path
    key_id: str
    customers: int
    created: datetime
    expires: datetime


def _table(name: str) -> Table:
    table = Base.metadata.tables[name]
    assert isinstance(table, Table)
    return table


# -- choosing the customers ----------------------------------------------------------------


def customer_ids(ds: DeskSession, selection: Selection) -> list[int]:
    """The ids of the live customers ``selection`` names; unknown numbers are refused."""
    ds.require(Capability.READ_CUSTOMERS)
    c = _table("customer").c
    if selection.numbers:
        numbers = list(dict.fromkeys(n.strip() for n in selection.numbers if n.strip()))
        found: dict[str, int] = {}
        with ds.db.read() as session:
            for part in in_parts(numbers):
                rows = session.execute(
                    select(c.number, c.id).where(c.number.in_(part), c.erased_at.is_(None))
                )
                found.update({str(n): int(i) for n, i in rows})
        missing = [n for n in numbers if n not in found]
        if missing:
            raise NotFound(
                f"No customer with the number {', '.join(missing[:10])}"
                + (f" (and {len(missing) - 10} more)" if len(missing) > 10 else "")
                + "; nothing was made.",
                code="snapshot_unknown_customers",
                numbers=missing,
            )
        return [found[n] for n in numbers]
    if selection.query.strip():
        ids: list[int] = []
        cursor = None
        while len(ids) <= MAX_CUSTOMERS:
            page = customers.search(ds, selection.query, after=cursor, limit=1000)
            ids.extend(s.id for s in page.rows)
            cursor = page.next
            if cursor is None:
                break
        return _capped(list(dict.fromkeys(ids)))
    if selection.open_requests:
        ds.require(Capability.SUBJECT_REPORTS)
        r = _table("subject_request").c
        with ds.db.read() as session:
            found_ids = session.scalars(
                select(r.customer_id)
                .join(_table("customer"), c.id == r.customer_id)
                .where(r.status == RequestStatus.OPEN.value, c.erased_at.is_(None))
                .order_by(r.deadline, r.id)
            ).all()
            return _capped(list(dict.fromkeys(int(i) for i in found_ids)))
    raise KnownError(
        "Say which customers go into the snapshot: --customers, --query or --requests open.",
        code="snapshot_no_selection",
    )


def _capped(ids: list[int]) -> list[int]:
    if len(ids) > MAX_CUSTOMERS:
        raise KnownError(
            f"That selects over {MAX_CUSTOMERS:,} customers; narrow it down.",
            code="snapshot_too_many",
            limit=MAX_CUSTOMERS,
        )
    return ids


# -- building the image --------------------------------------------------------------------


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
        "disclosure_customer", "disclosure", "subject_request", "request_letter",
        "audit_event", "suppression", "register_setting",
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
        fields: dict[str, Any],
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

    def copy(self, name: str, key: str, values: Sequence[Any], want: str = "") -> list[Any]:
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
        insert_sql = (
            f"insert into {name} ({', '.join(names + extra)}) "
            f"values ({', '.join('?' * (len(names) + len(extra)))})"
        )
        if self.attached:
            return self._copy_attached(name, key, values, names, extra, extra_values, want)
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
    ) -> list[Any]:
        keys = json.dumps(list(values))
        chosen = f"{key} in (select value from json_each(?))"
        cursor = self.target.execute(
            f"insert into main.{name} ({', '.join(names + extra)}) "
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
        """Readable tables that hang on a customer only and are not copied one by one above
        (the search tables)."""
        explicit = {"contact_person", "personal_data_change", "consent_event",
                    "customer_order", "disclosure_customer", "subject_request"}  # fmt: skip
        return [
            name
            for name, table in Base.metadata.tables.items()
            if name in self.fields
            and name not in explicit
            and "customer_id" in table.c
            and name != "request_letter"
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
    ds: DeskSession,
    session: Session,
    target: sqlite3.Connection,
    ids: Sequence[int],
    progress: Progress | None,
    *,
    attached: bool = False,
) -> list[str]:
    """Copy the customers ``ids`` and what belongs to them; their numbers."""
    copier = _Copier(session, target, readable_fields(ds.level), attached=attached)
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
        links = copier.copy("disclosure_customer", "customer_id", part, want="disclosure_id")
        new = sorted(set(links) - disclosures)
        disclosures.update(new)
        copier.copy("disclosure", "id", new)
        requests = copier.copy("subject_request", "customer_id", part, want="id")
        copier.copy("request_letter", "request_id", requests)
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
    ds: DeskSession, session: Session, ids: Sequence[int], progress: Progress | None = None
) -> Image:
    """The snapshot's SQLite image: the schema at head without its indexes, then the
    chosen rows."""
    mem = sqlite3.connect(":memory:", check_same_thread=False)
    engine = create_engine("sqlite://", creator=lambda: mem, poolclass=StaticPool)
    try:
        source = ds.db.url.database if ds.db.is_sqlite else None
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
                numbers = _fill(ds, session, mem, ids, progress, attached=attached)
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
    if row is None or str(row[0]) != migrate.head_revision_of_scripts():
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


# -- making and opening --------------------------------------------------------------------


def create(
    ds: DeskSession,
    dest: Path,
    selection: Selection,
    *,
    days: int = DEFAULT_DAYS,
    purpose: Purpose | str = Purpose.CUSTOMER_SERVICE,
    progress: Progress | None = None,
) -> SnapshotResult:
    """Make an encrypted snapshot of the selected customers in ``dest`` (a new file)."""
    if ds.read_only:
        raise KnownError(
            "A snapshot is made from the register, not from another snapshot.",
            code="offline_read_only",
        )
    if not 1 <= days <= MAX_DAYS:
        raise KnownError(
            f"A snapshot expires after 1 to {MAX_DAYS} days.",
            code="snapshot_days",
            max=MAX_DAYS,
        )
    if dest.exists():
        raise KnownError(f"{dest} exists already; give another name.", code="file_exists")
    ids = customer_ids(ds, selection)
    if not ids:
        raise KnownError("No customer matches; nothing was made.", code="snapshot_empty")
    created = datetime.now(UTC).replace(microsecond=0)
    expires = created + timedelta(days=days)
    key_id = f"snapshot-{uuid.uuid4()}"
    key = sealed.new_key()
    # The key first: without a keyring nothing is built, and no file is ever made that
    # nobody could open. The audit rows commit only after the file is written; if the
    # commit fails, the file and the key go too: a snapshot exists only if it is audited.
    keychain.save_key(key_id, key)
    written = False
    try:
        with ds.db.session() as session:
            image = build_image(ds, session, ids, progress)
            detail = f"offline snapshot {key_id[9:17]}, expires {expires:%Y-%m-%d}"
            audit.record_many(session, ds, image.numbers, AuditAction.EXPORT, purpose, detail)
            meta = {
                "made_by": ds.user,
                "level": ds.level.value,
                "source": ds.describe(),
                "customers": len(ids),
                "kkdesk": __version__,
                "indexes": image.indexes,
            }
            data = sealed.seal(
                image.data, key, kind=KIND, key_id=key_id, created=created, expires=expires,
                meta=meta,
            )  # fmt: skip
            write_private(dest, data)
            written = True
            del image
    except BaseException:
        if written:
            dest.unlink(missing_ok=True)
        _forget(key_id)
        raise
    return SnapshotResult(dest, key_id, len(ids), created, expires)


def _forget(key_id: str) -> None:
    try:
        keychain.forget_key(key_id)
    except KnownError:
        log.warning("the key %s could not be removed from the keyring", key_id)


def read_info(path: Path) -> sealed.SealedHeader:
    """The snapshot's header (no key needed); refuses what is not a snapshot."""
    data = _read(path)
    header, _ = sealed.read_header(data)
    if header.kind != KIND:
        raise KnownError(
            "This file is not an offline snapshot (an encrypted backup is restored with "
            "'kkdesk restore').",
            code="snapshot_not_snapshot",
        )
    return header


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise KnownError(f"{path} does not exist.", code="snapshot_missing") from exc
    except OSError as exc:
        raise KnownError(
            f"{path} cannot be read: {exc.strerror}.", code="snapshot_unreadable"
        ) from exc


def open_snapshot(path: Path, *, now: datetime | None = None) -> DeskSession:
    """A read-only session over the snapshot in ``path``, its data only in memory."""
    from kkdesk.services import offline_reads

    data = _read(path)
    header, _ = sealed.read_header(data)
    if header.kind != KIND:
        raise KnownError(
            "This file is not an offline snapshot (an encrypted backup is restored with "
            "'kkdesk restore').",
            code="snapshot_not_snapshot",
        )
    if header.expired(now) or header.expires is None:
        if not offline_reads.journal_path(header.key_id).exists():
            # Nothing left to deliver from it: the key goes, and the file can never be
            # opened again, whatever the clock says later.
            _forget(header.key_id)
        raise KnownError(
            f"The snapshot expired on {header.expires:%Y-%m-%d}; it can no longer be opened. "
            "Make a new one while the register can be reached.",
            code="snapshot_expired",
            expires=header.expires,
        )
    key = keychain.load_key(header.key_id)
    if key is None:
        raise KnownError(
            "The key of this snapshot is not in your keyring: a snapshot opens only for the "
            "user who made it, on the computer where it was made.",
            code="snapshot_no_key",
        )
    image = sealed.unseal(data, key)
    del data
    meta = header.meta
    info = SnapshotInfo(
        path=str(path.absolute()),
        key_id=header.key_id,
        created=header.created,
        expires=header.expires,
        made_by=str(meta.get("made_by", "")),
        level=Level(str(meta.get("level", Level.VIEWER.value))),
        source=str(meta.get("source", "")),
        customers=int(meta.get("customers", 0)),
    )
    db = ImageDatabase(
        image,
        actor=info.made_by,
        description=f"{path.name} (offline snapshot)",
        readable=readable_fields(info.level),
        known=KNOWN_TABLES,
        indexes=[str(sql) for sql in meta.get("indexes", [])],
    )
    del image
    return DeskSession(db, info.level, offline=info, journal=offline_reads.Journal(info, key))
