"""The "Orders" tab: events in order and grouped, filters, returns and deliveries."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex
from sqlalchemy import func, select

from kkdesk.domain.levels import Level
from kkdesk.domain.timeline import EventKind
from kkdesk.services import customers, orders
from kkdesk.services.session import DeskSession
from kkdesk.store import models as m
from kkdesk.ui.i18n import Translations
from kkdesk.ui.tasks import TaskRunner
from kkdesk.ui.timeline import ReturnDialog, TimelineModel, TimelinePanel
from kkdesk.ui.timeline.delivery_dialog import DeliveryDialog
from tests.orders_factory import (
    LineSpec,
    OrderSpec,
    add_customer,
    add_orders,
    day,
    standard_history,
)

K = EventKind


def open_panel(qtbot: Any, ds: DeskSession, runner: TaskRunner, number: str) -> TimelinePanel:
    panel = TimelinePanel(ds, runner)
    qtbot.addWidget(panel)
    panel.resize(1200, 600)
    panel.show()
    panel.set_customer(customers.get(ds, number, purpose="customer_service"))
    assert panel.wait_loaded()
    return panel


def layout(model: TimelineModel) -> list[tuple[str, list[tuple[EventKind, str]]]]:
    """(order number, [(kind, number column)]) for every group, as the tree shows them."""
    out = []
    for row in range(model.rowCount()):
        parent = model.index(row, 0)
        events = []
        for child in range(model.rowCount(parent)):
            event = model.event_at(model.index(child, 0, parent))
            assert event is not None
            number = model.data(model.index(child, TimelineModel.NUMBER, parent))
            events.append((event.kind, number))
        out.append((model.data(model.index(row, TimelineModel.NUMBER)), events))
    return out


def reload_with(panel: TimelinePanel, change: Any) -> None:
    change()
    assert panel.wait_loaded()


def return_count(ds: DeskSession) -> int:
    with ds.db.read() as s:
        return s.scalar(select(func.count()).select_from(m.Return)) or 0


@pytest.fixture
def clerk(ds: DeskSession) -> Iterator[DeskSession]:
    yield DeskSession(ds.db, Level.CLERK)


@pytest.fixture
def panel(
    qtbot: Any, clerk: DeskSession, runner: TaskRunner, english: Translations
) -> TimelinePanel:
    return open_panel(qtbot, clerk, runner, standard_history(clerk))


def select_group(panel: TimelinePanel, order_number: str) -> None:
    index = panel.model.index_of_group(order_number)
    assert index.isValid()
    panel.tree.setCurrentIndex(index)


def test_events_are_newest_first_and_returns_sit_under_their_order(
    panel: TimelinePanel,
) -> None:
    assert layout(panel.model) == [
        ("W-3", [(K.ORDER_PLACED, "W-3")]),
        ("W-2", [(K.SHIPPED, "W-2"), (K.ORDER_PLACED, "W-2")]),
        (
            "W-1",
            [
                (K.RETURN_REFUNDED, "R-W-1-1"),
                (K.RETURN_RECEIVED, "R-W-1-1"),
                (K.RETURN_REQUESTED, "R-W-1-1"),
                (K.DELIVERED, "W-1"),
                (K.SHIPPED, "W-1"),
                (K.ORDER_PLACED, "W-1"),
            ],
        ),
    ]
    assert "3" in panel.status.text()


def test_rows_say_what_happened_in_words_with_euros_and_an_icon(panel: TimelinePanel) -> None:
    model = panel.model
    w1 = model.index_of_group("W-1")
    refunded = model.index(0, TimelineModel.EVENT, w1)
    assert model.data(refunded) == "Refunded"
    assert model.data(refunded, 1) is not None  # DecorationRole: the kind's icon
    amount = model.data(model.index(0, TimelineModel.AMOUNT, w1))
    assert amount.replace("\N{NO-BREAK SPACE}", " ") in ("€24.90", "24,90 €")
    assert model.data(model.index(0, TimelineModel.AMOUNT, w1), 3)  # ToolTipRole: the VAT
    w2 = model.index_of_group("W-2")
    assert model.data(model.index(0, TimelineModel.STATUS, w2)) == "Awaiting delivery"
    assert model.data(model.index(0, TimelineModel.WHAT, w2)) == "Posti JJFI123456789"


def test_selecting_an_event_shows_its_details(panel: TimelinePanel) -> None:
    w1 = panel.model.index_of_group("W-1")
    panel.tree.setCurrentIndex(panel.model.index(2, 0, w1))  # return requested
    text = panel.details.toPlainText()
    for expected in ("Return requested", "R-W-1-1", "Wrong size", "Teräketju", "JJFI123456789"):
        assert expected in text
    assert "Kauppakatu 1" in text  # the delivery address


def test_the_kind_filter_keeps_only_the_chosen_kinds(panel: TimelinePanel) -> None:
    def only(*kinds: EventKind) -> None:
        for kind, button in panel.kind_buttons.items():
            button.setChecked(kind in kinds)

    reload_with(panel, lambda: only(K.SHIPPED))
    assert layout(panel.model) == [
        ("W-2", [(K.SHIPPED, "W-2")]),
        ("W-1", [(K.SHIPPED, "W-1")]),
    ]
    reload_with(panel, lambda: only(K.RETURN_REQUESTED, K.RETURN_REFUNDED))
    assert layout(panel.model) == [
        ("W-1", [(K.RETURN_REFUNDED, "R-W-1-1"), (K.RETURN_REQUESTED, "R-W-1-1")])
    ]


def test_the_text_filter_finds_products_and_order_numbers(qtbot: Any, panel: TimelinePanel) -> None:
    panel.text.setText("teräketju")
    qtbot.waitUntil(lambda: not panel._text_timer.isActive())
    assert panel.wait_loaded()
    assert [g.order.number for g in panel.model.groups] == ["W-1"]
    panel.text.setText("W-2")
    qtbot.waitUntil(lambda: not panel._text_timer.isActive())
    assert panel.wait_loaded()
    assert [g.order.number for g in panel.model.groups] == ["W-2"]
    panel.text.setText("moottorisaha")
    qtbot.waitUntil(lambda: not panel._text_timer.isActive())
    assert panel.wait_loaded()
    assert panel.model.rowCount() == 0
    assert panel.status.text() == "No events match the filter."


def test_open_items_and_date_range(panel: TimelinePanel) -> None:
    reload_with(panel, lambda: panel.open_only.setChecked(True))
    assert [g.order.number for g in panel.model.groups] == ["W-3", "W-2"]
    reload_with(panel, lambda: panel.open_only.setChecked(False))
    # 2025-03-04 … 2025-03-09, local dates: W-1's delivery, return request and receipt.
    reload_with(panel, lambda: panel.since.set_value(date(2025, 3, 4)))
    reload_with(panel, lambda: panel.until.set_value(date(2025, 3, 9)))
    assert layout(panel.model) == [
        (
            "W-1",
            [
                (K.RETURN_RECEIVED, "R-W-1-1"),
                (K.RETURN_REQUESTED, "R-W-1-1"),
                (K.DELIVERED, "W-1"),
            ],
        )
    ]


def test_a_valid_return_appears_on_the_timeline_and_in_the_database(
    qtbot: Any, panel: TimelinePanel, clerk: DeskSession
) -> None:
    select_group(panel, "W-1")
    assert panel.return_button.isEnabled()
    dialog = panel.open_return_dialog()
    assert isinstance(dialog, ReturnDialog)
    saw, chain = dialog.order.lines
    assert dialog.spins[saw.id].maximum() == 1
    assert dialog.spins[chain.id].maximum() == 1  # 2 delivered, 1 already returned
    assert not dialog.ok.isEnabled()  # nothing chosen yet
    dialog.spins[saw.id].setValue(1)
    dialog.reason.setText("Too heavy")
    with qtbot.waitSignal(dialog.finished):
        dialog.ok.click()
    assert panel.wait_loaded()

    _, stored = orders.get_order(clerk, "W-1")
    [new] = [r for r in stored.returns if r.reason == "Too heavy"]
    assert [(rl.order_line_id, rl.quantity) for rl in new.lines] == [(saw.id, 1)]
    w1 = layout(panel.model)[2]
    assert w1[0] == "W-1"
    assert w1[1][0] == (K.RETURN_REQUESTED, new.number)
    assert new.number in panel.status.text()
    assert panel.selected_group() is not None
    assert panel.selected_group().order.number == "W-1"  # type: ignore[union-attr]


def test_an_over_quantity_return_is_refused_and_changes_nothing(
    qtbot: Any, panel: TimelinePanel, clerk: DeskSession
) -> None:
    select_group(panel, "W-1")
    dialog = panel.open_return_dialog()
    assert dialog is not None
    chain = dialog.order.lines[1]
    # Another clerk returns the last chain while this dialog is open.
    orders.record_return(clerk, "W-1", {chain.id: 1}, reason="other desk")
    before = return_count(clerk)
    dialog.spins[chain.id].setValue(1)
    dialog.ok.click()
    assert panel.wait_loaded()
    assert dialog.isVisible()  # stays open, explains
    assert "At most 0" in dialog.message.text()
    assert "Teräketju" in dialog.message.text()
    assert dialog.spins[chain.id].maximum() == 0
    assert return_count(clerk) == before
    dialog.reject()


def test_a_fully_returned_or_undelivered_order_cannot_be_returned(panel: TimelinePanel) -> None:
    select_group(panel, "W-2")  # shipped, not delivered
    assert not panel.return_button.isEnabled()
    assert "Nothing of this order can be returned" in panel.return_button.toolTip()
    assert panel.delivered_button.isEnabled()


def test_mark_delivered_updates_the_timeline(panel: TimelinePanel, clerk: DeskSession) -> None:
    select_group(panel, "W-2")
    panel.delivered_button.click()
    dialog = panel._dialog  # the delivery asks for its date and confirms (issue 12)
    assert isinstance(dialog, DeliveryDialog)
    dialog.ok.click()
    assert panel.wait_loaded()
    kinds = dict(layout(panel.model))["W-2"]
    assert kinds[0][0] is K.DELIVERED
    assert orders.get_order(clerk, "W-2")[1].status.value == "delivered"
    assert "W-2" in panel.status.text()


def test_a_viewer_sees_the_timeline_but_cannot_change_it(
    qtbot: Any, clerk: DeskSession, runner: TaskRunner, english: Translations
) -> None:
    number = standard_history(clerk)
    viewer = DeskSession(clerk.db, Level.VIEWER)
    panel = open_panel(qtbot, viewer, runner, number)
    select_group(panel, "W-1")
    assert panel.model.rowCount() == 3
    for button in (panel.return_button, panel.delivered_button):
        assert not button.isEnabled()
        assert "Viewer" in button.toolTip()
    assert panel.open_return_dialog() is None


def test_a_long_history_loads_page_by_page_as_the_user_scrolls(
    qtbot: Any, clerk: DeskSession, runner: TaskRunner, english: Translations
) -> None:
    number = add_customer(clerk, "Pitkänen")
    add_orders(
        clerk,
        number,
        [
            OrderSpec(f"L-{i:04d}", day(i), [LineSpec("Harava")], day(i, 2), day(i, 20))
            for i in range(400)
        ],
    )
    panel = open_panel(qtbot, clerk, runner, number)
    first = panel.model.rowCount()
    assert 0 < first < 400
    assert panel.model.canFetchMore(QModelIndex())
    assert "400" in panel.status.text()
    panel.tree.scrollToBottom()
    qtbot.waitUntil(lambda: panel.model.rowCount() > first)
    while panel.model.next is not None:
        assert panel.wait_loaded()  # a page asked for by the scrolling may be on its way
        panel.tree.scrollToBottom()  # the user scrolls on: the next page follows
        assert panel.wait_loaded()
    assert panel.wait_loaded()
    numbers = [g.order.number for g in panel.model.groups]
    assert numbers == [f"L-{i:04d}" for i in reversed(range(400))]


def test_no_customer_shows_nothing(panel: TimelinePanel) -> None:
    panel.set_customer(None)
    assert panel.model.rowCount() == 0
    assert not panel.return_button.isEnabled()


def _bulk_history(ds: DeskSession, number: str, orders_count: int) -> int:
    """Orders straight into the tables, as the webshop's import would (fast enough for
    10,000 events in a test): each ordered, shipped and delivered, every third returned,
    received and refunded. Returns the number of events."""
    from datetime import UTC, datetime, timedelta

    from sqlalchemy import insert

    start = datetime(2019, 1, 7, 8, 0, tzinfo=UTC)
    with ds.db.engine.begin() as conn:
        cid = conn.execute(select(m.Customer.id).where(m.Customer.number == number)).scalar()
        base = {
            t: int(conn.execute(select(func.coalesce(func.max(t.id), 0))).scalar_one()) + 1
            for t in (m.Order, m.OrderLine, m.Delivery, m.Return, m.ReturnLine)
        }
        rows: dict[Any, list[dict[str, Any]]] = {t: [] for t in base}
        for i in range(orders_count):
            oid, lid, at = base[m.Order] + i, base[m.OrderLine] + i, start + timedelta(days=i)
            rows[m.Order].append(
                {
                    "id": oid,
                    "number": f"B{i:06d}",
                    "customer_id": cid,
                    "ordered_at": at,
                    "status": "delivered",
                    "total_cents": 2490,
                }
            )
            rows[m.OrderLine].append(
                {
                    "id": lid,
                    "order_id": oid,
                    "line_no": 1,
                    "product_code": "TE-1",
                    "product_name": "Teräketju",
                    "quantity": 1,
                    "unit_price_cents": 2490,
                    "vat_rate_bp": 2550,
                }
            )
            rows[m.Delivery].append(
                {
                    "id": base[m.Delivery] + i,
                    "order_id": oid,
                    "shipped_at": at + timedelta(hours=20),
                    "delivered_at": at + timedelta(hours=44),
                    "carrier": "Posti",
                    "tracking_code": "JJFI1",
                    "recipient": "",
                    "street": "",
                    "postal_code": "",
                    "post_office": "",
                    "country": "FI",
                }
            )
            if i % 3 == 0:
                rid = base[m.Return] + len(rows[m.Return])
                rows[m.Return].append(
                    {
                        "id": rid,
                        "order_id": oid,
                        "number": f"RB{i:06d}",
                        "requested_at": at + timedelta(days=4),
                        "received_at": at + timedelta(days=6),
                        "refunded_at": at + timedelta(days=8),
                        "reason": "",
                        "refund_cents": 2490,
                    }
                )
                rows[m.ReturnLine].append(
                    {
                        "id": base[m.ReturnLine] + len(rows[m.ReturnLine]),
                        "return_id": rid,
                        "order_line_id": lid,
                        "quantity": 1,
                    }
                )
        for table, batch in rows.items():
            conn.execute(insert(table), batch)
    return orders_count * 3 + len(rows[m.Return]) * 3  # fmt: skip


def test_a_customer_with_10000_events_opens_lazily_off_the_gui_thread(
    qtbot: Any,
    clerk: DeskSession,
    runner: TaskRunner,
    english: Translations,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import threading

    from kkdesk.services import timeline as timeline_service

    number = add_customer(clerk, "Pitkäaikainen")
    events = _bulk_history(clerk, number, 2500)
    assert events >= 10000
    threads: list[int] = []
    real_page = timeline_service.page

    def page(*args: Any, **kwargs: Any) -> Any:
        threads.append(threading.get_ident())
        return real_page(*args, **kwargs)

    monkeypatch.setattr(timeline_service, "page", page)
    panel = open_panel(qtbot, clerk, runner, number)
    assert threads and threading.get_ident() not in threads  # every page on a worker
    assert len(threads) == 1  # the first screen needed one page, not the history
    shown = panel.model.event_count()
    assert 0 < shown <= 400 < events
    assert (
        panel.status.text() == f"{panel.model.rowCount()} orders shown of 2,500 · scroll for more"
    )
    assert [g.order.number for g in panel.model.groups][:2] == ["B002499", "B002498"]
    panel.tree.scrollToBottom()
    assert panel.wait_loaded()
    assert panel.model.event_count() > shown  # the next page followed the scrolling
    assert len(threads) == 2


def test_the_newest_order_is_selected_when_the_tab_opens(panel: TimelinePanel) -> None:
    group = panel.selected_group()
    assert group is not None and group.order.number == "W-3"
    assert "Order W-3" in panel.details.toPlainText()


def test_the_return_dialog_shows_the_value_of_what_is_returned(panel: TimelinePanel) -> None:
    select_group(panel, "W-1")
    dialog = panel.open_return_dialog()
    assert dialog is not None
    saw = dialog.order.lines[0]
    dialog.spins[saw.id].setValue(1)
    assert dialog.value.text() == "Value of the returned items: €399.00 including VAT"
    dialog.reject()


def test_a_level_without_orders_is_told_so_without_a_query(
    qtbot: Any,
    clerk: DeskSession,
    runner: TaskRunner,
    english: Translations,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from kkdesk.services import timeline as timeline_service

    number = standard_history(clerk)
    asked: list[object] = []
    monkeypatch.setattr(timeline_service, "page", lambda *a, **k: asked.append(a))
    panel = open_panel(qtbot, DeskSession(clerk.db, Level.MARKETING), runner, number)
    assert asked == []
    assert panel.status.text() == "Your user level (Marketing) does not show orders."


def test_event_icons_differ_in_shape_in_grey_print(qapp: Any) -> None:
    from PySide6.QtGui import QImage

    from kkdesk.ui.timeline.icons import kind_icon

    greys = set()
    for kind in EventKind:
        image = kind_icon(kind).pixmap(32, 32).toImage()
        grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
        greys.add(bytes(grey.constBits()))  # type: ignore[call-overload]
    assert len(greys) == len(EventKind)


def test_filter_dates_can_be_typed_and_the_calendar_opens_at_today(
    qtbot: Any, desk_ds: DeskSession, runner: TaskRunner, english: object
) -> None:
    from PySide6.QtCore import QDate

    from kkdesk.ui.formatting import format_date

    number = customers.search(desk_ds, "Möttönen Matti", limit=1).rows[0].number
    panel = open_panel(qtbot, desk_ds, runner, number)
    since = panel.since
    assert since.value() is None and since.text() == "—"
    since.setFocus()
    qtbot.keyClicks(since, format_date(date(2025, 3, 4)))
    assert since.value() == date(2025, 3, 4)

    until = panel.until
    calendar = until.calendarWidget()
    calendar.window().show()  # the calendar popup opening
    today = QDate.currentDate()
    assert (calendar.yearShown(), calendar.monthShown()) == (today.year(), today.month())
    assert until.value() is None  # opening the calendar chose nothing
    calendar.window().hide()
    assert panel.wait_loaded()
