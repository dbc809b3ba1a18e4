"""The command line, run as a user runs it: a separate process, real files, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kkdesk import __version__


def kkdesk(
    *args: str, env: dict[str, str] | None = None, input_: str | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kkdesk", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        input=input_,
        timeout=120,
    )


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "cli.sqlite3"
    assert kkdesk("--db", str(path), "db", "upgrade").returncode == 0
    done = kkdesk("--db", str(path), "demo", "--customers", "150", "--seed", "4")
    assert done.returncode == 0, done.stderr
    assert "150 customers" in done.stdout
    return path


def test_version_and_help() -> None:
    assert kkdesk("--version").stdout.strip() == f"kkdesk {__version__}"
    for args in (
        ["--help"],
        ["customer", "find", "--help"],
        ["customer", "show", "--help"],
        ["demo", "--help"],
        ["db", "upgrade", "--help"],
    ):
        out = kkdesk(*args)
        assert out.returncode == 0 and "usage:" in out.stdout, args


def test_find_and_show_as_json(demo_db: Path) -> None:
    found = kkdesk("--db", str(demo_db), "customer", "find", "a", "--limit", "5", "--json")
    hits = json.loads(found.stdout)
    assert 1 <= len(hits) <= 5
    assert set(hits[0]) == {
        "number",
        "type",
        "name",
        "postal_code",
        "post_office",
        "email",
        "phone",
    }
    shown = kkdesk("--db", str(demo_db), "customer", "show", hits[0]["number"], "--json")
    doc = json.loads(shown.stdout)
    assert doc["schema"] == "kkdesk.customer"
    assert doc["customer"]["number"] == hits[0]["number"]
    assert isinstance(doc["change_history"], list) and doc["change_history"]


def test_kkdesk_db_selects_the_database(demo_db: Path) -> None:
    found = kkdesk("customer", "find", "a", "--json", env={"KKDESK_DB": str(demo_db)})
    assert json.loads(found.stdout)


def test_embedded_default_is_created_in_the_data_folder(tmp_path: Path) -> None:
    env = {"XDG_DATA_HOME": str(tmp_path / "data"), "KKDESK_CONFIG_DIR": str(tmp_path / "cfg")}
    out = kkdesk("customer", "find", "nobody", env=env)
    assert out.returncode == 1 and "No customers match" in out.stderr
    assert list((tmp_path / "data").rglob("kkdesk.sqlite3"))


@pytest.mark.parametrize(
    "args",
    [
        ["customer", "show", "9999999"],
        ["customer", "find", "x", "--limit", "0"],
        ["demo", "--customers", "0"],
    ],
)
def test_user_mistakes_are_one_line_without_traceback(demo_db: Path, args: list[str]) -> None:
    out = kkdesk("--db", str(demo_db), *args)
    assert out.returncode != 0
    assert "Traceback" not in out.stderr
    assert out.stderr.startswith("kkdesk: ")


def test_unreachable_server_is_reported_plainly() -> None:
    out = kkdesk("--db", "postgresql://nobody@127.0.0.1:1/none", "customer", "find", "x")
    assert out.returncode == 1
    assert "Traceback" not in out.stderr and out.stderr.startswith("kkdesk: ")
