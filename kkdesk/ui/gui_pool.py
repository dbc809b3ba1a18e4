"""Qt paints on the GUI thread alone, without its GUI thread pool.

Qt 6 splits a fill taller than about a hundred lines (a list's background, a scroll bar's
groove) into pieces for a pool of threads of its own, and the painting thread waits until
every piece is done. On the machines the desk runs on that wait is for a CPU which is not
free: the other of two CPUs runs the search worker, or, on a virtual machine, has been
given to another guest by the hypervisor. Measured on the bench machine: 38 context
switches of the GUI thread for every repaint of the search panel, and the GUI thread's
longest stalls spent more time waiting than painting. ``QT_NO_GUI_THREADPOOL`` (read by
Qt when it first paints) turns the pool off: the thread that paints draws every fill, as
Qt 5 did.
"""

from __future__ import annotations

import os

ENVIRONMENT = "QT_NO_GUI_THREADPOOL"


def paint_on_gui_thread() -> None:
    """Qt draws every fill on the painting thread. Call before the QApplication exists;
    a value the user has set for it is kept."""
    os.environ.setdefault(ENVIRONMENT, "1")
