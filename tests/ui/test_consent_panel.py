"""The "Prohibitions and consents" tab: no change without evidence, one event per change,
read-only for marketing."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLabel

from kkdesk.domain.consent import ConsentItem, Evidence
from kkdesk.domain.customer import CustomerDraft
from kkdesk.domain.enums import Channel, DataSource, Language
from kkdesk.domain.levels import Level
from kkdesk.services import consents, customers, requests, step_letters
from kkdesk.services.session import DeskSession, open_session
from kkdesk.ui import consent_panel
from kkdesk.ui.consent_panel import ConsentPanel, EvidenceDialog
from kkdesk.ui.tasks import TaskRunner
from tests.ui.conftest import COMPANY, MOTTONEN
from tests.unit.reports.pdftext import pages

LETTER = Evidence(date.today(), Channel.LETTER, "KIRJE-2025-17", "")


def number_of(ds: DeskSession, name: str) -> str:
    return customers.search(ds, name, limit=1).rows[0].number


def open_panel(qtbot: Any, ds: DeskSession, runner: TaskRunner, number: str) -> ConsentPanel:
    panel = ConsentPanel(ds, runner)
    qtbot.addWidget(panel)
    panel.show()
    panel.set_customer(customers.get(ds, number, purpose="customer_service"))
    assert panel.wait_loaded()
    return panel


def test_toggle_without_evidence_is_refused(
    qtbot: Any, desk_ds: DeskSession, runner: TaskRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    number = number_of(desk_ds, "Möttönen Matti")
    panel = open_panel(qtbot, desk_ds, runner, number)
    asked: list[tuple[ConsentItem, bool]] = []

    def cancel(_parent: object, item: ConsentItem, state: bool) -> None:
        asked.append((item, state))
        return None

    monkeypatch.setattr(consent_panel, "ask_evidence", cancel)
    toggle = panel.toggles[ConsentItem.DIRECT_MARKETING]
    assert toggle.isEnabled() and not toggle.isChecked()
    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)
    assert panel.wait_loaded()
    assert asked == [(ConsentItem.DIRECT_MARKETING, True)]
    assert not toggle.isChecked()
    assert consents.history(desk_ds, number) == ()


def test_evidence_dialog_cannot_be_saved_without_evidence(qtbot: Any, english: object) -> None:
    dialog = EvidenceDialog(ConsentItem.GENEALOGY, True)
    qtbot.addWidget(dialog)
    assert not dialog.save_button.isEnabled()  # no channel, no reference yet
    dialog.channel.setCurrentIndex(dialog.channel.findData(Channel.LETTER.value))
    assert not dialog.save_button.isEnabled()
    dialog.reference.setText("KIRJE-1")
    assert dialog.save_button.isEnabled()
    dialog.received.setText("")
    assert not dialog.save_button.isEnabled()
    dialog.accept()  # Enter in a field: still refused, and says why
    assert dialog.result() != EvidenceDialog.DialogCode.Accepted
    assert dialog.problem.text() == "Received on: Required."
    dialog.received.setText("2024-05-02")
    assert dialog.evidence() == Evidence(date(2024, 5, 2), Channel.LETTER, "KIRJE-1", "")


def test_toggle_with_evidence_writes_one_event_and_updates_the_view(
    qtbot: Any, desk_ds: DeskSession, runner: TaskRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    number = number_of(desk_ds, "Möttönen Matti")
    panel = open_panel(qtbot, desk_ds, runner, number)
    monkeypatch.setattr(consent_panel, "ask_evidence", lambda *_: LETTER)
    toggle = panel.toggles[ConsentItem.EMAIL_MARKETING]
    with qtbot.waitSignal(panel.event_recorded, timeout=10000):
        qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)
    assert panel.wait_loaded()
    history = consents.history(desk_ds, number)
    assert len(history) == 1
    assert (history[0].item, history[0].state, history[0].document_ref) == (
        ConsentItem.EMAIL_MARKETING,
        True,
        "KIRJE-2025-17",
    )
    assert toggle.isChecked()
    assert "KIRJE-2025-17" in panel.evidence_labels[ConsentItem.EMAIL_MARKETING].text()
    assert panel.table.rowCount() == 1
    assert panel.table.item(0, 4).text() == "KIRJE-2025-17"


def test_marketing_sees_but_cannot_change(
    qtbot: Any, desk_ds: DeskSession, runner: TaskRunner
) -> None:
    number = number_of(desk_ds, "Möttönen Matti")
    consents.record(desk_ds, number, ConsentItem.GENEALOGY, True, LETTER)
    marketing = DeskSession(desk_ds.db, Level.MARKETING)
    panel = open_panel(qtbot, marketing, runner, number)
    toggle = panel.toggles[ConsentItem.GENEALOGY]
    assert toggle.isChecked()
    assert all(not t.isEnabled() for t in panel.toggles.values())
    assert toggle.toolTip()
    assert panel.table.rowCount() == 1


def test_contact_person_has_own_toggles(
    qtbot: Any, desk_ds: DeskSession, runner: TaskRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    number = number_of(desk_ds, COMPANY.company_name)
    panel = open_panel(qtbot, desk_ds, runner, number)
    assert panel.person.count() == 2
    panel.person.setCurrentIndex(1)
    monkeypatch.setattr(consent_panel, "ask_evidence", lambda *_: LETTER)
    with qtbot.waitSignal(panel.event_recorded, timeout=10000):
        qtbot.mouseClick(panel.toggles[ConsentItem.OBJECTION], Qt.MouseButton.LeftButton)
    assert panel.wait_loaded()
    assert panel.person.currentIndex() == 1
    assert panel.toggles[ConsentItem.OBJECTION].isChecked()
    persons = consents.load(desk_ds, number)
    assert not persons[0].state[ConsentItem.OBJECTION]
    assert persons[1].state[ConsentItem.OBJECTION]
    assert MOTTONEN.surname  # the fixture's people are there


def test_evidence_dialog_is_keyboard_usable(qtbot: Any, english: object) -> None:
    dialog = EvidenceDialog(ConsentItem.OBJECTION, True)
    qtbot.addWidget(dialog)
    dialog.show()
    # Every field has a label with its own Alt+letter, pointing at the field.
    buddies = {
        label.text(): label.buddy()
        for label in dialog.findChildren(QLabel)
        if label.buddy() is not None
    }
    assert buddies == {
        "&Received on:": dialog.received,
        "Received &by:": dialog.channel,
        "&Document reference:": dialog.reference,
        "&Note (optional):": dialog.note,
    }
    keys = [QKeySequence.mnemonic(text).toString() for text in buddies]
    assert keys == ["Alt+R", "Alt+B", "Alt+D", "Alt+N"]
    assert all(w.accessibleName() for w in buddies.values())
    # Tab goes through the fields in the order they read; Tab leaves the note.
    chain, widget = [], dialog.received
    while widget is not dialog.save_button and len(chain) < 20:
        chain.append(widget)
        widget = widget.nextInFocusChain()
    fields = [w for w in chain if w in buddies.values()]
    assert fields == [dialog.received, dialog.channel, dialog.reference, dialog.note]
    assert dialog.note.tabChangesFocus()
    # The date is today's already: the first thing to choose is how it came.
    assert dialog.focusWidget() is dialog.channel
    assert "Objection to direct marketing" in dialog.findChild(QLabel, "intro").text()
    # Enter without the evidence is refused and says what is missing.
    qtbot.keyClick(dialog.channel, Qt.Key.Key_Return)
    assert dialog.isVisible() and "Document reference" in dialog.problem.text()
    dialog.channel.setCurrentIndex(dialog.channel.findData(Channel.EMAIL.value))
    qtbot.keyClicks(dialog.reference, "SP-2025-117")
    assert dialog.save_button.isEnabled() and dialog.problem.text() == ""
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        qtbot.keyClick(dialog.reference, Qt.Key.Key_Return)
    assert dialog.evidence() == Evidence(date.today(), Channel.EMAIL, "SP-2025-117", "")


def test_evidence_dialog_names_a_bad_date(qtbot: Any, english: object) -> None:
    dialog = EvidenceDialog(ConsentItem.GENEALOGY, False)
    qtbot.addWidget(dialog)
    assert dialog.problem.text() == ""  # nothing nagging before the user starts
    dialog.channel.setCurrentIndex(dialog.channel.findData(Channel.LETTER.value))
    dialog.reference.setText("K-1")
    qtbot.keyClicks(dialog.received, "x")
    assert not dialog.save_button.isEnabled()
    assert dialog.problem.text().startswith("Received on: Not a date")


def test_history_says_what_each_change_meant(
    qtbot: Any, desk_ds: DeskSession, runner: TaskRunner, english: object
) -> None:
    number = number_of(desk_ds, "Möttönen Matti")
    consents.record(desk_ds, number, ConsentItem.EMAIL_MARKETING, True, LETTER)
    consents.record(desk_ds, number, ConsentItem.EMAIL_MARKETING, False, LETTER)
    consents.record(desk_ds, number, ConsentItem.MARKET_RESEARCH, True, LETTER)
    panel = open_panel(qtbot, desk_ds, runner, number)
    rows = [
        (panel.table.item(r, 1).text(), panel.table.item(r, 2).text())
        for r in range(panel.table.rowCount())
    ]
    assert sorted(rows) == [
        ("Consent to e-mail marketing", "given"),
        ("Consent to e-mail marketing", "withdrawn"),
        ("Market and opinion research", "prohibited"),
    ]
    label = panel.evidence_labels[ConsentItem.EMAIL_MARKETING].text()
    assert label.startswith("withdrawn since ") and "KIRJE-2025-17" in label
    assert panel.evidence_labels[ConsentItem.GENEALOGY].text() == "never recorded"
    assert not panel.person.isVisibleTo(panel)  # one person: no choice to make


def test_suppression_by_another_record_is_shown(
    qtbot: Any, desk_ds: DeskSession, runner: TaskRunner, english: object
) -> None:
    number = number_of(desk_ds, "Möttönen Matti")
    # The same person again, as a new record with the same e-mail address, objects.
    again = customers.create(
        desk_ds,
        CustomerDraft(surname="Möttönen", first_names="Matti", email=MOTTONEN.email),
        source=DataSource.CUSTOMER_EMAIL,
    ).number
    consents.record(desk_ds, again, ConsentItem.OBJECTION, True, LETTER)
    panel = open_panel(qtbot, desk_ds, runner, number)
    assert not panel.toggles[ConsentItem.OBJECTION].isChecked()  # not his own statement
    assert panel.elsewhere.isVisibleTo(panel)
    assert "Objection to direct marketing" in panel.elsewhere.text()


def test_a_change_is_audited_with_the_purpose_chosen_in_the_toolbar(
    qtbot: Any, window: Any, desk_ds: DeskSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kkdesk.domain.enums import AuditAction, Purpose
    from kkdesk.services import audit

    number = number_of(desk_ds, "Möttönen Matti")
    window.purpose.setCurrentIndex(window.purpose.findData(Purpose.MARKETING.value))
    window.view.open_number(number)
    qtbot.waitUntil(lambda: window.view.customer is not None, timeout=10000)
    [panel] = [p for p in window.view.panels if isinstance(p, ConsentPanel)]
    assert panel.wait_loaded()
    monkeypatch.setattr(consent_panel, "ask_evidence", lambda *_: LETTER)
    with qtbot.waitSignal(panel.event_recorded, timeout=10000):
        qtbot.mouseClick(panel.toggles[ConsentItem.GENEALOGY], Qt.MouseButton.LeftButton)
    changes = [e for e in audit.trail(desk_ds, number) if e.action == AuditAction.CONSENT.value]
    assert changes and changes[0].purpose == Purpose.MARKETING.value


def test_the_tab_states_what_is_allowed_now_and_why(
    qtbot: Any, desk_ds: DeskSession, runner: TaskRunner, english: object
) -> None:
    from kkdesk.domain.consent import MarketingChannel, MarketingPurpose

    number = number_of(desk_ds, "Möttönen Matti")
    consents.record(
        desk_ds,
        number,
        ConsentItem.EMAIL_MARKETING,
        True,
        Evidence(date(2026, 1, 2), Channel.WEBSHOP, "WEB-1", ""),
    )
    panel = open_panel(qtbot, desk_ds, runner, number)
    e, ads = MarketingChannel.EMAIL, MarketingPurpose.DIRECT_ADVERTISING
    assert panel.verdict_text(ads, e) == (
        "E-mail, Direct advertising: allowed — consent given on 02/01/2026"
    )
    assert "not allowed — no consent given" in panel.verdict_text(ads, MarketingChannel.SMS)
    assert "allowed — not prohibited" in panel.verdict_text(ads, MarketingChannel.POST)

    consents.record(
        desk_ds,
        number,
        ConsentItem.OBJECTION,
        True,
        Evidence(date(2026, 10, 5), Channel.LETTER, "KIRJE-9", ""),
    )
    panel.set_customer(customers.get(desk_ds, number, purpose="customer_service"))
    assert panel.wait_loaded()
    assert panel.verdict_text(ads, e) == (
        "E-mail, Direct advertising: not allowed — objection to direct marketing in force "
        "since 05/10/2026"
    )
    for purpose in MarketingPurpose:
        for channel in MarketingChannel:
            assert "not allowed — objection" in panel.verdict_text(purpose, channel)


def test_confirmation_letter_without_a_request(
    qtbot: Any,
    desk_ds: DeskSession,
    runner: TaskRunner,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    english: object,
) -> None:
    """The button asks the language and the file, makes the letter off the GUI thread
    (forced slow: the button waits disabled) and archives it on the customer."""
    number = number_of(desk_ds, "Möttönen Matti")
    consents.record(desk_ds, number, ConsentItem.DIRECT_ADVERTISING, True, LETTER)
    panel = open_panel(qtbot, desk_ds, runner, number)
    assert panel.confirm_button.isEnabled()
    target = tmp_path / "vahvistus.pdf"
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("Swedish", True))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    made = step_letters.generate
    release = threading.Event()

    def slow(*args: Any, **kwargs: Any) -> Any:
        release.wait(5)
        return made(*args, **kwargs)

    monkeypatch.setattr(step_letters, "generate", slow)
    qtbot.mouseClick(panel.confirm_button, Qt.MouseButton.LeftButton)
    assert not panel.confirm_button.isEnabled() and not target.exists()
    release.set()
    assert panel.wait_loaded()
    assert panel.confirm_button.isEnabled()
    assert target.stat().st_mode & 0o777 == 0o600
    text = pages(target.read_bytes())[0]
    assert "BEKRÄFTELSE" in text and "direktreklam" in text
    letter_id = int(panel.status.text().rsplit(" ", 1)[1].rstrip("."))
    assert requests.letter_pdf(desk_ds, letter_id) == target.read_bytes()


def test_confirmation_letter_of_nothing_says_so(
    qtbot: Any, desk_ds: DeskSession, runner: TaskRunner, tmp_path: Path, english: object
) -> None:
    quiet = customers.create(
        desk_ds,
        CustomerDraft(surname="Hiljainen", first_names="Hilla", street="Kuja 2",
                      postal_code="40100", post_office="JYVÄSKYLÄ"),
        source=DataSource.CUSTOMER_PHONE,
    )  # fmt: skip
    panel = open_panel(qtbot, desk_ds, runner, quiet.number)
    panel.save_confirmation(tmp_path / "x.pdf", Language.FI)
    assert panel.wait_loaded()
    assert panel.status.text().startswith("Nothing to confirm")
    assert not (tmp_path / "x.pdf").exists()


def test_a_change_made_meanwhile_by_someone_else_is_told_and_the_new_state_shown(
    qtbot: Any,
    desk_ds: DeskSession,
    runner: TaskRunner,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    english: object,
) -> None:
    number = number_of(desk_ds, "Möttönen Matti")
    panel = open_panel(qtbot, desk_ds, runner, number)
    # A second user on the same register file (a session of their own) objects to direct
    # marketing while this desk still shows the state without it.
    other = open_session(str(tmp_path / "desk.sqlite3"), level=Level.ADMIN)
    try:
        theirs = consents.record(other, number, ConsentItem.OBJECTION, True, LETTER)
    finally:
        other.close()
    monkeypatch.setattr(consent_panel, "ask_evidence", lambda *_: LETTER)
    toggle = panel.toggles[ConsentItem.EMAIL_MARKETING]
    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "The current state is shown below." in panel.status.text())
    assert panel.wait_loaded()
    assert "Someone else changed these consents just now" in panel.status.text()
    assert [e.id for e in consents.history(desk_ds, number)] == [theirs.id]  # nothing of ours
    assert not toggle.isChecked()
    assert panel.toggles[ConsentItem.OBJECTION].isChecked()  # the state in force now
    assert panel.table.rowCount() == 1
    # Decided again on the state shown now, the same change is recorded.
    with qtbot.waitSignal(panel.event_recorded, timeout=10000):
        qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)
    assert panel.wait_loaded()
    assert len(consents.history(desk_ds, number)) == 2
    assert toggle.isChecked()
