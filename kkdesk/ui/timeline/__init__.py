"""The "Orders" tab of the customer view, one module per job.

- :mod:`.panel`: the tab itself (filters, list, details, the clerk's actions)
- :mod:`.model`: orders and their events as a paged item model
- :mod:`.details`: the selected order or event as HTML, and refusals in words
- :mod:`.words`, :mod:`.icons`: labels, money, summaries and the kind icons
- :mod:`.return_dialog`, :mod:`.delivery_dialog`, :mod:`.return_step_dialog`,
  :mod:`.correction_dialog`: the dialogs of the steps a clerk records

Generic widgets (the flow layout, the date fields) live in :mod:`kkdesk.ui.widgets`.
"""

from kkdesk.ui.timeline.model import TimelineModel
from kkdesk.ui.timeline.panel import TimelinePanel
from kkdesk.ui.timeline.return_dialog import ReturnDialog

__all__ = ["ReturnDialog", "TimelineModel", "TimelinePanel"]
