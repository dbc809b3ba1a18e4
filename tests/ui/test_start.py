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


def _run_desk_until_ready(
    qapp: Any, monkeypatch: pytest.MonkeyPatch, register: Path, delay: float
) -> tuple[int, dict[str, float], list[float]]:
    """``run_desk()`` on ``register`` with its opening made ``delay`` seconds slow; returns
    its exit code, when things happened (monotonic seconds) and the GUI thread's ticks."""
    import sys
    import time

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from kkdesk import logs
    from kkdesk.ui.main_window import MainWindow
    from kkdesk.ui.opening import OpeningWindow

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_desk installs its own
    monkeypatch.setenv("KKDESK_DB", str(register))
    seen: dict[str, float] = {}
    ticks: list[float] = []
    real_open = app.open_register_file

    def slow_open(prefs: Preferences, path: Path) -> Any:
        seen["open started"] = time.monotonic()
        time.sleep(delay)  # the register on a slow network drive
        seen["open ended"] = time.monotonic()
        return real_open(prefs, path)

    monkeypatch.setattr(app, "open_register_file", slow_open)

    def tick() -> None:
        now = time.monotonic()
        ticks.append(now)
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, OpeningWindow) and widget.isVisible():
                seen.setdefault("opening shown", now)
            if isinstance(widget, MainWindow) and widget.isVisible():
                seen["desk shown"] = now
                seen["opening still shown"] = float(
                    any(
                        isinstance(w, OpeningWindow) and w.isVisible()
                        for w in QApplication.topLevelWidgets()
                    )
                )
                timer.stop()
                widget.close()
                QApplication.exit(0)

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(10)
    try:
        code = app.run_desk()
    finally:
        timer.stop()
        logs.uninstall()
    return code, seen, ticks


def test_the_window_appears_before_the_register_opens(
    qapp: Any, monkeypatch: pytest.MonkeyPatch, desk_template: Path, tmp_path: Path
) -> None:
    import shutil

    register = tmp_path / "register.sqlite3"
    shutil.copyfile(desk_template, register)
    code, seen, ticks = _run_desk_until_ready(qapp, monkeypatch, register, delay=0.6)
    assert code == 0
    assert seen["opening shown"] < seen["open started"] < seen["desk shown"]
    assert not seen["opening still shown"]  # the desk took its place
    # The GUI thread went on with its events while the register was opening.
    during = [t for t in ticks if seen["open started"] < t < seen["open ended"]]
    assert len(during) >= 10, f"the GUI thread stalled: {len(during)} ticks in 0.6 s"
