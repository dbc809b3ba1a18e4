"""``kkdesk erase`` and ``kkdesk hold``: the typed confirmation, the refusal without a
terminal, --yes, --json, and the legal hold that refuses an erasure."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kkdesk.cli import main
from kkdesk.config import Preferences
from kkdesk.domain.levels import Level
from kkdesk.services.session import DeskSession
from tests.erasure_factory import rich_person, text_hits


@pytest.fixture
def number(ds: DeskSession) -> str:
    person = rich_person(ds, orders=2)
    # The embedded register's level comes from the preferences: the privacy officer's.
    Preferences(local_level=Level.PRIVACY.value).save()
    return person.number


def run(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_without_a_terminal_it_asks_for_yes(
    capsys: pytest.CaptureFixture[str], db_path: Path, number: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    code, _, err = run(capsys, db_path, "erase", number, "--reason", "asked")
    assert code == 1 and "confirm on a terminal, or give --yes" in err


def test_on_a_terminal_the_number_must_be_typed(
    capsys: pytest.CaptureFixture[str], db_path: Path, number: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt: "1000000")
    code, out, _ = run(capsys, db_path, "erase", number, "--reason", "asked")
    assert code == 1 and "Nothing was erased." in out
    monkeypatch.setattr("builtins.input", lambda prompt: number)
    code, out, _ = run(capsys, db_path, "erase", number, "--reason", "asked")
    assert code == 0 and f"Erased customer {number}" in out and "2 orders kept" in out


def test_yes_json_and_the_legal_hold(
    capsys: pytest.CaptureFixture[str], db_path: Path, number: str, ds: DeskSession
) -> None:
    code, out, _ = run(capsys, db_path, "hold", number, "--set", "--reason", "dispute")
    assert code == 0 and "is under a legal hold" in out
    code, _, err = run(capsys, db_path, "erase", number, "--reason", "asked", "--yes")
    assert code == 1 and "legal hold" in err
    run(capsys, db_path, "hold", number, "--lift")
    code, out, _ = run(capsys, db_path, "erase", number, "--reason", "asked", "--yes", "--json")
    assert code == 0
    outcome = json.loads(out)
    assert outcome["orders_kept"] == 2 and outcome["reference"].startswith("E-")
    assert outcome["letter_id"] is not None
    assert "Henrietta" not in json.dumps(outcome)
    assert not [h for h in text_hits(ds.db.engine, ("Kivirikko",)) if h[0] != "suppression"]


def test_a_restricted_customer_is_refused_before_any_question(
    capsys: pytest.CaptureFixture[str],
    db_path: Path,
    number: str,
    ds: DeskSession,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from kkdesk.domain.restriction import RestrictionGround
    from kkdesk.services import restrictions

    restrictions.restrict(ds, number, RestrictionGround.UNLAWFUL_PROCESSING, "keep, not erase")
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    asked: list[str] = []
    monkeypatch.setattr("builtins.input", lambda prompt: asked.append(prompt) or number)
    code, _, err = run(capsys, db_path, "erase", number, "--reason", "asked")
    assert code == 1 and not asked
    assert "restriction of processing" in err and "lift the restriction first" in err
    twin = rich_person(ds, orders=0, restriction=False).number
    code, _, err = run(capsys, db_path, "customer", "merge", twin, number, "--yes")
    assert code == 1 and "cannot be merged: lift the restriction first" in err
