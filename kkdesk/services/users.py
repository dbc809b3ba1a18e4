"""Staff accounts on a central database: add, list, change level, enable or disable.

Only the ``admin`` level (or the database's owner) may manage staff; the server enforces it
(the ``kkdesk_user_*`` functions are executable by ``kkdesk_admin`` only) and the desk asks
first so that it can explain a refusal. The embedded SQLite database has no users.
"""

from __future__ import annotations

from datetime import datetime

from kkdesk.domain.levels import Capability, Level
from kkdesk.errors import KnownError
from kkdesk.services.session import DeskSession
from kkdesk.store import security
from kkdesk.store.errors import translate
from kkdesk.store.security import StaffUser

__all__ = ["StaffUser", "add", "list_users", "set_enabled", "set_level", "set_password"]


def _central(ds: DeskSession) -> None:
    ds.require(Capability.MANAGE_USERS)
    if ds.is_embedded:
        raise KnownError(
            "The embedded database has no users: the desk runs as you, with the level set "
            "in its settings.",
            code="not_central",
        )


def add(
    ds: DeskSession,
    login: str,
    level: Level,
    password: str,
    *,
    valid_until: datetime | None = None,
) -> StaffUser:
    """Create a staff login at ``level``; the password reaches the server only hashed."""
    _central(ds)
    security.check_login_name(login)
    with translate(), ds.db.engine.begin() as conn:
        security.add_user(conn, login, level, password, valid_until)
    return _one(ds, login)


def list_users(ds: DeskSession) -> list[StaffUser]:
    _central(ds)
    with translate(), ds.db.engine.connect() as conn:
        return security.list_users(conn)


def set_level(ds: DeskSession, login: str, level: Level) -> StaffUser:
    _central(ds)
    with translate(), ds.db.engine.begin() as conn:
        security.set_level(conn, login, level)
    return _one(ds, login)


def set_enabled(ds: DeskSession, login: str, enabled: bool) -> StaffUser:
    """Disable (or enable again) a login; a disabled member cannot sign in at all."""
    _central(ds)
    with translate(), ds.db.engine.begin() as conn:
        security.set_enabled(conn, login, enabled)
    return _one(ds, login)


def set_password(
    ds: DeskSession, login: str, password: str, *, valid_until: datetime | None = None
) -> StaffUser:
    _central(ds)
    with translate(), ds.db.engine.begin() as conn:
        security.set_password(conn, login, password, valid_until)
    return _one(ds, login)


def _one(ds: DeskSession, login: str) -> StaffUser:
    for user in list_users(ds):
        if user.login == login:
            return user
    raise KnownError(f"No staff login named {login}.", code="user_unknown", login=login)
