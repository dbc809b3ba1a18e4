"""The wheel as IT installs it: built (sdist, then the wheel from the sdist, as
``python -m build`` does), installed into a fresh virtual environment, and run from
there — ``kkdesk --version``, access letters and notices in Finnish and Swedish, and the
desk offscreen in Finnish.

Speed and isolation: the build runs with this venv's own build tools
(``--no-isolation``: no download of setuptools and PySide6 for each run; ``make package``
builds isolated, as IT would). The fresh venv gets the wheel with ``pip install
--no-deps`` and reaches the dependencies through a ``.pth`` line naming this venv's
site-packages, appended *after* its own: so ``kkdesk`` can only be the installed wheel (a
``.pth`` line adds a folder without running the editable install's finder in it), and
nothing is downloaded or unpacked again. The test runs from an empty folder, so the
source tree is not on the path either; the test checks where ``kkdesk`` was imported from.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import tarfile
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from kkdesk.domain.search import customer_number
from tests.unit.reports.pdftext import pages

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Installed:
    wheel: Path
    sdist: Path
    venv: Path
    home: Path

    @property
    def kkdesk(self) -> Path:
        return self.venv / "bin" / "kkdesk"

    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("KKDESK_", "PYTHON"))}
        env.update(
            QT_QPA_PLATFORM="offscreen",
            KKDESK_DB=str(self.home / "register.sqlite3"),
            KKDESK_CONFIG_DIR=str(self.home / "config"),
            KKDESK_LOG_DIR=str(self.home / "log"),
            KKDESK_SITE_CONFIG_DIR=str(self.home / "site"),
            XDG_DATA_HOME=str(self.home / "data"),
            PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
        )
        return env

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            [str(self.kkdesk), *args],
            cwd=self.home,
            env=self.env(),
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 0, done.stdout + done.stderr
        return done


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Installed]:
    work = tmp_path_factory.mktemp("wheel")
    dist = work / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(dist), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    [wheel] = dist.glob("kkdesk-*.whl")
    [sdist] = dist.glob("kkdesk-*.tar.gz")
    venv = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    site = Path(
        subprocess.run(
            [
                str(venv / "bin" / "python"),
                "-c",
                "import sysconfig; print(sysconfig.get_paths()['purelib'])",
            ],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
    )
    (site / "zz_kkdesk_test_dependencies.pth").write_text(
        sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8"
    )
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(venv / "bin" / "python"), "install",
         "--quiet", "--no-deps", "--no-index", str(wheel)],
        check=True,
        timeout=300,
    )  # fmt: skip
    home = work / "home"
    home.mkdir()
    yield Installed(wheel, sdist, venv, home)


def test_the_wheel_carries_translations_fonts_and_icons(installed: Installed) -> None:
    names = set(zipfile.ZipFile(installed.wheel).namelist())
    assert {
        "kkdesk/resources/i18n/kkdesk_fi.qm",
        "kkdesk/resources/i18n/kkdesk_sv.qm",
        "kkdesk/resources/fonts/DejaVuSans.ttf",
        "kkdesk/resources/fonts/DejaVuSans-Bold.ttf",
        "kkdesk/resources/icons/hicolor/scalable/apps/kkdesk.svg",
        "kkdesk/resources/icons/hicolor/48x48/apps/kkdesk.png",
        "kkdesk/store/migrations/env.py",
    } <= names
    assert not [n for n in names if n.startswith(("tests/", "resources/"))]
    # The sdist carries the translation sources, not what is built from them.
    with tarfile.open(installed.sdist) as archive:
        sdist = archive.getnames()
    assert any(n.endswith("resources/i18n/kkdesk_fi.ts") for n in sdist)
    assert any(n.endswith("/setup.py") for n in sdist)
    assert not [n for n in sdist if n.endswith(".qm")]


def test_the_installed_kkdesk_is_the_wheel(installed: Installed) -> None:
    assert installed.run("--version").stdout.strip() == "kkdesk 0.1.0"
    where = subprocess.run(
        [str(installed.venv / "bin" / "python"), "-c",
         "import kkdesk, kkdesk.resources as r; print(kkdesk.__file__); print(r.path('fonts'))"],
        cwd=installed.home, env=installed.env(), capture_output=True, text=True, check=True,
    ).stdout.split()  # fmt: skip
    assert all(Path(p).is_relative_to(installed.venv) for p in where), where


def test_letters_and_notices_in_finnish_and_swedish(installed: Installed) -> None:
    installed.run("demo", "--customers", "3")
    number = customer_number(1)  # the first demo customer
    assert json.loads(installed.run("customer", "show", number, "--json").stdout)
    expected = {"fi": "Tietosuoja", "sv": "dataskydd"}
    for lang, word in expected.items():
        letter = installed.home / f"access-{lang}.pdf"
        notice = installed.home / f"notice-{lang}.pdf"
        installed.run("report", "access", number, "--lang", lang, "-o", str(letter))
        installed.run("report", "notice", "--lang", lang, "-o", str(notice))
        for pdf in (letter, notice):
            text = "\n".join(pages(pdf.read_bytes()))
            assert word.casefold() in text.casefold(), (pdf.name, text[:300])


def test_the_desk_starts_offscreen_in_finnish(installed: Installed) -> None:
    config = installed.home / "config"
    config.mkdir(exist_ok=True)
    (config / "preferences.json").write_text(json.dumps({"language": "fi"}), encoding="utf-8")
    log = installed.home / "log" / "kkdesk.log"
    desk = subprocess.Popen(
        [str(installed.kkdesk)],
        cwd=installed.home,
        env=installed.env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 120
        while "desk window shown" not in (log.read_text() if log.exists() else ""):
            assert desk.poll() is None, "the desk ended before its window was shown"
            assert time.monotonic() < deadline, "no desk window within 120 s"
            time.sleep(0.2)
    finally:
        desk.terminate()
        desk.wait(30)
    text = log.read_text()
    assert "no translation file" not in text  # the .qm files were found in the wheel
    assert "Traceback" not in text
