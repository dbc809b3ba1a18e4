"""Alt+letters are unique within every window and form of the desk, in en, fi and sv
(issue 12). tests/ui/test_i18n.py walks the main window's screens and the requests
window; this walks each menu, and every dialog the desk opens."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QMenu, QWidget

from kkdesk.config import Preferences
from kkdesk.domain.enums import Channel, DataSource
from kkdesk.domain.subject_requests import RequestKind
from kkdesk.services import orders, requests
from kkdesk.services.session import DeskSession
from kkdesk.ui import i18n
from kkdesk.ui.main_window import MainWindow
from kkdesk.ui.tasks import TaskRunner
from tests.ui.conftest import find
from tests.ui.test_i18n import (
    _clashes,
    _mnemonic,
    _window,
    i18n_dir,  # noqa: F401 (a fixture)
)

LANGUAGES = ["en", "fi", "sv"]


@pytest.fixture
def language(
    request: pytest.FixtureRequest,
    qapp: QApplication,
    i18n_dir: Path,  # noqa: F811 (the fixture imported above)
) -> Iterator[str]:
    translations = i18n.Translations()
    translations.install(request.param)
    yield request.param
    translations.install("en")


def _menu_clashes(menu: QMenu) -> list[str]:
    seen: dict[str, list[str]] = {}
    for action in menu.actions():
        if action.isSeparator():
            continue
        letter = _mnemonic(action.text())
        if letter:
            seen.setdefault(letter, []).append(action.text())
    return [f"{menu.title()} {k}: {v}" for k, v in seen.items() if len(v) > 1]


@pytest.mark.parametrize("language", LANGUAGES, indirect=True)
def test_each_menu_has_unique_alt_letters(
    qtbot: Any, language: str, desk_ds: DeskSession, runner: TaskRunner, tmp_path: Path
) -> None:
    win = _window(qtbot, desk_ds, runner, tmp_path)
    for number in (find(desk_ds, "möttönen matti").number, find(desk_ds, "0109862-8").number):
        win.open_number(number)
        runner.wait_idle(10000)
    clashes = []
    for menu_action in win.menuBar().actions():
        menu = menu_action.menu()
        assert isinstance(menu, QMenu)
        assert _mnemonic(menu_action.text()), menu_action.text()
        clashes += _menu_clashes(menu)
    clashes += _menu_clashes(win.recent_menu())
    assert clashes == []
    runner.wait_idle(10000)


def _dialogs(win: MainWindow, ds: DeskSession, runner: TaskRunner) -> list[tuple[str, QWidget]]:
    from kkdesk.domain.consent import ConsentItem
    from kkdesk.ui.consent_panel import EvidenceDialog
    from kkdesk.ui.dialogs import Change, ContactDialog, DuplicatesDialog, SourceDialog
    from kkdesk.ui.disclosure_panel import DisclosureDialog
    from kkdesk.ui.failures import BugDialog
    from kkdesk.ui.letter_dialog import LetterDialog
    from kkdesk.ui.login_dialog import LoginDialog
    from kkdesk.ui.marketing_export_dialog import MarketingExportDialog
    from kkdesk.ui.register_settings_dialog import RegisterSettingsDialog
    from kkdesk.ui.requests_view import IdentityDialog, NewRequestDialog, RequestsWindow
    from kkdesk.ui.settings_dialog import SettingsDialog
    from kkdesk.ui.snapshot_dialog import SnapshotDialog
    from kkdesk.ui.step_letter_dialog import SendingDialog, StepLetterDialog
    from kkdesk.ui.timeline import ReturnDialog

    number = find(ds, "möttönen matti").number
    request = requests.add(
        ds, number, RequestKind.ACCESS, received_on=date.today(), channel=Channel.LETTER,
        identity_method="ID card",
    )  # fmt: skip
    from tests.orders_factory import standard_history

    order = orders.orders_of(ds, standard_history(ds))[-1]  # delivered: returnable
    return [
        ("marketing export", MarketingExportDialog(ds, runner, win)),
        ("requests window", RequestsWindow(ds, runner, win)),
        ("settings", SettingsDialog(Preferences(), embedded=True, parent=win)),
        ("register settings", RegisterSettingsDialog(ds, runner, win)),
        ("shortcuts", win.shortcuts_dialog()),
        ("new request", NewRequestDialog(number, win, user="anna")),
        ("identity", IdentityDialog(request.id, win, user="anna")),
        ("contact person", ContactDialog(None, "FI", win)),
        ("source", SourceDialog([Change("Street", "a", "b")], DataSource.CUSTOMER_PHONE, win)),
        ("duplicates", DuplicatesDialog((), win)),
        ("disclosure", DisclosureDialog(win)),
        ("evidence", EvidenceDialog(ConsentItem.OBJECTION, True, win)),
        ("access letter", LetterDialog(ds, runner, number, parent=win)),
        ("step letters", StepLetterDialog(ds, runner, request, win)),
        ("sending", SendingDialog(win)),
        ("snapshot", SnapshotDialog(ds, runner, [number], parent=win)),
        ("sign-in", LoginDialog(Preferences(), win, profiles=[])),
        ("return", ReturnDialog(ds, runner, order, win)),
        ("bug", BugDialog("details", win)),
    ]


@pytest.mark.parametrize("language", LANGUAGES, indirect=True)
def test_every_dialog_has_unique_alt_letters(
    qtbot: Any, language: str, desk_ds: DeskSession, runner: TaskRunner, tmp_path: Path
) -> None:
    win = _window(qtbot, desk_ds, runner, tmp_path)
    found = []
    for name, dialog in _dialogs(win, desk_ds, runner):
        qtbot.addWidget(dialog)
        dialog.show()
        runner.wait_idle(20000)
        clashes = _clashes(dialog)
        if clashes:
            found.append((name, clashes))
        if isinstance(dialog, QDialog):
            dialog.reject()
        runner.wait_idle(20000)
    assert found == []
