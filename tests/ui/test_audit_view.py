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


def test_other_levels_are_told_why(
    qtbot: Any, desk_ds: DeskSession, runner: TaskRunner, english: Any
) -> None:
    panel = AuditPanel(DeskSession(desk_ds.db, Level.CLERK), runner)
    qtbot.addWidget(panel)
    number = customers.search(desk_ds, "Möttönen", limit=1).rows[0].number
    panel.set_customer(customers.get(desk_ds, number, purpose=Purpose.CUSTOMER_SERVICE))
    runner.wait_idle()
    assert not panel.table.isEnabled()
    assert "privacy" in panel.status.text() and "clerk" in panel.status.text()
    assert panel.model.rowCount() == 0
    assert isinstance(panel.model, AuditModel)
