"""A register that lives only in memory: the database of an offline snapshot.

The snapshot's SQLite image is decrypted into memory and never written anywhere. Each
pooled connection of the engine is a connection to one shared in-memory database (SQLite's
``memdb`` VFS with a name starting with "/" is shared by the connections of this process),
filled once from the image with the online backup API (``deserialize`` alone would give a
private database of one connection, and the desk's worker threads each need their own).

``PRAGMA query_only`` on every connection makes SQLite itself refuse any write, whatever a
service tries: the offline desk is read-only below the services too. The one write a
read makes — its audit row — is taken off before it reaches SQLite and handed to
``audit_sink`` (the snapshot's encrypted journal of offline reads): whichever service
writes audit rows, and however, its reads offline are recorded. An authorizer refuses
reading a table or column the snapshot's level may not read, as PostgreSQL's grants do on
the central database, so the services behave offline as they do there (a section the level
may not read is withheld, not shown empty).
"""

from __future__ import annotations

import re
import sqlite3
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import closing, contextmanager
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from kkdesk.errors import KnownError, PermissionDenied
from kkdesk.store.backup import connect_image
from kkdesk.store.database import Database
from kkdesk.store.models import Base

# The header is authenticated, so these come from the maker's kkdesk; checked all the same.
_CREATE_INDEX = re.compile(r"^CREATE (UNIQUE )?INDEX [^;]+$", re.IGNORECASE)


def _read_only(exc: PermissionDenied) -> KnownError:
    return PermissionDenied(
        "This is an offline snapshot: it is read-only.", code="offline_read_only"
    )


class ImageDatabase(Database):
    """A :class:`Database` over an in-memory copy of a register image; read-only."""

    def __init__(
        self,
        image: bytes | bytearray,
        *,
        actor: str,
        description: str,
        readable: Mapping[str, tuple[str, ...] | None] | None = None,
        known: Iterable[str] = (),
        indexes: Sequence[str] = (),
        audit_sink: Callable[[list[Mapping[str, Any]]], None] | None = None,
    ) -> None:
        # Everything a Database has (whatever later versions add), over "sqlite://"; its
        # engine, which has not connected yet, is then replaced by the shared memory one.
        super().__init__("sqlite://", local_user=actor)
        self.engine.dispose()
        self._uri = f"file:/kkdesk-{uuid.uuid4().hex}?vfs=memdb"
        self._anchor = sqlite3.connect(self._uri, uri=True, check_same_thread=False)
        with closing(connect_image(image, read_only=False)) as private:
            private.backup(self._anchor)
        with self._anchor:
            for sql in indexes:
                if not _CREATE_INDEX.match(sql):  # only ever an index of the register
                    raise KnownError("The snapshot's schema is damaged.", code="sealed_damaged")
                self._anchor.execute(sql)
        self._anchor.execute("PRAGMA query_only=ON")
        self.engine = create_engine(
            "sqlite://", creator=self._connect, poolclass=QueuePool, pool_size=4
        )
        event.listen(self.engine, "connect", _pragmas)
        if audit_sink is not None:
            _divert_audit_rows(self.engine, audit_sink)
        if readable is not None:
            check = _authorizer(readable, known)
            event.listen(self.engine, "connect", lambda conn, _r: conn.set_authorizer(check))
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._actor = actor
        self._description = description

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self._uri, uri=True, check_same_thread=False)

    def describe(self) -> str:
        return self._description

    @contextmanager
    def session(
        self, *, timeout_s: float | None = None, pipelined: bool = False
    ) -> Iterator[Session]:
        try:
            with super().session(timeout_s=timeout_s, pipelined=pipelined) as session:
                yield session
        except PermissionDenied as exc:
            raise _read_only(exc) from exc

    def dispose(self) -> None:
        self.engine.dispose()
        self._anchor.close()  # the last connection: the decrypted data is freed with it


def _pragmas(dbapi_connection: Any, _record: Any) -> None:
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA query_only=ON")
    cur.close()


def _authorizer(
    readable: Mapping[str, tuple[str, ...] | None], known: Iterable[str]
) -> Callable[[int, str | None, str | None, str | None, str | None], int]:
    """An SQLite authorizer that denies reading what ``readable`` leaves out of the
    ``known`` tables (a table it does not know about is not refused)."""
    register_tables = set(Base.metadata.tables) & set(known)
    columns = {t: set(c) if c is not None else None for t, c in readable.items()}

    def check(action: int, table: str | None, column: str | None, _db: Any, _src: Any) -> int:
        if action != sqlite3.SQLITE_READ or table not in register_tables:
            return sqlite3.SQLITE_OK
        if table not in columns:
            return sqlite3.SQLITE_DENY
        allowed = columns[table]
        if allowed is None or not column or column in allowed:
            return sqlite3.SQLITE_OK
        return sqlite3.SQLITE_DENY

    return check


_AUDIT_INSERT = re.compile(r"^\s*INSERT\s+INTO\s+\"?audit_event\"?\s*\(([^)]*)\)", re.IGNORECASE)


def _divert_audit_rows(engine: Engine, sink: Callable[[list[Mapping[str, Any]]], None]) -> None:
    """Hand the audit rows the services insert to ``sink`` (a statement's rows at once)
    instead of SQLite."""

    def rows(statement: str, parameters: Any, many: bool) -> bool:
        match = _AUDIT_INSERT.match(statement)
        if match is None:
            return False
        names = [n.strip().strip('"') for n in match.group(1).split(",")]
        sink(
            [
                dict(p) if isinstance(p, Mapping) else dict(zip(names, p, strict=True))
                for p in (parameters if many else [parameters])
            ]
        )
        return True  # executed: nothing reaches the read-only database

    @event.listens_for(engine, "do_execute")
    def _one(_cursor: Any, statement: str, parameters: Any, _context: Any) -> bool:
        return rows(statement, parameters, False)

    @event.listens_for(engine, "do_executemany")
    def _many(_cursor: Any, statement: str, parameters: Any, _context: Any) -> bool:
        return rows(statement, parameters, True)
