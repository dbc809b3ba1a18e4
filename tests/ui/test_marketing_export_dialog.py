"""The marketing export dialog: the preview count, saving off the GUI thread with
progress, and no export for levels without the right."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest

from kkdesk.domain.consent import MarketingChannel, MarketingPurpose
from kkdesk.domain.levels import Level
from kkdesk.services import marketing
from kkdesk.services.session import DeskSession
from kkdesk.ui import marketing_export_dialog as module
from kkdesk.ui.marketing_export_dialog import MarketingExportDialog
from kkdesk.ui.tasks import TaskRunner


def make(qtbot: Any, ds: DeskSession, runner: TaskRunner) -> MarketingExportDialog:
    dialog = MarketingExportDialog(ds, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.wait_idle()
    return dialog


def test_preview_follows_the_choice(
    qtbot: Any, desk_ds: DeskSession, runner: TaskRunner, english: object
) -> None:
    dialog = make(qtbot, desk_ds, runner)
    expected = marketing.preview(
        desk_ds, MarketingPurpose.DIRECT_ADVERTISING, MarketingChannel.POST
    )
    assert dialog.count.text().replace(",", "") == str(expected)
    dialog.channel.setCurrentIndex(dialog.channel.findData("email"))
    assert dialog.wait_idle()
    expected = marketing.preview(
        desk_ds, MarketingPurpose.DIRECT_ADVERTISING, MarketingChannel.EMAIL
    )
    assert dialog.count.text().replace(",", "") == str(expected)


def test_save_writes_the_file_with_progress(
    qtbot: Any,
    desk_ds: DeskSession,
    runner: TaskRunner,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    english: object,
) -> None:
    out = tmp_path / "kirje"
    monkeypatch.setattr(module, "ask_save_path", lambda *_: str(out))
    dialog = make(qtbot, desk_ds, runner)
    dialog.purpose.setCurrentIndex(dialog.purpose.findData("genealogy"))
    dialog.recipient.setText("Sukututkijat ry")
    assert dialog.wait_idle()
    with qtbot.waitSignal(dialog.exported, timeout=20000) as blocker:
        dialog.save_button.click()
    result = blocker.args[0]
    with open(tmp_path / "kirje.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == result.count > 0
    assert dialog.progress.value() == dialog.progress.maximum()
    assert dialog.save_button.isEnabled()
    assert str(result.count) in dialog.status.text().replace(",", "")
    assert f"disclosure {result.disclosure_id}" in dialog.status.text()


@pytest.mark.parametrize("level", [Level.CLERK, Level.VIEWER])
def test_no_export_without_the_right(
    qtbot: Any, desk_ds: DeskSession, runner: TaskRunner, level: Level, english: object
) -> None:
    dialog = make(qtbot, DeskSession(desk_ds.db, level), runner)
    assert not dialog.save_button.isEnabled()
    assert dialog.save_button.toolTip()


def test_the_columns_follow_the_channel(
    qtbot: Any, desk_ds: DeskSession, runner: TaskRunner, english: object
) -> None:
    dialog = make(qtbot, DeskSession(desk_ds.db, Level.MARKETING), runner)
    assert "postal code" in dialog.contents.text() and "e-mail" not in dialog.contents.text()
    dialog.channel.setCurrentIndex(dialog.channel.findData("sms"))
    assert dialog.wait_idle()
    assert dialog.contents.text() == "customer number, name, mobile number, language"
    assert dialog.count.text().replace(",", "") == str(
        marketing.preview(desk_ds, MarketingPurpose.DIRECT_ADVERTISING, MarketingChannel.SMS)
    )
