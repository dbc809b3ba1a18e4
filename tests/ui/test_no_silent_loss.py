"""No silent loss: a save into a deleted or replaced register file is refused with a clear
message, and a start whose register file is missing asks before making a new empty one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from kkdesk import app
from kkdesk.config import Preferences
from kkdesk.services.session import DeskSession
from kkdesk.ui.main_window import MainWindow
from tests.ui.conftest import find
from tests.ui.helpers import answer_source, type_text


def _edit_street(qtbot: Any, window: MainWindow, desk_ds: DeskSession, street: str) -> None:
    window.open_number(find(desk_ds, "möttönen matti").number)
    qtbot.waitUntil(lambda: window.view.customer is not None, timeout=10000)
    editor = window.view.form.fields.editors["street"]
    editor.setFocus()
    editor.selectAll()  # type: ignore[attr-defined]
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    type_text(qtbot, editor, street)


def test_a_save_into_a_deleted_register_is_refused_and_the_input_kept(
    qtbot: Any, window: MainWindow, desk_ds: DeskSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer_source(monkeypatch)
    _edit_street(qtbot, window, desk_ds, "Kadonnut katu 1")
    path = Path(str(desk_ds.db.url.database))
    path.unlink()  # someone deletes the register while the desk runs
    window.save()
    qtbot.waitUntil(lambda: bool(window.last_error_text()), timeout=10000)
    assert "deleted, moved or replaced" in window.last_error_text()
    assert "Nothing was saved" in window.last_error_text()
    assert window.view.form.is_dirty()  # the clerk's input is still there
    assert window.view.form.fields.value("street") == "Kadonnut katu 1"
    assert not path.exists()


def test_a_save_into_a_replaced_register_is_refused(
    qtbot: Any, window: MainWindow, desk_ds: DeskSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    answer_source(monkeypatch)
    _edit_street(qtbot, window, desk_ds, "Korvattu katu 2")
    path = Path(str(desk_ds.db.url.database))
    copy = path.with_name("restored.sqlite3")
    shutil.copyfile(path, copy)
    copy.replace(path)
    window.save()
    qtbot.waitUntil(lambda: bool(window.last_error_text()), timeout=10000)
    assert "deleted, moved or replaced" in window.last_error_text()
    from kkdesk.services.session import open_session

    fresh = open_session(str(path))  # the file as it is now: the save did not land
    try:
        assert find(fresh, "möttönen matti").street != "Korvattu katu 2"
    finally:
        fresh.close()


def test_a_missing_named_register_is_not_recreated_without_asking(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "gone" / "register.sqlite3"
    monkeypatch.setenv("KKDESK_DB", str(path))
    asked: list[Path] = []
    with pytest.raises(app.StartCancelled):
        app.open_embedded(Preferences(), ask_create=lambda p: asked.append(p) or False)
    assert asked == [path] and not path.exists()

    ds = app.open_embedded(Preferences(), ask_create=lambda _p: True)
    try:
        assert path.exists()
    finally:
        ds.close()


def test_the_register_opened_last_is_not_recreated_without_asking(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    default = tmp_path / "data" / "kkdesk.sqlite3"
    # app imports it when used (a quick start): patched where it lives.
    monkeypatch.setattr("kkdesk.store.database.default_sqlite_path", lambda: default)
    prefs = Preferences()

    def refuse(_p: Path) -> bool:
        raise AssertionError("a first start must not ask")

    app.open_embedded(prefs, ask_create=refuse).close()  # first start: made without asking
    assert default.exists() and prefs.embedded_register == str(default)
    assert Preferences.load().embedded_register == str(default)  # remembered at once

    default.unlink()
    asked: list[Path] = []
    with pytest.raises(app.StartCancelled):
        app.open_embedded(prefs, ask_create=lambda p: asked.append(p) or False)
    assert asked == [default] and not default.exists()
