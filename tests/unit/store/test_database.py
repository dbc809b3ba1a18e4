"""Choosing the database: --db, then $KKDESK_DB, then the embedded default."""

from __future__ import annotations

from pathlib import Path

import pytest

from kkdesk.errors import DatabaseUnavailable, KnownError, PasswordInUrl
from kkdesk.store.database import Database, default_sqlite_path, describe, resolve_url


def test_resolution_order(tmp_path: Path) -> None:
    env = {"KKDESK_DB": str(tmp_path / "env.db")}
    assert resolve_url(str(tmp_path / "arg.db"), env).database == str(tmp_path / "arg.db")
    assert resolve_url(None, env).database == str(tmp_path / "env.db")
    assert resolve_url(None, {}).database == str(default_sqlite_path())


def test_postgres_urls_use_psycopg() -> None:
    url = resolve_url("postgresql://anna@db.example:5433/register?sslmode=require", {})
    assert url.drivername == "postgresql+psycopg"
    assert describe(url) == "anna@db.example:5433/register"


@pytest.mark.parametrize(
    "raw", ["postgresql://anna:secret@db.example/register", "postgresql://anna:@db.example/r"]
)
def test_a_password_in_db_or_kkdesk_db_is_refused(raw: str) -> None:
    # A command line is in every user's `ps` and in shell history: never take a secret there.
    for given, env, source in ((raw, {}, "--db"), (None, {"KKDESK_DB": raw}, "$KKDESK_DB")):
        with pytest.raises(PasswordInUrl) as info:
            resolve_url(given, env)
        assert info.value.code == "password_in_url"
        assert info.value.params["source"] == source
        assert "secret" not in info.value.message
        assert "kkdesk login" in info.value.message


def test_unreachable_server_is_a_known_error() -> None:
    db = Database(
        "postgresql+psycopg://nobody@127.0.0.1:1/none", connect_args={"connect_timeout": 2}
    )
    with pytest.raises(DatabaseUnavailable), db.session() as session:
        session.connection()
    db.dispose()


def test_unwritable_location_is_a_known_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises((DatabaseUnavailable, OSError)):
        db = Database(f"sqlite:///{blocker / 'db.sqlite3'}")
        with db.session() as session:
            session.connection()


@pytest.mark.parametrize(
    "raw",
    [
        "postgresql://anna@db.example.fi/k",  # libpq's default, prefer
        "postgresql://anna@db.example.fi/k?sslmode=prefer",
        "postgresql://anna@db.example.fi/k?sslmode=allow",
        "postgresql://anna@db.example.fi/k?sslmode=disable",
        "postgresql://anna@10.0.0.5/k?sslmode=disable",
        "postgresql://anna@[2001:db8::1]/k?sslmode=disable",
        "postgresql://anna@/k?host=db.example.fi&sslmode=disable",
        "postgresql://anna@localhost/k?host=db.example.fi:5432&sslmode=disable",
        "postgresql://anna@db.example.fi/k?sslmode=disable&kkdesk_allow_insecure=no",
    ],
)
def test_no_tls_to_a_host_that_is_not_local_is_refused(raw: str) -> None:
    with pytest.raises(KnownError) as info:
        resolve_url(raw, {})
    assert info.value.code == "insecure_connection"
    assert "kkdesk_allow_insecure=yes" in info.value.message
    # Database() refuses it too, for whoever builds one without resolve_url.
    with pytest.raises(KnownError):
        Database(raw.replace("postgresql://", "postgresql+psycopg://"))


@pytest.mark.parametrize(
    "raw",
    [
        "postgresql://anna@db.example.fi/k?sslmode=require",
        "postgresql://anna@db.example.fi/k?sslmode=verify-ca&sslrootcert=/ca.pem",
        "postgresql://anna@db.example.fi/k?sslmode=verify-full&sslrootcert=/ca.pem",
        "postgresql://anna@localhost/k?sslmode=disable",
        "postgresql://anna@127.0.0.1/k",
        "postgresql://anna@127.8.9.10:5433/k?sslmode=disable",
        "postgresql://anna@[::1]/k?sslmode=allow",
        "postgresql://anna@/k",  # a Unix socket
        "postgresql://anna@/k?host=/var/run/postgresql",
        "postgresql://anna@db.example.fi/k?sslmode=disable&kkdesk_allow_insecure=yes",
    ],
)
def test_tls_or_a_local_host_or_the_explicit_opt_in_is_accepted(raw: str) -> None:
    url = resolve_url(raw, {})
    db = Database(url)
    # The opt-in is kkdesk's own: libpq never sees it (it would refuse an unknown key).
    assert "kkdesk_allow_insecure" not in str(db.engine.url)
    db.dispose()


def test_the_environment_counts_pgsslmode_and_pghost() -> None:
    with pytest.raises(KnownError):
        resolve_url("postgresql://anna@/k", {"PGHOST": "db.example.fi"})
    assert resolve_url("postgresql://anna@db.example.fi/k", {"PGSSLMODE": "verify-full"})
    with pytest.raises(KnownError):
        resolve_url("postgresql://anna@db.example.fi/k", {"PGSSLMODE": "prefer"})


def _register(tmp_path: Path) -> tuple[Database, Path]:
    from sqlalchemy import text

    path = tmp_path / "register.sqlite3"
    db = Database(f"sqlite:///{path}")
    with db.session() as session:
        session.execute(text("create table note (body text)"))
        session.execute(text("insert into note values ('first')"))
    return db, path


def _notes(path: Path) -> list[str]:
    import sqlite3

    with sqlite3.connect(path) as conn:
        return [row[0] for row in conn.execute("select body from note")]


def test_a_deleted_register_file_refuses_writes(tmp_path: Path) -> None:
    from sqlalchemy import text

    db, path = _register(tmp_path)
    path.unlink()
    with pytest.raises(DatabaseUnavailable) as caught, db.session() as session:
        session.execute(text("insert into note values ('lost')"))
    assert caught.value.code == "register_replaced"
    assert not path.exists()  # nothing was written anywhere, not even a new empty file
    db.dispose()


def test_a_replaced_register_file_refuses_writes(tmp_path: Path) -> None:
    import shutil

    from sqlalchemy import text

    db, path = _register(tmp_path)
    copy = tmp_path / "copy.sqlite3"
    shutil.copyfile(path, copy)
    copy.replace(path)  # e.g. a backup restored over the register while the desk runs
    with pytest.raises(DatabaseUnavailable) as caught, db.session() as session:
        session.execute(text("insert into note values ('lost')"))
    assert caught.value.code == "register_replaced"
    assert _notes(path) == ["first"]
    db.dispose()


def test_the_same_file_keeps_working(tmp_path: Path) -> None:
    from sqlalchemy import text

    db, path = _register(tmp_path)
    db.dispose()  # new connections to the same file are fine
    with db.session() as session:
        session.execute(text("insert into note values ('second')"))
    assert _notes(path) == ["first", "second"]
    db.dispose()


def test_a_register_locked_by_another_program_says_so(tmp_path: Path) -> None:
    import sqlite3

    from sqlalchemy import text

    db, path = _register(tmp_path)
    db.dispose()
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("begin exclusive")  # another program holds the file's write lock
    try:
        with pytest.raises(DatabaseUnavailable) as caught, db.session() as session:
            session.execute(text("insert into note values ('waits')"))
        assert caught.value.code == "db_locked"
        assert "network" not in caught.value.message
    finally:
        other.rollback()
        other.close()
        db.dispose()


def test_the_pipeline_cursor_waits_only_for_statements_that_may_return_rows() -> None:
    """A pipelined unit waits for a statement's answer only where it can have rows (a
    SELECT, a WITH, anything with RETURNING); INSERTs and the transaction's own commands
    go with the next statement that does (kkdesk.store.database._PipelineCursor)."""
    from kkdesk.store.database import _returns_rows

    for sql in (
        "SELECT 1",
        "  with page as (select 1) select * from page",
        "INSERT INTO t (a) VALUES (1) RETURNING t.id",
        "update t set a = 1 returning a",
        b"select pg_advisory_xact_lock(1, 2)",
    ):
        assert _returns_rows(sql), sql
    for sql in (
        "INSERT INTO audit_event (customer_number) VALUES ($1)",
        "insert into audit_event select n from unnest($1) as n",
        "UPDATE customer SET street=$1 WHERE customer.id = $2",
        "DELETE FROM search_word WHERE customer_id = $1",
        b"BEGIN",
        b"COMMIT",
        "SET LOCAL statement_timeout = 600000",
    ):
        assert not _returns_rows(sql), sql
