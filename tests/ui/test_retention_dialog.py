"""File → Retention…: the counts of what is past its period, a dry run that changes
nothing, the run after its confirmation (off the GUI thread, with the slow case forced and
stopped), and the action only for the levels that may run it."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from kkdesk.domain.levels import Level
from kkdesk.services import retention
from kkdesk.services.session import DeskSession
from kkdesk.ui import retention_dialog as module
from kkdesk.ui.i18n import Translations, i18n_dir
from kkdesk.ui.retention_dialog import RetentionDialog
from kkdesk.ui.tasks import TaskRunner
from tests.orders_factory import OrderSpec, add_customer, add_orders
from tests.retention_factory import backdate


@pytest.fixture
def privacy(ds: DeskSession) -> DeskSession:
    """One customer long gone (due), one order of 2010 of a current customer (due)."""
    gone = add_customer(ds, "Aho")
    backdate(ds, gone, date(2015, 1, 1))
    current = add_customer(ds, "Berg")
    add_orders(ds, current, [OrderSpec("W-OLD", datetime(2010, 3, 1, tzinfo=UTC),
                                       status="delivered")])  # fmt: skip
    return DeskSession(ds.db, Level.PRIVACY)


def counts(dialog: RetentionDialog) -> list[str]:
    return [dialog.table.item(row, 2).text() for row in range(3)]


def rows(ds: DeskSession, sql: str) -> list[Any]:
    con = sqlite3.connect(str(ds.db.url.database))
    try:
        return [r[0] for r in con.execute(sql)]
    finally:
        con.close()


def make(qtbot: Any, ds: DeskSession, runner: TaskRunner) -> RetentionDialog:
    dialog = RetentionDialog(ds, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.wait_idle()
    return dialog


def test_counts_dry_run_and_run_after_the_confirmation(
    qtbot: Any, privacy: DeskSession, runner: TaskRunner, monkeypatch: pytest.MonkeyPatch,
    english: object,
) -> None:  # fmt: skip
    dialog = make(qtbot, privacy, runner)
    assert counts(dialog) == ["1", "1", "0"]
    with qtbot.waitSignal(dialog.ran, timeout=20000) as blocker:
        dialog.dry_button.click()
    assert blocker.args[0].dry_run and "nothing was changed" in dialog.status.text()
    assert rows(privacy, "SELECT number FROM customer_order") == ["W-OLD"]
    asked: list[int] = []
    monkeypatch.setattr(
        module, "confirm_run", lambda _w, plan, _erase: asked.append(plan.customers) or False
    )
    dialog.run_button.click()
    assert asked == [1] and rows(privacy, "SELECT number FROM customer_order") == ["W-OLD"]
    monkeypatch.setattr(module, "confirm_run", lambda *_: True)
    with qtbot.waitSignal(dialog.ran, timeout=20000) as blocker:
        dialog.run_button.click()
    assert blocker.args[0].done == {"customers": 1, "vouchers": 1, "letters": 0}
    assert rows(privacy, "SELECT number FROM customer_order") == []
    assert rows(privacy, "SELECT count(*) FROM customer WHERE erased_at IS NOT NULL") == [1]
    assert dialog.wait_idle()
    assert counts(dialog) == ["0", "0", "0"]
    # One of a kind is named in the singular (it said "1 customers erased").
    assert "1 customer erased; 1 order and 0 archived letters removed." in dialog.status.text()


def test_the_run_works_off_the_gui_thread_and_stops_when_asked(
    qtbot: Any, privacy: DeskSession, runner: TaskRunner, monkeypatch: pytest.MonkeyPatch,
    english: object,
) -> None:  # fmt: skip
    release = threading.Event()
    on_main: list[bool] = []
    real = retention.run

    def slow(*args: Any, **kwargs: Any) -> retention.Outcome:
        on_main.append(threading.current_thread() is threading.main_thread())
        release.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(retention, "run", slow)
    monkeypatch.setattr(module, "confirm_run", lambda *_: True)
    dialog = make(qtbot, privacy, runner)
    dialog.run_button.click()
    qtbot.waitUntil(lambda: bool(on_main))
    assert dialog.progress.isVisible() and dialog.stop_button.isEnabled()
    assert not dialog.run_button.isEnabled() and not dialog.dry_button.isEnabled()
    dialog.reject()  # closing asks the run to stop and keeps the outcome in view
    assert dialog.isVisible() and not dialog.stop_button.isEnabled()
    release.set()
    with qtbot.waitSignal(dialog.ran, timeout=20000) as blocker:
        pass
    assert on_main == [False]
    assert blocker.args[0].cancelled and "Stopped before the end" in dialog.status.text()
    # The first batch (the one customer) was finished; the orders were never reached.
    assert rows(privacy, "SELECT number FROM customer_order") == ["W-OLD"]


def test_an_administrator_is_told_who_erases(
    qtbot: Any, ds: DeskSession, runner: TaskRunner, english: object
) -> None:
    dialog = make(qtbot, ds, runner)
    assert "privacy level" in dialog.note.text()


@pytest.mark.parametrize("level", [Level.CLERK, Level.ADMIN])
def test_the_menu_action_follows_the_level(
    qtbot: Any, desk_ds: DeskSession, runner: TaskRunner, window_settings: Any, english: object,
    level: Level,
) -> None:  # fmt: skip
    from kkdesk.ui.main_window import MainWindow

    win = MainWindow(DeskSession(desk_ds.db, level), runner, user="u", settings=window_settings)
    qtbot.addWidget(win)
    assert win.retention_action.isEnabled() == (level is Level.ADMIN)
    runner.wait_idle(20000)


def test_the_run_says_how_many_it_skipped(
    qtbot: Any, ds: DeskSession, privacy: DeskSession, runner: TaskRunner,
    monkeypatch: pytest.MonkeyPatch, english: object,
) -> None:  # fmt: skip
    """A customer past the period under a legal hold is skipped, the run finishes."""
    from kkdesk.services import erasure

    held = add_customer(ds, "Pidätetty")
    backdate(ds, held, date(2015, 1, 1))
    erasure.set_legal_hold(privacy, held, True, "a claim")
    monkeypatch.setattr(module, "confirm_run", lambda *_: True)
    dialog = make(qtbot, privacy, runner)
    assert counts(dialog)[0] == "1" and "1 more is held" in dialog.table.item(0, 1).text()
    with qtbot.waitSignal(dialog.ran, timeout=20000) as blocker:
        dialog.run_button.click()
    out = blocker.args[0]
    assert out.done["customers"] == 1 and out.skipped == 1 and not out.error
    assert "1 customer past the period was skipped" in dialog.status.text()
    assert dialog.wait_idle()
    assert counts(dialog)[0] == "0" and "1 more is held" in dialog.table.item(0, 1).text()
    dialog.resize(1280, 720)
    dialog.grab().save("/tmp/rbatch-retention-skipped.png")


@pytest.fixture
def compiled(tmp_path: Path) -> Path:
    """The translations compiled from the committed .ts sources into a private folder."""
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    for lang in ("fi", "sv"):
        subprocess.run(
            [str(lrelease), "-silent", str(i18n_dir() / f"kkdesk_{lang}.ts"),
             "-qm", str(tmp_path / f"kkdesk_{lang}.qm")],
            check=True,
        )  # fmt: skip
    return tmp_path


@pytest.mark.parametrize(
    ("language", "one", "three", "sentence"),
    [
        ("en", "1 customer", "3 customers",
         "1 customer erased; 3 orders and 0 archived letters removed."),
        ("fi", "1 asiakas", "3 asiakasta",
         "Poistettiin 1 asiakas sekä 3 tilausta ja 0 arkistoitua kirjettä."),
        ("sv", "1 kund", "3 kunder",
         "1 kund raderades; 3 beställningar och 0 arkiverade brev togs bort."),
    ],
)  # fmt: skip
def test_counts_are_singular_for_one_in_every_language(
    qtbot: Any, privacy: DeskSession, runner: TaskRunner, monkeypatch: pytest.MonkeyPatch,
    compiled: Path, language: str, one: str, three: str, sentence: str,
) -> None:  # fmt: skip
    translations = Translations(compiled)
    translations.install(language)
    try:
        assert module.counted(retention.CUSTOMERS, 1) == one
        assert module.counted(retention.CUSTOMERS, 3) == three
        assert module.counted(retention.LETTERS, 1) != module.counted(retention.LETTERS, 2)
        dialog = make(qtbot, privacy, runner)
        done = {retention.CUSTOMERS: 1, retention.VOUCHERS: 3, retention.LETTERS: 0}
        plan = dialog._plan
        assert plan is not None
        out = retention.Outcome(plan, False, Path("r.txt"), done=done)
        monkeypatch.setattr(dialog, "refresh", lambda: None)
        dialog._on_ran(out)
        assert dialog.status.text().startswith(sentence)
    finally:
        translations.install("en")


def test_a_big_window_keeps_the_text_together(
    qtbot: Any, privacy: DeskSession, runner: TaskRunner, english: object
) -> None:
    """At 1280×720 the space left over is below the outcome, not in bands between the
    intro, the table and the outcome; the buttons stay at the bottom."""
    dialog = make(qtbot, privacy, runner)
    dialog.status.setText("Done.")
    dialog.resize(1280, 720)
    qtbot.waitUntil(lambda: dialog.height() == 720)
    table, status = dialog.table.geometry(), dialog.status.geometry()
    assert status.top() - table.bottom() < 40
    assert dialog.buttons.geometry().bottom() > 680
    # The wider table wraps its conditions in fewer lines: no row is taller than needed.
    assert table.height() < 200
