"""``kkdesk customer find`` on what the result list cannot show: a damaged match."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kkdesk.cli import main


@pytest.fixture
def db(demo_template: Path, tmp_path: Path) -> str:
    path = tmp_path / "cli.sqlite3"
    shutil.copyfile(demo_template, path)
    return str(path)


def run(capsys: pytest.CaptureFixture[str], db: str, *args: str) -> tuple[int, str, str]:
    code = main(["--db", db, *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_find_names_a_damaged_match_and_lists_the_others(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    import sqlite3

    con = sqlite3.connect(db)
    with con:
        number, surname = con.execute(
            "SELECT number, surname FROM customer WHERE type = 'person' ORDER BY id LIMIT 1"
        ).fetchone()
        con.execute("UPDATE customer SET type = 'robot' WHERE number = ?", (number,))
    con.close()
    code, out, err = run(capsys, db, "customer", "find", surname, "--limit", "50")
    assert f"kkdesk: the record of customer {number} matches but is damaged" in err
    assert number not in out
    assert code in (0, 1)  # 1 only if the damaged one was the sole match
