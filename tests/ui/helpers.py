"""Small helpers of the desk's tests: wait for the runner, answer the desk's questions."""

from __future__ import annotations

from typing import Any

import pytest

from kkdesk.domain.enums import DataSource
from kkdesk.ui import dialogs
from kkdesk.ui.main_window import MainWindow


def settle(win: MainWindow) -> None:
    assert win.runner.wait_idle(20000), "a task did not finish"


def type_search(qtbot: Any, win: MainWindow, text: str) -> None:
    win.search.edit.clear()
    qtbot.keyClicks(win.search.edit, text)
    qtbot.waitUntil(lambda: win.search.model.query == text and not win.search.model.loading)


def answer_source(
    monkeypatch: pytest.MonkeyPatch, source: DataSource = DataSource.CUSTOMER_PHONE
) -> list[list[dialogs.Change]]:
    """Answer "where is this data from?" with ``source``; returns the changes it was asked."""
    asked: list[list[dialogs.Change]] = []

    def fake(_parent: object, changes: list[dialogs.Change], _default: object) -> Any:
        asked.append(changes)
        return source, "test"

    monkeypatch.setattr(dialogs, "ask_source", fake)
    return asked


def type_text(qtbot: Any, widget: Any, text: str) -> None:
    """Type ``text`` key by key; QTest only knows ASCII keys, so "ä" is sent as a key event."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(widget, ch)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            QApplication.sendEvent(widget, event)
