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
    from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

    from kkdesk.config import Preferences
    from kkdesk.services.session import DeskSession
    from kkdesk.ui.tasks import TaskRunner

ORGANIZATION = "Konekesko"
APPLICATION = "kkdesk"
# The desktop entry's name (packaging/linux/fi.konekesko.kkdesk.desktop) and AppStream id:
# Wayland finds the window's icon and name through it.
DESKTOP_FILE = "fi.konekesko.kkdesk"
# The register starts opening when the opening window has been painted, or after this long.
OPENING_FALLBACK_MS = 500


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
    path, named = embedded_file(url)
    if must_ask_create(prefs, path, named):
        if ask_create is None:
            from kkdesk.ui.dialogs import confirm_create_register

            def ask_create(p: Path) -> bool:
                return confirm_create_register(None, str(p))

        if not ask_create(path):
            raise StartCancelled(str(path))
    return open_register_file(prefs, path)


def must_ask_create(prefs: Preferences, path: Path, named: bool) -> bool:
    """Whether opening ``path`` would make a new, empty register the user did not expect:
    the file is missing, and it was named (``--db``, ``$KKDESK_DB``) or opened before."""
    return not path.exists() and (named or prefs.embedded_register == str(path))


def open_register_file(prefs: Preferences, path: Path) -> DeskSession:
    """The session on the embedded register in ``path`` (created or migrated if need be),
    remembered in the preferences as the register this workstation opened."""
    from kkdesk.services.session import open_session

    ds = open_session(str(path), prefs=prefs)
    if prefs.embedded_register != str(path):
        prefs.embedded_register = str(path)
        try:
            prefs.save()
        except OSError:
            logging.getLogger("kkdesk").warning("could not save preferences", exc_info=True)
    return ds


def open_desk_session(prefs: Preferences, parent: QWidget | None = None) -> DeskSession | None:
    """The signed-in session, or None if the user cancelled the login.

    A central database (``$KKDESK_DB`` names one, or a profile was used last) is signed in
    to through the login dialog, which also offers the embedded database instead. A
    ``$KKDESK_DB`` with a password in it is refused first (a known error, shown).
    """
    from kkdesk.store.database import resolve_url

    resolve_url(None)
    if _wants_central(prefs):
        from kkdesk.ui.login_dialog import sign_in

        return sign_in(prefs, parent, open_embedded=lambda: open_embedded(prefs))
    return open_embedded(prefs)


def run_desk(db: str | None = None, *, snapshot: str | None = None) -> int:
    """Open the desk: a window at once, the register in the background, then the desk.

    The window the user sees first (kkdesk/ui/opening.py) needs only Qt; the desk's own
    imports and the register's opening run on a worker thread (:class:`_DeskStart`), so
    the window appears about as fast as an empty PySide6 window (bench/bench_startup.py)
    and the GUI thread never waits for the database.
    """
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
    from kkdesk.ui.gui_pool import paint_on_gui_thread

    paint_on_gui_thread()  # before Qt first paints: see kkdesk/ui/gui_pool.py
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from kkdesk.config import Preferences
    from kkdesk.ui.i18n import Translations
    from kkdesk.ui.tasks import TaskRunner

    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    QApplication.setDesktopFileName(DESKTOP_FILE)  # Wayland matches the .desktop file by it
    app.setWindowIcon(_icon())
    from kkdesk.ui.heap import GuiThreadCollector

    # Garbage is collected on the GUI thread only, never on a worker: kkdesk/ui/heap.py.
    GuiThreadCollector(app)
    prefs = Preferences.load()
    translations = Translations()
    translations.install(prefs.language)

    runner = TaskRunner(app)
    start = open_desk(app, runner, prefs, snapshot)
    try:
        return int(app.exec())
    finally:
        runner.shutdown()
        start.close()
        del translations
        private_settings()


def open_desk(
    app: QApplication, runner: TaskRunner, prefs: Preferences, snapshot: str | None = None
) -> _DeskStart:
    """Show the opening window and open the register behind it; the main window takes its
    place when the session is open (``.window``), or the start ends the event loop with 1."""
    from PySide6.QtCore import QTimer

    from kkdesk.ui.opening import OpeningWindow

    opening = OpeningWindow()
    opening.show()
    start = _DeskStart(app, runner, prefs, opening, snapshot)
    # Once the window is painted; a window that is never painted (started minimised, or
    # on a platform that paints late) must not keep the desk from opening.
    opening.painted.connect(start.begin)
    QTimer.singleShot(OPENING_FALLBACK_MS, start.begin)
    return start


class _DeskStart:
    """The steps from the opening window to the desk, each off the GUI thread where it
    touches the database (or may wait on the keyring), each on it where it asks the user.

    The worker steps also import the main window's modules, so that building it on the
    GUI thread afterwards costs only the widgets.
    """

    def __init__(
        self,
        app: QApplication,
        runner: TaskRunner,
        prefs: Preferences,
        opening: QMainWindow,
        snapshot: str | None,
    ) -> None:
        self.app = app
        self.snapshot = snapshot
        self.begun = False
        self.runner = runner
        self.prefs = prefs
        self.opening: QMainWindow | None = opening
        self.ds: DeskSession | None = None  # closed by close() if the desk never took it
        self.window: QMainWindow | None = None

    def begin(self) -> None:
        if self.begun:
            return
        self.begun = True
        snapshot = self.snapshot
        if snapshot is not None:
            self._in_background(lambda: self._ready(_open_snapshot(snapshot)))
        elif _wants_central(self.prefs):
            self._sign_in()
        else:
            self._in_background(self._locate_embedded)

    def _in_background(self, fn: Callable[[], object]) -> None:
        self.runner.run(fn, success=self._on_step_done, failure=self._on_failed)

    def _locate_embedded(self) -> object:
        from kkdesk.store.database import resolve_url

        resolve_url(None)  # a password in $KKDESK_DB is refused before anything opens
        path, named = embedded_file()
        if must_ask_create(self.prefs, path, named):
            return path  # the GUI thread asks (_on_step_done)
        return self._ready(open_register_file(self.prefs, path))

    def _ready(self, ds: DeskSession) -> tuple[DeskSession, str]:
        """On the worker: the user (a query on PostgreSQL) and the desk's imports."""
        self.ds = ds
        user = ds.user
        import kkdesk.ui.main_window  # noqa: F401  (imported here, off the GUI thread)

        return ds, user

    def _on_step_done(self, result: object) -> None:
        if isinstance(result, Path):
            from kkdesk.ui.dialogs import confirm_create_register

            if not confirm_create_register(self.opening, str(result)):
                self.app.exit(1)
                return
            path = result
            self._in_background(lambda: self._ready(open_register_file(self.prefs, path)))
            return
        assert isinstance(result, tuple)
        ds, user = result
        self._show_desk(ds, user)

    def _sign_in(self) -> None:
        """The central database's sign-in dialog, over the opening window."""
        try:
            ds = open_desk_session(self.prefs, self.opening)
        except BaseException as exc:
            self._on_failed(exc)
            return
        if ds is None:
            self.app.exit(1)
            return
        self.ds = ds
        self._in_background(lambda: self._ready(ds))

    def _show_desk(self, ds: DeskSession, user: str) -> None:
        from kkdesk.ui.failures import install_excepthook
        from kkdesk.ui.main_window import MainWindow

        install_excepthook()  # an exception in a Qt slot is a bug: logged and shown as one
        window = MainWindow(ds, self.runner, user=user, prefs=self.prefs)
        self.window = window
        if not ds.read_only:
            window.deliver_offline_reads()  # reads made offline reach the audit trail now
        window.show()
        window.activateWindow()
        if self.opening is not None:
            self.opening.close()
            self.opening.deleteLater()
            self.opening = None
        from PySide6.QtCore import QTimer

        from kkdesk.ui import gil, heap

        # Once the window has painted: start-up's objects out of the collector's full
        # passes, which stopped the GUI thread for 57 ms (kkdesk/ui/heap.py).
        QTimer.singleShot(0, heap.settle)
        # A worker's search hands the GIL back to the painting GUI thread within 1 ms,
        # not CPython's 5 ms (kkdesk/ui/gil.py).
        gil.favour_gui_thread()
        logging.getLogger("kkdesk").info(
            "desk window shown (%s database)", "embedded" if ds.is_embedded else "central"
        )

    def _on_failed(self, exc: BaseException) -> None:
        from kkdesk.errors import KnownError

        if isinstance(exc, StartCancelled):
            self.app.exit(1)
        elif isinstance(exc, KnownError):
            from PySide6.QtWidgets import QMessageBox

            from kkdesk.ui.errors import describe_error

            QMessageBox.critical(self.opening, "kkdesk", describe_error(exc))
            self.app.exit(1)
        else:
            from kkdesk.ui.failures import show_bug

            logging.getLogger("kkdesk").error(
                "bug while opening the register", exc_info=(type(exc), exc, exc.__traceback__)
            )
            dialog = show_bug(exc, self.opening, context="opening the register")
            dialog.finished.connect(lambda _result: self.app.exit(1))

    def close(self) -> None:
        if self.ds is not None:
            self.ds.close()
            self.ds = None


def _open_snapshot(file: str) -> DeskSession:
    from kkdesk.services import snapshots

    return snapshots.open_snapshot(Path(file))


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
