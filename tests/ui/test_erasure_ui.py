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
    # The refusals are checked off the GUI thread first, then the two questions.
    qtbot.waitUntil(lambda: len(asked) == 2)
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
    qtbot.waitUntil(lambda: bool(asked))
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


def test_erase_is_disabled_with_the_reason_while_the_processing_is_restricted(
    qtbot: Any, ds: DeskSession, runner: TaskRunner, tmp_path: Path, english: Any
) -> None:
    from kkdesk.domain.restriction import RestrictionGround
    from kkdesk.services import restrictions

    number = rich_person(ds, orders=0, restriction=False).number
    privacy = DeskSession(ds.db, Level.PRIVACY)
    restrictions.restrict(
        privacy, number, RestrictionGround.UNLAWFUL_PROCESSING, "asks to keep, not erase"
    )
    win = _window(qtbot, privacy, runner, tmp_path)
    win.view.open_number(number)
    settle(win)
    form = win.view.form
    qtbot.waitUntil(lambda: form.restricted_since is not None)
    assert form.erase_button.isVisible() and not form.erase_button.isEnabled()
    assert "restricted (GDPR Art. 18)" in form.erase_button.toolTip()
    assert "Lift the restriction first" in form.erase_button.toolTip()
    win.grab().save("/tmp/guard-restricted-erase.png")


def test_the_legal_hold_dialog_sets_and_lifts_a_hold_off_the_gui_thread(
    qtbot: Any,
    ds: DeskSession,
    runner: TaskRunner,
    tmp_path: Path,
    english: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from kkdesk.ui import legal_hold_dialog

    number = rich_person(ds, orders=0, restriction=False).number
    privacy = DeskSession(ds.db, Level.PRIVACY)
    win = _window(qtbot, privacy, runner, tmp_path)
    win.view.open_number(number)
    settle(win)
    form = win.view.form
    assert form.hold_button.isVisible() and form.hold_button.isEnabled()
    assert form.erase_button.isEnabled()

    asked: list[tuple[str, bool]] = []
    monkeypatch.setattr(
        legal_hold_dialog,
        "ask",
        lambda _p, who, state: asked.append((who, state.active)) or "claim",
    )
    confirmed: list[bool] = []
    monkeypatch.setattr(
        legal_hold_dialog,
        "confirm_change",
        lambda _p, _who, setting: confirmed.append(setting) or True,
    )
    # The slow case: the hold is written only when the test lets it go.
    gate = threading.Event()
    real = erasure.set_legal_hold

    def slow(*args: Any, **kwargs: Any) -> Any:
        assert gate.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(erasure, "set_legal_hold", slow)
    form.hold_button.click()
    qtbot.waitUntil(lambda: bool(confirmed))
    assert asked == [(f"{SURNAME} {FIRST} (customer {number})", False)] and confirmed == [True]
    assert win.view.is_holding and not form.hold_button.isEnabled()  # the GUI is not blocked
    gate.set()
    qtbot.waitUntil(lambda: not win.view.is_holding)
    qtbot.waitUntil(lambda: form.legal_hold is True)
    settle(win)
    assert erasure.legal_hold(privacy, number)
    assert not form.erase_button.isEnabled() and "legal hold" in form.erase_button.toolTip()
    assert "Legal hold" in win.view.header.text.text()
    win.grab().save("/tmp/guard-legal-hold-set.png")

    form.hold_button.click()
    qtbot.waitUntil(lambda: len(confirmed) == 2)
    assert asked[-1][1] is True and confirmed[-1] is False
    qtbot.waitUntil(lambda: form.legal_hold is False)
    assert not erasure.legal_hold(privacy, number) and form.erase_button.isEnabled()


def test_only_privacy_sees_the_legal_hold_button(
    qtbot: Any, ds: DeskSession, runner: TaskRunner, tmp_path: Path, english: Any
) -> None:
    number = rich_person(ds, orders=0, restriction=False).number
    admin = _window(qtbot, ds, runner, tmp_path)
    admin.view.open_number(number)
    settle(admin)
    assert not admin.view.form.hold_button.isVisible()


@pytest.mark.parametrize("active", [False, True])
def test_the_legal_hold_dialog_by_keyboard_at_1280x720(
    qtbot: Any, english: Any, active: bool
) -> None:
    from datetime import UTC, datetime

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QWidget

    from kkdesk.domain.erasure import LegalHoldState
    from kkdesk.ui.legal_hold_dialog import LegalHoldDialog

    parent = QWidget()
    qtbot.addWidget(parent)
    state = LegalHoldState(
        "1000017", active, "invoice 17 disputed" if active else "", "privacy_a",
        datetime(2026, 3, 2, 10, tzinfo=UTC) if active else None,
    )  # fmt: skip
    dialog = LegalHoldDialog(f"{SURNAME} {FIRST} (customer 1000017)", state, parent)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.ok.isEnabled() is active  # setting one needs a reason
    qtbot.keyClicks(dialog.reason, "consumer disputes board")
    assert dialog.ok.isEnabled()
    assert ("invoice 17 disputed" in dialog.intro.text()) is active
    assert dialog.width() <= 1280 and dialog.height() <= 720
    dialog.grab().save(f"/tmp/guard-legal-hold-dialog-{'lift' if active else 'set'}.png")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert dialog.chosen_reason() == "consumer disputes board"
