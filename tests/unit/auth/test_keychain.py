"""Passwords in the keyring: stored, found, forgotten; no backend is a known error."""

from __future__ import annotations

import io

import pytest

from kkdesk.auth import keychain, prompt
from kkdesk.auth.testing import memory_keyring, no_keyring
from kkdesk.errors import AuthenticationFailed, KeyringUnavailable


def test_store_find_forget() -> None:
    with memory_keyring() as backend:
        key = keychain.credential_key("anna", "db.example.fi", 5432, "kkdesk")
        assert key == "anna@db.example.fi:5432/kkdesk"
        assert keychain.get_password(key) is None
        keychain.set_password(key, "s3cret")
        assert backend.secrets == {("kkdesk", key): "s3cret"}
        assert keychain.get_password(key) == "s3cret"
        assert keychain.available()
        assert keychain.delete_password(key)
        assert not keychain.delete_password(key)


def test_no_backend_is_a_known_error() -> None:
    with no_keyring():
        assert not keychain.available()
        for call in (
            lambda: keychain.get_password("k"),
            lambda: keychain.set_password("k", "p"),
            lambda: keychain.delete_password("k"),
        ):
            with pytest.raises(KeyringUnavailable) as info:
                call()
            assert info.value.code == "keyring_unavailable"
        assert keychain.saved_password("k") is None


def test_no_terminal_no_prompt() -> None:
    with pytest.raises(AuthenticationFailed) as info:
        prompt.ask_on_terminal("anna@db:5432/kkdesk", io.StringIO(""))
    assert info.value.code == "password_needed"
    assert "kkdesk login" in info.value.message


def test_read_password_from_stdin() -> None:
    assert prompt.read_password(io.StringIO("pw with spaces \n")) == "pw with spaces "
    with pytest.raises(AuthenticationFailed):
        prompt.read_password(io.StringIO("\n"))
