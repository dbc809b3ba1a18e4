"""The small things of a working day (issue 12): recent customers and Back/Forward, the
summary header, and views that refresh after an action without a new read."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt

from kkdesk.domain.consent import ConsentItem, Evidence
from kkdesk.domain.enums import AuditAction, Channel
from kkdesk.domain.subject_requests import RequestKind
from kkdesk.services import audit, consents, customers, requests
from kkdesk.services.session import DeskSession
from kkdesk.ui import requests_view
from kkdesk.ui.main_window import MainWindow
from kkdesk.ui.requests_view import NewRequestDialog
from tests.ui.helpers import settle


def _number(ds: DeskSession, text: str) -> str:
    return customers.search(ds, text, limit=1).rows[0].number


def _reads(ds: DeskSession, number: str) -> int:
    return sum(1 for e in audit.trail(ds, number) if e.action == AuditAction.READ)


def _open(win: MainWindow, number: str) -> None:
    from PySide6.QtTest import QTest

    win.open_number(number)
    settle(win)
    QTest.qWait(100)  # a tab that loads a moment later (a deferred first load)
    settle(win)
    assert win.view.customer is not None and win.view.customer.number == number


def _panel(win: MainWindow, panel_id: str) -> Any:
    return next(p for p in win.view.panels if getattr(p, "panel_id", "") == panel_id)


# -- recent customers, Back and Forward ---------------------------------------------------


def test_back_and_forward_reopen_customers_as_audited_reads(
    qtbot: Any, window: MainWindow, desk_ds: DeskSession
) -> None:
    a, b, c = (_number(desk_ds, t) for t in ("Möttönen Matti", "Åberg", "Virtanen"))
    assert not window.back_action.isEnabled() and not window.forward_action.isEnabled()
    assert "No earlier customer" in window.back_action.toolTip()
    assert "Back" in window.forward_action.statusTip()  # disabled: says why
    assert not window.recent_action.isEnabled()
    assert "No customers opened yet" in window.recent_action.toolTip()
    for number in (a, b, c):
        _open(window, number)
    assert window.back_action.isEnabled() and not window.forward_action.isEnabled()
    assert b in window.back_action.toolTip()
    reads = _reads(desk_ds, b)
    window.search.edit.setFocus()  # Alt+Left works from the search field too
    qtbot.keyClick(window.search.edit, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    settle(window)
    assert window.view.customer is not None and window.view.customer.number == b
    assert _reads(desk_ds, b) > reads  # an ordinary, audited open
    window.go_back()
    settle(window)
    assert window.view.customer is not None and window.view.customer.number == a
    assert not window.back_action.isEnabled() and window.forward_action.isEnabled()
    qtbot.keyClick(window.search.edit, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    settle(window)
    assert window.view.customer is not None and window.view.customer.number == b
    # Opening another customer drops what was ahead, as in a browser.
    _open(window, a)
    assert not window.forward_action.isEnabled()


def test_recent_customers_most_recent_first_by_menu_and_ctrl_number(
    qtbot: Any, window: MainWindow, desk_ds: DeskSession
) -> None:
    a, b = _number(desk_ds, "Möttönen Matti"), _number(desk_ds, "Åberg")
    _open(window, a)
    _open(window, b)
    _open(window, a)
    menu = window.recent_menu()
    texts = [action.text() for action in menu.actions()]
    assert texts[0].startswith("&1 ") and a in texts[0]
    assert texts[1].startswith("&2 ") and b in texts[1] and len(texts) == 2
    assert "Åberg" in texts[1]  # the name, from the open that is already audited
    qtbot.keyClick(window.search.edit, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    settle(window)
    assert window.view.customer is not None and window.view.customer.number == b
    window.open_recent(7)  # none: said in the status bar
    assert "No recent customer 8" in window.statusBar().currentMessage()


def test_recent_customers_are_never_written_to_the_preferences(
    window: MainWindow, desk_ds: DeskSession, tmp_path: Any
) -> None:
    number = _number(desk_ds, "Möttönen Matti")
    _open(window, number)
    path = tmp_path / "prefs.json"
    window.prefs.save(path)
    assert number not in path.read_text(encoding="utf-8")


def test_a_customer_that_cannot_be_opened_leaves_the_history(
    window: MainWindow, desk_ds: DeskSession
) -> None:
    from kkdesk.errors import NotFound

    a, b = _number(desk_ds, "Möttönen Matti"), _number(desk_ds, "Åberg")
    _open(window, a)
    _open(window, b)
    window.view.load_failed.emit(NotFound("gone", code="customer_not_found", number=a))
    window._boxes.clear()  # the error box itself is tested elsewhere
    assert not window.back_action.isEnabled()
    assert [v.number for v in window.visits.recent()] == [b]


# -- the summary header -------------------------------------------------------------------


def test_summary_header_shows_marketing_orders_requests_and_refreshes(
    window: MainWindow, desk_ds: DeskSession
) -> None:
    number = _number(desk_ds, "Möttönen Matti")
    requests.add(
        desk_ds, number, RequestKind.ACCESS, received_on=requests.today(),
        channel=Channel.LETTER, identity_method="ID card",
    )  # fmt: skip
    _open(window, number)
    header = window.view.header
    shown = header.overview
    assert shown is not None and shown.number == number
    assert shown.open_requests is not None and len(shown.open_requests) == 1
    text = header.plain()
    assert "Marketing:" in text and "Open request: Access (Art. 15), deadline" in text
    assert "E-mail, Direct advertising:" in header.text.toolTip()  # every verdict, in full
    reads = _reads(desk_ds, number)
    # An objection recorded in the consents tab: the header says so at once.
    panel = _panel(window, "consents")
    panel._save(
        ConsentItem.OBJECTION, True,
        Evidence(date.today(), Channel.LETTER, "obj-1", ""), None,
    )  # fmt: skip
    settle(window)
    assert header.plain().startswith("Marketing: not allowed — objection to direct marketing")
    assert _reads(desk_ds, number) == reads  # a refresh is not a read


def test_the_header_fits_1280_by_720(window: MainWindow, desk_ds: DeskSession) -> None:
    window.resize(1280, 720)
    _open(window, _number(desk_ds, "Möttönen Matti"))
    header = window.view.header
    assert header.isVisible()
    assert header.height() <= 3 * header.fontMetrics().lineSpacing() + 12  # two lines at most
    assert header.geometry().right() <= window.view.width()


# -- views that refresh after an action ---------------------------------------------------


def test_audit_tab_and_requests_refresh_after_actions_without_new_reads(
    qtbot: Any, window: MainWindow, desk_ds: DeskSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    number = _number(desk_ds, "Möttönen Matti")
    _open(window, number)
    trail = _panel(window, "audit")
    reads = _reads(desk_ds, number)
    # A consent change in the consents tab: the audit tab shows its row, no read added.
    _panel(window, "consents")._save(
        ConsentItem.SMS_MARKETING, True,
        Evidence(date.today(), Channel.LETTER, "sms-1", ""), None,
    )  # fmt: skip
    settle(window)
    assert trail.model.rowCount() == len(audit.trail(desk_ds, number))  # every row, now
    assert trail.model.row(0).action == AuditAction.CONSENT
    assert _reads(desk_ds, number) == reads

    # An objection request from the register's requests window: the window lists it,
    # the consents tab shows the objection, the audit tab both rows; no read of the open
    # customer is added by any refresh.
    requests_window = window.open_requests()
    assert requests_window is not None
    settle(window)
    reads = _reads(desk_ds, number)
    monkeypatch.setattr(requests_view, "confirm_record_objection", lambda _p, _r: True)
    values = {
        "number": number, "kind": RequestKind.OBJECTION, "received_on": date.today(),
        "channel": Channel.LETTER, "identity_method": "signature",
        "identity_verified_by": "anna", "note": "", "requester_name": "",
        "requester_address": "",
    }  # fmt: skip
    monkeypatch.setattr(NewRequestDialog, "exec", lambda _self: 1)
    monkeypatch.setattr(NewRequestDialog, "values", lambda _self: values)
    widget = requests_window.requests  # type: ignore[attr-defined]
    shown = widget.model.rowCount()
    widget.new_request()
    settle(window)
    assert widget.model.rowCount() == shown + 1
    panel_rows = _panel(window, "requests").requests.model.rows()
    assert any(r.kind is RequestKind.OBJECTION for r in panel_rows)
    consents_tab = _panel(window, "consents")
    assert consents_tab.toggles[ConsentItem.OBJECTION].isChecked()
    actions = [trail.model.row(i).action for i in range(3)]
    assert AuditAction.CONSENT in actions
    assert _reads(desk_ds, number) == reads
    requests_window.close()


def test_a_save_refreshes_the_tabs_without_new_reads(
    qtbot: Any, window: MainWindow, desk_ds: DeskSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.ui.helpers import answer_source

    number = _number(desk_ds, "Möttönen Matti")
    _open(window, number)
    trail = _panel(window, "audit")
    reads = _reads(desk_ds, number)
    answer_source(monkeypatch)
    window.view.form.fields.set_value("notes", "Calls in the mornings.")
    window.view.form._on_fields_edited("notes")
    window.save()
    settle(window)
    assert trail.model.rowCount() == len(audit.trail(desk_ds, number))
    assert trail.model.row(0).action == AuditAction.UPDATE
    assert _reads(desk_ds, number) == reads


def test_the_consents_tab_refresh_records_no_read(desk_ds: DeskSession) -> None:
    number = _number(desk_ds, "Möttönen Matti")
    reads = _reads(desk_ds, number)
    consents.load(desk_ds, number)
    assert _reads(desk_ds, number) == reads + 1
    consents.load(desk_ds, number, refresh=True)
    assert _reads(desk_ds, number) == reads + 1
