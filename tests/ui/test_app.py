"""The composition root's own file: Qt's window-state file is made private too."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from kkdesk.app import private_settings


def test_the_window_state_file_is_private(qapp: QApplication, tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        settings = QSettings(str(tmp_path / "kkdesk.conf"), QSettings.Format.IniFormat)
        settings.setValue("search/header", b"\x00\x01")
        private_settings(settings)
    finally:
        os.umask(old)
    assert stat.S_IMODE(os.stat(tmp_path / "kkdesk.conf").st_mode) == 0o600
