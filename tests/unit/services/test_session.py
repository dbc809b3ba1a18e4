"""The embedded database has no users: the desk runs as the local OS user, at the level set
in the settings (default admin)."""

from __future__ import annotations

import getpass
from pathlib import Path

import pytest

from kkdesk.config import Preferences
from kkdesk.domain.levels import Capability, Level
from kkdesk.errors import PermissionDenied
from kkdesk.services.session import open_session


def test_default_level_is_admin_as_the_local_user(db_path: Path) -> None:
    ds = open_session(str(db_path), prefs=Preferences())
    try:
        assert ds.level is Level.ADMIN and ds.is_embedded
        assert ds.user == getpass.getuser()
    finally:
        ds.close()


def test_level_comes_from_the_settings(db_path: Path) -> None:
    Preferences(local_level="viewer").save()
    ds = open_session(str(db_path))
    try:
        assert ds.level is Level.VIEWER
        with pytest.raises(PermissionDenied):
            ds.require(Capability.EDIT_CUSTOMERS)
    finally:
        ds.close()


def test_a_damaged_level_setting_gives_the_least_level(db_path: Path) -> None:
    ds = open_session(str(db_path), prefs=Preferences(local_level="root"))
    try:
        assert ds.level is Level.VIEWER
    finally:
        ds.close()
