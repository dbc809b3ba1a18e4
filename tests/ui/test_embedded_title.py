"""On the embedded database there are no database users: the title bar says who the desk
runs as (the local OS user) and at which level, the one set in the settings."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings

from kkdesk.domain.levels import Level
from kkdesk.services.session import DeskSession
from kkdesk.ui.main_window import MainWindow
from kkdesk.ui.tasks import TaskRunner


def test_title_names_the_local_user_and_level(window: MainWindow, desk_ds: DeskSession) -> None:
    title = window.windowTitle()
    assert f"local user {desk_ds.user}" in title
    assert "level Administrator" in title


def test_title_follows_the_level_from_the_settings(
    qtbot: Any,
    desk_ds: DeskSession,
    runner: TaskRunner,
    window_settings: QSettings,
    english: Any,
) -> None:
    viewer = DeskSession(desk_ds.db, Level.VIEWER)
    win = MainWindow(viewer, runner, user=viewer.user, settings=window_settings)
    qtbot.addWidget(win)
    assert "level Viewer" in win.windowTitle()
