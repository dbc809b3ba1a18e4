"""The results model pages through real searches off the GUI thread and never mixes the
rows of an older query into a newer one."""

from __future__ import annotations

from typing import Any

from kkdesk.services.session import DeskSession
from kkdesk.ui.search_model import SearchResultsModel
from kkdesk.ui.tasks import TaskRunner


def _wait(qtbot: Any, model: SearchResultsModel) -> None:
    qtbot.waitUntil(lambda: not model.loading, timeout=10000)


def test_name_prefix_finds_accented_name(
    qtbot: Any, desk_ds: DeskSession, runner: TaskRunner
) -> None:
    model = SearchResultsModel(desk_ds, runner)
    with qtbot.waitSignal(model.first_rows_shown, timeout=10000) as shown:
        model.set_query("mott")
    assert shown.args[0] == "mott"
    names = [model.summary_at(i).name for i in range(model.rowCount())]  # type: ignore[union-attr]
    assert "Möttönen Matti Juhani" in names
    row = names.index("Möttönen Matti Juhani")
    assert model.data(model.index(row, 1)) == "Möttönen Matti Juhani"
    assert model.data(model.index(row, 4)) == "+358 40 1234567"  # stored E.164, shown spaced
    assert model.headerData(1, __import__("PySide6.QtCore").QtCore.Qt.Orientation.Horizontal)


def test_phone_in_any_format_and_business_id(
    qtbot: Any, desk_ds: DeskSession, runner: TaskRunner
) -> None:
    from tests.ui.conftest import find

    model = SearchResultsModel(desk_ds, runner)
    number = find(desk_ds, "möttönen matti").number
    for text, expected in (
        (number, "Möttönen Matti Juhani"),
        ("00100", "Möttönen Matti Juhani"),
        ("01380", "Åberg & Poika Oy"),
        ("aberg poika", "Åberg & Poika Oy"),
        ("MÖTTÖNEN", "Möttönen Matti Juhani"),
        ("040-1234567", "Möttönen Matti Juhani"),
        ("040 123 4567", "Möttönen Matti Juhani"),
        ("+358401234567", "Möttönen Matti Juhani"),
        ("0109862-8", "Åberg & Poika Oy"),
        ("matti.mottonen@example.fi", "Möttönen Matti Juhani"),
        ("matti mött", "Möttönen Matti Juhani"),
    ):
        model.set_query(text)
        _wait(qtbot, model)
        names = {model.summary_at(i).name for i in range(model.rowCount())}  # type: ignore[union-attr]
        assert expected in names, text


def test_fetch_more_pages_lazily(qtbot: Any, desk_ds: DeskSession, runner: TaskRunner) -> None:
    model = SearchResultsModel(desk_ds, runner, page_size=10)
    model.set_query("a")
    _wait(qtbot, model)
    assert model.rowCount() == 10
    assert model.canFetchMore()
    model.fetchMore()
    assert not model.canFetchMore()  # one page at a time
    _wait(qtbot, model)
    assert model.rowCount() == 20
    ids = [model.summary_at(i).id for i in range(20)]  # type: ignore[union-attr]
    assert len(set(ids)) == 20


def test_newer_query_supersedes_older(qtbot: Any, desk_ds: DeskSession, runner: TaskRunner) -> None:
    model = SearchResultsModel(desk_ds, runner)
    model.set_query("a")
    model.fetchMore()  # nothing to fetch yet: the first page is still loading
    model.set_query("mott")
    _wait(qtbot, model)
    runner.wait_idle(10000)
    assert model.query == "mott"
    from kkdesk.domain.search import fold

    for i in range(model.rowCount()):
        hit = model.summary_at(i)
        assert hit is not None
        # The name starts with "mott", or a word of the field it was found by does.
        assert " mott" in f" {fold(hit.matched_text if hit.matched else hit.name)}"


def test_empty_query_shows_nothing(qtbot: Any, desk_ds: DeskSession, runner: TaskRunner) -> None:
    model = SearchResultsModel(desk_ds, runner)
    model.set_query("   ")
    assert model.rowCount() == 0
    assert not model.canFetchMore()
    assert not model.loading


def test_keys_typed_while_a_query_runs_are_searched_together_off_the_gui_thread(
    qtbot: Any, desk_ds: DeskSession, runner: TaskRunner, monkeypatch: Any
) -> None:
    """At most one query runs; keys typed meanwhile are searched together when it ends,
    so a fast typist queues no work and the list ends on what was typed last."""
    import threading
    import time

    from kkdesk.services import customers
    from kkdesk.ui.search_panel import SearchPanel

    real = customers.search
    calls: list[tuple[str, int]] = []
    running = [0, 0]  # now, most at once

    def slow(ds: DeskSession, text: str, **kwargs: Any) -> Any:
        running[0] += 1
        running[1] = max(running)
        calls.append((text, threading.get_ident()))
        time.sleep(0.05)
        try:
            return real(ds, text, **kwargs)
        finally:
            running[0] -= 1

    monkeypatch.setattr(customers, "search", slow)
    panel = SearchPanel(desk_ds, runner)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.keyClicks(panel.edit, "mottonen")
    qtbot.waitUntil(lambda: panel.model.query == "mottonen" and not panel.model.loading)
    runner.wait_idle(10000)
    assert running[1] == 1
    assert [text for text, _ in calls] == ["m", "mottonen"]
    assert threading.get_ident() not in {thread for _, thread in calls}
    names = [panel.model.summary_at(i).name for i in range(panel.model.rowCount())]  # type: ignore[union-attr]
    assert "Möttönen Matti Juhani" in names
    assert panel.status.text().endswith("found.")


def damage(ds: DeskSession, number: str) -> None:
    """Store a customer type kkdesk does not know, behind kkdesk's back (raw SQL)."""
    import sqlite3

    con = sqlite3.connect(str(ds.db.url.database))
    with con:
        con.execute("UPDATE customer SET type = 'robot' WHERE number = ?", (number,))
    con.close()


def test_a_damaged_hit_is_listed_as_damaged_and_the_others_as_usual(
    qtbot: Any, desk_ds: DeskSession, runner: TaskRunner, english: object
) -> None:
    from PySide6.QtCore import Qt

    from tests.orders_factory import add_customer

    good = add_customer(desk_ds, "Vauriola")
    robot = add_customer(desk_ds, "Vauriola")
    damage(desk_ds, robot)
    model = SearchResultsModel(desk_ds, runner)
    model.set_query("vauriola")
    _wait(qtbot, model)
    assert model.rowCount() == 2
    readable = [model.summary_at(i) for i in range(2)]
    assert [s.number for s in readable if s is not None] == [good]
    row = next(i for i in range(2) if model.damaged_at(i) == robot)
    assert model.summary_at(row) is None  # nothing to open
    assert model.data(model.index(row, 0)) == robot
    sentence = (
        f"The record of customer {robot} is damaged (a value kkdesk does not know) and "
        "cannot be shown; ask an administrator to correct it."
    )
    assert model.data(model.index(row, 1)) == "⚠ Damaged record"
    assert model.data(model.index(row, 1), Qt.ItemDataRole.ToolTipRole) == sentence
    assert model.data(model.index(row, 2)) is None


def test_the_damaged_row_speaks_finnish_and_swedish(
    qtbot: Any, desk_ds: DeskSession, runner: TaskRunner, english: Any
) -> None:
    from tests.orders_factory import add_customer

    robot = add_customer(desk_ds, "Rikkinäinen")
    damage(desk_ds, robot)
    from PySide6.QtCore import Qt

    for language, words, label in (
        ("fi", "tietue on vioittunut", "⚠ Vioittunut tietue"),
        ("sv", "post är skadad", "⚠ Skadad post"),
    ):
        english.install(language)
        model = SearchResultsModel(desk_ds, runner)  # its words are taken when it is made
        model.set_query("rikkinäinen")
        _wait(qtbot, model)
        text = model.data(model.index(0, 1), Qt.ItemDataRole.ToolTipRole)
        assert words in text and robot in text, text
        assert model.data(model.index(0, 1)) == label


def test_a_painted_cell_is_one_call_into_python(
    qtbot: Any, desk_ds: DeskSession, runner: TaskRunner
) -> None:
    """The list paints through multiData, one call into Python per cell (each call takes
    the GIL on the GUI thread): not one per role, and no rowCount or columnCount per cell
    (a QAbstractTableModel was asked both for every index the view made). What it paints
    is what data() gives."""
    from PySide6.QtCore import QModelRoleData, Qt
    from PySide6.QtWidgets import QTableView

    calls: list[str] = []

    class Counting(SearchResultsModel):
        def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
            calls.append("data")
            return super().data(index, role)

        def multiData(self, index: Any, span: Any) -> None:
            calls.append("multiData")
            super().multiData(index, span)

    model = Counting(desk_ds, runner)
    model.set_query("mött")
    _wait(qtbot, model)
    assert model.rowCount() > 3
    for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
        for column in range(model.columnCount()):
            index = model.index(0, column)
            entry = QModelRoleData(int(role.value))
            model.multiData(index, entry)
            assert entry.data() == model.data(index, role)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(900, 400)
    view.show()
    qtbot.waitExposed(view)
    calls.clear()
    view.grab()  # paints every visible cell
    cells = calls.count("multiData")
    assert cells >= model.columnCount() * 3  # three rows at least were painted
    assert calls.count("data") == 0  # no call per role
    # Counts, indexes, flags and headers are Qt's own: a paint asks Python for none of
    # them (a Python override would be asked for every cell).
    for name in ("rowCount", "columnCount", "index", "parent", "flags", "headerData"):
        assert name not in vars(SearchResultsModel), name
