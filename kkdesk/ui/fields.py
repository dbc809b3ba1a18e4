"""Labelled form fields with their validation message right below the editor.

Every editor gets a label with a mnemonic and the editor as its buddy, an accessible name
(the label's text) and, while invalid, an accessible description that is the problem, so a
screen reader says what to fix. Used by the customer form and the contact person dialog.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

Editor = QLineEdit | QComboBox | QPlainTextEdit


def _plain(label: str) -> str:
    return label.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(":")


class FieldSet(QObject):
    """The editors of one form by field name, and the message label of each."""

    edited = Signal(str)  # field name: the user changed the value

    def __init__(self, layout: QFormLayout, parent: QWidget) -> None:
        super().__init__(parent)
        self._layout = layout
        self._parent = parent
        self.editors: dict[str, Editor] = {}
        self.labels: dict[str, QLabel] = {}
        self.errors: dict[str, QLabel] = {}
        self.rows: dict[str, QWidget] = {}
        self._row_layouts: dict[str, QFormLayout] = {}

    def use_layout(self, layout: QFormLayout) -> None:
        """Add the next fields to ``layout`` (a form split into group boxes)."""
        self._layout = layout

    def _add(self, name: str, label_text: str, editor: Editor) -> Editor:
        label = QLabel(label_text, self._parent)
        label.setBuddy(editor)
        editor.setObjectName(f"field_{name}")
        editor.setAccessibleName(_plain(label_text))
        error = QLabel(self._parent)
        error.setObjectName(f"error_{name}")
        error.setWordWrap(True)
        error.setAccessibleName(self.tr("Problem: %1").replace("%1", _plain(label_text)))
        palette = error.palette()
        palette.setColor(QPalette.ColorRole.WindowText, _error_color(self._parent))
        error.setPalette(palette)
        error.hide()
        box = QWidget(self._parent)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(editor)
        column.addWidget(error)
        self._layout.addRow(label, box)
        self.editors[name] = editor
        self.labels[name] = label
        self.errors[name] = error
        self.rows[name] = box
        self._row_layouts[name] = self._layout
        return editor

    def add_line(self, name: str, label_text: str, *, placeholder: str = "") -> QLineEdit:
        editor = QLineEdit(self._parent)
        if placeholder:
            editor.setPlaceholderText(placeholder)
        editor.textEdited.connect(lambda _text, n=name: self.edited.emit(n))
        self._add(name, label_text, editor)
        return editor

    def add_combo(self, name: str, label_text: str, items: list[tuple[str, str]]) -> QComboBox:
        editor = QComboBox(self._parent)
        for text, data in items:
            editor.addItem(text, data)
        editor.activated.connect(lambda _i, n=name: self.edited.emit(n))
        self._add(name, label_text, editor)
        return editor

    def add_text(self, name: str, label_text: str) -> QPlainTextEdit:
        editor = QPlainTextEdit(self._parent)
        editor.setTabChangesFocus(True)  # Tab moves on, as in every other field
        editor.setFixedHeight(editor.fontMetrics().lineSpacing() * 4 + 12)
        editor.textChanged.connect(lambda n=name: self._on_text_changed(n))
        self._add(name, label_text, editor)
        return editor

    def _on_text_changed(self, name: str) -> None:
        editor = self.editors[name]
        # textChanged also fires for programmatic setPlainText: only count the user's edits.
        if not editor.property("loading"):
            self.edited.emit(name)

    def value(self, name: str) -> str:
        editor = self.editors[name]
        if isinstance(editor, QLineEdit):
            return editor.text()
        if isinstance(editor, QComboBox):
            return str(editor.currentData() or "")
        return editor.toPlainText()

    def set_value(self, name: str, value: str) -> None:
        editor = self.editors[name]
        if isinstance(editor, QLineEdit):
            editor.setText(value)
            editor.setCursorPosition(0)
        elif isinstance(editor, QComboBox):
            index = editor.findData(value)
            editor.setCurrentIndex(max(index, 0))
        else:
            editor.setProperty("loading", True)
            editor.setPlainText(value)
            editor.setProperty("loading", False)

    def values(self) -> dict[str, str]:
        return {name: self.value(name) for name in self.editors}

    def set_error(self, name: str, message: str) -> None:
        label = self.errors.get(name)
        if label is None:
            return
        if label.text() != message:
            label.setText(message)
            self.editors[name].setAccessibleDescription(message)
        label.setVisible(bool(message))

    def error(self, name: str) -> str:
        label = self.errors.get(name)
        return label.text() if label is not None and label.isVisible() else ""

    def set_row_visible(self, name: str, visible: bool) -> None:
        self._row_layouts[name].setRowVisible(self.rows[name], visible)

    def set_read_only(self, read_only: bool, reason: str = "") -> None:
        for editor in self.editors.values():
            if isinstance(editor, QComboBox):
                editor.setEnabled(not read_only)
            else:
                editor.setReadOnly(read_only)
            editor.setToolTip(reason if read_only else "")


def _error_color(widget: QWidget) -> object:
    from PySide6.QtGui import QColor

    # Dark red on a light window, light red on a dark one: readable in both themes.
    dark = widget.palette().color(QPalette.ColorRole.Window).lightness() < 128
    return QColor("#ff8a80") if dark else QColor("#b00020")
