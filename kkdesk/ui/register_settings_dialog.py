"""The register's own information in the desk: an administrator edits every register
setting (controller, contact person, data-protection contact, the Data Protection
Ombudsman's address, purposes, recipients... each text in Finnish, Swedish and English).

The editor is made from the settings' declared shapes (:data:`register_info.KINDS`), so a
setting a newer kkdesk adds gets an editor too (one of an unknown shape is edited as JSON).
Saving validates every changed value in the service and stores all or none; each change is
audited there. The contact fields letters print are watched: an empty one is named above
the list, as letters and the notice would print without it. Loading and saving run on the
task runner; the dialog never touches the database itself.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kkdesk.domain import register_info as ri
from kkdesk.domain.letters import contact_keys, empty_contact_fields
from kkdesk.domain.levels import Capability
from kkdesk.errors import ValidationFailed
from kkdesk.services import register_settings
from kkdesk.services.session import DeskSession
from kkdesk.ui import dialogs
from kkdesk.ui.failures import report_failure
from kkdesk.ui.formatting import format_datetime
from kkdesk.ui.tasks import TaskRunner

# Settings whose text is long: edited in a box of several lines rather than one line.
LONG_TEXTS = frozenset({"transfers", "automated_decisions"})


def setting_label(key: str) -> str:
    """A register setting's name as the desk shows it; a key a newer kkdesk adds shows as
    itself."""
    labels = {
        "controller_name": QCoreApplication.translate("register", "Controller"),
        "controller_address": QCoreApplication.translate("register", "Controller's address"),
        "controller_business_id": QCoreApplication.translate("register", "Business ID"),
        "controller_email": QCoreApplication.translate("register", "Controller's e-mail"),
        "contact_name": QCoreApplication.translate("register", "Contact person"),
        "contact_phone": QCoreApplication.translate("register", "Contact person's telephone"),
        "contact_email": QCoreApplication.translate("register", "Contact person's e-mail"),
        "register_name": QCoreApplication.translate("register", "Register name"),
        "purposes": QCoreApplication.translate("register", "Purposes and legal bases"),
        "data_categories": QCoreApplication.translate("register", "Categories of data"),
        "sources": QCoreApplication.translate("register", "Sources of data"),
        "recipients": QCoreApplication.translate("register", "Recipients"),
        "transfers": QCoreApplication.translate("register", "Transfers outside the EU/EEA"),
        "protection": QCoreApplication.translate("register", "Protection"),
        "rights": QCoreApplication.translate("register", "Rights of the data subject"),
        "automated_decisions": QCoreApplication.translate("register", "Automated decisions"),
        "authority_name": QCoreApplication.translate("register", "Supervisory authority"),
        "authority_address": QCoreApplication.translate(
            "register", "Supervisory authority's address"
        ),
        "authority_web": QCoreApplication.translate("register", "Supervisory authority's website"),
        "letters_name_staff": QCoreApplication.translate("register", "Letters name the staff"),
        # The retention periods: the notice's retention texts are generated from them.
        "financial_year_end": QCoreApplication.translate("register", "Financial year ends (MM-DD)"),
        "basic_data_years": QCoreApplication.translate(
            "register", "Retention: years after the last order or contact"
        ),
        "voucher_years": QCoreApplication.translate(
            "register", "Retention: years for orders and vouchers (at least 6)"
        ),
        "letter_archive_years": QCoreApplication.translate(
            "register", "Retention: years for archived letters"
        ),
    }
    return labels.get(key, key)


class _Editor(QWidget):
    """One setting's editor: shows a JSON value and gives the edited one back."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edited: Callable[[], None] = lambda: None
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def value(self) -> Any:
        raise NotImplementedError


class _TextEditor(_Editor):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.edit.textEdited.connect(lambda _t: self.edited())
        self.layout_.addWidget(self.edit)
        self.layout_.addStretch(1)

    def set_value(self, value: Any) -> None:
        self.edit.setText(str(value))

    def value(self) -> Any:
        return self.edit.text()


class _BoolEditor(_Editor):
    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = QCheckBox(label, self)
        self.box.toggled.connect(lambda _c: self.edited())
        self.layout_.addWidget(self.box)
        self.layout_.addStretch(1)

    def set_value(self, value: Any) -> None:
        self.box.setChecked(bool(value))

    def value(self) -> Any:
        return self.box.isChecked()


class _LinesEditor(_Editor):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layout_.addWidget(QLabel(self.tr("One address line per row:"), self))
        self.edit = QPlainTextEdit(self)
        self.edit.textChanged.connect(lambda: self.edited())
        self.layout_.addWidget(self.edit)

    def set_value(self, value: Any) -> None:
        self.edit.setPlainText("\n".join(value))

    def value(self) -> Any:
        return [line for line in self.edit.toPlainText().splitlines() if line.strip()]


class _JsonEditor(_Editor):
    """A setting of a shape this desk does not know (a newer kkdesk's), edited as JSON."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layout_.addWidget(QLabel(self.tr("The value as JSON:"), self))
        self.edit = QPlainTextEdit(self)
        self.edit.textChanged.connect(lambda: self.edited())
        self.layout_.addWidget(self.edit)

    def set_value(self, value: Any) -> None:
        self.edit.setPlainText(json.dumps(value, ensure_ascii=False, indent=2))

    def value(self) -> Any:
        try:
            return json.loads(self.edit.toPlainText())
        except ValueError:
            return self.edit.toPlainText()  # refused by the service's validation


def _language_headers() -> list[str]:
    return [
        QCoreApplication.translate("letters", "Finnish"),
        QCoreApplication.translate("letters", "Swedish"),
        QCoreApplication.translate("letters", "English"),
    ]


class _LocalTextEditor(_Editor):
    """One text in Finnish, Swedish and English."""

    def __init__(self, long: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edits: list[QLineEdit | QPlainTextEdit] = []
        for name in _language_headers():
            self.layout_.addWidget(QLabel(name + ":", self))
            edit: QLineEdit | QPlainTextEdit
            if long:
                edit = QPlainTextEdit(self)
                edit.textChanged.connect(lambda: self.edited())
            else:
                edit = QLineEdit(self)
                edit.textEdited.connect(lambda _t: self.edited())
            edit.setAccessibleName(name)
            self.layout_.addWidget(edit)
            self.edits.append(edit)
        self.layout_.addStretch(1)

    def set_value(self, value: Any) -> None:
        text = ri.LocalText.from_json(value) if value else ri.LocalText("", "", "")
        for edit, part in zip(self.edits, (text.fi, text.sv, text.en), strict=True):
            if isinstance(edit, QLineEdit):
                edit.setText(part)
            else:
                edit.setPlainText(part)

    def value(self) -> Any:
        parts = [e.text() if isinstance(e, QLineEdit) else e.toPlainText() for e in self.edits]
        return dict(zip(("fi", "sv", "en"), parts, strict=True))


class _TableEditor(_Editor):
    """A list of texts (or of purposes with legal bases), a row each, a column per language."""

    def __init__(self, purposes: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.purposes = purposes
        names = _language_headers()
        headers = names
        if purposes:
            purpose, basis = self.tr("Purpose"), self.tr("Legal basis")
            headers = [f"{purpose} ({n})" for n in names] + [f"{basis} ({n})" for n in names]
        self.table = QTableWidget(0, len(headers), self)
        self.table.setHorizontalHeaderLabels(headers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.itemChanged.connect(lambda _i: self.edited())
        add = QPushButton(self.tr("&Add row"), self)
        remove = QPushButton(self.tr("Remo&ve row"), self)
        add.clicked.connect(self._on_add_clicked)
        remove.clicked.connect(self._on_remove_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        self.layout_.addWidget(self.table)
        self.layout_.addLayout(buttons)

    def _on_add_clicked(self) -> None:
        self.table.insertRow(self.table.rowCount())
        self.edited()

    def _on_remove_clicked(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            self.table.removeRow(row)
        if rows:
            self.edited()

    def set_value(self, value: Any) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for item in value:
            texts = (
                [*ri.LocalText.from_json(item["purpose"]).to_json().values(),
                 *ri.LocalText.from_json(item["legal_basis"]).to_json().values()]
                if self.purposes
                else list(ri.LocalText.from_json(item).to_json().values())
            )  # fmt: skip
            row = self.table.rowCount()
            self.table.insertRow(row)
            for col, text in enumerate(texts):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.table.resizeRowsToContents()
        self.table.blockSignals(False)

    def _cell(self, row: int, col: int) -> str:
        item = self.table.item(row, col)
        return item.text() if item is not None else ""

    def value(self) -> Any:
        out: list[Any] = []
        for row in range(self.table.rowCount()):
            cells = [self._cell(row, c) for c in range(self.table.columnCount())]
            if not any(x.strip() for x in cells):
                continue  # an empty row added and left
            if self.purposes:
                langs = ("fi", "sv", "en")
                out.append(
                    {
                        "purpose": dict(zip(langs, cells[:3], strict=True)),
                        "legal_basis": dict(zip(langs, cells[3:], strict=True)),
                    }
                )
            else:
                out.append(dict(zip(("fi", "sv", "en"), cells, strict=True)))
        return out


def make_editor(key: str, kind: str, parent: QWidget | None = None) -> _Editor:
    if kind == "str":
        return _TextEditor(parent)
    if kind == "bool":
        return _BoolEditor(setting_label(key), parent)
    if kind == "lines":
        return _LinesEditor(parent)
    if kind == "text":
        return _LocalTextEditor(key in LONG_TEXTS, parent)
    if kind in ("texts", "purposes"):
        return _TableEditor(kind == "purposes", parent)
    return _JsonEditor(parent)


class RegisterSettingsDialog(QDialog):
    """Every register setting, one at a time: the list on the left, its editor beside it."""

    def __init__(self, ds: DeskSession, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self._ds, self._runner = ds, runner
        self.setWindowTitle(self.tr("Register settings"))
        self.resize(1000, 640)
        self._loaded: dict[str, Any] = {}
        self._stored: dict[str, tuple[datetime, str]] = {}
        self._allowed = ds.can(Capability.EDIT_REGISTER_SETTINGS)

        self.keys = QListWidget(self)
        self.keys.setAccessibleName(self.tr("Register settings"))
        self.stack = QStackedWidget(self)
        self.editors: dict[str, _Editor] = {}
        for key, kind in ri.KINDS.items():
            item = QListWidgetItem(setting_label(key), self.keys)
            item.setData(Qt.ItemDataRole.UserRole, key)
            editor = make_editor(key, kind, self.stack)
            editor.edited = self._on_edited
            editor.setEnabled(self._allowed)
            self.editors[key] = editor
            self.stack.addWidget(editor)
        self.keys.currentRowChanged.connect(self._on_key_changed)
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-weight: bold")
        self.stored = QLabel(self)
        self.default_button = QPushButton(self.tr("&Default value"), self)
        self.default_button.clicked.connect(self._on_default_clicked)
        self.default_button.setEnabled(self._allowed)
        self.warning = QLabel(self)
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #8a4b00")
        self.status = QLabel(self)
        self.status.setWordWrap(True)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.clicked.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        if not self._allowed:
            why = self.tr("Only an administrator may change the register settings.")
            self.save_button.setToolTip(why)
            self.status.setText(why)

        right = QVBoxLayout()
        head = QHBoxLayout()
        head.addWidget(self.heading, 1)
        head.addWidget(self.default_button)
        right.addLayout(head)
        right.addWidget(self.stored)
        right.addWidget(self.stack, 1)
        body = QHBoxLayout()
        body.addWidget(self.keys)
        body.addLayout(right, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.warning)
        layout.addLayout(body, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.keys.setCurrentRow(0)
        self._update_buttons()
        self.reload()

    # --- loading ----------------------------------------------------------------------

    def reload(self) -> None:
        self.status.setText(self.tr("Loading…"))
        ds = self._ds
        self._runner.run(
            lambda: register_settings.editor_state(ds),
            success=self._on_loaded,
            failure=self._on_failed,
            key=f"register-settings-{id(self)}",
        )

    def _on_loaded(self, state: tuple[dict[str, Any], dict[str, tuple[datetime, str]]]) -> None:
        self._loaded, self._stored = state
        for key, editor in self.editors.items():
            if key in self._loaded:
                editor.set_value(self._loaded[key])
        self.status.setText(
            ""
            if self._allowed
            else self.tr("Only an administrator may change the register settings.")
        )
        self._on_key_changed(self.keys.currentRow())
        self._update_warning()
        self._update_buttons()

    def _on_failed(self, exc: BaseException) -> None:
        self.status.setText(report_failure(exc, self, context="the register settings"))
        self._update_buttons()

    # --- editing ----------------------------------------------------------------------

    def current_key(self) -> str:
        item = self.keys.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else ""

    def select(self, key: str) -> None:
        for row in range(self.keys.count()):
            if self.keys.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.keys.setCurrentRow(row)
                return

    def _on_key_changed(self, row: int) -> None:
        if row < 0:
            return
        key = self.current_key()
        self.stack.setCurrentWidget(self.editors[key])
        self.heading.setText(setting_label(key))
        if key in self._stored:
            at, by = self._stored[key]
            self.stored.setText(
                self.tr("Last changed %1 by %2")
                .replace("%1", format_datetime(at))
                .replace("%2", by)
            )
        else:
            self.stored.setText(self.tr("The default value (never changed)."))

    def _on_default_clicked(self) -> None:
        key = self.current_key()
        self.editors[key].set_value(ri.value_to_json(key, getattr(ri.DEFAULT, key)))
        self._on_edited()

    def changes(self) -> dict[str, Any]:
        """The settings whose edited value differs from the one loaded."""
        return {
            key: editor.value()
            for key, editor in self.editors.items()
            if key in self._loaded and editor.value() != self._loaded[key]
        }

    def _on_edited(self) -> None:
        self._update_warning()
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.save_button.setEnabled(self._allowed and bool(self.changes()))

    def _update_warning(self) -> None:
        values = {k: e.value() for k, e in self.editors.items() if k in contact_keys()}
        try:
            info = ri.from_settings(values)
        except ValidationFailed:
            return
        empty = empty_contact_fields(info)
        if empty:
            self.warning.setText(
                self.tr(
                    "Letters and the privacy notice print these contact details, which are "
                    "empty: %1"
                ).replace("%1", ", ".join(setting_label(k) for k in empty))
            )
        else:
            self.warning.clear()

    # --- saving -----------------------------------------------------------------------

    def save(self) -> None:
        changed = self.changes()
        if not changed or not self._allowed:
            return
        ds = self._ds
        self.save_button.setEnabled(False)
        self.status.setText(self.tr("Saving…"))
        self._runner.run(
            lambda: register_settings.set_many(ds, changed),
            success=lambda _info: self._on_saved(len(changed)),
            failure=self._on_save_failed,
        )

    def _on_saved(self, count: int) -> None:
        ds = self._ds

        def reloaded(state: tuple[dict[str, Any], dict[str, tuple[datetime, str]]]) -> None:
            self._on_loaded(state)
            self.status.setText(self.tr("Saved %n setting(s).", "", count))

        self.status.setText(self.tr("Saved %n setting(s).", "", count))
        self._runner.run(
            lambda: register_settings.editor_state(ds), success=reloaded, failure=self._on_failed
        )

    def _on_save_failed(self, exc: BaseException) -> None:
        self._update_buttons()
        if isinstance(exc, ValidationFailed):
            keys = [k for k in exc.errors if k in self.editors]
            lines = [
                f"{setting_label(k)}: "
                + (self.tr("cannot be empty.") if exc.errors[k].code == "required"
                   else self.tr("not a valid value."))
                for k in keys
            ]  # fmt: skip
            self.status.setText("\n".join([self.tr("Nothing was saved:"), *lines]))
            if keys:
                self.select(keys[0])
            return
        self.status.setText(report_failure(exc, self, context="saving the register settings"))

    def reject(self) -> None:
        """Close (Esc, Close, the window's ×): unsaved changes are dropped only if the user
        says so — no lost work."""
        if self._allowed and self.changes() and not self.confirm_discard():
            return
        super().reject()

    def confirm_discard(self) -> bool:
        return dialogs.confirm_discard(self, self.tr("The register settings"))
