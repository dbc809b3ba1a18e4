"""Prohibitions, consents, disclosures and the marketing export in Finnish and Swedish:
every string translated, the same placeholders and Alt+letters, and no Alt+letter of the
two tabs clashing with the desk's menus, tabs or buttons in any language."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QToolButton, QWidget

from kkdesk.domain.consent import ConsentItem
from kkdesk.services.session import DeskSession
from kkdesk.ui import i18n
from kkdesk.ui.consent_panel import ConsentPanel, EvidenceDialog
from kkdesk.ui.disclosure_panel import DisclosurePanel
from kkdesk.ui.main_window import MainWindow
from kkdesk.ui.marketing_export_dialog import MarketingExportDialog
from kkdesk.ui.tasks import TaskRunner
from tests.ui.conftest import find

ROOT = Path(__file__).resolve().parents[2]
MODULES = ("consent_panel.py", "disclosure_panel.py", "marketing_export_dialog.py")


def _found(tmp_path: Path) -> list[tuple[str, str]]:
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    found = tmp_path / "found.ts"
    subprocess.run(
        [str(lupdate), "-silent", *(str(ROOT / "kkdesk/ui" / m) for m in MODULES),
         "-ts", str(found)],
        check=True,
    )  # fmt: skip
    return [
        (str(ctx.findtext("name")), str(m.findtext("source")))
        for ctx in ET.parse(found).getroot().iter("context")
        for m in ctx.iter("message")
    ]


def _translations(lang: str) -> dict[tuple[str, str], str]:
    out = {}
    for ctx in ET.parse(i18n.i18n_dir() / f"kkdesk_{lang}.ts").getroot().iter("context"):
        for m in ctx.iter("message"):
            t = m.find("translation")
            if t is None or t.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            if (t.text or "").strip():
                out[(str(ctx.findtext("name")), str(m.findtext("source")))] = t.text or ""
    return out


def test_every_string_is_translated_with_its_placeholders(tmp_path: Path) -> None:
    wanted = _found(tmp_path)
    assert len(wanted) > 120
    for lang in ("fi", "sv"):
        done = _translations(lang)
        missing = [w for w in wanted if w not in done]
        assert not missing, f"{lang}: {missing[:8]}"
        for key in wanted:
            source, text = key[1], done[key]
            assert sorted(re.findall(r"%\d", source)) == sorted(re.findall(r"%\d", text)), key
            assert ("&" in source.replace("&&", "")) == ("&" in text.replace("&&", "")), key


@pytest.fixture
def language(request: pytest.FixtureRequest, qapp: QApplication, tmp_path: Path) -> Iterator[str]:
    """The desk in ``request.param``, from the committed .ts sources compiled here."""
    out = tmp_path / "i18n"
    out.mkdir()
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    for lang in ("fi", "sv"):
        src = i18n.i18n_dir() / f"kkdesk_{lang}.ts"
        subprocess.run(
            [str(lrelease), "-silent", str(src), "-qm", str(out / f"kkdesk_{lang}.qm")],
            check=True,
        )
    translations = i18n.Translations(out)
    translations.install(request.param)
    yield request.param
    translations.install("en")


EXPECTED = {
    "fi": ("Kiellot ja suostumukset", "Suoramainonta kielletty", "Muutoksen peruste"),
    "sv": ("Förbud och samtycken", "Direktreklam förbjuden", "Underlag för ändringen"),
    "en": ("Prohibitions and consents", "Direct advertising prohibited", "Evidence of the change"),
}


def _mnemonic(text: str) -> str:
    match = re.search(r"&([^&])", text.replace("&&", ""))
    return match.group(1).lower() if match else ""


def _clashes(win: MainWindow) -> list[str]:
    """Alt+letters on the screen that would not do the one thing they say: a menu, tab or
    button sharing its letter with anything else visible (field labels may share one with
    each other: the key then moves between them)."""
    exclusive: dict[str, list[str]] = {}
    shared: dict[str, list[str]] = {}
    for action in win.menuBar().actions():
        exclusive.setdefault(_mnemonic(action.text()), []).append(action.text())
    for i in range(win.view.tabs.count()):
        text = win.view.tabs.tabText(i)
        exclusive.setdefault(_mnemonic(text), []).append(text)
    for widget in win.findChildren(QWidget):
        if not widget.isVisibleTo(win):
            continue
        if isinstance(widget, QAbstractButton) and not isinstance(widget, QToolButton):
            exclusive.setdefault(_mnemonic(widget.text()), []).append(widget.text())
        elif isinstance(widget, QLabel) and widget.buddy() is not None:
            shared.setdefault(_mnemonic(widget.text()), []).append(widget.text())
    return [
        f"{letter}: {owners + shared.get(letter, [])}"
        for letter, owners in exclusive.items()
        if letter and len(owners + shared.get(letter, [])) > 1
    ]


@pytest.mark.parametrize("language", ["en", "fi", "sv"], indirect=True)
def test_tabs_and_dialogs_in_every_language(
    qtbot: Any, language: str, desk_ds: DeskSession, runner: TaskRunner, tmp_path: Path
) -> None:
    settings = QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat)
    win = MainWindow(desk_ds, runner, user=desk_ds.user, settings=settings)
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    win.view.show_customer(find(desk_ds, "0109862-8"))  # a company with a contact person
    consent = next(p for p in win.view.panels if isinstance(p, ConsentPanel))
    disclosure = next(p for p in win.view.panels if isinstance(p, DisclosurePanel))
    assert consent.wait_loaded() and disclosure.wait_loaded()
    title, toggle, evidence = EXPECTED[language]
    assert consent.title() == title
    assert consent.toggles[ConsentItem.DIRECT_ADVERTISING].text() == toggle
    assert consent.person.isVisibleTo(consent)  # the company and its contact person
    clashes = []
    for panel in (consent, disclosure):
        win.view.tabs.setCurrentWidget(panel)
        clashes += _clashes(win)
    assert clashes == []
    dialog = EvidenceDialog(ConsentItem.GENEALOGY, True, win)
    assert dialog.windowTitle() == evidence
    dialog.deleteLater()
    export = MarketingExportDialog(desk_ds, runner, win)
    letters = [
        _mnemonic(label.text())
        for label in export.findChildren(QLabel)
        if label.buddy() is not None
    ] + [_mnemonic(export.save_button.text())]
    assert "" not in letters and len(set(letters)) == len(letters)
    assert export.wait_idle()
    export.deleteLater()
    runner.wait_idle(10000)


@pytest.mark.parametrize("language", ["en", "fi", "sv"], indirect=True)
def test_the_consents_tab_fits_its_panel_at_1280x720(
    qtbot: Any, language: str, desk_ds: DeskSession, runner: TaskRunner, tmp_path: Path
) -> None:
    """No sideways scroll: the Finnish tab was wider than its panel, its right-hand column
    (the consents) clipped behind a horizontal scroll bar."""
    from PySide6.QtWidgets import QScrollArea

    settings = QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat)
    win = MainWindow(desk_ds, runner, user=desk_ds.user, settings=settings)
    qtbot.addWidget(win)
    win.resize(1280, 720)
    win.show()
    win.view.show_customer(find(desk_ds, "0109862-8"))
    consent = next(p for p in win.view.panels if isinstance(p, ConsentPanel))
    assert consent.wait_loaded()
    win.view.tabs.setCurrentWidget(consent.parentWidget().parentWidget())
    QApplication.processEvents()
    scroll = consent.parentWidget().parentWidget()
    assert isinstance(scroll, QScrollArea)
    assert consent.width() <= scroll.viewport().width()
    assert not scroll.horizontalScrollBar().isVisible()
    for toggle in consent.toggles.values():  # every toggle's whole text in sight
        right = toggle.mapTo(consent, toggle.rect().topRight()).x()
        assert right <= scroll.viewport().width(), toggle.text()
