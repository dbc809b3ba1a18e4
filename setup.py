"""The one build step pyproject.toml cannot declare: compiling the translations.

The Qt Linguist sources ``resources/i18n/*.ts`` are committed (and in the sdist); the
compiled ``kkdesk_<lang>.qm`` files are build output, written by this ``build_py`` into
the wheel's ``kkdesk/resources/i18n/`` with Qt's own ``lrelease`` (from PySide6, a build
requirement). ``make translations`` writes the same files into the source tree for the
editable install that developers use, so an editable build skips this step.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

SOURCES = Path(__file__).resolve().parent / "resources" / "i18n"


def lrelease() -> str:
    """PySide6's lrelease binary (the ``pyside6-lrelease`` script is only a wrapper that
    may not be on PATH in an isolated build environment), else one on PATH."""
    spec = importlib.util.find_spec("PySide6")
    if spec is not None and spec.origin:
        exe = Path(spec.origin).parent / ("lrelease.exe" if sys.platform == "win32" else "lrelease")
        if exe.is_file():
            return str(exe)
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    if found is None:
        raise SystemExit("kkdesk build: Qt's lrelease is missing (install PySide6-Essentials)")
    return found


class BuildWithTranslations(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        out = Path(self.build_lib) / "kkdesk" / "resources" / "i18n"
        out.mkdir(parents=True, exist_ok=True)
        tool = lrelease()
        sources = sorted(SOURCES.glob("kkdesk_*.ts"))
        if not sources:
            raise SystemExit(f"kkdesk build: no translation sources in {SOURCES}")
        for ts in sources:
            qm = out / ts.with_suffix(".qm").name
            subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], check=True)


setup(cmdclass={"build_py": BuildWithTranslations})
