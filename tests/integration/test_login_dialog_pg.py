"""The desk's login dialog against a real server: each way a sign-in fails has its own
sentence, the password is remembered only in the keyring, and without a keyring the desk
still works by asking for the password each time."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from kkdesk.auth import keychain
from kkdesk.auth.profiles import Profile, load_profiles
from kkdesk.auth.testing import MemoryKeyring, no_keyring
from kkdesk.config import Preferences
from kkdesk.domain.levels import Level
from kkdesk.errors import AuthenticationFailed, DatabaseUnavailable, KnownError
from kkdesk.services import users
from kkdesk.ui.login_dialog import LoginDialog, describe_login_error

pytestmark = pytest.mark.postgres


def _profile(pg_db: Any, user: str, port: int | None = None) -> Profile:
    return Profile(
        "office",
        pg_db.server.host,
        pg_db.name,
        user=user,
        port=port or pg_db.server.port,
        sslmode="disable",
    )


def _dialog(qtbot: Any, profile: Profile) -> LoginDialog:
    dialog = LoginDialog(Preferences(last_profile=profile.name), profiles=[profile])
    qtbot.addWidget(dialog)
    return dialog


def _sign_in(qtbot: Any, dialog: LoginDialog, password: str) -> str:
    dialog.password.setText(password)
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: dialog.ok_button.isEnabled(), timeout=20000)
    return dialog.status.text()


def _sentence(code: str, **params: Any) -> str:
    return describe_login_error(AuthenticationFailed("", code=code, **params))


def test_each_refusal_gets_its_own_sentence(
    qtbot: Any, signin_helper: Any, memory_keyring: MemoryKeyring, isolated_home: Path
) -> None:
    pg_db = signin_helper
    clerk = pg_db.add_user(Level.CLERK)
    admin = pg_db.session()

    wrong = _sign_in(qtbot, _dialog(qtbot, _profile(pg_db, clerk.login)), "not-it")
    assert wrong == _sentence("wrong_password")

    unknown = _sign_in(qtbot, _dialog(qtbot, _profile(pg_db, "nobody_here")), "x")
    assert unknown == _sentence("unknown_user", user="nobody_here")
    assert "nobody_here" in unknown

    unreachable = _sign_in(qtbot, _dialog(qtbot, _profile(pg_db, clerk.login, port=1)), "x")
    assert unreachable == describe_login_error(DatabaseUnavailable(""))

    expired_at = datetime(2020, 3, 1, 12, tzinfo=UTC)
    users.set_password(admin, clerk.login, clerk.password, valid_until=expired_at)
    expired = _sign_in(qtbot, _dialog(qtbot, _profile(pg_db, clerk.login)), clerk.password)
    assert expired == _sentence("password_expired", expired_at=expired_at)

    users.set_password(admin, clerk.login, clerk.password)
    users.set_enabled(admin, clerk.login, False)
    disabled = _sign_in(qtbot, _dialog(qtbot, _profile(pg_db, clerk.login)), clerk.password)
    assert disabled == _sentence("account_disabled")

    sentences = {wrong, unknown, unreachable, expired, disabled}
    assert len(sentences) == 5
    assert memory_keyring.secrets == {}  # nothing is remembered from a refused sign-in


def test_sign_in_remembers_the_password_only_in_the_keyring(
    qtbot: Any, pg_db: Any, memory_keyring: MemoryKeyring, isolated_home: Path
) -> None:
    viewer = pg_db.add_user(Level.VIEWER)
    dialog = _dialog(qtbot, _profile(pg_db, viewer.login))
    assert dialog.remember.isChecked()
    _sign_in(qtbot, dialog, viewer.password)
    assert dialog.result() == LoginDialog.DialogCode.Accepted
    signed_in = dialog.result_sign_in
    assert signed_in is not None and signed_in.remembered
    assert signed_in.session.level is Level.VIEWER
    signed_in.session.close()
    key = _profile(pg_db, viewer.login).key()
    assert memory_keyring.secrets == {(keychain.SERVICE, key): viewer.password}
    assert [p.user for p in load_profiles()] == [viewer.login]
    secret = viewer.password.encode()
    files = [p for p in isolated_home.rglob("*") if p.is_file()]
    assert files  # the profile was written
    for path in files:
        assert secret not in path.read_bytes(), f"password found in {path}"

    # Next time the password field may stay empty: the keyring has it.
    again = _dialog(qtbot, _profile(pg_db, viewer.login))
    _sign_in(qtbot, again, "")
    assert again.result_sign_in is not None
    again.result_sign_in.session.close()


def test_without_a_keyring_the_desk_asks_each_time(
    qtbot: Any, pg_db: Any, isolated_home: Path
) -> None:
    clerk = pg_db.add_user(Level.CLERK)
    with no_keyring():
        for _ in range(2):
            dialog = _dialog(qtbot, _profile(pg_db, clerk.login))
            assert not dialog.remember.isEnabled()
            assert dialog.findChild(type(dialog.status), "keyringNote") is not None
            _sign_in(qtbot, dialog, clerk.password)
            result = dialog.result_sign_in
            assert result is not None and not result.remembered
            assert result.session.level is Level.CLERK
            result.session.close()
        with pytest.raises(KnownError):
            keychain.get_password(_profile(pg_db, clerk.login).key())
