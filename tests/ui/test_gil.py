"""The desk's GUI thread gets the GIL back quickly from a worker (kkdesk/ui/gil.py)."""

from __future__ import annotations

import sys

from kkdesk.ui import gil


def test_a_worker_hands_the_gil_over_within_a_millisecond() -> None:
    before = sys.getswitchinterval()
    try:
        gil.favour_gui_thread()
        assert sys.getswitchinterval() <= 0.001
    finally:
        sys.setswitchinterval(before)
