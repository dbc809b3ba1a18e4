"""Opening a database: the embedded SQLite default or a central PostgreSQL server.

A :class:`Database` owns one engine and hands out one short session per unit of work (the
SQLAlchemy advice for desktop applications): callers never keep a session open across a
user's think time, so a long-open form holds no locks and no stale identity map.
"""

from __future__ import annotations

import getpass
import ipaddress
import os
import re
import select
import weakref
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import platformdirs
import psycopg
from psycopg.pq import ConnStatus, DiagnosticField, ExecStatus, TransactionStatus
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session, sessionmaker

from kkdesk import files
from kkdesk.errors import ConnectionLost, DatabaseUnavailable, KnownError, PasswordInUrl
from kkdesk.store import prepared
from kkdesk.store.errors import is_disconnect, translate

# Registers the embedded register's refusal of a restricted customer's new order (an ORM
# event): every unit of work goes through a Database, so the rule is never missing.
from kkdesk.store import restrictions as _restrictions  # noqa: F401  isort: skip

T = TypeVar("T")

ENV_VAR = "KKDESK_DB"
APP_NAME = "kkdesk"
APP_AUTHOR = "Konekesko"
# The libpq TLS modes that never fall back to an unencrypted connection.
TLS_MODES = ("require", "verify-ca", "verify-full")
# kkdesk's own URL parameter that allows a connection without guaranteed TLS to a host that
# is not local (stripped before the URL reaches libpq, which does not know it).
INSECURE_OPT_IN = "kkdesk_allow_insecure"
# Values bound in one IN (...) list: well under every database's limit of parameters.
IN_PART = 500
# How long one statement of desk work may run on a central database before the server
# cancels it (a per-session statement_timeout, sent with the connection's start-up
# packet: no extra round trip). One slow query never hangs the desk; exports and backups
# that need longer ask for it per unit of work (``timeout_s``).
DESK_STATEMENT_TIMEOUT_S = 15
# Exports and backups read or write a whole register in one statement: minutes, not hours.
LONG_STATEMENT_TIMEOUT_S = 600


def is_central(session: Session) -> bool:
    """Whether ``session`` works on the central PostgreSQL register (where a read may be
    one aggregating statement instead of a query per table)."""
    return session.get_bind().dialect.name == "postgresql"


def in_parts(values: Sequence[T]) -> Iterator[list[T]]:
    """``values`` a part at a time, for ``column IN (...)`` over many values."""
    for i in range(0, len(values), IN_PART):
        yield list(values[i : i + IN_PART])


def default_sqlite_path() -> Path:
    return platformdirs.user_data_path(APP_NAME, APP_AUTHOR) / "kkdesk.sqlite3"


def resolve_url(url: str | None, environ: Mapping[str, str] | None = None) -> URL:
    """``--db`` wins, then ``KKDESK_DB``, then the embedded file in the user's data folder.

    A bare file path is taken as a SQLite file; ``postgresql://`` URLs use psycopg 3. A
    URL that carries a password is refused (code ``password_in_url``): a command line shows
    in every user's ``ps`` and in shell history, and the environment in ``/proc``.
    """
    env = os.environ if environ is None else environ
    raw = url or env.get(ENV_VAR) or ""
    source = "--db" if url else f"${ENV_VAR}"
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
    if parsed.password is not None:
        raise PasswordInUrl(source)
    backend = parsed.get_backend_name()
    if backend in ("postgresql", "postgres"):
        # psycopg 3 is the one PostgreSQL driver kkdesk ships with. The transport is
        # checked here too, so that nobody is asked for a password before a refusal.
        check_transport(parsed, env)
        return parsed.set(drivername="postgresql+psycopg")
    if backend != "sqlite":
        raise DatabaseUnavailable(
            f"kkdesk works with a SQLite file or a PostgreSQL database, not {backend}; give "
            "a file path or postgresql://USER@HOST[:PORT]/DATABASE.",
            code="bad_url",
        )
    return parsed


def _opted_in(url: URL) -> bool:
    value = url.query.get(INSECURE_OPT_IN, "")
    values = (value,) if isinstance(value, str) else value
    return any(v.strip().lower() in ("1", "yes", "true", "on") for v in values)


def _hosts(url: URL, env: Mapping[str, str]) -> list[str]:
    """Every host libpq may connect to: the URL's, its ``?host=`` list (SQLAlchemy's
    multi-host form), else ``$PGHOST``; "" means libpq's default, a Unix socket."""
    query = url.query.get("host", ())
    listed = [query] if isinstance(query, str) else list(query)
    hosts = ([url.host] if url.host else []) + [h.rsplit(":", 1)[0] if not h.startswith(
        ("/", "[")) and h.count(":") == 1 else h for h in listed]  # fmt: skip
    if not hosts:
        hosts = [h for h in env.get("PGHOST", "").split(",") if h]
    return hosts or [""]


def is_local_host(host: str) -> bool:
    """A Unix socket, localhost or a loopback address: traffic that never leaves the
    machine, where TLS protects nothing."""
    host = host.strip().strip("[]")
    if host in ("", "localhost") or host.startswith(("/", "@")):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def tls_mode(url: URL, environ: Mapping[str, str] | None = None) -> str:
    """The libpq ``sslmode`` the connection will use (the URL's, ``$PGSSLMODE``, else
    libpq's default ``prefer``)."""
    env = os.environ if environ is None else environ
    mode = url.query.get("sslmode") or env.get("PGSSLMODE") or "prefer"
    return str(mode if isinstance(mode, str) else mode[-1])


def check_transport(url: URL, environ: Mapping[str, str] | None = None) -> URL:
    """Refuse a PostgreSQL connection that may go unencrypted over a network.

    Only ``require``, ``verify-ca`` and ``verify-full`` guarantee TLS: ``prefer`` and
    ``allow`` quietly fall back to plain text when the server (or someone in between) does
    not offer it, and ``disable`` never encrypts. Such a mode is accepted for a local host
    (a Unix socket, localhost, 127.0.0.0/8, ::1) or with the explicit opt-in
    ``kkdesk_allow_insecure=yes`` in the URL (a profile's ``allow_insecure``). Returns the
    URL without the opt-in, which is kkdesk's and not libpq's.
    """
    env = os.environ if environ is None else environ
    mode = tls_mode(url, env)
    remote = [h for h in _hosts(url, env) if not is_local_host(h)]
    if remote and mode not in TLS_MODES and not _opted_in(url):
        raise KnownError(
            f"The connection to {remote[0]} is not sure to be encrypted (sslmode={mode}): "
            "passwords and customer data could be read or changed on the network. Use "
            "sslmode=verify-full with sslrootcert=CA-FILE (or at least sslmode=require); "
            "to connect without TLS on a network you trust, add "
            f"{INSECURE_OPT_IN}=yes to the URL.",
            code="insecure_connection",
            host=remote[0],
            sslmode=mode,
        )
    return url.difference_update_query([INSECURE_OPT_IN])


def describe(url: URL) -> str:
    """A safe, human description of a database: never includes a password."""
    if url.get_backend_name() == "sqlite":
        return str(url.database)
    return f"{url.username or ''}@{url.host or 'localhost'}:{url.port or 5432}/{url.database}"


def _private_register(path: Path) -> None:
    """The embedded register readable by its user alone: its folder 0700 when kkdesk makes
    it (and kkdesk's own data folder made 0700 if it was wider), the file and its journal
    files 0600 — also a register an older kkdesk left world-readable."""
    files.private_folder(path.parent)
    if path.parent == default_sqlite_path().parent:
        files.restrict_folder(path.parent)
    files.prepare_sqlite_file(path)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.close()


def _send_begin(conn: Connection, sql: str) -> bool:
    """Send ``sql`` (a BEGIN) on the connection's libpq connection; False if the
    connection is dead. psycopg sees the open transaction and sends no BEGIN of its own."""
    raw = conn.connection.driver_connection
    pgconn = raw.pgconn  # type: ignore[union-attr]
    try:
        result = pgconn.exec_(sql.encode())
    except Exception as exc:  # psycopg.OperationalError: libpq gave no result at all
        if is_disconnect(exc) or pgconn.status != ConnStatus.OK:
            return False
        raise
    if result.status == ExecStatus.COMMAND_OK:
        return True
    state = result.error_field(DiagnosticField.SQLSTATE) or b""
    if pgconn.status != ConnStatus.OK or state[:2] in (b"08", b"57"):
        return False
    message = (result.error_message or b"").decode(errors="replace")
    raise DatabaseUnavailable("The database refused to start a transaction.", detail=message)


def _nothing() -> None:
    pass


# A statement that returns no rows: its answer can wait in a pipeline (see _PipelineCursor).
_NO_ROWS = re.compile(r"^\s*(insert|update|delete|begin|commit|rollback|set)\b", re.IGNORECASE)


# Of those, the ones whose rowcount nobody uses (only an UPDATE's or DELETE's is read).
_COUNT_UNUSED = re.compile(r"^\s*(insert|begin|commit|rollback|set)\b", re.IGNORECASE)


def _text(query: object) -> str:
    return query.decode() if isinstance(query, bytes) else str(query)


def _returns_rows(query: object) -> bool:
    text = _text(query)
    return not _NO_ROWS.match(text) or bool(re.search(r"\breturning\b", text, re.IGNORECASE))


class _PipelineCursor(psycopg.Cursor[Any]):
    """psycopg's cursor, made safe for SQLAlchemy in pipeline mode (Database._pipelined).

    In pipeline mode psycopg sends a statement and reads its answer only when a row is
    fetched; SQLAlchemy reads ``description`` right after executing to decide whether there
    are rows, and would see none. This cursor waits for the answer there — for a statement
    that may return rows — and for ``rowcount`` (the ORM's version check). A statement that
    returns no rows (an INSERT without RETURNING, say) is not waited for: it goes to the
    server with the next statement that is, or with the COMMIT. Outside pipeline mode this
    is psycopg's cursor unchanged."""

    _rows_expected = True
    _count_expected = True
    _promised = 1

    def _note(self, query: Any) -> None:
        self._rows_expected = _returns_rows(query)
        # SQLAlchemy reads the rowcount of every statement without rows; only an UPDATE's
        # or DELETE's is ever used (the ORM's version and row checks). An INSERT's is
        # left unknown (-1, as DB-API allows) rather than waited for.
        self._count_expected = self._rows_expected or not _COUNT_UNUSED.match(_text(query))

    def execute(self, query: Any, params: Any = None, **kwargs: Any) -> Any:
        self._note(query)
        self._promised = 1
        return super().execute(query, params, **kwargs)

    def executemany(self, query: Any, params_seq: Any, **kwargs: Any) -> None:
        self._note(query)
        params_seq = list(params_seq)
        self._promised = len(params_seq)
        super().executemany(query, params_seq, **kwargs)

    @property
    def description(self) -> Any:
        if self._rows_expected:
            self._fetch_pipeline()
        return super().description

    @property
    def rowcount(self) -> int:
        pending = self._conn._pipeline is not None and not self.pgresult
        if pending and not self._rows_expected and self._conn in _WRITE_BEHIND:
            # An UPDATE or DELETE after the unit locked and checked its rows (see
            # Database.write_behind): each parameter set's row is there to change.
            return self._promised if self._count_expected else -1
        if self._count_expected:
            self._fetch_pipeline()
        elif pending:
            return -1
        return super().rowcount


# psycopg connections of pipelined units that locked and checked the rows they change
# (Database.write_behind): their UPDATEs and DELETEs are not waited for.
_WRITE_BEHIND: weakref.WeakSet[Any] = weakref.WeakSet()


def _use_pipeline_cursor(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.cursor_factory = _PipelineCursor


_FIRST_CONNECT = (
    b"select pg_catalog.version(), current_schema(), "
    b"current_setting('transaction_isolation'), current_setting('standard_conforming_strings')"
)


def _first_connect_in_one_round_trip(engine: Engine) -> None:
    """SQLAlchemy learns four things of the server on an engine's first connection (its
    version, the default schema, isolation level and string escaping), one statement
    each inside a transaction: six round trips of sign-in. Here one statement asks all
    four, sent through libpq so that psycopg opens no transaction for it; the dialect's
    own queries are the fallback if it fails."""
    dialect: Any = engine.dialect
    found: dict[str, str] = {}
    cls = type(dialect)

    def ask(connection: Any) -> dict[str, str]:
        if not found:
            pgconn = connection.connection.driver_connection.pgconn
            res = pgconn.exec_(_FIRST_CONNECT)
            if res.status == ExecStatus.TUPLES_OK and res.ntuples == 1:
                values = [(res.get_value(0, i) or b"").decode() for i in range(4)]
                found.update(
                    zip(("version", "schema", "isolation", "strings"), values, strict=True)
                )
        return found

    def server_version(connection: Any) -> Any:
        version = ask(connection).get("version")
        if not version:
            return cls._get_server_version_info(dialect, connection)
        m = re.match(r".*PostgreSQL (\d+)\.?(\d+)?(?:\.(\d+))?", version)
        if m is None:
            return cls._get_server_version_info(dialect, connection)
        return tuple(int(x) for x in m.group(1, 2, 3) if x is not None)

    def default_schema(connection: Any) -> Any:
        return found.get("schema") or cls._get_default_schema_name(dialect, connection)

    def isolation(dbapi_connection: Any) -> Any:
        if found.get("isolation"):
            return found["isolation"].upper()
        return cls.get_default_isolation_level(dialect, dbapi_connection)

    def escapes(connection: Any) -> None:
        if found.get("strings"):
            dialect._backslash_escapes = found["strings"] == "off"
        else:
            cls._set_backslash_escapes(dialect, connection)

    dialect._get_server_version_info = server_version
    dialect._get_default_schema_name = default_schema
    dialect.get_default_isolation_level = isolation
    dialect._set_backslash_escapes = escapes


def _idle_and_alive(conn: Connection) -> bool:
    """Whether a pooled connection is still alive, without a round trip: an idle
    connection has nothing to read unless the server ended it (a restart, an
    administrator's terminate: its farewell message or the end of the stream are
    waiting). A network cut with no word from the far end is not seen here; the unit's
    first statement fails on it instead."""
    raw = conn.connection.driver_connection
    pgconn = raw.pgconn  # type: ignore[union-attr]
    if pgconn.status != ConnStatus.OK:
        return False
    try:
        readable, _, _ = select.select([pgconn.socket], [], [], 0)
    except (OSError, ValueError, psycopg.Error):
        return False
    return not readable


@contextmanager
def _lost_means_unsaved() -> Iterator[None]:
    """A write whose connection broke is refused as such: nothing was saved."""
    try:
        yield
    except Exception as exc:
        if is_disconnect(exc):
            raise ConnectionLost() from exc
        raise


def _file_identity(path: Path) -> tuple[int, int] | None:
    """(st_dev, st_ino) of a file, or None if it is not there."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return (st.st_dev, st.st_ino)


class Database:
    """An engine, a session factory and who the current user is on it."""

    def __init__(
        self,
        url: URL | str,
        *,
        password: str | None = None,
        local_user: str | None = None,
        connect_args: Mapping[str, Any] | None = None,
        statement_timeout_s: float = DESK_STATEMENT_TIMEOUT_S,
    ) -> None:
        self.url = make_url(url) if isinstance(url, str) else url
        self.is_sqlite = self.url.get_backend_name() == "sqlite"
        args: dict[str, Any] = dict(connect_args or {})
        # The embedded register's file as first opened: (st_dev, st_ino). See check_file.
        self._file: Path | None = None
        self._file_identity: tuple[int, int] | None = None
        if self.is_sqlite:
            path = self.url.database
            if path and path != ":memory:":
                self._file = Path(path)
                try:
                    _private_register(Path(path))
                except OSError as exc:
                    raise DatabaseUnavailable(
                        f"The database file {path} cannot be created there: {exc.strerror}.",
                        code="db_unavailable",
                    ) from exc
            args.setdefault("check_same_thread", False)
            self.engine: Engine = create_engine(
                self.url, connect_args=args, execution_options={prepared.DIRECT: True}
            )
            event.listen(self.engine, "connect", _sqlite_pragmas)
            if self._file is not None:
                event.listen(self.engine, "connect", self._remember_file)
        else:
            # self.url keeps the opt-in, so that a Database made from it is allowed too.
            plain = check_transport(self.url)
            if password is not None:
                args["password"] = password
            args.setdefault("connect_timeout", 10)
            args.setdefault("application_name", "kkdesk")
            if statement_timeout_s > 0:
                timeout = f"-c statement_timeout={int(statement_timeout_s * 1000)}"
                args["options"] = f"{args.get('options', '')} {timeout}".strip()
            # No pool_pre_ping: it costs a round trip (``select 1``) before every unit of
            # work. A dead pooled connection (a restarted server, a cut network) is found
            # by the unit's own BEGIN failing instead (see _alive), and replaced.
            # No hstore: kkdesk has no such column, and looking the type up cost three
            # round trips at sign-in (a savepoint, the query, its release).
            self.engine = create_engine(
                plain, connect_args=args, pool_size=4, use_native_hstore=False
            )
            _first_connect_in_one_round_trip(self.engine)
            event.listen(self.engine, "connect", _use_pipeline_cursor)
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

    def _remember_file(self, _dbapi_connection: Any, _record: Any) -> None:
        if self._file_identity is None and self._file is not None:
            self._file_identity = _file_identity(self._file)

    def check_file(self) -> None:
        """Refuse to write when the embedded register's file was deleted, moved or replaced
        since it was opened. SQLite keeps writing into an open file that was deleted (or
        into the old file after a copy was put in its place): the work would be lost
        without a word. Checked by the file's identity (device and inode)."""
        if self._file is None or self._file_identity is None:
            return  # PostgreSQL, an in-memory database, or nothing opened yet
        if _file_identity(self._file) != self._file_identity:
            raise DatabaseUnavailable(
                f"The register file {self._file} was deleted, moved or replaced while it was "
                "open; nothing was saved. Open the register again.",
                code="register_replaced",
                path=str(self._file),
            )

    def _alive(
        self,
        connect: Callable[[], Connection],
        drop: Callable[[], None],
        sql: str,
        write: bool,
        pipelined: bool = False,
    ) -> Connection:
        """Start the unit's transaction on PostgreSQL now, and make sure its connection is
        alive: a pooled connection may be dead (the server restarted, the network was cut)
        and without a pre-ping nothing has noticed yet.

        The BEGIN is the round trip psycopg would send before the first statement anyway;
        sent here, a dead connection fails before any of the unit's work was sent, so it
        is replaced and the BEGIN sent again on a fresh connection (once) without
        repeating anything of the unit.

        A ``pipelined`` unit sends its BEGIN with its first statement instead (see
        :meth:`_pipelined`); its connection is checked without a round trip
        (:func:`_idle_and_alive`) and replaced the same way if found dead."""
        for attempt in (1, 2):
            conn = connect()
            if self.is_sqlite:
                return conn
            if _idle_and_alive(conn) if pipelined else _send_begin(conn, sql):
                return conn
            # The connection is dead, and so, most likely, is every other one the pool
            # holds from before the break: start a fresh pool (connections checked out
            # elsewhere are left to their units, which fail or finish on their own).
            conn.invalidate()
            drop()
            self.engine.dispose()
            if attempt == 2:
                break
        if write:
            raise ConnectionLost()
        raise DatabaseUnavailable(
            "The connection to the database was lost and could not be made again.",
            code="connection_lost",
        )

    @staticmethod
    def _begin_sql(timeout_s: float | None) -> str:
        """BEGIN, with a longer statement timeout for this transaction alone (exports,
        backups) sent in the same round trip."""
        if timeout_s is None:
            return "BEGIN"
        return f"BEGIN; SET LOCAL statement_timeout = {int(timeout_s * 1000)}"

    @contextmanager
    def _pipelined(
        self, conn: Connection, timeout_s: float | None, finish: Callable[[], None] | None
    ) -> Iterator[None]:
        """Run the unit in psycopg's pipeline mode: statements go to the server without
        waiting for each other's answers, and the unit waits only where it reads a result
        (see _PipelineCursor). BEGIN (and a longer timeout) go with the first statement,
        and COMMIT (``finish`` given: called first, e.g. the ORM's last flush) or ROLLBACK
        with the last writes: a unit costs one round trip per result it reads, plus one.

        psycopg's autocommit is on for the unit so that psycopg sends no BEGIN of its own
        (in pipeline mode it waits for that BEGIN's answer: a round trip); the BEGIN sent
        here opens the one transaction the unit runs in all the same."""
        raw = conn.connection.driver_connection
        assert raw is not None
        raw.autocommit = True
        _WRITE_BEHIND.discard(raw)
        try:
            done = False
            try:
                with raw.pipeline():
                    cur = raw.cursor()
                    cur.execute(b"BEGIN")
                    if timeout_s is not None:
                        cur.execute(f"SET LOCAL statement_timeout = {int(timeout_s * 1000)}")
                    ok = False
                    try:
                        yield
                        if finish is not None:
                            finish()
                        ok = True
                    finally:
                        # Exiting the pipeline sends this with whatever is still queued,
                        # and one Sync: one round trip. After a failure the pipeline is
                        # aborted and this is skipped; the rollback below ends it.
                        cur.execute(b"COMMIT" if ok and finish is not None else b"ROLLBACK")
                done = ok
            finally:
                if not done and not raw.closed:
                    pgconn = raw.pgconn
                    if pgconn.transaction_status in (
                        TransactionStatus.INTRANS,
                        TransactionStatus.INERROR,
                    ):
                        raw.rollback()
        finally:
            _WRITE_BEHIND.discard(raw)
            if not raw.closed:
                raw.autocommit = False

    def write_behind(self, session: Session) -> None:
        """From here on, the pipelined unit's UPDATEs and DELETEs go to the server with its
        next read or its COMMIT, like its INSERTs, instead of one round trip each: their
        rowcount, which SQLAlchemy reads at once (the ORM's version check), is given as the
        number of rows they were sent for. Call it only once the unit holds the lock on
        every row it will change and has checked their versions itself (``SELECT ... FOR
        UPDATE`` and a comparison): then each such statement changes exactly its rows. A
        statement that fails still fails the unit, at the COMMIT at the latest, and rolls
        all of it back. Nothing on SQLite or outside a pipelined unit."""
        if self.is_sqlite:
            return
        raw = session.connection().connection.driver_connection
        if raw is not None and getattr(raw, "_pipeline", None) is not None:
            _WRITE_BEHIND.add(raw)

    @contextmanager
    def session(
        self, *, timeout_s: float | None = None, pipelined: bool = False
    ) -> Iterator[Session]:
        """One unit of work: commits on success, rolls back on any failure. Every write
        goes through here, so the embedded register's file is checked here first.

        A write is never repeated silently: if the connection breaks after its BEGIN, the
        unit fails with ``connection_lost`` ("nothing was saved — try again") and the
        caller keeps the user's edit for a retry.

        ``pipelined`` (PostgreSQL; ignored on SQLite): the unit's statements are sent
        together where they need not wait for each other (see :meth:`_pipelined`). A
        statement's error may then surface at a later statement or at the commit, still
        inside the unit and still rolling all of it back."""
        self.check_file()
        pipe = pipelined and not self.is_sqlite
        with translate(), self._sessions() as session:
            # (the session's transaction begins here)
            conn = self._alive(
                session.connection, session.close, self._begin_sql(timeout_s), True, pipe
            )
            with _lost_means_unsaved():
                try:
                    if pipe:
                        with self._pipelined(conn, timeout_s, session.flush):
                            yield session
                    else:
                        yield session
                    session.commit()
                except BaseException:
                    session.rollback()
                    raise

    @contextmanager
    def read(self, *, timeout_s: float | None = None, pipelined: bool = False) -> Iterator[Session]:
        """A read-only unit of work (rolled back at the end, whatever happened).

        A connection found dead at the unit's start is replaced and the read goes on
        (retried once, see _alive); nothing is lost by repeating a read. ``pipelined``:
        see :meth:`session`."""
        pipe = pipelined and not self.is_sqlite
        with translate(), self._sessions() as session:
            conn = self._alive(
                session.connection, session.close, self._begin_sql(timeout_s), False, pipe
            )
            try:
                if pipe:
                    with self._pipelined(conn, timeout_s, None):
                        yield session
                else:
                    yield session
            finally:
                session.rollback()

    @contextmanager
    def read_connection(self, *, timeout_s: float | None = None) -> Iterator[Connection]:
        """A read-only Core connection, rolled back at the end: for hot paths such as
        search as you type, where setting up an ORM session costs more than the query."""
        with translate():
            conn = self._alive(self.engine.connect, _nothing, self._begin_sql(timeout_s), False)
            with conn:
                try:
                    yield conn
                finally:
                    conn.rollback()

    @contextmanager
    def write_connection(self, *, timeout_s: float | None = None) -> Iterator[Connection]:
        """A Core connection in one transaction that commits on success: for hot paths that
        read and record the read (a search page and its audit rows)."""
        with translate():
            conn = self._alive(self.engine.connect, _nothing, self._begin_sql(timeout_s), True)
            with conn, _lost_means_unsaved(), conn.begin():
                yield conn

    @contextmanager
    def statement_connection(self) -> Iterator[Connection]:
        """A Core connection for work done in ONE statement (a search page with its audit
        rows, written by the same statement): on PostgreSQL in autocommit, so the
        statement is its own transaction and costs one round trip — no BEGIN, no COMMIT.
        Only the statement's own work is atomic: use it for one statement, or for reads
        before it. On SQLite a transaction like :meth:`write_connection`'s."""
        if self.is_sqlite:
            with self.write_connection() as conn:
                yield conn
            return
        with translate():
            conn = self._alive(self.engine.connect, _nothing, "", False, True)
            with conn, _lost_means_unsaved():
                auto = conn.execution_options(isolation_level="AUTOCOMMIT")
                yield auto

    @contextmanager
    def statement_session(self) -> Iterator[Session]:
        """An ORM session on :meth:`statement_connection`: for an audited read done in ONE
        statement (the read and its audit row, written by a data-modifying WITH of the
        same statement: see :func:`kkdesk.store.audit_trail.with_read`). On PostgreSQL
        the statement is its own transaction — one round trip, no BEGIN, no COMMIT; any
        further statement of the session is a transaction of its own, so use it for one
        statement only. On SQLite a unit of work like :meth:`session`'s."""
        if self.is_sqlite:
            with self.session() as session:
                yield session
            return
        with self.statement_connection() as conn, Session(bind=conn) as session:
            yield session

    def dispose(self) -> None:
        self.engine.dispose()
