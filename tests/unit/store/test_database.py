"""Choosing the database: --db, then $KKDESK_DB, then the embedded default."""

from __future__ import annotations

from pathlib import Path

import pytest

from kkdesk.errors import DatabaseUnavailable
from kkdesk.store.database import Database, default_sqlite_path, describe, resolve_url


def test_resolution_order(tmp_path: Path) -> None:
    env = {"KKDESK_DB": str(tmp_path / "env.db")}
    assert resolve_url(str(tmp_path / "arg.db"), env).database == str(tmp_path / "arg.db")
    assert resolve_url(None, env).database == str(tmp_path / "env.db")
    assert resolve_url(None, {}).database == str(default_sqlite_path())


def test_postgres_urls_use_psycopg_and_descriptions_hide_passwords() -> None:
    url = resolve_url("postgresql://anna:secret@db.example:5433/register", {})
    assert url.drivername == "postgresql+psycopg"
    assert "secret" not in describe(url)
    assert describe(url) == "anna@db.example:5433/register"


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
