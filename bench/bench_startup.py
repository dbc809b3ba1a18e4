"""Start-up: ``kkdesk --version``/``--help`` and the desk window (issue 18).

Targets:

- ``kkdesk --version`` and ``kkdesk --help``: ≤ 300 ms and ≤ 2× ``python -c pass`` (bare);
- the desk window shown: ≤ 1.5 s and ≤ 2× an empty PySide6 window started the same way
  (bare).

Each figure is a fresh process from spawn to exit, the best of ``REPEAT`` runs, the kkdesk
and bare runs taking turns so that both meet the same load on a shared machine. The desk
runs offscreen on the bench register (embedded SQLite): a script makes the
QApplication, posts a quit for the event loop's first turn and calls ``run_desk()``, so the
process ends once the main window has been shown; the bare window is the same script with
a ``QWidget`` instead of the desk.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import BenchContext, Row

REPEAT = 9
CLI_TARGET_MS = 300.0
DESK_TARGET_MS = 1500.0

DESK = """
import sys
from kkdesk.ui.qtcompat import keep_singletons_alive
keep_singletons_alive()
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
QTimer.singleShot(0, app.quit)
from kkdesk.app import run_desk
sys.exit(run_desk())
"""

EMPTY_WINDOW = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication(sys.argv[:1])
QTimer.singleShot(0, app.quit)
window = QWidget()
window.resize(1280, 720)
window.show()
sys.exit(app.exec())
"""


def _kkdesk() -> list[str]:
    script = Path(sys.executable).with_name("kkdesk")
    return [str(script)] if script.exists() else [sys.executable, "-m", "kkdesk"]


def _side_by_side(ours: list[str], bare: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Best wall-clock milliseconds of each command, run in turns."""
    best = [float("inf"), float("inf")]
    for _ in range(REPEAT):
        for i, command in enumerate((ours, bare)):
            t0 = time.perf_counter()
            subprocess.run(command, env=env, stdout=subprocess.DEVNULL, check=True)
            best[i] = min(best[i], (time.perf_counter() - t0) * 1000)
    return best[0], best[1]


def _row(name: str, ours: float, bare: float, target: float, note: str) -> Row:
    return Row(
        name,
        ours,
        "ms",
        target=f"≤ {target:,.0f} ms, ≤ 2× bare",
        baseline=bare,
        ok=ours <= target and ours <= 2 * bare,
        note=f"{ours / bare:.2f}× bare; {note}",
    )


def run(ctx: BenchContext) -> list[Row]:
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        register = home / "register.sqlite3"
        shutil.copyfile(ctx.path, register)
        env = dict(os.environ)
        env.update(
            QT_QPA_PLATFORM="offscreen",
            KKDESK_DB=str(register),
            KKDESK_CONFIG_DIR=str(home / "config"),
            XDG_DATA_HOME=str(home / "data"),
            XDG_STATE_HOME=str(home / "state"),
            XDG_CACHE_HOME=str(home / "cache"),
        )
        rows = []
        for option in ("--version", "--help"):
            ours, bare = _side_by_side([*_kkdesk(), option], [sys.executable, "-c", "pass"], env)
            rows.append(
                _row(f"kkdesk {option}", ours, bare, CLI_TARGET_MS, "bare = python -c pass")
            )
        ours, bare = _side_by_side(
            [sys.executable, "-c", DESK], [sys.executable, "-c", EMPTY_WINDOW], env
        )
        rows.append(
            _row(
                f"desk window shown ({ctx.customers:,} customers)",
                ours,
                bare,
                DESK_TARGET_MS,
                "offscreen; bare = an empty PySide6 window",
            )
        )
    return rows
