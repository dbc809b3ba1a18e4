"""Passwords in the OS keyring: one entry per ``user@host:port/database``, service ``kkdesk``;
and the keys of offline snapshots and encrypted backups, one per key id, service
``kkdesk-keys`` (they exist nowhere else: a file without its key cannot be opened).

Every keyring failure becomes :class:`~kkdesk.errors.KeyringUnavailable`: with no backend at
all (a headless Linux box) code ``keyring_unavailable``, and with a backend that refused
(locked, access denied) code ``keyring_failed``. Callers fall back to asking for the
password each time — never to a file.
"""

from __future__ import annotations

import base64

import keyring
from keyring.errors import KeyringError, NoKeyringError, PasswordDeleteError

from kkdesk.errors import KeyringUnavailable

SERVICE = "kkdesk"


def credential_key(user: str, host: str, port: int, database: str) -> str:
    """The keyring entry's name; the same text as the database's safe description."""
    return f"{user}@{host}:{port}/{database}"


def _unavailable(exc: Exception) -> KeyringUnavailable:
    if isinstance(exc, NoKeyringError):
        return KeyringUnavailable(
            "No keyring is available on this computer, so the password cannot be "
            "remembered; it will be asked each time."
        )
    return KeyringUnavailable(
        f"The keyring refused the request ({type(exc).__name__}).", code="keyring_failed"
    )


def get_password(key: str) -> str | None:
    try:
        value = keyring.get_password(SERVICE, key)
    except (KeyringError, RuntimeError) as exc:  # NoKeyringError is a RuntimeError too
        raise _unavailable(exc) from exc
    return None if value is None else str(value)


def set_password(key: str, password: str) -> None:
    try:
        keyring.set_password(SERVICE, key, password)
    except (KeyringError, RuntimeError) as exc:
        raise _unavailable(exc) from exc


def delete_password(key: str) -> bool:
    """Forget the password; False if there was none."""
    try:
        keyring.delete_password(SERVICE, key)
    except PasswordDeleteError:
        return False
    except (KeyringError, RuntimeError) as exc:
        raise _unavailable(exc) from exc
    return True


def available() -> bool:
    """Whether a real keyring backend is there (without touching any secret)."""
    from keyring.backends import fail

    try:
        return not isinstance(keyring.get_keyring(), fail.Keyring)
    except Exception:  # a broken backend configuration is "no keyring" to us
        return False


def saved_password(key: str) -> str | None:
    """The saved password, or None when there is none or no keyring to ask."""
    try:
        return get_password(key)
    except KeyringUnavailable:
        return None


# Keys of offline snapshots and encrypted backups: one entry per key id under a service of
# their own, so that they never mix with database passwords.
KEY_SERVICE = "kkdesk-keys"


def save_key(key_id: str, key: bytes) -> None:
    """Keep a file key in the keyring (base64: keyrings store text)."""
    try:
        keyring.set_password(KEY_SERVICE, key_id, base64.b64encode(key).decode("ascii"))
    except (KeyringError, RuntimeError) as exc:
        raise _unavailable(exc) from exc


def load_key(key_id: str) -> bytes | None:
    """The file key saved under ``key_id``, or None when this user's keyring has none."""
    try:
        value = keyring.get_password(KEY_SERVICE, key_id)
    except (KeyringError, RuntimeError) as exc:
        raise _unavailable(exc) from exc
    if value is None:
        return None
    try:
        return base64.b64decode(value, validate=True)
    except ValueError:
        return None  # not a key of ours: the same as none


def forget_key(key_id: str) -> bool:
    try:
        keyring.delete_password(KEY_SERVICE, key_id)
    except PasswordDeleteError:
        return False
    except (KeyringError, RuntimeError) as exc:
        raise _unavailable(exc) from exc
    return True
