"""``kkdesk import address-updates``: the preview, --dry-run, the confirmation, --yes,
--json, and a refused file that changes nothing."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from kkdesk.cli import main
from kkdesk.domain.customer import CustomerDraft
from kkdesk.domain.enums import DataSource
from kkdesk.services import customers
from kkdesk.services.session import DeskSession

HEADER = "customer_number;new_street;new_postal_code;new_post_office;valid_from\n"


@pytest.fixture
def setup(ds: DeskSession, db_path: Path, tmp_path: Path) -> tuple[str, Path, list[str]]:
    numbers = [
        customers.create(
            ds,
            CustomerDraft(surname=s, first_names="A", street="Vanha 1", postal_code="00100",
                          post_office="HELSINKI"),
            source=DataSource.CUSTOMER_WEBSHOP,
        ).number
        for s in ("Aalto", "Berg")
    ]  # fmt: skip
    ds.close()
    csv_file = tmp_path / "updates.csv"
    csv_file.write_text(
        HEADER
        + f"{numbers[0]};Uusi 1;00200;Helsinki;2026-03-01\n"
        + f"{numbers[1]};Vanha 1;00100;Helsinki;2026-03-01\n"
        + "1000009;Uusi 4;00100;Helsinki;2026-03-01\n"
        + f"{numbers[1]};Uusi 5;1;Helsinki;2026-03-01\n",
        encoding="utf-8",
    )
    return str(db_path), csv_file, numbers


def streets(db: str) -> list[str]:
    con = sqlite3.connect(db)
    try:
        return [r[0] for r in con.execute("SELECT street FROM customer ORDER BY id")]
    finally:
        con.close()


def run(capsys: pytest.CaptureFixture[str], db: str, *args: str) -> tuple[int, str, str]:
    code = main(["--db", db, "import", "address-updates", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_dry_run_previews_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], setup: tuple[str, Path, list[str]]
) -> None:
    db, csv_file, _ = setup
    code, out, err = run(capsys, db, str(csv_file), "--source", "Posti", "--dry-run")
    assert (code, err) == (0, "")
    assert "        1  matched and changed" in out
    assert "        1  already current" in out
    assert "line 4: not found: no customer fits this row" in out
    assert "line 5: invalid: new_postal_code must be five digits" in out
    assert out.rstrip().endswith("Dry run: nothing was changed.")
    assert streets(db) == ["Vanha 1", "Vanha 1"]


def test_without_a_terminal_it_asks_for_yes(
    capsys: pytest.CaptureFixture[str],
    setup: tuple[str, Path, list[str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    db, csv_file, _ = setup
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    code, _, err = run(capsys, db, str(csv_file), "--source", "Posti")
    assert code == 1 and "confirm on a terminal, or give --yes" in err
    assert streets(db) == ["Vanha 1", "Vanha 1"]


def test_yes_applies_and_json_lists_every_line(
    capsys: pytest.CaptureFixture[str], setup: tuple[str, Path, list[str]]
) -> None:
    db, csv_file, _ = setup
    code, out, err = run(capsys, db, str(csv_file), "--source", "Posti", "--yes", "--json")
    assert (code, err) == (0, "")
    got = json.loads(out)
    assert got["applied"] is True
    assert [(o["line"], o["category"]) for o in got["outcomes"]] == [
        (2, "changed"), (3, "current"), (4, "not_found"), (5, "invalid"),
    ]  # fmt: skip
    assert got["outcomes"][0]["changes"][0] == {"field": "street", "old": "Vanha 1",
                                                "new": "Uusi 1"}  # fmt: skip
    assert streets(db) == ["Uusi 1", "Vanha 1"]
    code, out, _ = run(capsys, db, str(csv_file), "--source", "Posti", "--yes")
    assert (code, out.splitlines()[-1]) == (0, "Nothing to change.")


def test_a_refused_file_lists_its_lines_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], setup: tuple[str, Path, list[str]]
) -> None:
    db, csv_file, _ = setup
    csv_file.write_bytes(csv_file.read_bytes() + b'"broken;1\n' + "Å\n".encode("latin-1"))
    code, out, err = run(capsys, db, str(csv_file), "--source", "Posti", "--yes")
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        "kkdesk: the file was refused; nothing was changed:",
        "  line 7: is not UTF-8 text (save the file as UTF-8)",
    ]
    assert streets(db) == ["Vanha 1", "Vanha 1"]


def test_a_missing_file_and_a_missing_source_are_one_sentence(
    capsys: pytest.CaptureFixture[str], setup: tuple[str, Path, list[str]], tmp_path: Path
) -> None:
    db, csv_file, _ = setup
    code, _, err = run(capsys, db, str(tmp_path / "none.csv"), "--source", "Posti")
    assert code == 1 and err.startswith("kkdesk: Cannot read ")
    code, _, err = run(capsys, db, str(csv_file), "--source", " ", "--dry-run")
    assert (code, err) == (1, "kkdesk: Name the update service the file came from (--source).\n")
