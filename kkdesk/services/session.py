"""A signed-in session on a register database: the database, the user and their level."""

from __future__ import annotations

from dataclasses import dataclass

from kkdesk.config import Preferences
from kkdesk.domain.levels import Capability, Level, can
from kkdesk.errors import PermissionDenied
from kkdesk.store import migrate
from kkdesk.store.database import Database, resolve_url


@dataclass
class DeskSession:
    db: Database
    level: Level

    @property
    def user(self) -> str:
        return self.db.actor

    @property
    def is_embedded(self) -> bool:
        return self.db.is_sqlite

    def can(self, capability: Capability) -> bool:
        return can(self.level, capability)

    def require(self, capability: Capability) -> None:
        """Refuse early on the embedded database, which has no roles of its own; on
        PostgreSQL the server's grants are the real guard and this is only courtesy."""
        if not self.can(capability):
            raise PermissionDenied(
                f"Your user level ({self.level.value}) does not allow this.",
                capability=capability.value,
            )

    def describe(self) -> str:
        return self.db.describe()

    def close(self) -> None:
        self.db.dispose()


def open_session(
    url: str | None,
    *,
    password: str | None = None,
    migrate_embedded: bool = True,
    level: Level | None = None,
    prefs: Preferences | None = None,
) -> DeskSession:
    """Open the database named by ``url`` (or ``$KKDESK_DB``, or the embedded default).

    The embedded SQLite database is created and migrated on first use; the level there
    comes from the preferences. A central database's level is the user's group role
    (see :mod:`kkdesk.auth`).
    """
    db = Database(resolve_url(url), password=password)
    if db.is_sqlite:
        if migrate_embedded:
            migrate.ensure_current(db)
        prefs = prefs or Preferences.load()
        return DeskSession(db, level or Level(prefs.local_level))
    return DeskSession(db, level or Level.VIEWER)
