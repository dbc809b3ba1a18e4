"""User preferences shared by the desk and the command line, each declared once with its
type and default (window geometry and other window state live in QSettings instead).

Stored as JSON in the user's config folder. Secrets are never stored here: passwords live
only in the OS keyring.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, fields
from pathlib import Path

import platformdirs

from kkdesk import files
from kkdesk.domain.enums import Purpose
from kkdesk.domain.levels import Level

CONFIG_ENV = "KKDESK_CONFIG_DIR"


def config_dir() -> Path:
    override = os.environ.get(CONFIG_ENV)
    if override:
        return Path(override)
    return platformdirs.user_config_path("kkdesk", "Konekesko")


@dataclass
class Preferences:
    """Every preference, typed, with its default."""

    # UI language: "" follows the system locale, else "fi", "sv" or "en".
    language: str = ""
    # The user level on the embedded SQLite database, which has no database users.
    local_level: str = Level.ADMIN.value
    # The desk reminds when the embedded register's last backup is older than this many
    # days (0: never reminds).
    backup_reminder_days: int = 7
    # The purpose last chosen when opening a record; offered first next time.
    last_purpose: str = Purpose.CUSTOMER_SERVICE.value
    # The central database profile used last ("" for the embedded database).
    last_profile: str = ""
    # The embedded register file last opened: if it goes missing, the desk asks before
    # it creates a new, empty one in its place (it never does so silently).
    embedded_register: str = ""
    # How many seconds one query of desk work may run on a central database before the
    # server stops it (0: no limit). Exports ask for longer themselves.
    statement_timeout_seconds: int = 15

    @classmethod
    def load(cls, path: Path | None = None) -> Preferences:
        path = path or config_dir() / "preferences.json"
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        # A key no longer declared (a retired preference such as letters_name_staff, now a
        # register setting) is ignored here and dropped by the next save.
        known = {f.name for f in fields(cls)}
        prefs = cls()
        for key, value in raw.items() if isinstance(raw, dict) else ():
            if key in known and isinstance(value, type(getattr(prefs, key))):
                setattr(prefs, key, value)
        return prefs

    def save(self, path: Path | None = None) -> None:
        path = path or config_dir() / "preferences.json"
        # Atomic and 0600: a crash never leaves half a file (kkdesk.files).
        files.write_private(path, json.dumps(asdict(self), indent=2), make_folder=True)
