"""A throw-away PostgreSQL server like a customer's central one, for the integration
tests and the PostgreSQL bench (``bench/bench_pg.py``).

``initdb`` with ``scram-sha-256`` password authentication and a Finnish ICU default
collation, TCP on 127.0.0.1 and a free port, the ``kkdesk_owner`` role that owns kkdesk's
databases (not a superuser: superusers bypass row-level security), and databases migrated
by that owner with staff logins provisioned as ``kkdesk users add`` does. The tests'
fixtures (``tests/integration/conftest.py``) start one per worker in a temporary folder;
the bench keeps its cluster's data folder under ``bench/.data`` and starts it again
(:func:`init_cluster`, :func:`start_cluster`). No pytest here: the bench imports it.
"""

from __future__ import annotations

import contextlib
import glob
import os
import secrets
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
from sqlalchemy.engine import URL

from kkdesk.domain.levels import Level
from kkdesk.services.session import DeskSession, open_session
from kkdesk.store import migrate
from kkdesk.store.database import Database

OWNER = "kkdesk_owner"
SUPERUSER = "postgres"
PG_BIN_ENV = "KKDESK_PG_BIN"
ENABLE_HINT = (
    "PostgreSQL server binaries (initdb, pg_ctl) were not found: install PostgreSQL "
    "(Debian/Ubuntu: apt-get install postgresql; macOS: brew install postgresql) or set "
    f"{PG_BIN_ENV} to the folder holding initdb and pg_ctl to run the integration tests."
)


def _find_bin_dir() -> Path | None:
    candidates: list[str] = []
    if os.environ.get(PG_BIN_ENV):
        # Given explicitly, it is the only place looked at: a wrong folder is not silently
        # replaced by whatever PostgreSQL happens to be installed.
        path = Path(os.environ[PG_BIN_ENV])
        return path if (path / "initdb").exists() and (path / "pg_ctl").exists() else None
    on_path = shutil.which("initdb")
    if on_path:
        candidates.append(str(Path(on_path).parent))
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
    candidates += sorted(glob.glob("/usr/local/opt/postgresql*/bin"), reverse=True)
    for folder in candidates:
        path = Path(folder)
        if (path / "initdb").exists() and (path / "pg_ctl").exists():
            return path
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class PgServer:
    """A running throw-away PostgreSQL cluster."""

    host: str
    port: int
    superuser_password: str
    owner_password: str
    bin_dir: Path
    data_dir: Path

    def url(self, database: str, user: str) -> URL:
        """A SQLAlchemy URL without a password (give it to Database(password=...))."""
        return URL.create(
            "postgresql+psycopg", username=user, host=self.host, port=self.port, database=database
        )

    def connect(
        self, database: str = "postgres", user: str = SUPERUSER, password: str | None = None
    ) -> psycopg.Connection[tuple[object, ...]]:
        """A plain autocommit psycopg connection (the superuser's by default)."""
        if password is None and user == SUPERUSER:
            password = self.superuser_password
        elif password is None and user == OWNER:
            password = self.owner_password
        return psycopg.connect(
            host=self.host,
            port=self.port,
            dbname=database,
            user=user,
            password=password,
            autocommit=True,
            connect_timeout=10,
        )

    def log(self) -> str:
        """The server's text log: pg_ctl's file, and the collector's files where the
        server runs its logging collector (the pgaudit server)."""
        out = ""
        paths = [self.data_dir.parent / "server.log"]
        paths += sorted((self.data_dir / "log").glob("*.log"))
        for path in paths:
            with contextlib.suppress(OSError):
                out += path.read_text(errors="replace")
        return out


def _as_postgres(cmd: list[str]) -> list[str]:
    # initdb and pg_ctl refuse to run as root.
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *cmd]
    return cmd


def _owned_by_postgres(path: Path) -> None:
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        shutil.chown(path, "postgres", "postgres")


def init_cluster(bin_dir: Path, base: Path) -> str:
    """``initdb`` a cluster into ``base/data`` (``base`` made private to the server's user);
    returns the superuser's password."""
    base.mkdir(parents=True, exist_ok=True)
    _owned_by_postgres(base)
    base.chmod(0o700)
    su_password = secrets.token_urlsafe(16)
    pwfile = base / "pw"
    pwfile.write_text(su_password + "\n")
    _owned_by_postgres(pwfile)
    subprocess.run(
        _as_postgres(
            [
                str(bin_dir / "initdb"),
                "-D",
                str(base / "data"),
                "-U",
                SUPERUSER,
                "-A",
                "scram-sha-256",
                f"--pwfile={pwfile}",
                "-E",
                "UTF8",
                # A Finnish default collation, as on a customer's central server: under it
                # an equality or prefix search written for the "C" collation can miss its
                # index, which a server made with --locale=C never shows. ICU, because a
                # glibc fi_FI locale is often not installed (Debian builds have ICU).
                "--locale-provider=icu",
                "--icu-locale=fi-FI",
                "--locale=C.UTF-8",
                "--no-sync",
                "--no-instructions",
            ]
        ),
        check=True,
        capture_output=True,
    )
    pwfile.unlink()
    return su_password


def start_cluster(bin_dir: Path, base: Path, extra_options: str = "") -> int:
    """Start the cluster in ``base/data`` on a free port of 127.0.0.1 (its socket and log
    in ``base``); returns the port."""
    last_error = ""
    for _attempt in range(5):  # another worker may take the free port before we do
        port = _free_port()
        options = (
            f"-p {port} -c listen_addresses=127.0.0.1 -k {base} -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=60"
            + (" " + extra_options if extra_options else "")
        )
        result = subprocess.run(
            _as_postgres(
                [
                    str(bin_dir / "pg_ctl"),
                    "-D",
                    str(base / "data"),
                    "-o",
                    options,
                    "-l",
                    str(base / "server.log"),
                    "-w",
                    "-t",
                    "60",
                    "start",
                ]
            ),
            capture_output=True,
            text=True,
        )
        if result.returncode == 0:
            return port
        last_error = result.stdout + result.stderr
        time.sleep(0.2)
    raise RuntimeError(f"PostgreSQL did not start: {last_error}")


def stop_cluster(bin_dir: Path, data_dir: Path, mode: str = "immediate") -> None:
    subprocess.run(
        _as_postgres([str(bin_dir / "pg_ctl"), "-D", str(data_dir), "-m", mode, "stop"]),
        capture_output=True,
    )


def create_owner(server: PgServer) -> None:
    """The owner of kkdesk's databases, as docs/central-database.md sets one up."""
    with server.connect() as conn:
        conn.execute(
            psycopg.sql.SQL("CREATE ROLE {} LOGIN CREATEROLE PASSWORD {}").format(
                psycopg.sql.Identifier(OWNER), psycopg.sql.Literal(server.owner_password)
            )
        )


def _start_server(bin_dir: Path, extra_options: str = "") -> tuple[PgServer, Path]:
    base = Path(tempfile.mkdtemp(prefix="kkdesk-pg-"))
    su_password = init_cluster(bin_dir, base)
    try:
        port = start_cluster(bin_dir, base, extra_options)
    except RuntimeError:
        shutil.rmtree(base, ignore_errors=True)
        raise
    server = PgServer(
        host="127.0.0.1",
        port=port,
        superuser_password=su_password,
        owner_password=secrets.token_urlsafe(16),
        bin_dir=bin_dir,
        data_dir=base / "data",
    )
    create_owner(server)
    return server, base


def _stop_server(server: PgServer, base: Path) -> None:
    stop_cluster(server.bin_dir, server.data_dir)
    shutil.rmtree(base, ignore_errors=True)


def pgaudit_available(bin_dir: Path) -> bool:
    """Whether the server's library folder holds pgaudit (Debian: postgresql-15-pgaudit)."""
    bin_dir = (bin_dir / "initdb").resolve().parent  # /usr/local/bin may hold symlinks
    folders = [bin_dir.parent / "lib"]
    pg_config = bin_dir / "pg_config"
    if pg_config.exists():
        result = subprocess.run([str(pg_config), "--pkglibdir"], capture_output=True, text=True)
        if result.returncode == 0:
            folders.insert(0, Path(result.stdout.strip()))
    return any((folder / "pgaudit.so").exists() for folder in folders)


PGAUDIT_HINT = (
    "pgaudit is not installed for this PostgreSQL (Debian/Ubuntu: apt-get install "
    "postgresql-15-pgaudit): the test that reads outside kkdesk are logged is skipped."
)
# The settings docs/central-database.md asks the DBA for: pgaudit loaded, object auditing
# through kkdesk_auditor, who did it in every log line, and the JSON log that
# `kkdesk db collect-reads` reads (in the data folder's log/, where pg_read_file reaches).
PGAUDIT_OPTIONS = (
    "-c shared_preload_libraries=pgaudit -c pgaudit.role=kkdesk_auditor "
    "-c pgaudit.log_relation=on -c pgaudit.log_parameter=off "
    "-c log_line_prefix='%m [%p] user=%u db=%d app=%a host=%h ' "
    "-c logging_collector=on -c log_destination=stderr,jsonlog -c log_directory=log"
)


@dataclass
class PgUser:
    login: str
    password: str
    level: Level


@dataclass
class PgDb:
    """A migrated database on the test server, owned by ``kkdesk_owner``."""

    server: PgServer
    name: str
    users: list[PgUser] = field(default_factory=list)
    _opened: list[DeskSession] = field(default_factory=list)

    def url(self, user: str = OWNER) -> URL:
        return self.server.url(self.name, user)

    def owner_db(self) -> Database:
        return Database(self.url(), password=self.server.owner_password)

    def connect(
        self, user: PgUser | str = SUPERUSER, password: str | None = None
    ) -> psycopg.Connection[tuple[object, ...]]:
        """A plain psycopg connection to this database (autocommit)."""
        if isinstance(user, PgUser):
            return self.server.connect(self.name, user.login, user.password)
        return self.server.connect(self.name, user, password)

    def add_user(
        self, level: Level, login: str | None = None, password: str | None = None
    ) -> PgUser:
        """Provision a staff login at ``level``, the way ``kkdesk users add`` does."""
        from kkdesk.store import security

        login = login or f"{level.value}_{self.name[-8:]}_{len(self.users)}"
        password = password or secrets.token_urlsafe(12)
        db = self.owner_db()
        try:
            with db.engine.begin() as conn:
                security.add_user(conn, login, level, password, None)
        finally:
            db.dispose()
        user = PgUser(login, password, level)
        self.users.append(user)
        return user

    def session(self, user: PgUser | None = None) -> DeskSession:
        """A DeskSession as ``user`` (the owner by default), closed at teardown."""
        if user is None:
            ds = open_session(str(self.url()), password=self.server.owner_password)
        else:
            url = self.url(user.login).render_as_string(hide_password=False)
            ds = open_session(url, password=user.password)
        self._opened.append(ds)
        return ds

    def close(self) -> None:
        for ds in self._opened:
            ds.close()
        self._opened.clear()


def _create_db(server: PgServer, *, template: str | None = None) -> PgDb:
    """A database owned by kkdesk_owner: migrated by its owner, or cloned from ``template``
    (a migrated database: cloning takes ~50 ms where migrating takes ~1 s)."""
    name = "t_" + uuid.uuid4().hex[:12]
    with server.connect() as conn:
        conn.execute(
            psycopg.sql.SQL("CREATE DATABASE {} OWNER {} TEMPLATE {} STRATEGY FILE_COPY").format(
                psycopg.sql.Identifier(name),
                psycopg.sql.Identifier(OWNER),
                psycopg.sql.Identifier(template or "template1"),
            )
        )
    pg = PgDb(server, name)
    if template is not None:
        # A database's own privileges are not copied from a template: the same as 0002/0003.
        with server.connect(name, OWNER) as conn:
            for statement in DATABASE_PRIVILEGES:
                conn.execute(psycopg.sql.SQL(statement).format(psycopg.sql.Identifier(name)))
        return pg
    db = pg.owner_db()
    try:
        migrate.upgrade(db)
    finally:
        db.dispose()
    return pg


DATABASE_PRIVILEGES = (
    "REVOKE CONNECT, TEMPORARY ON DATABASE {} FROM PUBLIC",
    "GRANT CONNECT ON DATABASE {} TO kkdesk_viewer, kkdesk_clerk, kkdesk_marketing, "
    "kkdesk_privacy, kkdesk_admin, kkdesk_signin",
)


def _drop_db(pg: PgDb) -> None:
    pg.close()
    with pg.server.connect() as conn:
        conn.execute(
            psycopg.sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                psycopg.sql.Identifier(pg.name)
            )
        )
        for user in pg.users:
            conn.execute(
                psycopg.sql.SQL("DROP ROLE IF EXISTS {}").format(psycopg.sql.Identifier(user.login))
            )
