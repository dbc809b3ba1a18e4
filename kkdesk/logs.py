"""The desk's log files: in the user's log folder, rotated, and without personal data.

``kkdesk.log`` lives in ``platformdirs.user_log_path("kkdesk", "Konekesko")`` (on Linux
``~/.local/state/kkdesk/log``; ``$KKDESK_LOG_DIR`` overrides it), a folder only the user
can open (0700), each file readable by the user only (0600, rotated files too). It rotates
at :data:`MAX_BYTES` and keeps :data:`BACKUPS` old files, so a workstation never fills up.

What may be logged: customer numbers, counts, codes, class names, tracebacks of bugs. What
may not: names, e-mail addresses, phone numbers, postal addresses, identity codes and
secrets. The first line of defence is the log calls themselves (they pass customer numbers
and never a customer's fields; tests/unit/test_logs.py greps them). The second is
:class:`Redactor`, a filter on every handler, which rewrites each record before it is
written: e-mail addresses, phone numbers, Finnish identity codes, passwords in URLs and
``password=…`` pairs, the parameters SQLAlchemy prints with a failed statement and the
key values PostgreSQL prints in an error's detail. SQLAlchemy's statement log (which
carries every searched name as a parameter) never reaches the file at all. A name or
street written into free text cannot be recognised by a pattern: keeping them out of log
calls is what guarantees that.
"""

from __future__ import annotations

import logging
import os
import re
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

import platformdirs

LOG_ENV = "KKDESK_LOG_DIR"
LOG_FILE = "kkdesk.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

_EMAIL = re.compile(r"[\w.%+-]+@[\w-]+(?:\.[\w-]+)+")
_URL_PASSWORD = re.compile(r"(\b[a-z][\w+.-]*://[^:/?#\s@]*):[^@\s/]*@", re.IGNORECASE)
_PASSWORD_PAIR = re.compile(
    r"\b(password|passwd|pwd|secret|token)(['\"]?\s*[=:]\s*)(['\"]?)[^\s'\",;)]+",
    re.IGNORECASE,
)
# A Finnish personal identity code (henkilötunnus): DDMMYY, century sign, NNN, check.
_HETU = re.compile(r"\b\d{6}[-+A-FU-Y]\d{3}[0-9A-Y]\b")
# SQLAlchemy appends a failed statement's parameters: search words, names, addresses.
_SQL_PARAMETERS = re.compile(r"\[parameters: .*?\](?=\s*(?:\n|\(Background|$))", re.DOTALL)
# PostgreSQL: 'DETAIL:  Key (email)=(matti@example.fi) already exists.'
_KEY_DETAIL = re.compile(r"(Key \([^)]*\)=\()[^)]*(\))")
_BUSINESS_ID = re.compile(r"\d{7}-\d")
# Four digits with at most a little punctuation between them: any phone number (the
# shortest valid Finnish one has more) has such a run. Text without one skips
# phonenumbers, which is also then not imported: about 50 ms off the desk's start.
_DIGIT_RUN = re.compile(r"\d(?:[^\w\n]{0,3}\d){3}")


def log_dir() -> Path:
    override = os.environ.get(LOG_ENV)
    if override:
        return Path(override)
    return platformdirs.user_log_path("kkdesk", "Konekesko")


def _phones(text: str) -> str:
    """Phone numbers as phonenumbers finds them in text: valid numbers only (Finnish
    without a country code), so customer numbers, business IDs, dates and timings stay."""
    if not _DIGIT_RUN.search(text):
        return text
    import phonenumbers
    from stdnum.fi import ytunnus

    found = list(phonenumbers.PhoneNumberMatcher(text, "FI", leniency=phonenumbers.Leniency.VALID))
    for match in reversed(found):
        if _BUSINESS_ID.fullmatch(match.raw_string) and ytunnus.is_valid(match.raw_string):
            continue  # a company's business ID (0109862-8) is no one's phone
        text = text[: match.start] + "<phone>" + text[match.end :]
    return text


def redact(text: str) -> str:
    """``text`` with personal values and secrets replaced by placeholders."""
    text = _SQL_PARAMETERS.sub("[parameters: <hidden>]", text)
    text = _KEY_DETAIL.sub(r"\1<hidden>\2", text)
    text = _URL_PASSWORD.sub(r"\1:***@", text)
    text = _PASSWORD_PAIR.sub(r"\1\2\3***", text)
    text = _EMAIL.sub("<e-mail>", text)
    text = _HETU.sub("<id-code>", text)
    return _phones(text)


class Redactor(logging.Filter):
    """Rewrites every record, message, arguments and traceback, through :func:`redact`,
    and drops SQLAlchemy's statement log (its records carry the statements' parameters)."""

    _formatter = logging.Formatter()

    def filter(self, record: logging.LogRecord) -> bool:
        if record.name.startswith("sqlalchemy.") and record.levelno < logging.WARNING:
            return False
        try:
            message = record.getMessage()
        except Exception:  # arguments that do not fit the format: never their values
            message = f"{record.msg!s} (unformattable arguments)"
        record.msg = redact(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            # The formatter uses exc_text as it finds it: formatted and redacted here.
            record.exc_text = self._formatter.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


class PrivateRotatingFileHandler(RotatingFileHandler):
    """A rotating log file created 0600 (the umask would give 0644), and kept so."""

    def _open(self):  # type: ignore[no-untyped-def]  # typeshed: a private method
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        if os.name == "posix":
            os.fchmod(fd, 0o600)  # a file made before by something else
        return open(fd, self.mode, encoding=self.encoding, errors=self.errors)


def _private_folder(folder: Path) -> None:
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    if os.name == "posix":
        folder.chmod(0o700)


def install(level: int = logging.INFO, *, stderr: bool = True) -> Path | None:
    """Send the process's log to the rotating file (and standard error), both through the
    redaction filter; returns the log file's path, or None if the log folder cannot be
    written (then standard error alone: the desk must start all the same). Called once at
    start-up."""
    path: Path | None = log_dir() / LOG_FILE
    handlers: list[logging.Handler] = []
    try:
        assert path is not None
        _private_folder(path.parent)
        handlers.append(
            PrivateRotatingFileHandler(
                path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
            )
        )
    except OSError:
        path = None
        stderr = True
    if stderr:
        handlers.append(logging.StreamHandler(sys.stderr))
    root = logging.getLogger()
    for handler in handlers:
        handler.setFormatter(logging.Formatter(FORMAT))
        handler.addFilter(Redactor())
        root.addHandler(handler)
    root.setLevel(level)
    # Alembic tells of every plugin it sets up whenever the desk checks the schema.
    logging.getLogger("alembic").setLevel(logging.WARNING)
    logging.captureWarnings(True)  # warnings too, through the same filter
    if path is None:
        logging.getLogger(__name__).warning("the log folder %s cannot be written", log_dir())
    return path


def uninstall() -> None:
    """Close and remove the handlers :func:`install` added (for tests)."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if any(isinstance(f, Redactor) for f in handler.filters):
            root.removeHandler(handler)
            handler.close()
