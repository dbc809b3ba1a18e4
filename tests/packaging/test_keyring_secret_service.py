"""The keyring path against a real Secret Service: GNOME Keyring's daemon in a D-Bus
session of its own (headless), as a Linux workstation keeps the central database's
password. Skipped where gnome-keyring or D-Bus is missing; required under CI."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.packaging.conftest import require_tool

# Stores the password the first time it is "entered", as the login does when asked to
# remember it (kkdesk.services.login.sign_in → keychain.set_password).
FIRST = """
import keyring
from sqlalchemy.engine import make_url
from kkdesk.auth import keychain
from kkdesk.services.session import central_password

backend = keyring.get_keyring()
assert type(backend).__module__ == "keyring.backends.SecretService", backend
assert keychain.available()
url = make_url("postgresql+psycopg://anna@db.example.fi:5432/kkdesk")
password, saved = central_password(url, ask=lambda where: "Salasana-1 ä")
assert (password, saved) == ("Salasana-1 ä", False)
keychain.set_password("anna@db.example.fi:5432/kkdesk", password)
print("stored")
"""

# Another process of the same login session: the password comes from the keyring.
SECOND = """
from sqlalchemy.engine import make_url
from kkdesk.auth import keychain
from kkdesk.services.session import central_password

def never(where):
    raise AssertionError("asked again")

url = make_url("postgresql+psycopg://anna@db.example.fi:5432/kkdesk")
assert central_password(url, ask=never) == ("Salasana-1 ä", True)
assert keychain.delete_password("anna@db.example.fi:5432/kkdesk")
assert keychain.get_password("anna@db.example.fi:5432/kkdesk") is None
assert not keychain.delete_password("anna@db.example.fi:5432/kkdesk")
print("found and forgotten")
"""


def test_password_kept_in_a_real_secret_service_keyring(tmp_path: Path) -> None:
    dbus = require_tool("dbus-run-session", "dbus")
    daemon = require_tool("gnome-keyring-daemon", "gnome-keyring")
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DBUS_", "PYTHON_KEYRING", "GNOME_KEYRING", "KKDESK_"))
    }
    # A keyring of the test's own (the daemon keeps it under $XDG_DATA_HOME/keyrings);
    # the backend is named so that no other installed one is picked instead.
    env.update(
        HOME=str(tmp_path),
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_RUNTIME_DIR=str(tmp_path / "run"),
        PYTHON_KEYRING_BACKEND="keyring.backends.SecretService.Keyring",
        PYTHONPATH=str(Path(__file__).resolve().parents[2]),
    )
    (tmp_path / "run").mkdir(mode=0o700)
    (tmp_path / "first.py").write_text(FIRST, encoding="utf-8")
    (tmp_path / "second.py").write_text(SECOND, encoding="utf-8")
    script = (
        f"printf 'login-password' | {daemon} --unlock --components=secrets >/dev/null"
        f" && {sys.executable} first.py && {sys.executable} second.py"
    )
    done = subprocess.run(
        [dbus, "--", "sh", "-c", script],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.split() == ["stored", "found", "and", "forgotten"]
