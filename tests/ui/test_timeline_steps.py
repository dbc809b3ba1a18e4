"""The steps a clerk records from the "Orders" tab (issue 12): a delivery with its date and
a confirmation, a return received and refunded, and a correction of a wrongly recorded
step, on a real SQLite register with the work on the task runner."""

from __future__ import annotations

import time
from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from kkdesk.domain.enums import AuditAction
from kkdesk.domain.levels import Level
from kkdesk.domain.orders import Order, OrderStep, local_day
from kkdesk.domain.timeline import EventKind
from kkdesk.services import orders
from kkdesk.services.session import DeskSession
from kkdesk.store import models as m
from kkdesk.ui.i18n import Translations
from kkdesk.ui.tasks import TaskRunner
from kkdesk.ui.timeline import TimelinePanel
from kkdesk.ui.timeline.correction_dialog import CorrectionDialog
from kkdesk.ui.timeline.delivery_dialog import DeliveryDialog
from kkdesk.ui.timeline.return_step_dialog import ReturnStepDialog
from tests.orders_factory import day, standard_history
from tests.ui.test_i18n import _clashes, i18n_dir, language  # noqa: F401 (fixtures)
from tests.ui.test_timeline_panel import layout, open_panel, select_group

K = EventKind


@pytest.fixture
def clerk(ds: DeskSession) -> DeskSession:
    return DeskSession(ds.db, Level.CLERK)


@pytest.fixture
def panel(
    qtbot: Any, clerk: DeskSession, runner: TaskRunner, english: Translations
) -> TimelinePanel:
    return open_panel(qtbot, clerk, runner, standard_history(clerk))


def order(ds: DeskSession, number: str) -> Order:
    return orders.get_order(ds, number)[1]


def select_event(panel: TimelinePanel, order_number: str, kind: EventKind) -> None:
    group = panel.model.index_of_group(order_number)
    for row in range(panel.model.rowCount(group)):
        index = panel.model.index(row, 0, group)
        event = panel.model.event_at(index)
        if event is not None and event.kind is kind and not event.corrected:
            panel.tree.setCurrentIndex(index)
            return
    raise AssertionError(f"no {kind} under {order_number}")


def test_alt_d_asks_for_the_date_and_records_nothing_until_confirmed(
    qtbot: Any, panel: TimelinePanel, clerk: DeskSession, runner: TaskRunner
) -> None:
    select_group(panel, "W-2")  # shipped on day 21, on its way
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow)
    qtbot.keyClick(panel.tree, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: panel._dialog is not None)  # a mnemonic "animates" its click
    dialog = panel._dialog
    assert isinstance(dialog, DeliveryDialog)
    assert dialog.day.day() == date.today()  # today unless the clerk says otherwise
    runner.wait_idle(5000)
    assert order(clerk, "W-2").deliveries[0].delivered_at is None  # not recorded at once
    assert "W-2 will be marked delivered today" in dialog.summary.text()
    dialog.reject()
    runner.wait_idle(5000)
    assert order(clerk, "W-2").deliveries[0].delivered_at is None


def test_a_delivery_date_in_the_future_or_before_shipping_is_explained(
    qtbot: Any, panel: TimelinePanel, clerk: DeskSession
) -> None:
    select_group(panel, "W-2")
    dialog = panel.mark_delivered()
    assert dialog is not None
    dialog.day.set_day(date.today() + timedelta(days=1))
    assert not dialog.ok.isEnabled()
    assert dialog.message.text() == "The date cannot be in the future."
    dialog.day.set_day(local_day(day(21)) - timedelta(days=1))
    assert not dialog.ok.isEnabled()
    assert dialog.message.text() == "A delivery cannot arrive before it was shipped."
    dialog.day.set_day(local_day(day(23)))
    assert dialog.ok.isEnabled() and dialog.message.text() == ""
    with qtbot.waitSignal(dialog.finished):
        dialog.ok.click()
    assert panel.wait_loaded()
    delivered = order(clerk, "W-2").deliveries[0].delivered_at
    assert delivered is not None and local_day(delivered) == local_day(day(23))
    assert dict(layout(panel.model))["W-2"][0][0] is K.DELIVERED
    assert "W-2 marked delivered" in panel.status.text()


def test_saving_shows_it_is_busy_and_stays_off_the_gui_thread(
    qtbot: Any,
    panel: TimelinePanel,
    clerk: DeskSession,
    runner: TaskRunner,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = orders.mark_delivered

    def slow(*args: Any, **kwargs: Any) -> Order:
        time.sleep(0.6)  # a slow database
        return real(*args, **kwargs)

    monkeypatch.setattr(orders, "mark_delivered", slow)
    select_group(panel, "W-2")
    dialog = panel.mark_delivered()
    assert dialog is not None
    started = time.monotonic()
    dialog.ok.click()
    assert time.monotonic() - started < 0.3  # the click came back at once
    assert runner.busy  # the status bar's busy mark follows the runner
    assert not dialog.ok.isEnabled()
    assert dialog.message.text() == "Saving…"
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        pass
    assert panel.wait_loaded()
    assert order(clerk, "W-2").status.value == "delivered"


def test_a_return_is_received_then_refunded_at_most_what_was_paid(
    qtbot: Any, panel: TimelinePanel, clerk: DeskSession
) -> None:
    # A new return of the saw of W-1 (delivered on day 3), requested today.
    saw = order(clerk, "W-1").lines[0]
    ret = orders.record_return(clerk, "W-1", {saw.id: 1}, reason="Too heavy")
    panel.reload()
    assert panel.wait_loaded()
    select_group(panel, "W-1")
    assert panel.received_button.isEnabled()
    received = panel.open_received_dialog()
    assert isinstance(received, ReturnStepDialog)
    assert received.ret.currentData() == ret.number  # the only one awaiting its goods
    with qtbot.waitSignal(received.finished):
        received.ok.click()
    assert panel.wait_loaded()
    assert f"Return {ret.number} marked received" in panel.status.text()

    select_event(panel, "W-1", K.RETURN_RECEIVED)
    refund = panel.open_refund_dialog()
    assert isinstance(refund, ReturnStepDialog)
    assert refund.ret.currentData() == ret.number
    assert refund.amount.value() == pytest.approx(399.00)  # what was paid, to begin with
    refund.amount.setValue(399.01)
    assert not refund.ok.isEnabled()
    assert "at most €399.00" in refund.message.text()
    refund.amount.setValue(350)
    assert "€350.00" in refund.summary.text()
    with qtbot.waitSignal(refund.finished):
        refund.ok.click()
    assert panel.wait_loaded()
    stored = order(clerk, "W-1").return_by_number(ret.number)
    assert stored is not None and stored.refund_cents == 35000
    assert stored.refunded_at is not None


def test_a_correction_keeps_the_step_visible_as_corrected_and_is_audited(
    qtbot: Any, panel: TimelinePanel, clerk: DeskSession
) -> None:
    before = order(clerk, "W-1").deliveries[0]
    select_event(panel, "W-1", K.DELIVERED)
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow)
    qtbot.keyClick(panel.tree, Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: panel._dialog is not None)
    dialog = panel._dialog
    assert isinstance(dialog, CorrectionDialog)
    assert dialog.chosen() is not None and dialog.chosen().delivery_id == before.id  # type: ignore[union-attr]
    assert not dialog.ok.isEnabled()  # no reason yet, and the same date changes nothing
    dialog.day.set_day(local_day(day(4)))
    assert dialog.message.text() == "Say why the step is corrected."
    dialog.reason.setText("The carrier's receipt says the 5th")
    assert dialog.ok.isEnabled()
    with qtbot.waitSignal(dialog.finished):
        dialog.ok.click()
    assert panel.wait_loaded()

    w1 = dict(layout(panel.model))["W-1"]
    assert (K.CORRECTION, "W-1") in w1
    group = panel.model.index_of_group("W-1")
    struck = []
    for row in range(panel.model.rowCount(group)):
        index = panel.model.index(row, 0, group)
        event = panel.model.event_at(index)
        assert event is not None
        if event.corrected:
            struck.append(event)
            font = panel.model.data(index, Qt.ItemDataRole.FontRole)
            assert font.strikeOut()
            status = panel.model.data(panel.model.index(row, panel.model.STATUS, group))
            assert status == "Corrected"
    assert [(e.kind, e.at) for e in struck] == [(K.DELIVERED, before.delivered_at)]
    select_event(panel, "W-1", K.CORRECTION)
    assert "The carrier's receipt says the 5th" in panel.details.toPlainText()
    with clerk.db.read() as s:
        details = list(
            s.scalars(
                select(m.AuditEvent.detail).where(m.AuditEvent.action == AuditAction.DELIVERY.value)
            )
        )
    assert any("correction" in d and "W-1" in d for d in details)


def test_a_viewer_cannot_record_or_correct_steps(
    qtbot: Any, clerk: DeskSession, runner: TaskRunner, english: Translations
) -> None:
    viewer = DeskSession(clerk.db, Level.VIEWER)
    panel = open_panel(qtbot, viewer, runner, standard_history(clerk))
    select_group(panel, "W-1")
    for button in panel.step_buttons():
        assert not button.isEnabled()
        assert "Viewer" in button.toolTip()
    assert panel.open_correction_dialog() is None
    assert panel.open_refund_dialog() is None


def test_buttons_say_why_a_step_cannot_be_taken(panel: TimelinePanel) -> None:
    select_group(panel, "W-3")  # placed only
    assert not panel.correct_button.isEnabled()
    assert "has been recorded" in panel.correct_button.toolTip()
    assert not panel.refund_button.isEnabled()
    assert "waiting for a refund" in panel.refund_button.toolTip()


def full_history(clerk: DeskSession) -> tuple[str, Order]:
    """The standard history with W-1's delivery corrected once: every step recorded."""
    number = standard_history(clerk)
    w1 = order(clerk, "W-1")
    orders.correct_step(
        clerk, "W-1", OrderStep.DELIVERED, delivery_id=w1.deliveries[0].id,
        day=local_day(day(4)), reason="Carrier's receipt",
    )  # fmt: skip
    return number, order(clerk, "W-1")


@pytest.mark.parametrize("language", ["en", "fi", "sv"], indirect=True)
def test_alt_letters_of_the_step_dialogs_are_unique(
    qtbot: Any,
    language: str,  # noqa: F811 (the fixture imported above, parametrised)
    clerk: DeskSession,
    runner: TaskRunner,
) -> None:
    _, w1 = full_history(clerk)
    w2 = order(clerk, "W-2")
    dialogs = [
        DeliveryDialog(clerk, runner, w2),
        ReturnStepDialog(clerk, runner, w1, OrderStep.RETURN_REFUNDED),
        ReturnStepDialog(clerk, runner, w1, OrderStep.RETURN_RECEIVED),
        CorrectionDialog(clerk, runner, w1, step=OrderStep.RETURN_REFUNDED,
                         return_number=w1.returns[0].number),
    ]  # fmt: skip
    screens = []
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        screens.append((type(dialog).__name__, _clashes(dialog)))
    assert [s for s in screens if s[1]] == []
