"""The GUI thread gets the GIL back within a millisecond while a worker runs Python.

The desk's searches run on a worker thread (kkdesk/ui/tasks.py) while the GUI thread
paints: every painted cell of the result list is a call into Python (the model's
``multiData``), so a repaint takes the GIL a couple of hundred times. While the worker
runs Python code, each of those waits until the worker lets go, which CPython makes it
do only every *switch interval*: 5 ms by default. On the bench (issue 12/13, 1,000,000
customers, load average ~3.8 on 2 CPUs) the GUI thread's longest stall was 110 ms with
5 ms and 45 ms with 1 ms; the search itself was no slower (its statements run in
SQLite, which releases the GIL). A shorter interval costs a CPU-bound thread a few more
hand-overs, which the desk has none of.
"""

from __future__ import annotations

import sys

SWITCH_INTERVAL_S = 0.001


def favour_gui_thread() -> None:
    """A worker running Python hands the GIL over within :data:`SWITCH_INTERVAL_S`."""
    sys.setswitchinterval(SWITCH_INTERVAL_S)
