"""The command line, run as a user runs it: a separate process, real files, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kkdesk import __version__
from kkdesk.domain.levels import Level
from kkdesk.services.session import open_session


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
        "matched",
        "matched_text",
        "merged_number",
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


def test_find_prints_each_hit_whole(demo_db: Path) -> None:
    hits = json.loads(kkdesk("--db", str(demo_db), "customer", "find", "a", "--json").stdout)
    hit = next(h for h in hits if h["email"] and h["phone"])
    out = kkdesk("customer", "find", hit["number"], "--db", str(demo_db))  # --db after it
    assert out.returncode == 0, out.stderr
    (line,) = out.stdout.splitlines()
    for part in ("number", "type", "name", "postal_code", "post_office", "email", "phone"):
        assert hit[part] in line, (part, line)
    assert line.index(hit["number"]) < line.index(hit["name"]) < line.index(hit["email"])


def test_find_limit(demo_db: Path) -> None:
    out = kkdesk("--db", str(demo_db), "customer", "find", "a", "--limit", "3")
    assert out.returncode == 0 and len(out.stdout.splitlines()) == 3


@pytest.mark.parametrize(
    "args",
    [
        ["customer", "show", "9999999"],
        ["customer", "find", "x", "--limit", "0"],
        ["customer", "find", "  "],
        ["demo", "--customers", "0"],
    ],
)
def test_user_mistakes_are_one_line_without_traceback(demo_db: Path, args: list[str]) -> None:
    out = kkdesk("--db", str(demo_db), *args)
    assert out.returncode != 0
    assert "Traceback" not in out.stderr
    assert out.stderr.startswith("kkdesk: ")


@pytest.mark.parametrize(
    ("db", "says"),
    [
        ("mysql://someone@host/db", "SQLite file or a PostgreSQL database"),
        ("postgresql://u@host:port/db", "not a database URL"),
        ("/proc/no/such/folder/x.sqlite3", "cannot be created"),
        ("NOTES", "not a kkdesk database"),
    ],
)
def test_a_wrong_database_is_one_line_without_traceback(db: str, says: str, tmp_path: Path) -> None:
    if db == "NOTES":  # some other file given by mistake: refused, and left as it was
        notes = tmp_path / "notes.txt"
        notes.write_text("not a database\n" * 100)
        db = str(notes)
    out = kkdesk("--db", db, "customer", "find", "x")
    if db.endswith("notes.txt"):
        assert Path(db).read_text() == "not a database\n" * 100
    assert out.returncode == 1
    assert out.stderr.startswith("kkdesk: ") and says in out.stderr, out.stderr
    assert "Traceback" not in out.stderr


def test_unreachable_server_is_reported_plainly() -> None:
    out = kkdesk("--db", "postgresql://nobody@127.0.0.1:1/none", "customer", "find", "x")
    assert out.returncode == 1
    assert "Traceback" not in out.stderr and out.stderr.startswith("kkdesk: ")


def test_portability_copy_to_a_missing_folder_ends_in_a_sentence(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from kkdesk.cli import main
    from tests.orders_factory import add_customer

    ds = open_session(str(db_path), level=Level.ADMIN)
    number = add_customer(ds)
    ds.close()
    out = tmp_path / "missing" / "copy.json"
    assert main(["--db", str(db_path), "export", "portability", number, "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "does not exist" in err and "Traceback" not in err
    assert main(["--db", str(db_path), "audit", "show", number, "--json"]) == 0
    assert "portability" not in capsys.readouterr().out


def test_stored_values_cannot_drive_the_terminal(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A value written outside kkdesk (validation refuses it) is printed escaped: an escape
    sequence, a one-byte CSI or a bidi override shows as text, and JSON stays exact."""
    from sqlalchemy import update

    from kkdesk.cli import main
    from kkdesk.store.models import Customer
    from tests.orders_factory import add_customer

    ds = open_session(str(db_path), level=Level.ADMIN)
    number = add_customer(ds)
    evil = "Aino\x1b]0;pwned\x07\x1b[2J\x9b31m\u202eXYZ\r"
    with ds.db.session() as s:
        s.execute(update(Customer).where(Customer.number == number).values(first_names=evil))
    ds.close()
    assert main(["--db", str(db_path), "customer", "find", number]) == 0
    out = capsys.readouterr().out
    assert "\\u001b]0;pwned\\u0007\\u001b[2J\\u009b31m\\u202eXYZ" in out
    assert not any(ch in out for ch in "\x1b\x07\x9b\u202e\r")
    assert main(["--db", str(db_path), "customer", "show", number, "--json"]) == 0
    shown = capsys.readouterr().out
    assert "\x9b" not in shown and "\u202e" not in shown
    assert json.loads(shown)["customer"]["first_names"] == evil


def test_find_says_when_a_check_digit_is_wrong(demo_db: Path) -> None:
    for text, says in (
        ("1000008", "1000008 is not a valid customer number: its check digit"),
        ("0109862-7", "0109862-7 is not a valid business ID: its check digit"),
    ):
        out = kkdesk("--db", str(demo_db), "customer", "find", text)
        assert out.returncode == 1, out
        assert says in out.stderr and "No customers match" not in out.stderr


def test_find_by_a_word_of_a_street_says_what_matched(demo_db: Path) -> None:
    hits = json.loads(kkdesk("--db", str(demo_db), "customer", "find", "a", "--json").stdout)
    found = json.loads(
        kkdesk("--db", str(demo_db), "customer", "find", "katu", "--json", "--limit", "500").stdout
    )
    assert hits and found
    streets = [h for h in found if h["matched"] == "street"]
    assert streets and all("katu" in h["matched_text"].lower() for h in streets)
    out = kkdesk("--db", str(demo_db), "customer", "find", streets[0]["matched_text"])
    assert f"(street: {streets[0]['matched_text']})" in out.stdout


def test_demo_on_the_embedded_register_adds_more_unless_if_empty(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """What `make run` relies on: --if-empty leaves a filled register alone (status 0);
    without it the workstation's own register takes more demo customers."""
    from kkdesk.cli import main

    demo = ["--db", str(db_path), "demo", "--customers", "2"]
    assert main([*demo, "--if-empty"]) == 0
    assert main([*demo, "--if-empty"]) == 0
    assert "no demo data added" in capsys.readouterr().out
    assert main(demo) == 0
    assert "Added 2 customers" in capsys.readouterr().out
    ds = open_session(str(db_path), level=Level.ADMIN)
    from kkdesk.services import customers

    assert customers.count(ds) == 4
    ds.close()
