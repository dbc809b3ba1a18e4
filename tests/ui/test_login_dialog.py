"""The login dialog without a server: its messages, and life without a keyring."""

from __future__ import annotations

from typing import Any

import pytest

from kkdesk.auth.profiles import Profile
from kkdesk.auth.testing import memory_keyring, no_keyring
from kkdesk.config import Preferences
from kkdesk.errors import AuthenticationFailed, DatabaseUnavailable, KeyringUnavailable
from kkdesk.ui.login_dialog import LoginDialog, describe_login_error

OFFICE = Profile("office", "127.0.0.1", "kkdesk", user="anna", port=1)


def make(qtbot: Any, profiles: list[Profile]) -> LoginDialog:
    dialog = LoginDialog(Preferences(last_profile="office"), profiles=profiles)
    qtbot.addWidget(dialog)
    return dialog


def test_profile_fills_the_form(qtbot: Any) -> None:
    with memory_keyring():
        dialog = make(qtbot, [Profile("other", "h", "d"), OFFICE])
    assert dialog.profile.currentText() == "office"
    assert (dialog.host.text(), dialog.port.value(), dialog.user.text()) == (
        "127.0.0.1",
        1,
        "anna",
    )
    assert dialog.remember.isEnabled() and dialog.remember.isChecked()


def test_unreachable_server_is_said_so(qtbot: Any) -> None:
    with memory_keyring():
        dialog = make(qtbot, [OFFICE])
        dialog.password.setText("pw")
        dialog.ok_button.click()
        qtbot.waitUntil(lambda: dialog.ok_button.isEnabled(), timeout=15000)
    assert "cannot be reached" in dialog.status.text()
    assert dialog.result_sign_in is None
    assert dialog.password.text() == ""


def test_without_keyring_the_dialog_still_works(qtbot: Any) -> None:
    with no_keyring():
        dialog = make(qtbot, [OFFICE])
        assert not dialog.remember.isEnabled() and not dialog.remember.isChecked()
        assert "keyring" in dialog.remember.toolTip()
        dialog.ok_button.click()  # no password, and no keyring to find one in
        assert dialog.status.text() == "Enter your password."
        dialog.password.setText("pw")
        dialog.ok_button.click()
        qtbot.waitUntil(lambda: dialog.ok_button.isEnabled(), timeout=15000)
    assert "cannot be reached" in dialog.status.text()


def test_user_name_is_required(qtbot: Any) -> None:
    with memory_keyring():
        dialog = make(qtbot, [OFFICE])
        dialog.user.clear()
        dialog.ok_button.click()
    assert dialog.status.text() == "Enter your user name."


@pytest.mark.parametrize(
    "exc",
    [
        AuthenticationFailed("x"),
        AuthenticationFailed("x", code="saved_password_refused"),
        AuthenticationFailed("x", code="account_disabled"),
        AuthenticationFailed("x", code="no_level"),
        AuthenticationFailed("x", code="password_needed"),
        DatabaseUnavailable("x"),
        KeyringUnavailable("x"),
    ],
)
def test_each_failure_has_its_own_sentence(qapp: Any, exc: Exception) -> None:
    text = describe_login_error(exc)
    assert text and text != "x"
    others = {
        describe_login_error(AuthenticationFailed("y", code=c))
        for c in ("auth_failed", "saved_password_refused", "account_disabled", "no_level")
        if c != getattr(exc, "code", "")
    }
    assert text not in others
