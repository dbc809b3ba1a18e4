"""The one path every failure of the desk takes.

A :class:`~kkdesk.errors.KnownError` (the user's or the environment's doing) becomes a
sentence in the user's language, shown where the work was asked for. Anything else is a
bug of ours: it is logged with its traceback (the log file handler and its redaction
filter are installed at start-up) and shown in a :class:`BugDialog` whose "Copy details"
button puts the traceback on the clipboard for a support request. Panels, dialogs, the
task runner's unhandled failures and the GUI thread's ``sys.excepthook`` all come here,
so a bug is never reported as "logged" without being logged.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kkdesk import __version__
from kkdesk.errors import KnownError
from kkdesk.ui.errors import bug_sentence, describe_error

log = logging.getLogger(__name__)

# Bug dialogs without a parent would die with their last Python reference.
_open_dialogs: list[BugDialog] = []


def bug_details(exc: BaseException, context: str = "") -> str:
    """What "Copy details" copies: the version, what was being done, the traceback."""
    lines = [f"kkdesk {__version__}", f"Python {sys.version.split()[0]}"]
    if context:
        lines.append(f"While: {context}")
    lines.append("")
    lines.extend(traceback.format_exception(type(exc), exc, exc.__traceback__))
    return "\n".join(line.rstrip("\n") for line in lines)


def report_failure(
    exc: BaseException,
    parent: QWidget | None = None,
    *,
    context: str = "",
    describe: Callable[[BaseException], str] = describe_error,
) -> str:
    """Report a failure of background work; return the sentence to show in place.

    A known error is only put into words (the caller shows it where the user looks). A
    bug is logged with its traceback and shown as a bug in a dialog of its own.
    ``describe`` words a panel's own known errors (the desk's general words otherwise).
    """
    if isinstance(exc, KnownError):
        return describe(exc)
    log.error(
        "bug%s",
        f" while {context}" if context else "",
        exc_info=(type(exc), exc, exc.__traceback__),
    )
    show_bug(exc, parent, context=context)
    return bug_sentence()


def show_bug(exc: BaseException, parent: QWidget | None = None, *, context: str = "") -> BugDialog:
    """Open (or add to) the bug dialog; non-modal, so searches and saves go on."""
    details = bug_details(exc, context)
    for dialog in _open_dialogs:
        if dialog.isVisible():
            dialog.add_details(details)
            return dialog
    dialog = BugDialog(details, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _open_dialogs.append(dialog)
    dialog.destroyed.connect(lambda _obj=None, d=dialog: _forget(d))
    dialog.show()
    return dialog


def _forget(dialog: BugDialog) -> None:
    if dialog in _open_dialogs:
        _open_dialogs.remove(dialog)


class BugDialog(QDialog):
    """A bug, said to be one, with its details to copy for support."""

    def __init__(self, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bugDialog")
        self.setWindowTitle(self.tr("kkdesk — a bug"))
        self.setWindowModality(Qt.WindowModality.NonModal)
        message = QLabel(
            bug_sentence()
            + "\n\n"
            + self.tr(
                "The details were written to the log file. Please copy them and send them "
                "to your support contact with a few words on what you were doing. You can "
                "go on working."
            ),
            self,
        )
        message.setWordWrap(True)
        self.details = QPlainTextEdit(self)
        self.details.setObjectName("bugDetails")
        self.details.setReadOnly(True)
        self.details.setAccessibleName(self.tr("Details"))
        self.details.setPlainText(details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = QPushButton(self.tr("&Copy details"), self)
        self.copy_button.setObjectName("copyDetails")
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(message)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        self.resize(640, 420)

    def add_details(self, details: str) -> None:
        """A further bug while this dialog is open: one dialog, every traceback in it."""
        self.details.appendPlainText("\n" + "-" * 60 + "\n" + details)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details.toPlainText())
        self.copy_button.setText(self.tr("Copied"))


def handle_uncaught(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> None:
    """``sys.excepthook``: an exception no code caught (e.g. in a Qt slot)."""
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    if exc.__traceback__ is None and tb is not None:
        exc = exc.with_traceback(tb)
    on_gui_thread = threading.current_thread() is threading.main_thread()
    if QApplication.instance() is None or not on_gui_thread:
        log.error("uncaught exception", exc_info=(exc_type, exc, tb))
        return
    try:
        report_failure(exc, QApplication.activeWindow(), context="an uncaught exception")
    except Exception:  # the report itself must never raise out of the hook
        log.exception("reporting an uncaught exception failed")


def install_excepthook() -> None:
    """Send the GUI thread's uncaught exceptions down the one failure path."""
    sys.excepthook = handle_uncaught
