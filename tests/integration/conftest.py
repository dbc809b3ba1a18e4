"""A real PostgreSQL server for the integration tests, and fixtures to use it.

Each pytest(-xdist) worker starts its own throw-away cluster (``initdb`` with
``scram-sha-256`` password authentication, a Finnish ICU default collation like a real
central server's, TCP on 127.0.0.1 and a free port) and stops it at the end. Everything a
test needs is here, for every engineer's PostgreSQL tests:

- ``pg_server`` (session): the running server, its superuser and the ``kkdesk_owner`` role
  that owns the test databases (not a superuser: superusers bypass row-level security).
- ``pg_db`` (per test) / ``pg_db_module`` (per module) / ``make_pg_db`` (a factory): a fresh
  database at head (cloned from ``pg_template``, which its owner migrated once);
  ``migrated_pg_db``: one migrated from scratch, for migration tests.
  ``pg_db.add_user(Level.CLERK)`` provisions a staff login at a level,
  ``pg_db.session(user)`` opens a :class:`DeskSession` as that user (the owner without one),
  ``pg_db.connect(user)`` a plain autocommit psycopg connection.
- ``memory_keyring``: an in-memory keyring backend for the test.

Without PostgreSQL binaries the tests skip with a message saying how to enable them,
except under CI (``CI=true``), where that is a failure: they must never be skipped there.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from kkdesk.auth.testing import MemoryKeyring
from kkdesk.auth.testing import memory_keyring as _memory_keyring

# The server itself lives in pgserver.py (the PostgreSQL bench starts it too); its names
# stay importable from here, where the integration tests have always found them.
from tests.integration.pgserver import DATABASE_PRIVILEGES as DATABASE_PRIVILEGES
from tests.integration.pgserver import ENABLE_HINT as ENABLE_HINT
from tests.integration.pgserver import OWNER as OWNER
from tests.integration.pgserver import PG_BIN_ENV as PG_BIN_ENV
from tests.integration.pgserver import PGAUDIT_HINT as PGAUDIT_HINT
from tests.integration.pgserver import PGAUDIT_OPTIONS as PGAUDIT_OPTIONS
from tests.integration.pgserver import SUPERUSER as SUPERUSER
from tests.integration.pgserver import PgDb as PgDb
from tests.integration.pgserver import PgServer as PgServer
from tests.integration.pgserver import PgUser as PgUser
from tests.integration.pgserver import _as_postgres as _as_postgres
from tests.integration.pgserver import _create_db as _create_db
from tests.integration.pgserver import _drop_db as _drop_db
from tests.integration.pgserver import _find_bin_dir as _find_bin_dir
from tests.integration.pgserver import _start_server as _start_server
from tests.integration.pgserver import _stop_server as _stop_server
from tests.integration.pgserver import pgaudit_available as pgaudit_available


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    bin_dir = _find_bin_dir()
    if bin_dir is None:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail("CI must run the PostgreSQL tests. " + ENABLE_HINT, pytrace=False)
        pytest.skip(ENABLE_HINT)
    server, base = _start_server(bin_dir)
    try:
        yield server
    finally:
        _stop_server(server, base)


@pytest.fixture(scope="session")
def pg_audit_server() -> Iterator[PgServer]:
    """A second throw-away server started with pgaudit preloaded (PGAUDIT_OPTIONS).

    Skipped with a message where pgaudit is not installed, except under CI (``CI=true``),
    where that is a failure."""
    bin_dir = _find_bin_dir()
    ci = os.environ.get("CI", "").lower() in ("1", "true", "yes")
    if bin_dir is None or not pgaudit_available(bin_dir):
        hint = ENABLE_HINT if bin_dir is None else PGAUDIT_HINT
        if ci:
            pytest.fail("CI must run the pgaudit test. " + hint, pytrace=False)
        pytest.skip(hint)
    server, base = _start_server(bin_dir, PGAUDIT_OPTIONS)
    try:
        yield server
    finally:
        _stop_server(server, base)


@pytest.fixture
def pg_audit_db(pg_audit_server: PgServer) -> Iterator[PgDb]:
    """A database migrated from scratch by its owner on the pgaudit server."""
    pg = _create_db(pg_audit_server)
    try:
        yield pg
    finally:
        _drop_db(pg)


@pytest.fixture(scope="session")
def pg_template(pg_server: PgServer) -> str:
    """A database migrated to head once per session, the template of the others."""
    return _create_db(pg_server).name


@pytest.fixture(scope="session")
def make_pg_db(pg_server: PgServer, pg_template: str) -> Iterator[Callable[[], PgDb]]:
    """A factory of fresh migrated databases, all dropped at the end of the session."""
    made: list[PgDb] = []

    def make() -> PgDb:
        pg = _create_db(pg_server, template=pg_template)
        made.append(pg)
        return pg

    yield make
    for pg in made:
        _drop_db(pg)


@pytest.fixture
def pg_db(pg_server: PgServer, pg_template: str) -> Iterator[PgDb]:
    pg = _create_db(pg_server, template=pg_template)
    try:
        yield pg
    finally:
        _drop_db(pg)


@pytest.fixture
def migrated_pg_db(pg_server: PgServer) -> Iterator[PgDb]:
    pg = _create_db(pg_server)
    try:
        yield pg
    finally:
        _drop_db(pg)


@pytest.fixture(scope="module")
def pg_db_module(pg_server: PgServer, pg_template: str) -> Iterator[PgDb]:
    pg = _create_db(pg_server, template=pg_template)
    try:
        yield pg
    finally:
        _drop_db(pg)


@pytest.fixture
def signin_helper(pg_db: PgDb) -> Iterator[PgDb]:
    """The sign-in helper turned on (off by default since migration 0004) for this test,
    the way ``kkdesk db signin-helper on`` does, and off again afterwards."""
    with pg_db.connect(OWNER, pg_db.server.owner_password) as conn:
        conn.execute(b"SELECT kkdesk_signin_helper(true)")
    try:
        yield pg_db
    finally:
        with pg_db.connect(OWNER, pg_db.server.owner_password) as conn:
            conn.execute(b"SELECT kkdesk_signin_helper(false)")


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    with _memory_keyring() as backend:
        yield backend


@pytest.fixture
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Config and data folders of this test only (preferences, profiles, embedded DB)."""
    home = tmp_path / "home"
    for var, sub in (
        ("KKDESK_CONFIG_DIR", "config/kkdesk"),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_DATA_HOME", "data"),
        ("XDG_STATE_HOME", "state"),
        ("XDG_CACHE_HOME", "cache"),
    ):
        (home / sub).mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(var, str(home / sub))
    monkeypatch.delenv("KKDESK_DB", raising=False)
    return home
