"""The settings dialog: interface language and, on the embedded database, the user level.

Both are :class:`~kkdesk.config.Preferences` (JSON in the user's config folder), never
QSettings, and never a secret. They take effect the next time the desk starts.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from kkdesk.config import Preferences
from kkdesk.domain.levels import Level
from kkdesk.ui.labels import level_label


class SettingsDialog(QDialog):
    def __init__(self, prefs: Preferences, *, embedded: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self._prefs = prefs
        self.language = QComboBox(self)
        self.language.setAccessibleName(self.tr("Language"))
        self.language.addItem(self.tr("Follow the system"), "")
        for code, name in (("fi", "suomi"), ("sv", "svenska"), ("en", "English")):
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(self.language.findData(prefs.language), 0))
        language_label = QLabel(self.tr("&Language:"), self)
        language_label.setBuddy(self.language)

        self.level = QComboBox(self)
        self.level.setAccessibleName(self.tr("User level on the embedded database"))
        for level in Level:
            self.level.addItem(level_label(level), level.value)
        self.level.setCurrentIndex(max(self.level.findData(prefs.local_level), 0))
        level_text = QLabel(self.tr("User &level on the embedded database:"), self)
        level_text.setBuddy(self.level)
        if not embedded:
            self.level.setEnabled(False)
            self.level.setToolTip(
                self.tr("On the central database your level is your database role.")
            )

        note = QLabel(self.tr("Changes take effect when you next start the desk."), self)
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(language_label, self.language)
        form.addRow(level_text, self.level)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def apply(self) -> bool:
        """Write the choices into the preferences; True if anything changed."""
        language = str(self.language.currentData())
        level = str(self.level.currentData())
        changed = (language, level) != (self._prefs.language, self._prefs.local_level)
        self._prefs.language = language
        self._prefs.local_level = level
        return changed
