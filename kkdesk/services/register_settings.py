"""The register's own information, kept in the ``register_setting`` table.

Reading falls back to the defaults of :mod:`kkdesk.domain.register_info` for every key
that has not been stored, so a fresh register prints a complete privacy notice at once.
Only a user with the ``edit_register_settings`` capability (``admin``) may change a value;
every value is validated before it is stored.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kkdesk.domain import register_info as ri
from kkdesk.domain.levels import Capability
from kkdesk.services.session import DeskSession
from kkdesk.store.models import RegisterSetting


def load(session: Session) -> ri.RegisterInfo:
    """The register information inside the caller's unit of work."""
    rows = session.execute(select(RegisterSetting.key, RegisterSetting.value)).all()
    return ri.from_settings({key: json.loads(value) for key, value in rows})


def get(ds: DeskSession) -> ri.RegisterInfo:
    with ds.db.read() as session:
        return load(session)


def stored_keys(ds: DeskSession) -> dict[str, tuple[datetime, str]]:
    """The keys that have a stored value, with when and by whom they were last set."""
    with ds.db.read() as session:
        rows = session.execute(
            select(RegisterSetting.key, RegisterSetting.updated_at, RegisterSetting.updated_by)
        ).all()
        return {key: (at, by) for key, at, by in rows}


def _put(session: Session, ds: DeskSession, key: str, value: Any) -> None:
    text = json.dumps(ri.value_to_json(key, value), ensure_ascii=False)
    row = session.get(RegisterSetting, key)
    now = datetime.now(UTC)
    if row is None:
        session.add(RegisterSetting(key=key, value=text, updated_at=now, updated_by=ds.user))
    else:
        row.value, row.updated_at, row.updated_by = text, now, ds.user


def set_value(ds: DeskSession, key: str, raw: Any) -> ri.RegisterInfo:
    """Store one value given as JSON data (see ``docs/reports.md`` for each key's shape)."""
    ds.require(Capability.EDIT_REGISTER_SETTINGS)
    value = ri.value_from_json(key, raw)
    with ds.db.session() as session:
        _put(session, ds, key, value)
        return load(session)


def reset(ds: DeskSession, key: str) -> ri.RegisterInfo:
    """Forget a stored value: the key prints its default again."""
    ds.require(Capability.EDIT_REGISTER_SETTINGS)
    ri.value_from_json(key, ri.value_to_json(key, getattr(ri.DEFAULT, key)))  # known key?
    with ds.db.session() as session:
        row = session.get(RegisterSetting, key)
        if row is not None:
            session.delete(row)
        session.flush()
        return load(session)


def seed(ds: DeskSession) -> int:
    """Store the default of every key not stored yet (so that the table shows the whole
    notice to an administrator); returns how many keys were added."""
    ds.require(Capability.EDIT_REGISTER_SETTINGS)
    with ds.db.session() as session:
        have = set(session.scalars(select(RegisterSetting.key)))
        added = 0
        for key in ri.KINDS:
            if key not in have:
                _put(session, ds, key, getattr(ri.DEFAULT, key))
                added += 1
        return added
