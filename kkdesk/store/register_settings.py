"""Queries of the ``register_setting`` table: the register's own information, one JSON
value per key (the rules and the defaults are in :mod:`kkdesk.services.register_settings`)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from kkdesk.store import stamps
from kkdesk.store.models import RegisterSetting


def values(session: Session) -> dict[str, str]:
    """Every stored key with its value as JSON text."""
    rows = session.execute(select(RegisterSetting.key, RegisterSetting.value)).all()
    return {key: value for key, value in rows}


def last_set(session: Session) -> dict[str, tuple[datetime, str]]:
    """Every stored key with when and by whom it was last set."""
    rows = session.execute(
        select(RegisterSetting.key, RegisterSetting.updated_at, RegisterSetting.updated_by)
    ).all()
    return {key: (at, by) for key, at, by in rows}


def keys(session: Session) -> set[str]:
    return set(session.scalars(select(RegisterSetting.key)))


def put(session: Session, key: str, value: str, at: datetime, by: str) -> None:
    """Store ``value`` (JSON text) under ``key``, added or replaced."""
    row = session.get(RegisterSetting, key)
    if row is None:
        stamp = stamps.who_when(session, by, by="updated_by", at="updated_at", now=at)
        session.add(RegisterSetting(key=key, value=value, **stamp))
    else:
        row.value = value
        stamps.touch(session, row, by, by="updated_by", at="updated_at", now=at)


def delete(session: Session, key: str) -> bool:
    """Forget the stored value of ``key``; whether there was one."""
    row = session.get(RegisterSetting, key)
    if row is None:
        return False
    session.delete(row)
    session.flush()
    return True
