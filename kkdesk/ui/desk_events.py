"""One place that says "the register changed for this customer", so every view of it can
refresh without the user reopening anything.

A save, a consent change, a request step or a letter is recorded by one widget, but its
rows show in others: the audit tab, the consents tab, the requests window, the summary
header. The widget that recorded the change calls :func:`announce_change` on the GUI
thread; the views listen to :func:`desk_events` and reload what they show. A refresh is
not a new read of the customer: listeners reload through services that record no read
(``refresh=True`` and the like).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal


class DeskEvents(QObject):
    # The customer number whose data (or whose audit trail) just changed; "" when the
    # change concerns requests of the register in general (a batch of letters).
    customer_changed = Signal(str)


_events: DeskEvents | None = None


def desk_events() -> DeskEvents:
    """The application's one hub (made on first use, on the GUI thread, and owned by the
    application so it lives as long as every window)."""
    global _events
    if _events is None:
        _events = DeskEvents(QCoreApplication.instance())
        _events.destroyed.connect(_forget)
    return _events


def _forget(_obj: object = None) -> None:
    global _events
    _events = None


def announce_change(number: str) -> None:
    """Tell every view that customer ``number`` changed ("" for many customers)."""
    desk_events().customer_changed.emit(number)
