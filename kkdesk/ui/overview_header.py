"""The summary header above the open customer's tabs: what a clerk must know before
saying anything — may we market to them, what is open (orders, returns, requests with
their deadlines), and is their data restricted.

It comes from one service call (:func:`kkdesk.services.overview.overview`) on the task
runner, when a customer is shown and again after every change made in the desk
(:mod:`kkdesk.ui.desk_events`); a refresh records no new read. One or two lines of text, so
it fits a 1280×720 window; the whole verdict table is in its tooltip, and the label can
take the keyboard focus so a screen reader reads it.
"""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtCore import QLocale, Qt, Signal, Slot
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from kkdesk.domain.consent import Reason
from kkdesk.domain.customer import Customer
from kkdesk.domain.enums import Purpose
from kkdesk.domain.overview import ChannelState, Overview, channel_permissions
from kkdesk.services import overview as overview_service
from kkdesk.services.session import DeskSession
from kkdesk.ui.consent_panel import verdict_reason, verdict_sentence
from kkdesk.ui.desk_events import desk_events
from kkdesk.ui.failures import report_failure
from kkdesk.ui.formatting import format_date
from kkdesk.ui.marketing_export_dialog import marketing_channel_label
from kkdesk.ui.requests_view import kind_label
from kkdesk.ui.tasks import TaskRunner

# Warning colours that read in a light and a dark theme (the text colour is set too).
_WARN = "color: #8a1f11; font-weight: bold;"


class OverviewHeader(QFrame):
    """One service call per customer shown, and again per change."""

    # The summary of the shown customer arrived (an Overview): the form follows its
    # restriction of processing (read only while one is in force).
    overview_loaded = Signal(object)

    def __init__(self, ds: DeskSession, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("overviewHeader")
        self._ds, self._runner = ds, runner
        desk_events().customer_changed.connect(self._on_desk_customer_changed)
        self._number: str | None = None
        self.purpose: Purpose | str = Purpose.CUSTOMER_SERVICE
        self.overview: Overview | None = None
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.text = QLabel(self)
        self.text.setObjectName("overviewText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setAccessibleName(self.tr("Customer summary"))
        # Reachable with Tab, so a screen reader reads the summary.
        self.text.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 3, 8, 3)
        layout.addWidget(self.text, 1)

    # -- loading ---------------------------------------------------------------------------

    def set_customer(self, customer: Customer | None) -> None:
        """A customer just opened (an audited read, like every tab's first load)."""
        self._number = customer.number if customer is not None else None
        self.overview = None
        self.text.setText(self.tr("Loading the summary…") if customer is not None else "")
        self.setVisible(customer is not None)
        self._load(refresh=False)

    @Slot(str)
    def _on_desk_customer_changed(self, number: str) -> None:
        """A change recorded anywhere in the desk: reloaded, no new read recorded."""
        if self._number is not None and number in ("", self._number):
            self._load(refresh=True)

    def _load(self, *, refresh: bool) -> None:
        number = self._number
        if number is None:
            return
        ds, purpose = self._ds, self.purpose
        self._runner.run(
            lambda: overview_service.overview(ds, number, purpose=purpose, refresh=refresh),
            success=lambda shown: self._on_loaded(number, shown),
            failure=lambda exc: self._on_failed(number, exc),
            key=f"overview-{id(self)}",
            owner=self,
        )

    def _on_loaded(self, number: str, shown: Overview) -> None:
        if number != self._number:
            return
        self.overview = shown
        self.text.setText(self.html(shown))
        self.text.setToolTip(self.tooltip(shown))
        self.text.setAccessibleDescription(self.plain())
        self.overview_loaded.emit(shown)

    def _on_failed(self, number: str, exc: BaseException) -> None:
        if number == self._number:
            self.text.setText(escape(report_failure(exc, self, context="customer summary")))

    # -- words ------------------------------------------------------------------------------

    def parts(self, o: Overview) -> list[tuple[str, bool]]:
        """(text, needs attention) of each part, in the order shown."""
        out: list[tuple[str, bool]] = []
        if o.restricted:
            since = o.processing_restricted_since or o.restricted_since
            out.append(
                (
                    self.tr("Processing restricted since %1 (Art. 18)").replace(
                        "%1", format_date(since) if since else ""
                    ),
                    True,
                )
            )
        if o.legal_hold:
            out.append((self.tr("Legal hold: no erasure (Art. 17(3))"), True))
        if o.verdicts is not None:
            out.append(self._marketing(o))
        if o.open_orders is not None and o.open_returns is not None:
            out.append(self._orders(o.open_orders, o.open_returns))
        if o.open_requests is not None:
            out.append(self._requests(o))
        return out

    def _marketing(self, o: Overview) -> tuple[str, bool]:
        assert o.verdicts is not None
        channels = channel_permissions(o.verdicts)
        blocked = {(c.state, c.reason, c.since) for c in channels}
        if len(blocked) == 1 and channels and channels[0].state is ChannelState.NOT_ALLOWED:
            # One reason stops everything (an objection, a restriction): say it once.
            first = next(v for v in o.verdicts if not v.allowed)
            return (
                self.tr("Marketing: not allowed — %1").replace("%1", verdict_reason(first)),
                True,
            )
        words = []
        for c in channels:
            name = marketing_channel_label(c.channel)
            if c.state is ChannelState.ALLOWED:
                words.append(self.tr("%1 ✓").replace("%1", name))
            elif c.state is ChannelState.PARTLY:
                words.append(self.tr("%1 (some purposes)").replace("%1", name))
            elif c.reason in (Reason.NO_CONSENT, Reason.CONSENT_WITHDRAWN):
                words.append(self.tr("%1 ✗ (no consent)").replace("%1", name))
            else:
                words.append(self.tr("%1 ✗").replace("%1", name))
        return self.tr("Marketing: %1").replace("%1", ", ".join(words)), False

    def _orders(self, orders: int, returns: int) -> tuple[str, bool]:
        if not orders and not returns:
            return self.tr("No open orders or returns"), False
        text = self.tr("Open orders: %1, returns: %2")
        text = text.replace("%1", QLocale().toString(orders))
        return text.replace("%2", QLocale().toString(returns)), False

    def _requests(self, o: Overview) -> tuple[str, bool]:
        assert o.open_requests is not None
        if not o.open_requests:
            return self.tr("No open requests"), False
        first = o.open_requests[0]
        late = first.deadline < date.today()
        if len(o.open_requests) == 1:
            text = self.tr("Open request: %1, deadline %2")
        else:
            text = self.tr("%3 open requests; next: %1, deadline %2").replace(
                "%3", QLocale().toString(len(o.open_requests))
            )
        text = text.replace("%1", kind_label(first.kind)).replace("%2", format_date(first.deadline))
        if late:
            text += " " + self.tr("(overdue)")
        return text, True

    def html(self, o: Overview) -> str:
        shown = []
        for text, attention in self.parts(o):
            style = f" style='{_WARN}'" if attention else ""
            shown.append(f"<span{style}>{escape(text)}</span>")
        return " &nbsp;·&nbsp; ".join(shown)

    def plain(self) -> str:
        """The summary as plain text (the accessible description, and tests)."""
        return " · ".join(text for text, _ in self.parts(self.overview)) if self.overview else ""

    def tooltip(self, o: Overview) -> str:
        if o.verdicts is None:
            return ""
        return "\n".join(verdict_sentence(v) for v in o.verdicts)
