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
    StaleEdit,
)

# SQLSTATE classes and codes (PostgreSQL appendix A) that are the environment's doing.
_PERMISSION = {"42501"}
_AUTH = {"28P01", "28000"}
_UNAVAILABLE_PREFIXES = ("08", "53", "57P")


def _sqlstate(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None)
    return str(getattr(orig, "sqlstate", "") or "")


def classify(exc: BaseException) -> KnownError | None:
    """The known error that ``exc`` stands for, or None if it is a bug."""
    if isinstance(exc, KnownError):
        return exc
    if isinstance(exc, StaleDataError):
        return StaleEdit("The record was changed by someone else after you opened it.")
    state = _sqlstate(exc)
    if state in _PERMISSION:
        return PermissionDenied(
            "Your user level does not allow this.", detail=str(getattr(exc, "orig", exc))
        )
    if state in _AUTH:
        return AuthenticationFailed("The database refused the user name or password.")
    if state.startswith(_UNAVAILABLE_PREFIXES):
        return DatabaseUnavailable("The database cannot be reached.", detail=str(exc))
    if isinstance(exc, sa_exc.OperationalError):
        text = str(getattr(exc, "orig", exc)).lower()
        if "password authentication failed" in text or (
            "role" in text and "does not exist" in text
        ):
            return AuthenticationFailed("The database refused the user name or password.")
        if "readonly" in text or "read-only" in text:
            return PermissionDenied("The database file is read-only.")
        return DatabaseUnavailable("The database cannot be reached or opened.", detail=text)
    return None


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
