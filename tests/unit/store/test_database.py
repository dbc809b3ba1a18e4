"""Choosing the database: --db, then $KKDESK_DB, then the embedded default."""

from __future__ import annotations

from pathlib import Path

import pytest

from kkdesk.errors import DatabaseUnavailable, PasswordInUrl
from kkdesk.store.database import Database, default_sqlite_path, describe, resolve_url


def test_resolution_order(tmp_path: Path) -> None:
    env = {"KKDESK_DB": str(tmp_path / "env.db")}
    assert resolve_url(str(tmp_path / "arg.db"), env).database == str(tmp_path / "arg.db")
    assert resolve_url(None, env).database == str(tmp_path / "env.db")
    assert resolve_url(None, {}).database == str(default_sqlite_path())


def test_postgres_urls_use_psycopg() -> None:
    url = resolve_url("postgresql://anna@db.example:5433/register", {})
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
