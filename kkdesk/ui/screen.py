"""Windows sized for the screen they open on.

A window asks for the size it would like; on a small screen (1280×720, or a laptop at
200 % scaling) it gets what the screen's free area allows instead, so no window opens
taller than the screen with its buttons out of reach.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# Room for the window manager's title bar and frame, which available geometry excludes.
FRAME_ALLOWANCE = 40


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Resize ``window`` to ``width``×``height``, or less if its screen is smaller."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        free = screen.availableGeometry()
        width = min(width, free.width())
        height = min(height, free.height() - FRAME_ALLOWANCE)
    window.resize(width, height)
