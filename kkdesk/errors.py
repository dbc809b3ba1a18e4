"""The two kinds of failure, classified once at the boundary where they arise.

A :class:`KnownError` is the user's or the environment's doing (invalid input, a record
changed by someone else, a server that is down, a wrong password). It carries a stable
``code`` and parameters; the UI and the command line turn the code into a sentence in the
user's language. It is never logged with a traceback.

Anything else that escapes is a bug of ours: the UI logs it with its traceback and shows
it as a bug.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


class KnownError(Exception):
    """A failure the user can understand and act on."""

    code: str = "known"

    def __init__(self, message: str, *, code: str | None = None, **params: Any) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code
        self.params: dict[str, Any] = params

    @property
    def message(self) -> str:
        return str(self.args[0])


class FieldError:
    """One invalid field: which field, a stable code, and an English message."""

    __slots__ = ("code", "field", "message", "params")

    def __init__(self, field: str, code: str, message: str, **params: Any) -> None:
        self.field = field
        self.code = code
        self.message = message
        self.params = params

    def __repr__(self) -> str:
        return f"FieldError({self.field!r}, {self.code!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, FieldError) and (self.field, self.code) == (
            other.field,
            other.code,
        )

    def __hash__(self) -> int:
        return hash((self.field, self.code))


class ValidationFailed(KnownError):
    """Input was refused; nothing was stored. ``errors`` maps a field to its problem."""

    code = "validation"

    def __init__(self, errors: Mapping[str, FieldError]) -> None:
        lines = "; ".join(f"{e.field}: {e.message}" for e in errors.values())
        super().__init__(f"Invalid input — {lines}")
        self.errors: dict[str, FieldError] = dict(errors)


class NotFound(KnownError):
    code = "not_found"


class StaleEdit(KnownError):
    """Someone else saved the record after this user opened it."""

    code = "stale_edit"


class PermissionDenied(KnownError):
    """The database refused the operation for the signed-in user's level."""

    code = "permission_denied"


class DatabaseUnavailable(KnownError):
    """The database cannot be reached or opened."""

    code = "db_unavailable"


class ConnectionLost(DatabaseUnavailable):
    """The connection to the central database broke during a write: nothing was saved,
    and the form keeps the user's edit for another try."""

    code = "connection_lost"

    def __init__(self, message: str = "", **params: Any) -> None:
        super().__init__(
            message or "The connection to the database was lost; nothing was saved — try again.",
            **params,
        )


class StatementTimeout(DatabaseUnavailable):
    """A query ran past the statement timeout and the server cancelled it."""

    code = "query_timeout"


class AuthenticationFailed(KnownError):
    """Wrong user name or password, an expired password, or a refused login."""

    code = "auth_failed"


class KeyringUnavailable(KnownError):
    """No OS keyring backend: the password must be asked each time."""

    code = "keyring_unavailable"


class RuleViolation(KnownError):
    """A domain rule refused the operation (e.g. returning more than was delivered)."""

    code = "rule"


class PasswordInUrl(KnownError):
    """A database URL carried a password: a command line shows in every user's ``ps`` and
    in shell history, the environment in ``/proc``, so kkdesk refuses it rather than use it.
    ``source`` says where it came from (``--db``, ``$KKDESK_DB``, a profile)."""

    code = "password_in_url"

    def __init__(self, source: str) -> None:
        super().__init__(
            f"Never put a password in a database URL ({source}): it shows in process lists "
            "(ps) and shell history. Remove it and save the password in the keyring with "
            "'kkdesk login --db postgresql://USER@HOST/DATABASE' (it asks for it, or reads "
            "it with --password-stdin); without a keyring kkdesk asks for it each time.",
            source=source,
        )
