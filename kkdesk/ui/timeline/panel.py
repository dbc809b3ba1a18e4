"""The "Orders" tab: the customer's orders, deliveries and returns on one line of events.

Newest first, grouped by order (a return sits under the order it returns). Events load a
page at a time on the task runner (``canFetchMore`` / ``fetchMore``), so a customer with
10,000 events opens at once and the rest follows as the user scrolls. Clerks record a
return, a delivery, a return received or refunded, and correct a wrongly recorded step
from here; each opens its dialog and the change is stored off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import (
    QCoreApplication,
    QDeadlineTimer,
    QLocale,
    QModelIndex,
    QPoint,
    QSettings,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTextBrowser,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from kkdesk.domain.customer import Customer
from kkdesk.domain.levels import Capability
from kkdesk.domain.orders import Order, OrderStep
from kkdesk.domain.timeline import (
    EventKind,
    OrderGroup,
    TimelineCursor,
    TimelineEvent,
    TimelineFilter,
    TimelinePage,
    order_is_open,
)
from kkdesk.services import timeline as timeline_service
from kkdesk.services.session import DeskSession
from kkdesk.ui.columns import fit_columns
from kkdesk.ui.failures import report_failure
from kkdesk.ui.labels import level_label
from kkdesk.ui.tasks import TaskRunner
from kkdesk.ui.timeline import correction_dialog, delivery_dialog, return_step_dialog
from kkdesk.ui.timeline.correction_dialog import CorrectionDialog
from kkdesk.ui.timeline.delivery_dialog import DeliveryDialog
from kkdesk.ui.timeline.details import details_html
from kkdesk.ui.timeline.icons import kind_icon
from kkdesk.ui.timeline.model import TimelineModel
from kkdesk.ui.timeline.return_dialog import ReturnDialog
from kkdesk.ui.timeline.return_step_dialog import ReturnStepDialog
from kkdesk.ui.timeline.step_dialog import StepDialog
from kkdesk.ui.timeline.words import kind_labels
from kkdesk.ui.widgets import FlowLayout, OptionalDateEdit, labelled

# Fewer rows than this on screen after a page, and more to come: fetch on without waiting
# for the user to scroll (a selective filter can give nearly empty pages).
_FILL_ROWS = 60
# The next page is asked for when the last order on screen is this close to the end.
_NEAR_END_GROUPS = 10


def _local_midnight(d: date) -> datetime:
    return datetime.combine(d, time()).astimezone()


class TimelinePanel(QWidget):
    """Customer view tab with the order, delivery and return timeline."""

    panel_id = "timeline"
    # Emitted after a change stored from this panel (a return, a delivery).
    orders_changed = Signal(str)  # order number

    def __init__(self, ds: DeskSession, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self._ds = ds
        self._runner = runner
        self._number: str | None = None
        self._generation = 0
        self._total_orders: int | None = None
        self._dialog: QDialog | None = None
        self._reselect: str | None = None
        # What the last stored change was; kept in the status line over the reload.
        self._notice = ""
        self.can_edit = ds.can(Capability.EDIT_ORDERS)

        self.model = TimelineModel(self)
        self.model.fetch_requested.connect(self._on_model_fetch_requested)
        self._fetch_check = QTimer(self)
        self._fetch_check.setSingleShot(True)
        self._fetch_check.setInterval(0)
        self._fetch_check.timeout.connect(self._maybe_fetch)

        # Filters: the kind buttons double as the legend of the icons.
        self.kind_buttons: dict[EventKind, QToolButton] = {}
        filters = QWidget(self)
        flow = FlowLayout(filters)
        flow.addWidget(QLabel(self.tr("Show:"), filters))
        for kind in EventKind:
            button = QToolButton(self)
            button.setCheckable(True)
            button.setChecked(True)
            button.setIcon(kind_icon(kind))
            button.setText(kind_labels()[kind])
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setAutoRaise(True)
            button.setObjectName(f"kind_{kind.value}")
            button.toggled.connect(self._on_filter_changed)
            self.kind_buttons[kind] = button
            flow.addWidget(button)

        self.text = QLineEdit(self)
        self.text.setObjectName("timelineText")
        self.text.setClearButtonEnabled(True)
        self.text.setPlaceholderText(self.tr("Product or order number"))
        self.text.setAccessibleName(self.tr("Filter by product or order number"))
        self._text_timer = QTimer(self)
        self._text_timer.setSingleShot(True)
        self._text_timer.setInterval(250)
        self._text_timer.timeout.connect(self._on_filter_changed)
        self.text.textChanged.connect(self._text_timer.start)

        self.since = OptionalDateEdit(self)
        self.since.setObjectName("timelineSince")
        self.since.setAccessibleName(self.tr("From date"))
        self.until = OptionalDateEdit(self)
        self.until.setObjectName("timelineUntil")
        self.until.setAccessibleName(self.tr("To date"))
        self.since.dateChanged.connect(self._on_filter_changed)
        self.until.dateChanged.connect(self._on_filter_changed)
        self.open_only = QCheckBox(self.tr("&Open items only"), self)
        self.open_only.setObjectName("timelineOpenOnly")
        self.open_only.setToolTip(self.tr("Orders not yet delivered and returns not yet refunded"))
        self.open_only.toggled.connect(self._on_filter_changed)

        self.text.setMinimumWidth(220)
        for label, field in (
            (self.tr("F&ind:"), self.text),
            (self.tr("Fro&m:"), self.since),
            (self.tr("&To:"), self.until),
        ):
            flow.addWidget(labelled(label, field, filters))
        flow.addWidget(self.open_only)

        self.tree = QTreeView(self)
        self.tree.setObjectName("timelineTree")
        self.tree.setAccessibleName(self.tr("Orders, deliveries and returns"))
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)  # constant row height: cheap layout of long lists
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setIconSize(QSize(16, 16))
        # When (indented under its order), event, number, what, amount, status. "What"
        # takes the room that is left, so the status stays in sight at 1280 pixels.
        fit_columns(
            self.tree,
            (
                "24/11/2026 23:59" + "\u2003" * 3,
                "Return requested" + "\u2003" * 2,
                "R900001041",
                "Teräketju 40 cm ×2, Ketjuöljy",
                "1 234,50 €",
                "Partly delivered",
            ),
        )
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(self.tree.fontMetrics().averageCharWidth() * 6)
        self.tree.selectionModel().currentRowChanged.connect(self._on_tree_current_changed)
        self.tree.verticalScrollBar().valueChanged.connect(self._on_tree_scrolled)
        self.tree.verticalScrollBar().rangeChanged.connect(self._on_tree_scrolled)

        self.details = QTextBrowser(self)
        self.details.setObjectName("timelineDetails")
        self.details.setAccessibleName(self.tr("Details of the selected event"))
        self.details.setOpenLinks(False)

        # Details below the list, as in a mail client: both get the tab's whole width, so
        # the list keeps every column and the order lines read as a table.
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setObjectName("timelineSplitter")
        splitter.addWidget(self.tree)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([420, 280])
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter

        self.return_button = QPushButton(self.tr("Record &return…"), self)
        self.return_button.setObjectName("recordReturn")
        self.return_button.clicked.connect(self.open_return_dialog)
        # Each step asks for its date and confirms before anything is stored.
        self.delivered_button = QPushButton(self.tr("Mark &delivered…"), self)
        self.delivered_button.setObjectName("markDelivered")
        self.delivered_button.clicked.connect(self.mark_delivered)
        self.received_button = QPushButton(self.tr("Return recei&ved…"), self)
        self.received_button.setObjectName("markReceived")
        self.received_button.clicked.connect(self.open_received_dialog)
        self.refund_button = QPushButton(self.tr("Refu&nd…"), self)
        self.refund_button.setObjectName("markRefunded")
        self.refund_button.clicked.connect(self.open_refund_dialog)
        self.correct_button = QPushButton(self.tr("Corr&ect…"), self)
        self.correct_button.setObjectName("correctStep")
        self.correct_button.setStatusTip(
            self.tr("Correct a wrongly recorded delivery, receipt or refund")
        )
        self.correct_button.clicked.connect(self.open_correction_dialog)
        self.status = QLabel(self)
        self.status.setObjectName("timelineStatus")
        # A long status must not widen the tab (the customer view can be narrow).
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        actions = QHBoxLayout()
        actions.addWidget(self.status, 1)
        actions.addWidget(self.delivered_button)
        actions.addWidget(self.return_button)
        actions.addWidget(self.received_button)
        actions.addWidget(self.refund_button)
        actions.addWidget(self.correct_button)

        layout = QVBoxLayout(self)
        layout.addWidget(filters)
        layout.addWidget(splitter, 1)
        layout.addLayout(actions)
        self._update_actions()

    # -- the panel protocol ---------------------------------------------------------

    def title(self) -> str:
        return self.tr("Orders")

    def set_customer(self, customer: Customer | None) -> None:
        self._number = customer.number if customer is not None else None
        self._notice = ""
        self.reload()

    # -- loading ----------------------------------------------------------------------

    def current_filter(self) -> TimelineFilter:
        kinds = frozenset(k for k, b in self.kind_buttons.items() if b.isChecked())
        since, until = self.since.value(), self.until.value()
        return TimelineFilter(
            kinds=kinds,
            since=_local_midnight(since) if since else None,
            until=_local_midnight(until + timedelta(days=1)) if until else None,
            open_only=self.open_only.isChecked(),
            text=self.text.text(),
        )

    def reload(self) -> None:
        """Start over from the newest order (a new customer, filter or stored change)."""
        self._generation += 1
        self.model.clear()
        self.details.clear()
        self._total_orders = None
        self._update_actions()
        if self._number is None:
            self.status.setText("")
            return
        if not self._ds.can(Capability.READ_ORDERS):
            # Say so instead of asking a database that would refuse anyway.
            self.status.setText(
                self.tr("Your user level (%1) does not show orders.").replace(
                    "%1", level_label(self._ds.level)
                )
            )
            return
        self.status.setText(self.tr("Loading…"))
        self._load(None)

    def _load(self, after: TimelineCursor | None) -> None:
        assert self._number is not None
        ds, number, flt, generation = (
            self._ds,
            self._number,
            self.current_filter(),
            self._generation,
        )
        self.model.loading = True
        self._runner.run(
            lambda: timeline_service.page(ds, number, flt, after=after),
            success=lambda page: self._on_page_loaded(generation, page),
            failure=lambda exc: self._on_page_failed(generation, exc),
            key=f"timeline-{id(self)}",
        )

    def fetch_more(self) -> bool:
        """Load the next page now, if there is one and none is on its way."""
        if self._number is None or self.model.next is None or self.model.loading:
            return False
        self._load(self.model.next)
        return True

    def _on_tree_scrolled(self, *_: int) -> None:
        self._fetch_check.start()

    def _on_model_fetch_requested(self) -> None:
        # Asked from inside the view's own layout pass, where it cannot yet say which
        # rows are on screen: decide once the event loop is back.
        self._fetch_check.start()

    def _maybe_fetch(self, *_: object) -> None:
        """The next page once the user nears the end of the list (or it does not fill
        the view). Asks the view itself, which lays out the rows first if it must."""
        if self.model.next is None or self.model.loading:
            return
        viewport = self.tree.viewport()
        bottom = self.tree.indexAt(QPoint(4, viewport.height() - 2))
        if bottom.isValid():
            group_row = bottom.parent().row() if bottom.parent().isValid() else bottom.row()
            if group_row < self.model.rowCount() - _NEAR_END_GROUPS:
                return
        self.fetch_more()

    def _on_page_loaded(self, generation: int, page: TimelinePage) -> None:
        if generation != self._generation:
            return
        first = self.model.rowCount()
        if page.total_orders is not None:
            self._total_orders = page.total_orders
        self.model.append_page(page)
        for row in range(first, self.model.rowCount()):
            self.tree.setExpanded(self.model.index(row, 0), True)
        self._show_counts()
        if self._reselect is not None:
            index = self.model.index_of_group(self._reselect)
            if index.isValid():
                self._reselect = None
                self.tree.setCurrentIndex(index)
        elif first == 0 and self.model.rowCount() and not self.tree.currentIndex().isValid():
            # The newest order's details at once: "where is my order" is the usual question.
            self.tree.setCurrentIndex(self.model.index(0, 0))
        visible_rows = self.model.rowCount() + self.model.event_count()
        if self.model.next is not None and visible_rows < _FILL_ROWS:
            self.fetch_more()

    def _on_page_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self.model.loading = False
        self.status.setText(report_failure(exc, self, context="loading orders"))

    def _show_counts(self) -> None:
        shown = self.model.rowCount()
        if shown == 0 and self.model.next is None:
            if self._total_orders == 0:
                self._set_status(self.tr("No orders."))
            else:
                self._set_status(self.tr("No events match the filter."))
            return
        total = self._total_orders
        if shown == 1:
            text = self.tr("1 order shown")
        else:
            text = self.tr("%1 orders shown").replace("%1", QLocale().toString(shown))
        if total is not None and (self.model.next is not None or shown != total):
            text += " " + self.tr("of %1").replace("%1", QLocale().toString(total))
        if self.model.next is not None:
            text += " · " + self.tr("scroll for more")
        self._set_status(text)

    def _set_status(self, text: str) -> None:
        self.status.setText(f"{self._notice} {text}" if self._notice else text)

    def wait_loaded(self, timeout_ms: int = 10000) -> bool:
        """Tests, benchmarks and screenshots: wait until the pages asked for (by opening,
        by filtering or by scrolling) have arrived."""
        deadline = QDeadlineTimer(timeout_ms)
        while not deadline.hasExpired():
            if not self._runner.wait_idle(max(int(deadline.remainingTime()), 1)):
                return False
            QCoreApplication.processEvents()
            if not self._fetch_check.isActive() and not self._runner.busy:
                return True
        return False

    # -- filters and selection -------------------------------------------------------

    def _on_filter_changed(self, *_: object) -> None:
        self._text_timer.stop()
        self._notice = ""
        self.reload()

    def selected_group(self) -> OrderGroup | None:
        return self.model.group_at(self.tree.currentIndex())

    def _on_tree_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        group = self.model.group_at(current)
        if group is None:
            self.details.clear()
        else:
            self.details.setHtml(details_html(group, self.model.event_at(current)))
        self._update_actions()

    def _update_actions(self) -> None:
        group = self.selected_group()
        buttons = self.step_buttons()
        no_level = self.tr("Your user level (%1) cannot change orders.").replace(
            "%1", level_label(self._ds.level)
        )
        choose = self.tr("Select an order first.")
        if not self.can_edit or group is None:
            for button in buttons:
                self._enable(button, False, no_level if not self.can_edit else choose)
            return
        o = group.order
        returnable = any(o.returnable_quantity(ln.id) > 0 for ln in o.lines)
        self._enable(
            self.return_button,
            returnable,
            "" if returnable else self.tr(
                "Nothing of this order can be returned: it has not been delivered, or "
                "everything delivered has been returned already."
            ),
        )  # fmt: skip
        on_the_way = order_is_open(o) and bool(delivery_dialog.on_the_way(o))
        self._enable(
            self.delivered_button,
            on_the_way,
            "" if on_the_way else self.tr("No delivery of this order is on its way."),
        )
        awaited = bool(return_step_dialog.returns_for(o, OrderStep.RETURN_RECEIVED))
        self._enable(
            self.received_button,
            awaited,
            "" if awaited else self.tr("No return of this order is waiting for its goods."),
        )
        unrefunded = bool(return_step_dialog.returns_for(o, OrderStep.RETURN_REFUNDED))
        self._enable(
            self.refund_button,
            unrefunded,
            "" if unrefunded else self.tr("No return of this order is waiting for a refund."),
        )
        recorded = bool(correction_dialog.correctable_steps(o))
        self._enable(
            self.correct_button,
            recorded,
            ""
            if recorded
            else self.tr("No delivery, receipt or refund of this order has been recorded."),
        )

    def step_buttons(self) -> tuple[QPushButton, ...]:
        return (
            self.delivered_button,
            self.return_button,
            self.received_button,
            self.refund_button,
            self.correct_button,
        )

    @staticmethod
    def _enable(button: QPushButton, enabled: bool, why_not: str) -> None:
        button.setEnabled(enabled)
        button.setToolTip(why_not)

    # -- changes ----------------------------------------------------------------------

    def open_return_dialog(self) -> ReturnDialog | None:
        """Open the return dialog for the selected order (not blocking: ``open()``)."""
        group = self.selected_group()
        if group is None or not self.can_edit:
            return None
        dialog = ReturnDialog(self._ds, self._runner, group.order, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.return_recorded.connect(
            lambda ret, number=group.order.number: self._on_changed(
                number, self.tr("Return %1 recorded.").replace("%1", ret.number)
            )
        )
        self._dialog = dialog
        dialog.finished.connect(self._on_dialog_finished)
        dialog.open()
        return dialog

    def _on_dialog_finished(self, _result: int) -> None:
        self._dialog = None

    def _selected_event(self) -> TimelineEvent | None:
        event = self.model.event_at(self.tree.currentIndex())
        return None if event is None or event.corrected else event

    def _open(self, dialog: StepDialog, message: Callable[[Order], str]) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        number = dialog.order.number
        dialog.stored.connect(lambda order: self._on_changed(number, message(order)))
        self._dialog = dialog
        dialog.finished.connect(self._on_dialog_finished)
        dialog.open()

    def mark_delivered(self) -> DeliveryDialog | None:
        """Ask for the day the delivery arrived and confirm (not blocking: ``open()``).
        Nothing is recorded until the user confirms in the dialog."""
        group = self.selected_group()
        if group is None or not self.can_edit:
            return None
        event = self._selected_event()
        dialog = DeliveryDialog(
            self._ds,
            self._runner,
            group.order,
            self,
            delivery_id=event.delivery_id if event is not None else None,
        )
        number = group.order.number
        self._open(
            dialog, lambda _order: self.tr("Order %1 marked delivered.").replace("%1", number)
        )
        return dialog

    def _open_return_step(self, step: OrderStep) -> ReturnStepDialog | None:
        group = self.selected_group()
        if group is None or not self.can_edit:
            return None
        event = self._selected_event()
        dialog = ReturnStepDialog(
            self._ds,
            self._runner,
            group.order,
            step,
            self,
            return_number=event.return_number if event is not None else "",
        )

        def said(_order: Order) -> str:
            ret = dialog.chosen()
            number = ret.number if ret is not None else ""
            if step is OrderStep.RETURN_RECEIVED:
                return self.tr("Return %1 marked received.").replace("%1", number)
            return self.tr("Refund of return %1 recorded.").replace("%1", number)

        self._open(dialog, said)
        return dialog

    def open_received_dialog(self) -> ReturnStepDialog | None:
        return self._open_return_step(OrderStep.RETURN_RECEIVED)

    def open_refund_dialog(self) -> ReturnStepDialog | None:
        return self._open_return_step(OrderStep.RETURN_REFUNDED)

    def open_correction_dialog(self) -> CorrectionDialog | None:
        """Correct a recorded step of the selected order (the selected event's, if it is
        one)."""
        group = self.selected_group()
        if group is None or not self.can_edit:
            return None
        event = self._selected_event()
        dialog = CorrectionDialog(
            self._ds,
            self._runner,
            group.order,
            self,
            step=event.step if event is not None else None,
            delivery_id=event.delivery_id if event is not None else None,
            return_number=event.return_number if event is not None else "",
        )
        number = group.order.number
        self._open(
            dialog,
            lambda _order: self.tr("Correction of order %1 recorded.").replace("%1", number),
        )
        return dialog

    def _on_changed(self, order_number: str, message: str) -> None:
        self._reselect = order_number
        self._notice = message
        self.reload()
        self.orders_changed.emit(order_number)

    # -- window state -----------------------------------------------------------------

    def save_state(self, settings: QSettings) -> None:
        settings.setValue("timeline/header", self.tree.header().saveState())
        settings.setValue("timeline/splitter", self.splitter.saveState())

    def restore_state(self, settings: QSettings) -> None:
        for key, restore in (
            ("timeline/header", self.tree.header().restoreState),
            ("timeline/splitter", self.splitter.restoreState),
        ):
            state = settings.value(key)
            if state is not None:
                restore(state)
