"""File → Import address updates…: the preview's counts and lines, applying after the
confirmation (off the GUI thread, with the slow case forced), a refused file, and no
import for levels that may not edit customers."""

from __future__ import annotations

import sqlite3
import threading
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from kkdesk.domain import address_updates as au
from kkdesk.domain.consent import ConsentItem, Evidence
from kkdesk.domain.customer import CustomerDraft
from kkdesk.domain.enums import Channel, DataSource
from kkdesk.domain.levels import Level
from kkdesk.domain.search import customer_number
from kkdesk.services import address_updates, consents, customers
from kkdesk.services.session import DeskSession
from kkdesk.ui import address_update_dialog as module
from kkdesk.ui.address_update_dialog import AddressUpdateDialog
from kkdesk.ui.main_window import MainWindow
from kkdesk.ui.tasks import TaskRunner

HEADER = "customer_number;new_street;new_postal_code;new_post_office;valid_from\n"


def add(ds: DeskSession, surname: str) -> str:
    draft = CustomerDraft(surname=surname, first_names="Testi", street="Vanha 1",
                          postal_code="00100", post_office="HELSINKI")  # fmt: skip
    return customers.create(ds, draft, source=DataSource.CUSTOMER_WEBSHOP).number


@pytest.fixture
def update_file(desk_ds: DeskSession, tmp_path: Path) -> tuple[Path, dict[str, str]]:
    n = {k: add(desk_ds, k.title()) for k in ("good", "current", "prohibited")}
    evidence = Evidence(date.today(), Channel.LETTER, "VTJ-1")
    consents.record(desk_ds, n["prohibited"], ConsentItem.REGISTER_UPDATES, True, evidence)
    path = tmp_path / "posti.csv"
    path.write_text(
        HEADER
        + f"{n['good']};Uusi 1;00200;Helsinki;2026-03-01\n"
        + f"{n['current']};Vanha 1;00100;Helsinki;2026-03-01\n"
        + f"{n['prohibited']};Uusi 3;00300;Helsinki;2026-03-01\n"
        + f"{customer_number(99998)};Uusi 4;00100;Helsinki;2026-03-01\n"
        + f"{customer_number(99999)};Uusi 5;00100;Helsinki;2026-03-01\n"
        + f"{n['current']};Uusi 6;123;Helsinki;2026-03-01\n",
        encoding="utf-8",
    )
    return path, n


def make(qtbot: Any, ds: DeskSession, runner: TaskRunner) -> AddressUpdateDialog:
    dialog = AddressUpdateDialog(ds, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def street_of(ds: DeskSession, number: str) -> str:
    con = sqlite3.connect(str(ds.db.url.database))
    try:
        return str(con.execute("SELECT street FROM customer WHERE number = ?", (number,))
                   .fetchone()[0])  # fmt: skip
    finally:
        con.close()


def test_preview_then_apply_changes_exactly_the_good_line(
    qtbot: Any,
    desk_ds: DeskSession,
    runner: TaskRunner,
    update_file: tuple[Path, dict[str, str]],
    monkeypatch: pytest.MonkeyPatch,
    english: object,
) -> None:
    path, n = update_file
    monkeypatch.setattr(module, "ask_open_path", lambda *_: str(path))
    asked: list[tuple[int, str]] = []
    monkeypatch.setattr(module, "confirm_apply", lambda _p, count, source: asked.append(
        (count, source)) or True)  # fmt: skip
    dialog = make(qtbot, desk_ds, runner)
    dialog.choose_button.click()
    assert dialog.path.text() == str(path)
    assert not dialog.apply_button.isEnabled()
    dialog.source.setText("Posti osoitepalvelu")
    with qtbot.waitSignal(dialog.previewed, timeout=20000):
        dialog.preview_button.click()
    counts = {c: dialog.count_labels[c].text() for c in au.CATEGORIES}
    assert counts == {
        au.Category.CHANGED: "1", au.Category.CURRENT: "1", au.Category.AMBIGUOUS: "0",
        au.Category.NOT_FOUND: "2", au.Category.INVALID: "1", au.Category.PROHIBITED: "1",
    }  # fmt: skip
    assert dialog.model.rowCount() == 6
    assert dialog.model.index(0, 4).data() == (
        "Street address: Vanha 1 → Uusi 1; Postal code: 00100 → 00200"
    )
    assert dialog.model.index(2, 1).data() == "Prohibits updating"
    dialog.show_only.setCurrentIndex(dialog.show_only.findData("invalid"))
    assert dialog.model.rowCount() == 1
    assert dialog.model.index(0, 0).data() == "7"
    assert street_of(desk_ds, n["good"]) == "Vanha 1"  # a preview changes nothing
    assert dialog.apply_button.isEnabled()
    with qtbot.waitSignal(dialog.applied, timeout=20000) as blocker:
        dialog.apply_button.click()
    assert asked == [(1, "Posti osoitepalvelu")]
    assert blocker.args[0].changed_numbers == (n["good"],)
    assert street_of(desk_ds, n["good"]) == "Uusi 1"
    assert street_of(desk_ds, n["prohibited"]) == "Vanha 1"
    assert "Changed the address of 1 customers" in dialog.status.text()
    assert not dialog.apply_button.isEnabled()


def test_work_runs_off_the_gui_thread_and_the_dialog_waits_for_it(
    qtbot: Any,
    desk_ds: DeskSession,
    runner: TaskRunner,
    update_file: tuple[Path, dict[str, str]],
    monkeypatch: pytest.MonkeyPatch,
    english: object,
) -> None:
    path, _ = update_file
    release = threading.Event()
    threads: list[bool] = []
    real = address_updates.preview

    def slow(*args: Any, **kwargs: Any) -> au.Preview:
        threads.append(threading.current_thread() is threading.main_thread())
        release.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(address_updates, "preview", slow)
    dialog = make(qtbot, desk_ds, runner)
    dialog.path.setText(str(path))
    dialog.source.setText("Posti")
    dialog.preview_button.click()
    qtbot.waitUntil(lambda: bool(threads))
    assert dialog.progress.isVisible() and not dialog.preview_button.isEnabled()
    dialog.reject()  # closing while it runs would hide the outcome
    assert dialog.isVisible()
    release.set()
    assert dialog.wait_idle()
    assert threads == [False]
    assert dialog.count_labels[au.Category.CHANGED].text() == "1"
    assert not dialog.progress.isVisible()


def test_a_refused_file_says_which_lines_and_offers_nothing_to_apply(
    qtbot: Any,
    desk_ds: DeskSession,
    runner: TaskRunner,
    update_file: tuple[Path, dict[str, str]],
    english: object,
) -> None:
    path, n = update_file
    path.write_bytes(path.read_bytes() + "Å;x\n".encode("latin-1"))
    dialog = make(qtbot, desk_ds, runner)
    dialog.path.setText(str(path))
    dialog.source.setText("Posti")
    dialog.preview_button.click()
    assert dialog.wait_idle()
    assert dialog.status.text().splitlines() == [
        "The file was refused and nothing was changed:",
        "line 8: The file is not UTF-8 text; save it as UTF-8.",
    ]
    assert not dialog.apply_button.isEnabled()
    assert street_of(desk_ds, n["good"]) == "Vanha 1"


@pytest.mark.parametrize("level", [Level.VIEWER, Level.MARKETING, Level.PRIVACY])
def test_no_import_without_the_right_to_edit_customers(
    qtbot: Any, desk_ds: DeskSession, runner: TaskRunner, level: Level, english: object
) -> None:
    dialog = make(qtbot, DeskSession(desk_ds.db, level), runner)
    assert not dialog.preview_button.isEnabled()
    assert dialog.preview_button.toolTip()


def test_the_file_menu_opens_it(window: MainWindow) -> None:
    action = window.address_updates_action
    assert action.isEnabled()
    dialog = window.open_address_updates()
    assert isinstance(dialog, AddressUpdateDialog)
    dialog.close()
