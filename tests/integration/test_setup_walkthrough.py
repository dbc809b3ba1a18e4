"""Setting up a central database exactly as docs/central-database.md tells an administrator
to: an empty database owned by ``kkdesk_owner``, ``kkdesk login`` and ``kkdesk db upgrade``
as the owner, the first admin, staff added by that admin, a workstation signing in."""

from __future__ import annotations

import io
import json
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest

from kkdesk.auth.testing import MemoryKeyring
from kkdesk.cli import main as kkdesk
from kkdesk.store import migrate
from kkdesk.store.database import Database

pytestmark = pytest.mark.postgres


@pytest.fixture
def empty_db(pg_server: Any) -> Iterator[str]:
    """``CREATE DATABASE … OWNER kkdesk_owner``, as the docs' first step; nothing in it."""
    name = "walk_" + uuid.uuid4().hex[:8]
    with pg_server.connect() as su:
        su.execute(
            psycopg.sql.SQL("CREATE DATABASE {} OWNER kkdesk_owner").format(
                psycopg.sql.Identifier(name)
            )
        )
    yield name
    with pg_server.connect() as su:
        su.execute(
            psycopg.sql.SQL("DROP DATABASE {} WITH (FORCE)").format(psycopg.sql.Identifier(name))
        )
        for login in ("walk_admin", "walk_clerk"):
            su.execute(
                psycopg.sql.SQL("DROP ROLE IF EXISTS {}").format(psycopg.sql.Identifier(login))
            )


def _run(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    *args: str,
    stdin: str = "",
) -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    status = kkdesk(list(args))
    out = capsys.readouterr()
    return status, out.out, out.err


def test_the_documented_set_up_works(
    pg_server: Any,
    empty_db: str,
    memory_keyring: MemoryKeyring,
    isolated_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    base = f"postgresql://{{}}@{pg_server.host}:{pg_server.port}/{empty_db}"
    owner, admin = base.format("kkdesk_owner"), base.format("walk_admin")

    def run(*args: str, stdin: str = "") -> tuple[int, str, str]:
        return _run(monkeypatch, capsys, *args, stdin=stdin)

    # Before the schema exists, staff commands say what to do instead of failing oddly.
    status, _, err = run("users", "list", "--db", owner, stdin="")
    assert status == 1 and "no password" in err.lower()
    status, out, err = run(
        "login", "--db", owner, "--password-stdin", stdin=pg_server.owner_password + "\n"
    )
    assert status == 0, err
    status, _, err = run("users", "list", "--db", owner)
    assert status == 1 and "kkdesk db upgrade" in err

    status, out, err = run("db", "upgrade", "--db", owner)
    assert status == 0, err
    assert f"migrated empty → {_head(pg_server, empty_db)}" in out
    status, out, _ = run("db", "upgrade", "--db", owner)
    assert "schema is current" in out

    # The first admin, provisioned by the owner; staff added by that admin.
    status, out, err = run(
        "users", "add", "walk_admin", "--role", "admin", "--password-stdin", "--db", owner,
        stdin="admin-pw-1\n",
    )  # fmt: skip
    assert status == 0, err
    status, _, err = run("login", "--db", admin, "--password-stdin", stdin="admin-pw-1\n")
    assert status == 0, err
    status, _, err = run(
        "users", "add", "walk_clerk", "--role", "clerk", "--password-stdin", "--db", admin,
        stdin="clerk-pw-1\n",
    )  # fmt: skip
    assert status == 0, err
    status, out, _ = run("users", "list", "--json", "--db", admin)
    listed = {u["login"]: u["level"] for u in json.loads(out)}
    assert listed == {"walk_admin": "admin", "walk_clerk": "clerk"}

    # A workstation: the clerk signs in once; afterwards no password is asked.
    clerk = base.format("walk_clerk")
    status, out, err = run(
        "login", "--db", clerk, "--password-stdin", "--profile", "office", stdin="clerk-pw-1\n"
    )
    assert status == 0 and "saved in the keyring" in out, err
    status, out, err = run("demo", "--customers", "20", "--db", clerk)
    assert status == 0, err
    status, out, err = run("customer", "find", "a", "--json", "--db", clerk)
    assert status == 0 and json.loads(out), err
    # … and the clerk is no admin: the server refuses, the command says so in a sentence.
    status, _, err = run(
        "users", "add", "mallory", "--role", "admin", "--password-stdin", "--db", clerk,
        stdin="x\n",
    )  # fmt: skip
    assert status == 1 and "does not allow" in err and "Traceback" not in err
    status, _, err = run("db", "upgrade", "--db", clerk)
    assert status == 0  # nothing to do: current

    assert len(memory_keyring.secrets) == 3  # owner, admin, clerk: in the keyring only
    for path in isolated_home.rglob("*"):
        if path.is_file():
            for secret in (b"admin-pw-1", b"clerk-pw-1", pg_server.owner_password.encode()):
                assert secret not in path.read_bytes(), path


def _head(pg_server: Any, name: str) -> str:
    db = Database(f"postgresql+psycopg://kkdesk_owner@{pg_server.host}:{pg_server.port}/{name}")
    try:
        return migrate.head_revision(db)
    finally:
        db.dispose()
