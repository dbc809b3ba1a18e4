"""The audit trail: who read or changed which customer's data, when, and why.

Rows hold no personal values (customer number, action, purpose, user, time), so they never
need changing or erasing. On PostgreSQL the security migration makes the table append-only
and the server, not the client, decides who the actor is.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy.orm import Session

from kkdesk.domain.enums import AuditAction, Purpose
from kkdesk.services.session import DeskSession
from kkdesk.store.models import AuditEvent


def record(
    session: Session,
    ds: DeskSession,
    customer_number: str,
    action: AuditAction,
    purpose: Purpose | str = "",
    detail: str = "",
) -> None:
    """Add one audit row inside the caller's unit of work (it commits with the work)."""
    session.add(
        AuditEvent(
            at=datetime.now(UTC),
            actor=ds.user,
            customer_number=customer_number,
            action=str(action),
            purpose=str(purpose),
            detail=detail[:200],
        )
    )
