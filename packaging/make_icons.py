"""Renders the PNG icons of the hicolor theme from the drawing,
``kkdesk/resources/icons/hicolor/scalable/apps/kkdesk.svg``.

The PNGs are committed (so that building a package needs no SVG renderer); run this after
changing the SVG: ``.venv/bin/python packaging/make_icons.py``. Desktops pick the size
nearest to what they draw (16 px in menus and title bars, 48 px in launchers, 256 px on
high-density screens), so each size is rendered from the drawing, not scaled from another.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parents[1] / "kkdesk" / "resources" / "icons"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256)


def main() -> int:
    app = QGuiApplication(sys.argv[:1])
    hicolor = ICONS / "hicolor"
    renderer = QSvgRenderer(str(hicolor / "scalable" / "apps" / "kkdesk.svg"))
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        folder = hicolor / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True, exist_ok=True)
        image.save(str(folder / "kkdesk.png"))
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
