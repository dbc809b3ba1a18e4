"""The search field and its results list, the left half of the main window.

Results appear as the user types. The first keystroke after a pause searches at once (so a
quick lookup feels instant); keystrokes in a burst restart a short debounce so that a fast
typist doesn't start a query per letter. Every query runs on the task runner; a newer one
supersedes the older one, so the window never freezes and never shows stale rows.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QModelIndex, QSettings, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kkdesk.domain.customer import CustomerSummary
from kkdesk.services.session import DeskSession
from kkdesk.ui.errors import describe_error
from kkdesk.ui.formatting import format_count
from kkdesk.ui.search_model import SearchResultsModel
from kkdesk.ui.tasks import TaskRunner

DEBOUNCE_MS = 150


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
        self._last_keystroke = 0.0

        self.label = QLabel(self.tr("&Search:"), self)
        self.edit = _SearchEdit(self)
        self.edit.setPlaceholderText(self.tr("Name, customer number, e-mail, phone, postal code…"))
        self.edit.setClearButtonEnabled(True)
        self.edit.setAccessibleName(self.tr("Search customers"))
        self.edit.setAccessibleDescription(
            self.tr(
                "Name in either order, customer number, e-mail, phone, postal code or "
                "business ID. Press Down to move to the results."
            )
        )
        self.label.setBuddy(self.edit)

        self.table = QTableView(self)
        self.table.setObjectName("searchResults")
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Search results"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table: keyboard users move on
        self.table.verticalHeader().setVisible(False)
        # Fixed row heights: the view never asks every row for its size (a million rows).
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        for column, width in enumerate((90, 200, 70, 120, 120, 180, 70)):
            self.table.setColumnWidth(column, width)

        self.status = QLabel(self)
        self.status.setAccessibleName(self.tr("Search status"))
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

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._on_timer_timeout)

        self.edit.textChanged.connect(self._on_edit_text_changed)
        self.edit.returnPressed.connect(self._on_edit_return_pressed)
        self.edit.moved_to_results.connect(self._on_edit_moved_to_results)
        self.table.activated.connect(self._on_table_activated)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
        self.model.rows_loaded.connect(self._on_model_rows_loaded)
        self.model.loading_changed.connect(self._on_model_loading_changed)
        self.model.search_failed.connect(self._on_model_search_failed)
        self._show_hint()

    # -- public --------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()

    def current_summary(self) -> CustomerSummary | None:
        index = self.table.currentIndex()
        return self.model.summary_at(index.row()) if index.isValid() else None

    def search_now(self) -> None:
        """Run the query in the field at once (Enter, and F5 after a save)."""
        self._timer.stop()
        self.model.set_query(self.edit.text())

    def save_state(self, settings: QSettings) -> None:
        settings.setValue("search/header", self.table.horizontalHeader().saveState())

    def restore_state(self, settings: QSettings) -> None:
        state = settings.value("search/header")
        if state is not None:
            self.table.horizontalHeader().restoreState(state)

    # -- slots ---------------------------------------------------------------------------

    @Slot(str)
    def _on_edit_text_changed(self, _text: str) -> None:
        now = time.monotonic()
        paused = (now - self._last_keystroke) * 1000 >= DEBOUNCE_MS
        self._last_keystroke = now
        if paused and not self.model.loading and not self._timer.isActive():
            self.search_now()  # leading edge: the first key after a pause searches at once
        else:
            self._timer.start()  # trailing edge: the end of a burst searches once

    @Slot()
    def _on_timer_timeout(self) -> None:
        if " ".join(self.edit.text().split()) != self.model.query:
            self.model.set_query(self.edit.text())

    @Slot()
    def _on_edit_return_pressed(self) -> None:
        if " ".join(self.edit.text().split()) != self.model.query:
            self.search_now()
            return
        summary = self.current_summary() or self.model.summary_at(0)
        if summary is not None:
            self.customer_activated.emit(summary)

    @Slot(int)
    def _on_edit_moved_to_results(self, _key: int) -> None:
        if self.model.rowCount() == 0:
            return
        self.table.setFocus(Qt.FocusReason.TabFocusReason)
        if not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.model.index(0, 0))

    @Slot(QModelIndex)
    def _on_table_activated(self, index: QModelIndex) -> None:
        summary = self.model.summary_at(index.row())
        if summary is not None:
            self.customer_activated.emit(summary)

    @Slot(QModelIndex, QModelIndex)
    def _on_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.current_changed.emit(self.model.summary_at(current.row()))

    @Slot(int, bool)
    def _on_model_rows_loaded(self, count: int, more: bool) -> None:
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
        else:
            self.status.setText(self.tr("%1 customers found.").replace("%1", format_count(count)))

    @Slot(bool)
    def _on_model_loading_changed(self, loading: bool) -> None:
        if loading:
            self.status.setText(self.tr("Searching…"))

    @Slot(object)
    def _on_model_search_failed(self, exc: BaseException) -> None:
        self.status.setText(describe_error(exc))

    def _show_hint(self) -> None:
        self.status.setText(self.tr("Type to search. Enter opens the selected customer."))
