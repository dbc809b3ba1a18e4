"""File → Import address updates…: an update service's CSV of address changes, previewed
line by line in six categories and applied after a confirmation — all database work off
the GUI thread.

The same rules and service as ``kkdesk import address-updates``
(:mod:`kkdesk.services.address_updates`). What is applied is exactly the file's bytes that
were previewed: a file changed on disk after the preview is not read again.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kkdesk.domain import address_updates as au
from kkdesk.domain.levels import Capability
from kkdesk.services import address_updates
from kkdesk.services.session import DeskSession
from kkdesk.ui.failures import report_failure
from kkdesk.ui.formatting import format_count, format_date
from kkdesk.ui.tasks import TaskRunner


def category_label(category: au.Category) -> str:
    labels = {
        au.Category.CHANGED: QCoreApplication.translate(
            "AddressUpdateDialog", "Matched and changed"
        ),
        au.Category.CURRENT: QCoreApplication.translate("AddressUpdateDialog", "Already current"),
        au.Category.AMBIGUOUS: QCoreApplication.translate("AddressUpdateDialog", "Ambiguous"),
        au.Category.NOT_FOUND: QCoreApplication.translate("AddressUpdateDialog", "Not found"),
        au.Category.INVALID: QCoreApplication.translate("AddressUpdateDialog", "Invalid"),
        au.Category.PROHIBITED: QCoreApplication.translate(
            "AddressUpdateDialog", "Prohibits updating"
        ),
    }
    return labels[category]


def field_name(name: str) -> str:
    from kkdesk.ui.errors import field_label

    return field_label(name)


def reason_text(o: au.Outcome) -> str:
    """Why a line is not applied, in the user's language; what changes, for the others."""
    if o.category is au.Category.CHANGED:
        return "; ".join(f"{field_name(f)}: {old} → {new}" for f, old, new in o.changes)
    if o.category is au.Category.CURRENT:
        return ""
    if o.category is au.Category.PROHIBITED and o.reason == "restricted":
        return QCoreApplication.translate(
            "AddressUpdateDialog", "The processing of the person's data is restricted (Art. 18)."
        )
    if o.category is au.Category.PROHIBITED:
        return QCoreApplication.translate(
            "AddressUpdateDialog", "The person prohibits updating of their data."
        )
    if o.category is au.Category.NOT_FOUND:
        return QCoreApplication.translate("AddressUpdateDialog", "No customer fits this line.")
    if o.reason == "twice_in_file":
        return QCoreApplication.translate(
            "AddressUpdateDialog", "The file changes this customer on another line too."
        )
    if o.category is au.Category.AMBIGUOUS:
        return QCoreApplication.translate("AddressUpdateDialog", "Several customers fit this line.")
    # Invalid: the field's own words where the reason names one, else the English reason.
    if o.reason.startswith("new_"):
        from kkdesk.ui.errors import field_message

        return (
            QCoreApplication.translate("AddressUpdateDialog", "%1 (new value): %2")
            .replace("%1", field_name(o.reason[4:]))
            .replace("%2", field_message(o.problem, {}, o.message))
        )
    if o.reason == "customer_number":
        return QCoreApplication.translate(
            "AddressUpdateDialog", "The customer number is not valid."
        )
    if o.reason == "no_key":
        return QCoreApplication.translate(
            "AddressUpdateDialog", "Needs a customer number, or a name and the old address."
        )
    if o.reason == "date":
        return QCoreApplication.translate(
            "AddressUpdateDialog", "The valid-from date is not a date."
        )
    return o.message


def refusal_text(line: int, code: str, message: str) -> str:
    """One problem of a refused file, in the user's language (the English detail, such as
    the column names, follows where the words alone would not say enough)."""
    words = {
        "encoding": QCoreApplication.translate(
            "AddressUpdateDialog", "The file is not UTF-8 text; save it as UTF-8."
        ),
        "missing_column": QCoreApplication.translate("AddressUpdateDialog", "Columns missing"),
        "unknown_column": QCoreApplication.translate("AddressUpdateDialog", "Unknown columns"),
        "duplicate_column": QCoreApplication.translate(
            "AddressUpdateDialog", "Columns given twice"
        ),
        "cell_count": QCoreApplication.translate(
            "AddressUpdateDialog", "The line has a different number of cells than the header."
        ),
        "broken_line": QCoreApplication.translate(
            "AddressUpdateDialog", "The line cannot be read (broken quotation marks?)."
        ),
        "empty": QCoreApplication.translate("AddressUpdateDialog", "The file is empty."),
        "too_large": QCoreApplication.translate(
            "AddressUpdateDialog", "The file is too large to be an address-update file."
        ),
    }
    text = words.get(code, message)
    if code.endswith("_column"):
        text += " (" + message.split(": ", 1)[-1] + ")"
    if not line:
        return text
    return (
        QCoreApplication.translate("AddressUpdateDialog", "line %1: %2")
        .replace("%1", str(line))
        .replace("%2", text)
    )


class OutcomeModel(QAbstractTableModel):
    """The preview's lines, optionally of one category. Holds the frozen outcomes and a
    list of indexes into them; words are made in data(), for the rows shown only."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._outcomes: tuple[au.Outcome, ...] = ()
        self._shown: list[int] = []

    def set_outcomes(self, outcomes: tuple[au.Outcome, ...], only: au.Category | None) -> None:
        self.beginResetModel()
        self._outcomes = outcomes
        self._shown = [i for i, o in enumerate(outcomes) if only is None or o.category is only]
        self.endResetModel()

    def outcome(self, row: int) -> au.Outcome:
        return self._outcomes[self._shown[row]]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            QCoreApplication.translate("AddressUpdateDialog", "Line"),
            QCoreApplication.translate("AddressUpdateDialog", "Outcome"),
            QCoreApplication.translate("AddressUpdateDialog", "Customer"),
            QCoreApplication.translate("AddressUpdateDialog", "Valid from"),
            QCoreApplication.translate("AddressUpdateDialog", "Change or reason"),
        )[section]

    def data(
        self,
        index: QModelIndex | QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        o = self.outcome(index.row())
        column = index.column()
        if column == 0:
            return str(o.line)
        if column == 1:
            return category_label(o.category)
        if column == 2:
            return o.number
        if column == 3:
            return format_date(o.valid_from) if o.valid_from else ""
        return reason_text(o)


class _Progress(QObject):
    """Carries the worker's step to the GUI thread (created on the GUI thread)."""

    stepped = Signal(str)


def ask_open_path(parent: QWidget) -> str:
    """The file to import, or "" if cancelled. Module-level so that tests can answer it."""
    path, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("AddressUpdateDialog", "Open address-update file"),
        "",
        QCoreApplication.translate("AddressUpdateDialog", "CSV files (*.csv);;All files (*)"),
    )
    return path


def confirm_apply(parent: QWidget, count: int, source: str) -> bool:
    """Ask before changing ``count`` addresses. Module-level so that tests can answer it."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("AddressUpdateDialog", "Apply address updates"))
    box.setText(
        QCoreApplication.translate(
            "AddressUpdateDialog",
            "Change the address of %1 customers? Each change is recorded with “%2” as its source.",
        )
        .replace("%1", format_count(count))
        .replace("%2", source)
    )
    apply = box.addButton(
        QCoreApplication.translate("AddressUpdateDialog", "Apply"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is apply


class AddressUpdateDialog(QDialog):
    """Choose a file and name its update service; preview; apply."""

    previewed = Signal(object)  # Preview
    applied = Signal(object)  # Applied

    def __init__(self, ds: DeskSession, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self._ds = ds
        self._runner = runner
        self._busy = False
        self._data: bytes | None = None  # the previewed file's bytes
        self._preview: au.Preview | None = None
        self.setWindowTitle(self.tr("Import address updates"))
        intro = QLabel(
            self.tr(
                "Address changes from an update service (register description, section 6). "
                "Preview first: only the lines matched to one customer whose address "
                "differs are applied, in one go, each recorded with the update service as "
                "its source. People who prohibit updating of their data are skipped."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.path = QLineEdit(self)
        self.path.setObjectName("path")
        self.path.setAccessibleName(self.tr("File"))
        self.choose_button = QPushButton(self.tr("C&hoose…"), self)
        self.choose_button.setObjectName("choose")
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(self.choose_button)
        self.source = QLineEdit(self)
        self.source.setObjectName("source")
        self.source.setAccessibleName(self.tr("Update service"))
        self.source.setMaxLength(au.SOURCE_MAX)
        self.source.setPlaceholderText(self.tr("e.g. Posti address update service"))

        form = QFormLayout()
        file_label = QLabel(self.tr("&File:"), self)
        file_label.setBuddy(self.path)
        form.addRow(file_label, file_row)
        source_label = QLabel(self.tr("&Update service:"), self)
        source_label.setBuddy(self.source)
        form.addRow(source_label, self.source)

        self.count_labels: dict[au.Category, QLabel] = {}
        counts = QHBoxLayout()
        for category in au.CATEGORIES:
            name = QLabel(category_label(category) + ":", self)
            value = QLabel("–", self)
            value.setObjectName(f"count_{category.value}")
            value.setAccessibleName(category_label(category))
            value.setStyleSheet("font-weight: bold")
            self.count_labels[category] = value
            counts.addWidget(name)
            counts.addWidget(value)
            counts.addSpacing(18)
        counts.addStretch(1)

        self.show_only = QComboBox(self)
        self.show_only.setObjectName("showOnly")
        self.show_only.setAccessibleName(self.tr("Show"))
        self.show_only.addItem(self.tr("All lines"), "")
        for category in au.CATEGORIES:
            self.show_only.addItem(category_label(category), category.value)
        show_row = QHBoxLayout()
        show_label = QLabel(self.tr("&Show:"), self)
        show_label.setBuddy(self.show_only)
        show_row.addWidget(show_label)
        show_row.addWidget(self.show_only)
        show_row.addStretch(1)

        self.model = OutcomeModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("outcomes")
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        for column, width in ((0, 60), (1, 160), (2, 90), (3, 130)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)

        self.progress = QProgressBar(self)
        self.progress.setObjectName("progress")
        self.progress.setRange(0, 0)  # busy: the steps have no count
        self.progress.setVisible(False)
        self.status = QLabel(self)
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.preview_button = QPushButton(self.tr("&Preview"), self)
        self.preview_button.setObjectName("preview")
        self.apply_button = QPushButton(self.tr("&Apply…"), self)
        self.apply_button.setObjectName("apply")
        self.apply_button.setEnabled(False)
        for button in (self.preview_button, self.apply_button):
            self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addLayout(counts)
        layout.addLayout(show_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

        self._progress = _Progress(self)
        self._progress.stepped.connect(self._on_stepped)
        self.choose_button.clicked.connect(self._on_choose_clicked)
        self.preview_button.clicked.connect(self._on_preview_clicked)
        self.apply_button.clicked.connect(self._on_apply_clicked)
        self.show_only.currentIndexChanged.connect(self._on_show_only_changed)
        self.path.textChanged.connect(self._on_input_changed)
        self.source.textChanged.connect(self._on_input_changed)
        if not ds.can(Capability.EDIT_CUSTOMERS):
            why = self.tr("Your user level does not allow changing customers' data.")
            for button in (self.preview_button, self.apply_button):
                button.setEnabled(False)
                button.setToolTip(why)
            self.status.setText(why)
        self.resize(900, 560)

    def wait_idle(self, timeout_ms: int = 60000) -> bool:
        """Tests: wait until the preview or the import is done."""
        return self._runner.wait_idle(timeout_ms)

    # -- input ---------------------------------------------------------------------------

    def _on_choose_clicked(self) -> None:
        path = ask_open_path(self)
        if path:
            self.path.setText(path)

    def _on_input_changed(self, *_: object) -> None:
        # A preview belongs to one file and one source: a changed input needs a new one.
        self._data = None
        self._preview = None
        self.apply_button.setEnabled(False)

    def _on_show_only_changed(self, *_: object) -> None:
        if self._preview is not None:
            value = self.show_only.currentData()
            self.model.set_outcomes(self._preview.outcomes, au.Category(value) if value else None)

    # -- preview -------------------------------------------------------------------------

    def _on_preview_clicked(self) -> None:
        path = Path(self.path.text().strip())
        ds, source, progress = self._ds, self.source.text(), self._progress
        if not self.path.text().strip():
            self.status.setText(self.tr("Choose the file to import."))
            return

        def work() -> tuple[bytes, au.Preview]:
            data = address_updates.read_file(path)
            return data, address_updates.preview(
                ds, data, source=source, progress=progress.stepped.emit
            )

        self._set_busy(True)
        self.status.setText(self.tr("Reading the file…"))
        self._runner.run(work, success=self._on_previewed, failure=self._on_failed)

    @Slot(str)
    def _on_stepped(self, step: str) -> None:
        words = {
            "parse": self.tr("Reading the file…"),
            "match": self.tr("Finding the customers…"),
            "write": self.tr("Changing the addresses…"),
        }
        self.status.setText(words.get(step, step))

    def _on_previewed(self, result: tuple[bytes, au.Preview]) -> None:
        self._set_busy(False)
        self._data, self._preview = result
        self._show(self._preview)
        changes = self._preview.count(au.Category.CHANGED)
        self.apply_button.setEnabled(changes > 0)
        self.status.setText(
            self.tr("%1 lines read; %2 addresses would change. Nothing has been changed yet.")
            .replace("%1", format_count(len(self._preview.outcomes)))
            .replace("%2", format_count(changes))
        )
        self.previewed.emit(self._preview)

    def _show(self, preview: au.Preview) -> None:
        for category, label in self.count_labels.items():
            label.setText(format_count(preview.count(category)))
        self._on_show_only_changed()

    # -- apply ---------------------------------------------------------------------------

    def _on_apply_clicked(self) -> None:
        if self._data is None or self._preview is None:
            return
        count = self._preview.count(au.Category.CHANGED)
        if not confirm_apply(self, count, self._preview.source):
            return
        ds, data, source, progress = self._ds, self._data, self._preview.source, self._progress
        self._set_busy(True)
        self._runner.run(
            lambda: address_updates.apply(ds, data, source=source, progress=progress.stepped.emit),
            success=self._on_applied,
            failure=self._on_failed,
        )

    def _on_applied(self, done: address_updates.Applied) -> None:
        self._set_busy(False)
        self._preview = done.preview
        self._show(done.preview)
        self.apply_button.setEnabled(False)  # applied: a second run needs a new preview
        self._data = None
        self.status.setText(
            self.tr(
                "Changed the address of %1 customers; each change is in their history."
            ).replace("%1", format_count(len(done.changed_numbers)))
        )
        self.applied.emit(done)

    def _on_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, au.FileRefused):
            lines = [refusal_text(n, code, m) for n, code, m in exc.errors[:10]]
            self.status.setText(
                self.tr("The file was refused and nothing was changed:") + "\n" + "\n".join(lines)
            )
            self.model.set_outcomes((), None)
            return
        self.status.setText(report_failure(exc, self, context="the address-update import"))

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.progress.setVisible(busy)
        for widget in (self.path, self.choose_button, self.source, self.preview_button):
            widget.setEnabled(not busy)
        if busy:
            self.apply_button.setEnabled(False)

    def reject(self) -> None:
        # Closing while the import runs would hide its outcome; wait for it.
        if not self._busy:
            super().reject()


def open_address_updates(ds: DeskSession, runner: TaskRunner, parent: QWidget | None) -> Any:
    """Show the dialog (non-modal) and return it; for the main window's menu action."""
    dialog = AddressUpdateDialog(ds, runner, parent)
    dialog.show()
    return dialog
