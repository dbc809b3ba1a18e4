"""Restriction of processing (GDPR Art. 18) in the desk: the marker in the result list and
on the form, the read-only form with its reason, and restricting and lifting from the
Customer menu (the Art. 18(3) notice first), all off the GUI thread."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelRoleData, Qt
from PySide6.QtWidgets import QApplication

from kkdesk.domain.consent import MarketingChannel, MarketingPurpose
from kkdesk.domain.levels import Level
from kkdesk.domain.restriction import RestrictionGround
from kkdesk.services import restrictions
from kkdesk.services.session import DeskSession
from kkdesk.ui.consent_panel import ConsentPanel
from kkdesk.ui.main_window import MainWindow
from kkdesk.ui.restriction import LiftDialog, RestrictDialog
from tests.ui.conftest import find
from tests.ui.helpers import settle

NAME = "möttönen matti"


def _open(qtbot: Any, window: MainWindow, number: str) -> None:
    window.open_number(number)
    qtbot.waitUntil(lambda: window.view.customer is not None, timeout=10000)
    settle(window)


def test_a_restricted_customer_is_marked_in_the_results_and_read_only_on_the_form(
    qtbot: Any, window: MainWindow, desk_ds: DeskSession
) -> None:
    window.resize(1280, 720)
    customer = find(desk_ds, NAME)
    restrictions.restrict(desk_ds, customer.number, RestrictionGround.ACCURACY_CONTESTED,
                          "Osoite kiistetty")  # fmt: skip
    window.search.edit.setText("möttönen")
    model = window.search.model
    qtbot.waitUntil(lambda: model.query == "möttönen" and not model.loading, timeout=10000)
    row = model.row_of(customer.id)
    assert row >= 0
    number_cell = model.index(row, model.COLUMNS.index("number"))
    assert model.data(number_cell, Qt.ItemDataRole.DecorationRole) is not None
    assert "Art. 18" in model.data(number_cell, Qt.ItemDataRole.ToolTipRole)
    others = [i for i in range(model.rowCount()) if i != row]
    for i in others:
        assert model.data(model.index(i, 0), Qt.ItemDataRole.DecorationRole) is None
    # What the list paints comes through multiData (one call per cell): the marker too.
    decoration = int(Qt.ItemDataRole.DecorationRole.value)
    painted = QModelRoleData(decoration)
    model.multiData(number_cell, painted)
    assert painted.data() is not None
    for i in [*others, row]:
        for column in range(1 if i == row else 0, model.columnCount()):
            entry = QModelRoleData(decoration)
            model.multiData(model.index(i, column), entry)
            assert entry.data() is None
    window.search.table.selectRow(row)
    QApplication.processEvents()
    window.grab().save("/tmp/restrict-search.png")

    _open(qtbot, window, customer.number)
    form = window.view.form
    qtbot.waitUntil(lambda: form.restriction_banner.isVisible(), timeout=10000)
    assert "since" in form.restriction_text.text()
    assert "Processing restricted since" in window.view.header.plain()
    # The exports leave a restricted customer out: the summary and "allowed now" say so.
    qtbot.waitUntil(lambda: "Marketing: not allowed" in window.view.header.plain(), timeout=10000)
    assert "restriction of processing in force since" in window.view.header.plain()
    panel = next(p for p in window.view.panels if isinstance(p, ConsentPanel))
    post = (MarketingPurpose.DIRECT_ADVERTISING, MarketingChannel.POST)
    qtbot.waitUntil(lambda: "not allowed" in panel.verdict_text(*post), timeout=10000)
    assert "restriction of processing" in panel.verdict_text(*post)
    street = form.fields.editors["street"]
    assert street.isReadOnly() and "Art. 18" in street.toolTip()  # type: ignore[attr-defined]
    assert not form.save_button.isEnabled() and not form.add_contact_button.isEnabled()
    assert "restricted" in form.summary.text()
    assert not window.restrict_action.isEnabled() and window.lift_action.isEnabled()
    assert "already restricted" in window.restrict_action.toolTip()
    assert form.lift_button.isVisible()  # admin may lift
    QApplication.processEvents()
    window.grab().save("/tmp/restrict-form.png")

    # Another customer opens editable again.
    _open(qtbot, window, find(desk_ds, "virtanen").number)
    qtbot.waitUntil(lambda: not form.restriction_banner.isVisible(), timeout=10000)
    assert not form.fields.editors["street"].isReadOnly()  # type: ignore[attr-defined]
    assert window.restrict_action.isEnabled() and not window.lift_action.isEnabled()
    qtbot.waitUntil(lambda: "not allowed" not in panel.verdict_text(*post), timeout=10000)


def test_levels_that_may_not_restrict_see_the_marker_but_no_action(
    qtbot: Any, desk_ds: DeskSession, runner: Any, window_settings: Any, english: Any
) -> None:
    customer = find(desk_ds, NAME)
    restrictions.restrict(desk_ds, customer.number, RestrictionGround.LEGAL_CLAIMS, "Riita")
    desk_ds.level = Level.CLERK
    win = MainWindow(desk_ds, runner, user="clerk", settings=window_settings)
    qtbot.addWidget(win)
    win.show()
    _open(qtbot, win, customer.number)
    form = win.view.form
    qtbot.waitUntil(lambda: form.restriction_banner.isVisible(), timeout=10000)
    assert not form.lift_button.isVisible()
    assert not win.restrict_action.isEnabled() and not win.lift_action.isEnabled()
    assert "level" in win.lift_action.toolTip()
    assert win.lift_restriction() is None and win.restrict_processing() is None


def test_restrict_then_lift_from_the_desk_with_the_notice_first(
    qtbot: Any,
    window: MainWindow,
    desk_ds: DeskSession,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window.resize(1280, 720)
    customer = find(desk_ds, NAME)
    _open(qtbot, window, customer.number)
    form = window.view.form
    dialog = window.restrict_processing()
    assert isinstance(dialog, RestrictDialog)
    dialog.ground.setCurrentIndex(dialog.ground.findData(RestrictionGround.OBJECTION_PENDING.value))
    dialog.reason.setPlainText("Vastustus selvitettävänä")
    QApplication.processEvents()
    dialog.grab().save("/tmp/restrict-dialog.png")
    with qtbot.waitSignal(dialog.restricted, timeout=10000):
        dialog.ok.click()
    qtbot.waitUntil(lambda: form.restriction_banner.isVisible(), timeout=10000)
    assert window.lift_action.isEnabled()

    # Making the notice is slow here: the lift stays impossible until it is made.
    real = restrictions.make_lift_notice
    gate = threading.Event()

    def slow(*args: Any, **kwargs: Any) -> Any:
        gate.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(restrictions, "make_lift_notice", slow)
    lift = window.lift_restriction()
    assert isinstance(lift, LiftDialog)
    qtbot.waitUntil(lambda: "Restricted since" in lift.info.text(), timeout=10000)
    lift.language.setCurrentIndex(lift.language.findData("sv"))
    lift.make_button.click()
    time.sleep(0.05)
    QApplication.processEvents()
    assert not lift.lift_button.isEnabled() and not lift.make_button.isEnabled()
    assert lift.notice is None
    gate.set()
    qtbot.waitUntil(lambda: lift.notice is not None, timeout=10000)
    assert lift.lift_button.isEnabled()
    assert lift.notice is not None and lift.notice.language == "sv"
    lift.save_to(tmp_path / "notice.pdf")
    assert (tmp_path / "notice.pdf").read_bytes()[:4] == b"%PDF"
    QApplication.processEvents()
    lift.grab().save("/tmp/restrict-lift.png")
    monkeypatch.setattr(lift, "confirm", lambda: True)
    with qtbot.waitSignal(lift.lifted, timeout=10000):
        lift.lift_button.click()
    qtbot.waitUntil(lambda: not form.restriction_banner.isVisible(), timeout=10000)
    assert not form.fields.editors["street"].isReadOnly()  # type: ignore[attr-defined]
    assert restrictions.current(desk_ds, customer.number) is None
    settle(window)
