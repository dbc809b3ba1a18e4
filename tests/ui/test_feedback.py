"""Feedback a clerk can see: status messages beside the connection, disabled actions that
say why, a busy indicator while the database works, and one path for every failure (a
known error in words, a bug logged with its traceback and shown in the bug dialog)."""

from __future__ import annotations

import logging
import re
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kkdesk.domain.levels import Level
from kkdesk.errors import KnownError
from kkdesk.services import customers
from kkdesk.services.session import DeskSession
from kkdesk.ui import failures, i18n
from kkdesk.ui.errors import describe_error
from kkdesk.ui.main_window import MainWindow
from tests.ui.conftest import find
from tests.ui.helpers import answer_source, settle, type_text
from tests.ui.test_i18n import i18n_dir  # noqa: F401 (a fixture)

KKDESK = Path(__file__).resolve().parents[2] / "kkdesk"


@pytest.fixture(autouse=True)
def _close_bug_dialogs() -> Iterator[None]:
    yield
    for dialog in list(failures._open_dialogs):
        dialog.close()


def _bug_dialogs() -> list[failures.BugDialog]:
    return [d for d in failures._open_dialogs if d.isVisible()]


def test_a_status_message_is_visible_beside_the_connection(
    qtbot: Any, window: MainWindow, desk_ds: DeskSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.resize(1280, 720)
    answer_source(monkeypatch)
    window.open_number(find(desk_ds, "möttönen matti").number)
    qtbot.waitUntil(lambda: window.view.customer is not None, timeout=10000)
    editor = window.view.form.fields.editors["street"]
    editor.setFocus()
    editor.selectAll()  # type: ignore[attr-defined]
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    type_text(qtbot, editor, "Uusi katu 7")
    with qtbot.waitSignal(window.view.form.saved, timeout=10000):
        window.save()
    bar = window.statusBar()
    assert bar.currentMessage().startswith("Saved Möttönen")
    # The connection label keeps to the right and leaves the message most of the bar.
    qtbot.waitUntil(lambda: window.identity.geometry().left() > bar.width() // 2)
    assert window.identity.isVisible() and window.identity.width() > 100


def test_disabled_actions_say_why(
    qtbot: Any, desk_ds: DeskSession, runner: Any, window_settings: Any, english: Any
) -> None:
    desk_ds.level = Level.VIEWER
    win = MainWindow(desk_ds, runner, user="reader", settings=window_settings)
    qtbot.addWidget(win)
    for action in (win.save_action, win.duplicates_action, win.letter_action):
        assert not action.isEnabled()
        assert action.statusTip() and action.toolTip() == action.statusTip()
    assert "Open a customer first" in win.duplicates_action.statusTip()
    assert "level" in win.new_person_action.statusTip()
    assert "Nothing to save" in win.save_action.toolTip()


def test_busy_indicator_shows_while_the_database_works(qtbot: Any, window: MainWindow) -> None:
    ds = window.ds

    def slow_search() -> object:
        time.sleep(0.8)  # the slow case, forced
        return customers.search(ds, "möttönen", limit=5)

    assert window.busy.isHidden()
    window.runner.run(slow_search, success=lambda _page: None)
    qtbot.waitUntil(lambda: window.busy.isVisible(), timeout=2000)
    settle(window)
    assert window.busy.isHidden()


def test_quick_work_never_flashes_the_indicator(qtbot: Any, window: MainWindow) -> None:
    shown: list[bool] = []
    window.runner.busy_changed.connect(lambda _b: shown.append(window.busy.isVisible()))
    window.runner.run(lambda: 1, success=lambda _r: None)
    settle(window)
    assert not window.busy.isVisible() and not any(shown)


def test_a_bug_in_a_panel_is_logged_and_shown_as_a_bug(
    qtbot: Any,
    window: MainWindow,
    desk_ds: DeskSession,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    def broken(*_args: object, **_kw: object) -> object:
        raise ZeroDivisionError("a bug of ours")

    monkeypatch.setattr(customers, "history", broken)
    with caplog.at_level(logging.ERROR):
        window.open_number(find(desk_ds, "möttönen matti").number)
        qtbot.waitUntil(lambda: bool(_bug_dialogs()), timeout=10000)
    logged = [r for r in caplog.records if r.exc_info and r.exc_info[0] is ZeroDivisionError]
    assert logged, "the bug was not logged with its traceback"
    dialog = _bug_dialogs()[0]
    assert "ZeroDivisionError: a bug of ours" in dialog.details.toPlainText()
    assert "Traceback" in dialog.details.toPlainText()
    dialog.copy_button.click()
    assert "ZeroDivisionError" in QApplication.clipboard().text()
    panel = next(p for p in window.view.panels if type(p).__name__ == "HistoryPanel")
    status = panel.status.text()
    assert "bug" in status and "logged" not in status


def test_a_known_error_is_words_and_no_bug(
    qtbot: Any, window: MainWindow, caplog: pytest.LogCaptureFixture
) -> None:
    from kkdesk.errors import DatabaseUnavailable

    with caplog.at_level(logging.ERROR):
        window.show_error(DatabaseUnavailable("boom"))
    assert window.last_error_text().startswith("The database cannot be reached")
    assert not _bug_dialogs() and not [r for r in caplog.records if r.exc_info]


def test_the_gui_threads_excepthook_takes_the_same_path(
    qtbot: Any, window: MainWindow, caplog: pytest.LogCaptureFixture
) -> None:
    try:
        raise KeyError("slot went wrong")
    except KeyError:
        exc_type, exc, tb = sys.exc_info()
    assert exc_type is not None and exc is not None
    with caplog.at_level(logging.ERROR):
        failures.handle_uncaught(exc_type, exc, tb)
    assert any(r.exc_info and r.exc_info[0] is KeyError for r in caplog.records)
    assert "slot went wrong" in _bug_dialogs()[0].details.toPlainText()
    failures.install_excepthook()
    try:
        assert sys.excepthook is failures.handle_uncaught
    finally:
        sys.excepthook = sys.__excepthook__


def test_a_second_bug_goes_into_the_open_dialog(qtbot: Any, window: MainWindow) -> None:
    failures.report_failure(ValueError("first"), window)
    failures.report_failure(ValueError("second"), window)
    dialogs = _bug_dialogs()
    assert len(dialogs) == 1
    text = dialogs[0].details.toPlainText()
    assert "first" in text and "second" in text


def test_every_panel_reports_failures_through_the_one_path() -> None:
    """No module of the desk words a failure of background work itself: each one that
    runs work with a ``failure=`` handler reports it through ``report_failure`` (or hands it
    on by a signal to one that does)."""
    by_signal = {
        "customer_form.py": "error_reported",  # -> MainWindow.show_error
        "customer_view.py": "load_failed",  # -> MainWindow.show_error
        "search_model.py": "search_failed",  # -> SearchPanel -> report_failure
    }
    for path in sorted((KKDESK / "ui").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        assert "has been logged" not in text, path.name
        if "failure=" not in text or path.name == "tasks.py":
            continue
        if path.name in by_signal:
            assert f"{by_signal[path.name]}.emit" in text, path.name
        else:
            assert "report_failure(" in text, path.name


def _known_codes() -> set[str]:
    pattern = re.compile(r"""\bcode\s*=\s*["']([a-z_]+)["']""")
    codes: set[str] = set()
    for path in KKDESK.rglob("*.py"):
        if "/ui/" in str(path) or "/migrations/" in str(path):
            continue
        codes |= set(pattern.findall(path.read_text(encoding="utf-8")))
    # Worded by their own rules: the fields of a refused input, who saved first.
    codes -= {"validation", "stale_edit", "known"}
    assert {"customer_not_found", "order_cancelled", "db_locked"} <= codes
    return codes


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_every_known_error_code_has_finnish_and_swedish_text(
    qapp: QApplication,
    i18n_dir: Path,  # noqa: F811 (the fixture imported above)
    lang: str,
) -> None:
    codes = sorted(_known_codes())
    english = {code: describe_error(KnownError("ENGLISH FALLBACK", code=code)) for code in codes}
    assert not [c for c, text in english.items() if text == "ENGLISH FALLBACK"]
    translations = i18n.Translations()
    assert translations.install(lang) == lang
    try:
        untranslated = [
            code
            for code in codes
            if describe_error(KnownError("ENGLISH FALLBACK", code=code)) == english[code]
        ]
    finally:
        translations.install("en")
    assert not untranslated


def test_ctrl_e_opens_the_marketing_export_from_a_text_field(
    qtbot: Any, window: MainWindow
) -> None:
    from kkdesk.ui.marketing_export_dialog import MarketingExportDialog

    window.activateWindow()
    window.search.edit.setFocus()
    qtbot.waitUntil(lambda: window.search.edit.hasFocus())
    qtbot.keyClick(window.search.edit, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    opened = [w for w in QApplication.topLevelWidgets() if isinstance(w, MarketingExportDialog)]
    assert opened and opened[0].isVisible()
    assert window.search.edit.text() == ""  # and the field did not take the key
    for dialog in opened:
        dialog.reject()
    window.runner.wait_idle(20000)


def test_copy_the_customer_number(qtbot: Any, window: MainWindow, desk_ds: DeskSession) -> None:
    assert not window.copy_number_action.isEnabled()
    assert "Open a customer first" in window.copy_number_action.statusTip()
    number = find(desk_ds, "möttönen matti").number
    window.open_number(number)
    qtbot.waitUntil(lambda: window.view.customer is not None, timeout=10000)
    assert window.copy_number_action.isEnabled()
    window.copy_number_action.trigger()
    assert QApplication.clipboard().text() == number
    assert number in window.statusBar().currentMessage()
