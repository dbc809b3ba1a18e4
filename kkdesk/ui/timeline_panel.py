"""The "Orders" tab: the customer's orders, deliveries and returns on one line of events.

Newest first, grouped by order (a return sits under the order it returns). Each event kind
has an icon whose *shape* tells it apart (square, triangle, disc, hollow and filled
diamond, euro ring), so the view still reads on a grey printout or for a user who does not
tell the colours apart; the kind is also written out in words.

Events load a page at a time on the task runner (``canFetchMore`` / ``fetchMore``), so a
customer with 10,000 events opens at once and the rest follows as the user scrolls. Clerks
record a return against the lines of an order and mark a delivery delivered from here.
"""

from __future__ import annotations

import html
from datetime import date, datetime, time, timedelta
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QDate,
    QDeadlineTimer,
    QEvent,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    QSettings,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QIcon,
    QKeyEvent,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from kkdesk.domain.customer import Customer
from kkdesk.domain.levels import Capability
from kkdesk.domain.orders import Order, OrderStatus, Return
from kkdesk.domain.timeline import (
    EventKind,
    OrderGroup,
    TimelineCursor,
    TimelineEvent,
    TimelineFilter,
    TimelinePage,
    order_is_open,
    return_is_open,
    return_value_cents,
    return_vat_cents,
)
from kkdesk.errors import KnownError
from kkdesk.services import orders as order_service
from kkdesk.services import timeline as timeline_service
from kkdesk.services.session import DeskSession
from kkdesk.ui.columns import fit_columns
from kkdesk.ui.errors import describe_error
from kkdesk.ui.failures import report_failure
from kkdesk.ui.formatting import date_format, format_datetime
from kkdesk.ui.labels import level_label
from kkdesk.ui.tasks import TaskRunner

_Index = QModelIndex | QPersistentModelIndex

# Fewer rows than this on screen after a page, and more to come: fetch on without waiting
# for the user to scroll (a selective filter can give nearly empty pages).
_FILL_ROWS = 60
# The next page is asked for when the last order on screen is this close to the end.
_NEAR_END_GROUPS = 10

# ---------------------------------------------------------------------------------------
# Words, money and icons


def kind_labels() -> dict[EventKind, str]:
    return {
        EventKind.ORDER_PLACED: QCoreApplication.translate("timeline", "Ordered"),
        EventKind.SHIPPED: QCoreApplication.translate("timeline", "Shipped"),
        EventKind.DELIVERED: QCoreApplication.translate("timeline", "Delivered"),
        EventKind.RETURN_REQUESTED: QCoreApplication.translate("timeline", "Return requested"),
        EventKind.RETURN_RECEIVED: QCoreApplication.translate("timeline", "Return received"),
        EventKind.RETURN_REFUNDED: QCoreApplication.translate("timeline", "Refunded"),
    }


def status_labels() -> dict[OrderStatus, str]:
    return {
        OrderStatus.OPEN: QCoreApplication.translate("timeline", "Open"),
        OrderStatus.SHIPPED: QCoreApplication.translate("timeline", "On its way"),
        OrderStatus.DELIVERED: QCoreApplication.translate("timeline", "Delivered"),
        OrderStatus.CANCELLED: QCoreApplication.translate("timeline", "Cancelled"),
    }


def awaiting_labels() -> dict[EventKind, str]:
    return {
        EventKind.ORDER_PLACED: QCoreApplication.translate("timeline", "Awaiting shipping"),
        EventKind.SHIPPED: QCoreApplication.translate("timeline", "Awaiting delivery"),
        EventKind.RETURN_REQUESTED: QCoreApplication.translate("timeline", "Awaiting the goods"),
        EventKind.RETURN_RECEIVED: QCoreApplication.translate("timeline", "Awaiting refund"),
    }


def euros(cents: int | None) -> str:
    """An amount in the user's locale: 1 234,50 € in Finnish, €1,234.50 in English."""
    if cents is None:
        return ""
    return QLocale().toCurrencyString(cents / 100, "€", 2)


def vat_percent(rate_bp: int) -> str:
    return QLocale().toString(rate_bp / 100, "f", 1 if rate_bp % 100 else 0) + " %"


# Icon colours: distinct hues *and* distinct lightness, so that a greyscale print still
# separates them a little; the shape carries the meaning either way.
_COLOURS = {
    EventKind.ORDER_PLACED: QColor("#1f4e8c"),
    EventKind.SHIPPED: QColor("#c77800"),
    EventKind.DELIVERED: QColor("#2e7d32"),
    EventKind.RETURN_REQUESTED: QColor("#7b1fa2"),
    EventKind.RETURN_RECEIVED: QColor("#7b1fa2"),
    EventKind.RETURN_REFUNDED: QColor("#00695c"),
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


# ---------------------------------------------------------------------------------------
# The model: orders at the top level, their events under them


class TimelineModel(QAbstractItemModel):
    """Groups (orders) with their events as children; pages are appended as they come.

    A child index's internal id is its group's row + 1 (0 marks a top-level row), so
    ``parent()`` needs no lookups. ``fetch_requested`` asks the panel for the next page,
    which it loads when the user has scrolled near the end.
    """

    fetch_requested = Signal()

    WHEN, EVENT, NUMBER, WHAT, AMOUNT, STATUS = range(6)
    EventRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._groups: list[OrderGroup] = []
        self.next: TimelineCursor | None = None
        self.loading = False
        self._bold = QFont()
        self._bold.setBold(True)
        self._headers = (
            self.tr("When"),
            self.tr("Event"),
            self.tr("Number"),
            self.tr("What"),
            self.tr("Amount incl. VAT"),
            self.tr("Status"),
        )

    # -- content --------------------------------------------------------------------

    def clear(self) -> None:
        self.beginResetModel()
        self._groups = []
        self.next = None
        self.loading = False
        self.endResetModel()

    def append_page(self, page: TimelinePage) -> None:
        self.loading = False
        self.next = page.next
        if page.groups:
            first = len(self._groups)
            self.beginInsertRows(QModelIndex(), first, first + len(page.groups) - 1)
            self._groups.extend(page.groups)
            self.endInsertRows()

    @property
    def groups(self) -> tuple[OrderGroup, ...]:
        return tuple(self._groups)

    def event_count(self) -> int:
        return sum(len(g.events) for g in self._groups)

    def group_at(self, index: _Index) -> OrderGroup | None:
        if not index.isValid():
            return None
        row = index.internalId() - 1 if index.internalId() else index.row()
        return self._groups[row] if 0 <= row < len(self._groups) else None

    def event_at(self, index: _Index) -> TimelineEvent | None:
        if not index.isValid() or not index.internalId():
            return None
        group = self.group_at(index)
        if group is None or index.row() >= len(group.events):
            return None
        return group.events[index.row()]

    def index_of_group(self, order_number: str) -> QModelIndex:
        for row, group in enumerate(self._groups):
            if group.order.number == order_number:
                return self.index(row, 0)
        return QModelIndex()

    # -- Qt's model interface -------------------------------------------------------

    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column < 0 or column >= len(self._headers) or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0) if row < len(self._groups) else QModelIndex()
        if parent.internalId():  # events have no children
            return QModelIndex()
        group_row = parent.row()
        if group_row >= len(self._groups) or row >= len(self._groups[group_row].events):
            return QModelIndex()
        return self.createIndex(row, column, group_row + 1)

    def parent(self, index: _Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or not index.internalId():
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() or parent.column() != 0:
            return 0
        return len(self._groups[parent.row()].events) if parent.row() < len(self._groups) else 0

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return len(self._headers)

    def hasChildren(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return self.rowCount(parent) > 0

    def canFetchMore(self, parent: _Index) -> bool:
        return not parent.isValid() and self.next is not None and not self.loading

    def fetchMore(self, parent: _Index) -> None:
        # The panel decides: QTreeView asks on every full relayout, not only when the user
        # nears the end, which would load a long history whole, page after page.
        if self.canFetchMore(parent):
            self.fetch_requested.emit()

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Return fast for the roles nobody asks about (TECH-NOTES: data() is hot).
        if role not in _ROLES or not index.isValid():
            return None
        try:
            if index.internalId():
                return self._event_data(index, role)
            return self._group_data(index, role)
        except (IndexError, KeyError):  # never raise out of data()
            return None

    def _group_data(self, index: _Index, role: int) -> Any:
        group = self._groups[index.row()]
        o = group.order
        col = index.column()
        if role == Qt.ItemDataRole.FontRole:
            return self._bold
        if role == Qt.ItemDataRole.DecorationRole:
            return kind_icon(EventKind.ORDER_PLACED) if col == self.EVENT else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if col == self.AMOUNT else None
        if role == self.EventRole:
            return None
        texts = {
            self.WHEN: lambda: format_datetime(o.ordered_at),
            self.EVENT: lambda: self.tr("Order"),
            self.NUMBER: lambda: o.number,
            self.WHAT: lambda: products_summary(o),
            self.AMOUNT: lambda: euros(o.total_cents),
            self.STATUS: lambda: self._group_status(group),
        }
        text = texts[col]()
        if role == Qt.ItemDataRole.ToolTipRole and col == self.AMOUNT:
            return self.tr("Including VAT %1").replace("%1", euros(o.vat_cents))
        return text

    def _group_status(self, group: OrderGroup) -> str:
        text = status_labels()[group.order.status]
        open_returns = sum(1 for r in group.order.returns if return_is_open(r))
        if open_returns == 1:
            text += " · " + self.tr("1 open return")
        elif open_returns:
            text += " · " + self.tr("%1 open returns").replace("%1", str(open_returns))
        return text

    def _event_data(self, index: _Index, role: int) -> Any:
        group = self._groups[index.internalId() - 1]
        event = group.events[index.row()]
        col = index.column()
        if role == self.EventRole:
            return event
        if role == Qt.ItemDataRole.DecorationRole:
            return kind_icon(event.kind) if col == self.EVENT else None
        if role == Qt.ItemDataRole.FontRole:
            return self._bold if event.awaiting and col == self.STATUS else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if col == self.AMOUNT else None
        if col == self.WHEN:
            return format_datetime(event.at)
        if col == self.EVENT:
            return kind_labels()[event.kind]
        if col == self.NUMBER:
            return event.return_number or event.order_number
        if col == self.WHAT:
            return event_summary(group.order, event)
        if col == self.AMOUNT:
            if role == Qt.ItemDataRole.ToolTipRole and event.vat_cents is not None:
                return self.tr("Including VAT %1").replace("%1", euros(event.vat_cents))
            return euros(event.amount_cents)
        if col == self.STATUS:
            return awaiting_labels().get(event.kind, "") if event.awaiting else ""
        return None


_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.DecorationRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.TextAlignmentRole,
        TimelineModel.EventRole,
    }
)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def products_summary(order: Order, limit: int = 3) -> str:
    """ "Ketjusaha, Teräketju ×2 …": what a list row has room for."""
    parts = [
        ln.product_name if ln.quantity == 1 else f"{ln.product_name} ×{ln.quantity}"
        for ln in order.lines[:limit]
    ]
    if len(order.lines) > limit:
        parts.append("…")
    return ", ".join(parts)


def returned_summary(order: Order, ret: Return) -> str:
    names = {ln.id: ln.product_name for ln in order.lines}
    return ", ".join(
        names.get(rl.order_line_id, "?") if rl.quantity == 1
        else f"{names.get(rl.order_line_id, '?')} ×{rl.quantity}"
        for rl in ret.lines
    )  # fmt: skip


def event_summary(order: Order, event: TimelineEvent) -> str:
    if event.kind is EventKind.ORDER_PLACED:
        return products_summary(order)
    if event.delivery_id is not None:
        d = next((d for d in order.deliveries if d.id == event.delivery_id), None)
        if d is None:
            return ""
        if event.kind is EventKind.SHIPPED:
            return " ".join(x for x in (d.carrier, d.tracking_code) if x)
        return " ".join(x for x in (d.postal_code, d.post_office) if x)
    ret = next((r for r in order.returns if r.number == event.return_number), None)
    if ret is None:
        return ""
    if event.kind is EventKind.RETURN_REQUESTED and ret.reason:
        return f"{returned_summary(order, ret)} — {ret.reason}"
    return returned_summary(order, ret)


# ---------------------------------------------------------------------------------------
# Details of the selected order or event, and refusals in words


class TimelineWords(QObject):
    """The panel's longer texts, built on demand (a QObject only for ``self.tr``)."""

    def details_html(self, group: OrderGroup, event: TimelineEvent | None) -> str:
        """The selected order (with the selected event's part first) as simple HTML;
        every value from the register is escaped. Order and returns on the left, the
        delivery on the right, the order lines below both."""
        o = group.order
        e = html.escape
        head = ""
        if event is not None:
            head = f"<h3>{e(kind_labels()[event.kind])} · {e(format_datetime(event.at))}</h3>"
        total = (
            self.tr("%1 including VAT %2")
            .replace("%1", euros(o.total_cents))
            .replace("%2", euros(o.vat_cents))
        )
        order_title = self.tr("Order %1").replace("%1", o.number)
        left = [
            f"<h4>{e(order_title)}</h4>",
            _table(
                [
                    (self.tr("Ordered"), format_datetime(o.ordered_at)),
                    (self.tr("Status"), status_labels()[o.status]),
                    (self.tr("Total"), total),
                ]
            ),
        ]
        for r in o.returns:
            if event is None or not event.return_number or r.number == event.return_number:
                left.append(self.return_html(o, r))
        not_yet = self.tr("not yet")
        delivery_title = self.tr("Delivery")
        right: list[str] = []
        for d in o.deliveries:
            if event is not None and event.delivery_id not in (None, d.id):
                continue
            place = f"{d.postal_code} {d.post_office}".strip()
            address = ", ".join(x for x in (d.recipient, d.street, place, d.country) if x)
            rows = [
                (self.tr("Shipped"), format_datetime(d.shipped_at) or not_yet),
                (self.tr("Delivered"), format_datetime(d.delivered_at) or not_yet),
                (self.tr("Carrier"), d.carrier),
                (self.tr("Tracking code"), d.tracking_code),
                (self.tr("Delivery address"), address),
            ]
            right.append(f"<h4>{e(delivery_title)}</h4>" + _table(rows))
        if not o.deliveries:
            not_shipped = self.tr("Not shipped yet.")
            right.append(f"<h4>{e(delivery_title)}</h4><p>{e(not_shipped)}</p>")
        columns = (
            "<table width='100%' cellspacing='0' cellpadding='0'><tr>"
            f"<td valign='top' width='50%'>{''.join(left)}</td><td width='24'></td>"
            f"<td valign='top'>{''.join(right)}</td></tr></table>"
        )
        return head + columns + self.lines_html(o)

    def return_html(self, o: Order, r: Return) -> str:
        e = html.escape
        names = {ln.id: (ln.line_no, ln.product_name) for ln in o.lines}
        if r.refunded_at is not None:
            refund = f"{euros(r.refund_cents)} ({format_datetime(r.refunded_at)})"
        else:
            refund = self.tr("not yet (the items are worth %1)").replace(
                "%1", euros(return_value_cents(o, r))
            )
        items = ", ".join(
            f"{names.get(rl.order_line_id, (0, '?'))[1]} × {rl.quantity}" for rl in r.lines
        )
        rows = [
            (self.tr("Returned items"), items),
            (self.tr("Requested"), format_datetime(r.requested_at)),
            (self.tr("Received"), format_datetime(r.received_at) or self.tr("not yet")),
            (self.tr("Reason"), r.reason or "—"),
            (self.tr("Refund"), refund),
            (self.tr("VAT in the returned items"), euros(return_vat_cents(o, r))),
        ]
        title = self.tr("Return %1").replace("%1", r.number)
        return f"<h4>{e(title)}</h4>" + _table(rows)

    def lines_html(self, o: Order) -> str:
        e = html.escape
        head = (
            self.tr("#"),
            self.tr("Product"),
            self.tr("Quantity"),
            self.tr("Unit price"),
            self.tr("VAT"),
            self.tr("Total"),
            self.tr("Returned"),
        )
        # Numbers right-aligned, so that euros and counts line up.
        align = ("right", "left", "right", "right", "right", "right", "right")
        cells = "".join(f"<th align='{a}'>{e(h)}</th>" for h, a in zip(head, align, strict=True))
        body = []
        for ln in o.lines:
            values = (
                str(ln.line_no),
                f"{ln.product_name} ({ln.product_code})",
                str(ln.quantity),
                euros(ln.unit_price_cents),
                vat_percent(ln.vat_rate_bp),
                euros(ln.total_cents),
                str(o.returned_quantity(ln.id)),
            )
            body.append(
                "<tr>"
                + "".join(
                    f"<td align='{a}'>{e(v)}</td>" for v, a in zip(values, align, strict=True)
                )
                + "</tr>"
            )
        title = self.tr("Order lines")
        return (
            f"<h4>{e(title)}</h4>"
            f"<table cellspacing='0' cellpadding='3'><tr>{cells}</tr>{''.join(body)}</table>"
        )

    def describe(self, exc: BaseException, order: Order | None = None) -> str:
        """A refusal of this panel's operations in the user's language; other errors as
        the desk describes them."""
        if not isinstance(exc, KnownError):
            return describe_error(exc)
        code = exc.code
        if code == "return_too_many":
            name = ""
            if order is not None:
                line_id = exc.params.get("line_id")
                line = next((ln for ln in order.lines if ln.id == line_id), None)
                name = line.product_name if line else ""
            text = self.tr(
                "At most %1 of “%2” can be returned: what was delivered minus what has "
                "already been returned. Someone may have recorded a return meanwhile."
            )
            return text.replace("%1", str(exc.params.get("allowed", 0))).replace("%2", name)
        messages = {
            "return_empty": self.tr("Enter how many of at least one line are returned."),
            "return_negative": self.tr("A returned quantity cannot be negative."),
            "return_foreign_line": self.tr("The line is not on this order."),
            "reason_too_long": self.tr("The reason is too long: at most 500 characters."),
            "delivery_none": self.tr("This order has not been shipped; nothing to deliver."),
            "delivery_not_shipped": self.tr("The delivery has not been shipped yet."),
            "delivery_already_delivered": self.tr("The delivery is already marked delivered."),
            "delivery_before_shipping": self.tr("A delivery cannot arrive before it was shipped."),
            "delivery_ambiguous": self.tr("Several deliveries of this order are on their way."),
            "order_cancelled": self.tr("The order is cancelled."),
            "order_not_found": self.tr("The order was not found."),
        }
        return messages.get(code) or describe_error(exc)


def details_html(group: OrderGroup, event: TimelineEvent | None = None) -> str:
    return TimelineWords().details_html(group, event)


def describe_order_error(exc: BaseException, order: Order | None = None) -> str:
    return TimelineWords().describe(exc, order)


def _table(rows: list[tuple[str, str]]) -> str:
    e = html.escape
    body = "".join(f"<tr><td>{e(k)}:</td><td>{e(v)}</td></tr>" for k, v in rows)
    return f"<table cellspacing='0' cellpadding='2'>{body}</table>"


# ---------------------------------------------------------------------------------------
# Recording a return


class ReturnDialog(QDialog):
    """Per-line quantities, each limited to what can still be returned, and a reason.

    The dialog stays open until the return is stored; a refusal (say another clerk
    returned the same items meanwhile) is shown in it and changes nothing.
    """

    return_recorded = Signal(object)  # Return

    def __init__(
        self,
        ds: DeskSession,
        runner: TaskRunner,
        order: Order,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ds = ds
        self._runner = runner
        self.order = order
        self.setWindowTitle(self.tr("Record a return — order %1").replace("%1", order.number))
        heading = QLabel(
            self.tr("Order %1 of %2, %3 including VAT")
            .replace("%1", order.number)
            .replace("%2", format_datetime(order.ordered_at))
            .replace("%3", euros(order.total_cents)),
            self,
        )
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        intro = QLabel(
            self.tr(
                "How many of each line does the customer return? At most what was delivered "
                "minus what has already been returned."
            ),
            self,
        )
        intro.setWordWrap(True)

        heads = (self.tr("Product"), self.tr("Ordered"), self.tr("Delivered"),
                 self.tr("Returned"), self.tr("Return now"))  # fmt: skip
        self.table = QTableWidget(len(order.lines), len(heads), self)
        self.table.setObjectName("returnLines")
        self.table.setAccessibleName(self.tr("Order lines to return"))
        self.table.setHorizontalHeaderLabels(list(heads))
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.spins: dict[int, QSpinBox] = {}
        for row, ln in enumerate(order.lines):
            values = (
                ln.product_name,
                str(ln.quantity),
                str(order.delivered_quantity(ln.id)),
                str(order.returned_quantity(ln.id)),
            )
            for col, text in enumerate(values):
                self.table.setItem(row, col, QTableWidgetItem(text))
            spin = QSpinBox(self.table)
            allowed = max(order.returnable_quantity(ln.id), 0)
            spin.setRange(0, allowed)
            spin.setAccessibleName(self.tr("Return now: %1").replace("%1", ln.product_name))
            if allowed == 0:
                spin.setEnabled(False)
                spin.setToolTip(self.tr("Nothing of this line can be returned."))
            spin.valueChanged.connect(self._on_quantity_changed)
            self.spins[ln.id] = spin
            self.table.setCellWidget(row, len(values), spin)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)

        self.reason = QLineEdit(self)
        self.reason.setObjectName("returnReason")
        self.reason.setMaxLength(order_service.REASON_MAX)
        self.reason.setPlaceholderText(self.tr("e.g. wrong size, arrived broken"))
        reason_label = QLabel(self.tr("&Reason:"), self)
        reason_label.setBuddy(self.reason)

        self.message = QLabel(self)
        self.message.setObjectName("returnMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.ok = self.buttons.addButton(
            self.tr("Record return"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        reason_row = QHBoxLayout()
        reason_row.addWidget(reason_label)
        reason_row.addWidget(self.reason, 1)
        self.value = QLabel(self)
        self.value.setObjectName("returnValue")

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.value)
        layout.addLayout(reason_row)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(620, 320)
        self._on_quantity_changed()
        if not any(order.returnable_quantity(ln.id) > 0 for ln in order.lines):
            self.message.setText(
                self.tr(
                    "Nothing of this order can be returned: it has not been delivered, or "
                    "everything delivered has been returned already."
                )
            )

    def quantities(self) -> dict[int, int]:
        return {line_id: spin.value() for line_id, spin in self.spins.items() if spin.value()}

    def _on_quantity_changed(self) -> None:
        wanted = self.quantities()
        self.ok.setEnabled(bool(wanted))
        prices = {ln.id: ln.unit_price_cents for ln in self.order.lines}
        worth = sum(prices.get(line_id, 0) * qty for line_id, qty in wanted.items())
        self.value.setText(
            self.tr("Value of the returned items: %1 including VAT").replace("%1", euros(worth))
        )

    def submit(self) -> None:
        """Store the return on the task runner; close on success, explain a refusal."""
        wanted = self.quantities()
        if not wanted:
            self.message.setText(describe_order_error(KnownError("", code="return_empty")))
            return
        self.ok.setEnabled(False)
        self.message.setText(self.tr("Saving…"))
        ds, number, reason = self._ds, self.order.number, self.reason.text()
        self._runner.run(
            lambda: order_service.record_return(ds, number, wanted, reason=reason),
            success=self._on_saved,
            failure=self._on_refused,
        )

    def _on_saved(self, ret: Return) -> None:
        self.message.setText("")
        self.return_recorded.emit(ret)
        self.accept()

    def _on_refused(self, exc: BaseException) -> None:
        self.message.setText(
            report_failure(
                exc,
                self,
                context="a return",
                describe=lambda e: describe_order_error(e, self.order),
            )
        )
        if isinstance(exc, KnownError) and exc.code == "return_too_many":
            spin = self.spins.get(exc.params.get("line_id", -1))
            if spin is not None:
                spin.setMaximum(int(exc.params.get("allowed", 0)))
        self._on_quantity_changed()


# ---------------------------------------------------------------------------------------
# The panel


class FlowLayout(QLayout):
    """Lays widgets out left to right and wraps them onto new lines when the tab is
    narrow (after Qt's "flow layout" example), so the filters never force a wide window.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._do_layout(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._do_layout(rect, apply=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _do_layout(self, rect: QRect, *, apply: bool) -> int:
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        x, y, line_height = area.x(), area.y(), 0
        gap = max(self.spacing(), 6)
        for item in self._items:
            hint = item.sizeHint()
            if x + hint.width() > area.right() + 1 and line_height > 0:
                x, y = area.x(), y + line_height + gap
                line_height = 0
            if apply:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + gap
            line_height = max(line_height, hint.height())
        return y + line_height - rect.y() + m.bottom()


def _labelled(text: str, field: QWidget, parent: QWidget) -> QWidget:
    """A label and its field kept together on one line of the flow."""
    box = QWidget(parent)
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    label = QLabel(text, box)
    label.setBuddy(field)
    field.setParent(box)
    row.addWidget(label)
    row.addWidget(field, 1)
    return box


class _SpecialDateEdit(QDateEdit):
    """A date field whose lowest value means "no limit" and shows as a dash."""

    FLOOR = QDate(2000, 1, 1)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat(date_format())
        self.setMinimumDate(self.FLOOR)
        self.setSpecialValueText("—")
        self.setDate(self.FLOOR)
        # "No limit" is the floor date, but the calendar should open at today's month.
        self.calendarWidget().installEventFilter(self)
        self._moved_on = False  # the last digit typed filled a part and moved to the next

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        showing = watched is self.calendarWidget() and event.type() == QEvent.Type.Show
        if showing and self.value() is None:
            today = QDate.currentDate()
            self.calendarWidget().setCurrentPage(today.year(), today.month())
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # The dash of "no limit" has no sections to type into: a digit typed there starts
        # a date (today's, with its first part being replaced by what is typed).
        text = event.text()
        if self.value() is None and text.isdigit():
            self.setDate(QDate.currentDate())
            self.setCurrentSectionIndex(0)
            self.lineEdit().setSelection(0, len(self.sectionText(self.sectionAt(0))))
        # Qt moves to the next part by itself once a part is full; the separator the user
        # then types ("24.11.2026") would skip one more part. It is taken as read instead.
        if self._moved_on and text and not text.isdigit() and not text.isspace():
            self._moved_on = False
            event.accept()
            return
        section = self.currentSectionIndex()
        super().keyPressEvent(event)
        self._moved_on = text.isdigit() and self.currentSectionIndex() != section

    def value(self) -> date | None:
        d = self.date()
        if d == self.FLOOR:
            return None
        return date(d.year(), d.month(), d.day())

    def set_value(self, value: date | None) -> None:
        self.setDate(self.FLOOR if value is None else QDate(value.year, value.month, value.day))


def _local_midnight(d: date) -> datetime:
    return datetime.combine(d, time()).astimezone()


class TimelinePanel(QWidget):
    """Customer view tab with the order, delivery and return timeline."""

    panel_id = "timeline"
    # Emitted after a change stored from this panel (a return, a delivery).
    orders_changed = Signal(str)  # order number

    def __init__(self, ds: DeskSession, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self._ds = ds
        self._runner = runner
        self._number: str | None = None
        self._generation = 0
        self._total_orders: int | None = None
        self._dialog: ReturnDialog | None = None
        self._reselect: str | None = None
        # What the last stored change was; kept in the status line over the reload.
        self._notice = ""
        self.can_edit = ds.can(Capability.EDIT_ORDERS)

        self.model = TimelineModel(self)
        self.model.fetch_requested.connect(self._on_model_fetch_requested)
        self._fetch_check = QTimer(self)
        self._fetch_check.setSingleShot(True)
        self._fetch_check.setInterval(0)
        self._fetch_check.timeout.connect(self._maybe_fetch)

        # Filters: the kind buttons double as the legend of the icons.
        self.kind_buttons: dict[EventKind, QToolButton] = {}
        filters = QWidget(self)
        flow = FlowLayout(filters)
        flow.addWidget(QLabel(self.tr("Show:"), filters))
        for kind in EventKind:
            button = QToolButton(self)
            button.setCheckable(True)
            button.setChecked(True)
            button.setIcon(kind_icon(kind))
            button.setText(kind_labels()[kind])
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setAutoRaise(True)
            button.setObjectName(f"kind_{kind.value}")
            button.toggled.connect(self._on_filter_changed)
            self.kind_buttons[kind] = button
            flow.addWidget(button)

        self.text = QLineEdit(self)
        self.text.setObjectName("timelineText")
        self.text.setClearButtonEnabled(True)
        self.text.setPlaceholderText(self.tr("Product or order number"))
        self.text.setAccessibleName(self.tr("Filter by product or order number"))
        self._text_timer = QTimer(self)
        self._text_timer.setSingleShot(True)
        self._text_timer.setInterval(250)
        self._text_timer.timeout.connect(self._on_filter_changed)
        self.text.textChanged.connect(self._text_timer.start)

        self.since = _SpecialDateEdit(self)
        self.since.setObjectName("timelineSince")
        self.since.setAccessibleName(self.tr("From date"))
        self.until = _SpecialDateEdit(self)
        self.until.setObjectName("timelineUntil")
        self.until.setAccessibleName(self.tr("To date"))
        self.since.dateChanged.connect(self._on_filter_changed)
        self.until.dateChanged.connect(self._on_filter_changed)
        self.open_only = QCheckBox(self.tr("&Open items only"), self)
        self.open_only.setObjectName("timelineOpenOnly")
        self.open_only.setToolTip(self.tr("Orders not yet delivered and returns not yet refunded"))
        self.open_only.toggled.connect(self._on_filter_changed)

        self.text.setMinimumWidth(220)
        for label, field in (
            (self.tr("F&ind:"), self.text),
            (self.tr("Fro&m:"), self.since),
            (self.tr("&To:"), self.until),
        ):
            flow.addWidget(_labelled(label, field, filters))
        flow.addWidget(self.open_only)

        self.tree = QTreeView(self)
        self.tree.setObjectName("timelineTree")
        self.tree.setAccessibleName(self.tr("Orders, deliveries and returns"))
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)  # constant row height: cheap layout of long lists
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setIconSize(QSize(16, 16))
        # When (indented under its order), event, number, what, amount, status. "What"
        # takes the room that is left, so the status stays in sight at 1280 pixels.
        fit_columns(
            self.tree,
            (
                "24/11/2026 23:59" + "\u2003" * 3,
                "Return requested" + "\u2003" * 2,
                "R900001041",
                "Teräketju 40 cm ×2, Ketjuöljy",
                "1 234,50 €",
                "Partly delivered",
            ),
        )
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(self.tree.fontMetrics().averageCharWidth() * 6)
        self.tree.selectionModel().currentRowChanged.connect(self._on_tree_current_changed)
        self.tree.verticalScrollBar().valueChanged.connect(self._on_tree_scrolled)
        self.tree.verticalScrollBar().rangeChanged.connect(self._on_tree_scrolled)

        self.details = QTextBrowser(self)
        self.details.setObjectName("timelineDetails")
        self.details.setAccessibleName(self.tr("Details of the selected event"))
        self.details.setOpenLinks(False)

        # Details below the list, as in a mail client: both get the tab's whole width, so
        # the list keeps every column and the order lines read as a table.
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setObjectName("timelineSplitter")
        splitter.addWidget(self.tree)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([420, 280])
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter

        self.return_button = QPushButton(self.tr("Record &return…"), self)
        self.return_button.setObjectName("recordReturn")
        self.return_button.clicked.connect(self.open_return_dialog)
        self.delivered_button = QPushButton(self.tr("Mark &delivered"), self)
        self.delivered_button.setObjectName("markDelivered")
        self.delivered_button.clicked.connect(self.mark_delivered)
        self.status = QLabel(self)
        self.status.setObjectName("timelineStatus")
        # A long status must not widen the tab (the customer view can be narrow).
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        actions = QHBoxLayout()
        actions.addWidget(self.status, 1)
        actions.addWidget(self.delivered_button)
        actions.addWidget(self.return_button)

        layout = QVBoxLayout(self)
        layout.addWidget(filters)
        layout.addWidget(splitter, 1)
        layout.addLayout(actions)
        self._update_actions()

    # -- the panel protocol ---------------------------------------------------------

    def title(self) -> str:
        return self.tr("Orders")

    def set_customer(self, customer: Customer | None) -> None:
        self._number = customer.number if customer is not None else None
        self._notice = ""
        self.reload()

    # -- loading ----------------------------------------------------------------------

    def current_filter(self) -> TimelineFilter:
        kinds = frozenset(k for k, b in self.kind_buttons.items() if b.isChecked())
        since, until = self.since.value(), self.until.value()
        return TimelineFilter(
            kinds=kinds,
            since=_local_midnight(since) if since else None,
            until=_local_midnight(until + timedelta(days=1)) if until else None,
            open_only=self.open_only.isChecked(),
            text=self.text.text(),
        )

    def reload(self) -> None:
        """Start over from the newest order (a new customer, filter or stored change)."""
        self._generation += 1
        self.model.clear()
        self.details.clear()
        self._total_orders = None
        self._update_actions()
        if self._number is None:
            self.status.setText("")
            return
        if not self._ds.can(Capability.READ_ORDERS):
            # Say so instead of asking a database that would refuse anyway.
            self.status.setText(
                self.tr("Your user level (%1) does not show orders.").replace(
                    "%1", level_label(self._ds.level)
                )
            )
            return
        self.status.setText(self.tr("Loading…"))
        self._load(None)

    def _load(self, after: TimelineCursor | None) -> None:
        assert self._number is not None
        ds, number, flt, generation = (
            self._ds,
            self._number,
            self.current_filter(),
            self._generation,
        )
        self.model.loading = True
        self._runner.run(
            lambda: timeline_service.page(ds, number, flt, after=after),
            success=lambda page: self._on_page_loaded(generation, page),
            failure=lambda exc: self._on_page_failed(generation, exc),
            key=f"timeline-{id(self)}",
        )

    def fetch_more(self) -> bool:
        """Load the next page now, if there is one and none is on its way."""
        if self._number is None or self.model.next is None or self.model.loading:
            return False
        self._load(self.model.next)
        return True

    def _on_tree_scrolled(self, *_: int) -> None:
        self._fetch_check.start()

    def _on_model_fetch_requested(self) -> None:
        # Asked from inside the view's own layout pass, where it cannot yet say which
        # rows are on screen: decide once the event loop is back.
        self._fetch_check.start()

    def _maybe_fetch(self, *_: object) -> None:
        """The next page once the user nears the end of the list (or it does not fill
        the view). Asks the view itself, which lays out the rows first if it must."""
        if self.model.next is None or self.model.loading:
            return
        viewport = self.tree.viewport()
        bottom = self.tree.indexAt(QPoint(4, viewport.height() - 2))
        if bottom.isValid():
            group_row = bottom.parent().row() if bottom.parent().isValid() else bottom.row()
            if group_row < self.model.rowCount() - _NEAR_END_GROUPS:
                return
        self.fetch_more()

    def _on_page_loaded(self, generation: int, page: TimelinePage) -> None:
        if generation != self._generation:
            return
        first = self.model.rowCount()
        if page.total_orders is not None:
            self._total_orders = page.total_orders
        self.model.append_page(page)
        for row in range(first, self.model.rowCount()):
            self.tree.setExpanded(self.model.index(row, 0), True)
        self._show_counts()
        if self._reselect is not None:
            index = self.model.index_of_group(self._reselect)
            if index.isValid():
                self._reselect = None
                self.tree.setCurrentIndex(index)
        elif first == 0 and self.model.rowCount() and not self.tree.currentIndex().isValid():
            # The newest order's details at once: "where is my order" is the usual question.
            self.tree.setCurrentIndex(self.model.index(0, 0))
        visible_rows = self.model.rowCount() + self.model.event_count()
        if self.model.next is not None and visible_rows < _FILL_ROWS:
            self.fetch_more()

    def _on_page_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self.model.loading = False
        self.status.setText(report_failure(exc, self, context="loading orders"))

    def _show_counts(self) -> None:
        shown = self.model.rowCount()
        if shown == 0 and self.model.next is None:
            if self._total_orders == 0:
                self._set_status(self.tr("No orders."))
            else:
                self._set_status(self.tr("No events match the filter."))
            return
        total = self._total_orders
        if shown == 1:
            text = self.tr("1 order shown")
        else:
            text = self.tr("%1 orders shown").replace("%1", QLocale().toString(shown))
        if total is not None and (self.model.next is not None or shown != total):
            text += " " + self.tr("of %1").replace("%1", QLocale().toString(total))
        if self.model.next is not None:
            text += " · " + self.tr("scroll for more")
        self._set_status(text)

    def _set_status(self, text: str) -> None:
        self.status.setText(f"{self._notice} {text}" if self._notice else text)

    def wait_loaded(self, timeout_ms: int = 10000) -> bool:
        """Tests, benchmarks and screenshots: wait until the pages asked for (by opening,
        by filtering or by scrolling) have arrived."""
        deadline = QDeadlineTimer(timeout_ms)
        while not deadline.hasExpired():
            if not self._runner.wait_idle(max(int(deadline.remainingTime()), 1)):
                return False
            QCoreApplication.processEvents()
            if not self._fetch_check.isActive() and not self._runner.busy:
                return True
        return False

    # -- filters and selection -------------------------------------------------------

    def _on_filter_changed(self, *_: object) -> None:
        self._text_timer.stop()
        self._notice = ""
        self.reload()

    def selected_group(self) -> OrderGroup | None:
        return self.model.group_at(self.tree.currentIndex())

    def _on_tree_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        group = self.model.group_at(current)
        if group is None:
            self.details.clear()
        else:
            self.details.setHtml(details_html(group, self.model.event_at(current)))
        self._update_actions()

    def _update_actions(self) -> None:
        group = self.selected_group()
        no_level = self.tr("Your user level (%1) cannot change orders.").replace(
            "%1", level_label(self._ds.level)
        )
        choose = self.tr("Select an order first.")
        if not self.can_edit:
            self._enable(self.return_button, False, no_level)
            self._enable(self.delivered_button, False, no_level)
            return
        if group is None:
            self._enable(self.return_button, False, choose)
            self._enable(self.delivered_button, False, choose)
            return
        o = group.order
        returnable = any(o.returnable_quantity(ln.id) > 0 for ln in o.lines)
        self._enable(
            self.return_button,
            returnable,
            "" if returnable else self.tr(
                "Nothing of this order can be returned: it has not been delivered, or "
                "everything delivered has been returned already."
            ),
        )  # fmt: skip
        on_the_way = order_is_open(o) and any(
            d.shipped_at is not None and d.delivered_at is None for d in o.deliveries
        )
        self._enable(
            self.delivered_button,
            on_the_way,
            "" if on_the_way else self.tr("No delivery of this order is on its way."),
        )

    @staticmethod
    def _enable(button: QPushButton, enabled: bool, why_not: str) -> None:
        button.setEnabled(enabled)
        button.setToolTip(why_not)

    # -- changes ----------------------------------------------------------------------

    def open_return_dialog(self) -> ReturnDialog | None:
        """Open the return dialog for the selected order (not blocking: ``open()``)."""
        group = self.selected_group()
        if group is None or not self.can_edit:
            return None
        dialog = ReturnDialog(self._ds, self._runner, group.order, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.return_recorded.connect(
            lambda ret, number=group.order.number: self._on_changed(
                number, self.tr("Return %1 recorded.").replace("%1", ret.number)
            )
        )
        self._dialog = dialog
        dialog.finished.connect(self._on_dialog_finished)
        dialog.open()
        return dialog

    def _on_dialog_finished(self, _result: int) -> None:
        self._dialog = None

    def mark_delivered(self) -> None:
        group = self.selected_group()
        if group is None or not self.can_edit:
            return
        ds, number = self._ds, group.order.number
        self.delivered_button.setEnabled(False)
        self._runner.run(
            lambda: order_service.mark_delivered(ds, number),
            success=lambda _order: self._on_changed(
                number, self.tr("Order %1 marked delivered.").replace("%1", number)
            ),
            failure=lambda exc: self._on_change_refused(exc, group.order),
        )

    def _on_changed(self, order_number: str, message: str) -> None:
        self._reselect = order_number
        self._notice = message
        self.reload()
        self.orders_changed.emit(order_number)

    def _on_change_refused(self, exc: BaseException, order: Order) -> None:
        self.status.setText(
            report_failure(
                exc, self, context="an order", describe=lambda e: describe_order_error(e, order)
            )
        )
        self._update_actions()

    # -- window state -----------------------------------------------------------------

    def save_state(self, settings: QSettings) -> None:
        settings.setValue("timeline/header", self.tree.header().saveState())
        settings.setValue("timeline/splitter", self.splitter.saveState())

    def restore_state(self, settings: QSettings) -> None:
        for key, restore in (
            ("timeline/header", self.tree.header().restoreState),
            ("timeline/splitter", self.splitter.restoreState),
        ):
            state = settings.value(key)
            if state is not None:
                restore(state)
