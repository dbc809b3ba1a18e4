"""The desk's start-up objects are kept out of full garbage collections (kkdesk/ui/heap.py)."""

from __future__ import annotations

import gc
import threading
import time
import weakref
from typing import Any

from kkdesk.ui import heap
from kkdesk.ui.tasks import TaskRunner


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


def test_garbage_is_collected_on_the_gui_thread_never_on_a_worker(
    qtbot: Any, runner: TaskRunner
) -> None:
    """A worker's collection that destroys a Qt object deadlocks with a GUI thread that
    connects a signal (kkdesk/ui/heap.py). The suite runs with the desk's collector."""
    assert not gc.isenabled()
    gui = threading.get_ident()
    collected_on: list[int] = []

    def seen(phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            collected_on.append(threading.get_ident())

    class Node:
        other: Node

    def churn() -> weakref.ref[Node]:
        for _ in range(50_000):  # far past the collector's threshold of 700
            a, b = Node(), Node()
            a.other, b.other = b, a  # a cycle: only a collection frees it
        return weakref.ref(a)

    gc.callbacks.append(seen)
    try:
        done: list[weakref.ref[Node]] = []
        runner.run(churn, success=done.append)
        qtbot.waitUntil(lambda: bool(done), timeout=10000)
        qtbot.waitUntil(lambda: done[0]() is None, timeout=5000)  # the GUI thread's tick
    finally:
        gc.callbacks.remove(seen)
    assert collected_on and set(collected_on) == {gui}


def test_the_collector_takes_the_generations_past_their_thresholds_and_stops(qapp: Any) -> None:
    collector = heap.GuiThreadCollector()
    try:
        assert not gc.isenabled()
        junk = []
        for _ in range(2_000):
            a: list[object] = []
            a.append(a)
            junk.append(weakref.ref(ExampleCycle(a)))
        assert gc.get_count()[0] > collector.threshold[0]
        collector.check()
        assert gc.get_count()[0] < collector.threshold[0]
        assert all(r() is None for r in junk)
    finally:
        collector.stop()
        gc.disable()  # the session's collector goes on (tests/ui/conftest.py)


class ExampleCycle:
    def __init__(self, inner: object) -> None:
        self.inner = inner
        self.me = self
