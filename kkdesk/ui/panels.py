"""The tabs of the customer view beside the basic data, one line per feature.

A panel is a ``QWidget`` built as ``Panel(ds, runner, parent)`` with a class attribute
``panel_id``, ``title() -> str`` (translated) and ``set_customer(customer | None)`` that
loads its data through the task runner (see ``kkdesk/ui/customer_view.py``). Panels decide
themselves what the signed-in level may do. Add your panel with one line below.

A panel with ``follows_changes = True`` listens to :mod:`kkdesk.ui.desk_events` and reloads
itself, without recording a new read, when anything is recorded for its customer (and
may define ``customer_saved(customer)`` for the saved record's values); it must announce
what it records itself (``announce_change(number)``). Other panels get ``set_customer``
again after a save. A panel may define ``restriction_known(number, since)``: the customer
view calls it whenever the summary has read whether the customer's processing is
restricted (Art. 18; ``since`` a date or None).
"""

from __future__ import annotations

from typing import Any

from kkdesk.ui.audit_view import AuditPanel
from kkdesk.ui.consent_panel import ConsentPanel
from kkdesk.ui.disclosure_panel import DisclosurePanel
from kkdesk.ui.history_panel import HistoryPanel
from kkdesk.ui.requests_view import RequestsPanel
from kkdesk.ui.timeline import TimelinePanel

# type[Any]: panels are plain QWidget subclasses with a duck-typed protocol (above).
PANELS: list[type[Any]] = [
    HistoryPanel,
    TimelinePanel,
    ConsentPanel,
    DisclosurePanel,
    AuditPanel,
    RequestsPanel,
]
