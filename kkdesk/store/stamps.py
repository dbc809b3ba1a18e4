"""Who and when on the rows kkdesk writes: the one place that knows who writes them.

On PostgreSQL the server writes every who/when column (``created_by/at``,
``updated_by/at``, ``recorded_by/at``, ``changed_by/at``) itself, from ``session_user``
and the transaction time (migration 0004's ``kkdesk_stamp`` triggers): the client sends
none, and reads back what the server wrote where it shows it. The embedded SQLite register
has no users and no triggers: there kkdesk writes the OS user and the time itself.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified, set_committed_value


def _is_sqlite(session: Session | Connection) -> bool:
    if isinstance(session, Connection):
        return session.dialect.name == "sqlite"
    return session.get_bind().dialect.name == "sqlite"


def who_when(
    session: Session | Connection, user: str, *, by: str, at: str = "", now: datetime | None = None
) -> dict[str, Any]:
    """The values of the ``by`` and ``at`` columns a new row needs from the client: the
    user and the time on SQLite, nothing on PostgreSQL (the server's triggers fill them)."""
    if not _is_sqlite(session):
        return {}
    out: dict[str, Any] = {by: user}
    if at:
        out[at] = now or datetime.now(UTC)
    return out


def touch(
    session: Session,
    row: Any,
    user: str,
    *,
    by: str,
    at: str = "",
    now: datetime | None = None,
) -> None:
    """Stamp ``row`` as changed now by ``user``. On PostgreSQL the row is only marked
    changed, so that its UPDATE goes out (and the server's trigger stamps it and bumps its
    version) even when nothing else of the row itself changed; the value sent is the
    stored one, which the trigger replaces."""
    if _is_sqlite(session):
        for name, value in who_when(session, user, by=by, at=at, now=now).items():
            setattr(row, name, value)
    else:
        flag_modified(row, by)


def read_back(session: Session, row: Any, *names: str) -> None:
    """Load what the server wrote into ``names`` of a row just flushed (PostgreSQL); on
    SQLite the row already holds what kkdesk wrote."""
    if not _is_sqlite(session):
        session.refresh(row, attribute_names=list(names))


def server_stamped(
    session: Session, row: Any, *, by: str, at: str, user: str | None, when: datetime | None
) -> None:
    """Record in a row just flushed what the server's trigger stamped it with, known
    without reading it back (PostgreSQL): ``user`` (the session's database user) and
    ``when`` (the transaction's time, ``now()``, read earlier in the same transaction).
    Without them the row is read back (:func:`read_back`)."""
    if _is_sqlite(session):
        return
    if when is None or user is None:
        read_back(session, row, at, by)
        return
    set_committed_value(row, by, user)
    set_committed_value(row, at, when)
