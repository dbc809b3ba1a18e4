"""The desk records the requester's identity check on an open request (or privacy staff's
reason for answering without one): until then no copy of the data is made."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from kkdesk.services import access_report, requests
from kkdesk.services.session import DeskSession
from kkdesk.ui import requests_view
from kkdesk.ui.requests_view import IdentityDialog, RequestsWindow
from kkdesk.ui.tasks import TaskRunner
from tests.orders_factory import add_customer


def test_the_dialog_takes_a_check_or_an_override_not_both(qtbot: Any) -> None:
    dialog = IdentityDialog(42, user="anna")
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.method.setText("passport")
    assert ok.isEnabled()
    dialog.override.setText("reply to the address on file")
    assert not ok.isEnabled()  # one of the two
    dialog.method.clear()
    assert ok.isEnabled()
    assert dialog.values()["override"] == "reply to the address on file"
    assert "anna" in dialog.verified_by.placeholderText()


def test_identity_recorded_in_the_desk_lets_the_letter_be_made(
    qtbot: Any, desk_ds: DeskSession, runner: TaskRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    number = add_customer(desk_ds, "Henkilö")
    req = requests.add(desk_ds, number, "access", received_on=requests.today(), channel="letter")
    assert access_report.open_request_ids(desk_ds) == []  # waits for the check
    window = RequestsWindow(desk_ds, runner)
    qtbot.addWidget(window)
    runner.wait_idle()
    widget = window.requests
    widget.table.selectRow(0)

    def answered(self: IdentityDialog) -> int:
        self.method.setText("driving licence seen at the counter")
        self.verified_by.setText("Maija")
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(requests_view.IdentityDialog, "exec", answered)
    widget.identity_button.click()
    runner.wait_idle(10000)
    done = requests.get(desk_ds, req.id)
    assert done.identity_method == "driving licence seen at the counter"
    assert done.identity_verified_by == "Maija"
    assert access_report.open_request_ids(desk_ds) == [req.id]
