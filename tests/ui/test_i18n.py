"""The desk in Finnish and in English: menus, field messages and dates follow the language.

The Finnish run compiles ``kkdesk_fi.ts`` itself when the Makefile has not built the
``.qm`` yet, so the test needs nothing but the sources.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, QTranslator
from PySide6.QtWidgets import QApplication, QLineEdit

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
    monkeypatch.setattr(i18n, "i18n_dir", lambda: out)
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


def test_every_desk_string_is_translated() -> None:
    """No message of the desk's own contexts is left unfinished in fi or sv."""
    import xml.etree.ElementTree as ET

    others = {"TimelinePanel", "TimelineModel", "TimelineWords", "timeline", "ReturnDialog"}
    for lang in ("fi", "sv"):
        tree = ET.parse(i18n.i18n_dir() / f"kkdesk_{lang}.ts")
        unfinished = [
            (ctx.findtext("name"), m.findtext("source"))
            for ctx in tree.getroot().iter("context")
            if ctx.findtext("name") not in others
            for m in ctx.iter("message")
            if m.find("translation") is not None
            and (m.find("translation").get("type") == "unfinished" or not m.findtext("translation"))  # type: ignore[union-attr]
        ]
        assert not unfinished, f"{lang}: {unfinished[:5]}"


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
