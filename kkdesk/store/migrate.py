"""Running the Alembic migrations from code (``kkdesk db upgrade`` and first use)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from kkdesk.store.database import Database
from kkdesk.store.errors import translate

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config(db: Database) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = db.engine
    return cfg


def head_revision(db: Database) -> str:
    head = ScriptDirectory.from_config(alembic_config(db)).get_current_head()
    assert head is not None
    return head


def current_revision(db: Database) -> str | None:
    with translate(), db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(db: Database, revision: str = "head") -> None:
    with translate():
        command.upgrade(alembic_config(db), revision)


def ensure_current(db: Database) -> None:
    """Create or migrate the embedded database on first use; never a server's schema,
    which only ``kkdesk db upgrade`` by its owner changes."""
    if current_revision(db) != head_revision(db):
        if not db.is_sqlite:
            from kkdesk.errors import DatabaseUnavailable

            raise DatabaseUnavailable(
                "The central database's schema is not current; ask an administrator to run "
                "'kkdesk db upgrade'.",
                code="schema_outdated",
            )
        upgrade(db)
