"""Erasing from the desk (privacy level only): two questions, the second naming the
customer; the erasure runs off the GUI thread; afterwards the view shows the erased
state and nothing of the person."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from kkdesk.domain.levels import Level
from kkdesk.services import erasure
from kkdesk.services.session import DeskSession
from kkdesk.ui import erase_dialog
from kkdesk.ui.main_window import MainWindow
from kkdesk.ui.tasks import TaskRunner
from tests.erasure_factory import FIRST, SURNAME, rich_company, rich_person
from tests.ui.helpers import settle


def _window(qtbot: Any, ds: DeskSession, runner: TaskRunner, tmp_path: Path) -> MainWindow:
    settings = QSettings(str(tmp_path / f"{ds.level}.ini"), QSettings.Format.IniFormat)
    win = MainWindow(ds, runner, user=ds.user, settings=settings)
    qtbot.addWidget(win)
    win.resize(1280, 660)
    win.show()
    return win


def test_only_privacy_may_use_the_erase_buttons(
    qtbot: Any, ds: DeskSession, runner: TaskRunner, tmp_path: Path, english: Any
) -> None:
    number = rich_person(ds, orders=0).number
    admin = _window(qtbot, ds, runner, tmp_path)
    admin.view.open_number(number)
    settle(admin)
    form = admin.view.form
    assert form.erase_button.isVisible() and not form.erase_button.isEnabled()
    assert "does not allow erasing" in form.erase_button.toolTip()
    assert not form.erase_contact_button.isEnabled()


def test_erasing_a_customer_runs_in_the_background_and_shows_the_erased_state(
    qtbot: Any,
    ds: DeskSession,
    runner: TaskRunner,
    tmp_path: Path,
    english: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    number = rich_person(ds, orders=2).number
    privacy = DeskSession(ds.db, Level.PRIVACY)
    win = _window(qtbot, privacy, runner, tmp_path)
    win.view.open_number(number)
    settle(win)
    form = win.view.form
    assert form.erase_button.isVisible() and form.erase_button.isEnabled()

    asked: list[str] = []
    monkeypatch.setattr(erase_dialog, "ask_reason", lambda _p, who: asked.append(who) or "asked")
    monkeypatch.setattr(erase_dialog, "confirm_erasure", lambda _p, who: asked.append(who) or True)
    # The slow case: the erasure waits until the test lets it go.
    gate = threading.Event()
    real = erasure.erase

    def slow(*args: Any, **kwargs: Any) -> Any:
        assert gate.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(erasure, "erase", slow)
    form.erase_button.click()
    assert asked == [f"{SURNAME} {FIRST} (customer {number})"] * 2
    assert win.view.is_erasing and not form.erase_button.isEnabled()
    assert win.view.stack.currentWidget() is win.view.record_page  # the GUI is not blocked
    gate.set()
    settle(win)
    qtbot.waitUntil(lambda: not win.view.is_erasing)
    assert win.view.stack.currentWidget() is win.view.erased_page
    shown = win.view.erased_page.text()
    assert f"Customer {number} has been erased." in shown and "2 orders are kept" in shown
    assert SURNAME not in shown
    win.grab().save("/tmp/erase-desk-erased.png")


def test_erasing_a_contact_person_reopens_the_company(
    qtbot: Any,
    ds: DeskSession,
    runner: TaskRunner,
    tmp_path: Path,
    english: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    number, contact_id, _ = rich_company(ds)
    privacy = DeskSession(ds.db, Level.PRIVACY)
    win = _window(qtbot, privacy, runner, tmp_path)
    win.view.open_number(number)
    settle(win)
    form = win.view.form
    form.contacts_list.setCurrentRow(0)
    assert form.erase_contact_button.isEnabled()
    win.grab().save("/tmp/erase-desk-company.png")
    asked: list[str] = []
    monkeypatch.setattr(erase_dialog, "ask_reason", lambda _p, who: asked.append(who) or "left")
    monkeypatch.setattr(erase_dialog, "confirm_erasure", lambda _p, who: True)
    form.erase_contact_button.click()
    assert "contact person of Metsäkone Oy" in asked[0]
    settle(win)
    qtbot.waitUntil(lambda: not win.view.is_erasing)
    settle(win)
    assert win.view.stack.currentWidget() is win.view.record_page
    assert form.contacts_list.count() == 1
    assert erasure.erasures(privacy, number)[0].contact_person_id == contact_id


def test_the_questions_at_1280x720(qtbot: Any, english: Any) -> None:
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = erase_dialog.ReasonDialog(f"{SURNAME} {FIRST} (customer 1000017)", parent)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.width() <= 1280 and dialog.height() <= 660
    dialog.grab().save("/tmp/erase-desk-reason.png")
