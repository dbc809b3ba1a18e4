"""Linux desktop integration: the desktop entry, the icons in the sizes desktops want and
the AppStream metadata, and that the desk names the same desktop entry."""

from __future__ import annotations

import configparser
import struct
import subprocess
from pathlib import Path

from kkdesk import app, resources
from tests.packaging.conftest import require_tool

LINUX = Path(__file__).resolve().parents[2] / "packaging" / "linux"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256)


def _entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(LINUX / f"{app.DESKTOP_FILE}.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def test_the_desktop_entry_is_the_one_the_desk_names() -> None:
    entry = _entry()
    assert entry["Exec"].split()[0] == "kkdesk"
    assert entry["Icon"] == "kkdesk" and entry["Type"] == "Application"
    assert {"GenericName[fi]", "GenericName[sv]", "Comment[fi]", "Comment[sv]"} <= set(entry)


def test_the_icon_comes_in_every_size_and_as_svg() -> None:
    hicolor = resources.path("icons/hicolor")
    for size in SIZES:
        png = (hicolor / f"{size}x{size}" / "apps" / "kkdesk.png").read_bytes()
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        assert struct.unpack(">II", png[16:24]) == (size, size)
    svg = (hicolor / "scalable" / "apps" / "kkdesk.svg").read_text(encoding="utf-8")
    assert "<svg" in svg and "<text" not in svg  # no font needed to draw it


def test_appstream_metadata_validates() -> None:
    tool = require_tool("appstreamcli", "appstream")
    metainfo = LINUX / f"{app.DESKTOP_FILE}.metainfo.xml"
    done = subprocess.run(
        [tool, "validate", "--no-net", str(metainfo)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert f'<launchable type="desktop-id">{app.DESKTOP_FILE}.desktop' in metainfo.read_text()


def test_desktop_entry_validates() -> None:
    tool = require_tool("desktop-file-validate", "desktop-file-utils")
    done = subprocess.run(
        [tool, str(LINUX / f"{app.DESKTOP_FILE}.desktop")], capture_output=True, text=True
    )
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr
