"""A signed-in session on a register database: the database, the user and their level."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from kkdesk.auth import keychain, prompt
from kkdesk.config import Preferences
from kkdesk.domain.levels import READ_ONLY_CAPABILITIES, Capability, Level, can
from kkdesk.domain.offline import SnapshotInfo
from kkdesk.errors import AuthenticationFailed, PermissionDenied
from kkdesk.store import migrate, security
from kkdesk.store.database import Database, describe, resolve_url
from kkdesk.store.urls import URL

log = logging.getLogger(__name__)


@dataclass
class DeskSession:
    db: Database
    level: Level
    # An offline snapshot: read-only; the audit rows its reads would write go to an
    # encrypted journal instead (kkdesk.services.offline_reads), below the services.
    offline: SnapshotInfo | None = None

    @property
    def read_only(self) -> bool:
        return self.offline is not None

    @property
    def user(self) -> str:
        return self.db.actor

    @property
    def is_embedded(self) -> bool:
        return self.db.is_sqlite

    def can(self, capability: Capability) -> bool:
        if self.read_only and capability not in READ_ONLY_CAPABILITIES:
            return False
        return can(self.level, capability)

    def require(self, capability: Capability) -> None:
        """Refuse early on the embedded database, which has no roles of its own; on
        PostgreSQL the server's grants are the real guard and this is only courtesy."""
        if self.read_only and capability not in READ_ONLY_CAPABILITIES:
            raise PermissionDenied(
                "This is an offline snapshot: it is read-only.",
                code="offline_read_only",
                capability=capability.value,
            )
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
    check_schema: bool = True,
    level: Level | None = None,
    prefs: Preferences | None = None,
    ask_password: Callable[[str], str] | None = None,
) -> DeskSession:
    """Open the database named by ``url`` (or ``$KKDESK_DB``, or the embedded default).

    The embedded SQLite database is created and migrated on first use; the level there
    comes from the preferences. A central database's level is the user's group role
    (see :mod:`kkdesk.store.security`); without ``password`` the keyring's is used, else
    ``ask_password(where)`` (by default a terminal prompt) is asked for one. A central
    database whose schema is not this kkdesk's version is refused (``check_schema``).
    """
    resolved = resolve_url(url)
    from_keyring = False
    if resolved.get_backend_name() != "sqlite" and password is None:
        # Central database: the keyring's password, else ask (a terminal by default).
        password, from_keyring = central_password(resolved, ask_password)
    if resolved.get_backend_name() == "sqlite":
        db = Database(resolved, password=password)
    else:
        timeout = (prefs or Preferences.load()).statement_timeout_seconds
        db = Database(resolved, password=password, statement_timeout_s=timeout)
    if db.is_sqlite:
        if migrate_embedded:
            migrate.ensure_current(db)
        prefs = prefs or Preferences.load()
        return DeskSession(db, level or local_level(prefs))
    try:
        found = security.level_of(db)  # connects: a wrong password fails here
        if check_schema:
            migrate.check_current(db)
    except AuthenticationFailed as exc:
        db.dispose()
        if from_keyring and exc.code in ("auth_failed", "wrong_password"):
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


def local_level(prefs: Preferences) -> Level:
    """The level the desk works at on the embedded database (settings; default admin).
    A damaged setting gives the least level rather than the most."""
    try:
        return Level(prefs.local_level)
    except ValueError:
        log.warning("unknown local_level %r in the preferences; using viewer", prefs.local_level)
        return Level.VIEWER


def central_password(url: URL, ask: Callable[[str], str] | None = None) -> tuple[str, bool]:
    """The password of a central database's user: the keyring's (and True), else asked
    with ``ask(where)``, by default on the terminal (and False). With neither a saved
    password nor a terminal, :class:`AuthenticationFailed` (code ``password_needed``)."""
    where = describe(url)
    saved = keychain.saved_password(where)
    if saved is not None:
        return saved, True
    return (ask or prompt.ask_on_terminal)(where), False
