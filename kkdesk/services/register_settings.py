"""The register's own information, kept in the ``register_setting`` table.

Reading falls back to the defaults of :mod:`kkdesk.domain.register_info` for every key
that has not been stored, so a fresh register prints a complete privacy notice at once.
Only a user with the ``edit_register_settings`` capability (``admin``) may change a value;
every value is validated before it is stored, and every change is audited (action
``update``, purpose ``administration``, the key in the detail: no customer is concerned).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from kkdesk.domain import register_info as ri
from kkdesk.domain.enums import AuditAction, Purpose
from kkdesk.domain.levels import Capability
from kkdesk.errors import FieldError, ValidationFailed
from kkdesk.services import audit
from kkdesk.services.session import DeskSession
from kkdesk.store import register_settings as store
from kkdesk.store.unit_of_work import Session


def load(session: Session) -> ri.RegisterInfo:
    """The register information inside the caller's unit of work."""
    return ri.from_settings(
        {key: json.loads(value) for key, value in store.values(session).items()}
    )


def get(ds: DeskSession) -> ri.RegisterInfo:
    with ds.db.read() as session:
        return load(session)


def stored_keys(ds: DeskSession) -> dict[str, tuple[datetime, str]]:
    """The keys that have a stored value, with when and by whom they were last set."""
    with ds.db.read() as session:
        return store.last_set(session)


def _put(session: Session, ds: DeskSession, key: str, value: Any) -> None:
    text = json.dumps(ri.value_to_json(key, value), ensure_ascii=False)
    store.put(session, key, text, datetime.now(UTC), ds.user)
    audit.record(session, ds, "", AuditAction.UPDATE, Purpose.ADMINISTRATION,
                 f"register setting {key} set")  # fmt: skip


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
        if store.delete(session, key):
            audit.record(session, ds, "", AuditAction.UPDATE, Purpose.ADMINISTRATION,
                         f"register setting {key} reset to its default")  # fmt: skip
        return load(session)


def seed(ds: DeskSession) -> int:
    """Store the default of every key not stored yet (so that the table shows the whole
    notice to an administrator); returns how many keys were added."""
    ds.require(Capability.EDIT_REGISTER_SETTINGS)
    with ds.db.session() as session:
        have = store.keys(session)
        added = 0
        for key in ri.KINDS:
            if key not in have:
                _put(session, ds, key, getattr(ri.DEFAULT, key))
                added += 1
        return added


def set_many(ds: DeskSession, raw: dict[str, Any]) -> ri.RegisterInfo:
    """Store several values at once (the desk's editor): every one is validated first, and
    if any is refused, none is stored (the errors of all of them are given together)."""
    ds.require(Capability.EDIT_REGISTER_SETTINGS)
    values: dict[str, Any] = {}
    errors: dict[str, FieldError] = {}
    for key, value in raw.items():
        try:
            values[key] = ri.value_from_json(key, value)
        except ValidationFailed as exc:
            errors.update(exc.errors)
    if errors:
        raise ValidationFailed(errors)
    with ds.db.session() as session:
        for key, value in values.items():
            _put(session, ds, key, value)
        session.flush()
        return load(session)


def editor_state(ds: DeskSession) -> tuple[dict[str, Any], dict[str, tuple[datetime, str]]]:
    """What the desk's editor shows: every key's JSON value (defaults included) and, for
    the stored ones, when and by whom they were last set."""
    with ds.db.read() as session:
        return ri.to_settings(load(session)), store.last_set(session)
