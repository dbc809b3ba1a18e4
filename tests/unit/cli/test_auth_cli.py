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


def _commands(parser: object, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    import argparse

    found: list[tuple[str, ...]] = []
    for action in getattr(parser, "_actions", []):
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                found.append((*prefix, name))
                found += _commands(child, (*prefix, name))
    return found


def test_every_command_has_help_and_takes_db_after_its_name(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from kkdesk.cli import build_parser

    commands = _commands(build_parser())
    for expected in (("login",), ("logout",), ("users", "add"), ("users", "set-role"),
                     ("users", "disable"), ("users", "list"), ("audit", "show"),
                     ("db", "upgrade"), ("customer", "find"), ("demo",)):  # fmt: skip
        assert expected in commands
    for command in commands:
        with pytest.raises(SystemExit) as done:
            main([*command, "--help"])
        assert done.value.code == 0
        out = capsys.readouterr().out
        assert out.startswith("usage: kkdesk " + " ".join(command)), command
        assert "--db URL" in out, command


def test_any_command_refuses_a_password_in_db_or_kkdesk_db(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main(["customer", "find", "x", "--db", "postgresql://anna:pw@db.example/k"]) == 1
    err = capsys.readouterr().err
    assert "Never put a password in a database URL (--db)" in err and "pw@" not in err
    monkeypatch.setenv("KKDESK_DB", "postgresql://anna:pw@db.example/k")
    assert main(["db", "upgrade"]) == 1
    assert "($KKDESK_DB)" in capsys.readouterr().err
