"""``kkdesk consent``, ``kkdesk export marketing`` and ``kkdesk disclosure``: what
docs/consents.md shows, and bad input refused with one sentence and nothing changed."""

from __future__ import annotations

import csv
import json
import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest

from kkdesk.cli import main
from kkdesk.domain.consent import MarketingPurpose


@pytest.fixture
def db(demo_template: Path, tmp_path: Path) -> str:
    path = tmp_path / "cli.sqlite3"
    shutil.copyfile(demo_template, path)
    return str(path)


def run(capsys: pytest.CaptureFixture[str], db: str, *args: str) -> tuple[int, str, str]:
    code = main(["--db", db, *args])
    out, err = capsys.readouterr()
    return code, out, err


def show(capsys: pytest.CaptureFixture[str], db: str, number: str) -> dict:  # type: ignore[type-arg]
    code, out, _ = run(capsys, db, "customer", "show", number, "--json")
    assert code == 0
    return json.loads(out)  # type: ignore[no-any-return]


def test_consent_set_and_show(capsys: pytest.CaptureFixture[str], db: str) -> None:
    before = show(capsys, db, "1000017")["consents"][0]["history"]
    assert all(e["item"] != "genealogy" for e in before)  # the demo gave this one none
    code, out, err = run(
        capsys, db, "consent", "set", "1000017", "genealogy", "on",
        "--received", "2025-03-02", "--channel", "letter", "--ref", "KIRJE-2025-0042",
        "--note", "signed",
    )  # fmt: skip
    assert (code, err) == (0, "") and out.startswith("Recorded: genealogy on (event ")
    code, out, _ = run(capsys, db, "consent", "show", "1000017")
    assert code == 0
    assert "genealogy            on   since 2025-03-02  letter  KIRJE-2025-0042" in out
    code, out, _ = run(capsys, db, "consent", "show", "1000017", "--json")
    persons = json.loads(out)
    assert persons[0]["current"]["genealogy"]["value"] is True
    assert persons[0]["history"][0]["note"] == "signed"
    doc = show(capsys, db, "1000017")
    assert doc["consents"] == persons  # customer show --json carries the same section


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--received", "2025-03-02", "--channel", "letter"], "--ref"),
        (["--received", "2025-03-02", "--ref", "K"], "--channel"),
        (["--channel", "letter", "--ref", "K"], "--received"),
        (["--received", "2.3.2025", "--channel", "letter", "--ref", "K"], "not a date"),
        (["--received", "2025-03-02", "--channel", "fax", "--ref", "K"], "invalid choice"),
    ],
)
def test_consent_without_evidence_is_refused(
    capsys: pytest.CaptureFixture[str], db: str, args: list[str], words: str
) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--db", db, "consent", "set", "1000017", "objection", "on", *args])
    assert info.value.code == 2
    assert words in capsys.readouterr().err
    assert show(capsys, db, "1000017")["consents"][0]["current"]["objection"]["value"] is False


def test_consent_from_the_future_or_for_a_stranger_is_refused(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    evidence = ["--channel", "email", "--ref", "SP-1"]
    code, _, err = run(
        capsys, db, "consent", "set", "1000017", "objection", "on", "--received", tomorrow,
        *evidence,
    )  # fmt: skip
    assert code == 1 and err.startswith("kkdesk: ") and err.count("\n") == 1
    code, _, err = run(
        capsys, db, "consent", "set", "1000017", "objection", "on", "--received", "2025-01-01",
        "--contact", "999999", *evidence,
    )  # fmt: skip
    assert code == 1 and "contact person" in err
    code, _, err = run(
        capsys, db, "consent", "set", "9999999", "objection", "on", "--received", "2025-01-01",
        *evidence,
    )  # fmt: skip
    assert code == 1
    history = show(capsys, db, "1000017")["consents"][0]["history"]
    assert [e for e in history if e["item"] == "objection"] == []


def test_every_purpose_and_channel_exports_and_is_disclosed(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    counted: dict[tuple[str, str], int] = {}
    for purpose in MarketingPurpose:
        for channel in ("post", "email", "sms"):
            out_file = tmp_path / f"{purpose.value}-{channel}.csv"
            code, out, _ = run(
                capsys, db, "export", "marketing", "--purpose", purpose.value,
                "--channel", channel, "--count",
            )  # fmt: skip
            assert code == 0
            counted[(purpose.value, channel)] = int(out)
            code, out, err = run(
                capsys, db, "export", "marketing", "--purpose", purpose.value,
                "--channel", channel, "-o", str(out_file), "--recipient", "Postitalo Oy",
            )  # fmt: skip
            assert code == 0, err
            with open(out_file, encoding="utf-8-sig", newline="") as f:
                rows = list(csv.DictReader(f))
            assert len(rows) == counted[(purpose.value, channel)]
            assert f"Wrote {len(rows)} customers to {out_file}" in out
    assert counted[("direct-advertising", "post")] > counted[("direct-advertising", "email")] > 0
    # The last file's first customer lists the disclosure among theirs.
    number = rows[0]["customer_number"]
    code, out, _ = run(capsys, db, "disclosure", "list", number, "--json")
    listed = json.loads(out)
    assert listed[0]["kind"] == "marketing_export"
    assert (listed[0]["purpose"], listed[0]["channel"]) == ("genealogy", "sms")
    assert listed[0]["recipient"] == "Postitalo Oy"
    assert show(capsys, db, number)["disclosures"] == listed


def test_export_refuses_bad_input(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    with pytest.raises(SystemExit):
        main(["--db", db, "export", "marketing", "--purpose", "spam", "--channel", "post",
              "--count"])  # fmt: skip
    with pytest.raises(SystemExit):
        main(["--db", db, "export", "marketing", "--purpose", "genealogy", "--channel", "fax",
              "--count"])  # fmt: skip
    capsys.readouterr()
    code, _, err = run(capsys, db, "export", "marketing", "--purpose", "genealogy",
                       "--channel", "post")  # fmt: skip
    assert code == 2 and "-o FILE.csv is required" in err
    code, _, err = run(
        capsys, db, "export", "marketing", "--purpose", "genealogy", "--channel", "post",
        "-o", str(tmp_path / "no" / "such" / "x.csv"),
    )  # fmt: skip
    assert code == 1 and "No such folder" in err
    code, _, err = run(
        capsys, db, "export", "marketing", "--purpose", "genealogy", "--channel", "post",
        "-o", str(tmp_path / "x.csv"), "--recipient", "x" * 201,
    )  # fmt: skip
    assert code == 1 and not (tmp_path / "x.csv").exists()
    assert json.loads(run(capsys, db, "disclosure", "list", "1000017", "--json")[1]) == []


def test_disclosure_add_and_list(capsys: pytest.CaptureFixture[str], db: str) -> None:
    code, out, err = run(
        capsys, db, "disclosure", "add", "1000017", "--kind", "authority",
        "--to", "Helsingin poliisilaitos", "--basis", "Poliisilaki 4 luku 3 §",
        "--what", "Nimi ja osoite", "--date", "2025-06-01",
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert out.startswith("Recorded disclosure ") and "2025-06-01 to Helsingin" in out
    code, out, _ = run(capsys, db, "disclosure", "list", "1000017")
    assert "2025-06-01  authority        Helsingin poliisilaitos  —  Nimi ja osoite" in out
    code, _, err = run(
        capsys, db, "disclosure", "add", "1000017", "--kind", "third_party", "--to", " ",
        "--basis", "x", "--what", "y",
    )  # fmt: skip
    assert code == 1 and err.startswith("kkdesk: ")
    assert len(json.loads(run(capsys, db, "disclosure", "list", "1000017", "--json")[1])) == 1


def test_consent_set_on_a_state_changed_since_it_was_seen_is_refused(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    code, out, _ = run(capsys, db, "consent", "show", "1000017")
    seen = out.split("newest event: ")[1].split()[0]
    evidence = ["--received", "2025-03-02", "--channel", "letter", "--ref", "KIRJE-1"]
    # Two people decided on the state they saw; the first one's change goes in.
    code, out, err = run(capsys, db, "consent", "set", "1000017", "genealogy", "on",
                         *evidence, "--seen", seen)  # fmt: skip
    assert (code, err) == (0, "")
    first = out.split("(event ")[1].rstrip(").\n")
    code, out, err = run(capsys, db, "consent", "set", "1000017", "genealogy", "off",
                         *evidence, "--seen", seen)  # fmt: skip
    assert code == 1 and out == ""
    assert (
        "The consents of customer 1000017 were changed by someone else just now; nothing "
        "was recorded." in err
    )
    # ... and is shown the state in force now, with the event to name next time.
    assert "The current state:" in err
    assert "genealogy            on   since 2025-03-02  letter  KIRJE-1" in err
    assert f"newest event: {first} " in err
    code, out, err = run(capsys, db, "consent", "set", "1000017", "genealogy", "off",
                         *evidence, "--seen", first)  # fmt: skip
    assert code == 0, err
