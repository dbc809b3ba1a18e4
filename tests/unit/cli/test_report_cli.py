"""The ``report``, ``request``, ``register`` and ``export portability`` commands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kkdesk.cli import main
from kkdesk.services import requests
from kkdesk.services.session import DeskSession
from tests.orders_factory import add_customer
from tests.unit.reports.pdftext import pages


def test_request_lifecycle_and_letters(
    ds: DeskSession, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    number = add_customer(ds)
    db = ["--db", str(db_path)]
    assert main([*db, "request", "add", number, "access", "--identity", "ID card", "--json"]) == 0
    added = json.loads(capsys.readouterr().out)
    assert added["kind"] == "access" and added["identity_method"] == "ID card"
    assert main([*db, "request", "list"]) == 0
    assert number in capsys.readouterr().out
    assert main([*db, "request", "extend", str(added["id"]), "--reason", "busy"]) == 0
    capsys.readouterr()

    letter = tmp_path / "letter.pdf"
    assert main([*db, "report", "access", number, "-o", str(letter), "--lang", "sv"]) == 0
    assert "archived on request" in capsys.readouterr().out
    assert "REGISTERUTDRAG" in pages(letter.read_bytes())[0]

    out = tmp_path / "batch"
    assert main([*db, "report", "access", "--requests", "open", "-o", str(out)]) == 0
    assert len(list(out.glob("*.pdf"))) == 1

    assert main([*db, "request", "close", str(added["id"])]) == 0
    capsys.readouterr()
    assert main([*db, "request", "list", "--status", "all", "--json"]) == 0
    [closed] = json.loads(capsys.readouterr().out)
    assert closed["status"] == "done" and len(closed["letters"]) == 2


def test_notice_and_register_settings(
    ds: DeskSession, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ["--db", str(db_path)]
    assert main([*db, "register", "set", "contact_name", "Maija Meikäläinen"]) == 0
    assert main([*db, "register", "show", "contact_name"]) == 0
    assert "Maija Meikäläinen" in capsys.readouterr().out
    notice = tmp_path / "notice.pdf"
    assert main([*db, "report", "notice", "-o", str(notice), "--lang", "en"]) == 0
    text = "".join(pages(notice.read_bytes()))
    assert "Maija Meikäläinen" in text and "PRIVACY NOTICE" in text
    assert main([*db, "register", "set", "controller_name", '""']) == 1


def test_export_portability(ds: DeskSession, db_path: Path, tmp_path: Path) -> None:
    number = add_customer(ds)
    out = tmp_path / "copy.json"
    assert main(["--db", str(db_path), "export", "portability", number, "-o", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["customer"]["number"] == number


def _archived_and_reports(ds: DeskSession) -> tuple[int, int]:
    from sqlalchemy import func, select

    from kkdesk.store.models import AuditEvent, RequestLetter

    with ds.db.read() as s:
        letters = s.scalar(select(func.count()).select_from(RequestLetter)) or 0
        reports = s.scalar(
            select(func.count()).select_from(AuditEvent).where(AuditEvent.action == "report")
        )
        return letters, reports or 0


def test_a_bad_output_path_is_refused_before_anything_is_made(
    ds: DeskSession, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    number = add_customer(ds)
    db = ["--db", str(db_path)]
    assert main([*db, "request", "add", number, "access"]) == 0
    missing = tmp_path / "no-such-folder" / "letter.pdf"
    assert main([*db, "report", "access", number, "-o", str(missing)]) == 2
    assert "does not exist" in capsys.readouterr().err
    assert main([*db, "report", "access", number, "-o", str(tmp_path)]) == 2
    assert "is a folder" in capsys.readouterr().err
    assert main([*db, "report", "notice", "-o", str(missing)]) == 2
    afile = tmp_path / "a-file"
    afile.write_text("x")
    assert main([*db, "report", "access", "--requests", "open", "-o", str(afile)]) == 2
    assert main([*db, "report", "access", "--requests", "open", "--lang", "en",
                 "-o", str(tmp_path / "out")]) == 2  # fmt: skip
    assert main([*db, "report", "access", "-o", str(tmp_path / "x.pdf")]) == 2
    assert main([*db, "report", "access", "9999999", "-o", str(tmp_path / "x.pdf")]) == 1
    assert "9999999" in capsys.readouterr().err
    assert _archived_and_reports(ds) == (0, 0)  # nothing archived, nothing audited


def test_show_a_request_and_fetch_its_archived_letter(
    ds: DeskSession, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    number = add_customer(ds)
    db = ["--db", str(db_path)]
    assert main([*db, "request", "add", number, "access", "--channel", "email"]) == 0
    added = capsys.readouterr().out
    assert "No identity check is recorded" in added and "request identity" in added
    rid = requests.list_requests(ds, number=number)[0].id
    sent = tmp_path / "sent.pdf"
    # No copy without a recorded identity check (Art. 12(6)): refused, nothing written.
    assert main([*db, "report", "access", number, "-o", str(sent), "--lang", "en"]) != 0
    refused = capsys.readouterr().err
    assert f"kkdesk request identity {rid}" in refused and "identification" in refused
    assert not sent.exists() and _archived_and_reports(ds) == (0, 0)
    assert main([*db, "request", "identity", str(rid), "--method", "passport"]) == 0
    capsys.readouterr()
    assert main([*db, "report", "access", number, "-o", str(sent), "--lang", "en"]) == 0
    capsys.readouterr()
    assert main([*db, "request", "show", str(rid)]) == 0
    shown = capsys.readouterr().out
    assert "letter 1:" in shown and "en, " in shown
    again = tmp_path / "again.pdf"
    assert main([*db, "request", "letter", "1", "-o", str(again)]) == 0
    assert again.read_bytes() == sent.read_bytes()
    assert main([*db, "request", "letter", "99", "-o", str(again)]) == 1
    assert main([*db, "request", "extend", str(rid), "--reason", " "]) == 1


def test_batch_names_each_file_by_request_customer_and_language(
    ds: DeskSession, db_path: Path, tmp_path: Path
) -> None:
    from kkdesk.domain.customer import CustomerDraft
    from kkdesk.domain.enums import DataSource, Language
    from kkdesk.services import customers, requests

    sv = customers.create(
        ds,
        CustomerDraft(surname="Åberg", first_names="Stina", street="Storgatan 1",
                      postal_code="68600", post_office="JAKOBSTAD", language=Language.SV),
        source=DataSource.CUSTOMER_LETTER,
    ).number  # fmt: skip
    fi = add_customer(ds)
    r_sv = requests.add(
        ds, sv, "access", received_on=requests.today(), channel="letter", identity_method="ID card"
    )
    r_fi = requests.add(
        ds, fi, "access", received_on=requests.today(), channel="letter", identity_method="ID card"
    )
    out = tmp_path / "letters"
    assert main(["--db", str(db_path), "report", "access", "--requests", "open",
                 "-o", str(out)]) == 0  # fmt: skip
    names = sorted(p.name for p in out.glob("*.pdf"))
    assert names == sorted([f"request-{r_sv.id}-{sv}-sv.pdf", f"request-{r_fi.id}-{fi}-fi.pdf"])
    assert "REGISTERUTDRAG" in pages((out / f"request-{r_sv.id}-{sv}-sv.pdf").read_bytes())[0]


def test_a_batch_writes_each_letter_as_it_is_made_and_stops_at_an_unwritable_file(
    ds: DeskSession, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from kkdesk.services import requests

    made = [add_customer(ds, name) for name in ("Aalto", "Berg", "Carlsson")]
    asked = [
        requests.add(
            ds,
            n,
            "access",
            received_on=requests.today(),
            channel="letter",
            identity_method="ID card",
        )
        for n in made
    ]
    out = tmp_path / "letters"
    out.mkdir()
    # The second letter's file name is taken by a folder: it cannot be written.
    (out / f"request-{asked[1].id}-{made[1]}-fi.pdf").mkdir()
    assert main(["--db", str(db_path), "report", "access", "--requests", "open",
                 "-o", str(out)]) == 1  # fmt: skip
    err = capsys.readouterr().err
    assert "could not be written" in err and "1 letters were written before it" in err
    assert (out / f"request-{asked[0].id}-{made[0]}-fi.pdf").is_file()  # written at once
    assert len(requests.get(ds, asked[1].id).letters) == 1  # archived, as the message says
    # Archived in the same transaction as the second, but the batch stopped before
    # writing it: its file is not made, and no letter after the stop would be.
    assert len(requests.get(ds, asked[2].id).letters) == 1
    assert not (out / f"request-{asked[2].id}-{made[2]}-fi.pdf").exists()


def test_a_damaged_customer_gets_no_letter_stops_no_other_and_is_named(
    ds: DeskSession, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.ui.test_search_model import damage

    numbers = [add_customer(ds, f"Vaurio{i}") for i in range(3)]
    for number in numbers:
        requests.add(ds, number, "access", received_on=requests.today(), channel="letter",
                     identity_method="ID card")  # fmt: skip
    damage(ds, numbers[1])
    out = tmp_path / "letters"
    code = main(["--db", str(db_path), "report", "access", "--requests", "open", "-o", str(out)])
    captured = capsys.readouterr()
    assert code == 1  # a request is left unanswered: a script must notice
    assert "2 letters written" in captured.out
    assert (
        f"kkdesk: no access letter for customers {numbers[1]}: their records are damaged"
        in captured.err
    )
    names = sorted(p.name for p in out.glob("*.pdf"))
    assert len(names) == 2 and not any(numbers[1] in n for n in names)
