"""The desk's start-up objects are kept out of full garbage collections (kkdesk/ui/heap.py)."""

from __future__ import annotations

import gc
import time

from kkdesk.ui import heap


def test_settle_freezes_what_lives_and_a_full_pass_then_skips_it() -> None:
    hoard = [[i] for i in range(200_000)]  # long-lived objects, as a desk's start makes
    try:
        t0 = time.process_time()
        gc.collect()
        walked = time.process_time() - t0
        heap.settle()
        assert gc.get_freeze_count() >= len(hoard)
        t0 = time.process_time()
        gc.collect()
        assert time.process_time() - t0 < walked
    finally:
        gc.unfreeze()
        del hoard
