"""Qt paints on the GUI thread alone (kkdesk/ui/gui_pool.py)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

from kkdesk.ui import gui_pool

# A list as tall as the desk's, painted in a fresh process (the pool is Qt's, made once).
_PAINT = textwrap.dedent(
    """
    import os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    if sys.argv[1] == "desk":
        from kkdesk.ui.gui_pool import paint_on_gui_thread
        paint_on_gui_thread()
    from PySide6.QtGui import QStandardItemModel
    from PySide6.QtWidgets import QApplication, QTableView
    app = QApplication([])
    view = QTableView()
    view.setModel(QStandardItemModel(100, 7))
    view.resize(700, 800)
    view.show()
    app.processEvents()

    def switches():
        with open("/proc/thread-self/status") as f:
            return int(next(l for l in f if l.startswith("voluntary")).split()[1])

    before = switches()
    for _ in range(10):
        view.update()
        view.verticalScrollBar().update()
        app.processEvents()
    print(switches() - before)
    """
)


def _switches(mode: str) -> int:
    env = {k: v for k, v in os.environ.items() if k != gui_pool.ENVIRONMENT}
    out = subprocess.run(
        [sys.executable, "-c", _PAINT, mode], env=env, capture_output=True, text=True, check=True
    )
    return int(out.stdout.split()[-1])


def test_the_desk_paints_without_waiting_for_other_threads() -> None:
    """With Qt's GUI thread pool a tall fill is split among its threads and the painting
    thread waits for them (a context switch each); the desk turns the pool off."""
    if not os.path.exists("/proc/thread-self/status"):
        pytest.skip("counts context switches from /proc (Linux)")
    assert _switches("qt") > 10  # Qt's default: the fills go to its pool
    assert _switches("desk") == 0


def test_a_value_the_user_set_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(gui_pool.ENVIRONMENT, "0")
    gui_pool.paint_on_gui_thread()
    assert os.environ[gui_pool.ENVIRONMENT] == "0"
    monkeypatch.delenv(gui_pool.ENVIRONMENT)
    gui_pool.paint_on_gui_thread()
    assert os.environ[gui_pool.ENVIRONMENT] == "1"
