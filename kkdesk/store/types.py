"""Column types shared by the ORM models."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import DateTime
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator


class UtcDateTime(TypeDecorator[datetime]):
    """A timestamp that is always timezone-aware UTC on the Python side.

    Every time kkdesk stores is UTC. PostgreSQL's ``timestamptz`` hands values back aware
    (in the session's zone); SQLite keeps no zone and hands them back naive. Converting here,
    once, is why no module needs its own ``_aware`` helper. Same DDL as
    ``DateTime(timezone=True)``, so no migration is needed.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    @property
    def python_type(self) -> type[datetime]:
        # A TypeDecorator says "object" unless told; code that picks values by a column's
        # Python type (the snapshot's fillers and converters) must see a datetime column.
        return datetime

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None or value.tzinfo is None:
            # A naive value is taken as UTC, as it always was when written.
            return value
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)
