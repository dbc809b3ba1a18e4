"""The "Disclosures" tab: listing a customer's disclosures (exports included), recording a
disclosure to an authority or third party only with every detail, and who may do what."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLabel

from kkdesk.domain.consent import MarketingChannel, MarketingPurpose
from kkdesk.domain.disclosure import DisclosureDraft, DisclosureKind
from kkdesk.domain.levels import Level
from kkdesk.services import customers, disclosures, marketing
from kkdesk.services.session import DeskSession
from kkdesk.ui import disclosure_panel
from kkdesk.ui.disclosure_panel import DisclosureDialog, DisclosurePanel
from kkdesk.ui.formatting import format_date
from kkdesk.ui.tasks import TaskRunner

POLICE = DisclosureDraft(
    DisclosureKind.AUTHORITY,
    date.today() - timedelta(days=3),
    "Helsingin poliisilaitos",
    "Poliisilaki 4:3",
    "Nimi ja osoite",
)


def number_of(ds: DeskSession, name: str) -> str:
    return customers.search(ds, name, limit=1).rows[0].number


def open_panel(qtbot: Any, ds: DeskSession, runner: TaskRunner, number: str) -> DisclosurePanel:
    panel = DisclosurePanel(ds, runner)
    qtbot.addWidget(panel)
    panel.show()
    panel.set_customer(customers.get(ds, number, purpose="customer_service"))
    assert panel.wait_loaded()
    return panel


def cells(panel: DisclosurePanel, row: int) -> list[str]:
    return [panel.table.item(row, c).text() for c in range(panel.table.columnCount())]


def test_recording_a_disclosure_lists_it(
    qtbot: Any,
    desk_ds: DeskSession,
    runner: TaskRunner,
    monkeypatch: pytest.MonkeyPatch,
    english: object,
) -> None:
    number = number_of(desk_ds, "Möttönen Matti")
    privacy = DeskSession(desk_ds.db, Level.PRIVACY)
    panel = open_panel(qtbot, privacy, runner, number)
    assert panel.table.rowCount() == 0
    assert panel.status.text() == "No disclosures of this customer's data."
    assert panel.record_button.isEnabled()
    monkeypatch.setattr(disclosure_panel, "ask_disclosure", lambda _parent: POLICE)
    with qtbot.waitSignal(panel.disclosure_recorded, timeout=10000):
        panel.record_button.click()
    assert panel.wait_loaded()
    listed = disclosures.of_customer(privacy, number)
    assert len(listed) == 1 and listed[0].recipient == "Helsingin poliisilaitos"
    assert panel.table.rowCount() == 1
    assert cells(panel, 0) == [
        format_date(POLICE.disclosed_on),
        "Authority (legal duty)",
        "Helsingin poliisilaitos",
        "Poliisilaki 4:3",
        privacy.user,
        "1",
        "Nimi ja osoite",
    ]


def test_cancelled_dialog_records_nothing(
    qtbot: Any, desk_ds: DeskSession, runner: TaskRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    number = number_of(desk_ds, "Möttönen Matti")
    panel = open_panel(qtbot, desk_ds, runner, number)
    monkeypatch.setattr(disclosure_panel, "ask_disclosure", lambda _parent: None)
    panel.record_button.click()
    assert panel.wait_loaded()
    assert disclosures.of_customer(desk_ds, number) == ()


def test_marketing_exports_are_listed_on_each_customer(
    qtbot: Any, desk_ds: DeskSession, runner: TaskRunner, tmp_path: Path, english: object
) -> None:
    number = number_of(desk_ds, "Möttönen Matti")
    marketer = DeskSession(desk_ds.db, Level.MARKETING)
    marketing.export(
        marketer,
        MarketingPurpose.DISTANCE_SELLING,
        MarketingChannel.POST,
        tmp_path / "x.csv",
        recipient="Postitalo Oy",
    )
    panel = open_panel(qtbot, marketer, runner, number)
    assert panel.table.rowCount() == 1
    row = cells(panel, 0)
    assert row[1:3] == ["Marketing export", "Postitalo Oy"]
    assert row[6] == "Distance selling by post: name and postal address"
    assert int(row[5].replace(",", "")) > 1
    # Marketing sees the exports but records no disclosures to authorities.
    assert not panel.record_button.isEnabled() and panel.record_button.toolTip()


@pytest.mark.parametrize("level", [Level.VIEWER, Level.CLERK])
def test_other_levels_are_told_they_may_not_see_disclosures(
    qtbot: Any, desk_ds: DeskSession, runner: TaskRunner, level: Level, english: object
) -> None:
    number = number_of(desk_ds, "Möttönen Matti")
    disclosures.record(desk_ds, number, POLICE)
    panel = open_panel(qtbot, DeskSession(desk_ds.db, level), runner, number)
    assert panel.table.rowCount() == 0
    assert "may not see" in panel.status.text()
    assert not panel.record_button.isEnabled()


def test_dialog_cannot_be_saved_until_complete(qtbot: Any, english: object) -> None:
    dialog = DisclosureDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.save_button.isEnabled()
    assert dialog.problem.text() == ""  # nothing nagging before the user starts
    buddies = {
        label.text(): label.buddy()
        for label in dialog.findChildren(QLabel)
        if label.buddy() is not None
    }
    keys = [QKeySequence.mnemonic(text).toString() for text in buddies]
    assert len(set(keys)) == len(keys) == 5
    assert all(w.accessibleName() for w in buddies.values())
    assert dialog.focusWidget() is dialog.kind
    dialog.kind.setCurrentIndex(dialog.kind.findData(DisclosureKind.THIRD_PARTY.value))
    qtbot.keyClicks(dialog.recipient, "Vakuutus Oy")
    qtbot.keyClicks(dialog.legal_basis, "Asiakkaan pyynto 2.5.2025")
    assert not dialog.save_button.isEnabled()
    assert dialog.problem.text() == "What was disclosed: Required."
    dialog.accept()  # Enter in a field: refused
    assert dialog.result() != DisclosureDialog.DialogCode.Accepted
    dialog.description.setPlainText("Tilaus W-1 ja toimitustiedot")
    tomorrow = date.today() + timedelta(days=1)
    dialog.disclosed_on.clear()
    qtbot.keyClicks(dialog.disclosed_on, tomorrow.isoformat())
    assert not dialog.save_button.isEnabled()
    assert dialog.problem.text() == "Date: The date is in the future."
    dialog.disclosed_on.clear()
    qtbot.keyClicks(dialog.disclosed_on, "2025-05-02")
    assert dialog.save_button.isEnabled()
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        dialog.save_button.click()
    assert dialog.draft() == DisclosureDraft(
        DisclosureKind.THIRD_PARTY,
        date(2025, 5, 2),
        "Vakuutus Oy",
        "Asiakkaan pyynto 2.5.2025",
        "Tilaus W-1 ja toimitustiedot",
    )
