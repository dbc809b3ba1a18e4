"""The desk bench's stall meter: which part of a gap it takes out (bench/thread_clock.py)."""

from __future__ import annotations

import sys

import pytest

from bench.thread_clock import ThreadClock


def clock(
    wall_ms: float, ran: float, queued: float, cpu: int, steal: tuple[float, ...]
) -> ThreadClock:
    return ThreadClock(wall_ms / 1000, ran, queued, cpu, steal)


def test_the_run_queue_wait_and_the_steal_of_the_threads_cpu_are_taken_out() -> None:
    before = clock(0, 100, 10, 0, (1000, 5000))
    after = clock(90, 120, 15, 0, (1060, 5080))  # 90 ms: ran 20, queued 5, cpu 0 lost 60
    parts = after.since(before)
    assert (round(parts.gap_ms), parts.ran_ms, parts.queued_ms, parts.stolen_ms) == (90, 20, 5, 60)
    assert round(parts.stall_ms) == 25  # the other CPU's 80 ms of steal do not count


def test_steal_never_takes_out_time_the_thread_ran_or_slept_for() -> None:
    # /proc/stat counts steal in 10 ms units: a gap of 30 ms in which the thread ran 25 can
    # lose at most the 5 ms it neither ran nor queued, whatever the counter says.
    parts = clock(30, 25, 0, 1, (0, 10)).since(clock(0, 0, 0, 1, (0, 0)))
    assert round(parts.stolen_ms, 6) == 5
    assert round(parts.stall_ms, 6) == 25


def test_a_thread_that_moved_is_credited_the_smaller_of_the_two_cpus_steal() -> None:
    parts = clock(100, 10, 0, 1, (40, 70)).since(clock(0, 0, 0, 0, (0, 0)))
    assert parts.stolen_ms == 40


def test_without_the_threads_cpu_nothing_is_taken_out_but_the_run_queue_wait() -> None:
    parts = clock(100, 10, 20, -1, (90, 90)).since(clock(0, 0, 0, -1, (0, 0)))
    assert (parts.stolen_ms, round(parts.stall_ms)) == (0, 80)
    assert clock(100, 10, 20, 0, ()).since(clock(0, 0, 0, 0, ())).stolen_ms == 0


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads Linux's /proc")
def test_a_read_on_linux_has_the_threads_clocks_and_every_cpus_steal() -> None:
    now = ThreadClock.read()
    assert now.ran_ms > 0
    assert now.queued_ms >= 0
    assert len(now.steal_ms) >= 1
    assert 0 <= now.cpu < len(now.steal_ms)
