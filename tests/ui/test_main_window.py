"""The desk driven through its real widgets: search, open, edit, save, and the guards."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLineEdit, QWidget

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


def test_reads_and_changes_are_audited_with_the_toolbars_purpose(
    qtbot: Any, window: MainWindow, desk_ds: DeskSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kkdesk.domain.enums import AuditAction, Purpose
    from kkdesk.services import audit

    answer_source(monkeypatch)
    window.purpose.setCurrentIndex(window.purpose.findData(Purpose.ORDER_HANDLING.value))
    _open_mottonen(qtbot, window)
    _edit(qtbot, window, "phone_home", "09 111 2222")
    with qtbot.waitSignal(window.view.form.saved, timeout=10000):
        window.save()
    number = find(desk_ds, "möttönen matti").number
    seen = {(e.action, e.purpose) for e in audit.trail(desk_ds, number)}
    assert (AuditAction.READ.value, Purpose.ORDER_HANDLING.value) in seen
    assert (AuditAction.UPDATE.value, Purpose.ORDER_HANDLING.value) in seen


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

    assert "Keep your changes" in banner

    # "Keep my changes": their version with only my changes on top.
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
            id=draft.id if draft else None,
            surname="Kallio",
            first_names="Pekka",
            role="Chair" if draft else "CEO",
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
    qtbot.mouseClick(form.edit_contact_button, Qt.MouseButton.LeftButton)  # edit: same id
    with qtbot.waitSignal(form.saved, timeout=10000):
        window.save()
    edited = find(desk_ds, "2331972-7").contacts
    assert [(c.id, c.role) for c in edited] == [(stored.contacts[0].id, "Chair")]

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


def test_unsaved_changes_guard_when_opening_another_customer(
    qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    _open_mottonen(qtbot, window)
    _edit(qtbot, window, "street", "Uusi katu 5")
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "confirm_discard", lambda _p, what: asked.append(what) or False)
    type_search(qtbot, window, "0109862-8")
    qtbot.keyClick(window.search.edit, Qt.Key.Key_Return)  # open the company instead
    settle(window)
    assert asked == ["Möttönen Matti Juhani"]
    assert window.view.customer is not None
    assert window.view.customer.surname == "Möttönen"  # still the dirty record
    assert window.view.form.fields.value("street") == "Uusi katu 5"

    monkeypatch.setattr(dialogs, "confirm_discard", lambda _p, _what: True)
    qtbot.keyClick(window.search.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.view.customer is not None and window.view.customer.type
                    is CustomerType.COMPANY, timeout=10000)  # fmt: skip
    assert not window.view.form.is_dirty()


def test_a_save_refused_by_a_concurrent_edit_flags_fields_both_changed(
    qtbot: Any, window: MainWindow, desk_ds: DeskSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer_source(monkeypatch)
    _open_mottonen(qtbot, window)
    opened = window.view.customer
    assert opened is not None
    draft = opened.to_draft().__class__(**{**opened.to_draft().__dict__, "street": "Heidän 1"})
    customers.update(
        desk_ds, opened.number, draft, expected_version=opened.version,
        source=DataSource.UPDATE_SERVICE,
    )  # fmt: skip
    form = window.view.form
    _edit(qtbot, window, "street", "Minun 2")
    window.save()
    qtbot.waitUntil(lambda: form.stale_version() is not None, timeout=10000)
    assert "Street address: Mannerheimintie 1 A 2 → Heidän 1 (you changed this too" in (
        form.banner_text.text()
    )
    qtbot.mouseClick(form.keep_button, Qt.MouseButton.LeftButton)
    assert form.fields.value("street") == "Minun 2"  # the user's value, knowingly
    with qtbot.waitSignal(form.saved, timeout=10000):
        window.save()
    assert find(desk_ds, "möttönen matti").street == "Minun 2"


def test_use_their_version_discards_the_users_input(
    qtbot: Any, window: MainWindow, desk_ds: DeskSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer_source(monkeypatch)
    _open_mottonen(qtbot, window)
    opened = window.view.customer
    assert opened is not None
    draft = opened.to_draft().__class__(**{**opened.to_draft().__dict__, "post_office": "ESPOO"})
    customers.update(
        desk_ds, opened.number, draft, expected_version=opened.version,
        source=DataSource.UPDATE_SERVICE,
    )  # fmt: skip
    form = window.view.form
    _edit(qtbot, window, "street", "Minun 2")
    window.save()
    qtbot.waitUntil(lambda: form.reload_button.isEnabled() and form.stale_version() is not None,
                    timeout=10000)  # fmt: skip
    qtbot.mouseClick(form.reload_button, Qt.MouseButton.LeftButton)
    assert form.fields.value("post_office") == "ESPOO"
    assert form.fields.value("street") == "Mannerheimintie 1 A 2"
    assert not form.is_dirty() and not form.banner.isVisible()


@pytest.mark.parametrize(
    ("field_values", "why"),
    [
        ({"surname": "Möttönen", "first_names": "Matti Juhani", "birth_date": "24/11/1980"},
         "same name and date of birth"),
        ({"surname": "Mottonen", "first_names": "M.", "email": "Matti.Mottonen@Example.FI"},
         "same e-mail"),
        ({"surname": "Virtanen", "first_names": "Ville", "phone_home": "040-1234567"},
         "same phone"),
    ],
)  # fmt: skip
def test_duplicates_are_looked_for_before_a_new_customer_is_created(
    qtbot: Any,
    window: MainWindow,
    desk_ds: DeskSession,
    monkeypatch: pytest.MonkeyPatch,
    field_values: dict[str, str],
    why: str,
) -> None:
    answer_source(monkeypatch)
    shown: list[tuple[Any, ...]] = []

    def cancel(_parent: object, hits: tuple[Any, ...]) -> Any:
        shown.append(hits)
        return dialogs.DuplicateChoice.CANCEL, None

    monkeypatch.setattr(dialogs, "ask_duplicates", cancel)
    before = customers.count(desk_ds)
    window.new_customer(CustomerType.PERSON)
    for name, value in field_values.items():
        _edit(qtbot, window, name, value)
    form = window.view.form
    assert form.can_save(), form.field_errors()
    window.save()
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    settle(window)
    assert "Möttönen Matti Juhani" in [h.name for h in shown[0]], why
    assert customers.count(desk_ds) == before  # cancelled: nothing created
    assert form.is_dirty()  # and the input is still there


def test_find_duplicates_can_be_asked_for_from_the_menu(
    qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[tuple[Any, ...]] = []
    monkeypatch.setattr(
        dialogs,
        "ask_duplicates",
        lambda _p, hits: shown.append(hits) or (dialogs.DuplicateChoice.CANCEL, None),
    )
    assert not window.duplicates_action.isEnabled()  # nothing on the form yet
    window.new_customer(CustomerType.PERSON)
    _edit(qtbot, window, "email", "matti.mottonen@example.fi")
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert [h.name for h in shown[0]] == ["Möttönen Matti Juhani"]


def test_the_source_of_each_changed_field_is_recorded_and_shown(
    qtbot: Any, window: MainWindow, desk_ds: DeskSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = answer_source(monkeypatch, DataSource.CUSTOMER_LETTER)
    _open_mottonen(qtbot, window)
    _edit(qtbot, window, "street", "Kirjekatu 3")
    _edit(qtbot, window, "postal_code", "00260")
    with qtbot.waitSignal(window.view.form.saved, timeout=10000):
        window.save()
    assert [(c.label, c.old, c.new) for c in asked[0]] == [
        ("Street address", "Mannerheimintie 1 A 2", "Kirjekatu 3"),
        ("Postal code", "00100", "00260"),
    ]
    answer_source(monkeypatch, DataSource.UPDATE_SERVICE)
    _edit(qtbot, window, "post_office", "ESPOO")
    with qtbot.waitSignal(window.view.form.saved, timeout=10000):
        window.save()
    stored = find(desk_ds, "möttönen matti")
    assert stored.sources["street"] is DataSource.CUSTOMER_LETTER
    assert stored.sources["postal_code"] is DataSource.CUSTOMER_LETTER
    assert stored.sources["post_office"] is DataSource.UPDATE_SERVICE
    settle(window)
    history = window.view.panels[0]
    rows = [
        [history.model.data(history.model.index(r, c)) for c in (2, 4, 5, 6)]
        for r in range(history.model.rowCount())
    ]
    assert ["Post office", "ESPOO", "Update service (e.g. address changes)", "test"] in rows
    assert ["Street address", "Kirjekatu 3", "Customer's notification by letter", "test"] in rows


def test_history_shows_values_as_the_form_does(
    qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    _open_mottonen(qtbot, window)
    settle(window)
    history = window.view.panels[0]
    rows = {
        history.model.data(history.model.index(r, 2)): history.model.data(history.model.index(r, 4))
        for r in range(history.model.rowCount())
    }
    assert rows["Date of birth"] == "24/11/1980"  # not the stored 1980-11-24
    assert rows["Mobile phone"] == "+358 40 1234567"  # not the stored +358401234567


def test_phones_are_shown_readably_and_saved_as_e164(
    qtbot: Any, window: MainWindow, desk_ds: DeskSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    _open_mottonen(qtbot, window)
    form = window.view.form
    assert form.fields.value("phone_mobile") == "+358 40 1234567"
    assert not form.is_dirty()


def test_every_menu_action_has_a_mnemonic_and_a_unique_shortcut(window: MainWindow) -> None:
    seen: dict[str, str] = {}
    for menu_action in window.menuBar().actions():
        assert "&" in menu_action.text()
        menu = menu_action.menu()
        for action in menu.actions():  # type: ignore[union-attr]
            if action.isSeparator():
                continue
            keys = action.shortcut().toString()
            if action.objectName() != "about":
                assert keys, f"{action.text()} has no shortcut"
            assert keys not in seen, f"{keys}: {action.text()} and {seen.get(keys)}"
            if keys:
                seen[keys] = action.text()
            # Qt shows an action's shortcut in its menu; the shortcuts dialog lists them all.
    texts = {row[1] for row in window.shortcut_rows()}
    assert {"New person", "Save", "Find customer", "Orders", "Keyboard shortcuts"} <= texts


def test_the_shortcut_table_in_the_docs_is_the_real_one(window: MainWindow) -> None:
    """docs/desk.md lists the menus' shortcuts (``make screenshots`` regenerates it)."""
    from pathlib import Path

    from PySide6.QtGui import QKeySequence

    doc = (Path(__file__).resolve().parents[2] / "docs" / "desk.md").read_text(encoding="utf-8")
    table = doc.split("<!-- shortcuts:begin -->")[1].split("<!-- shortcuts:end -->")[0]
    lines = [ln for ln in table.splitlines() if ln.startswith("| ") and "---" not in ln][1:]
    rows = window.shortcut_rows(QKeySequence.SequenceFormat.PortableText)
    expected = [f"| {menu} | {action} | {keys} |" for menu, action, keys in rows]
    assert [ln.replace("`", "") for ln in lines] == expected


def test_keyboard_alone_reaches_every_tab_and_the_results(qtbot: Any, window: MainWindow) -> None:
    _open_mottonen(qtbot, window)
    settle(window)
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    timeline = window.view.panels[1]
    assert window.view.tabs.currentIndex() == 2
    assert timeline.isAncestorOf(window.focusWidget())  # the focus went into the tab
    qtbot.keyClick(window, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert window.view.tabs.currentIndex() == 1
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert window.view.tabs.currentIndex() == 0
    qtbot.keyClick(window, Qt.Key.Key_F6)
    assert window.search.table.hasFocus()
    qtbot.keyClick(window, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert not window.view.has_record
    assert window.search.edit.hasFocus()
    assert not any(a.isEnabled() for a in window.tab_actions)  # no customer, no tabs
    qtbot.keyClick(window, Qt.Key.Key_F10)  # the menus, from the keyboard
    assert window.menuBar().activeAction() is window.menuBar().actions()[0]


def test_tab_order_follows_the_form(qtbot: Any, window: MainWindow) -> None:
    from kkdesk.ui.customer_form import FORM_FIELDS

    window.new_customer(CustomerType.COMPANY)
    form = window.view.form
    visible = [n for n in FORM_FIELDS if form.fields.editors[n].isVisibleTo(window)]
    editors = {id(form.fields.editors[n]): n for n in visible}
    start = form.fields.editors[visible[0]]
    start.setFocus()
    order = [visible[0]]
    for _ in range(len(visible) - 1):
        qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
        order.append(editors.get(id(window.focusWidget()), type(window.focusWidget()).__name__))
    assert order == visible
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
    assert window.focusWidget() is form.contacts_list


def _inputs(root: Any) -> list[Any]:
    from PySide6.QtWidgets import (
        QAbstractItemView,
        QAbstractSpinBox,
        QComboBox,
        QLineEdit,
        QPlainTextEdit,
        QTextEdit,
    )

    kinds = (QLineEdit, QComboBox, QPlainTextEdit, QTextEdit, QAbstractSpinBox, QAbstractItemView)
    out = []
    for w in root.findChildren(QWidget):
        if not isinstance(w, kinds):
            continue
        parent = w.parentWidget()
        # Parts of another control (a spin box's or combo's own line edit, a cell editor).
        if isinstance(parent, (QAbstractSpinBox, QComboBox)) or (
            parent is not None and isinstance(parent.parentWidget(), QAbstractItemView)
        ):
            continue
        if w.focusPolicy() == Qt.FocusPolicy.NoFocus or not w.isVisibleTo(root.window()):
            continue
        out.append(w)
    return out


def _accessible_name(widget: Any) -> str:
    from PySide6.QtGui import QAccessible

    face = QAccessible.queryAccessibleInterface(widget)
    return face.text(QAccessible.Text.Name) if face is not None else ""


def test_every_control_has_an_accessible_name_and_inputs_a_label(
    qtbot: Any, window: MainWindow
) -> None:
    from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QLabel, QTextBrowser

    _open_mottonen(qtbot, window)
    settle(window)
    problems: list[str] = []
    screens = []
    for index in (0, 1, 2):  # basic data, change history, orders: the desk's own tabs
        window.view.tabs.setCurrentIndex(index)
        screens.append(index)
        buddies = {id(lb.buddy()) for lb in window.findChildren(QLabel) if lb.buddy()}
        for w in _inputs(window):
            name = _accessible_name(w) or w.accessibleName()
            if not name:
                problems.append(f"tab {index}: {type(w).__name__} {w.objectName()} has no name")
            # Lists and read-only views carry a name; a label is for what the user fills in.
            viewer = isinstance(w, (QAbstractItemView, QTextBrowser))
            if not viewer and id(w) not in buddies:
                problems.append(f"tab {index}: {w.accessibleName()!r} has no label")
        for b in window.findChildren(QAbstractButton):
            focusable = b.isVisibleTo(window) and b.focusPolicy() != Qt.FocusPolicy.NoFocus
            if focusable and not (_accessible_name(b) or b.text() or b.accessibleName()):
                problems.append(f"tab {index}: a button has no name")
    window.new_customer(CustomerType.COMPANY)
    buddies = {id(lb.buddy()) for lb in window.findChildren(QLabel) if lb.buddy()}
    for w in _inputs(window):
        if not isinstance(w, QAbstractItemView) and id(w) not in buddies:
            problems.append(f"company: {w.accessibleName()!r} has no label")
    assert problems == []


def test_the_window_fits_a_small_screen_at_200_percent(window: MainWindow) -> None:
    """At 200 % a 2560 × 1440 screen is 1280 × 720: no tab or status text may force the
    window wider or taller than that (pages scroll instead)."""
    hint = window.minimumSizeHint()
    assert hint.width() <= 1000 and hint.height() <= 640, hint


def test_window_state_is_kept_per_user(
    qtbot: Any, desk_ds: DeskSession, runner: TaskRunner, window_settings: QSettings
) -> None:
    anna = MainWindow(desk_ds, runner, user="anna", settings=window_settings)
    qtbot.addWidget(anna)
    anna.show()
    anna.search.table.setColumnWidth(1, 321)
    assert anna.close()
    ville = MainWindow(desk_ds, runner, user="ville", settings=window_settings)
    qtbot.addWidget(ville)
    ville.show()
    assert ville.search.table.columnWidth(1) != 321  # Anna's widths are Anna's
    assert ville.close()
    again = MainWindow(desk_ds, runner, user="anna", settings=window_settings)
    qtbot.addWidget(again)
    again.show()
    assert again.search.table.columnWidth(1) == 321


def test_register_wide_windows_open_from_the_menu_or_say_why_not(
    qtbot: Any, desk_ds: DeskSession, runner: TaskRunner, window_settings: QSettings
) -> None:
    from kkdesk.domain.levels import Level

    admin = MainWindow(desk_ds, runner, user="a", settings=window_settings)
    qtbot.addWidget(admin)
    requests = admin.open_requests()
    assert requests is not None and requests.isVisible()
    assert admin.open_requests() is requests  # one window, raised again
    export = admin.open_marketing_export()
    assert export is not None and export.isVisible()
    assert not admin.letter_action.isEnabled()  # no customer open
    export.close()
    requests.close()
    runner.wait_idle(10000)

    clerk = MainWindow(DeskSession(desk_ds.db, Level.CLERK), runner, user="c",
                       settings=window_settings)  # fmt: skip
    qtbot.addWidget(clerk)
    for action in (clerk.requests_action, clerk.marketing_action, clerk.letter_action):
        assert not action.isEnabled()
        assert "Clerk" in action.toolTip()
    assert clerk.open_requests() is None and clerk.open_marketing_export() is None


def test_a_save_whose_connection_was_lost_keeps_the_edit_for_another_try(
    qtbot: Any, window: MainWindow, desk_ds: DeskSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A lost connection cannot happen to the embedded register; the central database's
    # (tests/integration/test_round_trips.py) is stood in for by the service's own error.
    from kkdesk.errors import ConnectionLost

    answer_source(monkeypatch, DataSource.CUSTOMER_EMAIL)
    real_update = customers.update
    calls: list[int] = []

    def lost_once(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        if len(calls) == 1:
            raise ConnectionLost()
        return real_update(*args, **kwargs)

    monkeypatch.setattr(customers, "update", lost_once)
    _open_mottonen(qtbot, window)
    form = window.view.form
    _edit(qtbot, window, "email", "matti.k@example.fi")
    window.save_action.trigger()
    qtbot.waitUntil(lambda: bool(window.last_error_text()), timeout=10000)
    assert "nothing was saved" in window.last_error_text()
    assert form.is_dirty() and form.can_save()
    editor = form.fields.editors["email"]
    assert isinstance(editor, QLineEdit) and editor.text() == "matti.k@example.fi"
    assert find(desk_ds, "möttönen matti").email != "matti.k@example.fi"
    with qtbot.waitSignal(form.saved, timeout=10000):
        window.save_action.trigger()
    assert find(desk_ds, "möttönen matti").email == "matti.k@example.fi"
