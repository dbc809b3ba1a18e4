"""The desk's log file after real work: a customer searched, opened, edited and printed
leaves no personal value in it, a bug in background work leaves its traceback, and
Help → About names the log folder."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QMessageBox

from kkdesk import logs
from kkdesk.services.session import DeskSession
from kkdesk.ui.main_window import MainWindow
from tests.ui.conftest import MOTTONEN, find
from tests.ui.helpers import answer_source, settle
from tests.ui.test_main_window import _edit, _open_mottonen


@pytest.fixture
def log_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The desk's own logging, as kkdesk.app installs it, at its most talkative."""
    folder = tmp_path / "log"
    monkeypatch.setenv(logs.LOG_ENV, str(folder))
    root = logging.getLogger()
    level = root.level
    logs.install(logging.DEBUG, stderr=False)
    # SQLAlchemy's statement log too, as someone chasing a problem might switch it on.
    logging.getLogger("sqlalchemy.engine").setLevel(logging.INFO)
    yield folder
    logging.getLogger("sqlalchemy.engine").setLevel(logging.WARNING)
    logs.uninstall()
    root.setLevel(level)


def _logged(folder: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(folder.iterdir()))


def test_searched_opened_edited_printed_customer_leaves_no_personal_value(
    qtbot: Any,
    log_folder: Path,
    window: MainWindow,
    desk_ds: DeskSession,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    answer_source(monkeypatch)
    _open_mottonen(qtbot, window)  # searched and opened
    _edit(qtbot, window, "email", "matti.uusi@example.fi")
    _edit(qtbot, window, "street", "Aleksanterinkatu 52")
    _edit(qtbot, window, "phone_home", "(09) 765 4321")
    with qtbot.waitSignal(window.view.form.saved, timeout=10000):
        window.save()
    dialog = window.open_access_letter()
    assert dialog is not None
    settle(window)
    qtbot.waitUntil(lambda: dialog.pages_layout.count() > 0, timeout=20000)  # type: ignore[attr-defined]
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    dialog.print_to(printer)  # type: ignore[attr-defined]
    settle(window)
    qtbot.waitUntil(lambda: "Printed" in dialog.status.text(), timeout=20000)  # type: ignore[attr-defined]
    dialog.close()
    # Something went to the log while the customer was handled: it is no empty check.
    logging.getLogger("kkdesk.test").warning(
        "handled customer %s", find(desk_ds, "möttönen").number
    )

    text = _logged(log_folder)
    number = find(desk_ds, "möttönen matti").number
    assert f"handled customer {number}" in text
    personal = [
        MOTTONEN.surname,
        "Matti",
        MOTTONEN.email,
        "matti.uusi@example.fi",
        "matti.uusi",
        "Mannerheimintie",
        "Aleksanterinkatu",
        "123 4567",
        "1234567",
        "765 4321",
        "7654321",
        "00100",
        "24.11.1980",
        "1980-11-24",
    ]
    assert not [value for value in personal if value.casefold() in text.casefold()]


def test_a_bug_in_background_work_is_logged_with_its_traceback(
    qtbot: Any, log_folder: Path, window: MainWindow
) -> None:
    def broken_background_work() -> None:
        raise ZeroDivisionError("a bug of ours")

    window.runner.run(broken_background_work, success=lambda _r: None)
    settle(window)
    qtbot.waitUntil(lambda: "ZeroDivisionError" in _logged(log_folder), timeout=10000)
    text = _logged(log_folder)
    assert "Traceback (most recent call last)" in text
    assert "in broken_background_work" in text and "ZeroDivisionError: a bug of ours" in text
    for box in window.findChildren(QMessageBox):
        box.close()


def test_about_names_the_version_the_database_and_the_log_folder(
    qtbot: Any, log_folder: Path, window: MainWindow, desk_ds: DeskSession
) -> None:
    from kkdesk import __version__
    from kkdesk.store import migrate

    window.show_about()
    settle(window)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "aboutBox") is not None)
    box = window.findChild(QMessageBox, "aboutBox")
    text = box.text()  # type: ignore[union-attr]
    assert f"kkdesk {__version__}" in text
    assert f"Database: SQLite, {desk_ds.db.url.database}" in text
    assert f"Schema version: {migrate.head_revision(desk_ds.db)}" in text
    assert f"Log files: {log_folder}" in text
    box.close()  # type: ignore[union-attr]
    QApplication.processEvents()
