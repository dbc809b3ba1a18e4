"""The audit trail on the embedded database: the desk writes the OS user and the time."""

from __future__ import annotations

import pytest

from kkdesk.domain.customer import CustomerDraft
from kkdesk.domain.enums import AuditAction, DataSource, Purpose
from kkdesk.domain.levels import Level
from kkdesk.errors import PermissionDenied
from kkdesk.services import audit, customers
from kkdesk.services.session import DeskSession


def test_reads_and_changes_are_in_the_trail(ds: DeskSession) -> None:
    created = customers.create(
        ds, CustomerDraft(surname="Virtanen", first_names="Matti"), source=DataSource.CUSTOMER_PHONE
    )
    customers.get(ds, created.number, purpose=Purpose.SUBJECT_REQUEST)
    with ds.db.session() as session:
        audit.record(session, ds, created.number, AuditAction.REPORT, "subject_request", "x" * 300)
    entries = audit.trail(ds, created.number)
    assert [(e.action, e.purpose) for e in entries] == [
        ("report", "subject_request"),
        ("read", "subject_request"),
        ("create", "customer_service"),
    ]
    assert {e.actor for e in entries} == {ds.user}
    assert len(entries[0].detail) == 200
    assert all(e.at.tzinfo is not None for e in entries)


def test_only_privacy_reads_the_trail(ds: DeskSession) -> None:
    for level in (Level.VIEWER, Level.CLERK, Level.MARKETING):
        with pytest.raises(PermissionDenied):
            audit.trail(DeskSession(ds.db, level), "1")
    assert audit.trail(DeskSession(ds.db, Level.PRIVACY), "1") == ()
