"""Fixtures of the desk's tests: a demo register with a few known customers, a task runner
whose workers are waited for at teardown and window state in a private file. A stray Qt
warning fails a test through pytest-qt's ``qt_log_level_fail`` (pyproject.toml)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from kkdesk.domain.customer import ContactPersonDraft, Customer, CustomerDraft
from kkdesk.domain.enums import CustomerType, DataSource
from kkdesk.domain.levels import Level
from kkdesk.services import customers
from kkdesk.services.session import DeskSession, open_session
from kkdesk.ui.heap import GuiThreadCollector
from kkdesk.ui.i18n import Translations
from kkdesk.ui.main_window import MainWindow
from kkdesk.ui.qtcompat import keep_singletons_alive
from kkdesk.ui.tasks import TaskRunner

# PySide6 6.12 on Python 3.11 drops a reference to None or True with every void call or
# emit; a long UI run would end in "none_dealloc" (see kkdesk/ui/qtcompat.py).
keep_singletons_alive()

MOTTONEN = CustomerDraft(
    type=CustomerType.PERSON,
    surname="Möttönen",
    first_names="Matti Juhani",
    street="Mannerheimintie 1 A 2",
    postal_code="00100",
    post_office="HELSINKI",
    phone_mobile="040 123 4567",
    email="matti.mottonen@example.fi",
    birth_date=date(1980, 11, 24),
)
COMPANY = CustomerDraft(
    type=CustomerType.COMPANY,
    company_name="Åberg & Poika Oy",
    business_id="0109862-8",
    street="Vanha Porvoontie 245",
    postal_code="01380",
    post_office="VANTAA",
    phone_work="09 123 4567",
    email="tilaukset@aberg.example",
    contacts=(
        ContactPersonDraft(
            surname="Åberg", first_names="Anna", role="Ostot", email="anna@aberg.example"
        ),
    ),
)


@pytest.fixture(scope="session")
def desk_template(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shared demo register plus the known customers the desk's tests look for."""
    path = tmp_path_factory.mktemp("desk") / "desk.sqlite3"
    shutil.copyfile(demo_template, path)
    ds = open_session(str(path), level=Level.ADMIN)
    customers.create(ds, MOTTONEN, source=DataSource.CUSTOMER_PHONE)
    customers.create(ds, COMPANY, source=DataSource.PUBLIC_SOURCE, source_detail="YTJ")
    ds.close()
    return path


@pytest.fixture
def desk_ds(desk_template: Path, tmp_path: Path) -> Iterator[DeskSession]:
    """A private copy of the desk register; the user is an admin."""
    path = tmp_path / "desk.sqlite3"
    shutil.copyfile(desk_template, path)
    ds = open_session(str(path), level=Level.ADMIN)
    yield ds
    ds.close()


def find(ds: DeskSession, text: str) -> Customer:
    """The first customer that ``text`` finds, opened (tests only)."""
    page = customers.search(ds, text, limit=1)
    assert page.rows, f"no customer found for {text!r}"
    return customers.get(ds, page.rows[0].number, purpose="customer_service")


@pytest.fixture(scope="session", autouse=True)
def _no_unanswered_questions() -> Iterator[None]:
    """A question a test did not answer itself must never wait for a user who is not there.

    pytest-qt closes a test's windows after its fixtures are gone, so a form a test left
    unsaved asks "discard?" in a modal loop nobody answers: the suite would hang. The
    session default lets the changes go; tests of the guard answer it with ``monkeypatch``.
    """
    from kkdesk.ui import dialogs

    original = dialogs.confirm_discard
    dialogs.confirm_discard = lambda _parent, _what: True
    yield
    dialogs.confirm_discard = original


@pytest.fixture(scope="session", autouse=True)
def gui_thread_collector(qapp: QApplication) -> Iterator[None]:
    """Garbage collected on the GUI thread only, as the desk does (kkdesk/ui/heap.py)."""
    collector = GuiThreadCollector(qapp)
    yield
    collector.stop()


@pytest.fixture
def runner(qapp: QApplication) -> Iterator[TaskRunner]:
    task_runner = TaskRunner()
    yield task_runner
    # Every worker must be done before the database closes and Qt tears down.
    task_runner.wait_idle(20000)
    task_runner.shutdown()


@pytest.fixture
def window_settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def english(qapp: QApplication) -> Iterator[Translations]:
    translations = Translations()
    translations.install("en")
    yield translations
    translations.install("en")


@pytest.fixture
def window(
    qtbot: object,
    desk_ds: DeskSession,
    runner: TaskRunner,
    window_settings: QSettings,
    english: Translations,
) -> Iterator[MainWindow]:
    win = MainWindow(desk_ds, runner, user=desk_ds.user, settings=window_settings)
    qtbot.addWidget(win)  # type: ignore[attr-defined]
    win.show()
    yield win
    runner.wait_idle(20000)
