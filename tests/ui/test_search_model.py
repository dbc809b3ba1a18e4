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
    model = SearchResultsModel(desk_ds, runner)
    for text, expected in (
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
    assert all(
        "mott" in model.summary_at(i).name.lower().replace("ö", "o")  # type: ignore[union-attr]
        for i in range(model.rowCount())
    )


def test_empty_query_shows_nothing(qtbot: Any, desk_ds: DeskSession, runner: TaskRunner) -> None:
    model = SearchResultsModel(desk_ds, runner)
    model.set_query("   ")
    assert model.rowCount() == 0
    assert not model.canFetchMore()
    assert not model.loading
