"""The open customer: the basic-data form and one tab per feature panel (``PANELS``).

Opening a record is an audited read with a purpose, run on the task runner; while it loads
the previous record stays on screen. Panels get the customer after the form has it, and
again after every save, so each tab shows the stored state.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

from PySide6.QtCore import QSettings, QSize, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QLabel,
    QScrollArea,
    QStackedWidget,
    QStyle,
    QTabBar,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kkdesk.domain.customer import Customer, display_name
from kkdesk.domain.enums import CustomerType, Purpose
from kkdesk.domain.erasure import ErasureResult, LegalHoldState
from kkdesk.domain.overview import Overview
from kkdesk.services import customers, erasure
from kkdesk.services.session import DeskSession
from kkdesk.ui import dialogs, erase_dialog, legal_hold_dialog
from kkdesk.ui.customer_form import CustomerForm
from kkdesk.ui.desk_events import announce_change
from kkdesk.ui.failures import report_failure
from kkdesk.ui.formatting import format_date, format_datetime
from kkdesk.ui.overview_header import OverviewHeader
from kkdesk.ui.panels import PANELS
from kkdesk.ui.tasks import TaskRunner

log = logging.getLogger(__name__)


class CustomerView(QWidget):
    """Right half of the main window: a placeholder, or the open customer's tabs."""

    customer_shown = Signal(object)  # Customer | None (None: a new, unsaved customer)
    customer_saved = Signal(object)  # Customer
    load_failed = Signal(object)  # exception
    customer_erased = Signal(str)  # the number of a customer just erased
    status_message = Signal(str)

    # The shown customer's restriction of processing became known or changed (date|None).
    restriction_changed = Signal(object)
    lift_requested = Signal()  # the form's restriction banner asks to lift it

    def __init__(self, ds: DeskSession, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self._ds = ds
        self._runner = runner
        self.purpose: Purpose | str = Purpose.CUSTOMER_SERVICE
        self._loading_number: str | None = None
        self._panels_number: str | None = None  # whose data the header and tabs show
        self.is_erasing = False

        self.placeholder = QLabel(
            self.tr(
                "Search for a customer and press Enter to open them, "
                "or create a new customer with Ctrl+N."
            ),
            self,
        )
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)

        self.form = CustomerForm(ds, runner, self)
        self.tabs = QTabWidget(self)
        self.tabs.setTabBar(RoomyTabBar(self.tabs))
        self.tabs.setObjectName("customerTabs")
        self.tabs.setAccessibleName(self.tr("Customer"))
        basic = QWidget(self.tabs)
        basic_layout = QVBoxLayout(basic)
        basic_layout.setContentsMargins(0, 0, 0, 0)
        basic_layout.setSpacing(0)
        basic_layout.addWidget(_scrollable(self.form, basic), 1)
        basic_layout.addWidget(self.form.button_bar)  # outside the scroll area, always seen
        self.tabs.addTab(basic, self.tr("&Basic data"))
        self.panels: list[Any] = []
        for panel_class in PANELS:
            try:
                panel = panel_class(ds, runner, self.tabs)
            except Exception:
                # One feature's broken panel must not take the whole desk down.
                log.exception("could not build the %s panel", panel_class.__name__)
                continue
            self.panels.append(panel)
            self.tabs.addTab(_scrollable(panel, self.tabs), panel.title())

        # The summary header above the tabs: one line or two, so the tabs keep their room.
        self.header = OverviewHeader(ds, runner, self)
        self.record_page = QWidget(self)
        record_layout = QVBoxLayout(self.record_page)
        record_layout.setContentsMargins(0, 0, 0, 0)
        record_layout.setSpacing(4)
        record_layout.addWidget(self.header)
        record_layout.addWidget(self.tabs, 1)

        # What an erased customer leaves on screen: what was done, nothing of the person.
        self.erased_page = QLabel(self)
        self.erased_page.setObjectName("erasedState")
        self.erased_page.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.erased_page.setWordWrap(True)
        self.erased_page.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(self.record_page)
        self.stack.addWidget(self.erased_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        self.form.saved.connect(self._on_form_saved)
        self.form.erase_requested.connect(self._on_form_erase_requested)
        self.form.legal_hold_requested.connect(self._on_form_legal_hold_requested)
        self.is_holding = False  # a legal hold being read or written

        self.form.lift_requested.connect(self.lift_requested)
        self.header.overview_loaded.connect(self._on_header_overview_loaded)
        for panel in self.panels:
            # The timeline records deliveries and returns: the header and the audit tab
            # follow (an attribute of the panel, so its module needs no change).
            orders_changed = getattr(panel, "orders_changed", None)
            if orders_changed is not None:
                orders_changed.connect(self._on_panel_orders_changed)

    # -- what is shown ---------------------------------------------------------------------

    @property
    def customer(self) -> Customer | None:
        return self.form.customer if self.stack.currentWidget() is self.record_page else None

    @property
    def has_record(self) -> bool:
        return self.stack.currentWidget() is self.record_page

    def is_loading(self) -> bool:
        return self._loading_number is not None

    def set_purpose(self, purpose: Purpose | str) -> None:
        """The purpose of use chosen in the toolbar: the next opening of a record, and every
        change made in the form and the tabs from now on, are audited with it."""
        self.purpose = purpose
        self.form.purpose = purpose
        self.header.purpose = purpose
        for panel in self.panels:
            if hasattr(panel, "purpose"):
                panel.purpose = purpose

    def open_number(self, number: str) -> None:
        """Open (read, audited) the customer ``number``; shows it when it arrives."""
        self._loading_number = number
        ds, purpose = self._ds, self.purpose
        self.set_purpose(purpose)
        self._runner.run(
            lambda: customers.get(ds, number, purpose=purpose),
            success=self._on_customer_loaded,
            failure=self._on_customer_failed,
            key="open-customer",
        )

    def show_customer(self, customer: Customer) -> None:
        self.form.load(customer)
        self.stack.setCurrentWidget(self.record_page)
        self._set_panels(customer)
        self.customer_shown.emit(customer)

    def new_customer(self, type_: CustomerType) -> None:
        self.form.new(type_)
        self.stack.setCurrentWidget(self.record_page)
        self.tabs.setCurrentIndex(0)
        self._set_panels(None)
        self.customer_shown.emit(None)
        self.form.fields.editors[
            "surname" if type_ is CustomerType.PERSON else "company_name"
        ].setFocus(Qt.FocusReason.OtherFocusReason)

    def close_customer(self) -> None:
        self.form.new(CustomerType.PERSON)
        self._set_panels(None)
        self.stack.setCurrentWidget(self.placeholder)
        self.customer_shown.emit(None)

    def confirm_leave(self) -> bool:
        """True if the open record may be replaced (no unsaved changes, or discarded)."""
        if not self.has_record or not self.form.is_dirty():
            return True
        return dialogs.confirm_discard(self, self.form.what())

    def _set_panels(self, customer: Customer | None) -> None:
        self._panels_number = customer.number if customer is not None else None
        self.header.set_customer(customer)
        for i, panel in enumerate(self.panels, start=1):
            self.tabs.setTabEnabled(i, customer is not None)
            try:
                panel.set_customer(customer)
            except Exception:
                log.exception("the %s panel failed to show a customer", type(panel).__name__)

    # -- slots ---------------------------------------------------------------------------

    def _on_customer_loaded(self, customer: Customer) -> None:
        self._loading_number = None
        self.show_customer(customer)

    def _on_customer_failed(self, exc: BaseException) -> None:
        self._loading_number = None
        self.load_failed.emit(exc)

    def _on_form_saved(self, customer: Customer) -> None:
        if customer.number != self._panels_number:
            # A new customer just created: the tabs open for it (their first load).
            self._set_panels(customer)
            self.customer_shown.emit(customer)
            self.customer_saved.emit(customer)
            return
        # Panels that follow the desk's changes refresh on the announcement, with no new
        # read of the customer; the others are given the saved customer as before.
        for panel in self.panels:
            try:
                if getattr(panel, "follows_changes", False):
                    saved = getattr(panel, "customer_saved", None)
                    if callable(saved):
                        saved(customer)
                else:
                    panel.set_customer(customer)
            except Exception:
                log.exception("the %s panel failed to show a customer", type(panel).__name__)
        announce_change(customer.number)
        self.customer_shown.emit(customer)
        self.customer_saved.emit(customer)

    @Slot(object)
    def _on_header_overview_loaded(self, shown: Overview) -> None:
        current = self.form.customer
        if current is None or current.number != shown.number:
            return
        before = self.form.restricted_since
        self.form.set_legal_hold(shown.legal_hold)
        self.form.set_restricted(shown.processing_restricted_since)
        for panel in self.panels:
            known = getattr(panel, "restriction_known", None)
            if known is not None:
                known(shown.number, shown.processing_restricted_since)
        if before != shown.processing_restricted_since:
            self.restriction_changed.emit(shown.processing_restricted_since)

    @property
    def restricted_since(self) -> date | None:
        return self.form.restricted_since if self.customer is not None else None

    @Slot(str)
    # -- erasure (GDPR Art. 17, privacy) ------------------------------------------------------

    @Slot(object)
    def _on_form_erase_requested(self, contact_id: int | None) -> None:
        customer = self.form.customer
        if customer is None or self.is_erasing:
            return
        if self.form.is_dirty() and not dialogs.confirm_discard(self, self.form.what()):
            return
        name = display_name(
            customer.type, customer.surname, customer.first_names, customer.company_name
        )
        if contact_id is None:
            who = self.tr("%1 (customer %2)").replace("%1", name).replace("%2", customer.number)
        else:
            who = (
                self.tr("%1, contact person of %2 (customer %3)")
                .replace("%1", self.form.contact_name(contact_id))
                .replace("%2", name)
                .replace("%3", customer.number)
            )
        ds, number = self._ds, customer.number
        # The refusals first (off the GUI thread): nobody is asked for a reason for an
        # erasure that a restriction, a hold or an open order would refuse anyway.
        self.is_erasing = True
        self.form.erase_button.setEnabled(False)
        self._runner.run(
            lambda: erasure.check(ds, number, contact_person_id=contact_id),
            success=lambda _none: self._on_erase_checked(number, contact_id, who),
            failure=self._on_erase_failed,
        )

    def _on_erase_checked(self, number: str, contact_id: int | None, who: str) -> None:
        customer = self.form.customer
        if customer is None or customer.number != number:
            self.is_erasing = False
            return
        reason = erase_dialog.ask_reason(self, who)
        if reason is None or not erase_dialog.confirm_erasure(self, who):
            self.is_erasing = False
            self.form.refresh_erasability()
            return
        ds = self._ds

        def work() -> ErasureResult:
            request_id = erasure.open_request_id(ds, number)
            return erasure.erase(
                ds, number, reason, request_id=request_id, contact_person_id=contact_id
            )

        self.is_erasing = True
        self.form.erase_button.setEnabled(False)
        self.status_message.emit(self.tr("Erasing…"))
        self._runner.run(work, success=self._on_erased, failure=self._on_erase_failed)

    def _on_erased(self, result: ErasureResult) -> None:
        self.is_erasing = False
        record = result.record
        letter = (
            self.tr(
                "The outcome letter is archived (%1 pages); print it from the Requests tab."
            ).replace("%1", str(result.letter_pages))
            if result.letter_id is not None
            else ""
        )
        if record.contact_person_id is not None:
            self.status_message.emit(
                self.tr("Contact person erased (reference %1).").replace("%1", record.reference)
            )
            self.open_number(record.customer_number)
            return
        kept = (
            self.tr("%1 orders are kept without the person until %2.")
            .replace("%1", str(record.orders_kept))
            .replace("%2", format_date(record.orders_kept_until))
            if record.orders_kept and record.orders_kept_until
            else self.tr("No orders were kept.")
        )
        self.erased_page.setText(
            "\n\n".join(
                x
                for x in (
                    self.tr("Customer %1 has been erased.").replace("%1", record.customer_number),
                    self.tr("Reference %1, %2.")
                    .replace("%1", record.reference)
                    .replace("%2", format_datetime(record.erased_at)),
                    kept,
                    self.tr("The suppression list still keeps the person from marketing.")
                    if record.suppressions_kept
                    else "",
                    letter,
                )
                if x
            )
        )
        self.status_message.emit(
            self.tr("Customer erased (reference %1).").replace("%1", record.reference)
        )
        self.form.new(CustomerType.PERSON)
        self._set_panels(None)
        self.stack.setCurrentWidget(self.erased_page)
        self.customer_shown.emit(None)
        self.customer_erased.emit(record.customer_number)
        announce_change(record.customer_number)

    def _on_erase_failed(self, exc: BaseException) -> None:
        self.is_erasing = False
        self.form.refresh_erasability()
        self.status_message.emit(report_failure(exc, self, context="erasing a customer"))

    # -- legal hold (GDPR Art. 17(3)(e), privacy) ------------------------------------------

    def _who(self) -> str:
        customer = self.form.customer
        assert customer is not None
        name = display_name(
            customer.type, customer.surname, customer.first_names, customer.company_name
        )
        return self.tr("%1 (customer %2)").replace("%1", name).replace("%2", customer.number)

    @Slot()
    def _on_form_legal_hold_requested(self) -> None:
        """Read the hold's state (off the GUI thread), then ask."""
        customer = self.form.customer
        if customer is None or self.is_holding:
            return
        ds, number = self._ds, customer.number
        self.is_holding = True
        self.form.hold_button.setEnabled(False)
        self._runner.run(
            lambda: erasure.legal_hold_state(ds, number),
            success=lambda state: self._on_hold_state_read(number, state),
            failure=self._on_hold_failed,
        )

    def _on_hold_state_read(self, number: str, state: LegalHoldState) -> None:
        customer = self.form.customer
        if customer is None or customer.number != number:
            self._hold_done()
            return
        who = self._who()
        reason = legal_hold_dialog.ask(self, who, state)
        setting = not state.active
        if reason is None or not legal_hold_dialog.confirm_change(self, who, setting):
            self._hold_done()
            return
        ds = self._ds
        self.status_message.emit(
            self.tr("Setting the legal hold…") if setting else self.tr("Lifting the legal hold…")
        )
        self._runner.run(
            lambda: erasure.set_legal_hold(ds, number, setting, reason),
            success=lambda _none: self._on_hold_written(number, setting),
            failure=self._on_hold_failed,
        )

    def _on_hold_written(self, number: str, setting: bool) -> None:
        self._hold_done()
        self.status_message.emit(
            self.tr("Legal hold set on customer %1.").replace("%1", number)
            if setting
            else self.tr("Legal hold of customer %1 lifted.").replace("%1", number)
        )
        # The header reads the hold again, and the form's Erase… follows it.
        announce_change(number)

    def _on_hold_failed(self, exc: BaseException) -> None:
        self._hold_done()
        self.status_message.emit(report_failure(exc, self, context="legal hold"))

    def _hold_done(self) -> None:
        self.is_holding = False
        self.form.refresh_erasability()

    def _on_panel_orders_changed(self, _order_number: str) -> None:
        customer = self.customer
        if customer is not None:
            announce_change(customer.number)

    def save_state(self, settings: QSettings) -> None:
        for panel in self.panels:
            saver = getattr(panel, "save_state", None)
            if callable(saver):
                saver(settings)

    def restore_state(self, settings: QSettings) -> None:
        for panel in self.panels:
            restorer = getattr(panel, "restore_state", None)
            if callable(restorer):
                restorer(settings)


class RoomyTabBar(QTabBar):
    """A tab bar whose tabs are tall enough for Å, Ä and Ö.

    Fusion draws a tab that is not the current one a few pixels lower and clips its label
    to the tab: the dots of Ä and the ring of Å were cut off ("Ändringshistorik" read
    "Andringshistorik") and so was the tail of g. The tabs grow by that shift above and
    below the label."""

    def tabSizeHint(self, index: int) -> QSize:
        size = super().tabSizeHint(index)
        shift = self.style().pixelMetric(QStyle.PixelMetric.PM_TabBarTabShiftVertical, None, self)
        size.setHeight(size.height() + 2 * max(shift, 2))
        return size


def _scrollable(page: QWidget, parent: QWidget) -> QScrollArea:
    """A tab page that scrolls when the window is smaller than the page would like, so no
    tab forces the whole window wide or tall (a narrow window, or 200 % scaling)."""
    scroll = QScrollArea(parent)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.setWidget(page)
    return scroll
