"""The desk reminds when the embedded register's last backup is older than the preference."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel

from kkdesk.config import Preferences
from kkdesk.services import backups
from kkdesk.services.session import DeskSession
from kkdesk.ui.main_window import MainWindow
from kkdesk.ui.tasks import TaskRunner


def _window(qtbot: Any, ds: DeskSession, runner: TaskRunner, s: QSettings, days: int) -> MainWindow:
    win = MainWindow(
        ds, runner, user=ds.user, prefs=Preferences(backup_reminder_days=days), settings=s
    )
    qtbot.addWidget(win)
    return win


def test_reminder_until_backed_up(
    qtbot: Any,
    desk_ds: DeskSession,
    runner: TaskRunner,
    window_settings: QSettings,
    english: Any,
    tmp_path: Path,
) -> None:
    win = _window(qtbot, desk_ds, runner, window_settings, 7)
    label = win.findChild(QLabel, "backupReminder")
    assert label is not None and label.text() == "No backup yet"
    assert "never been backed up" in label.toolTip()  # what to do, in full
    off = _window(qtbot, desk_ds, runner, window_settings, 0)
    assert off.findChild(QLabel, "backupReminder") is None
    backups.backup(Path(str(desk_ds.db.url.database)), tmp_path / "b.sqlite3")
    done = _window(qtbot, desk_ds, runner, window_settings, 7)
    assert done.findChild(QLabel, "backupReminder") is None
