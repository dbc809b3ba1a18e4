"""Starting the desk: ``kkdesk --db URL`` with no command opens the desk on URL, and
``$KKDESK_DB`` wins over the profile remembered from last time."""

from __future__ import annotations

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
