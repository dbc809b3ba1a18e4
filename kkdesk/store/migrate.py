"""Running the Alembic migrations from code (``kkdesk db upgrade`` and first use)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from kkdesk.errors import DatabaseUnavailable
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


def upgrade_engine(engine: Engine) -> None:
    """Create the current schema through ``engine`` (an in-memory snapshot's)."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = engine
    command.upgrade(cfg, "head")


def check_current(db: Database) -> None:
    """Refuse to work on a schema of another version than this kkdesk's: an older one
    (or none) needs ``kkdesk db upgrade`` by the database's owner, a newer one a newer kkdesk.
    """
    current, head = current_revision(db), head_revision(db)
    if current == head:
        return
    script = ScriptDirectory.from_config(alembic_config(db))
    known = current is None
    if current is not None:
        try:
            known = script.get_revision(current) is not None
        except Exception:  # alembic raises its own errors for a revision it has never seen
            known = False
    if known:
        found = f"is at version {current}" if current else "has no kkdesk schema yet"
        raise DatabaseUnavailable(
            f"The database {found} (this kkdesk needs {head}): ask an administrator to run "
            "'kkdesk db upgrade'.",
            code="schema_outdated",
            current=current,
            head=head,
        )
    raise DatabaseUnavailable(
        f"The database's schema (version {current}) is newer than this kkdesk knows; "
        "install the kkdesk version that goes with it.",
        code="schema_newer",
        current=current,
        head=head,
    )


def ensure_current(db: Database) -> None:
    """Create or migrate the embedded database on first use; never a server's schema,
    which only ``kkdesk db upgrade`` by its owner changes."""
    if not db.is_sqlite:
        check_current(db)
    elif current_revision(db) != head_revision(db):
        upgrade(db)


def head_revision_of_scripts() -> str:
    """This kkdesk's head revision, without a database."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    head = ScriptDirectory.from_config(cfg).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    """Every schema revision this kkdesk knows (a register at another one is newer)."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return {rev.revision for rev in ScriptDirectory.from_config(cfg).walk_revisions()}
