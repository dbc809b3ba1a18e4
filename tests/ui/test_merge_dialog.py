"""Merging duplicates in the desk: the dialog shows both records and the choices, merges
off the GUI thread after a confirmation naming both numbers (the slow case forced), stays
open while it runs, opens the kept customer afterwards; only privacy and admin are offered
the merge."""

from __future__ import annotations

import threading
from dataclasses import replace
from typing import Any

import pytest
from PySide6.QtWidgets import QComboBox

from kkdesk.domain.customer import CustomerSummary
from kkdesk.domain.enums import DataSource
from kkdesk.domain.levels import Level
from kkdesk.services import customers, merge
from kkdesk.services.session import DeskSession
from kkdesk.ui import dialogs
from kkdesk.ui import merge_dialog as module
from kkdesk.ui.main_window import MainWindow
from kkdesk.ui.merge_dialog import MergeDialog
from kkdesk.ui.tasks import TaskRunner
from tests.ui.conftest import MOTTONEN


@pytest.fixture
def pair(desk_ds: DeskSession) -> tuple[str, str]:
    kept = customers.search(desk_ds, "Möttönen Matti", limit=1).rows[0].number
    twin = replace(MOTTONEN, street="Vanha tie 2", postal_code="00200", phone_mobile="",
                   email="matti@example.com", notes="Soittaa iltaisin")  # fmt: skip
    other = customers.create(desk_ds, twin, source=DataSource.CUSTOMER_LETTER).number
    return kept, other


def make(qtbot: Any, ds: DeskSession, runner: TaskRunner, kept: str, other: str) -> MergeDialog:
    dialog = MergeDialog(ds, runner, kept, other)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.wait_idle()
    return dialog


def test_both_records_side_by_side_with_a_choice_where_they_differ(
    qtbot: Any, desk_ds: DeskSession, runner: TaskRunner, pair: tuple[str, str], english: object
) -> None:
    kept, other = pair
    dialog = make(qtbot, desk_ds, runner, kept, other)
    combos = {c.objectName(): c for c in dialog.findChildren(QComboBox)}
    assert set(combos) == {"take_address", "take_phone_mobile", "take_email", "take_notes"}
    assert combos["take_address"].currentData() == "kept"
    assert combos["take_notes"].currentData() == "other"  # the kept record has none
    headers = [dialog.table.horizontalHeaderItem(i).text() for i in range(4)]
    assert headers[1] == f"{kept} (kept)" and headers[2] == f"{other} (merged away)"
    assert dialog.table.item(1, 1).text() == "Mannerheimintie 1 A 2\n00100 HELSINKI"
    assert dialog.table.item(1, 2).text() == "Vanha tie 2\n00200 HELSINKI"
    assert f"Moves to {kept}:" in dialog.moves.text()
    assert dialog.merge_button.text() == f"&Merge {other} into {kept}…"
    # Keeping the other one instead swaps the roles.
    dialog.swap_button.click()
    assert dialog.wait_idle()
    assert dialog.table.horizontalHeaderItem(1).text() == f"{other} (kept)"


def test_the_merge_asks_runs_off_the_gui_thread_and_stays_open_meanwhile(
    qtbot: Any,
    desk_ds: DeskSession,
    runner: TaskRunner,
    pair: tuple[str, str],
    monkeypatch: pytest.MonkeyPatch,
    english: object,
) -> None:
    kept, other = pair
    asked: list[tuple[str, str]] = []
    monkeypatch.setattr(module, "confirm_merge", lambda _p, k, o: asked.append((k, o)) or True)
    release = threading.Event()
    threads: list[bool] = []
    real = merge.merge

    def slow(*args: Any, **kwargs: Any) -> merge.MergeResult:
        threads.append(threading.current_thread() is threading.main_thread())
        release.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(merge, "merge", slow)
    dialog = make(qtbot, desk_ds, runner, kept, other)
    dialog.findChild(QComboBox, "take_address").setCurrentIndex(1)  # the other's
    done: list[str] = []
    dialog.merged.connect(done.append)
    dialog.merge_button.click()
    qtbot.waitUntil(lambda: bool(threads))
    assert asked == [(kept, other)]
    assert not dialog.merge_button.isEnabled() and dialog.status.text() == "Merging…"
    dialog.reject()
    assert dialog.isVisible()
    release.set()
    assert dialog.wait_idle()
    assert threads == [False] and done == [kept] and not dialog.isVisible()
    now = customers.get(desk_ds, other, purpose="customer_service")
    assert now.number == kept and now.street == "Vanha tie 2"


def test_declining_the_confirmation_merges_nothing(
    qtbot: Any,
    desk_ds: DeskSession,
    runner: TaskRunner,
    pair: tuple[str, str],
    monkeypatch: pytest.MonkeyPatch,
    english: object,
) -> None:
    kept, other = pair
    monkeypatch.setattr(module, "confirm_merge", lambda *_a: False)
    dialog = make(qtbot, desk_ds, runner, kept, other)
    dialog.merge_button.click()
    assert dialog.wait_idle()
    assert customers.get(desk_ds, other, purpose="customer_service").number == other


def test_a_refused_merge_is_said_in_the_dialog(
    qtbot: Any, desk_ds: DeskSession, runner: TaskRunner, english: object
) -> None:
    company = customers.search(desk_ds, "Åberg", limit=1).rows[0].number
    person = customers.search(desk_ds, "Möttönen Matti", limit=1).rows[0].number
    dialog = make(qtbot, desk_ds, runner, person, company)
    assert "only two records of one person" in dialog.status.text()
    assert not dialog.merge_button.isEnabled()


def test_from_find_duplicates_the_kept_customer_opens_after(
    qtbot: Any,
    window: MainWindow,
    desk_ds: DeskSession,
    pair: tuple[str, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    kept, other = pair
    offered: list[str] = []

    def answer(
        _parent: Any, hits: tuple[CustomerSummary, ...], *, merge_into: str = ""
    ) -> tuple[dialogs.DuplicateChoice, CustomerSummary | None]:
        offered.append(merge_into)
        return dialogs.DuplicateChoice.MERGE, next(h for h in hits if h.number == other)

    monkeypatch.setattr(dialogs, "ask_duplicates", answer)
    monkeypatch.setattr(module, "confirm_merge", lambda *_a: True)
    window.open_number(kept)
    qtbot.waitUntil(lambda: window.view.customer is not None)
    window.view.form.find_duplicates()
    qtbot.waitUntil(lambda: window.findChild(MergeDialog) is not None)
    dialog = window.findChild(MergeDialog)
    assert dialog.wait_idle()
    dialog.merge_button.click()
    qtbot.waitUntil(lambda: "were merged" in window.statusBar().currentMessage())
    assert offered == [kept]
    assert window.view.customer is not None and window.view.customer.number == kept
    assert merge.history(desk_ds, other)[0].merged_number == other


@pytest.mark.parametrize("level", [Level.CLERK, Level.VIEWER])
def test_levels_that_may_not_merge_are_not_offered_it(
    qtbot: Any,
    desk_ds: DeskSession,
    runner: TaskRunner,
    window_settings: Any,
    pair: tuple[str, str],
    monkeypatch: pytest.MonkeyPatch,
    level: Level,
    english: object,
) -> None:
    kept, _ = pair
    ds = replace(desk_ds, level=level)
    win = MainWindow(ds, runner, user=ds.user, settings=window_settings)
    qtbot.addWidget(win)
    win.show()
    offered: list[str] = []

    def answer(_parent: Any, hits: Any, *, merge_into: str = "") -> Any:
        offered.append(merge_into)
        return dialogs.DuplicateChoice.CANCEL, None

    monkeypatch.setattr(dialogs, "ask_duplicates", answer)
    win.open_number(kept)
    qtbot.waitUntil(lambda: win.view.customer is not None)
    win.view.form.find_duplicates()
    qtbot.waitUntil(lambda: bool(offered))
    assert offered == [""]
    assert win.open_merge(kept, "1000009") is None
    runner.wait_idle(20000)


def test_a_restricted_record_is_refused_with_the_reason_before_any_choice(
    qtbot: Any, desk_ds: DeskSession, runner: TaskRunner, pair: tuple[str, str], english: object
) -> None:
    from kkdesk.domain.restriction import RestrictionGround
    from kkdesk.services import restrictions

    kept, other = pair
    restrictions.restrict(desk_ds, other, RestrictionGround.LEGAL_CLAIMS, "needs it for a claim")
    dialog = make(qtbot, desk_ds, runner, kept, other)
    text = dialog.status.text()
    assert f"The processing of customer {other}'s data is restricted (GDPR Art. 18)" in text
    assert "Lift the restriction first. Nothing was merged." in text
    assert not dialog.merge_button.isEnabled()
    # The whole sentence shows once the layout has run.
    status = dialog.status
    qtbot.waitUntil(lambda: status.height() >= status.heightForWidth(status.width()))
    dialog.grab().save("/tmp/guard-merge-restricted.png")
