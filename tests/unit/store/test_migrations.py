"""The migrations create exactly the schema the models describe, on a real SQLite file."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from kkdesk.store import migrate
from kkdesk.store.database import Database
from kkdesk.store.models import Base


def test_upgrade_matches_the_models(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'm.sqlite3'}")
    migrate.upgrade(db)
    assert migrate.current_revision(db) == migrate.head_revision(db)
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []
    db.dispose()


def test_upgrade_is_repeatable(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'm.sqlite3'}")
    migrate.upgrade(db)
    migrate.upgrade(db)
    assert "customer" in inspect(db.engine).get_table_names()
    db.dispose()


def test_embedded_database_is_created_on_first_use(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'sub' / 'new.sqlite3'}")
    migrate.ensure_current(db)
    assert (tmp_path / "sub" / "new.sqlite3").exists()
    assert migrate.current_revision(db) == migrate.head_revision(db)
    db.dispose()


def test_head_constant_is_the_scripts_head() -> None:
    # The desk checks the schema against migrate.HEAD without importing Alembic: a new
    # migration must move the constant too.
    assert migrate.head_revision_of_scripts() == migrate.HEAD


def test_the_version_check_reads_plain_sql(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'm.sqlite3'}")
    assert migrate.current_revision(db) is None  # no alembic_version table yet
    migrate.upgrade(db, "0003")
    assert migrate.current_revision(db) == "0003"
    migrate.ensure_current(db)
    assert migrate.current_revision(db) == migrate.HEAD
    db.dispose()
