"""Running the Alembic migrations from code (``kkdesk db upgrade`` and first use).

Checking a schema's version is the desk's every start, upgrading it is rare: the check is
plain SQL against the ``alembic_version`` table and :data:`HEAD`, and Alembic (with its
script directory, Mako and the ORM models the environment loads) is imported only when an
upgrade or an unknown revision needs it — about 0.3 s off the desk's start
(bench/bench_startup.py). ``tests/unit/store/test_migrations.py`` holds :data:`HEAD` equal
to the migration scripts' head.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.exc import ProgrammingError

from kkdesk.errors import DatabaseUnavailable
from kkdesk.store.database import Database
from kkdesk.store.errors import translate

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")

# This kkdesk's schema revision: the head of migrations/versions. A new migration changes
# it too (test_head_constant_is_the_scripts_head fails until it does).
HEAD = "0023"


VERSION_TABLE = "alembic_version"  # Alembic's default, which env.py keeps


def alembic_config(db: Database) -> Config:
    return _config(db.engine)


def _config(engine: Engine | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if engine is not None:
        cfg.attributes["engine"] = engine
    return cfg


def head_revision(db: Database | None = None) -> str:
    """The revision this kkdesk's schema is at (``db`` is not consulted)."""
    return HEAD


def _revision_of(conn: Connection) -> str | None:
    if not inspect(conn).has_table(VERSION_TABLE):
        return None
    rows = conn.execute(text(f"select version_num from {VERSION_TABLE}")).scalars().all()
    return _one_revision(rows)


def _one_revision(rows: Sequence[str]) -> str | None:
    # One row on a linear history; several would be branches, which kkdesk never makes.
    return str(rows[0]) if len(rows) == 1 else (",".join(sorted(rows)) or None)


def current_revision(db: Database) -> str | None:
    with translate(), db.engine.connect() as conn:
        if db.is_sqlite:
            return _revision_of(conn)
        # Reads only: in autocommit, no BEGIN and ROLLBACK to send over the network, and
        # one statement (a round trip of sign-in): a missing table is its error.
        conn = conn.execution_options(isolation_level="AUTOCOMMIT")
        try:
            rows = conn.execute(text(f"select version_num from {VERSION_TABLE}")).scalars().all()
        except ProgrammingError as exc:
            if getattr(exc.orig, "sqlstate", None) == "42P01":  # undefined_table
                return None
            raise
        return _one_revision(rows)


def upgrade(db: Database, revision: str = "head") -> None:
    from alembic import command

    with translate():
        command.upgrade(alembic_config(db), revision)


def upgrade_engine(engine: Engine) -> None:
    """Create the current schema through ``engine`` (an in-memory snapshot's)."""
    from alembic import command

    command.upgrade(_config(engine), "head")


def check_current(db: Database) -> None:
    """Refuse to work on a schema of another version than this kkdesk's: an older one
    (or none) needs ``kkdesk db upgrade`` by the database's owner, a newer one a newer kkdesk.
    """
    current = current_revision(db)
    if current == HEAD:
        return
    known = current is None or current in known_revisions()
    if known:
        found = f"is at version {current}" if current else "has no kkdesk schema yet"
        raise DatabaseUnavailable(
            f"The database {found} (this kkdesk needs {HEAD}): ask an administrator to run "
            "'kkdesk db upgrade'.",
            code="schema_outdated",
            current=current,
            head=HEAD,
        )
    raise DatabaseUnavailable(
        f"The database's schema (version {current}) is newer than this kkdesk knows; "
        "install the kkdesk version that goes with it.",
        code="schema_newer",
        current=current,
        head=HEAD,
    )


def ensure_current(db: Database) -> None:
    """Create or migrate the embedded database on first use; never a server's schema,
    which only ``kkdesk db upgrade`` by its owner changes."""
    if not db.is_sqlite:
        check_current(db)
    elif current_revision(db) != HEAD:
        upgrade(db)


def head_revision_of_scripts() -> str:
    """The head of the migration scripts (Alembic's answer; :data:`HEAD` is kept equal)."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    """Every schema revision this kkdesk knows (a register at another one is newer)."""
    from alembic.script import ScriptDirectory

    return {rev.revision for rev in ScriptDirectory.from_config(_config()).walk_revisions()}
