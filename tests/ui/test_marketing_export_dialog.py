"""The marketing export dialog: the preview count, saving off the GUI thread with
progress, and no export for levels without the right."""

from __future__ import annotations

import csv
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from kkdesk.domain.consent import MarketingChannel, MarketingPurpose
from kkdesk.domain.levels import Level
from kkdesk.services import marketing
from kkdesk.services.session import DeskSession
from kkdesk.store import marketing as store_marketing
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


def _disclosures(ds: DeskSession) -> tuple[int, int]:
    con = sqlite3.connect(str(ds.db.url.database))
    try:
        return (
            con.execute("SELECT count(*) FROM disclosure").fetchone()[0],
            con.execute("SELECT count(*) FROM disclosure_customer").fetchone()[0],
        )
    finally:
        con.close()


def _slow_batches(monkeypatch: pytest.MonkeyPatch, pause: float) -> None:
    """The slow case forced: small batches, and the store sleeps after each one (on the
    worker thread, as a big register or a slow link would)."""
    monkeypatch.setattr(store_marketing, "BATCH", 3)
    real_stream = store_marketing.stream

    def slow_stream(*args: Any, **kwargs: Any) -> Any:
        on_batch = args[4] if len(args) > 4 else kwargs.get("on_batch")

        def sleepy(done: int) -> None:
            time.sleep(pause)
            if on_batch is not None:
                on_batch(done)

        return real_stream(*args[:4], sleepy)

    monkeypatch.setattr(store_marketing, "stream", slow_stream)


def test_progress_counts_the_customers_written(
    qtbot: Any,
    desk_ds: DeskSession,
    runner: TaskRunner,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    english: object,
) -> None:
    _slow_batches(monkeypatch, 0.01)
    monkeypatch.setattr(module, "ask_save_path", lambda *_: str(tmp_path / "out.csv"))
    dialog = make(qtbot, desk_ds, runner)
    counted = int(dialog.count.text().replace(",", ""))
    assert counted > 6
    seen: list[tuple[int, int]] = []
    dialog.progress.valueChanged.connect(lambda v: seen.append((v, dialog.progress.maximum())))
    with qtbot.waitSignal(dialog.exported, timeout=20000) as blocker:
        dialog.save_button.click()
    assert blocker.args[0].count == counted
    # The bar's end is the count shown, and it moves in rows written, batch by batch.
    assert {m for _, m in seen} == {counted}
    assert [v for v, _ in seen][:4] == [0, 3, 6, 9]
    assert seen[-1] == (counted, counted)
    assert dialog.progress.text().replace(",", "") == f"{counted} of {counted} customers"


def test_cancel_mid_way_leaves_no_file_and_no_disclosure(
    qtbot: Any,
    desk_ds: DeskSession,
    runner: TaskRunner,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    english: object,
) -> None:
    _slow_batches(monkeypatch, 0.05)
    out = tmp_path / "out.csv"
    monkeypatch.setattr(module, "ask_save_path", lambda *_: str(out))
    dialog = make(qtbot, desk_ds, runner)
    assert not dialog.cancel_button.isVisible()
    dialog.save_button.click()
    # Mid-way: some rows written, far from all.
    qtbot.waitUntil(lambda: dialog.progress.value() >= 6, timeout=10000)
    assert dialog.progress.value() < dialog.progress.maximum()
    assert dialog.cancel_button.isVisible() and dialog.cancel_button.isEnabled()
    assert not dialog.save_button.isEnabled() and dialog.save_button.toolTip()
    assert not dialog.purpose.isEnabled()
    dialog.cancel_button.click()
    assert dialog.wait_idle()
    qtbot.waitUntil(lambda: dialog.purpose.isEnabled(), timeout=5000)
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    assert _disclosures(desk_ds) == (0, 0)
    assert "cancelled" in dialog.status.text()
    # Usable again: the controls are back, and the next save goes through.
    assert not dialog.cancel_button.isVisible()
    assert dialog.save_button.isEnabled() and not dialog.save_button.toolTip()
    assert dialog.channel.isEnabled() and dialog.recipient.isEnabled()
    _slow_batches(monkeypatch, 0)
    with qtbot.waitSignal(dialog.exported, timeout=20000) as blocker:
        dialog.save_button.click()
    assert out.exists() and _disclosures(desk_ds)[0] == 1
    assert blocker.args[0].count > 0


def test_no_save_while_counting(
    qtbot: Any,
    desk_ds: DeskSession,
    runner: TaskRunner,
    monkeypatch: pytest.MonkeyPatch,
    english: object,
) -> None:
    """Forced slow: the count waits for the test's go-ahead."""
    go = threading.Event()
    real_count = store_marketing.count

    def held_count(*args: Any) -> int:
        go.wait(10)
        return real_count(*args)

    monkeypatch.setattr(store_marketing, "count", held_count)
    dialog = MarketingExportDialog(desk_ds, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.count.text() == "counting…"
    assert not dialog.save_button.isEnabled()
    assert "counted" in dialog.save_button.toolTip()
    go.set()
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=10000)
    assert dialog.save_button.toolTip() == ""
    # A new choice counts again, and Save waits again.
    go.clear()
    dialog.channel.setCurrentIndex(dialog.channel.findData("email"))
    assert not dialog.save_button.isEnabled()
    go.set()
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=10000)
    assert dialog.wait_idle()
