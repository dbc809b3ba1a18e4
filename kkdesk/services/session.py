"""A signed-in session on a register database: the database, the user and their level."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy.engine import URL

from kkdesk.auth import keychain, prompt
from kkdesk.config import Preferences
from kkdesk.domain.levels import Capability, Level, can
from kkdesk.errors import AuthenticationFailed, PermissionDenied
from kkdesk.store import migrate, security
from kkdesk.store.database import Database, describe, resolve_url


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
    ask_password: Callable[[str], str] | None = None,
) -> DeskSession:
    """Open the database named by ``url`` (or ``$KKDESK_DB``, or the embedded default).

    The embedded SQLite database is created and migrated on first use; the level there
    comes from the preferences. A central database's level is the user's group role
    (see :mod:`kkdesk.store.security`); without ``password`` the keyring's is used, else
    ``ask_password(where)`` (by default a terminal prompt) is asked for one.
    """
    resolved = resolve_url(url)
    from_keyring = False
    if resolved.get_backend_name() != "sqlite" and password is None and not resolved.password:
        # Central database: the keyring's password, else ask (a terminal by default).
        password, from_keyring = _central_password(resolved, ask_password)
    db = Database(resolved, password=password)
    if db.is_sqlite:
        if migrate_embedded:
            migrate.ensure_current(db)
        prefs = prefs or Preferences.load()
        return DeskSession(db, level or Level(prefs.local_level))
    try:
        found = security.level_of(db)  # connects: a wrong password fails here
    except AuthenticationFailed as exc:
        db.dispose()
        if from_keyring and exc.code == "auth_failed":
            raise AuthenticationFailed(
                f"The password saved in the keyring for {db.describe()} was refused: it may "
                "have been changed or have expired. Sign in again with 'kkdesk login'.",
                code="saved_password_refused",
            ) from exc
        raise
    except BaseException:
        db.dispose()
        raise
    return DeskSession(db, level or found)


def _central_password(url: URL, ask: Callable[[str], str] | None) -> tuple[str, bool]:
    where = describe(url)
    saved = keychain.saved_password(where)
    if saved is not None:
        return saved, True
    return (ask or prompt.ask_on_terminal)(where), False
