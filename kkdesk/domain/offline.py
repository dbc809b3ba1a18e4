"""What the desk knows about an open offline snapshot (shown in its banner)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from kkdesk.domain.levels import Level


@dataclass(frozen=True)
class SnapshotInfo:
    """An offline snapshot's own description, from its authenticated header."""

    path: str
    key_id: str
    created: datetime
    expires: datetime
    made_by: str  # the user who made it (the database user on PostgreSQL)
    level: Level  # the level it was made at: what it holds, and what the review may do
    source: str  # the database it was made from, as kkdesk describes it
    customers: int
