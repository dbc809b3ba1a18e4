"""The timeline's item model: orders at the top level, their events under them, appended a
page at a time.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QFont,
)

from kkdesk.domain.timeline import (
    EventKind,
    OrderGroup,
    TimelineCursor,
    TimelineEvent,
    TimelinePage,
    return_is_open,
)
from kkdesk.ui.formatting import format_datetime
from kkdesk.ui.timeline.icons import kind_icon
from kkdesk.ui.timeline.words import (
    awaiting_labels,
    corrected_label,
    euros,
    event_summary,
    kind_labels,
    products_summary,
    status_labels,
)

_Index = QModelIndex | QPersistentModelIndex


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
        self._struck = QFont()
        self._struck.setStrikeOut(True)
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
            if event.corrected:  # still there to read, visibly not what is true now
                return self._struck
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
            if event.corrected:
                return corrected_label()
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
