"""Signing in to a real PostgreSQL server: passwords checked by the server, remembered only
in the keyring, and every kind of failure its own known error."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import psycopg
import pytest

from kkdesk.auth import keychain
from kkdesk.auth.profiles import load_profiles
from kkdesk.auth.testing import MemoryKeyring, no_keyring
from kkdesk.cli import main as cli_main
from kkdesk.domain.levels import Level
from kkdesk.errors import AuthenticationFailed, DatabaseUnavailable, KeyringUnavailable, KnownError
from kkdesk.services import login, users
from kkdesk.services.session import open_session
from kkdesk.store.database import describe

pytestmark = pytest.mark.postgres


def _url(pg_db: Any, login_name: str) -> str:
    return str(pg_db.url(login_name).render_as_string(hide_password=False))


def test_wrong_password_is_refused(signin_helper: Any) -> None:
    pg_db = signin_helper
    clerk = pg_db.add_user(Level.CLERK)
    with pytest.raises(AuthenticationFailed) as info:
        open_session(_url(pg_db, clerk.login), password="not-" + clerk.password)
    assert info.value.code == "wrong_password"
    assert "password" in info.value.message and clerk.password not in info.value.message


def test_unknown_user_is_refused(signin_helper: Any) -> None:
    pg_db = signin_helper
    with pytest.raises(AuthenticationFailed) as info:
        open_session(_url(pg_db, "nobody_here"), password="whatever")
    assert info.value.code == "unknown_user"
    assert "nobody_here" in info.value.message


def test_a_role_that_is_no_kkdesk_user_is_unknown_to_kkdesk(signin_helper: Any) -> None:
    pg_db = signin_helper
    with pg_db.connect() as su:
        su.execute(b"CREATE ROLE someone_else LOGIN PASSWORD 'pw-someone'")
    try:
        with pytest.raises(AuthenticationFailed) as info:
            open_session(_url(pg_db, "someone_else"), password="wrong")
        assert info.value.code == "unknown_user"
    finally:
        with pg_db.connect() as su:
            su.execute(b"DROP ROLE someone_else")


def test_without_the_signin_check_the_server_says_only_refused(pg_db: Any) -> None:
    """The sign-in check is off unless an administrator turns it on (it tells whether a
    login exists); then one message covers a wrong password, an unknown user and an
    expired password."""
    clerk = pg_db.add_user(Level.CLERK)
    for user, password in ((clerk.login, "wrong"), ("nobody_here", "x")):
        with pytest.raises(AuthenticationFailed) as info:
            open_session(_url(pg_db, user), password=password)
        assert info.value.code == "auth_failed"


def test_the_signin_check_role_can_do_nothing_else(signin_helper: Any) -> None:
    pg_db = signin_helper
    from kkdesk.store import security
    from tests.integration.test_level_matrix import TABLES

    with pg_db.connect(security.SIGNIN_ROLE, security.SIGNIN_PASSWORD) as probe:
        for table in TABLES:
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                probe.execute(f"SELECT 1 FROM {table} LIMIT 1".encode())
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            probe.execute(b"SELECT kkdesk_user_set_role('x', 'kkdesk_admin')")
    with pytest.raises(AuthenticationFailed) as info:
        open_session(_url(pg_db, security.SIGNIN_ROLE), password=security.SIGNIN_PASSWORD)
    assert info.value.code == "no_level"


def test_unreachable_server(pg_db: Any) -> None:
    url = f"postgresql://someone@127.0.0.1:1/{pg_db.name}"
    with pytest.raises(DatabaseUnavailable):
        open_session(url, password="x")


def test_disabled_login_has_its_own_message(signin_helper: Any) -> None:
    pg_db = signin_helper
    clerk = pg_db.add_user(Level.CLERK)
    admin = pg_db.session()
    users.set_enabled(admin, clerk.login, False)
    with pytest.raises(AuthenticationFailed) as info:
        open_session(_url(pg_db, clerk.login), password=clerk.password)
    assert info.value.code == "account_disabled"


def test_expired_password_is_refused(signin_helper: Any) -> None:
    from datetime import UTC, datetime

    pg_db = signin_helper

    clerk = pg_db.add_user(Level.CLERK)
    admin = pg_db.session()
    users.set_password(
        admin, clerk.login, clerk.password, valid_until=datetime(2001, 1, 1, tzinfo=UTC)
    )
    with pytest.raises(AuthenticationFailed) as info:
        open_session(_url(pg_db, clerk.login), password=clerk.password)
    assert info.value.code == "password_expired"
    assert info.value.params["expired_at"].date().isoformat() == "2001-01-01"
    assert "2001-01-01" in info.value.message


def test_login_without_level_is_told_so(pg_db: Any) -> None:
    # A database role that is no kkdesk staff member: the database refuses it CONNECT.
    with pg_db.connect() as su:
        su.execute(b"CREATE ROLE no_level_user LOGIN PASSWORD 'pw-no-level'")
    try:
        with pytest.raises(AuthenticationFailed) as info:
            open_session(_url(pg_db, "no_level_user"), password="pw-no-level")
        assert info.value.code == "no_level"
    finally:
        with pg_db.connect() as su:
            su.execute(b"DROP ROLE no_level_user")


def test_login_saves_only_in_keyring(
    pg_db: Any, memory_keyring: MemoryKeyring, isolated_home: Path
) -> None:
    clerk = pg_db.add_user(Level.CLERK)
    url = _url(pg_db, clerk.login)
    where = login.login(url, clerk.password)
    assert memory_keyring.secrets == {(keychain.SERVICE, where): clerk.password}
    # The profile is remembered, without any password.
    assert [p.user for p in load_profiles()] == [clerk.login]
    secret = clerk.password.encode()
    for path in isolated_home.rglob("*"):
        if path.is_file():
            assert secret not in path.read_bytes(), f"password found in {path}"
    # Afterwards no password is needed: the keyring has it.
    ds = open_session(url, ask_password=_never_ask)
    try:
        assert ds.level is Level.CLERK
        assert ds.user == clerk.login
    finally:
        ds.close()
    assert login.logout(url)
    assert memory_keyring.secrets == {}
    assert not login.logout(url)


def _never_ask(where: str) -> str:
    raise AssertionError(f"asked for a password of {where}")


def test_wrong_password_is_not_saved(
    pg_db: Any, memory_keyring: MemoryKeyring, isolated_home: Path
) -> None:
    clerk = pg_db.add_user(Level.CLERK)
    with pytest.raises(AuthenticationFailed):
        login.login(_url(pg_db, clerk.login), "wrong")
    assert memory_keyring.secrets == {}
    assert load_profiles() == []


def test_saved_password_refused_has_its_own_message(
    pg_db: Any, memory_keyring: MemoryKeyring
) -> None:
    clerk = pg_db.add_user(Level.CLERK)
    url = pg_db.url(clerk.login)
    keychain.set_password(describe(url), "an-old-password")
    with pytest.raises(AuthenticationFailed) as info:
        open_session(_url(pg_db, clerk.login))
    assert info.value.code == "saved_password_refused"


def test_without_keyring_the_password_is_asked_each_time(pg_db: Any) -> None:
    clerk = pg_db.add_user(Level.CLERK)
    asked: list[str] = []

    def ask(where: str) -> str:
        asked.append(where)
        return str(clerk.password)

    with no_keyring():
        result = login.sign_in(_url(pg_db, clerk.login), clerk.password, remember=True)
        result.session.close()
        assert not result.remembered
        assert result.keyring_problem == "keyring_unavailable"
        with pytest.raises(KeyringUnavailable):
            login.login(_url(pg_db, clerk.login), clerk.password)
        for _ in range(2):
            open_session(_url(pg_db, clerk.login), ask_password=ask).close()
    assert asked == [describe(pg_db.url(clerk.login))] * 2


def test_no_password_and_no_terminal_fails_clearly(
    pg_db: Any, memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    clerk = pg_db.add_user(Level.CLERK)
    with pytest.raises(AuthenticationFailed) as info:
        open_session(_url(pg_db, clerk.login))
    assert info.value.code == "password_needed"


def test_password_in_url_is_refused_by_login() -> None:
    with pytest.raises(KnownError) as info:
        login.central_url("postgresql://u:secret@localhost/db")
    assert info.value.code == "password_in_url"


def test_cli_login_and_logout(
    pg_db: Any,
    memory_keyring: MemoryKeyring,
    isolated_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    viewer = pg_db.add_user(Level.VIEWER)
    url = _url(pg_db, viewer.login)
    monkeypatch.setattr("sys.stdin", io.StringIO("wrong\n"))
    assert cli_main(["login", "--db", url, "--password-stdin"]) == 1
    assert "refused" in capsys.readouterr().err
    assert memory_keyring.secrets == {}
    monkeypatch.setattr("sys.stdin", io.StringIO(viewer.password + "\n"))
    assert cli_main(["login", "--db", url, "--password-stdin", "--profile", "office"]) == 0
    assert list(memory_keyring.secrets.values()) == [viewer.password]
    assert [p.name for p in load_profiles()] == ["office"]
    assert cli_main(["logout", "--db", url]) == 0
    assert memory_keyring.secrets == {}
    assert viewer.password not in capsys.readouterr().out


def test_a_command_asks_for_the_password_on_a_terminal(pg_db: Any, isolated_home: Path) -> None:
    """No keyring and no saved password: the command asks on its terminal (not echoed)."""
    import os
    import pty
    import select
    import sys

    clerk = pg_db.add_user(Level.CLERK)
    env = {
        **os.environ,
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        "KKDESK_DB": _url(pg_db, clerk.login),
    }
    pid, fd = pty.fork()
    if pid == 0:  # the child: kkdesk on a terminal of its own
        os.execve(sys.executable, [sys.executable, "-m", "kkdesk", "users", "list"], env)
    seen = b""

    def read_until(marker: bytes, timeout: float = 60) -> None:
        nonlocal seen
        while marker not in seen:
            ready, _, _ = select.select([fd], [], [], timeout)
            assert ready, f"no {marker!r} in {seen!r}"
            try:
                chunk = os.read(fd, 1024)
            except OSError:  # the child closed its terminal
                break
            if not chunk:
                break
            seen += chunk

    read_until(b"Password for " + describe(pg_db.url(clerk.login)).encode())
    os.write(fd, clerk.password.encode() + b"\n")
    read_until(b"does not allow")  # signed in as a clerk, who may not list staff
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 1
    assert clerk.password.encode() not in seen  # not echoed
