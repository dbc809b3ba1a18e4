"""Opening a database: the embedded SQLite default or a central PostgreSQL server.

A :class:`Database` owns one engine and hands out one short session per unit of work (the
SQLAlchemy advice for desktop applications): callers never keep a session open across a
user's think time, so a long-open form holds no locks and no stale identity map.
"""

from __future__ import annotations

import getpass
import os
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import platformdirs
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session, sessionmaker

from kkdesk.errors import DatabaseUnavailable
from kkdesk.store.errors import translate

T = TypeVar("T")

ENV_VAR = "KKDESK_DB"
APP_NAME = "kkdesk"
APP_AUTHOR = "Konekesko"
# Values bound in one IN (...) list: well under every database's limit of parameters.
IN_PART = 500


def in_parts(values: Sequence[T]) -> Iterator[list[T]]:
    """``values`` a part at a time, for ``column IN (...)`` over many values."""
    for i in range(0, len(values), IN_PART):
        yield list(values[i : i + IN_PART])


def default_sqlite_path() -> Path:
    return platformdirs.user_data_path(APP_NAME, APP_AUTHOR) / "kkdesk.sqlite3"


def resolve_url(url: str | None, environ: Mapping[str, str] | None = None) -> URL:
    """``--db`` wins, then ``KKDESK_DB``, then the embedded file in the user's data folder.

    A bare file path is taken as a SQLite file; ``postgresql://`` URLs use psycopg 3.
    """
    env = os.environ if environ is None else environ
    raw = url or env.get(ENV_VAR) or ""
    if not raw:
        return make_url(f"sqlite:///{default_sqlite_path()}")
    if "://" not in raw:
        return make_url(f"sqlite:///{Path(raw).expanduser().absolute()}")
    try:
        parsed = make_url(raw)
    except (ArgumentError, ValueError) as exc:  # e.g. a port that is no number
        raise DatabaseUnavailable(
            "That is not a database URL; give a SQLite file or "
            "postgresql://USER@HOST[:PORT]/DATABASE.",
            code="bad_url",
        ) from exc
    backend = parsed.get_backend_name()
    if backend in ("postgresql", "postgres"):
        # psycopg 3 is the one PostgreSQL driver kkdesk ships with.
        return parsed.set(drivername="postgresql+psycopg")
    if backend != "sqlite":
        raise DatabaseUnavailable(
            f"kkdesk works with a SQLite file or a PostgreSQL database, not {backend}; give "
            "a file path or postgresql://USER@HOST[:PORT]/DATABASE.",
            code="bad_url",
        )
    return parsed


def describe(url: URL) -> str:
    """A safe, human description of a database: never includes a password."""
    if url.get_backend_name() == "sqlite":
        return str(url.database)
    return f"{url.username or ''}@{url.host or 'localhost'}:{url.port or 5432}/{url.database}"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.close()


class Database:
    """An engine, a session factory and who the current user is on it."""

    def __init__(
        self,
        url: URL | str,
        *,
        password: str | None = None,
        local_user: str | None = None,
        connect_args: Mapping[str, Any] | None = None,
    ) -> None:
        self.url = make_url(url) if isinstance(url, str) else url
        self.is_sqlite = self.url.get_backend_name() == "sqlite"
        args: dict[str, Any] = dict(connect_args or {})
        if self.is_sqlite:
            path = self.url.database
            if path and path != ":memory:":
                try:
                    Path(path).parent.mkdir(parents=True, exist_ok=True)
                except OSError as exc:
                    raise DatabaseUnavailable(
                        f"The database file {path} cannot be created there: {exc.strerror}.",
                        code="db_unavailable",
                    ) from exc
            args.setdefault("check_same_thread", False)
            self.engine: Engine = create_engine(self.url, connect_args=args)
            event.listen(self.engine, "connect", _sqlite_pragmas)
        else:
            if password is not None:
                args["password"] = password
            args.setdefault("connect_timeout", 10)
            args.setdefault("application_name", "kkdesk")
            self.engine = create_engine(
                self.url, connect_args=args, pool_pre_ping=True, pool_size=4
            )
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._local_user = local_user or getpass.getuser()
        self._actor: str | None = None

    @property
    def actor(self) -> str:
        """The name written as "who" in histories: the database user on PostgreSQL (the
        same name the server's own triggers record), the OS user on SQLite."""
        if self._actor is None:
            if self.is_sqlite:
                self._actor = self._local_user
            else:
                with translate(), self.engine.connect() as conn:
                    self._actor = str(conn.execute(text("select session_user")).scalar_one())
        return self._actor

    def describe(self) -> str:
        return describe(self.url)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: commits on success, rolls back on any failure."""
        with translate(), self._sessions() as session, session.begin():
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only unit of work (rolled back at the end, whatever happened)."""
        with translate(), self._sessions() as session:
            try:
                yield session
            finally:
                session.rollback()

    @contextmanager
    def read_connection(self) -> Iterator[Connection]:
        """A read-only Core connection, rolled back at the end: for hot paths such as
        search as you type, where setting up an ORM session costs more than the query."""
        with translate(), self.engine.connect() as conn:
            try:
                yield conn
            finally:
                conn.rollback()

    @contextmanager
    def write_connection(self) -> Iterator[Connection]:
        """A Core connection in one transaction that commits on success: for hot paths that
        read and record the read (a search page and its audit rows)."""
        with translate(), self.engine.begin() as conn:
            yield conn

    def dispose(self) -> None:
        self.engine.dispose()
