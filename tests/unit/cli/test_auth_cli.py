"""``kkdesk login`` / ``users`` on the embedded database: nothing to sign in to, said so."""

from __future__ import annotations

from pathlib import Path

import pytest

from kkdesk.cli import main


def test_login_refuses_the_embedded_database(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["login", "--db", str(db_path)]) == 1
    assert "embedded database has no users" in capsys.readouterr().err


def test_login_refuses_a_password_in_the_url(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["login", "--db", "postgresql://anna:pw@localhost/kkdesk"]) == 1
    assert "Never put a password" in capsys.readouterr().err


def test_users_on_the_embedded_database(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(db_path), "users", "list"]) == 1
    assert "no users" in capsys.readouterr().err
