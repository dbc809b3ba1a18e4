"""The desk's request list (days left, colours), the customer tab, batch letters with a
progress bar, and the letter dialog's preview."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QPushButton

from kkdesk.domain.levels import Level
from kkdesk.domain.subject_requests import Urgency
from kkdesk.services import customers, requests
from kkdesk.services.session import DeskSession
from kkdesk.ui.letter_dialog import render_pages
from kkdesk.ui.requests_view import (
    URGENCY_COLOURS,
    NewRequestDialog,
    RequestsPanel,
    RequestsWindow,
)
from kkdesk.ui.tasks import TaskRunner
from tests.orders_factory import add_customer


def _two_requests(ds: DeskSession) -> tuple[str, str]:
    a, b = add_customer(ds, "Äijälä"), add_customer(ds, "Öhman")
    today = requests.today()
    requests.add(ds, a, "access", received_on=today - timedelta(days=40), channel="letter",
                 identity_method="passport")  # fmt: skip
    requests.add(ds, b, "erasure", received_on=today - timedelta(days=2), channel="email",
                 identity_method="bank ID")  # fmt: skip
    return a, b


def test_window_lists_open_requests_with_days_left_and_colours(
    qtbot: Any, desk_ds: DeskSession, runner: TaskRunner
) -> None:
    overdue, _fresh = _two_requests(desk_ds)
    window = RequestsWindow(desk_ds, runner)
    qtbot.addWidget(window)
    runner.wait_idle()
    model = window.requests.model
    assert model.rowCount() == 2
    first, second = model.row(0), model.row(1)
    assert first is not None and second is not None
    assert first.customer_number == overdue  # nearest (here: passed) deadline first
    late = -first.days_left(model.today)
    assert late > 0 and first.urgency(model.today) is Urgency.OVERDUE
    assert model.data(model.index(0, 1)) == (f"{late} days late" if late > 1 else "1 day late")
    assert model.data(model.index(1, 1)) == str(second.days_left(model.today))
    brush = model.data(model.index(0, 0), Qt.ItemDataRole.BackgroundRole)
    assert brush.color() == URGENCY_COLOURS[Urgency.OVERDUE]
    assert model.data(model.index(1, 0), Qt.ItemDataRole.BackgroundRole) is None
    assert "bank ID" in model.data(model.index(1, 6))
    assert window.requests.status.text() == "2 open requests — 1 overdue"


def test_batch_writes_every_open_access_letter_with_progress(
    qtbot: Any, desk_ds: DeskSession, runner: TaskRunner, tmp_path: Path
) -> None:
    _two_requests(desk_ds)
    window = RequestsWindow(desk_ds, runner)
    qtbot.addWidget(window)
    runner.wait_idle()
    window.requests.generate_open_letters(tmp_path)
    runner.wait_idle(60000)
    qtbot.waitUntil(lambda: "written" in window.requests.status.text(), timeout=10000)
    [written] = tmp_path.glob("*.pdf")  # the erasure request gets no letter
    [access] = requests.list_requests(desk_ds, kind="access")
    assert written.name == f"request-{access.id}-{access.customer_number}-fi.pdf"
    assert window.requests.batch_progress.maximum() == 1
    assert window.requests.batch_button.isEnabled()
    assert window.requests.model.data(window.requests.model.index(0, 8)) == "1"


def test_stop_ends_the_batch_keeping_the_letters_already_written(
    qtbot: Any, desk_ds: DeskSession, runner: TaskRunner, tmp_path: Path
) -> None:
    for i in range(20):
        number = add_customer(desk_ds, f"Pysäytys{i}")
        requests.add(
            desk_ds,
            number,
            "access",
            received_on=requests.today(),
            channel="letter",
            identity_method="ID card",
        )
    window = RequestsWindow(desk_ds, runner)
    qtbot.addWidget(window)
    runner.wait_idle()
    window.requests.generate_open_letters(tmp_path)
    stop = window.requests.batch_progress.findChild(QPushButton)
    assert stop.text() == "Stop"
    qtbot.mouseClick(stop, Qt.MouseButton.LeftButton)  # before the first letters are archived
    runner.wait_idle(60000)
    qtbot.waitUntil(lambda: "stopped" in window.requests.status.text(), timeout=10000)
    assert f"stopped: 0 of 20 letters written to {tmp_path}" in window.requests.status.text()
    assert list(tmp_path.glob("*.pdf")) == []
    assert all(r.letters == () for r in requests.list_requests(desk_ds, kind="access"))
    assert window.requests.batch_button.isEnabled()


def test_customer_tab_shows_that_customers_requests(
    qtbot: Any, desk_ds: DeskSession, runner: TaskRunner
) -> None:
    _a, b = _two_requests(desk_ds)
    panel = RequestsPanel(desk_ds, runner)
    qtbot.addWidget(panel)
    panel.set_customer(customers.get(desk_ds, b, purpose="customer_service"))
    runner.wait_idle()
    assert panel.requests.model.rowCount() == 1
    row = panel.requests.model.row(0)
    assert row is not None and row.customer_number == b
    panel.set_customer(None)
    runner.wait_idle()
    assert panel.requests.model.rowCount() == 0
    assert panel.title()


def test_viewer_sees_why_the_controls_are_off(
    qtbot: Any, desk_ds: DeskSession, runner: TaskRunner
) -> None:
    viewer = DeskSession(desk_ds.db, Level.VIEWER)
    panel = RequestsPanel(viewer, runner)
    qtbot.addWidget(panel)
    assert not panel.requests.new_button.isEnabled()
    assert panel.requests.new_button.toolTip()


def test_render_pages_gives_rgb_images(desk_ds: DeskSession) -> None:
    from kkdesk.services import access_report

    number = add_customer(desk_ds, "Näsi")
    rendered = access_report.preview(desk_ds, number)
    images = render_pages(rendered.pdf, 0.5)
    assert len(images) == rendered.pages
    image = images[0].to_qimage()
    assert not image.isNull() and image.width() == images[0].width


def test_new_request_dialog_records_how_and_by_whom_identity_was_checked(qtbot: Any) -> None:
    dialog = NewRequestDialog("", user="anna")
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # no customer number yet
    dialog.number.setText("1000017")
    assert ok.isEnabled()
    dialog.identity.setText("passport checked at the counter")
    dialog.verified_by.setText("Maija")
    values = dialog.values()
    assert values["identity_method"] == "passport checked at the counter"
    assert values["identity_verified_by"] == "Maija"
    assert "anna" in dialog.verified_by.placeholderText()


def test_an_extended_request_says_why_and_the_window_shows_todays_days(
    qtbot: Any, desk_ds: DeskSession, runner: TaskRunner
) -> None:
    _a, b = _two_requests(desk_ds)
    [erasure] = requests.list_requests(desk_ds, kind="erasure")
    requests.extend(desk_ds, erasure.id, "Many linked records")
    window = RequestsWindow(desk_ds, runner)
    qtbot.addWidget(window)
    runner.wait_idle()
    model = window.requests.model
    row = next(i for i in range(model.rowCount()) if model.row(i).customer_number == b)
    assert "Many linked records" in model.data(model.index(row, 0), Qt.ItemDataRole.ToolTipRole)
    assert model.data(model.index(row, 7)) == "Open, extended"
    # Shown again later, the window reads the list anew.
    requests.close(desk_ds, erasure.id, note="erased")
    window.show()
    window.hide()
    window.show()
    runner.wait_idle()
    assert model.rowCount() == 1


def test_counts_read_as_proper_english_singular_and_plural(
    qtbot: Any, desk_ds: DeskSession, runner: TaskRunner, english: Any, tmp_path: Path
) -> None:
    from kkdesk.domain.subject_requests import LetterInfo

    number = add_customer(desk_ds, "Ylönen")
    received = requests.today() - timedelta(days=40)
    requests.add(
        desk_ds, number, "access", received_on=received, channel="letter", identity_method="ID card"
    )
    panel = RequestsPanel(desk_ds, runner)
    qtbot.addWidget(panel)
    panel.set_customer(customers.get(desk_ds, number, purpose="customer_service"))
    runner.wait_idle()
    widget, model = panel.requests, panel.requests.model
    assert widget.status.text() == "1 open request — 1 overdue"
    row = model.row(0)
    assert row is not None
    model.today = row.deadline + timedelta(days=1)
    assert model.data(model.index(0, 1)) == "1 day late"
    model.today = row.deadline + timedelta(days=3)
    assert model.data(model.index(0, 1)) == "3 days late"
    letter = LetterInfo(
        id=1, created_at=row.created_at, created_by="anna", language="fi", sha256="ab" * 32, pages=1
    )
    rows = (replace(row, letters=(letter, replace(letter, pages=2))),)
    model.set_rows(rows)
    tip = model.data(model.index(0, 8), Qt.ItemDataRole.ToolTipRole)
    assert ", 1 page, SHA-256 abababab" in tip and ", 2 pages, SHA-256" in tip
    assert "(s)" not in tip

    widget.generate_open_letters(tmp_path)
    runner.wait_idle(60000)
    qtbot.waitUntil(lambda: "written" in widget.status.text(), timeout=10000)
    assert widget.status.text() == f"1 open request — 1 overdue — 1 letter written to {tmp_path}"


def test_alt_letters_of_the_requests_buttons_are_unique(
    qtbot: Any, desk_ds: DeskSession, runner: TaskRunner
) -> None:
    """Each language's letters are checked against the whole desk in tests/ui/test_i18n.py."""
    from tests.ui.test_i18n import _clashes

    window = RequestsWindow(desk_ds, runner)
    qtbot.addWidget(window)
    window.show()
    runner.wait_idle()
    assert _clashes(window) == []
    letters = {b.text() for b in (window.requests.letter_button, window.requests.batch_button)}
    assert letters == {"Access &letter…", "&Print all open access letters…"}


def test_recording_an_objection_request_offers_to_record_the_objection(
    qtbot: Any, desk_ds: DeskSession, runner: TaskRunner, monkeypatch: Any, english: object
) -> None:
    from datetime import date

    from kkdesk.domain.consent import ConsentItem
    from kkdesk.domain.enums import Channel
    from kkdesk.domain.subject_requests import RequestKind
    from kkdesk.services import consents
    from kkdesk.ui import requests_view

    number = customers.search(desk_ds, "Möttönen Matti", limit=1).rows[0].number
    panel = RequestsPanel(desk_ds, runner)
    qtbot.addWidget(panel)
    panel.set_customer(customers.get(desk_ds, number, purpose="customer_service"))
    runner.wait_idle()
    asked: list[int] = []
    monkeypatch.setattr(
        requests_view, "confirm_record_objection", lambda _p, r: asked.append(r.id) or True
    )
    values = {
        "number": number,
        "kind": RequestKind.OBJECTION,
        "received_on": date(2026, 10, 5),
        "channel": Channel.LETTER,
        "identity_method": "signature",
        "identity_verified_by": "anna",
        "note": "",
        "requester_name": "",
        "requester_address": "",
    }
    monkeypatch.setattr(NewRequestDialog, "exec", lambda _self: 1)
    monkeypatch.setattr(NewRequestDialog, "values", lambda _self: values)
    widget = panel.requests
    with qtbot.waitSignal(widget.objection_recorded, timeout=10000):
        widget.new_request()
    runner.wait_idle()
    [event] = [e for e in consents.history(desk_ds, number) if e.item is ConsentItem.OBJECTION]
    assert event.state and event.received_on == date(2026, 10, 5)
    assert event.document_ref == f"Request {asked[0]}"
    assert "is recorded" in widget.status.text()


def test_a_damaged_customer_gets_no_letter_and_stops_no_other(
    qtbot: Any, desk_ds: DeskSession, runner: TaskRunner, tmp_path: Path, english: Any
) -> None:
    from tests.ui.test_search_model import damage

    numbers = [add_customer(desk_ds, f"Kirjeinen{i}") for i in range(3)]
    for number in numbers:
        requests.add(desk_ds, number, "access", received_on=requests.today(),
                     channel="letter", identity_method="ID card")  # fmt: skip
    damage(desk_ds, numbers[0])  # the first in line
    window = RequestsWindow(desk_ds, runner)
    qtbot.addWidget(window)
    runner.wait_idle()
    window.requests.generate_open_letters(tmp_path)
    runner.wait_idle(60000)
    qtbot.waitUntil(lambda: "written" in window.requests.status.text(), timeout=10000)
    written = sorted(p.name for p in tmp_path.glob("*.pdf"))
    assert len(written) == 2 and not any(numbers[0] in name for name in written)
    status = window.requests.status.text()
    assert "2 letters written to" in status
    assert f"No letter for customers {numbers[0]}: their records are damaged" in status
