"""Read-only lists of records: the table model and the table view the desk's tabs share.

The audit trail, the change history and the data-subject requests each show a tuple of
frozen records under fixed column headers: one customer's, or the register's requests, a
few hundred at most (a list that grows with the register pages instead, as the search
results do). :class:`RecordTableModel` holds the rows and answers Qt's questions; a
subclass only says what each cell shows. :func:`record_table` makes the read-only,
whole-row-selecting table that shows such a model.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

_Index = QModelIndex | QPersistentModelIndex
Record = TypeVar("Record")


class RecordTableModel(QAbstractTableModel, Generic[Record]):
    """Records as rows under ``headers``. The tooltip repeats the cell's text, so a value
    the column cuts short can still be read whole."""

    def __init__(self, headers: Sequence[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = tuple(headers)
        self._rows: tuple[Record, ...] = ()

    def cells(self, record: Record) -> Sequence[str]:
        """The texts of one row, one per header (a subclass's only duty)."""
        raise NotImplementedError

    def set_rows(self, rows: Sequence[Record]) -> None:
        self.beginResetModel()
        self._rows = tuple(rows)
        self.endResetModel()

    def rows(self) -> tuple[Record, ...]:
        return self._rows

    def row(self, index: int) -> Record | None:
        return self._rows[index] if 0 <= index < len(self._rows) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's idiom)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        return self.cells(self._rows[index.row()])[index.column()]

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


def record_table(
    model: QAbstractTableModel, parent: QWidget, *, name: str, accessible_name: str
) -> QTableView:
    """A read-only table of ``model`` that selects whole rows. Tab leaves it for the next
    control (the arrow keys move within it), so the keyboard never gets stuck in a list."""
    table = QTableView(parent)
    table.setObjectName(name)
    table.setModel(model)
    table.setAccessibleName(accessible_name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    return table
