"""The timeline's event icons.

Each event kind has an icon whose *shape* tells it apart (square, triangle, disc, hollow
and filled diamond, euro ring, struck-out box), so the view still reads on a grey printout
or for a user who does not tell the colours apart; the kind is also written out in words.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QPointF,
    QRectF,
    Qt,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QIcon,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
)

from kkdesk.domain.timeline import (
    EventKind,
)

# separates them a little; the shape carries the meaning either way.
_COLOURS = {
    EventKind.ORDER_PLACED: QColor("#1f4e8c"),
    EventKind.SHIPPED: QColor("#c77800"),
    EventKind.DELIVERED: QColor("#2e7d32"),
    EventKind.RETURN_REQUESTED: QColor("#7b1fa2"),
    EventKind.RETURN_RECEIVED: QColor("#7b1fa2"),
    EventKind.RETURN_REFUNDED: QColor("#00695c"),
    EventKind.CORRECTION: QColor("#b3261e"),
}
_icon_cache: dict[EventKind, QIcon] = {}


def _draw(kind: EventKind, size: int) -> QPixmap:
    pix = QPixmap(size, size)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = _COLOURS[kind]
    s = float(size)
    m = s * 0.12
    pen = QPen(colour, max(1.5, s / 10))
    p.setPen(pen)
    if kind is EventKind.ORDER_PLACED:  # a filled square: the order, the thing itself
        p.setBrush(QBrush(colour))
        p.drawRect(QRectF(m, m, s - 2 * m, s - 2 * m))
    elif kind is EventKind.SHIPPED:  # a triangle pointing right: on its way
        path = QPainterPath(QPointF(m, m))
        path.lineTo(s - m, s / 2)
        path.lineTo(m, s - m)
        path.closeSubpath()
        p.setBrush(QBrush(colour))
        p.drawPath(path)
    elif kind is EventKind.DELIVERED:  # a disc with a white tick: arrived
        p.setBrush(QBrush(colour))
        p.drawEllipse(QRectF(m, m, s - 2 * m, s - 2 * m))
        p.setPen(QPen(QColor("white"), max(1.5, s / 8)))
        tick = QPainterPath(QPointF(s * 0.30, s * 0.52))
        tick.lineTo(s * 0.45, s * 0.67)
        tick.lineTo(s * 0.72, s * 0.36)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(tick)
    elif kind in (EventKind.RETURN_REQUESTED, EventKind.RETURN_RECEIVED):
        # A diamond: hollow while only asked for, filled once the goods are back.
        path = QPainterPath(QPointF(s / 2, m))
        path.lineTo(s - m, s / 2)
        path.lineTo(s / 2, s - m)
        path.lineTo(m, s / 2)
        path.closeSubpath()
        filled = kind is EventKind.RETURN_RECEIVED
        p.setBrush(QBrush(colour) if filled else Qt.BrushStyle.NoBrush)
        p.drawPath(path)
    elif kind is EventKind.CORRECTION:  # a hollow box struck through: an entry corrected
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(QRectF(m, m, s - 2 * m, s - 2 * m))
        p.drawLine(QPointF(m, s - m), QPointF(s - m, m))
    else:  # a ring with a euro sign: money back
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawEllipse(QRectF(m, m, s - 2 * m, s - 2 * m))
        font = QFont()
        font.setPixelSize(int(s * 0.62))
        font.setBold(True)
        p.setFont(font)
        p.drawText(QRectF(0, 0, s, s), Qt.AlignmentFlag.AlignCenter, "€")
    p.end()
    return pix


def kind_icon(kind: EventKind) -> QIcon:
    icon = _icon_cache.get(kind)
    if icon is None:
        icon = QIcon()
        for size in (16, 24, 32):
            icon.addPixmap(_draw(kind, size))
        _icon_cache[kind] = icon
    return icon
