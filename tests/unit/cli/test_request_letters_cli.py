"""``kkdesk request write / sent / source-notices`` and requests of people who are not
customers, on a real register."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kkdesk.cli import main
from kkdesk.domain.subject_requests import RequestKind
from kkdesk.services import register_settings, requests
from kkdesk.services.session import DeskSession
from tests.step_factory import OUTSIDER, RECIPIENT, build_world
from tests.unit.reports.pdftext import pages


def test_write_a_letter_and_record_its_sending(
    ds: DeskSession, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    world = build_world(ds)
    db = ["--db", str(db_path)]
    rid = world.requests[RequestKind.ACCESS]
    ack = tmp_path / "ack.pdf"
    args = [*db, "request", "write", str(rid), "acknowledgement", "-o", str(ack), "--lang", "sv"]
    assert main([*args, "--sent-by", "post"]) == 0
    out = capsys.readouterr().out
    assert "archived as letter" in out and "recorded as sent by post" in out
    assert "MOTTAGNINGSBEKRÄFTELSE" in pages(ack.read_bytes())[0]
    assert main([*db, "request", "show", str(rid), "--json"]) == 0
    [letter] = json.loads(capsys.readouterr().out)["letters"]
    assert letter["kind"] == "acknowledgement" and letter["language"] == "sv"
    assert letter["sent_via"] == "post" and letter["sent_on"] == str(requests.today())
    # Recorded once: a second record is refused with a clear message, nothing changes.
    assert main([*db, "request", "sent", str(letter["id"]), "--by", "email"]) == 1
    assert "already" in capsys.readouterr().err

    # A refusal needs its reasons; with them it is made and can be recorded as handed over.
    refusal = tmp_path / "refusal.pdf"
    erasure = str(world.requests[RequestKind.ERASURE])
    assert main([*db, "request", "write", erasure, "refusal", "-o", str(refusal)]) == 1
    assert not refusal.exists()
    capsys.readouterr()
    assert main([*db, "request", "write", erasure, "refusal", "-o", str(refusal),
                 "--reason", "Accounting Act: orders are kept six years"]) == 0  # fmt: skip
    letter_id = capsys.readouterr().out.split("archived as letter ")[1].split()[0]
    assert main([*db, "request", "sent", letter_id, "--by", "handed"]) == 0
    assert "by handed" in capsys.readouterr().out

    # Art. 19: one notice per recipient into a folder; a file is refused before anything.
    rect = str(world.requests[RequestKind.RECTIFICATION])
    assert main([*db, "request", "write", rect, "recipient_notice", "-o", str(ack)]) == 2
    folder = tmp_path / "notices"
    folder.mkdir()
    address = ["--recipient-address", RECIPIENT, "PL 200", "00601 HELSINKI"]
    assert main([*db, "request", "write", rect, "recipient_notice", "-o", str(folder),
                 *address]) == 0  # fmt: skip
    [notice] = folder.glob("*.pdf")
    first = pages(notice.read_bytes())[0]
    assert RECIPIENT in first and "00601 HELSINKI" in first

    # The cover letter writes the machine-readable copy beside it.
    port = str(world.requests[RequestKind.PORTABILITY])
    assert main([*db, "request", "write", port, "copy_cover", "-o", str(folder)]) == 0
    assert json.loads((folder / f"portability-{world.number}.json").read_text())["customer"]


def test_a_request_of_someone_not_a_customer(
    ds: DeskSession, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ["--db", str(db_path)]
    assert main([*db, "request", "add", "-", "access", "--name", OUTSIDER,
                 "--address", "Rantatie 3", "--address", "90100 OULU", "--json"]) == 0  # fmt: skip
    added = json.loads(capsys.readouterr().out)
    assert added["requester_name"] == OUTSIDER
    reply = tmp_path / "reply.pdf"
    assert main([*db, "request", "write", str(added["id"]), "no_data", "-o", str(reply)]) == 0
    first = pages(reply.read_bytes())[0]
    assert OUTSIDER in first and "90100 OULU" in first and "VASTAUS" in first
    assert main([*db, "request", "add", "-", "access"]) == 1  # no name, no address


def test_source_notices_list_and_batch(
    ds: DeskSession, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    world = build_world(ds)
    register_settings.set_value(ds, "contact_email", "")
    db = ["--db", str(db_path)]
    assert main([*db, "request", "source-notices", "--json"]) == 0
    [due] = json.loads(capsys.readouterr().out)
    assert due["customer"] == world.number and due["sources"] == ["update_service"]
    out = tmp_path / "art14"
    out.mkdir()
    assert main([*db, "request", "source-notices", "-o", str(out)]) == 0
    captured = capsys.readouterr()
    assert "1 notices written" in captured.out
    assert "contact_email" in captured.err  # an empty contact field is warned about
    [pdf] = out.glob("*.pdf")
    assert "Postin osoitteenmuutospalvelu" in "".join(pages(pdf.read_bytes()))
    assert main([*db, "request", "source-notices", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_notice_and_access_letter_warn_of_empty_contact_fields(
    ds: DeskSession, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    world = build_world(ds)
    db = ["--db", str(db_path)]
    assert main([*db, "report", "notice", "-o", str(tmp_path / "n.pdf")]) == 0
    assert "contact_email" in capsys.readouterr().err  # empty by default
    register_settings.set_many(
        ds,
        {
            "contact_email": "rekisteri@example.fi",
            "controller_email": "info@example.fi",
            "dpo_contact": "tietosuoja@example.fi",  # printed since Art. 13(1)(b)
        },
    )
    assert main([*db, "report", "access", world.number, "-o", str(tmp_path / "a.pdf")]) == 0
    assert "warning" not in capsys.readouterr().err


def test_consent_confirm_without_a_request(
    ds: DeskSession, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    world = build_world(ds)
    db = ["--db", str(db_path)]
    target = tmp_path / "vahvistus.pdf"
    assert main([*db, "consent", "confirm", world.number, "-o", str(target), "--lang", "sv",
                 "--sent-by", "post"]) == 0  # fmt: skip
    out = capsys.readouterr().out
    assert "archived as letter" in out and "recorded as sent by post" in out
    assert target.stat().st_mode & 0o777 == 0o600
    text = pages(target.read_bytes())[0]
    assert "BEKRÄFTELSE" in text and "direktreklam" in text
    letter_id = int(out.split("archived as letter ")[1].split()[0])
    assert requests.letter_pdf(ds, letter_id) == target.read_bytes()
    # A folder, or a file in a missing folder, is refused before anything is archived.
    assert main([*db, "consent", "confirm", world.number, "-o", str(tmp_path)]) == 2
    assert main([*db, "consent", "confirm", world.number, "-o",
                 str(tmp_path / "no" / "x.pdf")]) == 2  # fmt: skip
    # An unknown customer: one sentence, nothing written.
    capsys.readouterr()
    assert main([*db, "consent", "confirm", "999999", "-o", str(tmp_path / "y.pdf")]) == 1
    assert capsys.readouterr().err and not (tmp_path / "y.pdf").exists()


def test_a_damaged_customer_gets_no_notice_and_stops_no_other(
    ds: DeskSession, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.orders_factory import add_customer
    from tests.ui.test_search_model import damage

    world = build_world(ds)
    robot = add_customer(ds, "Vauriokas")
    damage(ds, robot)
    out = tmp_path / "art14"
    out.mkdir()
    code = main(["--db", str(db_path), "request", "source-notices", "-o", str(out),
                 "--customer", robot, "--customer", world.number])  # fmt: skip
    captured = capsys.readouterr()
    assert code == 1
    assert "1 notices written" in captured.out
    assert f"kkdesk: no notice for customers {robot}: their records are damaged" in captured.err
    [pdf] = out.glob("*.pdf")
    assert world.number in pdf.name
