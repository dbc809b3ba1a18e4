"""Starting the desk: ``kkdesk --db URL`` with no command opens the desk on URL, and
``$KKDESK_DB`` wins over the profile remembered from last time."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kkdesk import app
from kkdesk.config import Preferences


def test_db_alone_opens_the_desk(monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str | None] = []
    monkeypatch.setattr(app, "run_desk", lambda db=None: opened.append(db) or 0)
    assert app.main(["--db", "/tmp/x.sqlite3"]) == 0
    assert app.main(["--db=/tmp/y.sqlite3"]) == 0
    assert app.main([]) == 0
    assert opened == ["/tmp/x.sqlite3", "/tmp/y.sqlite3", None]
    assert app.desk_database(["--db", "x", "customer", "show"]) is None  # a command: the CLI


def test_kkdesk_db_wins_over_the_remembered_profile(monkeypatch: pytest.MonkeyPatch) -> None:
    prefs = Preferences(last_profile="Helsinki office")
    assert app._wants_central(prefs)
    monkeypatch.setenv("KKDESK_DB", "/tmp/register.sqlite3")
    assert not app._wants_central(prefs)  # the file named there opens directly
    monkeypatch.setenv("KKDESK_DB", "postgresql://anna@db.example/kkdesk")
    assert app._wants_central(Preferences())


def test_the_sign_in_dialog_starts_at_kkdesk_db(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch, english: object
) -> None:
    from kkdesk.auth.profiles import Profile
    from kkdesk.ui.login_dialog import LoginDialog

    monkeypatch.setenv("KKDESK_DB", "postgresql://anna@db.example:5433/kkdesk")
    office = Profile(
        name="Helsinki office", host="db.konekesko.example", database="kkdesk", user="avirtanen"
    )
    dialog = LoginDialog(Preferences(last_profile="Helsinki office"), profiles=[office])
    qtbot.addWidget(dialog)
    assert dialog.profile.currentText() == "KKDESK_DB"
    assert dialog.host.text() == "db.example"


def test_the_window_appears_before_the_register_opens(
    qtbot: Any,
    qapp: Any,
    runner: Any,
    monkeypatch: pytest.MonkeyPatch,
    desk_template: Path,
    tmp_path: Path,
) -> None:
    """The register made slow to open (a network drive): the opening window is there
    first, the GUI thread goes on with its events meanwhile, and the desk takes its place."""
    import shutil
    import sys
    import time

    from PySide6.QtCore import QTimer

    from kkdesk.ui.main_window import MainWindow
    from kkdesk.ui.opening import OpeningWindow

    register = tmp_path / "register.sqlite3"
    shutil.copyfile(desk_template, register)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # the desk installs its own
    monkeypatch.setenv("KKDESK_DB", str(register))
    seen: dict[str, float] = {}
    ticks: list[float] = []
    real_open = app.open_register_file

    def slow_open(prefs: Preferences, path: Path) -> Any:
        seen["open started"] = time.monotonic()
        time.sleep(0.6)
        seen["open ended"] = time.monotonic()
        return real_open(prefs, path)

    monkeypatch.setattr(app, "open_register_file", slow_open)
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(10)
    start = app.open_desk(qapp, runner, Preferences.load())
    opening = start.opening
    assert isinstance(opening, OpeningWindow) and opening.isVisible()
    seen["opening shown"] = time.monotonic()
    try:
        qtbot.waitUntil(
            lambda: start.window is not None and start.window.isVisible(), timeout=30000
        )
        assert isinstance(start.window, MainWindow)
        assert start.opening is None  # the desk took its place (closed, deleted)
    finally:
        timer.stop()
        if start.window is not None:
            start.window.close()
        runner.wait_idle(20000)
        start.close()
    assert seen["opening shown"] < seen["open started"]
    during = [t for t in ticks if seen["open started"] < t < seen["open ended"]]
    assert len(during) >= 10, f"the GUI thread stalled: {len(during)} ticks in 0.6 s"
