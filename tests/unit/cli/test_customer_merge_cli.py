"""``kkdesk customer merge KEEP OTHER``: the preview, --dry-run, the question on a
terminal, refusal without one, --yes with --take choices, --json, and refusals."""

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


@pytest.fixture
def setup(ds: DeskSession, db_path: Path) -> tuple[str, str, str]:
    def add(**kw: str) -> str:
        draft = CustomerDraft(surname="Aalto", first_names="Aino", street="Vanha 1",
                              postal_code="00100", post_office="HELSINKI", **kw)  # fmt: skip
        return customers.create(ds, draft, source=DataSource.CUSTOMER_WEBSHOP).number

    keep, other = add(email="aino@example.fi"), add(email="aino.a@example.com", notes="VIP")
    ds.close()
    return str(db_path), keep, other


def merged_into(db: str) -> list[tuple[str, object, str]]:
    con = sqlite3.connect(db)
    try:
        return list(con.execute("SELECT number, merged_into, email FROM customer ORDER BY id"))
    finally:
        con.close()


def run(capsys: pytest.CaptureFixture[str], db: str, *args: str) -> tuple[int, str, str]:
    code = main(["--db", db, "customer", "merge", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_dry_run_shows_both_values_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], setup: tuple[str, str, str]
) -> None:
    db, keep, other = setup
    code, out, err = run(capsys, db, keep, other, "--dry-run", "--take", "email=other")
    assert (code, err) == (0, "")
    assert f"Merge customer {other} into {keep} (Aalto Aino)." in out
    assert f"      {keep}: aino@example.fi" in out and f"    * {other}: aino.a@example.com" in out
    assert f"    * {other}: VIP" in out  # the kept record has no notes: the other's by default
    assert f"Moves to {keep}: 0 orders" in out
    assert out.rstrip().endswith("Dry run: nothing was changed.")
    assert [r[1] for r in merged_into(db)] == [None, None]


def test_without_a_terminal_it_asks_for_yes(
    capsys: pytest.CaptureFixture[str],
    setup: tuple[str, str, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    db, keep, other = setup
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    code, _, err = run(capsys, db, keep, other)
    assert code == 1 and "confirm on a terminal, or give --yes" in err
    assert [r[1] for r in merged_into(db)] == [None, None]


@pytest.mark.parametrize("answer", ["n", "y"])
def test_on_a_terminal_it_asks(
    capsys: pytest.CaptureFixture[str],
    setup: tuple[str, str, str],
    monkeypatch: pytest.MonkeyPatch,
    answer: str,
) -> None:
    db, keep, other = setup
    asked: list[str] = []
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda q: asked.append(q) or answer)
    code, out, _ = run(capsys, db, keep, other)
    assert asked == [f"Merge {other} into {keep}? This cannot be undone. [y/N] "]
    if answer == "n":
        assert code == 1 and out.rstrip().endswith("Nothing was merged.")
        assert [r[1] for r in merged_into(db)] == [None, None]
    else:
        assert code == 0 and f"{other} now leads to {keep}" in out
        assert [r[1] for r in merged_into(db)] == [None, 1]


def test_yes_with_choices_and_json(
    capsys: pytest.CaptureFixture[str], setup: tuple[str, str, str]
) -> None:
    db, keep, other = setup
    code, out, err = run(capsys, db, keep, other, "--yes", "--json", "--take", "email=other")
    assert (code, err) == (0, "")
    got = json.loads(out)
    assert (got["kept"], got["merged"]) == (keep, other)
    assert got["taken"] == {"email": "other", "notes": "other"}
    assert merged_into(db) == [(keep, None, "aino.a@example.com"), (other, 1, "")]
    # The old number now finds the kept record.
    assert main(["--db", db, "customer", "find", other, "--json"]) == 0
    assert [r["number"] for r in json.loads(capsys.readouterr().out)] == [keep]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--take", "email"], "write FIELD=SIDE"),
        (["--take", "nickname=other"], "Cannot take 'other' for 'nickname'"),
        (["--take", "email=both"], "both only for notes and extra"),
    ],
)
def test_bad_choices_are_refused_before_anything(
    capsys: pytest.CaptureFixture[str], setup: tuple[str, str, str], args: list[str],
    message: str,
) -> None:  # fmt: skip
    db, keep, other = setup
    code, _, err = run(capsys, db, keep, other, "--yes", *args)
    assert code == 1 and message in err
    assert [r[1] for r in merged_into(db)] == [None, None]


def test_a_record_with_itself_is_refused(
    capsys: pytest.CaptureFixture[str], setup: tuple[str, str, str]
) -> None:
    db, keep, _ = setup
    code, _, err = run(capsys, db, keep, keep, "--yes")
    assert code == 1 and f"Customer {keep} cannot be merged with itself." in err
