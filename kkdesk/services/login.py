"""Signing in to a central database and remembering the password in the OS keyring.

``kkdesk login`` and the desk's login dialog both come here: the credentials are checked
against the server first, and only then saved in the keyring (never in a file). On the
embedded SQLite database there is nothing to sign in to.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from kkdesk.auth import keychain
from kkdesk.auth.profiles import Profile, remember_profile
from kkdesk.errors import AuthenticationFailed, KeyringUnavailable, KnownError
from kkdesk.services.session import DeskSession, open_session
from kkdesk.store.database import describe, resolve_url
from kkdesk.store.urls import URL


@dataclass(frozen=True)
class SignIn:
    """A successful sign-in, and what happened to "remember the password"."""

    session: DeskSession
    where: str
    remembered: bool
    # Why the password could not be remembered (a keyring error's code), or "".
    keyring_problem: str = ""


def central_url(url: str | URL | None) -> URL:
    """The central database's URL; refuses the embedded database (and, through
    :func:`resolve_url`, URLs with passwords: a password on a command line ends up in shell
    history and process lists)."""
    resolved = resolve_url(
        url if isinstance(url, str) or url is None else url.render_as_string(hide_password=False)
    )
    if resolved.get_backend_name() == "sqlite":
        raise KnownError(
            "The embedded database has no users: there is nothing to sign in to. Give a "
            "central database with --db postgresql://USER@HOST/DATABASE.",
            code="not_central",
        )
    if not resolved.username:
        raise KnownError("The database URL names no user.", code="no_user")
    return resolved


def sign_in(url: str | URL, password: str, *, remember: bool, check_schema: bool = True) -> SignIn:
    """Check the credentials against the server; if they work and ``remember`` is set,
    save the password in the keyring. A missing keyring does not stop the sign-in."""
    resolved = central_url(url)
    where = describe(resolved)
    ds = open_session(
        resolved.render_as_string(hide_password=False),
        password=password,
        check_schema=check_schema,
    )
    if not remember:
        return SignIn(ds, where, remembered=False)
    try:
        keychain.set_password(where, password)
    except KeyringUnavailable as exc:
        return SignIn(ds, where, remembered=False, keyring_problem=exc.code)
    return SignIn(ds, where, remembered=True)


def sign_in_profile(profile: Profile, user: str, password: str, *, remember: bool) -> SignIn:
    """The desk's login dialog: sign in to ``profile`` as ``user``.

    An empty ``password`` means "the one saved in the keyring". On success the profile is
    remembered (it holds no password) for the next start.
    """
    profile = profile.validate()
    key = profile.key(user)
    if password:
        result = sign_in(profile.url(user), password, remember=remember)
    else:
        saved = keychain.saved_password(key)
        if saved is None:
            raise AuthenticationFailed(
                f"No password is saved for {key}; enter it.", code="password_needed", where=key
            )
        try:
            result = sign_in(profile.url(user), saved, remember=False)
        except AuthenticationFailed as exc:
            if exc.code not in ("auth_failed", "wrong_password"):
                raise
            raise AuthenticationFailed(
                f"The password saved in the keyring for {key} was refused: it may have been "
                "changed or have expired. Enter it again.",
                code="saved_password_refused",
            ) from exc
        result = SignIn(result.session, result.where, remembered=True)
    remember_profile(replace(profile, user=user))
    return result


def login(url: str | URL, password: str, *, profile_name: str = "") -> str:
    """``kkdesk login``: verify, then save the password; the keyring is required here.

    Also remembers the connection as a profile (named ``profile_name`` or after the
    database) so that the desk's login dialog offers it. Returns ``user@host:port/db``.
    """
    if not keychain.available():
        raise KeyringUnavailable(
            "No keyring is available on this computer, so 'kkdesk login' cannot save the "
            "password; kkdesk will ask for it each time instead."
        )
    # The schema may not exist yet: the owner signs in before the first 'kkdesk db upgrade'.
    result = sign_in(url, password, remember=True, check_schema=False)
    result.session.close()
    if result.keyring_problem:
        raise KeyringUnavailable(
            "The keyring refused to save the password.", code=result.keyring_problem
        )
    resolved = central_url(url)
    remember_profile(Profile.from_url(profile_name or _profile_name(resolved), resolved))
    return result.where


def logout(url: str | URL) -> bool:
    """Forget the saved password of ``url``'s user; False if none was saved."""
    return keychain.delete_password(describe(central_url(url)))


def has_saved_password(url: str | URL) -> bool:
    return keychain.saved_password(describe(central_url(url))) is not None


def _profile_name(url: URL) -> str:
    return f"{url.database}@{url.host or 'localhost'}"
