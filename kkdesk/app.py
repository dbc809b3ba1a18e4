"""The composition root: ``kkdesk`` with arguments is the command line, without them the desk.

Opening the desk: the Qt application, the translations, the preferences, the session on
the register database (for a central PostgreSQL database through the login dialog), the
task runner and the main window. This is the one place that knows all the parts.

Everything beyond the standard library is imported where it is used: ``kkdesk --version``
and ``--help`` import no Qt, no database layer and no reportlab
(tests/unit/cli/test_startup.py).
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QIcon

    from kkdesk.config import Preferences
    from kkdesk.services.session import DeskSession

ORGANIZATION = "Konekesko"
APPLICATION = "kkdesk"
# The desktop entry's name (packaging/linux/fi.konekesko.kkdesk.desktop) and AppStream id:
# Wayland finds the window's icon and name through it.
DESKTOP_FILE = "fi.konekesko.kkdesk"


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    snapshot = _snapshot_argument(args)
    if snapshot is not None:
        return run_desk(snapshot=snapshot)
    db = desk_database(args)
    if args and db is None:
        from kkdesk import cli

        return cli.main(args)
    return run_desk(db)


def desk_database(args: Sequence[str]) -> str | None:
    """``kkdesk --db URL`` with no command opens the desk on URL (None: not that form)."""
    if len(args) == 2 and args[0] == "--db" and args[1]:
        return args[1]
    if len(args) == 1 and args[0].startswith("--db=") and len(args[0]) > 5:
        return args[0][5:]
    return None


def _snapshot_argument(args: Sequence[str]) -> str | None:
    """FILE of ``kkdesk --snapshot FILE`` (or ``--snapshot=FILE``), the only arguments."""
    if len(args) == 2 and args[0] == "--snapshot":
        return args[1]
    if len(args) == 1 and args[0].startswith("--snapshot="):
        return args[0].split("=", 1)[1]
    return None


def _central_url(url: str) -> bool:
    return url.startswith(("postgresql", "postgres"))


def _wants_central(prefs: Preferences) -> bool:
    """``$KKDESK_DB`` (or ``--db``) wins over the profile remembered from last time: a
    SQLite file named there opens directly, a central database goes to the sign-in."""
    env = os.environ.get("KKDESK_DB", "")
    if env:
        return _central_url(env)
    return bool(prefs.last_profile)


class StartCancelled(Exception):
    """The user chose not to go on starting the desk (e.g. no new empty register)."""


def embedded_file(url: str | None = None) -> tuple[Path, bool]:
    """The embedded register file the desk would open, and whether it was named by the
    user (``--db`` or ``$KKDESK_DB``) rather than the default in the data folder."""
    from kkdesk.store.database import default_sqlite_path, resolve_url

    env = os.environ.get("KKDESK_DB", "")
    if url:
        return Path(str(resolve_url(url).database)), True
    if env and not _central_url(env):
        return Path(str(resolve_url(None).database)), True
    return default_sqlite_path(), False


def open_embedded(
    prefs: Preferences,
    url: str | None = None,
    *,
    ask_create: Callable[[Path], bool] | None = None,
) -> DeskSession:
    """This workstation's embedded register: ``url`` or ``$KKDESK_DB`` if it names a SQLite
    file, else the default file in the user's data folder (never the central database
    ``$KKDESK_DB`` may name).

    A register file that was named or opened before and is now missing is not silently
    replaced by a new, empty one: ``ask_create(path)`` is asked first (the desk's question
    by default), and :class:`StartCancelled` is raised if the answer is no.
    """
    from kkdesk.services.session import open_session

    path, named = embedded_file(url)
    if not path.exists() and (named or prefs.embedded_register == str(path)):
        if ask_create is None:
            from kkdesk.ui.dialogs import confirm_create_register

            def ask_create(p: Path) -> bool:
                return confirm_create_register(None, str(p))

        if not ask_create(path):
            raise StartCancelled(str(path))
    ds = open_session(str(path), prefs=prefs)
    if prefs.embedded_register != str(path):
        prefs.embedded_register = str(path)
        try:
            prefs.save()
        except OSError:
            logging.getLogger("kkdesk").warning("could not save preferences", exc_info=True)
    return ds


def open_desk_session(prefs: Preferences) -> DeskSession | None:
    """The signed-in session, or None if the user cancelled the login.

    A central database (``$KKDESK_DB`` names one, or a profile was used last) is signed in
    to through the login dialog, which also offers the embedded database instead. A
    ``$KKDESK_DB`` with a password in it is refused first (a known error, shown).
    """
    from kkdesk.store.database import resolve_url

    resolve_url(None)
    if _wants_central(prefs):
        from kkdesk.ui.login_dialog import sign_in

        return sign_in(prefs, open_embedded=lambda: open_embedded(prefs))
    return open_embedded(prefs)


def run_desk(db: str | None = None, *, snapshot: str | None = None) -> int:
    if db:
        # As everywhere in kkdesk, --db wins over $KKDESK_DB: the rest of the start reads
        # the one variable (this process only).
        os.environ["KKDESK_DB"] = db
    from kkdesk import __version__, logs

    log_file = logs.install()  # before anything else can fail
    log = logging.getLogger("kkdesk")
    log.info("kkdesk %s starting; log file %s", __version__, log_file)
    from kkdesk.ui.qtcompat import keep_singletons_alive

    keep_singletons_alive()  # before the first Qt call: see kkdesk/ui/qtcompat.py
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication, QMessageBox

    from kkdesk.config import Preferences
    from kkdesk.errors import KnownError
    from kkdesk.ui.errors import describe_error
    from kkdesk.ui.i18n import Translations
    from kkdesk.ui.main_window import MainWindow
    from kkdesk.ui.tasks import TaskRunner

    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    QApplication.setDesktopFileName(DESKTOP_FILE)  # Wayland matches the .desktop file by it
    app.setWindowIcon(_icon())
    prefs = Preferences.load()
    translations = Translations()
    translations.install(prefs.language)

    ds: DeskSession | None
    try:
        if snapshot is not None:
            from pathlib import Path

            from kkdesk.services import snapshots

            ds = snapshots.open_snapshot(Path(snapshot))
        else:
            ds = open_desk_session(prefs)
        if ds is None:
            return 1
        user = ds.user  # on PostgreSQL a query: once, here, before the window exists
    except KnownError as exc:
        QMessageBox.critical(None, "kkdesk", describe_error(exc))
        return 1
    except StartCancelled:
        return 1

    from kkdesk.ui.failures import install_excepthook

    install_excepthook()  # an exception in a Qt slot is a bug: logged and shown as one
    runner = TaskRunner(app)
    window = MainWindow(ds, runner, user=user, prefs=prefs)
    if not ds.read_only:
        window.deliver_offline_reads()  # reads made offline reach the audit trail now
    window.show()
    log.info("desk window shown (%s database)", "embedded" if ds.is_embedded else "central")
    try:
        return int(app.exec())
    finally:
        runner.shutdown()
        ds.close()
        del translations
        private_settings()


def _icon() -> QIcon:
    """The application icon in every size we ship (title bars, task switchers, docks)."""
    from PySide6.QtGui import QIcon

    from kkdesk import resources

    icon = QIcon()
    for image in sorted(resources.path("icons/hicolor").glob("*/apps/kkdesk.*")):
        icon.addFile(str(image))
    return icon


def private_settings(settings: QSettings | None = None) -> None:
    """Qt writes the window-state file (column layouts, splitters) with the umask's mode;
    like every file kkdesk writes, it is made readable by its user alone."""
    from PySide6.QtCore import QSettings

    from kkdesk import files

    settings = settings if settings is not None else QSettings()
    settings.sync()
    files.restrict(settings.fileName())
