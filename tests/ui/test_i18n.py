"""The desk in Finnish and in English: menus, field messages and dates follow the language.

The Finnish run compiles ``kkdesk_fi.ts`` itself when the Makefile has not built the
``.qm`` yet, so the test needs nothing but the sources.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QLineEdit,
    QToolButton,
    QWidget,
)

from kkdesk.domain.enums import CustomerType
from kkdesk.services.session import DeskSession
from kkdesk.ui import i18n
from kkdesk.ui.formatting import format_date, parse_date
from kkdesk.ui.main_window import MainWindow
from kkdesk.ui.tasks import TaskRunner
from tests.ui.helpers import type_text


def _lrelease() -> str:
    found = shutil.which("pyside6-lrelease") or str(
        Path(sys.executable).parent / "pyside6-lrelease"
    )
    return found


@pytest.fixture
def i18n_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The translations compiled from the committed .ts sources into a private folder."""
    out = tmp_path / "i18n"
    out.mkdir()
    for lang in ("fi", "sv"):
        src = i18n.i18n_dir() / f"kkdesk_{lang}.ts"
        subprocess.run(
            [_lrelease(), "-silent", str(src), "-qm", str(out / f"kkdesk_{lang}.qm")], check=True
        )
    monkeypatch.setattr(i18n, "qm_dir", lambda: out)
    return out


@pytest.fixture
def finnish(qapp: QApplication, i18n_dir: Path) -> Iterator[i18n.Translations]:
    translations = i18n.Translations()
    assert translations.install("fi") == "fi"
    yield translations
    translations.install("en")


def _window(qtbot: Any, ds: DeskSession, runner: TaskRunner, tmp_path: Path) -> MainWindow:
    settings = QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat)
    win = MainWindow(ds, runner, user=ds.user, settings=settings)
    qtbot.addWidget(win)
    win.show()
    return win


def _menus(win: MainWindow) -> list[str]:
    return [a.text() for a in win.menuBar().actions()]


def test_finnish_run(
    qtbot: Any, finnish: i18n.Translations, desk_ds: DeskSession, runner: TaskRunner, tmp_path: Path
) -> None:
    win = _window(qtbot, desk_ds, runner, tmp_path)
    assert _menus(win) == ["&Tiedosto", "&Asiakas", "&Ohje"]
    assert "taso Pääkäyttäjä" in win.identity.text()
    win.new_customer(CustomerType.PERSON)
    form = win.view.form
    assert form.heading.text() == "Uusi henkilö"
    editor = form.fields.editors["postal_code"]
    assert isinstance(editor, QLineEdit)
    type_text(qtbot, editor, "123")
    assert form.field_errors()["postal_code"] == (
        "Suomalainen postinumero on viisi numeroa, esim. 01380."
    )
    assert format_date(date(2026, 11, 24)) == "24.11.2026"
    assert parse_date("24.11.1980") == date(1980, 11, 24)
    assert form.fields.editors["birth_date"].placeholderText() == "24.11.1980"  # type: ignore[union-attr]
    runner.wait_idle(10000)


def test_english_run(
    qtbot: Any, english: i18n.Translations, desk_ds: DeskSession, runner: TaskRunner, tmp_path: Path
) -> None:
    win = _window(qtbot, desk_ds, runner, tmp_path)
    assert _menus(win) == ["&File", "&Customer", "&Help"]
    win.new_customer(CustomerType.PERSON)
    editor = win.view.form.fields.editors["postal_code"]
    type_text(qtbot, editor, "123")
    assert win.view.form.field_errors()["postal_code"].startswith("A Finnish postal code")
    assert format_date(date(2026, 11, 24)) == "24/11/2026"
    assert parse_date("2026-11-24") == date(2026, 11, 24)
    runner.wait_idle(10000)


def test_swedish_translation_loads(qapp: QApplication, i18n_dir: Path) -> None:
    translations = i18n.Translations()
    try:
        assert translations.install("sv") == "sv"
        from kkdesk.ui.labels import source_label

        assert source_label("public_source") == "Offentlig källa"
    finally:
        translations.install("en")


# The desk's own modules (the other features' panels keep their own strings complete).
DESK_MODULES = (
    "app.py",
    "ui/main_window.py",
    "ui/about_dialog.py",
    "ui/search_panel.py",
    "ui/search_model.py",
    "ui/customer_form.py",
    "ui/customer_view.py",
    "ui/fields.py",
    "ui/history_panel.py",
    "ui/timeline/panel.py",
    "ui/timeline/model.py",
    "ui/timeline/details.py",
    "ui/timeline/words.py",
    "ui/timeline/return_dialog.py",
    "ui/timeline/delivery_dialog.py",
    "ui/timeline/return_step_dialog.py",
    "ui/timeline/correction_dialog.py",
    "ui/widgets.py",
    "ui/settings_dialog.py",
    "ui/dialogs.py",
    "ui/errors.py",
    "ui/labels.py",
    "ui/snapshot_dialog.py",
    "ui/offline_errors.py",
    "ui/overview_header.py",
)
DESK_CONTEXTS = {
    "MainWindow", "SearchPanel", "SearchResultsModel", "CustomerForm", "CustomerView",
    "FieldSet", "HistoryModel", "HistoryPanel", "TimelineModel", "TimelinePanel",
    "TimelineWords", "ReturnDialog", "DeliveryDialog", "ReturnStepDialog", "CorrectionDialog",
    "SettingsDialog", "SourceDialog", "DuplicatesDialog",
    "ContactDialog", "dialogs", "errors", "labels", "timeline", "SnapshotDialog",
    "OverviewHeader",
}  # fmt: skip


def _finished(lang: str) -> dict[tuple[str, str], bool]:
    import xml.etree.ElementTree as ET

    out: dict[tuple[str, str], bool] = {}
    tree = ET.parse(i18n.i18n_dir() / f"kkdesk_{lang}.ts")
    for ctx in tree.getroot().iter("context"):
        for m in ctx.iter("message"):
            t = m.find("translation")
            done = (
                t is not None
                and t.get("type") not in ("unfinished", "obsolete", "vanished")
                and bool(t.text or t.find("numerusform") is not None)
            )
            out[(ctx.findtext("name") or "", m.findtext("source") or "")] = done
    return out


def test_every_desk_string_is_translated() -> None:
    """Every tr() string of the desk's own modules, as lupdate finds it in the source, has
    a finished Finnish and Swedish translation (not only the ones already in the .ts)."""
    import tempfile
    import xml.etree.ElementTree as ET

    lupdate = str(Path(_lrelease()).with_name("pyside6-lupdate"))
    root = Path(i18n.__file__).resolve().parents[1]
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "desk.ts"
        sources = [str(root / m) for m in DESK_MODULES]
        subprocess.run([lupdate, "-silent", *sources, "-ts", str(out)], check=True)
        wanted = [
            (ctx.findtext("name") or "", m.findtext("source") or "")
            for ctx in ET.parse(out).getroot().iter("context")
            for m in ctx.iter("message")
        ]
    assert len(wanted) > 300  # lupdate found the desk's strings
    for lang in ("fi", "sv"):
        done = _finished(lang)
        missing = [key for key in wanted if not done.get(key)]
        assert not missing, f"{lang}: {missing[:8]}"


def test_no_unfinished_entries_in_the_desk_contexts() -> None:
    for lang in ("fi", "sv"):
        unfinished = [k for k, ok in _finished(lang).items() if k[0] in DESK_CONTEXTS and not ok]
        assert not unfinished, f"{lang}: {unfinished[:8]}"


def test_language_follows_system_unless_chosen() -> None:
    from PySide6.QtCore import QLocale

    assert i18n.resolve_language("sv", QLocale("fi_FI")) == "sv"
    assert i18n.resolve_language("", QLocale("fi_FI")) == "fi"
    assert i18n.resolve_language("", QLocale("de_DE")) == "en"


def test_qt_own_translations_are_found(qapp: QApplication, i18n_dir: Path) -> None:
    from PySide6.QtCore import QLibraryInfo

    qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    if not (qt_dir / "qtbase_fi.qm").exists():
        pytest.skip("this Qt ships no qtbase_fi.qm")
    assert QTranslator().load(str(qt_dir / "qtbase_fi.qm"))


@pytest.fixture
def language(request: pytest.FixtureRequest, qapp: QApplication, i18n_dir: Path) -> Iterator[str]:
    translations = i18n.Translations()
    translations.install(request.param)
    yield request.param
    translations.install("en")


def test_swedish_run(
    qtbot: Any, i18n_dir: Path, desk_ds: DeskSession, runner: TaskRunner, tmp_path: Path
) -> None:
    translations = i18n.Translations()
    try:
        assert translations.install("sv") == "sv"
        win = _window(qtbot, desk_ds, runner, tmp_path)
        assert _menus(win) == ["&Arkiv", "&Kund", "&Hjälp"]
        assert "Administratör" in win.identity.text()
        win.new_customer(CustomerType.COMPANY)
        form = win.view.form
        assert form.heading.text() == "Nytt företag"
        editor = form.fields.editors["business_id"]
        type_text(qtbot, editor, "123")
        assert form.field_errors()["business_id"].startswith("Ogiltigt FO-nummer")
        runner.wait_idle(10000)
    finally:
        translations.install("en")


def test_the_timeline_speaks_finnish(
    qtbot: Any, finnish: i18n.Translations, ds: DeskSession, runner: TaskRunner
) -> None:
    from kkdesk.services import customers
    from kkdesk.ui.timeline import TimelineModel, TimelinePanel
    from tests.orders_factory import standard_history

    number = standard_history(ds)
    panel = TimelinePanel(ds, runner)
    qtbot.addWidget(panel)
    panel.show()
    panel.set_customer(customers.get(ds, number, purpose="customer_service"))
    assert panel.wait_loaded()
    model = panel.model
    w1 = model.index_of_group("W-1")
    assert model.data(model.index(0, TimelineModel.EVENT, w1)) == "Hyvitetty"
    assert model.headerData(TimelineModel.AMOUNT, Qt.Orientation.Horizontal) == "Summa sis. alv"
    assert model.data(model.index(0, TimelineModel.AMOUNT, w1)).endswith("€")  # 24,90 €
    assert panel.status.text() == "3 tilausta näkyvissä"
    panel.tree.setCurrentIndex(model.index(0, 0, w1))
    text = panel.details.toPlainText()
    assert "Palautus R-W-1-1" in text and "Toimitusosoite" in text and "Tilausrivit" in text


def _mnemonic(text: str) -> str | None:
    match = re.search(r"&([^&])", text.replace("&&", ""))
    return match.group(1).lower() if match else None


def _clashes(win: QWidget) -> list[str]:
    """Alt+letter clashes on the current screen that break a key: a letter of a menu, a tab
    or a button shared with anything else visible. (Two field labels sharing a letter is
    harmless: the key moves between them.) ``win`` is the main window or another window
    of the desk (which has no menus or tabs of its own)."""
    exclusive: dict[str, list[str]] = {}
    shared: dict[str, list[str]] = {}
    if isinstance(win, MainWindow):
        for action in win.menuBar().actions():
            exclusive.setdefault(_mnemonic(action.text()) or "", []).append(action.text())
        tabs = win.view.tabs
        for i in range(tabs.count()):
            exclusive.setdefault(_mnemonic(tabs.tabText(i)) or "", []).append(tabs.tabText(i))
    for widget in win.findChildren(QWidget):
        if not widget.isVisibleTo(win):
            continue
        if isinstance(widget, QAbstractButton) and not isinstance(widget, QToolButton):
            exclusive.setdefault(_mnemonic(widget.text()) or "", []).append(widget.text())
        elif isinstance(widget, QLabel) and widget.buddy() is not None:
            shared.setdefault(_mnemonic(widget.text()) or "", []).append(widget.text())
    clashes = []
    for letter, owners in exclusive.items():
        together = owners + shared.get(letter, [])
        if letter and len(together) > 1:
            clashes.append(f"{letter}: {together}")
    return clashes


@pytest.mark.parametrize("language", ["en", "fi", "sv"], indirect=True)
def test_alt_letters_of_menus_tabs_and_buttons_are_unique(
    qtbot: Any, language: str, desk_ds: DeskSession, runner: TaskRunner, tmp_path: Path
) -> None:
    from tests.ui.conftest import find

    win = _window(qtbot, desk_ds, runner, tmp_path)
    win.resize(1400, 900)
    screens = []
    win.new_customer(CustomerType.PERSON)
    screens.append(("new person", _clashes(win)))
    win.view.show_customer(find(desk_ds, "0109862-8"))
    screens.append(("company", _clashes(win)))
    win.view.form.banner.show()  # the buttons of a refused save, too
    screens.append(("company, save refused", _clashes(win)))
    for panel_id in ("history", "timeline", "consents", "disclosures", "audit", "requests"):
        index = next(
            i for i, p in enumerate(win.view.panels, 1) if getattr(p, "panel_id", "") == panel_id
        )
        win.view.tabs.setCurrentIndex(index)
        screens.append((panel_id, _clashes(win)))
    requests_window = win.open_requests()  # the register's requests, a window of its own
    assert requests_window is not None
    screens.append(("requests window", _clashes(requests_window)))
    requests_window.close()
    runner.wait_idle(10000)
    assert [s for s in screens if s[1]] == []
