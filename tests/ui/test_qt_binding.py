"""The Qt binding keeps Python's reference counts right.

PySide6 6.12.0 on Python 3.11 dropped a reference to ``None`` on every void call and to
``True`` on every ``Signal.emit()``; a day at the desk then ended in "Fatal Python error:
none_dealloc". ``pyproject.toml`` excludes that release and :mod:`kkdesk.ui.qtcompat`
guards against a relapse; this test tells which binding is installed.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QLineEdit


class _Emitter(QObject):
    happened = Signal()


def test_void_calls_and_emits_keep_reference_counts(qapp: QApplication) -> None:
    edit = QLineEdit()
    emitter = _Emitter()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(1000):
        edit.setText("x")
        emitter.happened.emit()
    # A few references may come and go with the interpreter's own work; a leak of one
    # per call would show as a thousand.
    assert abs(sys.getrefcount(None) - none_before) < 100
    assert abs(sys.getrefcount(True) - true_before) < 100
