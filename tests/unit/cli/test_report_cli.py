"""The ``report``, ``request``, ``register`` and ``export portability`` commands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kkdesk.cli import main
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
