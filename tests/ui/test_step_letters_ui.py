"""The desk's letters of a request's steps (preview, save, record the sending), the Art. 14
notices batch, requests of people who are not customers, and the register settings
editor (load, edit, validate, save, warn of empty contact fields)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kkdesk.domain.letters import LetterKind
from kkdesk.domain.levels import Level
from kkdesk.domain.subject_requests import RequestKind
from kkdesk.services import register_settings, requests, step_letters
from kkdesk.services.session import DeskSession, open_session
from kkdesk.ui.register_settings_dialog import RegisterSettingsDialog
from kkdesk.ui.requests_view import NewRequestDialog, RequestsWindow
from kkdesk.ui.step_letter_dialog import StepLetterDialog
from kkdesk.ui.tasks import TaskRunner
from tests.step_factory import RECIPIENT, build_world
from tests.ui.test_i18n import _clashes, i18n_dir, language  # noqa: F401 (fixtures)
from tests.unit.reports.pdftext import pages


def test_letters_of_a_request_preview_save_and_sending(
    qtbot: Any, ds: DeskSession, runner: TaskRunner, tmp_path: Path
) -> None:
    world = build_world(ds)
    request = requests.get(ds, world.requests[RequestKind.RECTIFICATION])
    dialog = StepLetterDialog(ds, runner, request)
    qtbot.addWidget(dialog)
    kinds = [dialog.kind.itemData(i) for i in range(dialog.kind.count())]
    assert "recipient_notice" in kinds and "no_data" not in kinds and "copy_cover" not in kinds
    runner.wait_idle(20000)
    assert "Preview: 1 page" in dialog.status.text()
    assert not dialog.page.pixmap().isNull()
    assert "e-mail" in dialog.warning.text()  # the default settings have no contact e-mail

    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    runner.wait_idle(20000)
    target = tmp_path / "ack.pdf"
    dialog.save_to(target)
    runner.wait_idle(20000)
    assert "ACKNOWLEDGEMENT" in pages(target.read_bytes())[0]
    assert dialog.letters.rowCount() == 1
    assert dialog.letters.data(dialog.letters.index(0, 4)) == "not recorded"

    dialog.table.selectRow(0)
    letter = dialog.selected_letter()
    assert letter is not None
    dialog.record_sending_of(letter.id, "email", requests.today())
    runner.wait_idle(20000)
    assert "By e-mail" in dialog.letters.data(dialog.letters.index(0, 4))
    [stored] = requests.get(ds, request.id).letters
    assert stored.sent_via == "email" and stored.language == "en"

    # Art. 19: one notice per recipient into a folder.
    dialog.kind.setCurrentIndex(dialog.kind.findData(LetterKind.RECIPIENT_NOTICE.value))
    runner.wait_idle(20000)
    dialog.save_to(tmp_path)
    runner.wait_idle(20000)
    [notice] = [p for p in tmp_path.glob("*.pdf") if p.name != "ack.pdf"]
    assert RECIPIENT in pages(notice.read_bytes())[0]


def test_a_refusal_waits_for_its_reasons(qtbot: Any, ds: DeskSession, runner: TaskRunner) -> None:
    world = build_world(ds)
    dialog = StepLetterDialog(ds, runner, requests.get(ds, world.requests[RequestKind.ERASURE]))
    qtbot.addWidget(dialog)
    runner.wait_idle(20000)
    dialog.kind.setCurrentIndex(dialog.kind.findData(LetterKind.REFUSAL.value))
    runner.wait_idle(20000)
    assert dialog.status.text() == "Write the reasons the letter gives."
    dialog.reason.setPlainText("Accounting Act: orders are kept for six years")
    dialog.refresh()
    runner.wait_idle(20000)
    assert "Preview" in dialog.status.text()


def test_non_customer_request_from_the_new_request_dialog(qtbot: Any) -> None:
    dialog = NewRequestDialog()
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.requester_name.setText("Olli Ulkopuolinen")
    dialog.requester_address.setPlainText("Rantatie 3\n90100 OULU")
    assert ok.isEnabled()
    values = dialog.values()
    assert values["number"] == "" and values["requester_name"] == "Olli Ulkopuolinen"
    assert values["requester_address"] == "Rantatie 3\n90100 OULU"


def test_source_notices_batch_from_the_requests_window(
    qtbot: Any, ds: DeskSession, runner: TaskRunner, tmp_path: Path
) -> None:
    world = build_world(ds)
    window = RequestsWindow(ds, runner)
    qtbot.addWidget(window)
    runner.wait_idle(20000)
    assert window.requests.notices_button.isVisible() or not window.isVisible()
    window.requests.generate_source_notices(tmp_path, [world.number])
    runner.wait_idle(30000)
    qtbot.waitUntil(lambda: "written" in window.requests.status.text(), timeout=10000)
    [pdf] = tmp_path.glob("*.pdf")
    assert world.number in pdf.name and "source_notice" in pdf.name
    assert step_letters.source_notices_due(ds) == []


def test_register_settings_editor_saves_validates_and_warns(
    qtbot: Any, ds: DeskSession, runner: TaskRunner
) -> None:
    dialog = RegisterSettingsDialog(ds, runner)
    qtbot.addWidget(dialog)
    runner.wait_idle(20000)
    assert "Contact person's e-mail" in dialog.warning.text()
    assert not dialog.save_button.isEnabled()  # nothing changed yet

    dialog.select("contact_email")
    editor = dialog.editors["contact_email"]
    editor.edit.setText("rekisteri@example.fi")  # type: ignore[attr-defined]
    editor.edited()
    assert "Contact person's e-mail" not in dialog.warning.text()
    names = dialog.editors["authority_name"]
    names.edits[1].setText("Dataombudsmannens byrå (test)")  # type: ignore[attr-defined]
    names.edited()
    purposes = dialog.editors["purposes"]
    purposes.table.item(0, 2).setText("Customer care")  # type: ignore[attr-defined]
    assert set(dialog.changes()) == {"contact_email", "authority_name", "purposes"}
    dialog.save()
    runner.wait_idle(20000)
    assert dialog.status.text() == "Saved 3 setting(s)."
    info = register_settings.get(ds)
    assert info.contact_email == "rekisteri@example.fi"
    assert info.authority_name.sv == "Dataombudsmannens byrå (test)"
    assert info.purposes[0].purpose.en == "Customer care"
    assert dialog.changes() == {}
    assert "by" in dialog.stored.text() or dialog.current_key() != "contact_email"

    # A refused value: nothing is stored, the field is shown, the message says why.
    dialog.select("contact_name")
    dialog.editors["controller_name"].edit.setText("")  # type: ignore[attr-defined]
    dialog.editors["contact_name"].edit.setText("Maija")  # type: ignore[attr-defined]
    dialog._on_edited()
    dialog.save()
    runner.wait_idle(20000)
    assert "Nothing was saved" in dialog.status.text() and "Controller" in dialog.status.text()
    assert dialog.current_key() == "controller_name"
    assert register_settings.get(ds).contact_name != "Maija"


def test_register_settings_are_read_only_below_admin(
    qtbot: Any, ds: DeskSession, db_path: Path, runner: TaskRunner
) -> None:
    privacy = open_session(str(db_path), level=Level.PRIVACY)
    try:
        dialog = RegisterSettingsDialog(privacy, runner)
        qtbot.addWidget(dialog)
        runner.wait_idle(20000)
        assert not dialog.save_button.isEnabled()
        assert not dialog.editors["contact_name"].isEnabled()
        assert "administrator" in dialog.status.text()
    finally:
        runner.wait_idle(20000)
        privacy.close()


def test_access_letter_dialog_shows_empty_contact_fields(
    qtbot: Any, ds: DeskSession, runner: TaskRunner
) -> None:
    from kkdesk.ui.letter_dialog import LetterDialog

    world = build_world(ds)
    dialog = LetterDialog(ds, runner, world.number)
    qtbot.addWidget(dialog)
    runner.wait_idle(20000)
    assert "Contact person's e-mail" in dialog.contact_warning.text()
    register_settings.set_many(
        ds,
        {
            "contact_email": "rekisteri@example.fi",
            "controller_email": "info@example.fi",
            "dpo_contact": "tietosuoja@example.fi",  # printed since Art. 13(1)(b)
        },
    )
    dialog.refresh()
    runner.wait_idle(20000)
    assert dialog.contact_warning.text() == ""


@pytest.mark.parametrize("language", ["en", "fi", "sv"], indirect=True)
def test_alt_letters_of_the_new_dialogs_are_unique(
    qtbot: Any,
    language: str,  # noqa: F811 (the fixture imported above, parametrised)
    ds: DeskSession,
    runner: TaskRunner,
) -> None:
    world = build_world(ds)
    request = requests.get(ds, world.requests[RequestKind.RECTIFICATION])
    letters = StepLetterDialog(ds, runner, request)
    settings = RegisterSettingsDialog(ds, runner)
    for dialog in (letters, settings):
        qtbot.addWidget(dialog)
        dialog.show()
    runner.wait_idle(20000)
    screens = []
    for kind in (LetterKind.REFUSAL, LetterKind.IDENTIFICATION, LetterKind.RECIPIENT_NOTICE):
        letters.kind.setCurrentIndex(letters.kind.findData(kind.value))
        screens.append((kind.value, _clashes(letters)))
    for key in ("purposes", "contact_name", "letters_name_staff"):
        settings.select(key)
        screens.append((key, _clashes(settings)))
    runner.wait_idle(20000)
    assert [s for s in screens if s[1]] == []


def test_an_extension_reminds_of_its_notice(
    qtbot: Any, ds: DeskSession, runner: TaskRunner
) -> None:
    world = build_world(ds)
    window = RequestsWindow(ds, runner)
    qtbot.addWidget(window)
    runner.wait_idle(20000)
    extended = requests.extend(ds, world.requests[RequestKind.ERASURE], "Linked records")
    window.requests._on_extended(extended)
    runner.wait_idle(20000)
    assert "send the extension notice" in window.requests.status.text()
