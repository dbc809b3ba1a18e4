"""The desk driven through its real widgets: search, open, edit, save, and the guards."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLineEdit

from kkdesk.domain.enums import CustomerType, DataSource
from kkdesk.services import customers
from kkdesk.services.session import DeskSession
from kkdesk.ui import dialogs
from kkdesk.ui.main_window import MainWindow
from kkdesk.ui.tasks import TaskRunner
from tests.ui.conftest import find
from tests.ui.helpers import answer_source, settle, type_search, type_text


def _open_mottonen(qtbot: Any, win: MainWindow) -> None:
    type_search(qtbot, win, "mott")
    qtbot.keyClick(win.search.edit, Qt.Key.Key_Down)
    assert win.search.table.hasFocus()
    row = win.search.model.row_of(win.search.current_summary().id)  # type: ignore[union-attr]
    names = [win.search.model.summary_at(i).name for i in range(win.search.model.rowCount())]  # type: ignore[union-attr]
    target = names.index("Möttönen Matti Juhani")
    win.search.table.setCurrentIndex(win.search.model.index(target, 0))
    assert row >= 0
    qtbot.keyClick(win.search.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.view.customer is not None, timeout=10000)
    assert win.view.customer.surname == "Möttönen"  # type: ignore[union-attr]


def _edit(qtbot: Any, win: MainWindow, field: str, text: str) -> QLineEdit:
    editor = win.view.form.fields.editors[field]
    assert isinstance(editor, QLineEdit)
    editor.setFocus()
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    type_text(qtbot, editor, text)
    return editor


def test_search_field_has_focus_on_start(window: MainWindow) -> None:
    assert window.focusWidget() is window.search.edit


def test_search_open_edit_invalid_then_valid_save_persists(
    qtbot: Any, window: MainWindow, desk_ds: DeskSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = answer_source(monkeypatch, DataSource.CUSTOMER_EMAIL)
    _open_mottonen(qtbot, window)
    form = window.view.form
    assert not form.is_dirty() and not window.save_action.isEnabled()

    _edit(qtbot, window, "email", "matti@")
    assert form.field_errors()["email"].startswith("Not an e-mail address")
    assert form.is_dirty()
    assert not form.save_button.isEnabled() and not window.save_action.isEnabled()

    _edit(qtbot, window, "email", "matti.m@example.fi")
    assert "email" not in form.field_errors()
    assert form.save_button.isEnabled() and window.save_action.isEnabled()
    assert window.windowTitle().startswith("kkdesk — Möttönen Matti Juhani *")

    with qtbot.waitSignal(form.saved, timeout=10000):
        window.save_action.trigger()
    assert [(c.old, c.new) for c in asked[0]] == [
        ("matti.mottonen@example.fi", "matti.m@example.fi")
    ]
    stored = find(desk_ds, "möttönen matti")
    assert stored.email == "matti.m@example.fi"
    assert stored.sources["email"] is DataSource.CUSTOMER_EMAIL
    assert not form.is_dirty() and not window.save_action.isEnabled()
    # The history tab shows the change once it has loaded.
    settle(window)
    history = window.view.panels[0]
    texts = [history.model.data(history.model.index(r, 4)) for r in range(history.model.rowCount())]
    assert "matti.m@example.fi" in texts


def test_phone_typed_in_any_format_is_stored_in_e164(
    qtbot: Any, window: MainWindow, desk_ds: DeskSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer_source(monkeypatch)
    _open_mottonen(qtbot, window)
    _edit(qtbot, window, "phone_home", "(09) 765 4321")
    with qtbot.waitSignal(window.view.form.saved, timeout=10000):
        window.save()
    assert find(desk_ds, "möttönen matti").phone_home == "+35897654321"


def test_unsaved_changes_guard_on_switch_and_close(
    qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    _open_mottonen(qtbot, window)
    _edit(qtbot, window, "street", "Uusi katu 5")
    answers: list[bool] = []
    monkeypatch.setattr(dialogs, "confirm_discard", lambda _p, what: answers.append(what) or False)

    window.new_customer(CustomerType.COMPANY)  # refused: the user keeps editing
    assert answers == ["Möttönen Matti Juhani"]
    assert window.view.customer is not None and window.view.form.is_dirty()
    assert window.view.form.fields.value("street") == "Uusi katu 5"
    assert not window.close()  # closing is refused as well
    assert window.isVisible()

    monkeypatch.setattr(dialogs, "confirm_discard", lambda _p, _what: True)
    window.new_customer(CustomerType.COMPANY)
    assert window.view.customer is None and window.view.form.customer_type is CustomerType.COMPANY
    assert not window.view.form.is_dirty()


def test_concurrent_edit_keeps_input_and_names_who_changed_it(
    qtbot: Any, window: MainWindow, desk_ds: DeskSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer_source(monkeypatch)
    _open_mottonen(qtbot, window)
    opened = window.view.customer
    assert opened is not None
    # Someone else saves the record while our user edits it.
    theirs = opened.to_draft().__class__(**{**opened.to_draft().__dict__, "post_office": "ESPOO"})
    customers.update(
        desk_ds,
        opened.number,
        theirs,
        expected_version=opened.version,
        source=DataSource.UPDATE_SERVICE,
    )
    _edit(qtbot, window, "street", "Minun katuni 7")
    form = window.view.form
    window.save()
    qtbot.waitUntil(lambda: form.banner.isVisible() and form.keep_button.isEnabled(), timeout=10000)
    banner = form.banner_text.text()
    assert desk_ds.user in banner
    assert "Post office: HELSINKI → ESPOO" in banner
    assert form.fields.value("street") == "Minun katuni 7"  # the user's input is kept
    assert find(desk_ds, "möttönen matti").street == "Mannerheimintie 1 A 2"

    assert "Apply your changes to their version" in banner

    # "Apply my changes to their version": their version with only my changes on top.
    qtbot.mouseClick(form.keep_button, Qt.MouseButton.LeftButton)
    assert not form.banner.isVisible()
    assert form.fields.value("street") == "Minun katuni 7"
    assert form.fields.value("post_office") == "ESPOO"  # theirs: I never touched it
    assert form.is_dirty() and form.can_save()
    with qtbot.waitSignal(form.saved, timeout=10000):
        window.save()
    stored = find(desk_ds, "möttönen matti")
    assert stored.street == "Minun katuni 7"
    assert stored.post_office == "ESPOO"  # nothing of theirs was silently overwritten


def test_new_person_checks_duplicates_first(
    qtbot: Any, window: MainWindow, desk_ds: DeskSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer_source(monkeypatch)
    shown: list[tuple[Any, ...]] = []

    def choose_create(_parent: object, hits: tuple[Any, ...]) -> Any:
        shown.append(hits)
        return dialogs.DuplicateChoice.CREATE, None

    monkeypatch.setattr(dialogs, "ask_duplicates", choose_create)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = window.view.form
    assert window.view.has_record and form.customer is None
    assert form.fields.editors["surname"].hasFocus()
    type_text(qtbot, form.fields.editors["surname"], "Mäkelä")
    assert form.field_errors() == {}  # untouched required fields don't shout yet
    assert not form.can_save()
    _edit(qtbot, window, "first_names", "Liisa")
    _edit(qtbot, window, "phone_mobile", "+358 40 123 4567")  # Möttönen's number
    assert form.can_save()
    with qtbot.waitSignal(form.saved, timeout=10000):
        window.save()
    assert [h.name for h in shown[0]] == ["Möttönen Matti Juhani"]
    created = form.customer
    assert created is not None and created.surname == "Mäkelä"
    assert created.phone_mobile == "+358401234567"


def test_duplicate_can_be_opened_instead(
    qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        dialogs, "ask_duplicates", lambda _p, hits: (dialogs.DuplicateChoice.OPEN, hits[0])
    )
    monkeypatch.setattr(dialogs, "confirm_discard", lambda _p, _w: True)
    window.new_customer(CustomerType.PERSON)
    _edit(qtbot, window, "surname", "Möttönen")
    _edit(qtbot, window, "first_names", "Matti")
    _edit(qtbot, window, "email", "MATTI.MOTTONEN@example.fi")
    window.save()
    qtbot.waitUntil(lambda: window.view.customer is not None, timeout=10000)
    assert window.view.customer.first_names == "Matti Juhani"  # type: ignore[union-attr]


def test_company_with_contact_persons(
    qtbot: Any, window: MainWindow, desk_ds: DeskSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer_source(monkeypatch, DataSource.PUBLIC_SOURCE)
    monkeypatch.setattr(
        dialogs, "ask_duplicates", lambda _p, _h: (dialogs.DuplicateChoice.CREATE, None)
    )
    window.new_customer(CustomerType.COMPANY)
    form = window.view.form
    assert form.company_box.isVisible() and not form.person_box.isVisible()
    _edit(qtbot, window, "company_name", "Kone Testi Oy")
    _edit(qtbot, window, "business_id", "123")
    assert "business_id" in form.field_errors()
    _edit(qtbot, window, "business_id", "2331972-7")
    assert form.field_errors() == {}

    from kkdesk.domain.customer import ContactPersonDraft

    monkeypatch.setattr(
        dialogs,
        "edit_contact",
        lambda _p, draft, _c: ContactPersonDraft(
            id=draft.id if draft else None, surname="Kallio", first_names="Pekka", role="CEO"
        ),
    )
    qtbot.mouseClick(form.add_contact_button, Qt.MouseButton.LeftButton)
    assert form.contacts_list.count() == 1
    with qtbot.waitSignal(form.saved, timeout=10000):
        window.save()
    stored = find(desk_ds, "2331972-7")
    assert stored.type is CustomerType.COMPANY
    assert [c.surname for c in stored.contacts] == ["Kallio"]

    form.contacts_list.setCurrentRow(0)
    qtbot.mouseClick(form.remove_contact_button, Qt.MouseButton.LeftButton)
    assert form.is_dirty() and form.can_save()
    with qtbot.waitSignal(form.saved, timeout=10000):
        window.save()
    assert find(desk_ds, "2331972-7").contacts == ()


def test_status_bar_names_database_user_and_level(window: MainWindow, desk_ds: DeskSession) -> None:
    text = window.identity.text()
    assert desk_ds.describe() in text
    assert desk_ds.user in text
    assert "Administrator" in text and "local user" in text


def test_window_state_is_remembered(
    qtbot: Any, desk_ds: DeskSession, runner: TaskRunner, window_settings: QSettings
) -> None:
    first = MainWindow(desk_ds, runner, user="u", settings=window_settings)
    qtbot.addWidget(first)
    first.show()
    first.resize(700, 500)
    first.splitter.setSizes([300, 400])
    first.search.table.setColumnWidth(1, 333)
    assert first.close()
    second = MainWindow(desk_ds, runner, user="u", settings=window_settings)
    qtbot.addWidget(second)
    second.show()
    assert second.size().width() == 700
    assert second.search.table.columnWidth(1) == 333
    keys = " ".join(window_settings.allKeys()).lower()
    assert "password" not in keys and "secret" not in keys


def test_known_error_is_shown_as_a_sentence(window: MainWindow) -> None:
    from kkdesk.errors import DatabaseUnavailable

    window.show_error(DatabaseUnavailable("boom"))
    assert window.last_error_text().startswith("The database cannot be reached")


def test_stale_edit_message_names_who_and_when(window: MainWindow) -> None:
    from kkdesk.errors import StaleEdit
    from kkdesk.ui.errors import describe_error

    text = describe_error(
        StaleEdit("x", changed_by="liisa", changed_at=datetime(2026, 11, 24, 10, 30, tzinfo=UTC))
    )
    assert "liisa" in text and "24/11/2026" in text
