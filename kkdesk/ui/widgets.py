"""Generic widgets shared by the desk's panels and dialogs: a layout that wraps its
widgets onto new lines, a label kept with its field, and date fields that can be typed or
picked from a calendar.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import (
    QDate,
    QEvent,
    QObject,
    QPoint,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QKeyEvent,
)
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QWidget,
)

from kkdesk.ui.formatting import date_format


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


def labelled(text: str, field: QWidget, parent: QWidget) -> QWidget:
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


class DateEdit(QDateEdit):
    """A date typed in the user's format or picked from a calendar; today to begin with."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat(date_format())
        self.setDate(QDate.currentDate())
        self._moved_on = False  # the last digit typed filled a part and moved to the next

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Qt moves to the next part by itself once a part is full; the separator the user
        # then types ("24.11.2026") would skip one more part. It is taken as read instead.
        text = event.text()
        if self._moved_on and text and not text.isdigit() and not text.isspace():
            self._moved_on = False
            event.accept()
            return
        section = self.currentSectionIndex()
        super().keyPressEvent(event)
        self._moved_on = text.isdigit() and self.currentSectionIndex() != section

    def day(self) -> date:
        d = self.date()
        return date(d.year(), d.month(), d.day())

    def set_day(self, value: date) -> None:
        self.setDate(QDate(value.year, value.month, value.day))


class OptionalDateEdit(DateEdit):
    """A date field whose lowest value means "no limit" and shows as a dash."""

    FLOOR = QDate(2000, 1, 1)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumDate(self.FLOOR)
        self.setSpecialValueText("—")
        self.setDate(self.FLOOR)
        # "No limit" is the floor date, but the calendar should open at today's month.
        self.calendarWidget().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        showing = watched is self.calendarWidget() and event.type() == QEvent.Type.Show
        if showing and self.value() is None:
            today = QDate.currentDate()
            self.calendarWidget().setCurrentPage(today.year(), today.month())
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # The dash of "no limit" has no sections to type into: a digit typed there starts
        # a date (today's, with its first part being replaced by what is typed).
        if self.value() is None and event.text().isdigit():
            self.setDate(QDate.currentDate())
            self.setCurrentSectionIndex(0)
            self.lineEdit().setSelection(0, len(self.sectionText(self.sectionAt(0))))
        super().keyPressEvent(event)

    def value(self) -> date | None:
        d = self.date()
        if d == self.FLOOR:
            return None
        return date(d.year(), d.month(), d.day())

    def set_value(self, value: date | None) -> None:
        self.setDate(self.FLOOR if value is None else QDate(value.year, value.month, value.day))
