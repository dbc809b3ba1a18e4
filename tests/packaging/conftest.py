"""Packaging tests need tools from outside the venv (appstreamcli, gnome-keyring): skipped
with a message where one is missing, and failing instead under CI, like PostgreSQL."""

from __future__ import annotations

import os
import shutil

import pytest


def require_tool(name: str, package: str) -> str:
    found = shutil.which(name)
    if found is None:
        message = f"{name} is missing (Debian package {package})"
        if os.environ.get("CI") == "true":
            pytest.fail(message + ": CI must install it")
        pytest.skip(message)
    return found
