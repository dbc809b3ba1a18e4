"""The "Audit trail" tab: privacy and admin see the rows; other levels see why not."""

from __future__ import annotations

from typing import Any

from kkdesk.domain.enums import Purpose
from kkdesk.domain.levels import Level
from kkdesk.services import customers
from kkdesk.services.session import DeskSession
from kkdesk.ui.audit_view import AuditModel, AuditPanel
from kkdesk.ui.tasks import TaskRunner


def test_privacy_sees_the_trail(
    qtbot: Any, desk_ds: DeskSession, runner: TaskRunner, english: Any
) -> None:
    number = customers.search(desk_ds, "Möttönen", limit=1).rows[0].number
    opened = customers.get(desk_ds, number, purpose=Purpose.SUBJECT_REQUEST)
    privacy = DeskSession(desk_ds.db, Level.PRIVACY)
    panel = AuditPanel(privacy, runner)
    qtbot.addWidget(panel)
    assert panel.title() == "Audit trail"
    panel.set_customer(opened)
    runner.wait_idle()
    model = panel.model
    assert model.rowCount() >= 2
    first = [model.data(model.index(0, c)) for c in range(model.columnCount())]
    assert first[1] == desk_ds.user
    assert first[2] == "Opened"
    assert first[3] == "Data subject's request"
    panel.set_customer(None)
    assert model.rowCount() == 0


def test_a_change_made_outside_the_desk_is_explained(qapp: Any, english: Any) -> None:
    from datetime import UTC, datetime

    from kkdesk.services.audit import AuditEntry

    model = AuditModel()
    model.set_rows(
        (
            AuditEntry(
                datetime(2026, 11, 24, tzinfo=UTC),
                "pekka",
                "1000017",
                "update",
                "",
                "recorded by the database: update on contact_person",
            ),
        )
    )
    row = [model.data(model.index(0, c)) for c in range(model.columnCount())]
    assert row[2:] == ["Changed", "—", "Changed outside the desk: contact person"]


def test_other_levels_are_told_why(
    qtbot: Any, desk_ds: DeskSession, runner: TaskRunner, english: Any
) -> None:
    panel = AuditPanel(DeskSession(desk_ds.db, Level.CLERK), runner)
    qtbot.addWidget(panel)
    number = customers.search(desk_ds, "Möttönen", limit=1).rows[0].number
    panel.set_customer(customers.get(desk_ds, number, purpose=Purpose.CUSTOMER_SERVICE))
    runner.wait_idle()
    assert not panel.table.isEnabled() and panel.table.isHidden()
    text = panel.status.text()
    assert "Privacy officer" in text and "Administrator" in text and "Clerk" in text
    assert panel.model.rowCount() == 0
    assert isinstance(panel.model, AuditModel)


def test_details_are_said_in_words_not_raw_keys(
    qtbot: Any, desk_ds: DeskSession, runner: TaskRunner, english: Any
) -> None:
    """Real services write the details; the tab says each one in the user's language."""
    from datetime import timedelta

    from kkdesk.domain.consent import ConsentItem, Evidence
    from kkdesk.domain.enums import Channel
    from kkdesk.services import access_report, consents, requests

    number = customers.search(desk_ds, "Möttönen", limit=1).rows[0].number
    day = consents.today()
    consents.record(desk_ds, number, ConsentItem.EMAIL_MARKETING, False,
                    Evidence(day, Channel.EMAIL, "K-2026/17"))  # fmt: skip
    consents.record(desk_ds, number, ConsentItem.DIRECT_ADVERTISING, True,
                    Evidence(day, Channel.LETTER, "scan 4"))  # fmt: skip
    request = requests.add(desk_ds, number, "access", received_on=day - timedelta(days=1),
                           channel="letter", identity_method="ID card")  # fmt: skip
    requests.extend(desk_ds, request.id, "Many records")
    access_report.generate(desk_ds, number, request_id=request.id, language="fi")
    requests.close(desk_ds, request.id, note="sent")

    panel = AuditPanel(desk_ds, runner)
    qtbot.addWidget(panel)
    panel.set_customer(customers.get(desk_ds, number, purpose=Purpose.SUBJECT_REQUEST))
    runner.wait_idle()
    model = panel.model
    details = [model.data(model.index(row, 4)) for row in range(model.rowCount())]
    assert "Consent to e-mail marketing: withdrawn, reference K-2026/17" in details
    assert "Direct advertising: prohibited, reference scan 4" in details
    rid = request.id
    assert f"Data-subject request {rid} registered: Access (Art. 15)" in details
    assert f"Data-subject request {rid} extended by two months" in details
    assert f"Data-subject request {rid} closed as done" in details
    [letter] = [d for d in details if d.startswith(f"Data-subject request {rid}: ")]
    assert letter.startswith(f"Data-subject request {rid}: Access letter (suomi), ")
    assert " page" in letter and "SHA-256" in letter and "sha256" not in letter
    assert not [d for d in details if "=" in d or " ref " in d]  # no raw key left


def test_every_detail_the_services_write_has_words(qapp: Any, english: Any) -> None:
    from kkdesk.ui.audit_view import detail_label

    said = {
        "sms_marketing=on contact 12 ref L-3": "Consent to SMS marketing: given, "
        "contact person 12, reference L-3",
        "disclosure 5 to Perintätoimisto Oy": "Disclosure 5 to Perintätoimisto Oy",
        "order W-1: return R00000001 of 1 item(s)": "Order W-1: return R00000001 of 1 item",
        "order W-1: return R00000002 of 3 item(s)": "Order W-1: return R00000002 of 3 items",
        "order W-1: delivery 7 marked delivered": "Order W-1: delivery 7 marked delivered",
        "subject request 4 refused": "Data-subject request 4 refused",
        "access letter sv, 1 pages, sha256 0123456789abcdef": "Access letter (svenska), "
        "1 page, SHA-256 0123456789abcdef…",
        "portability copy (Art. 20)": "Portability copy (Art. 20)",
        "access letter preview": "Access letter previewed",
        "record": "The whole record read",
        "": "",
        "nobody knows=this": "nobody knows=this",  # unknown shapes are shown as they are
        "bogus_item=on ref x": "bogus_item=on ref x",
    }
    assert {raw: detail_label(raw) for raw in said} == said


def test_details_speak_finnish(qapp: Any, tmp_path: Any) -> None:
    import subprocess

    from kkdesk.ui import i18n
    from kkdesk.ui.audit_view import detail_label
    from tests.ui.test_i18n import _lrelease

    src = i18n.i18n_dir() / "kkdesk_fi.ts"
    subprocess.run([_lrelease(), "-silent", str(src), "-qm", str(tmp_path / "kkdesk_fi.qm")],
                   check=True)  # fmt: skip
    translations = i18n.Translations(tmp_path)
    try:
        assert translations.install("fi") == "fi"
        said = detail_label("email_marketing=off ref K-17")
        assert said == "Suostumus sähköpostimarkkinointiin: peruttu, viite K-17"
        assert detail_label("subject request 3 (erasure)").startswith("Rekisteröidyn pyyntö 3")
    finally:
        translations.install("en")


def test_reads_collected_from_the_server_log_have_a_label_in_every_language(english) -> None:
    # The server writes the purpose "outside_kkdesk" (migration 0011); the audit tab must
    # name it in words, not show the code.
    from kkdesk.ui.labels import OUTSIDE_KKDESK, purpose_label

    expected = {
        "en": "Read directly from the database, outside kkdesk",
        "fi": "Luettu suoraan tietokannasta kkdeskin ulkopuolella",
        "sv": "Läst direkt ur databasen utanför kkdesk",
    }
    for lang, text in expected.items():
        english.install(lang)
        assert purpose_label(OUTSIDE_KKDESK) == text


def test_order_steps_and_corrections_have_words(qapp: Any, english: Any) -> None:
    from kkdesk.ui.audit_view import detail_label

    said = {
        "order W-1: return R00000001 received": "Order W-1: return R00000001 marked received",
        "order W-1: return R00000001 refunded": "Order W-1: return R00000001 refunded",
        "order W-1: correction 4 of delivered (delivery 7)": (
            "Order W-1: delivery 7 corrected (correction 4)"
        ),
        "order W-1: correction 5 of return_received (return R00000001)": (
            "Order W-1: receipt of return R00000001 corrected (correction 5)"
        ),
        "order W-1: correction 6 of return_refunded (return R00000001)": (
            "Order W-1: refund of return R00000001 corrected (correction 6)"
        ),
    }
    assert {raw: detail_label(raw) for raw in said} == said
