"""Help → About: the version, the database (kind, where, schema version) and the folder of
the log files — what support asks for first. The text can be selected and copied."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from kkdesk import logs
from kkdesk.services.about import About, about
from kkdesk.services.session import DeskSession
from kkdesk.ui.tasks import TaskRunner


class AboutDialog(QMessageBox):
    def __init__(self, info: About, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutBox")
        self.setWindowTitle(self.tr("About kkdesk"))
        self.setIcon(QMessageBox.Icon.Information)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setText("<br>".join(escape(line) for line in self.lines(info)))
        self.setStandardButtons(QMessageBox.StandardButton.Close)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def lines(self, info: About) -> list[str]:
        if info.schema_version is None:
            schema = self.tr("Schema version: not created (this program expects %1)").replace(
                "%1", info.schema_expected
            )
        elif info.schema_version == info.schema_expected:
            schema = self.tr("Schema version: %1").replace("%1", info.schema_version)
        else:
            schema = (
                self.tr("Schema version: %1 (this program expects %2)")
                .replace("%1", info.schema_version)
                .replace("%2", info.schema_expected)
            )
        return [
            self.tr("kkdesk %1 — Konekesko Webshop customer register.").replace("%1", info.version),
            self.tr("Database: %1, %2")
            .replace("%1", info.database_kind)
            .replace("%2", info.database_location),
            schema,
            self.tr("Log files: %1").replace("%1", str(logs.log_dir())),
        ]


def show_about(parent: QWidget, ds: DeskSession, runner: TaskRunner) -> None:
    """Reads the schema version off the GUI thread, then opens the box (not blocking)."""

    def shown(info: About) -> None:
        AboutDialog(info, parent).open()

    runner.run(lambda: about(ds), success=shown, key="about")
