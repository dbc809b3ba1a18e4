"""Classify database failures once, at the storage boundary.

Everything the database or driver raises passes through :func:`translate` before it leaves
``kkdesk.store``: the environment's failures become a :class:`~kkdesk.errors.KnownError`
with a code the UI can put into words; anything unrecognised is re-raised as it is, a bug.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import exc as sa_exc
from sqlalchemy.orm.exc import StaleDataError

from kkdesk.errors import (
    AuthenticationFailed,
    DatabaseUnavailable,
    KnownError,
    PermissionDenied,
    RuleViolation,
    StaleEdit,
    StatementTimeout,
)

# SQLSTATE classes and codes (PostgreSQL appendix A) that are the environment's doing.
_PERMISSION = {"42501"}
_AUTH = {"28P01", "28000"}
_UNAVAILABLE_PREFIXES = ("08", "53", "57P")
# query_canceled: on kkdesk's connections, the statement timeout (nothing else cancels).
_TIMEOUT = "57014"
# PostgreSQL does not say which on purpose; kkdesk.store.security.explain_refusal may.
_REFUSED = (
    "The server refused the user name or password (it does not say which; an expired "
    "password is refused the same way)."
)


def _driver_error(exc: BaseException) -> BaseException:
    """The driver's error behind ``exc``: SQLAlchemy's wraps it (``orig``); a pipelined
    unit's failure that arrives with its COMMIT (psycopg's pipeline exit) is the driver's
    own, unwrapped."""
    return getattr(exc, "orig", None) or exc


def _sqlstate(exc: BaseException) -> str:
    return str(getattr(_driver_error(exc), "sqlstate", "") or "")


def is_disconnect(exc: BaseException) -> bool:
    """The connection itself broke (a restarted server, a cut network), as SQLAlchemy's
    dialect judges it, or the driver's own error on a dead connection."""
    if isinstance(exc, sa_exc.DBAPIError) and exc.connection_invalidated:
        return True
    state = _sqlstate(exc) or str(getattr(exc, "sqlstate", "") or "")
    if state.startswith(("08", "57P")):
        return True
    name = type(getattr(exc, "orig", exc)).__module__
    text = str(exc).lower()
    return name.startswith("psycopg") and (
        "connection is closed" in text
        or "server closed the connection" in text
        or "connection is lost" in text
        or "consuming input failed" in text
    )


def classify(exc: BaseException) -> KnownError | None:
    """The known error that ``exc`` stands for, or None if it is a bug."""
    if isinstance(exc, KnownError):
        return exc
    if isinstance(exc, StaleDataError):
        return StaleEdit("The record was changed by someone else after you opened it.")
    state = _sqlstate(exc)
    rule = _server_rule(exc)
    if rule is not None:
        return rule
    if state in _PERMISSION:
        return PermissionDenied(
            "Your user level does not allow this.", detail=str(getattr(exc, "orig", exc))
        )
    if state in _AUTH:
        return AuthenticationFailed(_REFUSED)
    if state == _TIMEOUT:
        return StatementTimeout(
            "The database took too long to answer and the query was stopped.",
            detail=str(getattr(exc, "orig", exc)),
        )
    if state.startswith(_UNAVAILABLE_PREFIXES):
        return DatabaseUnavailable("The database cannot be reached.", detail=str(exc))
    if isinstance(exc, sa_exc.DatabaseError) and (
        "not authorized" in str(exc) or "is prohibited" in str(exc)
    ):
        # SQLite's authorizer: an offline snapshot refuses what its level may not read.
        return PermissionDenied(
            "Your user level does not allow this.", detail=str(getattr(exc, "orig", exc))
        )
    if isinstance(exc, sa_exc.DatabaseError) and "file is not a database" in str(exc):
        # SQLite, given some other file (a typo in --db, or a damaged or encrypted file).
        return DatabaseUnavailable(
            "That file is not a kkdesk database (or it is damaged).", code="not_a_database"
        )
    if isinstance(exc, sa_exc.OperationalError):
        text = str(getattr(exc, "orig", exc)).lower()
        if "password authentication failed" in text or (
            "role" in text and "does not exist" in text
        ):
            return AuthenticationFailed(_REFUSED)
        tls = _tls_problem(text)
        if tls:
            return DatabaseUnavailable(tls, code="tls_failed", detail=text)
        if "database is locked" in text or "database table is locked" in text:
            # SQLite: another program (a backup tool, a second desk, a DB browser) holds
            # the file's lock past our busy timeout. Not a network matter.
            return DatabaseUnavailable(
                "Another program is using the register file and has locked it.",
                code="db_locked",
                detail=text,
            )
        if "readonly" in text or "read-only" in text:
            return PermissionDenied("The database file is read-only.")
        return DatabaseUnavailable("The database cannot be reached or opened.", detail=text)
    return None


def _server_rule(exc: BaseException) -> KnownError | None:
    """A rule the central database enforces itself (migration 0004) names itself in the
    error's hint as ``kkdesk:<code>``: a known error with that code, not a bug."""
    diag = getattr(_driver_error(exc), "diag", None)
    hint = str(getattr(diag, "message_hint", "") or "")
    if not hint.startswith("kkdesk:"):
        return None
    message = str(getattr(diag, "message_primary", "") or "") or str(exc)
    return RuleViolation(f"The database refused this: {message}.", code=hint[len("kkdesk:") :])


def _tls_problem(text: str) -> str:
    """A sentence for a failed TLS check of the server (``sslmode=verify-full``), or ""."""
    if "certificate verify failed" in text:
        return (
            "The server's certificate could not be verified with the CA certificate file "
            "(sslrootcert): check that it is the right file."
        )
    if "does not match host name" in text:
        return (
            "The server's certificate is not for the host name given: connect with the "
            "name the certificate was made for."
        )
    if "root certificate file" in text and "does not exist" in text:
        return "The CA certificate file (sslrootcert) does not exist."
    if "ssl" in text and ("error" in text or "not support" in text):
        return "The encrypted (TLS) connection to the server failed."
    return ""


@contextmanager
def translate() -> Iterator[None]:
    """Re-raise environment failures as known errors; leave bugs as they are."""
    try:
        yield
    except KnownError:
        raise
    except Exception as exc:
        known = classify(exc)
        if known is None:
            raise
        raise known from exc
