"""The search field and its results list, the left half of the main window.

Results appear as the user types. Every keystroke hands the field's text to the model,
which empties the list at once and reads the new text's rows; keystrokes that arrive while
a page is being read are coalesced by the model, so at most one query is in flight (a fast
typist never queues up work) and the list only ever holds rows of the text in the field.

Enter opens the selected row, or the first row, of the field's text. If that text's first
page has not arrived yet, Enter waits for it and then opens its first row; typing on
cancels the wait. So Enter never opens a customer of an older text, and a clerk who types
a customer number and presses Enter at once gets that customer.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSettings, Qt, Signal, Slot
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kkdesk.domain.customer import CustomerSummary
from kkdesk.services.session import DeskSession
from kkdesk.ui.columns import compact_rows, fit_columns
from kkdesk.ui.errors import damaged_sentence
from kkdesk.ui.failures import report_failure
from kkdesk.ui.formatting import format_count
from kkdesk.ui.search_model import SearchResultsModel
from kkdesk.ui.tasks import TaskRunner

# Typical long values of each results column: the columns start as wide as these.
_SAMPLES = (
    "1234567",
    "Möttöniemen Metsäpalvelu Oy",
    "00100",
    "JYVÄSKYLÄ",
    "+358 40 1234567",
    "matti.mottonen@example.fi",
    "Company",
)


class _SearchEdit(QLineEdit):
    """Arrow keys and Page Down move into the results without leaving the keyboard."""

    moved_to_results = Signal(int)  # Qt.Key pressed

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_PageDown):
            self.moved_to_results.emit(event.key())
            return
        super().keyPressEvent(event)


class SearchPanel(QWidget):
    """Search field, results table and a line saying how many rows are shown."""

    customer_activated = Signal(object)  # CustomerSummary: the user opened a hit
    current_changed = Signal(object)  # CustomerSummary | None

    def __init__(self, ds: DeskSession, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = SearchResultsModel(ds, runner, self)
        self._open_when_shown = False  # Enter came before the field's rows: open them

        self.label = QLabel(self.tr("&Search:"), self)
        self.edit = _SearchEdit(self)
        self.edit.setPlaceholderText(
            self.tr("Name, customer number, contact person, street, phone…")
        )
        self.edit.setClearButtonEnabled(True)
        self.edit.setAccessibleName(self.tr("Search customers"))
        self.edit.setAccessibleDescription(
            self.tr(
                "Name in either order, any word of a name, contact person, street, post "
                "office, customer number, e-mail, phone, postal code or business ID. Press "
                "Down to move to the results."
            )
        )
        self.label.setBuddy(self.edit)

        self.table = QTableView(self)
        self.table.setObjectName("searchResults")
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Search results"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Several rows may be selected (Shift/Ctrl): to take them offline as a snapshot.
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table: keyboard users move on
        self.table.verticalHeader().setVisible(False)
        # Fixed row heights: the view never asks every row for its size (a million rows).
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        # Every key empties the list and every first page fills it: a scroll bar shown only
        # when needed came and went each time, and each time the rows were laid out again
        # in a new width and the whole list painted once more.
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        # Names, numbers and addresses in Latin letters read the same without text shaping
        # (kerning, ligatures), which was a quarter of the list's paint on every key; Qt
        # still shapes a script that needs it.
        font = self.table.font()
        font.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)
        self.table.setFont(font)
        compact_rows(self.table)
        fit_columns(self.table, _SAMPLES)
        # Room for the restriction marker (GDPR Art. 18) before a number: the icon and
        # its margin, so a marked number is never cut short.
        icon = self.table.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        self.table.setColumnWidth(0, self.table.columnWidth(0) + icon + 6)

        self.status = QLabel(self)
        self.status.setAccessibleName(self.tr("Search status"))
        # A long message ("… Words this short search only part of the register …") wraps:
        # on one line it made the whole search pane as wide as itself, squeezing the
        # customer beside it (479 → 673 px at 1280×720).
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)

        row = QHBoxLayout()
        row.addWidget(self.label)
        row.addWidget(self.edit, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self.setTabOrder(self.edit, self.table)

        self.edit.textChanged.connect(self._on_edit_text_changed)
        self.edit.returnPressed.connect(self._on_edit_return_pressed)
        self.edit.moved_to_results.connect(self._on_edit_moved_to_results)
        self.table.activated.connect(self._on_table_activated)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
        self.model.rows_loaded.connect(self._on_model_rows_loaded)
        self.model.loading_changed.connect(self._on_model_loading_changed)
        self.model.first_rows_shown.connect(self._on_model_first_rows_shown)
        self.model.search_failed.connect(self._on_model_search_failed)
        self._show_hint()

    # -- public --------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()

    def focus_results(self) -> None:
        """Move the keyboard into the results (the first row if none is current yet)."""
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if not self.table.currentIndex().isValid() and self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, 0))

    def current_summary(self) -> CustomerSummary | None:
        index = self.table.currentIndex()
        return self.model.summary_at(index.row()) if index.isValid() else None

    def selected_summaries(self) -> list[CustomerSummary]:
        """The selected rows' customers, in list order (the current row if none is)."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        found = [self.model.summary_at(r) for r in rows]
        out = [s for s in found if s is not None]
        if not out and (current := self.current_summary()) is not None:
            out = [current]
        return out

    def search_now(self) -> None:
        """Search the field's text again (F5, and after a save)."""
        self.model.set_query(self.edit.text())

    def save_state(self, settings: QSettings) -> None:
        settings.setValue("search/header", self.table.horizontalHeader().saveState())

    def restore_state(self, settings: QSettings) -> None:
        state = settings.value("search/header")
        if state is not None:
            self.table.horizontalHeader().restoreState(state)

    # -- slots ---------------------------------------------------------------------------

    def _text_is_searched(self) -> bool:
        return " ".join(self.edit.text().split()) == self.model.query

    @Slot(str)
    def _on_edit_text_changed(self, _text: str) -> None:
        self._open_when_shown = False  # an Enter was meant for the text before this key
        if not self._text_is_searched():
            self.search_now()

    @Slot()
    def _on_edit_return_pressed(self) -> None:
        if not self._text_is_searched():
            self.search_now()
        if self.model.loading and not self.model.rowCount():
            self._open_when_shown = True  # opened in _on_model_first_rows_shown
            return
        summary = self.current_summary() or self.model.summary_at(0)
        if summary is not None:
            self.customer_activated.emit(summary)

    @Slot(int)
    def _on_edit_moved_to_results(self, _key: int) -> None:
        if self.model.rowCount():
            self.focus_results()

    @Slot(QModelIndex)
    def _on_table_activated(self, index: QModelIndex) -> None:
        summary = self.model.summary_at(index.row())
        if summary is not None:
            self.customer_activated.emit(summary)
        elif (number := self.model.damaged_at(index.row())) is not None:
            self.status.setText(damaged_sentence(number))  # nothing to open: say why

    @Slot(QModelIndex, QModelIndex)
    def _on_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if (number := self.model.damaged_at(current.row())) is not None:
            self.status.setText(damaged_sentence(number))
        self.current_changed.emit(self.model.summary_at(current.row()))

    @Slot(int, bool)
    def _on_model_rows_loaded(self, count: int, more: bool) -> None:
        # The view's layout for the new rows now, not on its zero timer: otherwise the page
        # was painted once before that layout and once after it (two ~18 ms paints of the
        # whole list in one go on the GUI thread at 1,000,000 customers).
        self.table.doItemsLayout()
        if not self.model.query:
            self._show_hint()
        elif count == 0:
            self.status.setText(self.tr("No customers found."))
        elif more:
            self.status.setText(
                self.tr("%1 customers shown; scroll down for more.").replace(
                    "%1", format_count(count)
                )
            )
        elif count == 1:
            self.status.setText(self.tr("1 customer found."))
        else:
            self.status.setText(self.tr("%1 customers found.").replace("%1", format_count(count)))
        if self.model.query and self.model.narrowed:
            self.status.setText(
                self.status.text()
                + " "
                + self.tr("Words this short search only part of the register: type more letters.")
            )

    @Slot(bool)
    def _on_model_loading_changed(self, loading: bool) -> None:
        if loading:
            self.status.setText(self.tr("Searching…"))

    @Slot(str, int, float)
    def _on_model_first_rows_shown(self, query: str, _count: int, _seconds: float) -> None:
        if not self._open_when_shown or query != self.model.query:
            return
        self._open_when_shown = False
        if self._text_is_searched() and (summary := self.model.summary_at(0)) is not None:
            self.customer_activated.emit(summary)

    @Slot(object)
    def _on_model_search_failed(self, exc: BaseException) -> None:
        self._open_when_shown = False
        self.status.setText(report_failure(exc, self, context="a search"))

    def _show_hint(self) -> None:
        self.status.setText(self.tr("Type to search. Enter opens the selected customer."))
