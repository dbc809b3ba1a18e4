"""``kkdesk customer restrict`` and ``lift-restriction``: the notice first, then the
terminal's confirmation (or --yes); without a terminal nothing is made or lifted."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from kkdesk.cli import main
from kkdesk.domain.customer import CustomerDraft
from kkdesk.domain.enums import DataSource
from kkdesk.services import customers
from kkdesk.services.session import DeskSession


@pytest.fixture
def setup(ds: DeskSession, db_path: Path) -> tuple[str, str]:
    number = customers.create(
        ds,
        CustomerDraft(surname="Aalto", first_names="Aino", street="Vanha 1",
                      postal_code="00100", post_office="HELSINKI"),
        source=DataSource.CUSTOMER_WEBSHOP,
    ).number  # fmt: skip
    ds.close()
    return str(db_path), number


def run(capsys: pytest.CaptureFixture[str], db: str, *args: str) -> tuple[int, str, str]:
    code = main(["--db", db, "customer", *args])
    out, err = capsys.readouterr()
    return code, out, err


def rows(db: str, sql: str) -> list[tuple[object, ...]]:
    con = sqlite3.connect(db)
    try:
        return list(con.execute(sql))
    finally:
        con.close()


def test_restrict_then_lift_with_the_notice_first(
    capsys: pytest.CaptureFixture[str],
    setup: tuple[str, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    db, number = setup
    code, out, _ = run(capsys, db, "restrict", number, "--ground", "legal_claims",
                       "--reason", "Riita vireillä")  # fmt: skip
    assert code == 0 and "Art. 18(1)(c)" in out
    code, _, err = run(capsys, db, "restrict", number, "--ground", "legal_claims", "--reason", "x")
    assert code == 1 and "already restricted" in err

    # No terminal, no --yes: refused before any notice is made.
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    notice = tmp_path / "notice.pdf"
    code, _, err = run(capsys, db, "lift-restriction", number, "--out", str(notice))
    assert code == 1 and "confirm on a terminal, or give --yes" in err
    assert not notice.exists()
    assert rows(db, "SELECT count(*) FROM request_letter") == [(0,)]

    # On a terminal, answering no keeps it in force (the notice stays archived).
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda _prompt: "n")
    code, out, _ = run(capsys, db, "lift-restriction", number, "--out", str(notice),
                       "--language", "sv")  # fmt: skip
    assert code == 1 and "stays in force" in out
    assert notice.read_bytes()[:4] == b"%PDF"
    assert rows(db, "SELECT kind, language FROM request_letter") == [("restriction_lift", "sv")]
    assert rows(db, "SELECT count(*) FROM processing_restriction WHERE lifted_at IS NULL") == [(1,)]
    monkeypatch.setattr("builtins.input", lambda _prompt: "y")
    code, out, _ = run(capsys, db, "lift-restriction", number, "--out", str(notice))
    assert code == 0 and "lifted" in out
    [(letter, lifted_by)] = rows(
        db, "SELECT notice_letter_id, lifted_by FROM processing_restriction"
    )
    assert letter == 2 and lifted_by
    code, _, err = run(capsys, db, "lift-restriction", number, "--out", str(notice), "--yes")
    assert code == 1 and "not restricted" in err
