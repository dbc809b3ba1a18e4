"""The desk's first window: shown at once, while the register opens in the background.

Python's imports of the desk (SQLAlchemy, the ORM models, the panels) and the register's
opening take a second or more; an empty PySide6 window takes about a tenth of that. So
``kkdesk`` shows this window first, where the desk will stand (the geometry the main window
saved), says "Opening the register…", and the main window takes its place once the session
is open (kkdesk/app.py). It imports nothing beyond Qt: it is on the path to the first paint
that bench/bench_startup.py measures, and so is every line of it.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, QTimer, Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QVBoxLayout, QWidget

from kkdesk.ui.screen import fit_to_screen


class OpeningWindow(QMainWindow):
    """A placeholder with the main window's title and place, and a sentence.

    ``painted`` is emitted once, on the event loop's turn after the first paint: work
    started then (the desk's imports on a worker, which hold Python's GIL for long
    stretches) no longer delays the window's appearing.
    """

    painted = Signal()

    def __init__(self, parent: QWidget | None = None, settings: QSettings | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("kkdesk")
        self.message = QLabel(self.tr("Opening the register…"))
        # Centred by stretches rather than Qt.AlignmentFlag: PySide6 builds the whole
        # ``Qt`` namespace on its first use (60–90 ms measured), which the desk's first
        # paint need not wait for.
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.message)
        row.addStretch(1)
        column = QVBoxLayout()
        column.addStretch(1)
        column.addLayout(row)
        column.addStretch(1)
        centre = QWidget(self)
        centre.setLayout(column)
        self.setCentralWidget(centre)
        # The main window's own key (kkdesk/ui/main_window.py): the desk replaces this
        # window in the same place and size.
        geometry = (settings or QSettings()).value("mainwindow/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            fit_to_screen(self, 1280, 800)
        self._painted = False

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self.painted.emit)
