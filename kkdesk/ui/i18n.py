"""The user interface language: Finnish, Swedish or English with Qt's translation system.

The language follows the system locale unless the user chose one in the settings. Our own
``kkdesk_<lang>.qm`` (package data in ``kkdesk/resources/i18n``) and Qt's
``qtbase_<lang>.qm`` (standard dialogs and buttons) are loaded with :class:`QTranslator`.
The ``.qm`` files are compiled from the committed ``resources/i18n/*.ts`` sources by the
wheel build (``setup.py``) and by ``make translations``, never committed. The default
:class:`QLocale` is set at the same time so that dates and numbers follow the chosen
language.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from kkdesk import resources

log = logging.getLogger(__name__)

LANGUAGES = ("fi", "sv", "en")
# The locale whose conventions each language uses: Swedish as written in Finland, and
# English with day-first dates (en_GB) rather than the US month-first ones.
_LOCALES = {"fi": "fi_FI", "sv": "sv_FI", "en": "en_GB"}


def i18n_dir() -> Path:
    """The translation *sources* (``resources/i18n/*.ts`` of the source tree), for the
    tools and tests that read them; an installed desk has only :func:`qm_dir`."""
    return Path(__file__).resolve().parents[2] / "resources" / "i18n"


def qm_dir() -> Path:
    """The compiled translations, wherever the package is installed."""
    return resources.path("i18n")


def resolve_language(choice: str, system: QLocale | None = None) -> str:
    """The language to show: the user's choice, else the system's if we have it, else en."""
    if choice in LANGUAGES:
        return choice
    system = system or QLocale.system()
    for name in system.uiLanguages():
        code = name.split("-")[0].split("_")[0].lower()
        if code in LANGUAGES:
            return code
    return "en"


class Translations:
    """Holds the installed translators (a translator dies with its last reference)."""

    def __init__(self, qm_dir: Path | None = None) -> None:
        self._installed: list[QTranslator] = []
        self.language = "en"
        # Where our .qm files are: the package's by default; the screenshot script and
        # the tests compile the .ts sources into a folder of their own.
        self._qm_dir = qm_dir

    def install(self, language: str) -> str:
        """Switch to ``language`` ("" = follow the system); returns the language used."""
        app = QCoreApplication.instance()
        assert app is not None, "a QApplication must exist before translations"
        for translator in self._installed:
            QCoreApplication.removeTranslator(translator)
        self._installed.clear()
        lang = resolve_language(language)
        self.language = lang
        QLocale.setDefault(QLocale(_LOCALES[lang]))
        if lang == "en":
            return lang  # the source strings are English
        ours = (self._qm_dir or qm_dir()) / f"kkdesk_{lang}.qm"
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for path in (ours, Path(qt_dir) / f"qtbase_{lang}.qm"):
            translator = QTranslator(app)
            if path.exists() and translator.load(str(path)):
                QCoreApplication.installTranslator(translator)
                self._installed.append(translator)
            else:
                log.info("no translation file %s; showing English text", path)
        return lang
