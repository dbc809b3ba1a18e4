"""Fixtures every test shares: an isolated user environment and real SQLite databases.

Each test gets its own config and data folders, so nothing a test does reaches the real
user's preferences or the embedded database. Storage tests run against real, migrated
SQLite files (never a mocked Session).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

# Before anything imports Qt: tests run without a screen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from hypothesis import HealthCheck, settings

from kkdesk.domain.levels import Level
from kkdesk.services import demo
from kkdesk.services.session import DeskSession, open_session

DEMO_CUSTOMERS = 300

# Property tests under CI (CI=true, as .ci/run runs, or HYPOTHESIS_PROFILE=ci): a shared
# machine's load says nothing about the code, so no per-example deadline and no "input
# generation is slow" check (the consent history test failed both under load); the same
# examples every run (derandomize), and a failure prints the blob that reproduces it.
settings.register_profile(
    "ci",
    deadline=None,
    derandomize=True,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "default")
)


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "home"
    monkeypatch.setenv("KKDESK_CONFIG_DIR", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "xdg-config"))
    monkeypatch.setenv("KKDESK_SITE_CONFIG_DIR", str(home / "site-config"))  # IT's profiles
    monkeypatch.setenv("KKDESK_LOG_DIR", str(home / "log"))
    monkeypatch.delenv("KKDESK_DB", raising=False)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "register.sqlite3"


@pytest.fixture
def ds(db_path: Path) -> Iterator[DeskSession]:
    """An empty, migrated embedded register; the user is an admin."""
    session = open_session(str(db_path), level=Level.ADMIN)
    yield session
    session.close()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated register with demo customers, built once per test session."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    session = open_session(str(path), level=Level.ADMIN)
    demo.generate(session, DEMO_CUSTOMERS, seed=7)
    session.close()
    return path


@pytest.fixture
def demo_ds(demo_template: Path, tmp_path: Path) -> Iterator[DeskSession]:
    """A private copy of the demo register, so a test may change it freely."""
    path = tmp_path / "demo.sqlite3"
    shutil.copyfile(demo_template, path)
    session = open_session(str(path), level=Level.ADMIN)
    yield session
    session.close()
