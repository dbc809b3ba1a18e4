"""The composition root: ``kkdesk`` with arguments is the command line, without them the desk.

Opening the desk: the Qt application, the translations, the preferences, the session on
the register database (for a central PostgreSQL database through the login dialog), the
task runner and the main window. This is the one place that knows all the parts.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Sequence

from kkdesk.config import Preferences
from kkdesk.services.session import DeskSession, open_session
from kkdesk.store.database import default_sqlite_path

log = logging.getLogger("kkdesk")

ORGANIZATION = "Konekesko"
APPLICATION = "kkdesk"


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    snapshot = _snapshot_argument(args)
    if snapshot is not None:
        return run_desk(snapshot=snapshot)
    if args:
        from kkdesk import cli

        return cli.main(args)
    return run_desk()


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
    return _central_url(os.environ.get("KKDESK_DB", "")) or bool(prefs.last_profile)


def open_embedded(prefs: Preferences) -> DeskSession:
    """This workstation's embedded register: ``$KKDESK_DB`` if it names a SQLite file, else
    the default file in the user's data folder (never the central database it may name)."""
    central = _central_url(os.environ.get("KKDESK_DB", ""))
    return open_session(str(default_sqlite_path()) if central else None, prefs=prefs)


def open_desk_session(prefs: Preferences) -> DeskSession | None:
    """The signed-in session, or None if the user cancelled the login.

    A central database (``$KKDESK_DB`` names one, or a profile was used last) is signed in
    to through the login dialog, which also offers the embedded database instead.
    """
    if _wants_central(prefs):
        from kkdesk.ui.login_dialog import sign_in

        return sign_in(prefs, open_embedded=lambda: open_embedded(prefs))
    return open_embedded(prefs)


def run_desk(*, snapshot: str | None = None) -> int:
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    from kkdesk.ui.qtcompat import keep_singletons_alive

    keep_singletons_alive()  # before the first Qt call: see kkdesk/ui/qtcompat.py
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication, QMessageBox

    from kkdesk.errors import KnownError
    from kkdesk.ui.errors import describe_error
    from kkdesk.ui.i18n import Translations
    from kkdesk.ui.main_window import MainWindow
    from kkdesk.ui.tasks import TaskRunner

    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    QApplication.setDesktopFileName(APPLICATION)  # Wayland matches the .desktop file by it
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

    runner = TaskRunner(app)
    window = MainWindow(ds, runner, user=user, prefs=prefs)
    if not ds.read_only:
        window.deliver_offline_reads()  # reads made offline reach the audit trail now
    window.show()
    try:
        return int(app.exec())
    finally:
        runner.shutdown()
        ds.close()
        del translations
