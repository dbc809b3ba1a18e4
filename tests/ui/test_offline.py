"""The desk over an offline snapshot: a banner, nothing to edit, export or print, the same
record; and taking customers offline from the desk with progress."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMessageBox

from kkdesk.auth.testing import MemoryKeyring, memory_keyring
from kkdesk.services import offline_reads, snapshots
from kkdesk.services.session import DeskSession
from kkdesk.ui import snapshot_dialog
from kkdesk.ui.main_window import MainWindow
from kkdesk.ui.snapshot_dialog import SnapshotDialog
from kkdesk.ui.tasks import TaskRunner
from tests.ui.conftest import find
from tests.ui.helpers import settle, type_search
from tests.ui.test_i18n import i18n_dir  # noqa: F401  (a fixture: the compiled translations)


@pytest.fixture
def ring() -> Iterator[MemoryKeyring]:
    with memory_keyring() as backend:
        yield backend


@pytest.fixture
def snapshot_file(desk_ds: DeskSession, ring: MemoryKeyring, tmp_path: Path) -> Path:
    known = find(desk_ds, "Möttönen")
    path = tmp_path / "review.kksnap"
    snapshots.create(desk_ds, path, snapshots.Selection(numbers=(known.number,)), days=14)
    return path


def _offline_window(
    qtbot: Any, path: Path, runner: TaskRunner, window_settings: QSettings
) -> MainWindow:
    offline = snapshots.open_snapshot(path)
    win = MainWindow(offline, runner, user=offline.user, settings=window_settings)
    qtbot.addWidget(win)
    win.show()
    return win


def test_offline_desk_is_read_only_with_a_banner(
    qtbot: Any,
    desk_ds: DeskSession,
    snapshot_file: Path,
    runner: TaskRunner,
    window_settings: QSettings,
    english: Any,
) -> None:
    win = _offline_window(qtbot, snapshot_file, runner, window_settings)
    banner = win.findChild(QLabel, "offlineBanner")
    assert banner is not None
    assert banner.text().startswith("Offline snapshot of ")
    assert "read-only — expires " in banner.text()
    assert "offline snapshot" in win.windowTitle()
    for name in ("newPerson", "newCompany", "save", "marketingExport", "makeSnapshot", "requests"):
        action = win.findChild(QAction, name)
        assert action is not None and not action.isEnabled(), name
    win.search.edit.setText("Möttönen")
    qtbot.waitUntil(lambda: win.search.model.query == "Möttönen" and not win.search.model.loading)
    assert win.search.model.rowCount() == 1
    win.search.focus_results()
    win.open_selected()
    qtbot.waitUntil(lambda: win.view.customer is not None)
    assert win.view.customer is not None and win.view.customer.surname == "Möttönen"
    assert not win.view.form._can_edit
    assert not win.view.form.save_button.isEnabled()
    assert not win.view.form.add_contact_button.isEnabled()
    # Every panel of the customer: nothing to record, change or export.
    flags = {
        type(panel).__name__: {
            name: getattr(panel, name)
            for name in ("can_change", "can_edit", "can_record")
            if hasattr(panel, name)
        }
        for panel in win.view.panels
    }
    assert all(not v for names in flags.values() for v in names.values()), flags
    assert any(flags.values())
    assert win.findChild(QAction, "accessLetter").isEnabled()
    dialog = win.open_access_letter()
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog._preview is not None, timeout=20000)
    assert not dialog.print_button.isEnabled() and not dialog.save_button.isEnabled()
    dialog.close()
    settle(win)
    # Both reads (the record and the letter preview) are journaled for the audit trail.
    assert len(offline_reads.pending(desk_ds)) >= 2
    win.close()
    settle(win)
    win.ds.close()


def test_open_snapshot_from_the_menu(
    qtbot: Any,
    window: MainWindow,
    snapshot_file: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(snapshot_dialog, "ask_open_snapshot", lambda _p: str(snapshot_file))
    window.findChild(QAction, "openSnapshot").trigger()
    qtbot.waitUntil(lambda: bool(window._snapshot_windows), timeout=10000)
    offline = window._snapshot_windows[0]
    assert offline.ds.read_only
    offline.close()
    qtbot.waitUntil(lambda: not window._snapshot_windows)


def test_expired_snapshot_is_refused_in_words(
    qtbot: Any,
    window: MainWindow,
    snapshot_file: Path,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    data = bytearray(snapshot_file.read_bytes())
    data[len(data) // 2] ^= 1
    damaged = tmp_path / "damaged.kksnap"
    damaged.write_bytes(bytes(data))
    window.open_snapshot(str(damaged))
    qtbot.waitUntil(lambda: bool(window.last_error_text()), timeout=10000)
    assert "altered or damaged" in window.last_error_text()
    assert not window._snapshot_windows
    for box in window.findChildren(QMessageBox):
        box.close()


def test_take_selected_customers_offline(
    qtbot: Any,
    window: MainWindow,
    ring: MemoryKeyring,
    tmp_path: Path,
) -> None:
    type_search(qtbot, window, "a")
    table = window.search.table
    assert window.search.model.rowCount() >= 3
    selection = table.selectionModel()
    for row in range(3):
        selection.select(
            window.search.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
    numbers = [s.number for s in window.search.selected_summaries()]
    assert len(numbers) == 3
    dialog = window.make_snapshot()
    assert isinstance(dialog, SnapshotDialog)
    dest = tmp_path / "desk.kksnap"
    dialog.path.setText(str(dest))
    dialog.days.setValue(5)
    with qtbot.waitSignal(dialog.made, timeout=20000) as made:
        dialog.make_button.click()
    result = made.args[0]
    assert result.customers == 3 and dest.exists()
    assert dialog.progress.value() == dialog.progress.maximum()
    offline = snapshots.open_snapshot(dest)
    try:
        assert offline.offline is not None and offline.offline.customers == 3
        assert (offline.offline.expires - offline.offline.created).days == 5
    finally:
        offline.close()
    dialog.close()


@pytest.mark.usefixtures("i18n_dir")
@pytest.mark.parametrize("language", ["fi", "sv"])
def test_banner_and_refusals_in_finnish_and_swedish(
    qtbot: Any,
    qapp: Any,
    desk_ds: DeskSession,
    snapshot_file: Path,
    runner: TaskRunner,
    window_settings: QSettings,
    language: str,
) -> None:
    from datetime import UTC, datetime, timedelta

    from kkdesk.errors import KnownError
    from kkdesk.ui import i18n
    from kkdesk.ui.errors import describe_error

    translations = i18n.Translations()
    assert translations.install(language) == language
    try:
        win = _offline_window(qtbot, snapshot_file, runner, window_settings)
        banner = win.findChild(QLabel, "offlineBanner")
        assert banner is not None
        expected = {"fi": "Offline-tilannekuva ", "sv": "Offline-ögonblicksbild från "}
        assert banner.text().startswith(expected[language])
        win.close()
        settle(win)
        win.ds.close()
        with pytest.raises(KnownError) as expired:
            snapshots.open_snapshot(snapshot_file, now=datetime.now(UTC) + timedelta(days=30))
        text = describe_error(expired.value)
        assert {"fi": "vanheni", "sv": "upphörde"}[language] in text
    finally:
        translations.install("en")
