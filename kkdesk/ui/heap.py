"""The desk's garbage collection: on the GUI thread only, and without start-up's objects.

**Only on the GUI thread.** CPython collects in whichever thread's allocation tips the
count. A collection on a task runner's worker that finds a Qt object made in Python in a
cycle destroys it there; ``~QObject`` then holds Qt's signal-slot lock while it waits for
the GIL, and a GUI thread that holds the GIL while it connects a signal (a ``QLabel``
setting its text) waits for that lock: both stop for good. The test suite hung so (a
worker's gc pass under the timeline's query, the GUI thread in ``QLabel.setText``). So
:class:`GuiThreadCollector` turns automatic collection off and collects from a timer on
the GUI thread, by generation as CPython would (the approach of qutebrowser's
``GarbageCollector``, from a PyQt example). Objects freed by their reference count, most of
them, go at once as before; only cycles wait for the next tick.

**Not start-up's objects.** A full collection (generation 2) walks every object the
collector tracks: on the bench (issue 12) it was the GUI thread's longest stall, 57 ms on a
quiet machine with the 1,000,000-customer register, at some 0.8 µs per object. Nearly all
of those objects are the desk's own, made while it starts (modules, Qt wrappers,
SQLAlchemy's tables and compiled statements) and alive until it closes. So once the desk's
window is up, :func:`settle` collects start-up's garbage once and freezes the survivors
(``gc.freeze()``): full passes skip frozen objects.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


class GuiThreadCollector(QObject):
    """Automatic collection off; a collection by generation every :data:`INTERVAL_MS` on
    the thread that made this object (the GUI thread). :meth:`stop` turns it back on."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> None:
        """A collection of the generations whose counts passed CPython's thresholds."""
        counts = gc.get_count()
        generation = -1
        for level, (count, threshold) in enumerate(zip(counts, self.threshold, strict=True)):
            if count <= threshold:
                break
            generation = level
        if generation >= 0:
            gc.collect(generation)

    def stop(self) -> None:
        self.timer.stop()
        gc.enable()


def settle() -> None:
    """Collect once, then keep every surviving object out of later full collections."""
    gc.collect()
    gc.freeze()
