"""The search results list: a table model over pages of customer summaries.

The model holds only :class:`~kkdesk.domain.customer.CustomerSummary` rows and the cursor
of the next page; it never holds a database object. The first page and every further page
(``fetchMore``, asked by the view as the user scrolls) are loaded on the task runner's
worker thread, which also makes each row's cell texts (:meth:`SearchResultsModel._cells_of`):
the list is repainted on every keystroke, and a paint then only looks them up.

Painting asks the model once per visible cell, on the GUI thread, and every call into
Python there takes the GIL, which the search worker may hold. So the model stands on
:class:`QStandardItemModel` without items: its row and column counts and its indexes are
Qt's own (a :class:`QAbstractTableModel` asked Python for ``rowCount`` and ``columnCount``
for every cell painted), the column headers are Qt's, and one ``multiData`` call per cell
is all the Python a paint runs.

The rows are always the rows of :attr:`SearchResultsModel.query`, never of another text:
``set_query`` empties the list at once, and every page is tagged with the generation of
the query it was read for, so a page of "m" that returns after the user typed "mott" is
dropped. At most one page is read at a time: a query typed while a page is being read
starts when that page returns. The model's state (rows, cursor, loading flag) is complete
before it emits any signal, so a listener that starts the next query inside a signal
never sees old rows land in the new list.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, cast

from PySide6.QtCore import (
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QStandardItemModel

from kkdesk.domain.customer import CustomerSummary
from kkdesk.domain.enums import CustomerType
from kkdesk.domain.search import WordKind
from kkdesk.services import customers
from kkdesk.services.session import DeskSession
from kkdesk.ui.errors import damaged_sentence
from kkdesk.ui.formatting import format_phone
from kkdesk.ui.restriction import restriction_icon
from kkdesk.ui.tasks import TaskRunner

PAGE_SIZE = 100
_PLACEHOLDER = re.compile(r"%([12])")
TASK_KEY = "customer-search"

_Index = QModelIndex | QPersistentModelIndex
_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
_DECORATION = int(Qt.ItemDataRole.DecorationRole.value)
_NUMBER, _NAME = 0, 1  # the marker goes before the number; the name says "restricted"

# A row's cell texts in column order, then whether its customer is restricted (Art. 18).
_Cells = tuple[Any, ...]


@dataclass(frozen=True)
class DamagedRow:
    """A hit kkdesk cannot interpret (a code stored outside kkdesk): listed as damaged,
    with its customer number, so the search goes on and the clerk knows it is there."""

    number: str


_Row = CustomerSummary | DamagedRow  # a row of the list


class SearchResultsModel(QStandardItemModel):
    """Rows of the current query, loaded lazily a page at a time.

    Rows and columns exist in the Qt base without items; the rows' data is this class's
    own (``_rows`` and their ``_cells``), served by :meth:`data` and :meth:`multiData`.
    """

    COLUMNS = ("number", "name", "postal_code", "post_office", "phone", "email", "type")

    # The first page of a query reached the list (query text, rows shown, seconds taken).
    first_rows_shown = Signal(str, int, float)
    # A load finished: (rows now in the list, whether more can be fetched).
    rows_loaded = Signal(int, bool)
    search_failed = Signal(object)  # the exception
    loading_changed = Signal(bool)

    def __init__(
        self,
        ds: DeskSession,
        runner: TaskRunner,
        parent: QObject | None = None,
        *,
        page_size: int = PAGE_SIZE,
    ) -> None:
        super().__init__(parent)
        self._ds = ds
        self._runner = runner
        self._page_size = page_size
        self._rows: list[_Row] = []
        self._cells: list[_Cells] = []  # each row's texts, made on the worker
        self._next: customers.SearchCursor | None = None
        self._query = ""
        self._generation = 0
        self._loading = False  # a page of the current query is being read
        self._narrowed = False  # the query's short words searched only part of the register
        self._in_flight = False  # a page of any query is being read (at most one at once)
        self._started = 0.0
        self._headers = (
            self.tr("Number"),
            self.tr("Name"),
            self.tr("Postal code"),
            self.tr("Post office"),
            self.tr("Phone"),
            self.tr("E-mail"),
            self.tr("Type"),
        )
        # A hit found through a contact person or a street says so beside the name; the
        # other search words (a later word of the name, the post office) are in sight.
        self._matched_formats = {
            WordKind.CONTACT: self.tr("%1 (contact person: %2)"),
            WordKind.STREET: self.tr("%1 (street: %2)"),
        }
        # Found by the number of a record merged into this one.
        self._merged_format = self.tr("%1 (%2 was merged into this customer)")
        self._damaged_label = self.tr("⚠ Damaged record")
        self._type_names = {
            CustomerType.PERSON: self.tr("Person"),
            CustomerType.COMPANY: self.tr("Company"),
        }
        # GDPR Art. 18: a restricted customer's row carries a marker before its number,
        # and says what that means on hover (and to a screen reader).
        self._restricted_tip = self.tr(
            "Processing restricted (GDPR Art. 18): the data is only stored. It can be read; "
            "changes, exports, marketing, letters to others and new orders are refused."
        )
        self._restricted_name = self.tr("%1 — processing restricted")
        self._restricted_icon: Any = None  # made on first use (the GUI thread's paint)
        self.setColumnCount(len(self.COLUMNS))
        self.setHorizontalHeaderLabels(list(self._headers))

    # -- the query -----------------------------------------------------------------------

    @property
    def query(self) -> str:
        return self._query

    @property
    def loading(self) -> bool:
        return self._loading

    @property
    def narrowed(self) -> bool:
        """Whether the query's words were all too short to search the whole register (see
        ``kkdesk.store.customers.SHORT_LEAD``): only the first names were searched."""
        return self._narrowed

    def set_query(self, text: str) -> None:
        """Show the hits of ``text``; an empty text shows nothing.

        The rows of the previous text go at once, so the list never holds rows of a text
        other than :attr:`query`. If a page is still being read, the new query starts when
        it returns (its rows are dropped): at most one query runs, however fast the user
        types.
        """
        text = " ".join(text.split())
        self._generation += 1
        self.beginResetModel()
        self._rows = []
        self._cells = []
        self._next = None
        self._narrowed = False
        self._query = text
        # The base's rows go inside the reset: its own row signals are not the views'
        # business, who are told of one reset, as a model that is emptied says.
        blocked = self.blockSignals(True)
        self.setRowCount(0)
        self.blockSignals(blocked)
        self.endResetModel()
        if not text:
            self._set_loading(False)
            self.rows_loaded.emit(0, False)
            return
        self._started = time.perf_counter()
        self._set_loading(True)
        if not self._in_flight:
            self._load(None)

    def refresh(self) -> None:
        self.set_query(self._query)

    def summary_at(self, row: int) -> CustomerSummary | None:
        """The customer of ``row``; None past the end and for a damaged row (nothing to
        open: its record cannot be read)."""
        s = self._rows[row] if 0 <= row < len(self._rows) else None
        return s if isinstance(s, CustomerSummary) else None

    def damaged_at(self, row: int) -> str | None:
        """The customer number of a damaged row, else None."""
        s = self._rows[row] if 0 <= row < len(self._rows) else None
        return s.number if isinstance(s, DamagedRow) else None

    def row_of(self, customer_id: int) -> int:
        for i, summary in enumerate(self._rows):
            if isinstance(summary, CustomerSummary) and summary.id == customer_id:
                return i
        return -1

    def _load(self, cursor: customers.SearchCursor | None) -> None:
        ds, text, limit, generation = self._ds, self._query, self._page_size, self._generation
        cells = self._cells_of  # reads only texts fixed at construction: safe on the worker
        self._in_flight = True

        def read() -> tuple[customers.SearchPage, list[_Row], list[_Cells]]:
            page = customers.search(ds, text, after=cursor, limit=limit)
            rows = _page_rows(page)
            return page, rows, [cells(s) for s in rows]

        self._runner.run(
            read,
            success=lambda result: self._on_page_loaded(generation, cursor is None, *result),
            failure=lambda exc: self._on_page_failed(generation, exc),
            key=TASK_KEY,
        )

    def _start_waiting_query(self) -> None:
        """A page of an older query came back: now read the query typed meanwhile."""
        if self._query and self._loading and not self._rows and not self._in_flight:
            self._load(None)

    def _on_page_loaded(
        self,
        generation: int,
        first: bool,
        page: customers.SearchPage,
        new: list[_Row],
        cells: list[_Cells],
    ) -> None:
        self._in_flight = False
        if generation != self._generation:
            self._start_waiting_query()  # this page belongs to a text the user replaced
            return
        # The whole state first, then the signals: a listener may start the next query
        # inside any of them, and must find this page already in place (TECH-NOTES).
        if new:
            start = len(self._rows)
            self._rows.extend(new)
            self._cells.extend(cells)
            self.insertRows(start, len(new))  # the base tells the views
        self._next = page.next
        self._narrowed = page.narrowed
        was_loading, self._loading = self._loading, False
        query, count, more = self._query, len(self._rows), self._next is not None
        if first:
            self.first_rows_shown.emit(query, count, time.perf_counter() - self._started)
        if generation == self._generation:
            self.rows_loaded.emit(count, more)
        if generation == self._generation and was_loading:
            self.loading_changed.emit(False)

    def _on_page_failed(self, generation: int, exc: BaseException) -> None:
        self._in_flight = False
        if generation != self._generation:
            self._start_waiting_query()
            return
        self._next = None
        self._set_loading(False)
        if generation == self._generation:
            self.search_failed.emit(exc)

    def _set_loading(self, loading: bool) -> None:
        if loading != self._loading:
            self._loading = loading
            self.loading_changed.emit(loading)

    # -- Qt model overrides ----------------------------------------------------------------

    # rowCount, columnCount, index, flags and headerData are the base's (see the module).

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008 (Qt's idiom)
        return (
            not parent.isValid()
            and self._next is not None
            and not self._loading
            and not self._in_flight
        )

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._set_loading(True)
            self._load(self._next)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = index.row()
        if not index.isValid() or row >= len(self._rows):
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cells[row][column]
        s = self._rows[row]
        if isinstance(s, DamagedRow):
            if role != Qt.ItemDataRole.ToolTipRole:
                return None
            if column == _NAME:
                return damaged_sentence(s.number)
            return s.number if column == _NUMBER else None
        if not s.restricted:  # the whole text on hover, where the column cut it short
            return self._cells[row][column] if role == Qt.ItemDataRole.ToolTipRole else None
        if role == Qt.ItemDataRole.DecorationRole:
            return self._icon() if column == _NUMBER else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._restricted_tip
        if role == Qt.ItemDataRole.AccessibleTextRole and column == _NAME:
            return self._restricted_name.replace("%1", s.name)
        return None

    def multiData(self, index: _Index, roleDataSpan: QModelRoleDataSpan | QModelRoleData) -> None:
        """All the roles a cell's painting asks for, in one call (Qt 6's item delegate asks
        through this): the default asks ``data()`` once per role, seven calls into Python
        per painted cell. The texts were made with the page, on the worker; a paint only
        looks them up. The restriction marker (GDPR Art. 18) is painted from here too.
        """
        entries = (
            cast(Iterable[QModelRoleData], roleDataSpan)  # a span iterates in PySide6
            if isinstance(roleDataSpan, QModelRoleDataSpan)
            else (roleDataSpan,)
        )
        row, column = index.row(), index.column()
        cells = self._cells[row] if 0 <= row < len(self._cells) else None
        for entry in entries:
            role = entry.role()
            if cells is None:
                entry.clearData()
            elif role == _DISPLAY:
                entry.setData(cells[column])
            elif role == _DECORATION and column == _NUMBER and cells[-1]:
                entry.setData(self._icon())
            elif role == _TOOLTIP:
                entry.setData(self.data(index, role))
            else:
                entry.clearData()

    def _icon(self) -> Any:
        if self._restricted_icon is None:
            self._restricted_icon = restriction_icon()
        return self._restricted_icon

    def _cells_of(self, s: _Row) -> _Cells:
        """A row's texts as the list shows them, and whether it is restricted. Runs on the
        worker thread: it reads only this model's fixed texts, never its rows."""
        if isinstance(s, DamagedRow):
            # A short word that fits the column; the whole sentence on hover (and in the
            # status line when the row is chosen).
            return (s.number, self._damaged_label, None, None, None, None, None, False)
        name = s.name
        if s.merged_number:
            name = self._merged_format.replace("%1", s.name).replace("%2", s.merged_number)
        elif s.matched is not None and s.matched in self._matched_formats:
            name = self._matched_formats[s.matched].replace("%1", s.name)
            name = name.replace("%2", s.matched_text)
        return (
            s.number,
            name,
            s.postal_code,
            s.post_office,
            format_phone(s.phone),
            s.email,
            self._type_names.get(s.type, str(s.type)),
            s.restricted,
        )


def _page_rows(page: customers.SearchPage) -> list[_Row]:
    """A page's rows in list order. A damaged hit is a row of its own after the page's
    readable ones: it never stops the search, and the clerk sees which customer needs an
    administrator."""
    return [*page.rows, *(DamagedRow(n) for n in page.damaged)]
