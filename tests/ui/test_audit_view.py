"""The "Audit trail" tab: privacy and admin see the rows; other levels see why not."""

from __future__ import annotations

from typing import Any

from kkdesk.domain.enums import Purpose
from kkdesk.domain.levels import Level
from kkdesk.services import customers
from kkdesk.services.session import DeskSession
from kkdesk.ui.audit_view import AuditModel, AuditPanel
from kkdesk.ui.tasks import TaskRunner


def test_privacy_sees_the_trail(
    qtbot: Any, desk_ds: DeskSession, runner: TaskRunner, english: Any
) -> None:
    number = customers.search(desk_ds, "Möttönen", limit=1).rows[0].number
    opened = customers.get(desk_ds, number, purpose=Purpose.SUBJECT_REQUEST)
    privacy = DeskSession(desk_ds.db, Level.PRIVACY)
    panel = AuditPanel(privacy, runner)
    qtbot.addWidget(panel)
    assert panel.title() == "Audit trail"
    panel.set_customer(opened)
    runner.wait_idle()
    model = panel.model
    assert model.rowCount() >= 2
    first = [model.data(model.index(0, c)) for c in range(model.columnCount())]
    assert first[1] == desk_ds.user
    assert first[2] == "Opened"
    assert first[3] == "Data subject's request"
    panel.set_customer(None)
    assert model.rowCount() == 0


def test_a_change_made_outside_the_desk_is_explained(qapp: Any, english: Any) -> None:
    from datetime import UTC, datetime

    from kkdesk.services.audit import AuditEntry

    model = AuditModel()
    model.set_rows(
        (
            AuditEntry(
                datetime(2026, 11, 24, tzinfo=UTC),
                "pekka",
                "1000017",
                "update",
                "",
                "recorded by the database: update on contact_person",
            ),
        )
    )
    row = [model.data(model.index(0, c)) for c in range(model.columnCount())]
    assert row[2:] == ["Changed", "—", "Changed outside the desk: contact person"]


def test_other_levels_are_told_why(
    qtbot: Any, desk_ds: DeskSession, runner: TaskRunner, english: Any
) -> None:
    panel = AuditPanel(DeskSession(desk_ds.db, Level.CLERK), runner)
    qtbot.addWidget(panel)
    number = customers.search(desk_ds, "Möttönen", limit=1).rows[0].number
    panel.set_customer(customers.get(desk_ds, number, purpose=Purpose.CUSTOMER_SERVICE))
    runner.wait_idle()
    assert not panel.table.isEnabled() and panel.table.isHidden()
    text = panel.status.text()
    assert "Privacy officer" in text and "Administrator" in text and "Clerk" in text
    assert panel.model.rowCount() == 0
    assert isinstance(panel.model, AuditModel)
